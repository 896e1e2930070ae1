"""Publications in the store: what each release of a period made public, and the changelog."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chiso.store.models_workflow import ChangelogEntry, Publication, PublishedFigure


def latest(session: Session, fw_code: str, period: str) -> Publication | None:
    return session.scalar(select(Publication).where(
        Publication.framework_code == fw_code, Publication.period == period)
        .order_by(Publication.number.desc()).limit(1))


def figures(session: Session, pub: Publication | None) -> dict[str, PublishedFigure]:
    if pub is None:
        return {}
    return {f.series_key: f for f in session.scalars(
        select(PublishedFigure).where(PublishedFigure.publication_id == pub.id))}


def next_number(session: Session, fw_code: str, period: str) -> int:
    return int(session.scalar(select(func.max(Publication.number)).where(
        Publication.framework_code == fw_code, Publication.period == period)) or 0) + 1


def add(session: Session, pub: Publication, figures_: Iterable[PublishedFigure],
        changes: Iterable[ChangelogEntry]) -> Publication:
    session.add(pub)
    session.flush()
    for row in (*figures_, *changes):
        row.publication_id = pub.id
        session.add(row)
    session.flush()
    return pub


def changelog(session: Session, limit: int = 50) -> list[tuple[Publication, list[ChangelogEntry]]]:
    """The latest publications, newest first, each with what it changed."""
    pubs = session.scalars(select(Publication).order_by(Publication.id.desc()).limit(limit)).all()
    out = []
    for p in pubs:
        rows = session.scalars(select(ChangelogEntry).where(ChangelogEntry.publication_id == p.id)
                               .order_by(ChangelogEntry.unit_id, ChangelogEntry.indicator)).all()
        out.append((p, list(rows)))
    return out
