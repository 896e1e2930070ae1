"""Index runs in the store: the runs, their results, saving a run with its results, and which
run a reader is shown (the official one by default) and what it is called."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chiso.errors import NotFound
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


# ── which run a reader sees, and what it is ─────────────────────────────────────────────


def family(code: str) -> str:
    """dti-province-2022 and dti-province-2024 are one family across years."""
    return re.sub(r"[-_]?\d{4}$", "", code)


def run_label(run: IndexRun, has_official: bool = False) -> str:
    """What a run is, as a key of vocab.RUN_LABELS: official (as the ministry published it, or
    computed by chiso and published), recomputed or computed by chiso, re-expressed, simulated,
    superseded, or a private preview. From the run's record, never from its free-text label."""
    if run.status == "preview":
        return "preview"
    if run.simulated:
        return "simulated"
    kind = (run.method or {}).get("kind")
    if run.status == "superseded":
        return "superseded"
    if kind == "reexpressed":
        return "reexpressed"
    if run.status == "official":
        return "official_published" if kind == "published" else "official_computed"
    return "recomputed" if has_official else "computed"


def public_runs(session: Session, framework: str | None = None,
                period: str | None = None, level: str | None = None) -> list[IndexRun]:
    """The runs the public may see (never a preview built with unpublished figures), of one
    unit level if given (the province pages never pick a run of communes)."""
    return [r for r in runs(session, framework, period)
            if r.status != "preview" and (level is None or r.unit_level == level)]


def official_of(session: Session, framework: str, period: str,
                level: str = "province") -> IndexRun | None:
    return next((r for r in runs(session, framework, period)
                 if r.status == "official" and r.unit_level == level), None)


def preference(run: IndexRun) -> tuple[int, int]:
    """Official first, then what the ministry published, then chiso's, then simulated."""
    kind = (run.method or {}).get("kind")
    rank = (0 if run.status == "official" else 1 if kind == "published"
            else 3 if run.simulated else 4 if run.status == "superseded" else 2)
    return rank, -run.id


def pick_run(session: Session, framework: str | None = None, period: str | None = None,
             run_id: int | None = None, level: str = "province") -> IndexRun | None:
    """The run a page or the API shows: the one asked for by id, else the official run of the
    framework and year (the newest year with a real run when none is named), else the best
    labelled other run. A preview is never shown to the public."""
    if run_id is not None:
        found = run(session, run_id)
        if found is None or found.status == "preview":
            raise NotFound(f"Không có lần tính {run_id}", f"No index run {run_id}")
        return found
    candidates = public_runs(session, framework, period, level)
    if not candidates:
        if framework or period:
            raise NotFound(
                f"Không có kết quả cho khung {framework or '(bất kỳ)'}, "
                f"năm {period or '(bất kỳ)'}; hãy chọn khung hoặc năm khác",
                f"No results for framework {framework or '(any)'}, year {period or '(any)'}; "
                "choose another framework or year",
            )
        return None
    if period is None:
        real = [c for c in candidates if not c.simulated] or candidates
        official = [c for c in real if c.status == "official"]
        newest = max(c.period for c in (official or real))
        candidates = [c for c in candidates if c.period == newest]
    return min(candidates, key=preference)


def previous_run(session: Session, run: IndexRun) -> IndexRun | None:
    """The run of the year before, in the same framework family, for rank changes."""
    try:
        prev_period = str(int(run.period) - 1)
    except ValueError:
        return None
    fam = family(run.framework_code)
    cands = [r for r in runs(session, period=prev_period)
             if family(r.framework_code) == fam and r.unit_level == run.unit_level]
    if not cands:
        return None
    cands.sort(key=lambda r: (r.simulated != run.simulated, r.framework_code != run.framework_code,
                              -r.id))
    return cands[0]
