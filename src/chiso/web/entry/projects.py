"""The project register in the browser: a province's editors enter a project and its cash flows
(or upload the project workbook, all or nothing), enter realised benefits and submit; the
ministry's reviewers accept or send back and publish. The JSON face of the same entry, for
scripts with a token (or a session and its CSRF header), is under /api/v1/entry/projects.
Every write through chiso.workflow."""

from __future__ import annotations

import tempfile
from pathlib import Path as FilePath
from typing import Annotated, Any

from fastapi import APIRouter, Body, Path, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response
from starlette.datastructures import FormData, UploadFile

from chiso.errors import Conflict, DataFileError, InvalidInput, NotFound, Problem, TooLarge
from chiso.ingest.projects_cells import (
    BENEFIT_FIELDS,
    CATEGORIES,
    FLOW_FIELDS,
    FUNDING,
    GROUPS,
    KINDS,
    PROJECT_FIELDS,
    SHEETS,
    STATUSES,
    UNIT_COST_FIELDS,
)
from chiso.numbers import format_vi
from chiso.store import projects as store
from chiso.vocab import PROJECT_REVIEW_LABELS
from chiso.web.api.common import ERRORS
from chiso.web.deps import StrictQuery
from chiso.web.entry import uploads
from chiso.web.entry.deps import ApiWrite, CheckedForm, CheckedUpload, SignedIn, WorkDep
from chiso.web.entry.guard import UPLOAD_MAX
from chiso.web.entry.page import MAX_INT, int_field, page, see_other, text, tx
from chiso.web.pages.render import render
from chiso.web.project_model import project_view
from chiso.web.responses import lang_of
from chiso.workflow import Work
from chiso.workflow import projects as flow

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api/v1", tags=["entry"], dependencies=[StrictQuery],
                       responses=ERRORS)

Code = Annotated[str, Path(max_length=80)]
LINES = 8  # blank cash-flow lines on a new form
# the project fields the form has, in the workbook's order (its Vietnamese headers)
FORM_FIELDS = ("code", "name", "unit", "agency", "sector", "group", "funding", "status",
               "approval", "platforms", "indicators", "rate", "start_year", "note")
LINE_FIELDS = ("kind", "category", "item", "from", "to", "amount", "low", "high")
UNIT_FIELDS = ("platform", "unit", "quantity", "unit_price")
UNIT_LINES = 3  # blank unit-cost lines on a form
CHOICES = {"kind": KINDS, "category": CATEGORIES, "group": GROUPS, "funding": FUNDING,
           "status": STATUSES}


def _editable_units(w: Work) -> list[Any]:
    p = w.principal
    return [u for u in w.catalog.units.units(level="province")
            if p.role == "ministry_admin" or u.id in p.units]


def _typed(form: FormData) -> tuple[dict[str, str], list[dict[str, str]]]:
    fields = {k: text(form, f"p__{k}", 2000).strip() for k in FORM_FIELDS}
    lines = []
    for i in range(200):
        if f"l{i}__kind" not in form:
            break
        lines.append({k: text(form, f"l{i}__{k}", 200).strip() for k in LINE_FIELDS})
    return fields, lines


def _typed_units(form: FormData) -> list[dict[str, str]]:
    out = []
    for i in range(100):
        if f"u{i}__platform" not in form:
            break
        out.append({k: text(form, f"u{i}__{k}", 200).strip() for k in UNIT_FIELDS})
    return out


def _unit_table(code: str, units: list[dict[str, str]]
                ) -> tuple[list[list[object]], dict[int, int]]:
    """The unit-cost lines typed (blank ones left out) as the workbook's "Đơn giá" table, and
    which form line each row came from."""
    rows: list[list[object]] = [[UNIT_COST_FIELDS[k][0] for k in ("project", *UNIT_FIELDS)]]
    origin: dict[int, int] = {}
    for i, u in enumerate(units, start=1):
        if any(u.values()):
            rows.append([code or None, *(u[k] or None for k in UNIT_FIELDS)])
            origin[len(rows)] = i
    return rows, origin


