"""What the database holds right now, as short tokens that change whenever it changes."""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from chiso.store.models import FrameworkRecord, IndexRun, LineageEvent, Observation, Source, Unit
from chiso.store.models_projects import BenefitRealised, ItSpending, Platform, Project


def data_version(engine: Engine) -> str:
    """A short token that changes when figures, runs, frameworks, units, sources or the project
    register change.

    Observations and runs are only ever appended (revisions never overwrite), so their
    largest ids, with the unit and lineage counts, identify the state of the database. Projects
    are updated in place, and every write sets their `updated_at`.
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
                select(func.count()).select_from(Project).scalar_subquery(),
                select(func.max(Project.updated_at)).scalar_subquery(),
                select(func.max(BenefitRealised.entered_at)).scalar_subquery(),
                select(func.count()).select_from(ItSpending).scalar_subquery(),
                select(func.count()).select_from(Platform).scalar_subquery(),
            )
        ).one()
    return "-".join("0" if v is None else str(v).replace(" ", "T") for v in row)
