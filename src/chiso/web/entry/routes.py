"""Pages for signing in, data entry, review, publication, the changelog, audit and tokens."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile

from chiso.accounts import audit, candidates, csrf, entry, publish, review, sessions, tokens
from chiso.accounts.entry import Conflict, EntryError, RawEntry
from chiso.accounts.users import AccountError, Forbidden
from chiso.errors import DataFileError
from chiso.framework import shipped_ids
from chiso.ingest.load import indicators_for
from chiso.store import db, read, repo
from chiso.store.models import Unit
from chiso.store.models_auth import Evidence, Submission
from chiso.web.entry import uploads
from chiso.web.entry.auth import (
    Auth,
    SignIn,
    check_csrf,
    client_ip,
    login_redirect,
    require,
    safe_next,
)
from chiso.web.entry.guard import UPLOAD_MAX
from chiso.web.pages.render import render
from chiso.web.responses import ApiError, lang_of

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api/v1", tags=["entry"])

COOKIE_OPTS: dict[str, Any] = {"httponly": True, "secure": True, "samesite": "lax", "path": "/"}
STATUS_LABELS = {"draft": ("Bản nháp", "Draft"), "submitted": ("Đã gửi", "Submitted"),
                 "accepted": ("Đã duyệt", "Accepted"), "rejected": ("Bị trả lại", "Sent back")}


# ── plumbing ────────────────────────────────────────────────────────────────────────────


@contextmanager
def work(request: Request) -> Iterator[Session]:
    """One transaction per request; chiso's errors become answers with the right status."""
    try:
        with db.transaction(request.app.state.engine) as s:
            yield s
    except Forbidden as exc:
        raise ApiError(403, exc.message_vi, exc.message_en) from None
    except Conflict as exc:
        raise ApiError(409, exc.message_vi, exc.message_en) from None
    except (EntryError, AccountError, DataFileError) as exc:
        raise ApiError(422, exc.message_vi, exc.message_en,
                       [p.as_dict() for p in exc.problems]) from None


def tx(request: Request) -> Callable[[str, str], str]:
    lang = lang_of(request)
    return lambda vi, en: en if lang == "en" else vi


def page(request: Request, template: str, auth: Auth | None, status: int = 200,
         **ctx: Any) -> Response:
    return render(request, f"entry/{template}", status=status, tx=tx(request), auth=auth,
                  status_labels=STATUS_LABELS, **ctx)


def see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


async def read_form(request: Request, files: int = 0) -> FormData:
    try:
        return await request.form(max_files=files, max_fields=2000, max_part_size=UPLOAD_MAX)
    except ApiError:
        raise
    except Exception as exc:
        if getattr(exc, "status_code", None) == 413:
            raise
        raise ApiError(400, "Biểu mẫu gửi lên không đọc được.", "The form could not be read.") from None


def text(form: FormData, key: str, limit: int = 4000) -> str:
    v = form.get(key)
    return v[:limit] if isinstance(v, str) else ""


def int_field(form: FormData, key: str) -> int:
    try:
        return int(text(form, key, 12))
    except ValueError:
        raise ApiError(422, f"Trường '{key}' phải là số nguyên.", f"Field '{key}' must be a whole number.") from None


async def in_thread(request: Request, fn: Callable[[Session], Response]) -> Response:
    def run() -> Response:
        try:
            with work(request) as s:
                return fn(s)
        except SignIn as exc:
            return see_other(login_redirect(exc.next_path))

    return await run_in_threadpool(run)


# ── sign in and out ───────────────────────────────────────────────────────────────────────


@router.get("/login")
async def login_form(request: Request, next: str = "/entry") -> Response:
    token = csrf.new_token()
    resp = page(request, "login.html", None, csrf_token=token, next=safe_next(next), message=None)
    resp.set_cookie(csrf.LOGIN_COOKIE, token, max_age=3600, **{**COOKIE_OPTS, "samesite": "strict"})
    return resp