def _tables(fields: dict[str, str], lines: list[dict[str, str]]
            ) -> tuple[dict[str, list[list[object]]], dict[int, int]]:
    """The form as the workbook's tables (a year range becomes one row a year), and which form
    line each cash-flow row came from."""
    projects = [[PROJECT_FIELDS[k][0] for k in FORM_FIELDS],
                [fields[k] or None for k in FORM_FIELDS]]
    head = [FLOW_FIELDS[k][0] for k in ("project", "year", "kind", "category", "item", "amount",
                                        "low", "high")]
    rows: list[list[object]] = [head]
    origin: dict[int, int] = {}
    for i, ln in enumerate(lines, start=1):
        if not any(ln[k] for k in ("item", "amount", "low", "high", "from")):
            continue
        first, last = ln["from"], ln["to"] or ln["from"]
        years: list[object] = [first]
        if first.isdigit() and last.isdigit() and 0 <= int(last) - int(first) <= 100:
            years = list(range(int(first), int(last) + 1))
        for year in years:
            rows.append([fields["code"] or None, year, _label(KINDS, ln["kind"]),
                         _label(CATEGORIES, ln["category"]), ln["item"] or None,
                         ln["amount"] or None, ln["low"] or None, ln["high"] or None])
            origin[len(rows)] = i
    return {"projects": projects, "flows": rows}, origin


def _label(words: dict[str, tuple[str, str, tuple[str, ...]]], code: str) -> str | None:
    return words[code][0] if code in words else (code or None)


def _lines_of(p: store.Project) -> list[dict[str, str]]:
    """A stored project's cash flows as form lines: consecutive years of the same amounts on
    one line, years as the project writes them (calendar years when it has a start year)."""
    out: list[dict[str, str]] = []
    start = p.start_year or 0
    for f in sorted(p.flows, key=lambda f: (f.kind, f.category, f.item, f.year)):
        amounts = tuple("" if v is None else f"{v:.0f}" for v in (f.amount, f.low, f.high))
        prev = out[-1] if out else None
        year = start + f.year
        if (prev is not None and (prev["kind"], prev["category"], prev["item"]) ==
                (f.kind, f.category, f.item) and (prev["amount"], prev["low"], prev["high"])
                == amounts and prev["to"] == str(year - 1)):
            prev["to"] = str(year)
            continue
        out.append({"kind": f.kind, "category": f.category, "item": f.item, "from": str(year),
                    "to": str(year), "amount": amounts[0], "low": amounts[1],
                    "high": amounts[2]})
    return out


def _units_of(p: store.Project) -> list[dict[str, str]]:
    return [{"platform": u.platform, "unit": u.unit, "quantity": format_vi(u.quantity),
             "unit_price": f"{u.unit_price:.0f}"} for u in p.unit_costs]


def _fields_of(p: store.Project) -> dict[str, str]:
    def s(v: Any) -> str:
        return "" if v is None else str(v)

    return {"code": p.code, "name": p.name, "unit": p.unit_id, "agency": s(p.agency),
            "sector": s(p.sector), "group": s(p.project_group), "funding": s(p.funding),
            "status": p.status, "approval": s(p.approval), "platforms": "; ".join(p.platforms),
            "indicators": "; ".join(p.indicators), "rate": "" if p.rate is None else f"{p.rate:g}",
            "start_year": s(p.start_year), "note": s(p.note)}


def _form(request: Request, auth: Any, w: Work, fields: dict[str, str],
          lines: list[dict[str, str]], *, version: int, status: int = 200,
          problems: list[Problem] | None = None, message: str | None = None,
          origin: dict[int, int] | None = None, unit_lines: list[dict[str, str]] | None = None,
          unit_origin: dict[int, int] | None = None) -> Response:
    blank = {k: "" for k in LINE_FIELDS} | {"kind": "cost", "category": "capital"}
    shown = lines + [dict(blank) for _ in range(max(2, LINES - len(lines)))]
    typed_units = unit_lines or []
    units_shown = typed_units + [{k: "" for k in UNIT_FIELDS}
                                 for _ in range(max(1, UNIT_LINES - len(typed_units)))]
    seen: dict[tuple[Any, ...], Problem] = {}
    for p in problems or []:  # a cash-flow problem names the form's line (once, not per year)
        if p.row is not None and origin and p.file and "Dòng tiền" in p.file:
            p.line = origin.get(p.row)
        elif p.row is not None and unit_origin and p.file and "Đơn giá" in p.file:
            p.line = unit_origin.get(p.row)
        seen.setdefault((p.file, p.line or p.row, p.field, str(p.value), p.message_en), p)
    problems = list(seen.values())
    return page(request, "project_form.html", auth, status=status, fields=fields, lines=shown,
                version=version, problems=problems or [], message=message,
                units=_editable_units(w), choices=CHOICES, unit_lines=units_shown)


