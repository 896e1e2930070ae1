"""Accounts and API tokens: creating, scoping, disabling and revoking them, each audited."""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from chiso.errors import InvalidInput, NotFound
from chiso.store import accounts as store
from chiso.store.models import utcnow
from chiso.store.models_workflow import ApiToken, User
from chiso.vocab import ROLE_SCOPES, ROLES, SCOPES
from chiso.workflow.passwords import hash_password
from chiso.workflow.principal import Principal
from chiso.workflow.work import Work

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
TOKEN_PREFIX = "chiso_"


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def aware(dt: datetime) -> datetime:
    """SQLite gives naive datetimes back; chiso stores UTC."""
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


# ── accounts ─────────────────────────────────────────────────────────────────────────────


def principal_for(session: Session, user: User, scopes: Iterable[str] | None = None,
                  via_token: bool = False) -> Principal:
    allowed = ROLE_SCOPES.get(user.role, frozenset())
    granted = allowed if scopes is None else allowed & frozenset(scopes)
    return Principal(user.id, user.username, user.role, store.units_of(session, user.id),
                     granted, via_token)


def get_user(session: Session, username: str) -> User | None:
    return store.user(session, username.strip().lower())


def require_user(session: Session, username: str) -> User:
    user = get_user(session, username)
    if user is None:
        raise NotFound(f"Không có tài khoản '{username[:80]}'. Xem: chiso users list",
                       f"No account '{username[:80]}'. See: chiso users list")
    return user


def acting_as(session: Session, username: str) -> Principal:
    """An active account as the principal of a command (e.g. `chiso publish --as`)."""
    from chiso.errors import Forbidden

    user = require_user(session, username)
    if not user.active:
        raise Forbidden(f"Tài khoản {username} đã bị khoá.", f"Account {username} is disabled.")
    return principal_for(session, user)


def add_user(w: Work, username: str, password: str, role: str, *,
             display_name: str | None = None, units: Sequence[str] = ()) -> User:
    """Create an account; province editors must be bound to at least one existing unit."""
    w.principal.require("admin")
    name = username.strip().lower()
    if not USERNAME.match(name):
        raise InvalidInput(
            "Tên đăng nhập chỉ gồm chữ thường không dấu, số, '.', '_' hoặc '-' (2–64 ký tự).",
            "A username has 2–64 characters: lowercase ASCII letters, digits, '.', '_' or '-'.",
        )
    if role not in ROLES:
        raise InvalidInput(f"Vai trò '{role}' không có. Chọn một trong: {', '.join(ROLES)}",
                           f"No role '{role}'. Choose one of: {', '.join(ROLES)}")
    if get_user(w.session, name) is not None:
        raise InvalidInput(f"Tài khoản '{name}' đã có.", f"Account '{name}' already exists.")
    if role == "province_editor" and not units:
        raise InvalidInput(
            "Cán bộ nhập liệu của tỉnh cần ít nhất một đơn vị: thêm --unit vn34-01",
            "A province editor needs at least one unit: add --unit vn34-01",
        )
    user = store.add_user(w.session, username=name, display_name=display_name or name,
                          password_hash=hash_password(password), role=role, active=True,
                          failed_logins=0)
    set_units(w, user, units, audited=False)
    w.record("user.add", "user", name, after={"role": role, "units": sorted(units)})
    return user


def set_units(w: Work, user: User, units: Sequence[str], *, audited: bool = True) -> None:
    """The units a province editor may enter figures for."""
    w.principal.require("admin")
    known = store.known_units(w.session, units)
    missing = [u for u in units if u not in known]
    if missing:
        raise InvalidInput(
            f"Không có đơn vị: {', '.join(missing)}. "
            "Hãy dùng mã như vn34-01 (chạy chiso init trước).",
            f"No such unit: {', '.join(missing)}. Use ids like vn34-01 (run chiso init first).",
        )
    before = sorted(store.units_of(w.session, user.id))
    store.set_units(w.session, user.id, units)
    if audited:
        w.record("user.units", "user", user.username, before={"units": before},
                 after={"units": sorted(set(units))})


def list_users(session: Session) -> list[tuple[User, list[str]]]:
    return store.users_with_units(session)


def disable_user(w: Work, username: str) -> User:
    """Disable an account: its sessions end and its tokens stop working at once."""
    w.principal.require("admin")
    user = require_user(w.session, username)
    before = {"active": user.active}
    user.active = False
    store.end_sessions_of(w.session, user.id)
    store.revoke_tokens_of(w.session, user.id, utcnow())
    w.record("user.disable", "user", user.username, before=before, after={"active": False})
    return user


# ── tokens ───────────────────────────────────────────────────────────────────────────────


def create_token(w: Work, user: User, name: str, scopes: Iterable[str], *,
                 days: int | None = 90) -> tuple[ApiToken, str]:
    """A new token for `user` (the acting account's own, or any for an admin); the secret is
    returned once and never stored."""
    if w.principal.user_id != user.id:
        w.principal.require("admin")
    wanted = list(dict.fromkeys(scopes))
    bad = [s for s in wanted if s not in SCOPES]
    if bad or not wanted:
        raise InvalidInput(
            f"Phạm vi không hợp lệ: {', '.join(bad) or '(trống)'}. Chọn trong: {', '.join(SCOPES)}",
            f"Invalid scope: {', '.join(bad) or '(none)'}. Choose from: {', '.join(SCOPES)}",
        )
    beyond = [s for s in wanted if s not in ROLE_SCOPES[user.role]]
    if beyond:
        raise InvalidInput(f"Vai trò {user.role} không có quyền: {', '.join(beyond)}.",
                           f"Role {user.role} cannot hold: {', '.join(beyond)}.")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    tok = store.add_token(w.session, user_id=user.id, name=name[:200], token_hash=digest(secret),
                          prefix=secret[:12], scopes=wanted,
                          expires_at=utcnow() + timedelta(days=days) if days else None)
    w.record("token.create", "token", tok.id,
             after={"user": user.username, "name": tok.name, "scopes": wanted,
                    "prefix": tok.prefix})
    return tok, secret


def authenticate(session: Session, secret: str) -> Principal | None:
    """The principal behind a bearer token, or None if unknown, revoked, expired or disabled."""
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 200:
        return None
    tok = store.token_by_hash(session, digest(secret))
    if tok is None or tok.revoked_at is not None:
        return None
    if tok.expires_at is not None and aware(tok.expires_at) <= utcnow():
        return None
    user = store.user_by_id(session, tok.user_id)
    if user is None or not user.active:
        return None
    tok.last_used_at = utcnow()
    return principal_for(session, user, tok.scopes, via_token=True)


def revoke(w: Work, token_id: int) -> ApiToken:
    """Revoke a token: its owner or an administrator may (another's token is "not found")."""
    tok = store.token(w.session, token_id)
    by = w.principal
    if tok is None or (tok.user_id != by.user_id and not by.may("admin")):
        raise NotFound(f"Không có mã truy cập số {token_id}.", f"No token {token_id}.")
    if tok.revoked_at is None:
        tok.revoked_at = utcnow()
        w.record("token.revoke", "token", tok.id, before={"revoked": False},
                 after={"revoked": True})
    return tok


def tokens_of(session: Session, user_id: int) -> list[ApiToken]:
    return store.tokens_of(session, user_id)
