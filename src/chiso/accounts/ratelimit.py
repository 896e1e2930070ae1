"""Sign-in limits: an account locks after repeated failures, an address is slowed after many."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from chiso.accounts.tokens import aware
from chiso.store.models import utcnow
from chiso.store.models_auth import LoginAttempt, User


@dataclass(frozen=True)
class Limits:
    """How many failures lock an account, for how long; how many an address may make."""

    max_failures: int = 5
    lockout: timedelta = timedelta(minutes=15)
    ip_window: timedelta = timedelta(minutes=15)
    ip_max_failures: int = 30


def locked_until(user: User | None, now: datetime | None = None) -> datetime | None:
    if user is None or user.locked_until is None:
        return None
    until = aware(user.locked_until)
    return until if until > (now or utcnow()) else None


def ip_blocked(session: Session, ip: str | None, limits: Limits) -> bool:
    if not ip:
        return False
    since = utcnow() - limits.ip_window
    n = session.scalar(select(func.count()).select_from(LoginAttempt).where(
        LoginAttempt.ip == ip, LoginAttempt.ok.is_(False), LoginAttempt.at >= since))
    return (n or 0) >= limits.ip_max_failures


def note_attempt(session: Session, username: str, ip: str | None, ok: bool,
                 user: User | None, limits: Limits) -> bool:
    """Record an attempt; returns True when this failure locked the account."""
    session.add(LoginAttempt(username=username[:80], ip=ip, ok=ok))
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


def prune(session: Session, older_than: timedelta = timedelta(days=30)) -> None:
    session.execute(delete(LoginAttempt).where(LoginAttempt.at < utcnow() - older_than))
