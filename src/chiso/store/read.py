"""Read-side queries for the web pages and the JSON API: runs, results, units, figures."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine, and_, func, or_, select
from sqlalchemy.orm import Session

from chiso.store.models import (
    FrameworkNode,
    FrameworkRecord,
    IndexResult,
    IndexRun,
    LineageEvent,
    Observation,
    Source,
    Unit,
)

# ── data version: what changes whenever anything a page shows changes ────────────────────


def data_version(engine: Engine) -> str:
    """A short token that changes when figures, runs, frameworks or units change.

    Observations and runs are only ever appended (revisions never overwrite), so their
    largest ids, with the unit and lineage counts, identify the state of the database.
    """
    with engine.connect() as conn:
        row = conn.execute(
            select(
                select(func.max(Observation.id)).scalar_subquery(),
                select(func.count()).select_from(Observation).scalar_subquery(),
                select(func.max(IndexRun.id)).scalar_subquery(),
                select(func.count()).select_from(IndexRun).scalar_subquery(),
                select(func.max(FrameworkRecord.id)).scalar_subquery(),
                select(func.count()).select_from(Unit).scalar_subquery(),
                select(func.count()).select_from(LineageEvent).scalar_subquery(),
                select(func.count()).select_from(Source).scalar_subquery(),
            )
        ).one()
    return "-".join("0" if v is None else str(v) for v in row)


# ── frameworks ────────────────────────────────────────────────────────────────────────────


def frameworks(session: Session) -> Sequence[FrameworkRecord]:
    """Every stored framework version, newest load last within a code."""
    return session.scalars(
        select(FrameworkRecord).order_by(FrameworkRecord.code, FrameworkRecord.id)
    ).all()


def framework(session: Session, code: str, version: str | None = None) -> FrameworkRecord | None:
    """A framework version; without a version, the one loaded last."""
    q = select(FrameworkRecord).where(FrameworkRecord.code == code)
    if version:
        q = q.where(FrameworkRecord.version == version)
    return session.scalars(q.order_by(FrameworkRecord.id.desc()).limit(1)).first()


def framework_nodes(session: Session, framework_id: int) -> Sequence[FrameworkNode]:
    return session.scalars(
        select(FrameworkNode)
        .where(FrameworkNode.framework_id == framework_id)
        .order_by(FrameworkNode.position)
    ).all()


# ── runs and results ──────────────────────────────────────────────────────────────────────


def runs(
    session: Session, framework_code: str | None = None, period: str | None = None
) -> Sequence[IndexRun]:
    """Index runs, newest period first, the latest computation first within a period."""
    q = select(IndexRun)
    if framework_code:
        q = q.where(IndexRun.framework_code == framework_code)
    if period:
        q = q.where(IndexRun.period == period)
    return session.scalars(q.order_by(IndexRun.period.desc(), IndexRun.id.desc())).all()


def run(session: Session, run_id: int) -> IndexRun | None:
    return session.get(IndexRun, run_id)


def results(
    session: Session, run_id: int, node_codes: Sequence[str] = (), unit_ids: Sequence[str] = ()
) -> Sequence[IndexResult]:
    q = select(IndexResult).where(IndexResult.run_id == run_id)
    if node_codes:
        q = q.where(IndexResult.node_code.in_(node_codes))
    if unit_ids:
        q = q.where(IndexResult.unit_id.in_(unit_ids))
    return session.scalars(q.order_by(IndexResult.node_code, IndexResult.unit_id)).all()


def run_units(session: Session, run_id: int) -> list[str]:
    return list(session.scalars(
        select(IndexResult.unit_id).where(IndexResult.run_id == run_id).distinct()
    ))


def runs_with_unit(session: Session, unit_id: str) -> Sequence[IndexRun]:
    """The runs that score a unit, newest period first."""
    sub = select(IndexResult.run_id).where(IndexResult.unit_id == unit_id).distinct()
    return session.scalars(
        select(IndexRun).where(IndexRun.id.in_(sub))
        .order_by(IndexRun.period.desc(), IndexRun.simulated, IndexRun.id.desc())
    ).all()


# ── units and lineage ─────────────────────────────────────────────────────────────────────


def valid_on(as_of: date) -> Any:
    """Units in force on a date (valid_to is the last day in force)."""
    return and_(
        or_(Unit.valid_from.is_(None), Unit.valid_from <= as_of),
        or_(Unit.valid_to.is_(None), Unit.valid_to >= as_of),
    )


def units(
    session: Session,
    *,
    as_of: date | None = None,
    level: str | None = None,
    ids: Sequence[str] = (),
) -> Sequence[Unit]:
    q = select(Unit)
    if as_of is not None:
        q = q.where(valid_on(as_of))
    if level:
        q = q.where(Unit.level == level)
    if ids:
        q = q.where(Unit.id.in_(ids))
    return session.scalars(q.order_by(Unit.code, Unit.id)).all()


def unit_names(session: Session, unit_ids: Iterable[str]) -> dict[str, str]:
    """Unit id -> name, for the ids given."""
    return dict(session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(set(unit_ids)))).all())


def unit(session: Session, unit_id: str) -> Unit | None:
    return session.get(Unit, unit_id)


def country(session: Session) -> Unit | None:
    return session.scalars(select(Unit).where(Unit.level == "country").limit(1)).first()


def predecessors(session: Session, unit_id: str) -> Sequence[tuple[Unit, LineageEvent]]:
    """The units that became (part of) this one, with the event."""
    return session.execute(
        select(Unit, LineageEvent)
        .join(LineageEvent, LineageEvent.from_unit_id == Unit.id)
        .where(LineageEvent.to_unit_id == unit_id)
        .order_by(Unit.code)
    ).all()


def successors(session: Session, unit_id: str) -> Sequence[tuple[Unit, LineageEvent]]:
    return session.execute(
        select(Unit, LineageEvent)
        .join(LineageEvent, LineageEvent.to_unit_id == Unit.id)
        .where(LineageEvent.from_unit_id == unit_id)
        .order_by(Unit.code)
    ).all()


# ── observations ──────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Figures:
    """A filter over the figures the public sees: of each series, its latest published revision
    (figures entered, imported or extracted but not yet published stay out)."""

    unit_ids: Sequence[str] = ()
    indicators: Sequence[str] = ()
    periods: Sequence[str] = ()
    kinds: Sequence[str] = ()


def _figures_query(f: Figures) -> Any:
    q = (
        select(Observation, Source)
        .outerjoin(Source, Observation.source_id == Source.id)
        .where(Observation.is_public.is_(True))
    )
    if f.unit_ids:
        q = q.where(Observation.unit_id.in_(f.unit_ids))
    if f.indicators:
        q = q.where(Observation.indicator.in_(f.indicators))
    if f.periods:
        q = q.where(Observation.period.in_(f.periods))
    if f.kinds:
        q = q.where(Observation.kind.in_(f.kinds))
    return q


def figures(
    session: Session, f: Figures, *, limit: int | None = None, offset: int = 0
) -> Sequence[tuple[Observation, Source | None]]:
    """Current figures with their source, in a stable order (for pages and pagination)."""
    q = _figures_query(f).order_by(
        Observation.indicator, Observation.unit_id, Observation.period, Observation.kind,
        Observation.id,
    )
    if limit is not None:
        q = q.limit(limit).offset(offset)
    return session.execute(q).all()


def mean_values(session: Session, f: Figures) -> dict[tuple[str, str], float]:
    """The mean of the figures' values by indicator and period (computed by the database)."""
    sub = _figures_query(f).where(Observation.value.is_not(None)).with_only_columns(
        Observation.indicator, Observation.period, Observation.value).subquery()
    rows = session.execute(
        select(sub.c.indicator, sub.c.period, func.avg(sub.c.value))
        .group_by(sub.c.indicator, sub.c.period)
    )
    return {(ind, period): float(mean) for ind, period, mean in rows}


