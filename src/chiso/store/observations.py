"""Observations, the one fact table: storing revisions, and reading them through one filter.

A filter takes a view: "public" is what the public sees (of each series, its latest published
revision); "current" is the latest revision of each series whatever its status (the workflow's
view, narrowed by `statuses`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Select, case, func, select, update
from sqlalchemy.orm import Session

from chiso.store.models import Observation, Source
from chiso.vocab import APPROVED, DRAFT, PUBLISHED, REJECTED

View = Literal["public", "current"]
CHUNK = 2000  # ids per IN (...) list: well under every database's parameter limit


def series_key(unit_id: str, indicator: str, period: str, kind: str,
               target_year: int | None) -> str:
    """The identity of a figure across its revisions."""
    return f"{unit_id}|{indicator}|{period}|{kind}|{target_year or ''}"


def series_parts(key: str) -> tuple[str, str, str, str, int | None]:
    """A series key read back: (unit_id, indicator, period, kind, target_year)."""
    unit_id, indicator, period, kind, target_year = key.split("|")
    return unit_id, indicator, period, kind, int(target_year) if target_year else None


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


# ── reading ──────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Filter:
    """Which figures: a view, and optionally units, indicators, periods, kinds, statuses."""

    view: View = "public"
    unit_ids: Sequence[str] = ()
    indicators: Sequence[str] = ()
    periods: Sequence[str] = ()
    kinds: Sequence[str] = ()
    statuses: Sequence[str] = ()  # the "current" view only; () = any status
    include_simulated: bool = True


def query(f: Filter) -> Select[tuple[Observation, Source]]:
    """The figures a filter selects, each with its source, in a stable order."""
    flag = Observation.is_public if f.view == "public" else Observation.is_current
    q = (select(Observation, Source).outerjoin(Source, Observation.source_id == Source.id)
         .where(flag.is_(True)))
    if f.unit_ids:
        q = q.where(Observation.unit_id.in_(f.unit_ids))
    if f.indicators:
        q = q.where(Observation.indicator.in_(f.indicators))
    if f.periods:
        q = q.where(Observation.period.in_(f.periods))
    if f.kinds:
        q = q.where(Observation.kind.in_(f.kinds))
    if f.statuses and f.view == "current":
        q = q.where(Observation.status.in_(f.statuses))
    if not f.include_simulated:
        q = q.where(func.coalesce(Source.simulated, False).is_(False))
    return q.order_by(Observation.indicator, Observation.unit_id, Observation.period,
                      Observation.kind, Observation.id)


def figures(session: Session, f: Filter, *, limit: int | None = None,
            offset: int = 0) -> Sequence[tuple[Observation, Source | None]]:
    """The figures with their source (a page of them with `limit`)."""
    q = query(f)
    if limit is not None:
        q = q.limit(limit).offset(offset)
    return session.execute(q).all()


def stream(session: Session, f: Filter) -> Iterator[tuple[Observation, Source | None]]:
    """The figures one by one, fetched in batches (for exports of any size)."""
    yield from session.execute(query(f).execution_options(yield_per=CHUNK))


def count(session: Session, f: Filter) -> int:
    sub = query(f).with_only_columns(Observation.id).subquery()
    return int(session.scalar(select(func.count()).select_from(sub)) or 0)


def mean_values(session: Session, f: Filter) -> dict[tuple[str, str], tuple[float, bool]]:
    """The mean of the figures' values by indicator and period (computed by the database), and
    whether any simulated figure went into it."""
    sub = query(f).where(Observation.value.is_not(None)).with_only_columns(
        Observation.indicator, Observation.period, Observation.value,
        func.coalesce(Source.simulated, False).label("sim")).order_by(None).subquery()
    rows = session.execute(
        select(sub.c.indicator, sub.c.period, func.avg(sub.c.value),
               func.max(case((sub.c.sim.is_(True), 1), else_=0)))
        .group_by(sub.c.indicator, sub.c.period))
    return {(ind, period): (float(mean), bool(sim)) for ind, period, mean, sim in rows}


def periods_of(session: Session, indicator: str) -> list[str]:
    """The periods with a public actual figure of an indicator, oldest first."""
    return list(session.scalars(
        select(Observation.period)
        .where(Observation.indicator == indicator, Observation.is_public.is_(True),
               Observation.kind == "actual")
        .distinct().order_by(Observation.period)))


def availability(session: Session, indicators: Sequence[str], unit_ids: Sequence[str],
                 period: str) -> dict[str, int]:
    """How many of the units have a public actual figure, per indicator, for a period."""
    if not indicators or not unit_ids:
        return {}
    rows = session.execute(
        select(Observation.indicator, func.count(func.distinct(Observation.unit_id)))
        .where(Observation.is_public.is_(True), Observation.kind == "actual",
               Observation.period == period, Observation.indicator.in_(indicators),
               Observation.unit_id.in_(unit_ids), Observation.value.is_not(None))
        .group_by(Observation.indicator))
    return {ind: int(n) for ind, n in rows}


def history(session: Session, key: str) -> Sequence[Observation]:
    """Every revision of one figure, oldest first."""
    return session.scalars(
        select(Observation).where(Observation.series_key == key).order_by(Observation.revision)
    ).all()


def histories(session: Session, keys: Sequence[str]) -> dict[str, list[Observation]]:
    """Every revision of each figure, oldest first (a scorecard's points trail)."""
    out: dict[str, list[Observation]] = {k: [] for k in keys}
    for chunk in _chunks(list(keys)):
        for obs in session.scalars(select(Observation).where(Observation.series_key.in_(chunk))
                                   .order_by(Observation.series_key, Observation.revision)):
            out[obs.series_key].append(obs)
    return out


def get(session: Session, obs_id: int) -> Observation | None:
    return session.get(Observation, obs_id)


def current_of(session: Session, key: str) -> Observation | None:
    """The latest revision of a series."""
    return session.scalar(select(Observation).where(Observation.series_key == key,
                                                    Observation.is_current.is_(True)))


def current_by_series(session: Session, keys: Sequence[str]) -> dict[str, Observation]:
    """The latest revision of each series named."""
    out: dict[str, Observation] = {}
    for chunk in _chunks(list(keys)):
        out.update((o.series_key, o) for o in session.scalars(
            select(Observation).where(Observation.series_key.in_(chunk),
                                      Observation.is_current.is_(True))))
    return out


def last_values(session: Session, unit_id: str, period: str, codes: Sequence[str],
                statuses: Sequence[str] = (APPROVED, PUBLISHED)) -> dict[str, tuple[float, bool]]:
    """A unit's current actual values for a period: indicator -> (value, simulated)."""
    rows = session.execute(
        select(Observation.indicator, Observation.value, Source.simulated)
        .outerjoin(Source, Observation.source_id == Source.id)
        .where(Observation.is_current.is_(True), Observation.unit_id == unit_id,
               Observation.period == period, Observation.kind == "actual",
               Observation.indicator.in_(codes), Observation.status.in_(statuses)))
    return {ind: (v, bool(sim)) for ind, v, sim in rows if v is not None}


def last_figures(session: Session, unit_id: str, period: str, codes: Sequence[str],
                 statuses: Sequence[str] = (APPROVED, PUBLISHED)
                 ) -> dict[str, tuple[float, bool, str | None]]:
    """`last_values` with each figure's source title: indicator -> (value, simulated, source)."""
    rows = session.execute(
        select(Observation.indicator, Observation.value, Source.simulated, Source.title)
        .outerjoin(Source, Observation.source_id == Source.id)
        .where(Observation.is_current.is_(True), Observation.unit_id == unit_id,
               Observation.period == period, Observation.kind == "actual",
               Observation.indicator.in_(codes), Observation.status.in_(statuses)))
    return {ind: (v, bool(sim), title) for ind, v, sim, title in rows if v is not None}


def peer_values(session: Session, unit_ids: Sequence[str], period: str, codes: Sequence[str],
                statuses: Sequence[str] = (APPROVED, PUBLISHED)
                ) -> dict[str, list[tuple[float, bool]]]:
    """Other units' current actual values for a period: indicator -> [(value, simulated)]."""
    out: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    for chunk in _chunks(list(unit_ids)):
        rows = session.execute(
            select(Observation.indicator, Observation.value, Source.simulated)
            .outerjoin(Source, Observation.source_id == Source.id)
            .where(Observation.is_current.is_(True), Observation.unit_id.in_(chunk),
                   Observation.period == period, Observation.kind == "actual",
                   Observation.indicator.in_(codes), Observation.status.in_(statuses)))
        for ind, v, sim in rows:
            if v is not None:
                out[ind].append((v, bool(sim)))
    return dict(out)


def drafts(session: Session,
           limit: int | None = None) -> Sequence[tuple[Observation, Source | None]]:
    """Figures waiting for a decision (drafts), with their source, oldest first."""
    q = (select(Observation, Source).outerjoin(Source, Observation.source_id == Source.id)
         .where(Observation.is_current.is_(True), Observation.status == DRAFT)
         .order_by(Observation.id))
    if limit is not None:
        q = q.limit(limit)
    return session.execute(q).all()


def count_drafts(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Observation).where(
        Observation.is_current.is_(True), Observation.status == DRAFT)) or 0)


