"""Accounts and roles: who may read, enter, review, publish and administer."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from chiso.accounts import audit
from chiso.accounts.passwords import hash_password
from chiso.errors import ChisoError
from chiso.store.models import Unit
from chiso.store.models_auth import ROLES, User, UserUnit

# what each role may do; a token narrows this further to its scopes
SCOPES = ("read", "entry", "review", "publish", "admin")
ROLE_SCOPES: dict[str, frozenset[str]] = {
    "ministry_admin": frozenset(SCOPES),
    "ministry_reviewer": frozenset({"read", "review", "publish"}),
    "province_editor": frozenset({"read", "entry"}),
    "viewer": frozenset({"read"}),
}
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")


class AccountError(ChisoError):
    """An account could not be created or changed."""


class Forbidden(ChisoError):
    """The signed-in user may not do this."""


@dataclass(frozen=True)
class Principal:
    """Who is acting: a user through a session, or through a token with some scopes."""

    user_id: int
    username: str
    role: str
    units: frozenset[str] = field(default_factory=frozenset)
    scopes: frozenset[str] = field(default_factory=frozenset)
    via_token: bool = False

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
            raise forbidden(scope)

    def require_edit(self, unit_id: str) -> None:
        if not self.may_edit(unit_id):
            raise Forbidden(
                f"Tài khoản {self.username} không được nhập số liệu cho đơn vị {unit_id}.",
                f"Account {self.username} may not enter figures for unit {unit_id}.",
            )


def forbidden(scope: str) -> Forbidden:
    return Forbidden(
        f"Tài khoản này không có quyền '{scope}'. Hãy liên hệ quản trị viên của Bộ.",
        f"This account lacks the '{scope}' permission. Ask the ministry administrator.",
    )


def principal_for(session: Session, user: User, scopes: Iterable[str] | None = None,
                  via_token: bool = False) -> Principal:
    units = frozenset(session.scalars(select(UserUnit.unit_id).where(UserUnit.user_id == user.id)))
    allowed = ROLE_SCOPES.get(user.role, frozenset())
    granted = allowed if scopes is None else allowed & frozenset(scopes)
    return Principal(user.id, user.username, user.role, units, granted, via_token)


def get_user(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username.strip().lower()))


def require_user(session: Session, username: str) -> User:
    user = get_user(session, username)
    if user is None:
        raise AccountError(f"Không có tài khoản '{username}'. Xem: chiso users list",
                           f"No account '{username}'. See: chiso users list")
    return user


def add_user(session: Session, username: str, password: str, role: str, *,
             display_name: str | None = None, units: Sequence[str] = (),
             actor: str | None = None, ip: str | None = None) -> User:
    """Create an account; province editors must be bound to at least one existing unit."""
    name = username.strip().lower()
    if not USERNAME.match(name):
        raise AccountError(
            "Tên đăng nhập chỉ gồm chữ thường không dấu, số, '.', '_' hoặc '-' (2–64 ký tự).",
            "A username has 2–64 characters: lowercase ASCII letters, digits, '.', '_' or '-'.",
        )
    if role not in ROLES:
        raise AccountError(f"Vai trò '{role}' không có. Chọn một trong: {', '.join(ROLES)}",
                           f"No role '{role}'. Choose one of: {', '.join(ROLES)}")
    if get_user(session, name) is not None:
        raise AccountError(f"Tài khoản '{name}' đã có.", f"Account '{name}' already exists.")
    if role == "province_editor" and not units:
        raise AccountError(
            "Cán bộ nhập liệu của tỉnh cần ít nhất một đơn vị: thêm --unit vn34-01",
            "A province editor needs at least one unit: add --unit vn34-01",
        )
    user = User(username=name, display_name=display_name or name,
                password_hash=hash_password(password), role=role, active=True, failed_logins=0)
    session.add(user)
    session.flush()
    set_units(session, user, units)
    audit.record(session, actor=actor, action="user.add", target_type="user", target_id=name,
                 after={"role": role, "units": sorted(units)}, ip=ip)
    return user


def set_units(session: Session, user: User, units: Sequence[str]) -> None:
    known = set(session.scalars(select(Unit.id).where(Unit.id.in_(list(units)))))
    missing = [u for u in units if u not in known]
    if missing:
        raise AccountError(
            f"Không có đơn vị: {', '.join(missing)}. Hãy dùng mã như vn34-01 (chạy chiso init trước).",
            f"No such unit: {', '.join(missing)}. Use ids like vn34-01 (run chiso init first).",
        )
    session.execute(delete(UserUnit).where(UserUnit.user_id == user.id))
    for u in dict.fromkeys(units):
        session.add(UserUnit(user_id=user.id, unit_id=u))


def list_users(session: Session) -> list[tuple[User, list[str]]]:
    users = session.scalars(select(User).order_by(User.username)).all()
    links = session.execute(select(UserUnit.user_id, UserUnit.unit_id)).all()
    by_user: dict[int, list[str]] = {}
    for uid, unit in links:
        by_user.setdefault(uid, []).append(unit)
    return [(u, sorted(by_user.get(u.id, []))) for u in users]


def disable_user(session: Session, username: str, *, actor: str | None = None,
                 ip: str | None = None) -> User:
    """Disable an account: its sessions end and its tokens stop working at once."""
    from chiso.store.models import utcnow
    from chiso.store.models_auth import ApiToken, WebSession

    user = require_user(session, username)
    before = {"active": user.active}
    user.active = False
    session.execute(delete(WebSession).where(WebSession.user_id == user.id))
    for tok in session.scalars(select(ApiToken).where(ApiToken.user_id == user.id,
                                                      ApiToken.revoked_at.is_(None))):
        tok.revoked_at = utcnow()
    audit.record(session, actor=actor, action="user.disable", target_type="user",
                 target_id=user.username, before=before, after={"active": False}, ip=ip)
    return user
