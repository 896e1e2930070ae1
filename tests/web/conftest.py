"""Web fixtures: a real SQLite database filled through the models, and the real ASGI app."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from chiso.settings import Settings
from chiso.store import db
from chiso.web.app import create_app

sys.path.insert(0, str(Path(__file__).parent))
from web_fixture import build


@pytest.fixture(scope="session")
def web_db(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Engine, dict[str, Any], Path]]:
    """One filled database for the session (the web only reads)."""
    folder = tmp_path_factory.mktemp("web")
    engine = db.make_engine(f"sqlite:///{folder / 'chiso.sqlite'}")
    db.upgrade(engine)
    ids = build(engine)
    yield engine, ids, folder
    engine.dispose()


@pytest.fixture(scope="session")
def ids(web_db: tuple[Engine, dict[str, Any], Path]) -> dict[str, Any]:
    return web_db[1]


@pytest.fixture(scope="session")
def app(web_db: tuple[Engine, dict[str, Any], Path]) -> Any:
    engine, _ids, folder = web_db
    return create_app(Settings(data_dir=folder), engine=engine)


@pytest.fixture
def client(app: Any) -> Iterator[TestClient]:
    """A fresh client per test (no cookie carried over from another test)."""
    with TestClient(app) as c:
        yield c
