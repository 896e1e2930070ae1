"""One unit of work: the transaction, the catalog it reads, who acts and from where."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from chiso.catalog import Catalog
from chiso.errors import InvalidInput
from chiso.store import audit
from chiso.store.catalog import load_catalog
from chiso.workflow.principal import Principal


@dataclass(frozen=True)
class Work:
    """What every workflow operation takes: it writes in `session` (the caller's transaction,
    which lands whole or not at all), reads frameworks and units from `catalog`, acts as
    `principal`, and names `origin` (the client's address, or "cli") in the audit log."""

    session: Session
    catalog: Catalog
    principal: Principal
    origin: str | None = None

    @classmethod
    def open(cls, session: Session, principal: Principal, origin: str | None = None) -> Work:
        """Work in a session with the catalog the store holds now."""
        return cls(session, load_catalog(session), principal, origin)

    @property
    def actor(self) -> str | None:
        return self.principal.username or None

    def as_(self, principal: Principal) -> Work:
        return Work(self.session, self.catalog, principal, self.origin)

    def record(self, action: str, target_type: str, target_id: Any = None, *,
               before: dict[str, Any] | None = None, after: dict[str, Any] | None = None,
               actor: str | None = None) -> None:
        """The audit record of this work's change (written in the same transaction)."""
        audit.add(self.session, actor=actor or self.actor, action=action,
                  target_type=target_type, target_id=target_id, before=before, after=after,
                  ip=self.origin)


MAX_COMMENT = 4000  # characters of a reviewer's comment that are kept


def reason_to_return(comment: str) -> str:
    """The reason a reviewer gives for sending something back: required, trimmed."""
    text = comment.strip()[:MAX_COMMENT]
    if not text:
        raise InvalidInput("Hãy ghi lý do trả lại.", "Give a reason for sending it back.")
    return text
