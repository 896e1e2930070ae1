"""Signing in and out of the entry pages."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from chiso.errors import Forbidden
from chiso.web.entry import csrf
from chiso.web.entry.deps import (
    COOKIE_OPTS,
    CheckedForm,
    Form,
    SignedIn,
    Tx,
    WorkDep,
    client_ip,
    safe_next,
)
from chiso.web.entry.page import page, see_other, text
from chiso.web.responses import lang_of
from chiso.workflow import Principal, Work, sessions

router = APIRouter(include_in_schema=False)


@router.get("/login")
def login_form(request: Request, next: str = "/entry") -> Response:
    token = csrf.new_token()
    resp = page(request, "login.html", None, csrf_token=token, next=safe_next(next), message=None)
    resp.set_cookie(csrf.LOGIN_COOKIE, token, max_age=3600, **{**COOKIE_OPTS, "samesite": "strict"})
    return resp


@router.post("/login")
def login(request: Request, form: Form, s: Tx) -> Response:
    if not csrf.matches(request.cookies.get(csrf.LOGIN_COOKIE), text(form, csrf.FIELD)):
        raise Forbidden("Phiên biểu mẫu không hợp lệ (CSRF). Hãy tải lại trang đăng nhập.",
                        "The sign-in form's security token is wrong (CSRF). Reload the sign-in "
                        "page.")
    username, password = text(form, "username", 80), text(form, "password", 300)
    nxt = safe_next(text(form, "next", 300))
    w = Work.open(s, Principal.anonymous(), client_ip(request))
    result = sessions.login(w, username, password)
    if result.ok:
        resp = see_other(nxt)
        resp.set_cookie(sessions.COOKIE, result.secret or "", **COOKIE_OPTS)
        resp.delete_cookie(csrf.LOGIN_COOKIE, path="/", secure=True, httponly=True)
        return resp
    message = result.message_en if lang_of(request) == "en" else result.message_vi
    return page(request, "login.html", None, status=429 if result.locked else 401,
                csrf_token=request.cookies.get(csrf.LOGIN_COOKIE), next=nxt, message=message,
                username=username)


@router.post("/logout")
def logout(request: Request, auth: SignedIn, form: CheckedForm, w: WorkDep) -> Response:
    sessions.logout(w, request.cookies.get(sessions.COOKIE))
    resp = see_other("/")
    resp.delete_cookie(sessions.COOKIE, path="/", secure=True, httponly=True)
    return resp
