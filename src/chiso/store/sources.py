"""Sources of figures (files, reports, published tables, simulations) and import batches."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chiso.store.models import FeedBatch, ImportBatch, Source


def add_source(session: Session, **fields: Any) -> Source:
    """A source, reused when one with the same kind and digest (or title and address) exists."""
    q = select(Source).where(Source.kind == fields["kind"])
    if fields.get("sha256"):
        q = q.where(Source.sha256 == fields["sha256"])
    else:
        q = q.where(Source.title == fields["title"], Source.uri == fields.get("uri"))
    found = session.scalars(q.limit(1)).first()
    if found is not None:
        return found
    src = Source(**fields)
    session.add(src)
    session.flush()
    return src


def sources(session: Session) -> Sequence[Source]:
    return session.scalars(select(Source).order_by(Source.id)).all()


def add_import_batch(session: Session, **fields: Any) -> ImportBatch:
    batch = ImportBatch(**fields)
    session.add(batch)
    session.flush()
    return batch


def feed_batch(session: Session, account: str, client_key: str) -> FeedBatch | None:
    """The feed post an account made with this key, if any."""
    return session.scalars(select(FeedBatch).where(FeedBatch.account == account,
                                                   FeedBatch.client_key == client_key)).first()


def add_feed_batch(session: Session, **fields: Any) -> FeedBatch:
    batch = FeedBatch(**fields)
    session.add(batch)
    session.flush()
    return batch
