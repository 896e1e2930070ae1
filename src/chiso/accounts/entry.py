"""Data entry: a unit's form for a framework and period, drafts, submission, optimistic locking."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from chiso.accounts import audit
from chiso.accounts.users import Forbidden, Principal
from chiso.errors import ChisoError, Problem
from chiso.framework import Framework, Node, load_framework, shipped_ids
from chiso.store.models import Observation, Unit, utcnow
from chiso.store.models_auth import Entry, Submission

PERIOD = re.compile(r"^(19|20)\d{2}$")
MAX_TEXT = 2000
JUMP = 3.0
EDITABLE = ("draft", "rejected")


class EntryError(ChisoError):
    """A form could not be saved or submitted."""


class Conflict(ChisoError):
    """Someone else saved the same form first (optimistic locking)."""


@dataclass
class RawEntry:
    """What the editor typed for one indicator."""

    raw: str = ""
    note: str = ""
    evidence_url: str = ""
    value: float | None = None  # already read by chiso.ingest (an uploaded template)


@dataclass
class Checked:
    value: float | None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


# ── validation (the same rules as import) ───────────────────────────────────────────────


def check_value(node: Node, value: float) -> list[Problem]:
    """The import's rules (chiso.ingest.validate.value_rule), as problems on the form's field."""
    from chiso.ingest.validate import value_rule

    broken = value_rule(node, value)
    if broken is None:
        return []
    vi, en = broken
    return [Problem(vi[0].upper() + vi[1:], en[0].upper() + en[1:], field=node.code, value=value)]


def jump_warning(node: Node, value: float | None, last: float | None) -> Problem | None:
    """A warning when a figure moves more than 3× from the last period."""
    if value is None or last is None or value <= 0 or last <= 0:
        return None
    ratio = max(value / last, last / value)
    if ratio > JUMP:
        return Problem(f"Thay đổi hơn {JUMP:g} lần so với kỳ trước ({last:g} → {value:g}); hãy kiểm tra.",
                       f"Changed more than {JUMP:g}× from last period ({last:g} → {value:g}); please check.",
                       field=node.code, value=value)
    return None


def check_entry(node: Node, raw: str, last: float | None) -> Checked:
    from chiso.numbers import parse_number

    text = raw.strip()
    if not text:
        return Checked(None)
    if len(text) > 100:
        return Checked(None, [Problem("Giá trị quá dài.", "The value is too long.", field=node.code)])
    try:
        q = parse_number(text)
    except ValueError as exc:
        msg = str(exc)
        vi, _, en = msg.partition(" / ")
        return Checked(None, [Problem(vi, en or vi, field=node.code, value=text)])
    return check_number(node, q.value, last)


def check_number(node: Node, value: float, last: float | None) -> Checked:
    problems = check_value(node, value)
    warn = jump_warning(node, value, last) if not problems else None
    return Checked(value, problems, [warn] if warn else [])


# ── the form ─────────────────────────────────────────────────────────────────────────────


def framework(code: str) -> Framework:
    if code not in shipped_ids():
        raise EntryError(f"Không có khung chỉ số '{code}'.", f"No framework '{code}'.")
    return load_framework(code)


def check_period(period: str) -> str:
    if not PERIOD.match(period or ""):
        raise EntryError("Kỳ phải là một năm, ví dụ 2024.", "The period must be a year, e.g. 2024.")
    return period


def check_unit(session: Session, unit_id: str) -> Unit:
    unit = session.get(Unit, unit_id) if len(unit_id) <= 40 else None
    if unit is None:
        raise EntryError(f"Không có đơn vị '{unit_id[:40]}'.", f"No unit '{unit_id[:40]}'.")
    return unit


def previous_period(period: str) -> str:
    return str(int(period) - 1)


def last_values(session: Session, unit_id: str, period: str, codes: list[str]) -> dict[str, float]:
    """Last period's current figures for the unit (actuals only)."""
    rows = session.execute(
        select(Observation.indicator, Observation.value).where(
            Observation.is_current.is_(True), Observation.unit_id == unit_id,
            Observation.period == previous_period(period), Observation.kind == "actual",
            Observation.indicator.in_(codes), Observation.status.in_(("approved", "published"))))
    return {ind: v for ind, v in rows if v is not None}


def find(session: Session, fw_code: str, period: str, unit_id: str) -> Submission | None:
    return session.scalar(select(Submission).where(
        Submission.framework_code == fw_code, Submission.period == period,
        Submission.unit_id == unit_id))


def entries_of(session: Session, sub: Submission | None) -> dict[str, Entry]:
    if sub is None:
        return {}
    return {e.indicator: e for e in session.scalars(
        select(Entry).where(Entry.submission_id == sub.id))}


