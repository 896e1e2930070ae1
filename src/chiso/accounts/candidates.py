"""Figures extracted from reports, reviewed on the web by the ministry's reviewers.

The same decisions as `chiso review` (chiso.extract.review: accept, correct, reject, each
written to the audit log; only accepted figures become approved observations, which a
publication then makes public), taken by a signed-in reviewer with the 'review' permission and
checked like entered figures (a percentage within 0–100, counts whole and non-negative).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chiso.accounts.entry import Conflict, EntryError, check_value
from chiso.accounts.users import Principal
from chiso.errors import ExtractionError
from chiso.extract import review as rv
from chiso.framework import Node, load_framework, shipped_ids
from chiso.numbers import parse_number
from chiso.store.models import Observation, Source

ACTIONS = ("accept", "correct", "reject")


def waiting(session: Session, limit: int = 500) -> Sequence[tuple[Observation, Source | None]]:
    """Extracted figures waiting for review, with their report, oldest first."""
    return session.execute(
        select(Observation, Source).outerjoin(Source, Observation.source_id == Source.id)
        .where(Observation.is_current.is_(True), Observation.status == rv.DRAFT)
        .order_by(Observation.id).limit(limit)
    ).all()


def count_waiting(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Observation).where(
        Observation.is_current.is_(True), Observation.status == rv.DRAFT)) or 0)


@functools.cache
def indicators() -> dict[str, Node]:
    """Every indicator of the shipped frameworks by code (names, unit, rules for checking)."""
    out: dict[str, Node] = {}
    for fw_id in shipped_ids():
        for node in load_framework(fw_id).indicators():
            out.setdefault(node.code, node)
    return out


def decide(session: Session, who: Principal, obs_id: int, action: str, value: str = "", *,
           ip: str | None = None) -> Observation:
    """Accept, correct (with the value typed, in Vietnamese or plain format) or reject a draft.

    A draft another reviewer has just decided is a conflict: the second decision changes
    nothing and says so. Returns the new revision.
    """
    who.require("review")
    if action not in ACTIONS:
        raise EntryError("Hành động không hợp lệ.", "Unknown action.")
    obs = session.get(Observation, obs_id)
    if obs is None or "quote" not in (obs.provenance or {}):
        raise EntryError(f"Không có số liệu trích từ báo cáo mang mã {obs_id}.",
                         f"No figure extracted from a report has id {obs_id}.")
    if not obs.is_current or obs.status != rv.DRAFT:
        raise Conflict(
            f"Số liệu #{obs_id} không còn chờ duyệt (có thể người khác vừa duyệt); hãy tải lại trang.",
            f"Figure #{obs_id} is no longer waiting for review (someone may have just decided "
            "it); reload the page.")
    if action == "correct":
        try:
            q = parse_number(value.strip())
        except ValueError as err:
            raise EntryError(f"Giá trị sửa không đọc được: {str(err)[:200]}",
                             f"The corrected value cannot be read: {str(err)[:200]}") from None
        node = indicators().get(obs.indicator)
        problems = check_value(node, q.value) if node is not None else []
        if q.value_high is not None and node is not None:
            problems += check_value(node, q.value_high)
        if problems:
            raise EntryError(problems[0].message_vi, problems[0].message_en, problems)
    try:
        if action == "correct":
            return rv.correct(session, obs_id, value.strip(), who.username, ip=ip)
        (rv.accept if action == "accept" else rv.reject)(session, [obs_id], who.username, ip=ip)
    except ExtractionError as err:
        raise EntryError(err.message_vi, err.message_en, err.problems) from None
    new = session.scalar(select(Observation).where(Observation.series_key == obs.series_key,
                                                   Observation.is_current.is_(True)))
    assert new is not None
    return new
