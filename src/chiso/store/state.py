"""What the database holds right now, as short tokens that change whenever it changes."""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from chiso.store.models import FrameworkRecord, IndexRun, LineageEvent, Observation, Source, Unit


def data_version(engine: Engine) -> str:
    """A short token that changes when figures, runs, frameworks, units or sources change.

    Observations and runs are only ever appended (revisions never overwrite), so their
    largest ids, with the unit and lineage counts, identify the state of the database.
    """
    with engine.connect() as conn:
        row = conn.execute(
            select(
                select(func.max(Observation.id)).scalar_subquery(),
                select(func.count()).select_from(Observation).scalar_subquery(),
                select(func.max(IndexRun.id)).scalar_subquery(),
                select(func.count()).select_from(IndexRun).scalar_subquery(),
                select(func.max(FrameworkRecord.id)).scalar_subquery(),
                select(func.count()).select_from(Unit).scalar_subquery(),
                select(func.count()).select_from(LineageEvent).scalar_subquery(),
                select(func.count()).select_from(Source).scalar_subquery(),
            )
        ).one()
    return "-".join("0" if v is None else str(v) for v in row)