def snapshot(session: Session, sub: Submission) -> dict[str, Any]:
    """The submission as the audit log records it."""
    return {"status": sub.status, "version": sub.version,
            "values": {k: e.value for k, e in sorted(entries_of(session, sub).items())}}


@dataclass
class SaveResult:
    submission: Submission
    problems: list[Problem]
    warnings: list[Problem]
    submitted: bool


def save(session: Session, who: Principal, fw_code: str, period: str, unit_id: str,
         values: dict[str, RawEntry], expected_version: int, *, submit: bool = False,
         ip: str | None = None) -> SaveResult:
    """Save a draft (and submit it when asked and valid). `expected_version` is the version the
    editor's form was loaded at (0 for a new form); another save in between is a Conflict."""
    fw = framework(fw_code)
    check_period(period)
    check_unit(session, unit_id)
    who.require_edit(unit_id)
    nodes = {n.code: n for n in fw.indicators()}
    unknown = [k for k in values if k not in nodes]
    if unknown:
        raise EntryError(f"Chỉ tiêu không có trong khung: {', '.join(unknown[:5])}",
                         f"Indicators not in the framework: {', '.join(unknown[:5])}")
    last = last_values(session, unit_id, period, list(nodes))
    checked = {k: check_entry(nodes[k], v.raw, last.get(k)) if v.value is None
               else check_number(nodes[k], v.value, last.get(k)) for k, v in values.items()}
    problems = [p for c in checked.values() for p in c.problems]
    warnings = [w for c in checked.values() for w in c.warnings]

    sub = find(session, fw.id, period, unit_id)
    if not values and (sub is None or not entries_of(session, sub)):
        # a form with no figure at all would leave an empty submission behind
        raise EntryError("Không có chỉ tiêu nào để lưu (tệp hoặc biểu mẫu trống?).",
                         "There is no figure to save (is the file or the form empty?).")
    before = snapshot(session, sub) if sub is not None else None
    if sub is None:
        if expected_version != 0:
            raise _conflict()
        sub = Submission(framework_code=fw.id, period=period, unit_id=unit_id, status="draft",
                         version=1, created_by=who.username, updated_by=who.username)
        try:
            with session.begin_nested():
                session.add(sub)
                session.flush()
        except IntegrityError:
            raise _conflict() from None
    else:
        if sub.status not in EDITABLE:
            raise EntryError(
                "Biểu mẫu đã gửi đi, không sửa được nữa. Nếu cần sửa, hãy đề nghị người duyệt trả lại.",
                "The form has been submitted and can no longer be changed. Ask the reviewer to "
                "send it back if it needs a correction.")
        bumped = session.execute(
            update(Submission)
            .where(Submission.id == sub.id, Submission.version == expected_version)
            .values(version=Submission.version + 1, updated_by=who.username, updated_at=utcnow())
            .execution_options(synchronize_session=False))
        if bumped.rowcount != 1:  # type: ignore[attr-defined]
            raise _conflict()
        session.refresh(sub)

    existing = entries_of(session, sub)
    for code, v in values.items():
        e = existing.get(code) or Entry(submission_id=sub.id, indicator=code)
        e.raw = v.raw.strip()[:100] or None
        e.value = checked[code].value
        e.note = v.note.strip()[:MAX_TEXT] or None
        e.evidence_url = _safe_url(v.evidence_url)
        if code not in existing:
            session.add(e)
    session.flush()
    done = False
    if submit:
        saved = entries_of(session, sub).values()
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
    session.flush()
    audit.record(session, actor=who.username, action="entry.submit" if done else "entry.save",
                 target_type="submission", target_id=sub.id, before=before,
                 after=snapshot(session, sub), ip=ip)
    return SaveResult(sub, problems, warnings, done)


def _safe_url(url: str) -> str | None:
    """Only http(s) links are kept as evidence (no javascript: or data: URLs)."""
    url = (url or "").strip()[:MAX_TEXT]
    if not url:
        return None
    if not re.match(r"^https?://[^\s<>\"']+$", url, re.IGNORECASE):
        raise EntryError("Đường dẫn minh chứng phải bắt đầu bằng http:// hoặc https://.",
                         "An evidence link must start with http:// or https://.")
    return url


def _conflict() -> Conflict:
    return Conflict(
        "Biểu mẫu vừa được người khác lưu trước bạn. Số liệu bạn nhập vẫn còn trên trang: hãy xem "
        "bản mới nhất rồi lưu lại.",
        "Someone else saved this form before you. Your figures are still on the page: look at the "
        "latest version, then save again.")


def require_visible(who: Principal, sub: Submission) -> None:
    if not who.may_see_unit(sub.unit_id):
        raise Forbidden(f"Không được xem biểu mẫu của {sub.unit_id}.",
                        f"You may not see the form of {sub.unit_id}.")
