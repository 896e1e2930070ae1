"""Every query chiso runs: frameworks, units, observations, index runs."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select, update
from sqlalchemy.orm import Session

from chiso.errors import StoreError
from chiso.framework import Framework
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


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# ── frameworks ────────────────────────────────────────────────────────────────────────────


def sync_framework(session: Session, fw: Framework, yaml_text: str) -> FrameworkRecord:
    """Store a framework version once; the same version with other content is an error."""
    digest = sha256_text(yaml_text)
    rec = session.scalar(
        select(FrameworkRecord).where(
            FrameworkRecord.code == fw.id, FrameworkRecord.version == fw.version
        )
    )
    if rec is not None:
        if rec.sha256 != digest:
            raise StoreError(
                f"Khung {fw.id} phiên bản {fw.version} đã có trong cơ sở dữ liệu với nội dung khác."
                " Hãy tăng số phiên bản (version) khi sửa khung chỉ số.",
                f"Framework {fw.id} version {fw.version} is stored with different content."
                " Give the framework a new version when you change it.",
            )
        return rec
    rec = FrameworkRecord(
        code=fw.id,
        version=fw.version,
        name_vi=fw.name.vi,
        name_en=fw.name.en,
        aggregation=fw.aggregation,
        sha256=digest,
        yaml_text=yaml_text,
    )
    parents = fw.parent_of()
    scored = {n.code for n in fw.scored_indicators()}
    for pos, node in enumerate(fw.nodes()):
        rec.nodes.append(
            FrameworkNode(
                code=node.code,
                parent_code=parents[node.code],
                level=node.level,
                position=pos,
                name_vi=node.name.vi,
                name_en=node.name.en,
                unit=node.unit,
                direction=node.direction,
                weight=node.weight,
                max_points=node.max_points,
                scored=node.code in scored if node.is_indicator else node.scored,
            )
        )
    session.add(rec)
    session.flush()
    return rec


def frameworks(session: Session) -> Sequence[FrameworkRecord]:
    return session.scalars(select(FrameworkRecord).order_by(FrameworkRecord.code)).all()


# ── units ─────────────────────────────────────────────────────────────────────────────────


def sync_units(session: Session, units: Iterable[Any], events: Iterable[Any] = ()) -> int:
    """Insert the units (and lineage events) the database lacks; returns how many were added."""
    have = set(session.scalars(select(Unit.id)))
    rows = [
        {
            "id": u.id,
            "code": u.code,
            "name": u.name,
            "full_name": u.full_name,
            "type": u.type,
            "level": u.level,
            "parent_id": u.parent,
            "valid_from": u.valid_from,
            "valid_to": u.valid_to,
        }
        for u in units
        if u.id not in have
    ]
    # parents first, so the self-referencing foreign key holds at every insert
    order = {"country": 0, "province": 1, "commune": 2}
    rows.sort(key=lambda r: order.get(r["level"], 3))
    if rows:
        session.execute(Unit.__table__.insert(), rows)
    known = {
        tuple(row) for row in session.execute(
            select(LineageEvent.from_unit_id, LineageEvent.to_unit_id, LineageEvent.effective)
        )
    }
    new_events = [
        {"from_unit_id": e.from_id, "to_unit_id": e.to_id, "effective": e.effective, "kind": e.kind}
        for e in events
        if (e.from_id, e.to_id, e.effective) not in known
    ]
    if new_events:
        session.execute(LineageEvent.__table__.insert(), new_events)
    return len(rows)


# ── observations ──────────────────────────────────────────────────────────────────────────


def series_key(unit_id: str, indicator: str, period: str, kind: str, target_year: int | None) -> str:
    """The identity of a figure across its revisions."""
    return f"{unit_id}|{indicator}|{period}|{kind}|{target_year or ''}"


def series_parts(key: str) -> tuple[str, str, str, str, int | None]:
    """A series key read back: (unit_id, indicator, period, kind, target_year)."""
    unit_id, indicator, period, kind, target_year = key.split("|")
    return unit_id, indicator, period, kind, int(target_year) if target_year else None


@dataclass(frozen=True)
class ObservationFilter:
    unit_ids: Sequence[str] = ()
    indicators: Sequence[str] = ()
    periods: Sequence[str] = ()
    kinds: Sequence[str] = ()
    statuses: Sequence[str] = ("approved", "published")
    include_simulated: bool = True


def current_observations_query(f: ObservationFilter) -> Select[tuple[Observation]]:
    q = select(Observation).where(Observation.is_current.is_(True))
    if f.unit_ids:
        q = q.where(Observation.unit_id.in_(f.unit_ids))
    if f.indicators:
        q = q.where(Observation.indicator.in_(f.indicators))
    if f.periods:
        q = q.where(Observation.period.in_(f.periods))
    if f.kinds:
        q = q.where(Observation.kind.in_(f.kinds))
    if f.statuses:
        q = q.where(Observation.status.in_(f.statuses))
    if not f.include_simulated:
        q = q.outerjoin(Source).where(func.coalesce(Source.simulated, False).is_(False))
    return q.order_by(Observation.indicator, Observation.unit_id, Observation.period)


def current_observations(session: Session, f: ObservationFilter) -> Sequence[Observation]:
    return session.scalars(current_observations_query(f)).all()


def history(session: Session, key: str) -> Sequence[Observation]:
    """Every revision of one figure, oldest first."""
    return session.scalars(
        select(Observation).where(Observation.series_key == key).order_by(Observation.revision)
    ).all()


@dataclass(frozen=True)
class RecordCounts:
    added: int
    revised: int
    unchanged: int


_COMPARED = ("value", "value_high", "qualifier", "status")
PUBLISHED = "published"


def record_observations(
    session: Session,
    records: Sequence[dict[str, Any]],
    *,
    source_id: int | None,
    user: str | None = None,
    status: str = "approved",
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
    keys = list(keyed)
    for i in range(0, len(keys), 2000):
        chunk = keys[i : i + 2000]
        rows = session.execute(
            select(Observation.series_key, Observation.id, Observation.revision,
                   Observation.is_current, *(getattr(Observation, c) for c in _COMPARED))
            # by series_key alone: with is_current in the WHERE, SQLite scans every current row
            .where(Observation.series_key.in_(chunk))
        )
        for key, oid, rev, is_current, *vals in rows:
            if is_current:
                current[key] = (oid, rev, tuple(vals))
    inserts: list[dict[str, Any]] = []
    superseded: list[int] = []
    for key, rec in keyed.items():
        row = {
            "series_key": key,
            "unit_id": rec["unit_id"],
            "indicator": rec["indicator"],
            "period": str(rec["period"]),
            "kind": rec["kind"],
            "value": _num(rec.get("value")),
            "value_high": _num(rec.get("value_high")),
            "qualifier": rec.get("qualifier") or "eq",
            "target_year": rec.get("target_year"),
            "status": rec.get("status") or status,
            "source_id": source_id,
            "provenance": rec.get("provenance"),
            "note": rec.get("note"),
            "created_by": user,
            "is_current": True,
        }
        row["is_public"] = row["status"] == PUBLISHED
        old = current.get(key)
        if old is None:
            inserts.append({**row, "revision": 1})
        elif old[2] != tuple(row[c] for c in _COMPARED):
            inserts.append({**row, "revision": old[1] + 1})
            superseded.append(old[0])
    for i in range(0, len(superseded), 2000):
        session.execute(
            update(Observation)
            .where(Observation.id.in_(superseded[i : i + 2000]))
            .values(is_current=False)
        )
    republished = [r["series_key"] for r in inserts if r["is_public"] and r["revision"] > 1]
    for i in range(0, len(republished), 2000):
        session.execute(
            update(Observation)
            .where(Observation.series_key.in_(republished[i : i + 2000]),
                   Observation.is_public.is_(True))
            .values(is_public=False)
        )
    if inserts:
        session.execute(Observation.__table__.insert(), inserts)
    revised = len(superseded)
    return RecordCounts(len(inserts) - revised, revised, len(keyed) - len(inserts))


def _num(v: Any) -> float | None:
    return None if v is None else float(v)


def add_source(session: Session, **fields: Any) -> Source:
    """A source, reused when one with the same kind and digest (or title) exists."""
    q = select(Source).where(Source.kind == fields["kind"])
    if fields.get("sha256"):
        q = q.where(Source.sha256 == fields["sha256"])
    else:
        q = q.where(Source.title == fields["title"], Source.uri == fields.get("uri"))
    found = session.scalars(q.limit(1)).first()
    if found is not None:
        return found
    src = Source(**fields)
    session.add(src)
    session.flush()
    return src


# ── index runs ────────────────────────────────────────────────────────────────────────────


def latest_run(
    session: Session, framework_code: str, period: str, *, unit_level: str = "province"
) -> IndexRun | None:
    return session.scalars(
        select(IndexRun)
        .where(
            IndexRun.framework_code == framework_code,
            IndexRun.period == period,
            IndexRun.unit_level == unit_level,
        )
        .order_by(IndexRun.id.desc())
        .limit(1)
    ).first()


def run_results(session: Session, run_id: int) -> Sequence[IndexResult]:
    return session.scalars(select(IndexResult).where(IndexResult.run_id == run_id)).all()


def save_run(session: Session, run: IndexRun, results: Iterable[dict[str, Any]]) -> IndexRun:
    """Store a run and its results in bulk."""
    session.add(run)
    session.flush()
    rows = [{**r, "run_id": run.id} for r in results]
    if rows:
        session.execute(IndexResult.__table__.insert(), rows)
    return run


def require_units(session: Session, unit_ids: Iterable[str]) -> None:
    wanted = set(unit_ids)
    have = set(session.scalars(select(Unit.id).where(Unit.id.in_(wanted))))
    missing = sorted(wanted - have)
    if missing:
        raise StoreError(
            f"Đơn vị hành chính chưa có trong cơ sở dữ liệu: {', '.join(missing[:10])}",
            f"Units missing from the database: {', '.join(missing[:10])}. Run: chiso init",
        )
