"""Data entry: a unit's form for a framework and period, drafts, submission, optimistic locking,
and the evidence that backs it."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chiso.errors import Conflict, InvalidInput, Problem
from chiso.framework import Framework, Node
from chiso.store import observations
from chiso.store import submissions as store
from chiso.store.models import utcnow
from chiso.store.models_workflow import Entry, Evidence, Submission
from chiso.units.registry import UnitRecord
from chiso.vocab import EDITABLE
from chiso.workflow.values import Reading, check, ranked, read_typed
from chiso.workflow.work import Work

PERIOD = re.compile(r"^(19|20)\d{2}$")
MAX_TEXT = 2000
JUMP = 3.0


@dataclass
class RawEntry:
    """What the editor typed for one indicator (or a value an uploaded template already read)."""

    raw: str = ""
    note: str = ""
    evidence_url: str = ""
    reading: Reading | None = None  # already read, from an uploaded template


@dataclass
class Checked:
    value: float | None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    reading: Reading | None = None


# ── checks ───────────────────────────────────────────────────────────────────────────────


def jump_warning(node: Node, value: float | None, last: float | None) -> Problem | None:
    """A warning when a figure moves more than 3× from the last period."""
    if value is None or last is None or value <= 0 or last <= 0:
        return None
    ratio = max(value / last, last / value)
    if ratio > JUMP:
        return Problem(
            f"Thay đổi hơn {JUMP:g} lần so với kỳ trước ({last:g} → {value:g}); hãy kiểm tra.",
            f"Changed more than {JUMP:g}× from last period ({last:g} → {value:g}); please check.",
            field=node.code, value=value)
    return None


def check_entry(node: Node, raw: str, last: float | None,
                ranked_units: int | None = None) -> Checked:
    """A typed value read and checked as import checks it, with a warning for a big jump."""
    reading, problems = read_typed(node, raw, ranked_units)
    if reading is None:
        return Checked(None, problems)
    return _checked(node, reading, last)


def check_reading(node: Node, reading: Reading, last: float | None,
                  ranked_units: int | None = None) -> Checked:
    """A value already read (from an uploaded template), checked by the same rules."""
    problems = check(node, reading, ranked_units)
    if problems:
        return Checked(None, problems)
    return _checked(node, reading, last)


def _checked(node: Node, reading: Reading, last: float | None) -> Checked:
    warn = jump_warning(node, reading.value, last)
    return Checked(reading.value, [], [warn] if warn else [], reading)


def framework(w: Work, code: str) -> Framework:
    return w.catalog.framework(code)


def check_period(period: str) -> str:
    if not PERIOD.match(period or ""):
        raise InvalidInput("Kỳ phải là một năm, ví dụ 2024.",
                           "The period must be a year, e.g. 2024.")
    return period


def check_unit(w: Work, unit_id: str) -> UnitRecord:
    return w.catalog.unit(unit_id)


def previous_period(period: str) -> str:
    return str(int(period) - 1)


def last_values(w: Work, unit_id: str, period: str, codes: list[str]) -> dict[str, float]:
    """Last period's reviewed figures of the unit's own (actuals; simulated figures are not a
    province's own and never shown or compared as such)."""
    found = observations.last_values(w.session, unit_id, previous_period(period), codes)
    return {code: value for code, (value, simulated) in found.items() if not simulated}


def snapshot(w: Work, sub: Submission) -> dict[str, Any]:
    """The submission as the audit log records it."""
    return {"status": sub.status, "version": sub.version,
            "values": {k: e.value for k, e in sorted(store.entries_of(w.session, sub).items())}}


# ── the form ─────────────────────────────────────────────────────────────────────────────


@dataclass
class FormRow:
    node: Node
    last: float | None
    raw: str
    note: str
    url: str
    value: float | None


@dataclass
class Form:
    fw: Framework
    period: str
    unit: UnitRecord
    sub: Submission | None
    rows: list[FormRow]
    editable: bool
    evidence: list[Evidence]


def form(w: Work, fw_code: str, period: str, unit_id: str,
         typed: dict[str, RawEntry] | None = None) -> Form:
    """A unit's form as its editors and the ministry see it (what was typed wins over what was
    saved, so nothing typed is lost when a save is refused)."""
    fw = framework(w, fw_code)
    check_period(period)
    unit = check_unit(w, unit_id)
    w.principal.require_see(unit_id)
    sub = store.find(w.session, fw.id, period, unit_id)
    saved = store.entries_of(w.session, sub)
    nodes = fw.indicators()
    last = last_values(w, unit_id, period, [n.code for n in nodes])
    rows = []
    for n in nodes:
        e = saved.get(n.code)
        t = (typed or {}).get(n.code)
        rows.append(FormRow(
            n, last.get(n.code), t.raw if t else (e.raw or "" if e else ""),
            t.note if t else (e.note or "" if e else ""),
            t.evidence_url if t else (e.evidence_url or "" if e else ""),
            e.value if e else None))
    editable = w.principal.may_edit(unit_id) and (sub is None or sub.status in EDITABLE)
    return Form(fw, period, unit, sub, rows, editable, list(store.evidence_of(w.session, sub)))


@dataclass
class SaveResult:
    submission: Submission
    problems: list[Problem]
    warnings: list[Problem]
    submitted: bool


def save(w: Work, fw_code: str, period: str, unit_id: str, values: dict[str, RawEntry],
         expected_version: int, *, submit: bool = False) -> SaveResult:
    """Save a draft (and submit it when asked and valid). `expected_version` is the version the
    editor's form was loaded at (0 for a new form); another save in between is a Conflict."""
    fw = framework(w, fw_code)
    check_period(period)
    check_unit(w, unit_id)
    w.principal.require_edit(unit_id)
    who = w.principal.username
    nodes = {n.code: n for n in fw.indicators()}
    unknown = [k for k in values if k not in nodes]
    if unknown:
        raise InvalidInput(f"Chỉ tiêu không có trong khung: {', '.join(unknown[:5])}",
                           f"Indicators not in the framework: {', '.join(unknown[:5])}")
    last = last_values(w, unit_id, period, list(nodes))
    bound = ranked(w.catalog, unit_id, period)
    checked = {k: check_entry(nodes[k], v.raw, last.get(k), bound) if v.reading is None
               else check_reading(nodes[k], v.reading, last.get(k), bound)
               for k, v in values.items()}
    problems = [p for c in checked.values() for p in c.problems]
    warnings = [p for c in checked.values() for p in c.warnings]

    sub = store.find(w.session, fw.id, period, unit_id)
    if not values and (sub is None or not store.entries_of(w.session, sub)):
        # a form with no figure at all would leave an empty submission behind
        raise InvalidInput("Không có chỉ tiêu nào để lưu (tệp hoặc biểu mẫu trống?).",
                           "There is no figure to save (is the file or the form empty?).")
    before = snapshot(w, sub) if sub is not None else None
    if sub is None:
        if expected_version != 0:
            raise conflict()
        sub = Submission(framework_code=fw.id, period=period, unit_id=unit_id, status="draft",
                         version=1, created_by=who, updated_by=who)
        if not store.add(w.session, sub):
            raise conflict()
    else:
        if sub.status not in EDITABLE:
            raise InvalidInput(
                "Biểu mẫu đã gửi đi, không sửa được nữa. Nếu cần sửa, hãy đề nghị người duyệt "
                "trả lại.",
                "The form has been submitted and can no longer be changed. Ask the reviewer to "
                "send it back if it needs a correction.")
        if not store.bump(w.session, sub, expected_version, who):
            raise conflict()

    existing = store.entries_of(w.session, sub)
    for code, v in values.items():
        e = existing.get(code) or Entry(submission_id=sub.id, indicator=code)
        reading = checked[code].reading
        e.raw = v.raw.strip()[:100] or None
        e.value = checked[code].value
        e.value_high = reading.value_high if reading else None
        e.qualifier = reading.qualifier if reading else "eq"
        e.note = v.note.strip()[:MAX_TEXT] or None
        e.evidence_url = safe_url(v.evidence_url)
        if code not in existing:
            store.add_entry(w.session, e)
    done = False
    if submit:
        saved = store.entries_of(w.session, sub).values()
        filled = [e for e in saved if e.value is not None]
        problems += [Problem("Giá trị chưa hợp lệ.", "The value is not valid yet.",
                             field=e.indicator, value=e.raw)
                     for e in saved if e.raw and e.value is None and e.indicator not in values]
        if not problems and not filled:
            problems.append(Problem("Chưa nhập chỉ tiêu nào.", "No figure has been entered."))
        elif not problems:
            sub.status = "submitted"
            sub.submitted_at = utcnow()
            sub.review_comment = None
            done = True
    w.record("entry.submit" if done else "entry.save", "submission", sub.id, before=before,
             after=snapshot(w, sub))
    return SaveResult(sub, problems, warnings, done)


def safe_url(url: str) -> str | None:
    """Only http(s) links are kept as evidence (no javascript: or data: URLs)."""
    url = (url or "").strip()[:MAX_TEXT]
    if not url:
        return None
    if not re.match(r"^https?://[^\s<>\"']+$", url, re.IGNORECASE):
        raise InvalidInput("Đường dẫn minh chứng phải bắt đầu bằng http:// hoặc https://.",
                           "An evidence link must start with http:// or https://.")
    return url


def conflict() -> Conflict:
    return Conflict(
        "Biểu mẫu vừa được người khác lưu trước bạn. Số liệu bạn nhập vẫn còn trên trang: hãy xem "
        "bản mới nhất rồi lưu lại.",
        "Someone else saved this form before you. Your figures are still on the page: look at the "
        "latest version, then save again.")


# ── evidence ─────────────────────────────────────────────────────────────────────────────


def add_evidence(w: Work, fw_code: str, period: str, unit_id: str, *, file_name: str,
                 content_type: str, data: bytes, indicator: str | None,
                 directory: Path) -> Evidence:
    """Keep an evidence file for a draft form: its content once, named by its SHA-256 (never by
    the uploaded name), and a row and an audit record for it."""
    w.principal.require_edit(unit_id)
    fw = framework(w, fw_code)
    sub = store.find(w.session, fw.id, period, unit_id)
    if sub is None or sub.status not in EDITABLE:
        raise InvalidInput("Hãy lưu bản nháp trước khi tải minh chứng lên.",
                           "Save a draft before uploading evidence.")
    digest = hashlib.sha256(data).hexdigest()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / digest
    if not path.exists():
        tmp = path.with_suffix(".part")
        tmp.write_bytes(data)
        tmp.replace(path)
    ev = store.add_evidence(w.session, Evidence(
        submission_id=sub.id, indicator=indicator, file_name=file_name,
        content_type=content_type, size=len(data), sha256=digest,
        uploaded_by=w.principal.username))
    w.record("evidence.upload", "submission", sub.id,
             after={"file": file_name, "sha256": digest, "size": len(data),
                    "indicator": indicator})
    return ev


def evidence_file(w: Work, evidence_id: int, directory: Path) -> tuple[Evidence, Path]:
    """An evidence file, for the ministry and the province it belongs to."""
    from chiso.errors import NotFound

    ev = store.evidence(w.session, evidence_id)
    sub = store.get(w.session, ev.submission_id) if ev else None
    if ev is None or sub is None or not w.principal.may_see_unit(sub.unit_id):
        raise NotFound(f"Không có minh chứng số {evidence_id}.", f"No evidence {evidence_id}.")
    path = directory / ev.sha256
    if not path.is_file():
        raise NotFound("Tệp minh chứng không còn trên máy chủ.",
                       "The evidence file is missing on the server.")
    return ev, path
