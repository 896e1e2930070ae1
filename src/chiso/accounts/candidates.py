"""Figures extracted from reports, reviewed on the web by the ministry's reviewers.

The same decisions as `chiso review` (chiso.extract.review.decide: accept, correct, reject,
each checked like an imported figure and written to the audit log; only accepted figures
become approved observations, which a publication then makes public), taken by a signed-in
reviewer with the 'review' permission.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chiso.accounts.entry import Conflict, EntryError
from chiso.accounts.users import Principal
from chiso.errors import ExtractionError
from chiso.extract import review as rv
from chiso.store.models import Observation, Source


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


def decide(session: Session, who: Principal, obs_id: int, action: str, value: str = "", *,
           ip: str | None = None) -> Observation:
    """Accept, correct (with the value typed, in Vietnamese or plain format) or reject a draft.

    A draft another reviewer has just decided is a conflict: the second decision changes
    nothing and says so. Returns the new revision.
    """
    who.require("review")
    obs = session.get(Observation, obs_id)
    if obs is None or "quote" not in (obs.provenance or {}):
        raise EntryError(f"Không có số liệu trích từ báo cáo mang mã {obs_id}.",
                         f"No figure extracted from a report has id {obs_id}.")
    if not obs.is_current or obs.status != rv.DRAFT:
        raise Conflict(
            f"Số liệu #{obs_id} không còn chờ duyệt (có thể người khác vừa duyệt); hãy tải lại trang.",
            f"Figure #{obs_id} is no longer waiting for review (someone may have just decided "
            "it); reload the page.")
    try:
        return rv.decide(session, obs_id, action, who.username, value=value.strip(), ip=ip)
    except ExtractionError as err:
        raise EntryError(err.message_vi, err.message_en, err.problems) from None
