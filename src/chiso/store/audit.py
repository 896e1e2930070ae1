"""The append-only audit log in the store: adding a record, and reading them back, newest first."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chiso.store.models_workflow import AuditRecord


def add(session: Session, *, actor: str | None, action: str, target_type: str,
        target_id: Any = None, before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None, ip: str | None = None) -> AuditRecord:
    """Append one record inside the caller's transaction (it lands with the change or not at
    all)."""
    rec = AuditRecord(actor=actor, action=action, target_type=target_type,
                      target_id=None if target_id is None else str(target_id),
                      before=before, after=after, ip=ip)
    session.add(rec)
    return rec


def entries(session: Session, *, actor: str | None = None, action: str | None = None,
            target_type: str | None = None, since: datetime | None = None,
            limit: int = 200, offset: int = 0) -> Sequence[AuditRecord]:
    """Newest first; filters are bound parameters, never SQL text."""
    q = select(AuditRecord)
    if actor:
        q = q.where(AuditRecord.actor == actor)
    if action:
        q = q.where(AuditRecord.action == action)
    if target_type:
        q = q.where(AuditRecord.target_type == target_type)
    if since:
        q = q.where(AuditRecord.at >= since)
    return session.scalars(q.order_by(AuditRecord.id.desc()).limit(limit).offset(offset)).all()
