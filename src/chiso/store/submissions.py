"""Data-entry forms in the store: submissions, their entries and evidence, and reviews."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from chiso.store.models import utcnow
from chiso.store.models_workflow import Entry, Evidence, Review, Submission


def find(session: Session, fw_code: str, period: str, unit_id: str) -> Submission | None:
    return session.scalar(select(Submission).where(
        Submission.framework_code == fw_code, Submission.period == period,
        Submission.unit_id == unit_id))


def get(session: Session, sub_id: int) -> Submission | None:
    return session.get(Submission, sub_id)


def of_period(session: Session, period: str) -> Sequence[Submission]:
    return session.scalars(select(Submission).where(Submission.period == period)).all()


def queue(session: Session, status: str) -> list[Submission]:
    return list(session.scalars(select(Submission).where(Submission.status == status)
                                .order_by(Submission.submitted_at, Submission.id)))


def add(session: Session, sub: Submission) -> bool:
    """Insert a new form; False when another one for the same framework, period and unit won."""
    try:
        with session.begin_nested():
            session.add(sub)
            session.flush()
    except IntegrityError:
        return False
    return True


def bump(session: Session, sub: Submission, expected_version: int, by: str) -> bool:
    """Move a form to its next version if it is still at `expected_version` (optimistic lock)."""
    done = session.execute(
        update(Submission)
        .where(Submission.id == sub.id, Submission.version == expected_version)
        .values(version=Submission.version + 1, updated_by=by, updated_at=utcnow())
        .execution_options(synchronize_session=False))
    if done.rowcount != 1:  # type: ignore[attr-defined]
        return False
    session.refresh(sub)
    return True


def entries_of(session: Session, sub: Submission | None) -> dict[str, Entry]:
    if sub is None:
        return {}
    return {e.indicator: e for e in session.scalars(
        select(Entry).where(Entry.submission_id == sub.id))}


def add_entry(session: Session, entry: Entry) -> None:
    session.add(entry)


def evidence_of(session: Session, sub: Submission | None) -> Sequence[Evidence]:
    if sub is None:
        return []
    return session.scalars(select(Evidence).where(Evidence.submission_id == sub.id)).all()


def evidence(session: Session, evidence_id: int) -> Evidence | None:
    return session.get(Evidence, evidence_id)


def add_evidence(session: Session, ev: Evidence) -> Evidence:
    session.add(ev)
    session.flush()
    return ev


def add_review(session: Session, review: Review) -> None:
    session.add(review)


def reviews_of(session: Session, sub_id: int) -> list[Review]:
    return list(session.scalars(select(Review).where(Review.submission_id == sub_id)
                                .order_by(Review.id.desc())))
