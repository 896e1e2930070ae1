"""Observations: revisions are appended, never overwritten; re-recording changes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError

from chiso.store import db, observations, sources
from chiso.store.models import Observation, Unit


def _setup(engine: Engine) -> int:
    with db.transaction(engine) as s:
        s.add(Unit(id="p83", code="83", name="Bến Tre", full_name="Tỉnh Bến Tre", type="tỉnh",
                   level="province"))
        s.flush()
        return sources.add_source(s, kind="file", title="a.csv", sha256="0" * 64).id


def _rec(value: float, **extra: object) -> dict[str, object]:
    return {"unit_id": "p83", "indicator": "smartphone_per_100", "period": "2020",
            "kind": "actual", "value": value, "provenance": {"file": "a.csv", "cell": "E2"},
            **extra}


def test_same_figures_twice_change_nothing_and_a_new_value_is_a_revision(engine: Engine) -> None:
    src = _setup(engine)
    with db.transaction(engine) as s:
        first = observations.record_observations(
            s, [_rec(70.8), _rec(1, kind="target", target_year=2025)], source_id=src)
    assert (first.added, first.revised, first.unchanged) == (2, 0, 0)
    with db.transaction(engine) as s:
        again = observations.record_observations(
            s, [_rec(70.8), _rec(1, kind="target", target_year=2025)], source_id=src)
    assert (again.added, again.revised, again.unchanged) == (0, 0, 2)
    with db.transaction(engine) as s:
        changed = observations.record_observations(s, [_rec(71.2)], source_id=src, user="an")
    assert (changed.added, changed.revised, changed.unchanged) == (0, 1, 0)

    key = observations.series_key("p83", "smartphone_per_100", "2020", "actual", None)
    with db.session_factory(engine)() as s:
        revs = observations.history(s, key)
        assert [(r.revision, r.value, r.is_current) for r in revs] == [
            (1, 70.8, False), (2, 71.2, True)]
        assert revs[1].created_by == "an" and revs[0].provenance == {"file": "a.csv", "cell": "E2"}
        assert s.scalar(select(func.count()).select_from(Observation)) == 3
        current = [o for o, _ in observations.figures(s, observations.Filter(
            view="current", kinds=["target"], statuses=("approved", "published")))]
        assert [(o.value, o.target_year) for o in current] == [(1.0, 2025)]


def test_a_failed_transaction_leaves_nothing(engine: Engine) -> None:
    src = _setup(engine)
    with pytest.raises(IntegrityError), db.transaction(engine) as s:
        observations.record_observations(s, [_rec(70.8)], source_id=src)
        observations.record_observations(s, [{**_rec(1.0), "unit_id": "no-such-unit"}],
                                         source_id=src)
    with db.session_factory(engine)() as s:
        assert s.scalar(select(func.count()).select_from(Observation)) == 0
