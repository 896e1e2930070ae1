"""Fixtures for import/export: a database holding the shipped administrative units."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import Engine

from chiso.ingest.load import registry_resolver
from chiso.store import db
from chiso.units.registry import Registry
from chiso.workflow.setup import load_units
from support import seed_frameworks

Resolver = Callable[[str, date], str]


@pytest.fixture
def units_db(engine: Engine) -> tuple[Engine, Resolver]:
    """A migrated database with the shipped frameworks and every shipped unit, and the
    resolver `chiso import` uses."""
    seed_frameworks(engine)
    with db.transaction(engine) as s:
        load_units(s)
    return engine, registry_resolver(Registry.load())

