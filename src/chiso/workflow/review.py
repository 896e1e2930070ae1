"""Review of submissions: the queue, differences from last period, accept, reject, adjust."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from chiso.errors import Conflict, InvalidInput, NotFound, Problem
from chiso.framework import Node
from chiso.store import observations, sources
from chiso.store import submissions as store
from chiso.store.models_workflow import Review, Submission
from chiso.vocab import APPROVED
from chiso.workflow.entry import framework, last_values, snapshot
from chiso.workflow.plausibility import Plausibility
from chiso.workflow.values import Reading, check, ranked, read_typed
from chiso.workflow.work import MAX_COMMENT, Work, reason_to_return


def queue(w: Work, status: str = "submitted") -> list[Submission]:
    w.principal.require("review")
    return store.queue(w.session, status)


def submission(w: Work, sub_id: int) -> Submission:
    sub = store.get(w.session, sub_id)
    if sub is None:
        raise NotFound(f"Không có biểu mẫu số {sub_id}.", f"No submission {sub_id}.")
    return sub


def history(w: Work, sub_id: int) -> list[Review]:
    return store.reviews_of(w.session, sub_id)


@dataclass
class DiffRow:
    code: str
    name_vi: str
    name_en: str
    unit: str | None
    value: float | None
    value_high: float | None
    qualifier: str
    last: float | None
    original: float | None
    adjusted: bool
    warning: str | None
    note: str | None
    evidence_url: str | None
    change: str = "empty"  # new | changed | unchanged | empty (CHANGES)
    warnings: list[Problem] = field(default_factory=list)
    precision: int = 2


CHANGES = ("new", "changed", "unchanged", "empty")


def change_of(node: Node, value: float | None, last: float | None) -> str:
    """What a figure is beside last period's: new (none then), changed, unchanged (equal at the
    indicator's precision), or empty (nothing entered)."""
    if value is None:
        return "empty"
    if last is None:
        return "new"
    return "unchanged" if node.rounded(value) == node.rounded(last) else "changed"


def differences(w: Work, sub: Submission) -> list[DiffRow]:
    """Every indicator of the form with this period's value beside last period's, what changed,
    and the warnings an editor saw (a jump, the indicator's own range, the peers)."""
    nodes = framework(w, sub.framework_code).indicators()
    entries = store.entries_of(w.session, sub)
    last = last_values(w, sub.unit_id, sub.period, [n.code for n in nodes])
    plausible = Plausibility(w, [n for n in nodes if n.code in entries], sub.unit_id, sub.period)
    rows = []
    for n in nodes:
        e = entries.get(n.code)
        value = e.value if e else None
        warns = plausible.warnings(n, value, last.get(n.code))
        rows.append(DiffRow(n.code, n.name_vi, n.name_en, n.unit, value,
                            e.value_high if e else None, e.qualifier if e else "eq",
                            last.get(n.code), e.original_value if e else None,
                            bool(e and e.adjusted),
                            " ".join(f"{p.message_vi} / {p.message_en}" for p in warns) or None,
                            e.note if e else None, e.evidence_url if e else None,
                            change_of(n, value, last.get(n.code)), warns, n.precision))
    return rows


def _load(w: Work, sub_id: int, expected_version: int,
          status: str = "submitted") -> Submission:
    w.principal.require("review")
    sub = store.get(w.session, sub_id)
    if sub is None:
        raise NotFound(f"Không có biểu mẫu số {sub_id}.", f"No submission {sub_id}.")
    if sub.status != status:
        raise InvalidInput(f"Biểu mẫu đang ở trạng thái '{sub.status}', không phải '{status}'.",
                           f"The submission is '{sub.status}', not '{status}'.")
    if not store.bump(w.session, sub, expected_version, w.principal.username):
        raise Conflict("Biểu mẫu vừa được thay đổi; hãy tải lại trang rồi duyệt lại.",
                       "The submission changed meanwhile; reload the page and review again.")
    return sub


def accept(w: Work, sub_id: int, expected_version: int, *,
           comment: str = "") -> observations.RecordCounts:
    """Accept: the figures become approved observations (the only way entries reach the store).
    A points rubric's form goes to the appraisal council instead ("reviewed"): its figures land
    when the council confirms them (`council`)."""
    sub = _load(w, sub_id, expected_version)
    who = w.principal.username
    before = snapshot(w, sub)
    text = comment.strip()[:MAX_COMMENT] or None
    if framework(w, sub.framework_code).is_rubric:
        sub.status = "reviewed"
        sub.review_comment = text
        store.add_review(w.session, Review(submission_id=sub.id, reviewer=who, action="accept",
                                           comment=text, details={"next": "council"}))
        w.record("review.accept", "submission", sub.id, before=before, after=snapshot(w, sub))
        return observations.RecordCounts(0, 0, 0)
    counts = _land(w, sub, reviewed_by=who)
    sub.status = "accepted"
    sub.review_comment = text
    store.add_review(w.session, Review(submission_id=sub.id, reviewer=who, action="accept",
                                       comment=sub.review_comment,
                                       details={"added": counts.added, "revised": counts.revised}))
    w.record("review.accept", "submission", sub.id, before=before, after=snapshot(w, sub))
    return counts


