"""Who is asking: a session cookie (with CSRF on every form) or a bearer token (no cookies)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from fastapi import Request
from sqlalchemy.orm import Session

from chiso.accounts import csrf, sessions, tokens
from chiso.accounts.users import Principal
from chiso.web.responses import ApiError


@dataclass(frozen=True)
class Auth:
    principal: Principal
    csrf_token: str | None
    display_name: str

    @property
    def via_token(self) -> bool:
        return self.principal.via_token


class SignIn(Exception):
    """A page needs a signed-in user: the router answers with a redirect to /login."""

    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


def client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None


def identify(request: Request, s: Session) -> Auth | None:
    header = request.headers.get("authorization", "")
    if header:
        kind, _, secret = header.partition(" ")
        if kind.lower() != "bearer":
            raise unauthorised()
        p = tokens.authenticate(s, secret.strip())
        if p is None:
            raise ApiError(401, "Mã truy cập không hợp lệ, đã thu hồi hoặc hết hạn.",
                           "The token is invalid, revoked or expired.")
        return Auth(p, None, p.username)
    cur = sessions.current(s, request.cookies.get(sessions.COOKIE))
    if cur is None:
        return None
    return Auth(cur.principal, cur.csrf_token, cur.display_name)


def unauthorised() -> ApiError:
    return ApiError(401, "Hãy đăng nhập (hoặc gửi mã truy cập: Authorization: Bearer ...).",
                    "Sign in first (or send a token: Authorization: Bearer ...).")


def require(request: Request, s: Session, *, page: bool = False) -> Auth:
    auth = identify(request, s)
    if auth is None:
        if page and request.method == "GET":
            raise SignIn(request.url.path)
        raise unauthorised()
    return auth


def check_csrf(request: Request, auth: Auth, form: Any | None) -> None:
    """Cookie-authenticated writes must carry the session's CSRF token (form field or header)."""
    if auth.via_token:
        return
    given = request.headers.get(csrf.HEADER) or (form.get(csrf.FIELD) if form is not None else None)
    if not csrf.matches(auth.csrf_token, given if isinstance(given, str) else None):
        raise ApiError(403, "Phiên biểu mẫu không hợp lệ (CSRF). Hãy tải lại trang rồi thử lại.",
                       "The form's security token is missing or wrong (CSRF). Reload the page "
                       "and try again.")


def login_redirect(next_path: str) -> str:
    return "/login?next=" + quote(safe_next(next_path), safe="/")


def safe_next(path: str | None) -> str:
    """Only same-site paths: no scheme, no host, no //evil.example."""
    if not path or not path.startswith("/") or path.startswith("//") or "\\" in path:
        return "/entry"
    if any(c in path for c in "\r\n\t") or len(path) > 300:
        return "/entry"
    return path