@router.get("/entry/projects")
def projects_home(request: Request, auth: SignedIn, w: WorkDep) -> Response:
    p = w.principal
    if not (p.may("entry") or p.may("review")):
        p.require("entry")
    mine = [x for x in store.register(w.session, store.RegisterFilter(view="current"))
            if p.may_see_unit(x.unit_id)]
    return page(request, "projects.html", auth, projects=mine, labels=PROJECT_REVIEW_LABELS,
                problems=[], message=None)


@router.get("/entry/projects/new")
def project_new(request: Request, auth: SignedIn, w: WorkDep) -> Response:
    w.principal.require("entry")
    units = _editable_units(w)
    fields = {k: "" for k in FORM_FIELDS} | {"status": "proposed",
                                             "unit": units[0].id if units else ""}
    return _form(request, auth, w, fields, [], version=0)


@router.get("/entry/projects/template.xlsx")
def project_template(auth: SignedIn) -> Response:
    from chiso.ingest.projects_template import write_projects_template

    with tempfile.TemporaryDirectory() as tmp:
        data = write_projects_template(FilePath(tmp) / "mau-du-an.xlsx").read_bytes()
    return Response(data, media_type=uploads.CONTENT_TYPES[".xlsx"],
                    headers={"Content-Disposition": 'attachment; filename="mau-du-an.xlsx"'})


@router.get("/entry/projects/{code}")
def project_edit(request: Request, auth: SignedIn, w: WorkDep, code: Code) -> Response:
    w.principal.require("entry")
    p = flow.visible(w, code)
    return _form(request, auth, w, _fields_of(p), _lines_of(p), version=p.version,
                 unit_lines=_units_of(p))


@router.get("/entry/projects/{code}/view")
def project_preview(request: Request, auth: SignedIn, w: WorkDep, code: Code) -> Response:
    """The project page as entered (unpublished), for its province and the ministry."""
    row = flow.visible(w, code)
    return render(request, "project.html", auth=auth, tx=tx(request), editing=True,
                  p=project_view(w.session, row.code, "current"), simulated=row.simulated,
                  may_edit=w.principal.may_edit(row.unit_id))


@router.post("/entry/projects")
def project_save(request: Request, auth: SignedIn, form: CheckedForm, w: WorkDep) -> Response:
    fields, lines = _typed(form)
    unit_lines = _typed_units(form)
    version = int_field(form, "version")
    tables, origin = _tables(fields, lines)
    unit_rows, unit_origin = _unit_table(fields["code"], unit_lines)
    if len(unit_rows) > 1:
        tables["unit_costs"] = unit_rows
    try:
        with w.session.begin_nested():
            flow.save_form(w, tables, version, submit=text(form, "action", 20) == "submit")
    except (Conflict, InvalidInput) as exc:
        # what the editor typed goes back on the page, every bad cell named
        return _form(request, auth, w, fields, lines, version=version, status=exc.status,
                     problems=exc.problems, message=exc.message(lang_of(request)),
                     origin=origin, unit_lines=unit_lines, unit_origin=unit_origin)
    return see_other(f"/entry/projects/{fields['code']}/view")


@router.post("/entry/projects/xlsx")
def project_upload(request: Request, auth: SignedIn, form: CheckedUpload, w: WorkDep) -> Response:
    f = form.get("file")
    if not isinstance(f, UploadFile):
        raise InvalidInput("Hãy chọn một tệp.", "Choose a file.")
    data = f.file.read(UPLOAD_MAX + 1)
    if len(data) > UPLOAD_MAX:
        raise TooLarge("Tệp quá lớn.", "The file is too large.")
    name = uploads.clean_name(f.filename or "du-an.xlsx")
    if not data.startswith(b"PK\x03\x04"):
        raise InvalidInput("Tệp không phải XLSX.", "The file is not an XLSX workbook.")
    limits = request.app.state.settings.import_limits
    try:
        with tempfile.TemporaryDirectory() as tmp, w.session.begin_nested():
            path = FilePath(tmp) / (FilePath(name).stem[:50] + ".xlsx")
            path.write_bytes(data)
            report = flow.import_projects(w, path, limits=limits)
    except DataFileError as exc:
        mine = [x for x in store.register(w.session, store.RegisterFilter(view="current"))
                if w.principal.may_see_unit(x.unit_id)]
        return page(request, "projects.html", auth, status=exc.status, projects=mine,
                    labels=PROJECT_REVIEW_LABELS, problems=exc.problems,
                    message=exc.message(lang_of(request)))
    msg = tx(request)(f"Đã nhập {name}: {len(report.added)} mới, {len(report.revised)} sửa.",
                      f"Imported {name}: {len(report.added)} added, {len(report.revised)} revised.")
    mine = [x for x in store.register(w.session, store.RegisterFilter(view="current"))
            if w.principal.may_see_unit(x.unit_id)]
    return page(request, "projects.html", auth, projects=mine, labels=PROJECT_REVIEW_LABELS,
                problems=[], message=msg)