@router.post("/login")
async def login(request: Request) -> Response:
    form = await read_form(request)
    if not csrf.matches(request.cookies.get(csrf.LOGIN_COOKIE), text(form, csrf.FIELD)):
        raise ApiError(403, "Phiên biểu mẫu không hợp lệ (CSRF). Hãy tải lại trang đăng nhập.",
                       "The sign-in form's security token is wrong (CSRF). Reload the sign-in page.")
    username, password = text(form, "username", 80), text(form, "password", 300)
    nxt = safe_next(text(form, "next", 300))

    def run(s: Session) -> Response:
        result = sessions.login(s, username, password, client_ip(request))
        if result.ok:
            resp = see_other(nxt)
            resp.set_cookie(sessions.COOKIE, result.secret or "", **COOKIE_OPTS)
            resp.delete_cookie(csrf.LOGIN_COOKIE, path="/", secure=True, httponly=True)
            return resp
        message = result.message_en if lang_of(request) == "en" else result.message_vi
        return page(request, "login.html", None, status=429 if result.locked else 401,
                    csrf_token=request.cookies.get(csrf.LOGIN_COOKIE), next=nxt, message=message,
                    username=username)

    return await in_thread(request, run)


@router.post("/logout")
async def logout(request: Request) -> Response:
    form = await read_form(request)

    def run(s: Session) -> Response:
        auth = require(request, s)
        check_csrf(request, auth, form)
        sessions.logout(s, request.cookies.get(sessions.COOKIE), client_ip(request))
        resp = see_other("/")
        resp.delete_cookie(sessions.COOKIE, path="/", secure=True, httponly=True)
        return resp

    return await in_thread(request, run)


# ── entry ───────────────────────────────────────────────────────────────────────────────


def default_period() -> str:
    return str(date.today().year - 1)


@router.get("/entry")
async def entry_home(request: Request, period: str | None = None) -> Response:
    per = period if period and entry.PERIOD.match(period) else default_period()

    def run(s: Session) -> Response:
        auth = require(request, s, page=True)
        p = auth.principal
        if p.role == "ministry_admin":
            units = s.scalars(select(Unit).where(Unit.level == "province")
                              .order_by(Unit.id)).all()
        else:
            units = s.scalars(select(Unit).where(Unit.id.in_(sorted(p.units)))).all()
        subs = {(x.framework_code, x.unit_id): x for x in s.scalars(
            select(Submission).where(Submission.period == per))}
        return page(request, "home.html", auth, units=units, frameworks=shipped_ids(),
                    period=per, subs=subs)

    return await in_thread(request, run)


def _form_context(s: Session, auth: Auth, fw_code: str, period: str, unit_id: str,
                  typed: dict[str, RawEntry] | None = None) -> dict[str, Any]:
    fw = entry.framework(fw_code)
    entry.check_period(period)
    unit = entry.check_unit(s, unit_id)
    sub = entry.find(s, fw.id, period, unit_id)
    if not auth.principal.may_see_unit(unit_id):
        raise Forbidden(f"Không được xem biểu mẫu của {unit_id}.",
                        f"You may not see the form of {unit_id}.")
    saved = entry.entries_of(s, sub)
    nodes = fw.indicators()
    last = entry.last_values(s, unit_id, period, [n.code for n in nodes])
    evidence = s.scalars(select(Evidence).where(Evidence.submission_id == sub.id)).all() if sub else []
    rows = []
    for n in nodes:
        e = saved.get(n.code)
        t = (typed or {}).get(n.code)
        rows.append({
            "node": n, "last": last.get(n.code),
            "raw": t.raw if t else (e.raw if e else ""),
            "note": t.note if t else (e.note if e else ""),
            "url": t.evidence_url if t else (e.evidence_url if e else ""),
            "value": e.value if e else None,
        })
    editable = auth.principal.may_edit(unit_id) and (sub is None or sub.status in entry.EDITABLE)
    return {"fw": fw, "period": period, "unit": unit, "sub": sub, "rows": rows,
            "editable": editable, "evidence": evidence,
            "action": f"/entry/{fw.id}/{period}/{unit_id}"}


@router.get("/entry/{fw_code}/{period}/{unit_id}")
async def entry_form(request: Request, fw_code: str, period: str, unit_id: str) -> Response:
    def run(s: Session) -> Response:
        auth = require(request, s, page=True)
        return page(request, "form.html", auth, problems=[], warnings=[], message=None,
                    **_form_context(s, auth, fw_code, period, unit_id))

    return await in_thread(request, run)