def decided(session: Session, keys: Sequence[str]) -> dict[str, float | None]:
    """Series among `keys` whose current revision a person approved or rejected: key -> value."""
    out: dict[str, float | None] = {}
    for chunk in _chunks(list(keys)):
        out.update(session.execute(
            select(Observation.series_key, Observation.value)
            .where(Observation.is_current.is_(True), Observation.series_key.in_(chunk),
                   Observation.status.in_((APPROVED, REJECTED)))).all())
    return out


def values_by_id(session: Session, ids: Sequence[int]) -> dict[int, float | None]:
    """The value of each observation revision named by id (to rebuild a run from its record)."""
    out: dict[int, float | None] = {}
    for chunk in _chunks(list(ids)):
        out.update(session.execute(select(Observation.id, Observation.value)
                                   .where(Observation.id.in_(chunk))).all())
    return out


def actual_cells(session: Session, unit_ids: Sequence[str], indicators: Sequence[str],
                 period: str, view: View = "current",
                 statuses: Sequence[str] = (APPROVED, PUBLISHED),
                 ) -> Iterator[tuple[int, str, str, float | None, bool]]:
    """(id, unit, indicator, value, simulated) of the actual figures of units × indicators."""
    flag = Observation.is_public if view == "public" else Observation.is_current
    q = (select(Observation.id, Observation.unit_id, Observation.indicator, Observation.value,
                Source.simulated)
         .outerjoin(Source, Observation.source_id == Source.id)
         .where(flag.is_(True), Observation.kind == "actual", Observation.period == period,
                Observation.unit_id.in_(unit_ids), Observation.indicator.in_(indicators)))
    if view == "current":
        q = q.where(Observation.status.in_(statuses))
    for oid, unit, ind, value, simulated in session.execute(q):
        yield oid, unit, ind, value, bool(simulated)