def count_figures(session: Session, f: Figures) -> int:
    sub = _figures_query(f).with_only_columns(Observation.id).subquery()
    return int(session.scalar(select(func.count()).select_from(sub)) or 0)


def periods_of(session: Session, indicator: str) -> list[str]:
    return list(session.scalars(
        select(Observation.period)
        .where(Observation.indicator == indicator, Observation.is_public.is_(True),
               Observation.kind == "actual")
        .distinct().order_by(Observation.period)
    ))


def availability(session: Session, indicators: Sequence[str], unit_ids: Sequence[str],
                 period: str) -> dict[str, int]:
    """How many of the units have a current actual figure, per indicator, for a period."""
    if not indicators or not unit_ids:
        return {}
    rows = session.execute(
        select(Observation.indicator, func.count(func.distinct(Observation.unit_id)))
        .where(
            Observation.is_public.is_(True),
            Observation.kind == "actual",
            Observation.period == period,
            Observation.indicator.in_(indicators),
            Observation.unit_id.in_(unit_ids),
            Observation.value.is_not(None),
        )
        .group_by(Observation.indicator)
    )
    return {ind: int(n) for ind, n in rows}


def sources(session: Session) -> Sequence[Source]:
    return session.scalars(select(Source).order_by(Source.id)).all()