def _typed(form: FormData, codes: list[str]) -> dict[str, RawEntry]:
    out = {}
    for c in codes:
        if f"v__{c}" in form or f"note__{c}" in form or f"url__{c}" in form:
            out[c] = RawEntry(text(form, f"v__{c}", 100), text(form, f"note__{c}", 2000),
                              text(form, f"url__{c}", 2000))
    return out


@router.post("/entry/{fw_code}/{period}/{unit_id}")
async def entry_save(request: Request, fw_code: str, period: str, unit_id: str) -> Response:
    form = await read_form(request)

    def run(s: Session) -> Response:
        auth = require(request, s)
        check_csrf(request, auth, form)
        fw = entry.framework(fw_code)
        typed = _typed(form, [n.code for n in fw.indicators()])
        version = int_field(form, "version")
        submit = text(form, "action", 20) == "submit"
        try:
            with s.begin_nested():
                result = entry.save(s, auth.principal, fw.id, period, unit_id, typed, version,
                                    submit=submit, ip=client_ip(request))
        except Conflict as exc:
            # the editor's figures go back on the page; nothing they typed is lost
            lang = lang_of(request)
            return page(request, "form.html", auth, status=409, problems=[], warnings=[],
                        message=exc.message_en if lang == "en" else exc.message_vi,
                        **_form_context(s, auth, fw.id, period, unit_id, typed))
        ctx = _form_context(s, auth, fw.id, period, unit_id,
                            typed if result.problems else None)
        msg = (("Đã gửi để duyệt.", "Submitted for review.") if result.submitted
               else ("Đã lưu bản nháp.", "Draft saved."))
        return page(request, "form.html", auth, status=422 if result.problems else 200,
                    problems=result.problems, warnings=result.warnings,
                    message=msg[1] if lang_of(request) == "en" else msg[0], **ctx)

    return await in_thread(request, run)


def _upload(form: FormData) -> UploadFile:
    f = form.get("file")
    if not isinstance(f, UploadFile):
        raise ApiError(422, "Hãy chọn một tệp.", "Choose a file.")
    return f


@router.post("/entry/{fw_code}/{period}/{unit_id}/evidence")
async def entry_evidence(request: Request, fw_code: str, period: str, unit_id: str) -> Response:
    form = await read_form(request, files=1)
    f = _upload(form)
    data = await f.read(UPLOAD_MAX + 1)
    if len(data) > UPLOAD_MAX:
        raise ApiError(413, "Tệp quá lớn.", "The file is too large.")
    name = f.filename or "file"

    def run(s: Session) -> Response:
        auth = require(request, s)
        check_csrf(request, auth, form)
        auth.principal.require_edit(unit_id)
        fw = entry.framework(fw_code)
        sub = entry.find(s, fw.id, period, unit_id)
        if sub is None or sub.status not in entry.EDITABLE:
            raise EntryError("Hãy lưu bản nháp trước khi tải minh chứng lên.",
                             "Save a draft before uploading evidence.")
        fname, ctype = uploads.check_evidence(name, data)
        digest = uploads.store(request.app.state.settings.data_dir / "evidence", data)
        indicator = text(form, "indicator", 80) or None
        ev = Evidence(submission_id=sub.id, indicator=indicator, file_name=fname,
                      content_type=ctype, size=len(data), sha256=digest,
                      uploaded_by=auth.principal.username)
        s.add(ev)
        s.flush()
        audit.record(s, actor=auth.principal.username, action="evidence.upload",
                     target_type="submission", target_id=sub.id,
                     after={"file": fname, "sha256": digest, "size": len(data),
                            "indicator": indicator}, ip=client_ip(request))
        return see_other(f"/entry/{fw.id}/{period}/{unit_id}")

    return await in_thread(request, run)


