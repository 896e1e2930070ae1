"""Review: the queue, differences from last period, accept, reject with a comment, adjust."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from chiso.accounts import audit
from chiso.accounts.entry import (
    Conflict,
    EntryError,
    check_value,
    entries_of,
    framework,
    jump_warning,
    last_values,
    snapshot,
)
from chiso.accounts.users import Principal
from chiso.store import repo
from chiso.store.models import utcnow
from chiso.store.models_auth import Review, Submission

MAX_COMMENT = 4000


def queue(session: Session, status: str = "submitted") -> list[Submission]:
    return list(session.scalars(select(Submission).where(Submission.status == status)
                                .order_by(Submission.submitted_at, Submission.id)))


@dataclass
class DiffRow:
    code: str
    name_vi: str
    name_en: str
    unit: str | None
    value: float | None
    last: float | None
    original: float | None
    adjusted: bool
    warning: str | None
    note: str | None
    evidence_url: str | None


def differences(session: Session, sub: Submission) -> list[DiffRow]:
    """Every indicator of the form with this period's value beside last period's."""
    fw = framework(sub.framework_code)
    nodes = fw.indicators()
    entries = entries_of(session, sub)
    last = last_values(session, sub.unit_id, sub.period, [n.code for n in nodes])
    rows = []
    for n in nodes:
        e = entries.get(n.code)
        value = e.value if e else None
        warn = jump_warning(n, value, last.get(n.code))
        rows.append(DiffRow(n.code, n.name_vi, n.name_en, n.unit, value, last.get(n.code),
                            e.original_value if e else None, bool(e and e.adjusted),
                            f"{warn.message_vi} / {warn.message_en}" if warn else None,
                            e.note if e else None, e.evidence_url if e else None))
    return rows


def _load(session: Session, who: Principal, sub_id: int, expected_version: int) -> Submission:
    who.require("review")
    sub = session.get(Submission, sub_id)
    if sub is None:
        raise EntryError(f"Không có biểu mẫu số {sub_id}.", f"No submission {sub_id}.")
    if sub.status != "submitted":
        raise EntryError(f"Biểu mẫu đang ở trạng thái '{sub.status}', không phải 'submitted'.",
                         f"The submission is '{sub.status}', not 'submitted'.")
    bumped = session.execute(
        update(Submission).where(Submission.id == sub.id, Submission.version == expected_version)
        .values(version=Submission.version + 1, updated_by=who.username, updated_at=utcnow())
        .execution_options(synchronize_session=False))
    if bumped.rowcount != 1:  # type: ignore[attr-defined]
        raise Conflict("Biểu mẫu vừa được thay đổi; hãy tải lại trang rồi duyệt lại.",
                       "The submission changed meanwhile; reload the page and review again.")
    session.refresh(sub)
    return sub


def accept(session: Session, who: Principal, sub_id: int, expected_version: int, *,
           comment: str = "", ip: str | None = None) -> repo.RecordCounts:
    """Accept: the figures become approved observations (the only way entries reach the store)."""
    sub = _load(session, who, sub_id, expected_version)
    before = snapshot(session, sub)
    src = repo.add_source(session, kind="manual",
                          title=f"Nhập liệu / data entry {sub.unit_id} {sub.framework_code} {sub.period}",
                          uri=f"chiso:submission/{sub.id}")
    records: list[dict[str, Any]] = []
    for e in entries_of(session, sub).values():
        if e.value is None:
            continue
        prov: dict[str, Any] = {"submission": sub.id, "entered_by": sub.created_by,
                                "reviewed_by": who.username, "framework": sub.framework_code}
        if e.adjusted:
            prov["original_value"] = e.original_value
        if e.evidence_url:
            prov["evidence_url"] = e.evidence_url
        records.append({"unit_id": sub.unit_id, "indicator": e.indicator, "period": sub.period,
                        "kind": "actual", "value": e.value, "provenance": prov, "note": e.note})
    counts = repo.record_observations(session, records, source_id=src.id, user=who.username,
                                      status="approved")
    sub.status = "accepted"
    sub.review_comment = comment.strip()[:MAX_COMMENT] or None
    session.add(Review(submission_id=sub.id, reviewer=who.username, action="accept",
                       comment=sub.review_comment,
                       details={"added": counts.added, "revised": counts.revised}))
    audit.record(session, actor=who.username, action="review.accept", target_type="submission",
                 target_id=sub.id, before=before, after=snapshot(session, sub), ip=ip)
    return counts


def reject(session: Session, who: Principal, sub_id: int, expected_version: int, comment: str,
           *, ip: str | None = None) -> Submission:
    """Send a submission back to the province with a comment (required)."""
    text = comment.strip()[:MAX_COMMENT]
    if not text:
        raise EntryError("Hãy ghi lý do trả lại.", "Give a reason for sending it back.")
    sub = _load(session, who, sub_id, expected_version)
    before = snapshot(session, sub)
    sub.status = "rejected"
    sub.review_comment = text
    session.add(Review(submission_id=sub.id, reviewer=who.username, action="reject", comment=text))
    audit.record(session, actor=who.username, action="review.reject", target_type="submission",
                 target_id=sub.id, before=before, after={**snapshot(session, sub), "comment": text},
                 ip=ip)
    return sub


def adjust(session: Session, who: Principal, sub_id: int, expected_version: int,
           values: dict[str, float], comment: str, *, ip: str | None = None) -> Submission:
    """Change figures as the ministry; each entry keeps the province's original value."""
    text = comment.strip()[:MAX_COMMENT]
    if not text:
        raise EntryError("Hãy ghi lý do điều chỉnh.", "Give a reason for the adjustment.")
    sub = _load(session, who, sub_id, expected_version)
    fw = framework(sub.framework_code)
    nodes = {n.code: n for n in fw.indicators()}
    entries = entries_of(session, sub)
    before = snapshot(session, sub)
    for code, value in values.items():
        if code not in entries or code not in nodes:
            raise EntryError(f"Chỉ tiêu '{code[:80]}' không có trong biểu mẫu.",
                             f"Indicator '{code[:80]}' is not in the submission.")
        probs = check_value(nodes[code], value)
        if probs:
            raise EntryError(probs[0].message_vi, probs[0].message_en, probs)
        e = entries[code]
        if not e.adjusted:
            e.original_value = e.value
            e.adjusted = True
        e.value = value
    session.add(Review(submission_id=sub.id, reviewer=who.username, action="adjust", comment=text,
                       details={k: v for k, v in values.items()}))
    session.flush()
    audit.record(session, actor=who.username, action="review.adjust", target_type="submission",
                 target_id=sub.id, before=before, after={**snapshot(session, sub), "comment": text},
                 ip=ip)
    return sub
