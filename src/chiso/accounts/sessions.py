"""Signing in and out: browser sessions with idle and absolute expiry, stored hashed."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from chiso.accounts import audit, csrf
from chiso.accounts.passwords import verify_password
from chiso.accounts.ratelimit import Limits, ip_blocked, locked_until, note_attempt
from chiso.accounts.tokens import aware, digest
from chiso.accounts.users import Principal, get_user, principal_for
from chiso.store.models import utcnow
from chiso.store.models_auth import User, WebSession

COOKIE = "chiso_session"


@dataclass(frozen=True)
class SessionPolicy:
    idle: timedelta = timedelta(minutes=30)
    absolute: timedelta = timedelta(hours=12)
    limits: Limits = field(default_factory=Limits)


@dataclass
class LoginResult:
    """Either a session (secret for the cookie, CSRF token) or a bilingual refusal."""

    ok: bool
    secret: str | None = None
    csrf_token: str | None = None
    message_vi: str = ""
    message_en: str = ""
    locked: bool = False


def _refuse(vi: str, en: str, locked: bool = False) -> LoginResult:
    return LoginResult(False, message_vi=vi, message_en=en, locked=locked)


BAD = ("Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong username or password.")


def login(session: Session, username: str, password: str, ip: str | None,
          policy: SessionPolicy = SessionPolicy()) -> LoginResult:
    """Check a password under the rate limits; the caller commits even when it is refused."""
    name = username.strip().lower()[:80]
    if ip_blocked(session, ip, policy.limits):
        return _refuse("Quá nhiều lần đăng nhập sai từ địa chỉ này. Hãy thử lại sau 15 phút.",
                       "Too many failed sign-ins from this address. Try again in 15 minutes.",
                       locked=True)
    user = get_user(session, name) if name else None
    until = locked_until(user)
    if until is not None:
        note_attempt(session, name, ip, False, None, policy.limits)
        verify_password(None, password)  # same cost as a real check
        return _refuse(
            f"Tài khoản tạm khoá do đăng nhập sai nhiều lần, đến {until:%H:%M} UTC.",
            f"The account is locked after repeated failed sign-ins, until {until:%H:%M} UTC.",
            locked=True)
    ok = verify_password(user.password_hash if user else None, password)
    ok = ok and user is not None and user.active
    just_locked = note_attempt(session, name, ip, ok, user, policy.limits)
    if not ok:
        if just_locked and user is not None:
            audit.record(session, actor=None, action="user.lockout", target_type="user",
                         target_id=user.username, after={"locked_until": str(user.locked_until)},
                         ip=ip)
        return _refuse(*BAD, locked=just_locked)
    assert user is not None
    secret = secrets.token_urlsafe(32)
    now = utcnow()
    ws = WebSession(token_hash=digest(secret), user_id=user.id, csrf_token=csrf.new_token(),
                    ip=ip, created_at=now, last_seen=now, expires_at=now + policy.absolute)
    session.add(ws)
    audit.record(session, actor=user.username, action="login", target_type="session",
                 target_id=user.username, ip=ip)
    return LoginResult(True, secret=secret, csrf_token=ws.csrf_token)


@dataclass(frozen=True)
class Current:
    principal: Principal
    csrf_token: str
    session_id: int
    display_name: str


def current(session: Session, secret: str | None,
            policy: SessionPolicy = SessionPolicy()) -> Current | None:
    """The signed-in user for a cookie, or None (expired sessions are deleted)."""
    if not secret or len(secret) > 200:
        return None
    ws = session.scalar(select(WebSession).where(WebSession.token_hash == digest(secret)))
    if ws is None:
        return None
    now = utcnow()
    if aware(ws.expires_at) <= now or aware(ws.last_seen) + policy.idle <= now:
        session.delete(ws)
        return None
    user = session.get(User, ws.user_id)
    if user is None or not user.active:
        session.delete(ws)
        return None
    if now - aware(ws.last_seen) > timedelta(minutes=1):
        ws.last_seen = now
    return Current(principal_for(session, user), ws.csrf_token, ws.id, user.display_name)


def logout(session: Session, secret: str | None, ip: str | None = None) -> None:
    if not secret:
        return
    ws = session.scalar(select(WebSession).where(WebSession.token_hash == digest(secret)))
    if ws is not None:
        user = session.get(User, ws.user_id)
        session.delete(ws)
        audit.record(session, actor=user.username if user else None, action="logout",
                     target_type="session", target_id=user.username if user else None, ip=ip)


def end_all(session: Session, user_id: int) -> None:
    session.execute(delete(WebSession).where(WebSession.user_id == user_id))
