"""API tokens for scripts: random, scoped, revocable, expiring; only their SHA-256 is kept."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from chiso.accounts import audit
from chiso.accounts.users import ROLE_SCOPES, SCOPES, AccountError, Principal, principal_for
from chiso.store.models import utcnow
from chiso.store.models_auth import ApiToken, User

PREFIX = "chiso_"


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def aware(dt: datetime) -> datetime:
    """SQLite gives naive datetimes back; chiso stores UTC."""
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def create_token(session: Session, user: User, name: str, scopes: Iterable[str], *,
                 days: int | None = 90, actor: str | None = None,
                 ip: str | None = None) -> tuple[ApiToken, str]:
    """A new token; the secret is returned once and never stored."""
    wanted = list(dict.fromkeys(scopes))
    bad = [s for s in wanted if s not in SCOPES]
    if bad or not wanted:
        raise AccountError(
            f"Phạm vi không hợp lệ: {', '.join(bad) or '(trống)'}. Chọn trong: {', '.join(SCOPES)}",
            f"Invalid scope: {', '.join(bad) or '(none)'}. Choose from: {', '.join(SCOPES)}",
        )
    beyond = [s for s in wanted if s not in ROLE_SCOPES[user.role]]
    if beyond:
        raise AccountError(
            f"Vai trò {user.role} không có quyền: {', '.join(beyond)}.",
            f"Role {user.role} cannot hold: {', '.join(beyond)}.",
        )
    secret = PREFIX + secrets.token_urlsafe(32)
    tok = ApiToken(user_id=user.id, name=name[:200], token_hash=digest(secret),
                   prefix=secret[:12], scopes=wanted,
                   expires_at=utcnow() + timedelta(days=days) if days else None)
    session.add(tok)
    session.flush()
    audit.record(session, actor=actor or user.username, action="token.create",
                 target_type="token", target_id=tok.id,
                 after={"user": user.username, "name": tok.name, "scopes": wanted,
                        "prefix": tok.prefix}, ip=ip)
    return tok, secret


def authenticate(session: Session, secret: str) -> Principal | None:
    """The principal behind a bearer token, or None if unknown, revoked, expired or disabled."""
    if not secret.startswith(PREFIX) or len(secret) > 200:
        return None
    tok = session.scalar(select(ApiToken).where(ApiToken.token_hash == digest(secret)))
    if tok is None or tok.revoked_at is not None:
        return None
    if tok.expires_at is not None and aware(tok.expires_at) <= utcnow():
        return None
    user = session.get(User, tok.user_id)
    if user is None or not user.active:
        return None
    tok.last_used_at = utcnow()
    return principal_for(session, user, tok.scopes, via_token=True)


def revoke(session: Session, token_id: int, *, by: Principal, ip: str | None = None) -> ApiToken:
    """Revoke a token: its owner or an administrator may."""
    tok = session.get(ApiToken, token_id)
    if tok is None or (tok.user_id != by.user_id and by.role != "ministry_admin"):
        raise AccountError(f"Không có mã truy cập số {token_id}.", f"No token {token_id}.")
    if tok.revoked_at is None:
        tok.revoked_at = utcnow()
        audit.record(session, actor=by.username, action="token.revoke", target_type="token",
                     target_id=tok.id, before={"revoked": False}, after={"revoked": True}, ip=ip)
    return tok


def tokens_of(session: Session, user_id: int) -> list[ApiToken]:
    return list(session.scalars(select(ApiToken).where(ApiToken.user_id == user_id)
                                .order_by(ApiToken.id.desc())))