def _land(w: Work, sub: Submission, *, reviewed_by: str,
          decided_by: str | None = None, decision: str | None = None) -> observations.RecordCounts:
    """The form's figures as approved observations, each with who entered, reviewed (and, for
    a rubric, decided) it and the unit's own value where it was adjusted."""
    src = sources.add_source(
        w.session, kind="manual",
        title=f"Nhập liệu / data entry {sub.unit_id} {sub.framework_code} {sub.period}",
        uri=f"chiso:submission/{sub.id}")
    records: list[dict[str, Any]] = []
    for e in store.entries_of(w.session, sub).values():
        if e.value is None:
            continue
        prov: dict[str, Any] = {"submission": sub.id, "entered_by": sub.created_by,
                                "reviewed_by": reviewed_by, "framework": sub.framework_code}
        if decided_by:
            prov["decided_by"] = decided_by
            prov["decision"] = decision
        if e.adjusted:
            prov["original_value"] = e.original_value
        if e.evidence_url:
            prov["evidence_url"] = e.evidence_url
        records.append({"unit_id": sub.unit_id, "indicator": e.indicator, "period": sub.period,
                        "kind": "actual", "value": e.value, "value_high": e.value_high,
                        "qualifier": e.qualifier or "eq", "provenance": prov, "note": e.note})
    return observations.record_observations(w.session, records, source_id=src.id,
                                            user=w.principal.username, status=APPROVED)


def council(w: Work, sub_id: int, expected_version: int, decision: str, comment: str,
            values: Mapping[str, str | float] | None = None) -> observations.RecordCounts:
    """The appraisal council's decision on a reviewed rubric form: "confirm" (with its own
    adjustments, each keeping the unit's value, and a reason when it adjusts) lands the figures
    approved, for publication; "return" sends the form back to the unit with the reason."""
    text = comment.strip()[:MAX_COMMENT]
    if decision not in ("confirm", "return"):
        raise InvalidInput("Quyết định của Hội đồng là confirm (thông qua) hoặc return (trả lại).",
                           "The council decides confirm or return.")
    if (decision == "return" or values) and not text:
        raise InvalidInput("Hãy ghi lý do của Hội đồng (khi trả lại hoặc điều chỉnh).",
                           "Give the council's reason (to send back or to adjust).")
    sub = _load(w, sub_id, expected_version, status="reviewed")
    before = snapshot(w, sub)
    who = w.principal.username
    if decision == "return":
        sub.status, sub.review_comment = "rejected", text
        store.add_review(w.session, Review(submission_id=sub.id, reviewer=who, action="council",
                                           comment=text, details={"decision": "return"}))
        w.record("review.council", "submission", sub.id, before=before,
                 after={**snapshot(w, sub), "decision": "return", "comment": text})
        return observations.RecordCounts(0, 0, 0)
    changed = _apply(w, sub, values or {})
    prelim = next((r.reviewer for r in reversed(store.reviews_of(w.session, sub.id))
                   if r.action in ("accept", "adjust")), who)
    counts = _land(w, sub, reviewed_by=prelim, decided_by=who, decision="confirm")
    sub.status, sub.review_comment = "accepted", text or None
    store.add_review(w.session, Review(submission_id=sub.id, reviewer=who, action="council",
                                       comment=text or None,
                                       details={"decision": "confirm", **changed}))
    w.record("review.council", "submission", sub.id, before=before,
             after={**snapshot(w, sub), "decision": "confirm", "comment": text})
    return counts


def reject(w: Work, sub_id: int, expected_version: int, comment: str) -> Submission:
    """Send a submission back to the province with a comment (required)."""
    text = reason_to_return(comment)
    sub = _load(w, sub_id, expected_version)
    before = snapshot(w, sub)
    sub.status = "rejected"
    sub.review_comment = text
    store.add_review(w.session, Review(submission_id=sub.id, reviewer=w.principal.username,
                                       action="reject", comment=text))
    w.record("review.reject", "submission", sub.id, before=before,
             after={**snapshot(w, sub), "comment": text})
    return sub


def adjust(w: Work, sub_id: int, expected_version: int, values: Mapping[str, str | float],
           comment: str) -> Submission:
    """Change figures as the ministry, typed as people write them ("0,55", "~65 %"); each entry
    keeps the province's original value."""
    text = comment.strip()[:MAX_COMMENT]
    if not text:
        raise InvalidInput("Hãy ghi lý do điều chỉnh.", "Give a reason for the adjustment.")
    sub = _load(w, sub_id, expected_version)
    before = snapshot(w, sub)
    changed = _apply(w, sub, values)
    store.add_review(w.session, Review(submission_id=sub.id, reviewer=w.principal.username,
                                       action="adjust", comment=text, details=changed))
    w.record("review.adjust", "submission", sub.id, before=before,
             after={**snapshot(w, sub), "comment": text})
    return sub


def _apply(w: Work, sub: Submission, values: Mapping[str, str | float]) -> dict[str, float]:
    """Typed adjustments read by each indicator's rule; an entry keeps its first value."""
    nodes = {n.code: n for n in framework(w, sub.framework_code).indicators()}
    entries = store.entries_of(w.session, sub)
    changed: dict[str, float] = {}
    bound = ranked(w.catalog, sub.unit_id, sub.period)
    for code, typed in values.items():
        if code not in entries or code not in nodes:
            raise InvalidInput(f"Chỉ tiêu '{code[:80]}' không có trong biểu mẫu.",
                               f"Indicator '{code[:80]}' is not in the submission.")
        if isinstance(typed, str):
            reading, probs = read_typed(nodes[code], typed, bound)
        else:  # a number a script sends
            reading = Reading(float(typed))
            probs = check(nodes[code], reading, bound)
            reading = None if probs else reading
        if reading is None:
            if not probs:
                continue  # a blank adjustment changes nothing
            raise InvalidInput(probs[0].message_vi, probs[0].message_en, probs)
        e = entries[code]
        if not e.adjusted:
            e.original_value = e.value
            e.adjusted = True
        e.value, e.value_high, e.qualifier = reading.value, reading.value_high, reading.qualifier
        changed[code] = reading.value
    return changed
