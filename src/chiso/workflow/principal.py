"""Who acts: an account with a role and units, through a session, a token or the command line."""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field

from chiso.errors import Forbidden
from chiso.vocab import ROLE_SCOPES, SCOPES


@dataclass(frozen=True)
class Principal:
    """An account acting with some scopes (a token narrows its role's scopes to its own)."""

    user_id: int | None
    username: str
    role: str
    units: frozenset[str] = field(default_factory=frozenset)
    scopes: frozenset[str] = field(default_factory=frozenset)
    via_token: bool = False

    @classmethod
    def local(cls, name: str | None = None) -> Principal:
        """The person at the command line: the database is theirs, so every scope is.

        Named `cli:<os user>` in revisions and the audit log, unless a name is given."""
        return cls(None, name or f"cli:{getpass.getuser()}", "ministry_admin",
                   scopes=frozenset(SCOPES))

    @classmethod
    def anonymous(cls) -> Principal:
        """Nobody signed in (a sign-in attempt, a public read)."""
        return cls(None, "", "", scopes=frozenset())

    def may(self, scope: str) -> bool:
        return scope in self.scopes and scope in ROLE_SCOPES.get(self.role, frozenset())

    def may_edit(self, unit_id: str) -> bool:
        if not self.may("entry"):
            return False
        return self.role == "ministry_admin" or unit_id in self.units

    def may_see_unit(self, unit_id: str) -> bool:
        """Unpublished figures: the ministry sees all, a province its own units."""
        if self.role in ("ministry_admin", "ministry_reviewer", "viewer"):
            return True
        return unit_id in self.units

    def require(self, scope: str) -> None:
        if not self.may(scope):
            raise Forbidden(
                f"Tài khoản này không có quyền '{scope}'. Hãy liên hệ quản trị viên của Bộ.",
                f"This account lacks the '{scope}' permission. Ask the ministry administrator.",
            )

    def require_edit(self, unit_id: str) -> None:
        if not self.may_edit(unit_id):
            raise Forbidden(
                f"Tài khoản {self.username} không được nhập số liệu cho đơn vị {unit_id[:40]}.",
                f"Account {self.username} may not enter figures for unit {unit_id[:40]}.",
            )

    def require_see(self, unit_id: str) -> None:
        if not self.may_see_unit(unit_id):
            raise Forbidden(f"Không được xem biểu mẫu của {unit_id[:40]}.",
                            f"You may not see the form of {unit_id[:40]}.")
