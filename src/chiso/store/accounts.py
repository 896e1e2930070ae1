"""Accounts in the store: users and the units they edit, API tokens, sessions, sign-in attempts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from chiso.store.models import Unit
from chiso.store.models_workflow import ApiToken, LoginAttempt, User, UserUnit, WebSession

# ── users ────────────────────────────────────────────────────────────────────────────────


def user(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username))


def user_by_id(session: Session, user_id: int) -> User | None:
    return session.get(User, user_id)


def add_user(session: Session, **fields: object) -> User:
    u = User(**fields)
    session.add(u)
    session.flush()
    return u


def units_of(session: Session, user_id: int) -> frozenset[str]:
    return frozenset(session.scalars(select(UserUnit.unit_id).where(UserUnit.user_id == user_id)))


def known_units(session: Session, unit_ids: Sequence[str]) -> set[str]:
    return set(session.scalars(select(Unit.id).where(Unit.id.in_(list(unit_ids)))))


def set_units(session: Session, user_id: int, unit_ids: Sequence[str]) -> None:
    session.execute(delete(UserUnit).where(UserUnit.user_id == user_id))
    session.add_all(UserUnit(user_id=user_id, unit_id=u) for u in dict.fromkeys(unit_ids))


def users_with_units(session: Session) -> list[tuple[User, list[str]]]:
    users = session.scalars(select(User).order_by(User.username)).all()
    by_user: dict[int, list[str]] = {}
    for uid, unit in session.execute(select(UserUnit.user_id, UserUnit.unit_id)):
        by_user.setdefault(uid, []).append(unit)
    return [(u, sorted(by_user.get(u.id, []))) for u in users]


# ── tokens ───────────────────────────────────────────────────────────────────────────────


def add_token(session: Session, **fields: object) -> ApiToken:
    tok = ApiToken(**fields)
    session.add(tok)
    session.flush()
    return tok


def token(session: Session, token_id: int) -> ApiToken | None:
    return session.get(ApiToken, token_id)


def token_by_hash(session: Session, token_hash: str) -> ApiToken | None:
    return session.scalar(select(ApiToken).where(ApiToken.token_hash == token_hash))


def tokens_of(session: Session, user_id: int) -> list[ApiToken]:
    return list(session.scalars(select(ApiToken).where(ApiToken.user_id == user_id)
                                .order_by(ApiToken.id.desc())))


def revoke_tokens_of(session: Session, user_id: int, at: datetime) -> None:
    session.execute(update(ApiToken).where(ApiToken.user_id == user_id,
                                           ApiToken.revoked_at.is_(None)).values(revoked_at=at))


# ── sessions ─────────────────────────────────────────────────────────────────────────────


def add_session(session: Session, **fields: object) -> WebSession:
    ws = WebSession(**fields)
    session.add(ws)
    return ws


def session_by_hash(session: Session, token_hash: str) -> WebSession | None:
    return session.scalar(select(WebSession).where(WebSession.token_hash == token_hash))


def end_session(session: Session, ws: WebSession) -> None:
    session.delete(ws)


def end_sessions_of(session: Session, user_id: int) -> None:
    session.execute(delete(WebSession).where(WebSession.user_id == user_id))


# ── sign-in attempts ─────────────────────────────────────────────────────────────────────


def add_attempt(session: Session, username: str, ip: str | None, ok: bool) -> None:
    session.add(LoginAttempt(username=username[:80], ip=ip, ok=ok))


def failures_from(session: Session, ip: str, since: datetime) -> int:
    return int(session.scalar(select(func.count()).select_from(LoginAttempt).where(
        LoginAttempt.ip == ip, LoginAttempt.ok.is_(False), LoginAttempt.at >= since)) or 0)


def prune_attempts(session: Session, before: datetime) -> None:
    session.execute(delete(LoginAttempt).where(LoginAttempt.at < before))

