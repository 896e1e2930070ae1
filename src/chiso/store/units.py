"""Administrative units and lineage in the store: loading them, and finding them by id or date."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select, update
from sqlalchemy.orm import Session

from chiso.store.models import LineageEvent, Unit
from chiso.units.registry import LineageRecord, UnitRecord
from chiso.vocab import LEVELS


def valid_on(as_of: date) -> ColumnElement[bool]:
    """Units in force on a date (valid_to is the last day in force); as UnitRecord.valid_on."""
    return and_(
        or_(Unit.valid_from.is_(None), Unit.valid_from <= as_of),
        or_(Unit.valid_to.is_(None), Unit.valid_to >= as_of),
    )


def sync_units(session: Session, units: Iterable[Any], events: Iterable[Any] = ()) -> int:
    """Insert the units (and lineage events) the database lacks, refresh the aliases of those it
    has; returns how many units were added."""
    have = dict(session.execute(select(Unit.id, Unit.aliases)).all())
    rows, refreshed = [], []
    for u in units:
        aliases = list(u.aliases) or None
        if u.id not in have:
            rows.append({"id": u.id, "code": u.code, "name": u.name, "full_name": u.full_name,
                         "type": u.type, "level": u.level, "parent_id": u.parent,
                         "valid_from": u.valid_from, "valid_to": u.valid_to, "aliases": aliases})
        elif (have[u.id] or None) != aliases:
            refreshed.append((u.id, aliases))
    # parents first, so the self-referencing foreign key holds at every insert
    rows.sort(key=lambda r: LEVELS.index(r["level"]) if r["level"] in LEVELS else len(LEVELS))
    if rows:
        session.execute(Unit.__table__.insert(), rows)
    for unit_id, aliases in refreshed:
        session.execute(update(Unit).where(Unit.id == unit_id).values(aliases=aliases))
    known = set(session.execute(
        select(LineageEvent.from_unit_id, LineageEvent.to_unit_id, LineageEvent.effective)
    ))
    new_events = [
        {"from_unit_id": e.from_id, "to_unit_id": e.to_id, "effective": e.effective, "kind": e.kind}
        for e in events if (e.from_id, e.to_id, e.effective) not in known
    ]
    if new_events:
        session.execute(LineageEvent.__table__.insert(), new_events)
    return len(rows)


def records(session: Session) -> tuple[list[UnitRecord], list[LineageRecord]]:
    """Every unit and lineage event, as the registry holds them (for the catalog)."""
    units = [
        UnitRecord(id=u.id, code=u.code, name=u.name, full_name=u.full_name, type=u.type,
                   level=u.level, parent=u.parent_id, valid_from=u.valid_from,
                   valid_to=u.valid_to, aliases=tuple(u.aliases or ()))
        for u in session.scalars(select(Unit))
    ]
    events = [LineageRecord(f, t, eff, kind) for f, t, eff, kind in session.execute(
        select(LineageEvent.from_unit_id, LineageEvent.to_unit_id, LineageEvent.effective,
               LineageEvent.kind).order_by(LineageEvent.id))]
    return units, events


def state(session: Session) -> tuple[int, int]:
    """(unit count, lineage event count): part of the catalog's version."""
    return (int(session.scalar(select(func.count()).select_from(Unit)) or 0),
            int(session.scalar(select(func.count()).select_from(LineageEvent)) or 0))


def units(session: Session, *, as_of: date | None = None, level: str | None = None,
          ids: Sequence[str] = ()) -> Sequence[Unit]:
    q = select(Unit)
    if as_of is not None:
        q = q.where(valid_on(as_of))
    if level:
        q = q.where(Unit.level == level)
    if ids:
        q = q.where(Unit.id.in_(ids))
    return session.scalars(q.order_by(Unit.code, Unit.id)).all()


def unit(session: Session, unit_id: str) -> Unit | None:
    return session.get(Unit, unit_id) if len(unit_id) <= 40 else None


def unit_names(session: Session, unit_ids: Iterable[str]) -> dict[str, str]:
    """Unit id -> name, for the ids given."""
    return dict(session.execute(
        select(Unit.id, Unit.name).where(Unit.id.in_(set(unit_ids)))).all())


def country(session: Session) -> Unit | None:
    return session.scalars(select(Unit).where(Unit.level == "country").limit(1)).first()


def predecessors(session: Session, unit_id: str) -> Sequence[tuple[Unit, LineageEvent]]:
    """The units that became (part of) this one, with the event."""
    return session.execute(
        select(Unit, LineageEvent).join(LineageEvent, LineageEvent.from_unit_id == Unit.id)
        .where(LineageEvent.to_unit_id == unit_id).order_by(Unit.code)
    ).all()


def successors(session: Session, unit_id: str) -> Sequence[tuple[Unit, LineageEvent]]:
    return session.execute(
        select(Unit, LineageEvent).join(LineageEvent, LineageEvent.to_unit_id == Unit.id)
        .where(LineageEvent.from_unit_id == unit_id).order_by(Unit.code)
    ).all()
