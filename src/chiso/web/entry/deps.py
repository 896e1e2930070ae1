"""What the entry pages and their JSON API depend on: a transaction, who is asking (a session
cookie with CSRF on every form, or a bearer token), the unit of work, and the form."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, Request
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from chiso.errors import AuthError, FormExpired, InvalidInput, TooLarge
from chiso.store import db
from chiso.store.catalog import load_catalog
from chiso.web.entry import csrf
from chiso.web.entry.guard import UPLOAD_MAX
from chiso.workflow import Principal, Work, accounts, sessions


def cookie_opts(request: Request, **over: Any) -> dict[str, Any]:
    """Session cookies: HttpOnly, SameSite, and Secure whenever the page came over HTTPS (by
    itself or through a trusted proxy that says so, chiso.web.security); over plain http a
    Secure cookie would never come back, and every sign-in would fail."""
    return {"httponly": True, "secure": request.url.scheme == "https", "samesite": "lax",
            "path": "/", **over}


def transaction(request: Request) -> Iterator[Session]:
    """One transaction per request, committed before the answer is sent (so what a client is
    told was saved is saved), rolled back on any error."""
    with db.transaction(request.app.state.engine) as s:
        yield s


Tx = Annotated[Session, Depends(transaction, scope="function")]


@dataclass(frozen=True)
class Auth:
    principal: Principal
    csrf_token: str | None
    display_name: str

    @property
    def via_token(self) -> bool:
        return self.principal.via_token


def client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None


def _work(request: Request, s: Session, principal: Principal) -> Work:
    return Work(s, load_catalog(s), principal, client_ip(request))


def identify(request: Request, s: Tx) -> Auth | None:
    """The signed-in account (a bearer token first, else the session cookie), or None."""
    header = request.headers.get("authorization", "")
    if header:
        kind, _, secret = header.partition(" ")
        if kind.lower() != "bearer":
            raise unauthorised()
        p = accounts.authenticate(s, secret.strip())
        if p is None:
            raise AuthError("Mã truy cập không hợp lệ, đã thu hồi hoặc hết hạn.",
                            "The token is invalid, revoked or expired.")
        return Auth(p, None, p.username)
    cur = sessions.current(s, request.cookies.get(sessions.COOKIE))
    if cur is None:
        return None
    return Auth(cur.principal, cur.csrf_token, cur.display_name)


MaybeAuth = Annotated[Auth | None, Depends(identify)]


def unauthorised() -> AuthError:
    return AuthError("Hãy đăng nhập (hoặc gửi mã truy cập: Authorization: Bearer ...).",
                     "Sign in first (or send a token: Authorization: Bearer ...).")


def signed_in(auth: MaybeAuth) -> Auth:
    """The signed-in account; a page asked for without one redirects to the sign-in page."""
    if auth is None:
        raise unauthorised()
    return auth


SignedIn = Annotated[Auth, Depends(signed_in)]


def work(request: Request, s: Tx, auth: SignedIn) -> Work:
    """The signed-in account's unit of work for this request."""
    return _work(request, s, auth.principal)


def public_work(request: Request, s: Tx, auth: MaybeAuth) -> Work:
    """A unit of work for whoever asks, signed in or not (public reads of the workflow)."""
    return _work(request, s, auth.principal if auth else Principal.anonymous())


WorkDep = Annotated[Work, Depends(work)]
PublicWork = Annotated[Work, Depends(public_work)]


async def _read_form(request: Request, files: int) -> FormData:
    try:
        return await request.form(max_files=files, max_fields=2000, max_part_size=UPLOAD_MAX)
    except TooLarge:
        raise
    except Exception as exc:  # noqa: BLE001 - the parser raises several types; each is a 413/422
        if getattr(exc, "status_code", None) == 413:
            raise TooLarge("Tệp hoặc biểu mẫu quá lớn.", "The file or form is too large.") from None
        raise InvalidInput("Biểu mẫu gửi lên không đọc được.",
                           "The form could not be read.") from None


async def form(request: Request) -> FormData:
    return await _read_form(request, 0)


async def upload_form(request: Request) -> FormData:
    return await _read_form(request, 1)


Form = Annotated[FormData, Depends(form)]
UploadForm = Annotated[FormData, Depends(upload_form)]


def check_csrf(request: Request, auth: Auth, form: FormData | None) -> None:
    """Cookie-authenticated writes must carry the session's CSRF token (form field or header)."""
    if auth.via_token:
        return
    given = request.headers.get(csrf.HEADER) or (form.get(csrf.FIELD) if form is not None else None)
    if not csrf.matches(auth.csrf_token, given if isinstance(given, str) else None):
        raise FormExpired("Biểu mẫu đã cũ hoặc thiếu mã bảo mật (CSRF), nên chưa lưu gì. Hãy "
                          "tải lại trang, nhập lại rồi gửi lại.",
                          "The form is out of date or its security token (CSRF) is missing, so "
                          "nothing was saved. Reload the page, enter the figures again and "
                          "resend.")


def form_csrf(request: Request, auth: SignedIn, f: Form) -> FormData:
    check_csrf(request, auth, f)
    return f


def upload_csrf(request: Request, auth: SignedIn, f: UploadForm) -> FormData:
    check_csrf(request, auth, f)
    return f


def api_csrf(request: Request, auth: SignedIn) -> None:
    check_csrf(request, auth, None)


CheckedForm = Annotated[FormData, Depends(form_csrf)]
CheckedUpload = Annotated[FormData, Depends(upload_csrf)]
ApiWrite = Depends(api_csrf)


def login_redirect(next_path: str) -> str:
    return "/login?next=" + quote(safe_next(next_path), safe="/")


def safe_next(path: str | None) -> str:
    """Only same-site paths: no scheme, no host, no //evil.example."""
    if not path or not path.startswith("/") or path.startswith("//") or "\\" in path:
        return "/entry"
    if any(c in path for c in "\r\n\t") or len(path) > 300:
        return "/entry"
    return path
