"""A chiso workspace: the settings, the database, and setting it up (frameworks, units)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from sqlalchemy import Engine

from chiso.settings import Settings
from chiso.store import db


@dataclass
class Workspace:
    """What every face of chiso (CLI, web, reports) works on."""

    settings: Settings
    _engine: Engine | None = field(default=None, repr=False)

    @cached_property
    def engine(self) -> Engine:
        if self._engine is not None:
            return self._engine
        if not self.settings.database_url:
            self.settings.ensure_data_dir()
        return db.make_engine(self.settings.db_url)

    def init(self) -> dict[str, int]:
        """Migrate the schema to head and load the shipped frameworks and units (idempotent)."""
        from chiso.workflow.setup import initialise

        return initialise(self.engine)

    def ready(self) -> Engine:
        """The engine, after checking the schema is there and current."""
        db.require_schema(self.engine)
        return self.engine