@router.post("/entry/projects/{code}/realised")
def project_realised(form: CheckedForm, w: WorkDep, code: Code) -> Response:
    row = flow.project(w, code)
    year = int_field(form, "year")
    if year >= 1990 and row.start_year:
        year -= row.start_year  # a calendar year, counted from the project's start
    flow.enter_realised(w, code, year, text(form, "amount", 100), text(form, "note"))
    return see_other(f"/entry/projects/{code}/view")


@router.post("/entry/projects/{code}/submit")
def project_submit(form: CheckedForm, w: WorkDep, code: Code) -> Response:
    flow.submit(w, code, int_field(form, "version"))
    return see_other(f"/entry/projects/{code}/view")


# ── review and publication ────────────────────────────────────────────────────────────────


@router.get("/review/projects")
def projects_queue(request: Request, auth: SignedIn, w: WorkDep) -> Response:
    return page(request, "project_queue.html", auth, submitted=flow.queue(w, "submitted"),
                accepted=flow.queue(w, "accepted"), labels=PROJECT_REVIEW_LABELS)


@router.post("/review/projects/publish")
def projects_publish(form: CheckedForm, w: WorkDep) -> Response:
    codes = [c.strip() for c in text(form, "codes", 4000).split(",") if c.strip()]
    flow.publish(w, codes)
    return see_other("/review/projects")


@router.post("/review/projects/{code}")
def project_review(form: CheckedForm, w: WorkDep, code: Code) -> Response:
    action, version = text(form, "action", 20), int_field(form, "version")
    comment = text(form, "comment")
    if action == "accept":
        flow.accept(w, code, version, comment)
    elif action == "reject":
        flow.reject(w, code, version, comment)
    else:
        raise InvalidInput("Hành động không hợp lệ.", "Unknown action.")
    return see_other("/review/projects")



# ── the JSON face of project entry, for scripts with a token ─────────────────────────────

API_PROJECT = ("code", "name", "unit", "agency", "sector", "group", "funding", "status",
               "approval", "platforms", "indicators", "rate", "start_year", "note")
# table → (its headers, the fields a JSON line may give, in the workbook's order)
API_LINES = {
    "flows": (FLOW_FIELDS, ("year", "kind", "category", "item", "amount", "low", "high",
                            "source", "note")),
    "benefits": (BENEFIT_FIELDS, ("item", "owner", "baseline", "target", "measure", "source")),
    "unit_costs": (UNIT_COST_FIELDS, ("platform", "unit", "quantity", "unit_price", "item",
                                      "source", "note")),
}
API_MAX_LINES = 20_000
SAVED_201 = {"description": "Dự án mới đã được tạo / the project was created", "content": {
    "application/json": {"example": {"ok": True, "code": "HCM-01", "created": True,
                                     "review_status": "draft", "version": 1,
                                     "unchanged": False}}}}


def _shape_error(what_vi: str, what_en: str) -> InvalidInput:
    vi = f"Thân yêu cầu không đúng dạng: {what_vi}."
    en = f"The body has the wrong shape: {what_en}."
    return InvalidInput(vi, en, [Problem(vi, en, file="api")])


def _cell(v: Any, where: str) -> object:
    """A JSON value as a workbook cell: numbers and text as they are (text is then read by the
    workbook's rules: "1,5 tỷ"), a list of text as "a; b", null as a blank cell."""
    if v is None or isinstance(v, (bool, int, float)):
        return v
    if isinstance(v, str):
        return v[:2000]
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return "; ".join(x[:200] for x in v[:200])
    raise _shape_error(f"'{where}' phải là số, chữ hoặc danh sách chữ",
                       f"'{where}' must be a number, text or a list of text")