@router.post("/entry/{fw_code}/{period}/{unit_id}/xlsx")
async def entry_xlsx(request: Request, fw_code: str, period: str, unit_id: str) -> Response:
    form = await read_form(request, files=1)
    f = _upload(form)
    data = await f.read(UPLOAD_MAX + 1)
    name = uploads.clean_name(f.filename or "template.xlsx")

    def run(s: Session) -> Response:
        auth = require(request, s)
        check_csrf(request, auth, form)
        auth.principal.require_edit(unit_id)
        unit = entry.check_unit(s, unit_id)
        found = uploads.read_ingest_template(fw_code, period, unit, name, data)
        values = {k: RawEntry(note=note or "", value=v) for k, (v, note) in found.items()}
        result = entry.save(s, auth.principal, fw_code, period, unit_id, values,
                            int_field(form, "version"), ip=client_ip(request))
        return page(request, "form.html", auth, status=422 if result.problems else 200,
                    problems=result.problems, warnings=result.warnings,
                    message=tx(request)(f"Đã nhập {len(found)} chỉ tiêu từ {name}.",
                                        f"Read {len(found)} figures from {name}."),
                    **_form_context(s, auth, fw_code, period, unit_id))

    return await in_thread(request, run)


@router.get("/entry/{fw_code}/{period}/{unit_id}/template.xlsx")
async def entry_template(request: Request, fw_code: str, period: str, unit_id: str) -> Response:
    def run(s: Session) -> Response:
        require(request, s, page=True)
        fw = entry.framework(fw_code)
        data = uploads.ingest_template_bytes(fw, entry.check_unit(s, unit_id))
        return Response(data, media_type=uploads.CONTENT_TYPES[".xlsx"], headers={
            "content-disposition": f'attachment; filename="chiso-{fw.id}-{period}.xlsx"'})

    return await in_thread(request, run)


# ── review and publication ──────────────────────────────────────────────────────────────


@router.get("/review")
async def review_queue(request: Request, status: str = "submitted") -> Response:
    state = status if status in STATUS_LABELS else "submitted"

    def run(s: Session) -> Response:
        auth = require(request, s, page=True)
        auth.principal.require("review")
        return page(request, "queue.html", auth, subs=review.queue(s, state), state=state,
                    frameworks=shipped_ids(), period=default_period(),
                    extracted_waiting=candidates.count_waiting(s))

    return await in_thread(request, run)


@router.get("/review/extracted")
async def review_extracted(request: Request) -> Response:
    """Figures extracted from reports, each with its quote: accept, correct or reject."""
    def run(s: Session) -> Response:
        auth = require(request, s, page=True)
        auth.principal.require("review")
        rows = candidates.waiting(s)
        return page(request, "extracted.html", auth, rows=rows, total=candidates.count_waiting(s),
                    unit_names=read.unit_names(s, (o.unit_id for o, _ in rows)),
                    indicators=indicators_for(()), message=None)

    return await in_thread(request, run)


@router.post("/review/extracted/{obs_id}")
async def review_extracted_act(request: Request, obs_id: int) -> Response:
    form = await read_form(request)

    def run(s: Session) -> Response:
        auth = require(request, s)
        check_csrf(request, auth, form)
        candidates.decide(s, auth.principal, obs_id, text(form, "action", 20),
                          text(form, "value", 100), ip=client_ip(request))
        return see_other("/review/extracted")

    return await in_thread(request, run)


@router.get("/review/{sub_id}")
async def review_one(request: Request, sub_id: int) -> Response:
    def run(s: Session) -> Response:
        auth = require(request, s, page=True)
        auth.principal.require("review")
        sub = _submission(s, sub_id)
        return page(request, "review.html", auth, sub=sub, rows=review.differences(s, sub),
                    history=_reviews(s, sub.id), message=None)

    return await in_thread(request, run)


def _submission(s: Session, sub_id: int) -> Submission:
    sub = s.get(Submission, sub_id)
    if sub is None:
        raise ApiError(404, f"Không có biểu mẫu số {sub_id}.", f"No submission {sub_id}.")
    return sub


def _reviews(s: Session, sub_id: int) -> list[Any]:
    from chiso.store.models_auth import Review

    return list(s.scalars(select(Review).where(Review.submission_id == sub_id)
                          .order_by(Review.id.desc())))