def source_uris(session: Session, ids: Sequence[int]) -> set[str]:
    """The addresses of the sources of the observation revisions named by id."""
    out: set[str] = set()
    for chunk in _chunks(list(ids)):
        q = (select(Source.uri).join(Observation, Observation.source_id == Source.id)
             .where(Observation.id.in_(chunk)).distinct())
        out.update(u for u in session.scalars(q) if u)
    return out


def sources_of(session: Session, ids: Sequence[int]) -> list[Source]:
    """The sources of the observation revisions named by id, each once, by id."""
    found: dict[int, Source] = {}
    for chunk in _chunks(list(ids)):
        q = (select(Source).join(Observation, Observation.source_id == Source.id)
             .where(Observation.id.in_(chunk)).distinct())
        found.update((s.id, s) for s in session.scalars(q))
    return [found[k] for k in sorted(found)]


def actual_keys(session: Session, unit_ids: Sequence[str]) -> set[tuple[str, str, str]]:
    """(unit, indicator, period) of every current actual figure of the units."""
    return set(session.execute(
        select(Observation.unit_id, Observation.indicator, Observation.period)
        .where(Observation.is_current.is_(True), Observation.kind == "actual",
               Observation.unit_id.in_(unit_ids))))


# ── writing ──────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class RecordCounts:
    added: int
    revised: int
    unchanged: int

    def __add__(self, other: RecordCounts) -> RecordCounts:
        return RecordCounts(self.added + other.added, self.revised + other.revised,
                            self.unchanged + other.unchanged)


