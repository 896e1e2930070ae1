"""Administration on the web: the audit log (and its CSV export), the account's API tokens."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response

from chiso.errors import Forbidden
from chiso.ingest.safe import neutral
from chiso.store import audit
from chiso.store.models_workflow import AuditRecord
from chiso.web.entry.deps import CheckedForm, SignedIn, WorkDep
from chiso.web.entry.page import MAX_INT, page, see_other, text
from chiso.workflow import accounts

router = APIRouter(include_in_schema=False)

COLUMNS = ("id", "at", "actor", "action", "target_type", "target_id", "before", "after", "ip")


def _filters(request: Request) -> dict[str, Any]:
    q = request.query_params
    return {k: (q.get(k) or "")[:80] or None for k in ("actor", "action", "target_type")}


@router.get("/admin/audit")
def audit_view(request: Request, auth: SignedIn, w: WorkDep, offset: int = 0) -> Response:
    w.principal.require("admin")
    filters = _filters(request)
    start = max(0, min(offset, 10_000_000))
    recs = audit.entries(w.session, **filters, limit=200, offset=start)
    return page(request, "audit.html", auth, records=recs, filters=filters, offset=start)


def _cell(value: Any) -> str:
    """A CSV cell a spreadsheet will not run as a formula (the project's one neutraliser)."""
    text_ = "" if value is None else (
        json.dumps(value, ensure_ascii=False, sort_keys=True) if isinstance(value, dict)
        else value.isoformat() if isinstance(value, datetime) else str(value))
    return str(neutral(text_))


def audit_csv_text(records: Sequence[AuditRecord]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(COLUMNS)
    for r in records:
        w.writerow([_cell(getattr(r, c)) for c in COLUMNS])
    return buf.getvalue()


@router.get("/admin/audit.csv")
def audit_csv(request: Request, w: WorkDep) -> Response:
    w.principal.require("admin")
    filters = _filters(request)
    body = audit_csv_text(audit.entries(w.session, **filters, limit=1_000_000))
    w.record("audit.export", "audit_log", after=filters)
    return Response("\ufeff" + body, media_type="text/csv; charset=utf-8", headers={
        "content-disposition": 'attachment; filename="chiso-audit.csv"'})


@router.get("/account")
def account(request: Request, auth: SignedIn, w: WorkDep) -> Response:
    return page(request, "account.html", auth,
                tokens=accounts.tokens_of(w.session, auth.principal.user_id or 0),
                new_secret=None)


@router.post("/account/tokens")
def token_create(request: Request, auth: SignedIn, form: CheckedForm, w: WorkDep) -> Response:
    if auth.via_token:
        raise Forbidden("Không dùng mã truy cập để tạo mã mới.",
                        "A token cannot create tokens; sign in.")
    user = accounts.require_user(w.session, auth.principal.username)
    scopes = [v for v in form.getlist("scope") if isinstance(v, str)][:10]
    _tok, secret = accounts.create_token(w, user, text(form, "name", 200) or "script", scopes)
    return page(request, "account.html", auth, tokens=accounts.tokens_of(w.session, user.id),
                new_secret=secret)


@router.post("/account/tokens/{token_id}/revoke")
def token_revoke(form: CheckedForm, w: WorkDep,
                 token_id: Annotated[int, Path(ge=1, le=MAX_INT)]) -> Response:
    accounts.revoke(w, token_id)
    return see_other("/account")
