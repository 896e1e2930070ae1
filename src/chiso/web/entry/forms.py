"""Data entry on the web: a unit's form, drafts and submission, XLSX templates, evidence, and
the JSON face of the same for scripts with a token."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Path, Request
from fastapi.responses import JSONResponse, Response
from starlette.datastructures import FormData, UploadFile

from chiso.errors import Conflict, InvalidInput, TooLarge
from chiso.ingest.load import registry_peers
from chiso.store import submissions
from chiso.web.api.common import ERRORS
from chiso.web.deps import StrictQuery
from chiso.web.entry import uploads
from chiso.web.entry.deps import ApiWrite, CheckedForm, CheckedUpload, SignedIn, WorkDep
from chiso.web.entry.guard import UPLOAD_MAX
from chiso.web.entry.page import MAX_INT, int_field, page, see_other, text, tx
from chiso.web.responses import lang_of
from chiso.workflow import Work, entry
from chiso.workflow.entry import RawEntry
from chiso.workflow.values import Reading

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api/v1", tags=["entry"], dependencies=[StrictQuery],
                        responses=ERRORS)

Code = Annotated[str, Path(max_length=80)]
Period = Annotated[str, Path(pattern=r"^(19|20)[0-9]{2}$", description="Năm / year, e.g. 2024")]
UnitId = Annotated[str, Path(max_length=40)]


def default_period() -> str:
    return str(date.today().year - 1)


@router.get("/entry")
def entry_home(request: Request, auth: SignedIn, w: WorkDep, period: str | None = None) -> Response:
    per = period if period and entry.PERIOD.match(period) else default_period()
    p = auth.principal
    provinces = w.catalog.units.units(level="province")
    units = sorted((u for u in provinces if p.role == "ministry_admin" or u.id in p.units),
                   key=lambda u: u.id)
    subs = {(x.framework_code, x.unit_id): x for x in submissions.of_period(w.session, per)}
    return page(request, "home.html", auth, units=units, frameworks=w.catalog.codes(),
                period=per, subs=subs)


def _form_page(request: Request, auth: Any, w: Work, fw_code: str, period: str, unit_id: str,
               *, status: int = 200, problems: list[Any] | None = None,
               warnings: list[Any] | None = None, message: str | None = None,
               typed: dict[str, RawEntry] | None = None) -> Response:
    f = entry.form(w, fw_code, period, unit_id, typed)
    return page(request, "form.html", auth, status=status, problems=problems or [],
                warnings=warnings or [], message=message, fw=f.fw, period=f.period,
                unit=f.unit, sub=f.sub, rows=f.rows, editable=f.editable, evidence=f.evidence,
                action=f"/entry/{f.fw.id}/{period}/{unit_id}")


@router.get("/entry/{fw_code}/{period}/{unit_id}")
def entry_form(request: Request, auth: SignedIn, w: WorkDep, fw_code: Code, period: Period,
               unit_id: UnitId) -> Response:
    return _form_page(request, auth, w, fw_code, period, unit_id)


def _typed(form: FormData, codes: list[str]) -> dict[str, RawEntry]:
    out = {}
    for c in codes:
        if f"v__{c}" in form or f"note__{c}" in form or f"url__{c}" in form:
            out[c] = RawEntry(text(form, f"v__{c}", 100), text(form, f"note__{c}", 2000),
                              text(form, f"url__{c}", 2000))
    return out


@router.post("/entry/{fw_code}/{period}/{unit_id}")
def entry_save(request: Request, auth: SignedIn, form: CheckedForm, w: WorkDep, fw_code: Code,
               period: Period, unit_id: UnitId) -> Response:
    fw = entry.framework(w, fw_code)
    typed = _typed(form, [n.code for n in fw.indicators()])
    version = int_field(form, "version")
    submit = text(form, "action", 20) == "submit"
    try:
        with w.session.begin_nested():
            result = entry.save(w, fw.id, period, unit_id, typed, version, submit=submit)
    except (Conflict, InvalidInput) as exc:
        # the editor's figures go back on the page: nothing they typed is lost
        return _form_page(request, auth, w, fw.id, period, unit_id, status=exc.status,
                          message=exc.message(lang_of(request)), problems=exc.problems,
                          typed=typed)
    msg = tx(request)(*(("Đã gửi để duyệt.", "Submitted for review.") if result.submitted
                        else ("Đã lưu bản nháp.", "Draft saved.")))
    return _form_page(request, auth, w, fw.id, period, unit_id,
                      status=422 if result.problems else 200, problems=result.problems,
                      warnings=result.warnings, message=msg,
                      typed=typed if result.problems else None)


def _upload(form: FormData) -> UploadFile:
    f = form.get("file")
    if not isinstance(f, UploadFile):
        raise InvalidInput("Hãy chọn một tệp.", "Choose a file.")
    return f


def _bytes(form: FormData) -> tuple[str, bytes]:
    f = _upload(form)
    data = f.file.read(UPLOAD_MAX + 1)
    if len(data) > UPLOAD_MAX:
        raise TooLarge("Tệp quá lớn.", "The file is too large.")
    return f.filename or "file", data


@router.post("/entry/{fw_code}/{period}/{unit_id}/evidence")
def entry_evidence(request: Request, form: CheckedUpload, w: WorkDep, fw_code: Code,
                   period: Period, unit_id: UnitId) -> Response:
    name, data = _bytes(form)
    w.principal.require_edit(unit_id)
    fname, ctype = uploads.check_evidence(name, data)
    entry.add_evidence(w, fw_code, period, unit_id, file_name=fname, content_type=ctype,
                       data=data, indicator=text(form, "indicator", 80) or None,
                       directory=request.app.state.settings.data_dir / "evidence")
    return see_other(f"/entry/{fw_code}/{period}/{unit_id}")


@router.post("/entry/{fw_code}/{period}/{unit_id}/xlsx")
def entry_xlsx(request: Request, auth: SignedIn, form: CheckedUpload, w: WorkDep,
               fw_code: Code, period: Period, unit_id: UnitId) -> Response:
    raw_name, data = _bytes(form)
    name = uploads.clean_name(raw_name or "template.xlsx")
    w.principal.require_edit(unit_id)
    fw = entry.framework(w, fw_code)
    found = uploads.read_ingest_template(
        fw, period, entry.check_unit(w, unit_id), name, data,
        limits=request.app.state.settings.import_limits, peers=registry_peers(w.catalog.units))
    values = {k: RawEntry(note=f.note or "", reading=Reading(f.value, f.value_high, f.qualifier))
              for k, f in found.items()}
    result = entry.save(w, fw.id, period, unit_id, values, int_field(form, "version"))
    return _form_page(request, auth, w, fw.id, period, unit_id,
                      status=422 if result.problems else 200, problems=result.problems,
                      warnings=result.warnings,
                      message=tx(request)(f"Đã nhập {len(found)} chỉ tiêu từ {name}.",
                                          f"Read {len(found)} figures from {name}."))


@router.get("/entry/{fw_code}/{period}/{unit_id}/template.xlsx")
def entry_template(w: WorkDep, fw_code: Code, period: Period, unit_id: UnitId) -> Response:
    fw = entry.framework(w, fw_code)
    data = uploads.ingest_template_bytes(fw, entry.check_unit(w, unit_id))
    return Response(data, media_type=uploads.CONTENT_TYPES[".xlsx"], headers={
        "content-disposition": f'attachment; filename="chiso-{fw.id}-{period}.xlsx"'})


EvidenceId = Annotated[int, Path(ge=1, le=MAX_INT)]


@router.get("/entry/evidence/{evidence_id}")
def evidence_file(request: Request, w: WorkDep, evidence_id: EvidenceId) -> Response:
    """An evidence file, for the ministry and the province it belongs to (always a download)."""
    ev, path = entry.evidence_file(w, evidence_id,
                                   request.app.state.settings.data_dir / "evidence")
    return Response(path.read_bytes(), media_type=ev.content_type, headers={
        "content-disposition": f"attachment; filename*=UTF-8''{quote(ev.file_name)}"})


# ── the JSON face of entry, for scripts with a token ─────────────────────────────────────


@api_router.get("/entry/{fw_code}/{period}/{unit_id}",
                summary="Biểu mẫu nhập liệu / an entry form (token or session)")
def api_entry_get(w: WorkDep, fw_code: Code, period: Period, unit_id: UnitId) -> Response:
    f = entry.form(w, fw_code, period, unit_id)
    return JSONResponse({"ok": True, "framework": f.fw.id, "period": period, "unit": unit_id,
                         "status": f.sub.status if f.sub else None,
                         "version": f.sub.version if f.sub else 0,
                         "values": {r.node.code: r.value for r in f.rows},
                         "last_period": {r.node.code: r.last for r in f.rows}})


@api_router.post("/entry/{fw_code}/{period}/{unit_id}", dependencies=[ApiWrite],
                 summary="Lưu hoặc gửi biểu mẫu / save or submit a form (token with 'entry')")
def api_entry_post(w: WorkDep, fw_code: Code, period: Period, unit_id: UnitId,
                   body: dict[str, Any]) -> Response:
    raw = body.get("values")
    version = body.get("version", 0)
    if not isinstance(raw, dict) or not isinstance(version, int) or isinstance(version, bool) \
            or not 0 <= version <= MAX_INT:
        raise InvalidInput("Cần 'values' (đối tượng) và 'version' (số nguyên không âm).",
                           "Send 'values' (an object) and 'version' (a whole number ≥ 0).")
    values = {str(k)[:80]: RawEntry(str(v)[:100]) for k, v in list(raw.items())[:500]}
    result = entry.save(w, fw_code, period, unit_id, values, version,
                        submit=body.get("submit") is True)
    return JSONResponse({"ok": not result.problems, "status": result.submission.status,
                         "version": result.submission.version,
                         "problems": [p.as_dict() for p in result.problems],
                         "warnings": [p.as_dict() for p in result.warnings]},
                        status_code=422 if result.problems else 200)