_COMPARED = ("value", "value_high", "qualifier", "status")


def record_observations(
    session: Session,
    records: Sequence[dict[str, Any]],
    *,
    source_id: int | None,
    user: str | None = None,
    status: str = APPROVED,
) -> RecordCounts:
    """Store figures: new series get revision 1, changed ones a new revision, equal ones nothing.

    Each record has unit_id, indicator, period, kind, value and optionally value_high,
    qualifier, target_year, provenance, note, status. Earlier revisions are kept; only their
    `is_current` flag is cleared. A revision with status "published" becomes the one the public
    sees (`is_public`), in place of the series' earlier published revision. Runs inside the
    caller's transaction, in bulk.
    """
    keyed: dict[str, dict[str, Any]] = {}
    for rec in records:
        key = series_key(rec["unit_id"], rec["indicator"], str(rec["period"]), rec["kind"],
                         rec.get("target_year"))
        keyed[key] = rec
    current: dict[str, tuple[int, int, tuple[Any, ...]]] = {}
    for chunk in _chunks(list(keyed)):
        rows = session.execute(
            select(Observation.series_key, Observation.id, Observation.revision,
                   Observation.is_current, *(getattr(Observation, c) for c in _COMPARED))
            # by series_key alone: with is_current in the WHERE, SQLite scans every current row
            .where(Observation.series_key.in_(chunk)))
        for key, oid, rev, is_current, *vals in rows:
            if is_current:
                current[key] = (oid, rev, tuple(vals))
    inserts: list[dict[str, Any]] = []
    superseded: list[int] = []
    for key, rec in keyed.items():
        row = {
            "series_key": key, "unit_id": rec["unit_id"], "indicator": rec["indicator"],
            "period": str(rec["period"]), "kind": rec["kind"],
            "value": _num(rec.get("value")), "value_high": _num(rec.get("value_high")),
            "qualifier": rec.get("qualifier") or "eq", "target_year": rec.get("target_year"),
            "status": rec.get("status") or status, "source_id": source_id,
            "provenance": rec.get("provenance"), "note": rec.get("note"), "created_by": user,
            "is_current": True,
        }
        row["is_public"] = row["status"] == PUBLISHED
        old = current.get(key)
        if old is None:
            inserts.append({**row, "revision": 1})
        elif old[2] != tuple(row[c] for c in _COMPARED):
            inserts.append({**row, "revision": old[1] + 1})
            superseded.append(old[0])
    for chunk in _chunks(superseded):
        session.execute(update(Observation).where(Observation.id.in_(chunk))
                        .values(is_current=False))
    republished = [r["series_key"] for r in inserts if r["is_public"] and r["revision"] > 1]
    for chunk in _chunks(republished):
        session.execute(update(Observation)
                        .where(Observation.series_key.in_(chunk), Observation.is_public.is_(True))
                        .values(is_public=False))
    if inserts:
        session.execute(Observation.__table__.insert(), inserts)
    revised = len(superseded)
    return RecordCounts(len(inserts) - revised, revised, len(keyed) - len(inserts))


def _num(v: Any) -> float | None:
    return None if v is None else float(v)

