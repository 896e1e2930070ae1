"""Index runs in the store: the runs, their results, and saving a run with its results."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chiso.store.models import IndexResult, IndexRun


def runs(session: Session, framework_code: str | None = None,
         period: str | None = None) -> Sequence[IndexRun]:
    """Index runs, newest period first, the latest computation first within a period."""
    q = select(IndexRun)
    if framework_code:
        q = q.where(IndexRun.framework_code == framework_code)
    if period:
        q = q.where(IndexRun.period == period)
    return session.scalars(q.order_by(IndexRun.period.desc(), IndexRun.id.desc())).all()


def run(session: Session, run_id: int) -> IndexRun | None:
    return session.get(IndexRun, run_id)


def results(session: Session, run_id: int, node_codes: Sequence[str] = (),
            unit_ids: Sequence[str] = ()) -> Sequence[IndexResult]:
    q = select(IndexResult).where(IndexResult.run_id == run_id)
    if node_codes:
        q = q.where(IndexResult.node_code.in_(node_codes))
    if unit_ids:
        q = q.where(IndexResult.unit_id.in_(unit_ids))
    return session.scalars(q.order_by(IndexResult.node_code, IndexResult.unit_id)).all()


def run_units(session: Session, run_id: int) -> list[str]:
    return list(session.scalars(
        select(IndexResult.unit_id).where(IndexResult.run_id == run_id).distinct()))


def runs_with_unit(session: Session, unit_id: str) -> Sequence[IndexRun]:
    """The runs that score a unit, newest period first, real before simulated."""
    sub = select(IndexResult.run_id).where(IndexResult.unit_id == unit_id).distinct()
    return session.scalars(
        select(IndexRun).where(IndexRun.id.in_(sub))
        .order_by(IndexRun.period.desc(), IndexRun.simulated, IndexRun.id.desc())).all()


def same_run(session: Session, framework_code: str, framework_version: str, period: str,
             unit_level: str, snapshot_hash: str, label: str | None,
             preview: bool = False) -> Sequence[IndexRun]:
    """Stored runs of the same framework version, period, units, inputs and label (a preview
    is only ever the same as another preview)."""
    kind = IndexRun.status == "preview" if preview else IndexRun.status != "preview"
    return session.scalars(select(IndexRun).where(
        IndexRun.framework_code == framework_code,
        IndexRun.framework_version == framework_version, IndexRun.period == period,
        IndexRun.unit_level == unit_level, IndexRun.snapshot_hash == snapshot_hash,
        IndexRun.label == label, kind).order_by(IndexRun.id)).all()


def save_run(session: Session, run: IndexRun, results: Iterable[dict[str, Any]]) -> IndexRun:
    """Store a run and its results in bulk."""
    session.add(run)
    session.flush()
    rows = [{**r, "run_id": run.id} for r in results]
    if rows:
        session.execute(IndexResult.__table__.insert(), rows)
    return run