@router.post("/review/{sub_id}")
async def review_act(request: Request, sub_id: int) -> Response:
    form = await read_form(request)

    def run(s: Session) -> Response:
        auth = require(request, s)
        check_csrf(request, auth, form)
        auth.principal.require("review")
        action, version = text(form, "action", 20), int_field(form, "version")
        comment, ip = text(form, "comment"), client_ip(request)
        if action == "accept":
            review.accept(s, auth.principal, sub_id, version, comment=comment, ip=ip)
        elif action == "reject":
            review.reject(s, auth.principal, sub_id, version, comment, ip=ip)
        elif action == "adjust":
            values = {}
            for key in form:
                if key.startswith("adj__") and text(form, key, 100).strip():
                    from chiso.numbers import parse_number

                    try:
                        values[key[5:]] = parse_number(text(form, key, 100)).value
                    except ValueError as exc:
                        raise ApiError(422, str(exc), str(exc)) from None
            review.adjust(s, auth.principal, sub_id, version, values, comment, ip=ip)
        else:
            raise ApiError(422, "Hành động không hợp lệ.", "Unknown action.")
        return see_other(f"/review/{sub_id}")

    return await in_thread(request, run)


@router.post("/publish")
async def publish_period(request: Request) -> Response:
    form = await read_form(request)

    def run(s: Session) -> Response:
        auth = require(request, s)
        check_csrf(request, auth, form)
        publish.publish(s, auth.principal, text(form, "framework", 80), text(form, "period", 10),
                        text(form, "note"), ip=client_ip(request))
        return see_other("/changelog")

    return await in_thread(request, run)


@router.get("/changelog")
async def changelog(request: Request) -> Response:
    def run(s: Session) -> Response:
        pubs = publish.changelog(s)
        return page(request, "changelog.html", None, pubs=pubs,
                    unit_names=read.unit_names(s, (c.unit_id for _p, rows in pubs for c in rows)),
                    indicators=indicators_for(()))

    return await in_thread(request, run)


# ── administration and tokens ───────────────────────────────────────────────────────────


def _audit_filters(request: Request) -> dict[str, Any]:
    q = request.query_params
    return {k: (q.get(k) or "")[:80] or None for k in ("actor", "action", "target_type")}


@router.get("/admin/audit")
async def audit_view(request: Request, offset: int = 0) -> Response:
    filters = _audit_filters(request)
    start = max(0, min(offset, 10_000_000))

    def run(s: Session) -> Response:
        auth = require(request, s, page=True)
        auth.principal.require("admin")
        recs = audit.entries(s, **filters, limit=200, offset=start)
        return page(request, "audit.html", auth, records=recs, filters=filters, offset=start)

    return await in_thread(request, run)


@router.get("/admin/audit.csv")
async def audit_csv(request: Request) -> Response:
    filters = _audit_filters(request)

    def run(s: Session) -> Response:
        auth = require(request, s)
        auth.principal.require("admin")
        body = audit.to_csv(audit.entries(s, **filters, limit=1_000_000))
        audit.record(s, actor=auth.principal.username, action="audit.export",
                     target_type="audit_log", after=filters, ip=client_ip(request))
        return Response("\ufeff" + body, media_type="text/csv; charset=utf-8", headers={
            "content-disposition": 'attachment; filename="chiso-audit.csv"'})

    return await in_thread(request, run)


@router.get("/account")
async def account(request: Request) -> Response:
    def run(s: Session) -> Response:
        auth = require(request, s, page=True)
        return page(request, "account.html", auth, tokens=tokens.tokens_of(s, auth.principal.user_id),
                    new_secret=None)

    return await in_thread(request, run)


@router.post("/account/tokens")
async def token_create(request: Request) -> Response:
    form = await read_form(request)

    def run(s: Session) -> Response:
        from chiso.store.models_auth import User

        auth = require(request, s)
        check_csrf(request, auth, form)
        if auth.via_token:
            raise ApiError(403, "Không dùng mã truy cập để tạo mã mới.",
                           "A token cannot create tokens; sign in.")
        user = s.get(User, auth.principal.user_id)
        if user is None:
            raise ApiError(401, "Tài khoản không còn.", "The account no longer exists.")
        scopes = [v for v in form.getlist("scope") if isinstance(v, str)][:10]
        _tok, secret = tokens.create_token(s, user, text(form, "name", 200) or "script", scopes,
                                           ip=client_ip(request))
        return page(request, "account.html", auth, tokens=tokens.tokens_of(s, user.id),
                    new_secret=secret)

    return await in_thread(request, run)