def _api_tables(body: dict[str, Any]) -> tuple[str, dict[str, list[list[object]]]]:
    """The JSON body as the workbook's tables (one project, its lines), checked for shape only:
    every value is then checked by the rules of a workbook. Unknown keys are ignored."""
    project = body.get("project")
    if not isinstance(project, dict):
        raise _shape_error("cần 'project' (một đối tượng)", "send 'project' (an object)")
    code = project.get("code")
    if not isinstance(code, str) or not code.strip():
        raise _shape_error("cần 'project.code' (chữ)", "send 'project.code' (text)")
    code = code.strip()[:80]
    tables: dict[str, list[list[object]]] = {"projects": [
        [PROJECT_FIELDS[k][0] for k in API_PROJECT],
        [code if k == "code" else _cell(project.get(k), f"project.{k}") for k in API_PROJECT]]}
    for key, (headers, fields) in API_LINES.items():
        lines = body.get(key, [])
        if not isinstance(lines, list) or not all(isinstance(x, dict) for x in lines):
            raise _shape_error(f"'{key}' phải là danh sách đối tượng",
                               f"'{key}' must be a list of objects")
        if len(lines) > API_MAX_LINES:
            raise TooLarge(f"Quá nhiều dòng trong '{key}' (tối đa {API_MAX_LINES}).",
                           f"Too many lines in '{key}' (at most {API_MAX_LINES}).")
        if lines or key == "flows":
            tables[key] = [[headers["project"][0], *(headers[k][0] for k in fields)],
                           *([code, *(_cell(x.get(k), f"{key}[{i}].{k}") for k in fields)]
                             for i, x in enumerate(lines))]
    return code, tables


def _pointers(problems: list[Problem]) -> list[Problem]:
    """Each cell problem names the JSON value it came from ("flows[3].amount"): a table's row r
    is line r - 2 of its list (row 1 holds the headers)."""
    sheets = {SHEETS[k][0]: k for k in ("projects", *API_LINES)}
    for p in problems:
        sheet = (p.file or "").partition(" [")[2].rstrip("]")
        key = sheets.get(sheet)
        if key is None or p.row is None or p.row < 2:
            continue
        name = p.field or ""
        p.field = f"project.{name}" if key == "projects" else f"{key}[{p.row - 2}].{name}"
    return problems


@api_router.get("/entry/projects/{code}",
                summary="Dự án như đã nhập / a project as entered (token or session)")
def api_project_get(w: WorkDep, code: Code) -> Response:
    """The project as entered, with the version a save must send back; for the ministry and
    the province it belongs to."""
    row = flow.visible(w, code)
    data = store.view_of(row, "current") or {}
    return JSONResponse(jsonable_encoder({
        "ok": True, "code": row.code, "version": row.version,
        "review_status": row.review_status,
        "project": {k: v for k, v in data.items() if k not in ("stored_appraisal", "id")}}))


@api_router.post("/entry/projects", dependencies=[ApiWrite],
                 responses={201: SAVED_201},
                 summary="Tạo hoặc sửa một dự án và dòng tiền / create or revise a project and"
                         " its cash flows (token with 'entry')")
def api_project_save(w: WorkDep, body: Annotated[dict[str, Any], Body()]) -> Response:
    """`version` 0 creates the project (201; 409 if the code exists), the version last read
    revises it (200; 404 if there is no such project, 409 if someone saved it meanwhile). The
    project, its `flows`, `benefits` and `unit_costs` replace what was entered, checked by the
    rules of the workbook: any bad value is a 422 naming it, and nothing is saved."""
    w.principal.require("entry")
    version = body.get("version", 0)
    if not isinstance(version, int) or isinstance(version, bool) or not 0 <= version <= MAX_INT:
        raise _shape_error("'version' phải là số nguyên không âm",
                           "'version' must be a whole number ≥ 0")
    code, tables = _api_tables(body)
    existing = store.find(w.session, code)
    if version and existing is None:
        raise NotFound(f"Không có dự án '{code}' để sửa; gửi version 0 để tạo mới.",
                       f"No project '{code}' to revise; send version 0 to create it.")
    if existing is not None:
        w.principal.require_edit(existing.unit_id)
        if not version:
            raise Conflict(f"Dự án '{code}' đã có; hãy đọc phiên bản hiện tại (GET) rồi gửi kèm"
                           " 'version'.", f"Project '{code}' already exists; read its current"
                           " version (GET) and send it as 'version'.")
    try:
        report = flow.save_form(w, tables, version, submit=body.get("submit") is True,
                                name="api")
    except InvalidInput as exc:
        exc.problems = _pointers(exc.problems)
        raise
    row = store.find(w.session, code)
    assert row is not None
    created = code in report.added
    return JSONResponse({"ok": True, "code": code, "created": created,
                         "review_status": row.review_status, "version": row.version,
                         "unchanged": code in report.unchanged},
                        status_code=201 if created else 200)
