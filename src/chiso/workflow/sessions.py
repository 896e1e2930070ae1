"""Signing in and out: browser sessions with idle and absolute expiry, stored hashed, and the
limits that lock an account after repeated failures and slow an address after many."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from chiso.store import accounts as store
from chiso.store.models import utcnow
from chiso.store.models_workflow import User
from chiso.workflow.accounts import aware, digest, get_user, principal_for
from chiso.workflow.passwords import verify_password
from chiso.workflow.principal import Principal
from chiso.workflow.work import Work

COOKIE = "chiso_session"


@dataclass(frozen=True)
class Limits:
    """How many failures lock an account, for how long; how many an address may make."""

    max_failures: int = 5
    lockout: timedelta = timedelta(minutes=15)
    ip_window: timedelta = timedelta(minutes=15)
    ip_max_failures: int = 30


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


def locked_until(user: User | None, now: datetime | None = None) -> datetime | None:
    if user is None or user.locked_until is None:
        return None
    until = aware(user.locked_until)
    return until if until > (now or utcnow()) else None


def _note_attempt(w: Work, username: str, ok: bool, user: User | None, limits: Limits) -> bool:
    """Record an attempt; returns True when this failure locked the account."""
    store.add_attempt(w.session, username, w.origin, ok)
    if user is None:
        return False
    if ok:
        user.failed_logins = 0
        user.locked_until = None
        return False
    user.failed_logins = (user.failed_logins or 0) + 1
    if user.failed_logins >= limits.max_failures:
        user.locked_until = utcnow() + limits.lockout
        user.failed_logins = 0
        return True
    return False


def login(w: Work, username: str, password: str, policy: SessionPolicy = SessionPolicy(),
          csrf_token: str | None = None) -> LoginResult:
    """Check a password under the rate limits; the caller commits even when it is refused."""
    limits = policy.limits
    name = username.strip().lower()[:80]
    ip = w.origin
    if ip and store.failures_from(w.session, ip, utcnow() - limits.ip_window) >= \
            limits.ip_max_failures:
        return _refuse("Quá nhiều lần đăng nhập sai từ địa chỉ này. Hãy thử lại sau 15 phút.",
                       "Too many failed sign-ins from this address. Try again in 15 minutes.",
                       locked=True)
    user = get_user(w.session, name) if name else None
    until = locked_until(user)
    if until is not None:
        _note_attempt(w, name, False, None, limits)
        verify_password(None, password)  # same cost as a real check
        return _refuse(
            f"Tài khoản tạm khoá do đăng nhập sai nhiều lần, đến {until:%H:%M} UTC.",
            f"The account is locked after repeated failed sign-ins, until {until:%H:%M} UTC.",
            locked=True)
    ok = verify_password(user.password_hash if user else None, password)
    ok = ok and user is not None and user.active
    just_locked = _note_attempt(w, name, ok, user, limits)
    if not ok:
        if just_locked and user is not None:
            w.record("user.lockout", "user", user.username,
                     after={"locked_until": str(user.locked_until)})
        return _refuse(*BAD, locked=just_locked)
    assert user is not None
    secret = secrets.token_urlsafe(32)
    now = utcnow()
    token = csrf_token or secrets.token_urlsafe(32)
    store.add_session(w.session, token_hash=digest(secret), user_id=user.id, csrf_token=token,
                      ip=ip, created_at=now, last_seen=now, expires_at=now + policy.absolute)
    w.record("login", "session", user.username, actor=user.username)
    return LoginResult(True, secret=secret, csrf_token=token)


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
    ws = store.session_by_hash(session, digest(secret))
    if ws is None:
        return None
    now = utcnow()
    if aware(ws.expires_at) <= now or aware(ws.last_seen) + policy.idle <= now:
        store.end_session(session, ws)
        return None
    user = store.user_by_id(session, ws.user_id)
    if user is None or not user.active:
        store.end_session(session, ws)
        return None
    if now - aware(ws.last_seen) > timedelta(minutes=1):
        ws.last_seen = now
    return Current(principal_for(session, user), ws.csrf_token, ws.id, user.display_name)


def logout(w: Work, secret: str | None) -> None:
    if not secret:
        return
    ws = store.session_by_hash(w.session, digest(secret))
    if ws is not None:
        user = store.user_by_id(w.session, ws.user_id)
        store.end_session(w.session, ws)
        name = user.username if user else None
        w.record("logout", "session", name, actor=name)
