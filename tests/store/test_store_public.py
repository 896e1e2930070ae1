"""What the public sees: of each series its latest published revision. Approved corrections and
drafts stay out until published; the migration keeps what was public before it."""

from __future__ import annotations

from sqlalchemy import select

from chiso.store import db, observations, sources
from chiso.store.models import Observation, Unit
from chiso.vocab import PUBLISHED


def _rec(value: float, **extra):
    return {"unit_id": "vn34-01", "indicator": "coverage_4g_pop", "period": "2024",
            "kind": "actual", "value": value, **extra}


def _public(engine) -> list[tuple[float, str]]:
    with db.session_factory(engine)() as s:
        return [(o.value, o.status)
                for o, _ in observations.figures(s, observations.Filter(unit_ids=["vn34-01"]))]


def test_only_published_revisions_are_public_and_corrections_wait(engine) -> None:
    with db.transaction(engine) as s:
        s.add(Unit(id="vn34-01", code="01", name="Hà Nội", full_name="Thành phố Hà Nội",
                   type="thành phố", level="province"))
        src = sources.add_source(s, kind="file", title="t.csv").id
        observations.record_observations(s, [_rec(90.0)], source_id=src)  # approved
    assert _public(engine) == []
    with db.transaction(engine) as s:
        observations.record_observations(s, [_rec(90.0)], source_id=src, status=PUBLISHED)
    assert _public(engine) == [(90.0, "published")]
    # an approved correction becomes current, but the public still sees the published figure
    with db.transaction(engine) as s:
        observations.record_observations(s, [_rec(92.5)], source_id=src)
    assert _public(engine) == [(90.0, "published")]
    with db.transaction(engine) as s:
        observations.record_observations(s, [_rec(92.5)], source_id=src, status=PUBLISHED)
    assert _public(engine) == [(92.5, "published")]
    # a draft (e.g. an extracted candidate) never shows
    with db.transaction(engine) as s:
        observations.record_observations(s, [_rec(1.0, indicator="fiber_households_share")],
                                         source_id=src, status="draft")
    assert _public(engine) == [(92.5, "published")]
    with db.session_factory(engine)() as s:
        rows = s.execute(select(Observation.revision, Observation.is_current, Observation.is_public)
                         .where(Observation.indicator == "coverage_4g_pop")
                         .order_by(Observation.revision)).all()
    assert [tuple(r) for r in rows] == [(1, False, False), (2, False, False), (3, False, False),
                                        (4, True, True)]