@router.post("/account/tokens/{token_id}/revoke")
async def token_revoke(request: Request, token_id: int) -> Response:
    form = await read_form(request)

    def run(s: Session) -> Response:
        auth = require(request, s)
        check_csrf(request, auth, form)
        try:
            tokens.revoke(s, token_id, by=auth.principal, ip=client_ip(request))
        except AccountError as exc:  # another's token is "not found", not "forbidden"
            raise ApiError(404, exc.message_vi, exc.message_en) from None
        return see_other("/account")

    return await in_thread(request, run)


# ── the JSON face of entry, for scripts with a token ─────────────────────────────────────


@api_router.get("/entry/{fw_code}/{period}/{unit_id}",
                summary="Biểu mẫu nhập liệu / an entry form (token or session)")
async def api_entry_get(request: Request, fw_code: str, period: str, unit_id: str) -> Response:
    def run(s: Session) -> Response:
        auth = require(request, s)
        ctx = _form_context(s, auth, fw_code, period, unit_id)
        sub = ctx["sub"]
        return JSONResponse({"ok": True, "framework": ctx["fw"].id, "period": period,
                             "unit": unit_id, "status": sub.status if sub else None,
                             "version": sub.version if sub else 0,
                             "values": {r["node"].code: r["value"] for r in ctx["rows"]},
                             "last_period": {r["node"].code: r["last"] for r in ctx["rows"]}})

    return await in_thread(request, run)


@api_router.post("/entry/{fw_code}/{period}/{unit_id}",
                 summary="Lưu hoặc gửi biểu mẫu / save or submit a form (token with 'entry')")
async def api_entry_post(request: Request, fw_code: str, period: str, unit_id: str,
                         body: dict[str, Any]) -> Response:
    def run(s: Session) -> Response:
        auth = require(request, s)
        check_csrf(request, auth, None)
        raw = body.get("values")
        version = body.get("version", 0)
        if not isinstance(raw, dict) or not isinstance(version, int) or isinstance(version, bool):
            raise ApiError(422, "Cần 'values' (đối tượng) và 'version' (số nguyên).",
                           "Send 'values' (an object) and 'version' (an integer).")
        values = {str(k)[:80]: RawEntry(str(v)[:100]) for k, v in list(raw.items())[:500]}
        result = entry.save(s, auth.principal, fw_code, period, unit_id, values, version,
                            submit=body.get("submit") is True, ip=client_ip(request))
        status = 422 if result.problems else 200
        return JSONResponse({"ok": not result.problems, "status": result.submission.status,
                             "version": result.submission.version,
                             "problems": [p.as_dict() for p in result.problems],
                             "warnings": [p.as_dict() for p in result.warnings]},
                            status_code=status)

    return await in_thread(request, run)


@api_router.get("/review", summary="Biểu mẫu chờ duyệt / submissions to review (token with 'review')")
async def api_review_queue(request: Request, status: str = "submitted") -> Response:
    state = status if status in STATUS_LABELS else "submitted"

    def run(s: Session) -> Response:
        auth = require(request, s)
        auth.principal.require("review")
        return JSONResponse({"ok": True, "items": [
            {"id": x.id, "framework": x.framework_code, "period": x.period, "unit": x.unit_id,
             "status": x.status, "version": x.version} for x in review.queue(s, state)]})

    return await in_thread(request, run)


def _candidate_json(o: Any, src: Any) -> dict[str, Any]:
    p = o.provenance or {}
    return {"id": o.id, "unit": o.unit_id, "indicator": o.indicator, "period": o.period,
            "kind": o.kind, "target_year": o.target_year, "value": o.value,
            "value_high": o.value_high, "qualifier": o.qualifier, "status": o.status,
            "quote": p.get("quote"), "span": p.get("span"), "confidence": p.get("confidence"),
            "document": src.title if src else None}


@api_router.get("/review/extracted",
                summary="Số liệu trích từ báo cáo chờ duyệt / extracted figures to review (token with 'review')")
async def api_review_extracted(request: Request) -> Response:
    def run(s: Session) -> Response:
        auth = require(request, s)
        auth.principal.require("review")
        return JSONResponse({"ok": True, "total": candidates.count_waiting(s),
                             "items": [_candidate_json(o, src) for o, src in candidates.waiting(s)]})

    return await in_thread(request, run)


