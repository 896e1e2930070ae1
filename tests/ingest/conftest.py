"""Fixtures for import/export: a database holding the shipped administrative units."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import Engine

from chiso.ingest.load import registry_resolver
from chiso.store import db, repo
from chiso.units.registry import Registry

Resolver = Callable[[str, date], str]


@pytest.fixture
def units_db(engine: Engine) -> tuple[Engine, Resolver]:
    """A migrated database with every shipped unit, and the resolver `chiso import` uses."""
    reg = Registry.load()
    with db.transaction(engine) as s:
        repo.sync_units(s, reg.all_units(), reg.lineage_events())
    return engine, registry_resolver()

