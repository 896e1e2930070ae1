"""Accounts on the web, for a ministry administrator: add an account, change its role and the
units it may enter figures for, disable or enable it, give it an API token or revoke one. Every
write goes through chiso.workflow.accounts and is audited like any other."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response

from chiso.errors import InvalidInput
from chiso.vocab import ROLE_SCOPES, ROLES, SCOPES
from chiso.web.entry.deps import CheckedForm, SignedIn, WorkDep
from chiso.web.entry.page import page, see_other, text
from chiso.workflow import accounts

router = APIRouter(include_in_schema=False)

Username = Annotated[str, Path(max_length=64)]
ROLE_LABELS = {
    "ministry_admin": ("Quản trị (Bộ)", "Ministry administrator"),
    "ministry_reviewer": ("Người duyệt (Bộ)", "Ministry reviewer"),
    "province_editor": ("Cán bộ nhập liệu của tỉnh", "Province editor"),
    "viewer": ("Người xem", "Viewer"),
}


def _units(form: object) -> list[str]:
    values = form.getlist("units") if hasattr(form, "getlist") else []
    return [v for v in values if isinstance(v, str) and v][:50]


def _page(request: Request, auth: SignedIn, w: WorkDep, *, status: int = 200,
          message: str | None = None, secret: str | None = None,
          secret_for: str | None = None) -> Response:
    users = accounts.list_users(w.session)
    tokens = {u.username: accounts.tokens_of(w.session, u.id) for u, _units in users}
    provinces = sorted(w.catalog.units.units(level="province"), key=lambda u: u.id)
    provinces = [u for u in provinces if u.id.startswith("vn34-")] or provinces
    names = {u.id: u.full_name for u in w.catalog.units.units(level="province")}
    return page(request, "users.html", auth, status=status, users=users, tokens=tokens,
                roles=ROLES, role_labels=ROLE_LABELS, scopes=SCOPES, role_scopes=ROLE_SCOPES,
                provinces=provinces, unit_names=names, message=message, new_secret=secret,
                secret_for=secret_for)


@router.get("/admin/users")
def users_view(request: Request, auth: SignedIn, w: WorkDep) -> Response:
    w.principal.require("admin")
    return _page(request, auth, w)


@router.post("/admin/users")
def user_add(request: Request, auth: SignedIn, form: CheckedForm, w: WorkDep) -> Response:
    w.principal.require("admin")
    accounts.add_user(w, text(form, "username", 64), text(form, "password", 200),
                      text(form, "role", 40), display_name=text(form, "display_name", 200) or None,
                      units=_units(form))
    return see_other("/admin/users")


@router.post("/admin/users/{username}/role")
def user_role(form: CheckedForm, w: WorkDep, username: Username) -> Response:
    accounts.set_role(w, username, text(form, "role", 40), _units(form))
    return see_other("/admin/users")


@router.post("/admin/users/{username}/disable")
def user_disable(form: CheckedForm, w: WorkDep, username: Username) -> Response:
    if username == w.principal.username:  # on the web, an admin cannot lock themselves out
        raise InvalidInput("Không tự khoá tài khoản của chính mình; hãy nhờ quản trị viên khác.",
                           "You cannot disable your own account; ask another administrator.")
    accounts.disable_user(w, username)
    return see_other("/admin/users")


@router.post("/admin/users/{username}/enable")
def user_enable(form: CheckedForm, w: WorkDep, username: Username) -> Response:
    accounts.enable_user(w, username)
    return see_other("/admin/users")


@router.post("/admin/users/{username}/tokens")
def user_token(request: Request, auth: SignedIn, form: CheckedForm, w: WorkDep,
               username: Username) -> Response:
    w.principal.require("admin")
    user = accounts.require_user(w.session, username)
    scopes = [v for v in form.getlist("scope") if isinstance(v, str)][:10]
    _tok, secret = accounts.create_token(w, user, text(form, "name", 200) or "script", scopes)
    return _page(request, auth, w, secret=secret, secret_for=user.username)
