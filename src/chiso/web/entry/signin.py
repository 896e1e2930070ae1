"""Signing in and out of the entry pages.

Cookies are Secure when the page came over HTTPS (by itself or through a trusted proxy);
over plain http on a network the sign-in page says that passwords and sessions travel
unencrypted, and the log says it once. A sign-in form that comes back without its cookie
(blocked cookies, a page left open for hours) is answered with the form again and what to do,
not a bare 403.
"""

from __future__ import annotations

import logging

from fastapi import APIRouter, Request
from fastapi.responses import Response

from chiso.web.entry import csrf
from chiso.web.entry.deps import (
    CheckedForm,
    Form,
    SignedIn,
    Tx,
    WorkDep,
    client_ip,
    cookie_opts,
    safe_next,
)
from chiso.web.entry.page import page, see_other, text
from chiso.web.responses import lang_of
from chiso.web.security import is_loopback
from chiso.workflow import Principal, Work, sessions

router = APIRouter(include_in_schema=False)
log = logging.getLogger("chiso.web")
_warned: set[str] = set()

PLAIN_HTTP = (
    ("Trang này chạy qua http không mã hóa: mật khẩu và phiên đăng nhập đi qua mạng ở dạng rõ. "
    "Người quản trị nên đặt chiso sau HTTPS (docs/deploy.md)."),
    ("This page is served over plain http: your password and session cross the network "
    "unencrypted. The administrator should put chiso behind HTTPS (docs/deploy.md)."),
)
NO_COOKIE = (
    ("Trình duyệt không gửi lại cookie của biểu mẫu đăng nhập, nên chưa đăng nhập được. Hãy cho "
    "phép cookie với trang này, rồi đăng nhập lại ở biểu mẫu dưới đây."),
    ("Your browser did not send back the sign-in form's cookie, so you are not signed in yet. "
    "Allow cookies for this site, then sign in again with the form below."),
)
OLD_FORM = (
    ("Biểu mẫu đăng nhập đã cũ (mở quá lâu hoặc ở thẻ khác). Hãy đăng nhập lại ở biểu mẫu dưới "
    "đây."),
    ("The sign-in form was out of date (open too long, or from another tab). Sign in again with "
    "the form below."),
)


def plain_http(request: Request) -> bool:
    """Served without TLS to someone on another machine."""
    return request.url.scheme != "https" and not is_loopback(client_ip(request))


def _form(request: Request, status: int, next_path: str, message: str | None,
          notice: tuple[str, str] | None = None, username: str = "") -> Response:
    """The sign-in form with a fresh token in the page and in its cookie."""
    insecure = plain_http(request)
    if insecure and request.url.netloc not in _warned:
        _warned.add(request.url.netloc)
        log.warning("chiso: sign-in served over plain http at %s: cookies are not Secure and "
                    "passwords travel unencrypted; serve it behind HTTPS (docs/deploy.md)",
                    request.url.netloc)
    token = csrf.new_token()
    resp = page(request, "login.html", None, status=status, csrf_token=token, next=next_path,
                message=message, notice=notice, plain_http=PLAIN_HTTP if insecure else None,
                username=username)
    resp.set_cookie(csrf.LOGIN_COOKIE, token, max_age=3600,
                    **cookie_opts(request, samesite="strict"))
    return resp


def _pick(request: Request, pair: tuple[str, str]) -> str:
    return pair[1] if lang_of(request) == "en" else pair[0]


@router.get("/login")
def login_form(request: Request, next: str = "/entry") -> Response:
    return _form(request, 200, safe_next(next), None)


@router.post("/login")
def login(request: Request, form: Form, s: Tx) -> Response:
    username, password = text(form, "username", 80), text(form, "password", 300)
    nxt = safe_next(text(form, "next", 300))
    cookie = request.cookies.get(csrf.LOGIN_COOKIE)
    if not csrf.matches(cookie, text(form, csrf.FIELD)):
        notice = OLD_FORM if cookie else NO_COOKIE
        return _form(request, 403, nxt, _pick(request, notice), notice, username)
    w = Work.open(s, Principal.anonymous(), client_ip(request))
    result = sessions.login(w, username, password)
    if result.ok:
        resp = see_other(nxt)
        resp.set_cookie(sessions.COOKIE, result.secret or "", **cookie_opts(request))
        resp.delete_cookie(csrf.LOGIN_COOKIE, **cookie_opts(request, samesite="strict"))
        return resp
    message = result.message_en if lang_of(request) == "en" else result.message_vi
    return page(request, "login.html", None, status=429 if result.locked else 401,
                csrf_token=cookie, next=nxt, message=message, username=username,
                plain_http=PLAIN_HTTP if plain_http(request) else None)


@router.post("/logout")
def logout(request: Request, auth: SignedIn, form: CheckedForm, w: WorkDep) -> Response:
    sessions.logout(w, request.cookies.get(sessions.COOKIE))
    resp = see_other("/")
    resp.delete_cookie(sessions.COOKIE, **cookie_opts(request))
    return resp