@api_router.post("/review/extracted/{obs_id}",
                 summary="Chấp nhận, sửa hoặc loại một số liệu trích / accept, correct or reject an "
                         "extracted figure (token with 'review')")
async def api_review_extracted_act(request: Request, obs_id: int, body: dict[str, Any]) -> Response:
    def run(s: Session) -> Response:
        auth = require(request, s)
        check_csrf(request, auth, None)
        action, value = body.get("action"), body.get("value", "")
        if not isinstance(action, str) or not isinstance(value, str | int | float) \
                or isinstance(value, bool):
            raise ApiError(422, "Cần 'action' (accept, correct, reject) và 'value' khi sửa.",
                           "Send 'action' (accept, correct, reject) and 'value' to correct.")
        new = candidates.decide(s, auth.principal, obs_id, action[:20], str(value)[:100],
                                ip=client_ip(request))
        return JSONResponse({"ok": True, "figure": _candidate_json(new, None)})

    return await in_thread(request, run)


@api_router.post("/review/{sub_id}",
                 summary="Chấp nhận hoặc trả lại / accept or send back (token with 'review')")
async def api_review_act(request: Request, sub_id: int, body: dict[str, Any]) -> Response:
    def run(s: Session) -> Response:
        auth = require(request, s)
        check_csrf(request, auth, None)
        auth.principal.require("review")
        action, version = body.get("action"), body.get("version")
        comment = str(body.get("comment") or "")[:4000]
        if not isinstance(version, int) or isinstance(version, bool):
            raise ApiError(422, "Cần 'version' (số nguyên).", "Send 'version' (an integer).")
        if action == "accept":
            review.accept(s, auth.principal, sub_id, version, comment=comment,
                          ip=client_ip(request))
        elif action == "reject":
            review.reject(s, auth.principal, sub_id, version, comment, ip=client_ip(request))
        else:
            raise ApiError(422, "'action' phải là accept hoặc reject.",
                           "'action' must be accept or reject.")
        sub = _submission(s, sub_id)
        return JSONResponse({"ok": True, "status": sub.status, "version": sub.version})

    return await in_thread(request, run)


@router.get("/entry/evidence/{evidence_id}")
async def evidence_file(request: Request, evidence_id: int) -> Response:
    """An evidence file, for the ministry and the province it belongs to (always a download)."""

    def run(s: Session) -> Response:
        auth = require(request, s, page=True)
        ev = s.get(Evidence, evidence_id)
        sub = s.get(Submission, ev.submission_id) if ev else None
        if ev is None or sub is None or not auth.principal.may_see_unit(sub.unit_id):
            raise ApiError(404, f"Không có minh chứng số {evidence_id}.", f"No evidence {evidence_id}.")
        path = request.app.state.settings.data_dir / "evidence" / ev.sha256
        if not path.is_file():
            raise ApiError(404, "Tệp minh chứng không còn trên máy chủ.",
                           "The evidence file is missing on the server.")
        from urllib.parse import quote

        return Response(path.read_bytes(), media_type=ev.content_type, headers={
            "content-disposition": f"attachment; filename*=UTF-8''{quote(ev.file_name)}"})

    return await in_thread(request, run)


@api_router.get("/published/{fw_code}/{period}",
                summary="Số liệu đã công bố / the published figures of a period (public)")
async def api_published(request: Request, fw_code: str, period: str) -> Response:
    def run(s: Session) -> Response:
        fw = entry.framework(fw_code)
        entry.check_period(period)
        pub = publish.latest(s, fw.id, period)
        if pub is None:
            raise ApiError(404, f"Kỳ {period} của {fw.id} chưa được công bố.",
                           f"Period {period} of {fw.id} has not been published.")
        figs = sorted(publish.figures(s, pub).values(), key=lambda f: f.series_key)

        def one(f: Any) -> dict[str, Any]:
            *_, kind, target_year = repo.series_parts(f.series_key)
            return {"unit": f.unit_id, "indicator": f.indicator, "kind": kind,
                    "target_year": target_year, "value": f.value}

        return JSONResponse({"ok": True, "framework": fw.id, "period": period,
                             "publication": pub.number, "published_at": pub.published_at.isoformat(),
                             "figures": [one(f) for f in figs]})

    return await in_thread(request, run)
