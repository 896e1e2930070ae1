"""CSRF protection: a token bound to the session (or, before sign-in, a double-submit cookie)."""

from __future__ import annotations

import hmac
import secrets

FIELD = "csrf_token"
HEADER = "x-csrf-token"
LOGIN_COOKIE = "chiso_login_csrf"


def new_token() -> str:
    return secrets.token_urlsafe(32)


def matches(expected: str | None, given: str | None) -> bool:
    """Constant-time comparison; a missing token never matches."""
    if not expected or not given or len(given) > 200:
        return False
    return hmac.compare_digest(expected.encode(), given.encode())
