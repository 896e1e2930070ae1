"""Engines and sessions: SQLite (WAL, foreign keys, Vietnamese collation) or PostgreSQL."""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.elements import ColumnElement

from chiso.errors import StoreError

MIGRATIONS = Path(__file__).parent / "migrations"

# Vietnamese alphabetical order: the 29 letters, then tones in the conventional order.
_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_TONES = {"\u0300": 2, "\u0301": 4, "\u0303": 3, "\u0309": 1, "\u0323": 5}  # huyền sắc ngã hỏi nặng
_BASE = {"\u0306": {"a": "ă"}, "\u0302": {"a": "â", "e": "ê", "o": "ô"},
         "\u031b": {"o": "ơ", "u": "ư"}}


def vi_sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """A sort key in Vietnamese dictionary order (letters first, tones break ties)."""
    letters: list[int] = []
    tones: list[int] = []
    for ch in unicodedata.normalize("NFD", text.casefold()):
        if ch in _TONES:
            if tones:
                tones[-1] = _TONES[ch]
            continue
        if ch in _BASE and letters:
            prev = _LETTERS[letters[-1]] if 0 <= letters[-1] < len(_LETTERS) else ""
            if prev in _BASE[ch]:
                letters[-1] = _LETTERS.index(_BASE[ch][prev])
            continue
        pos = _LETTERS.find(ch)
        # spaces, punctuation and digits sort before letters, as in ICU
        letters.append(pos if pos >= 0 else ord(ch) - 0x110000)
        tones.append(0)
    return tuple(letters), tuple(tones)


def _vi_collate(a: str, b: str) -> int:
    ka, kb = vi_sort_key(a), vi_sort_key(b)
    return (ka > kb) - (ka < kb)


# The web app runs its endpoints on AnyIO's 40 worker threads; each may hold a connection,
# so the pool must offer 40 (10 kept open, 30 more on demand) or requests wait and fail.
POOL_SIZE, MAX_OVERFLOW = 10, 30


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for the URL; SQLite gets WAL, foreign keys and the 'vi' collation."""
    if "poolclass" not in kwargs and ":memory:" not in url and "mode=memory" not in url:
        kwargs.setdefault("pool_size", POOL_SIZE)
        kwargs.setdefault("max_overflow", MAX_OVERFLOW)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30}, **kwargs)

        @event.listens_for(engine, "connect")
        def _sqlite_setup(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
            dbapi_conn.create_collation("vi", _vi_collate)
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        @event.listens_for(engine, "savepoint")
        def _begin_before_savepoint(conn: Any, _name: str) -> None:
            # Python's sqlite3 opens a transaction only before INSERT/UPDATE/DELETE. A SAVEPOINT
            # issued before any of them would open its own transaction, and its RELEASE would
            # commit at once: the savepoint's rows would outlive a rollback of the whole unit
            # of work (the crash test found a submission saved without its figures).
            dbapi_conn = conn.connection.dbapi_connection
            if not dbapi_conn.in_transaction:
                dbapi_conn.execute("BEGIN")

        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


def vi_order(column: ColumnElement[Any], engine: Engine) -> ColumnElement[Any]:
    """Order by a column in Vietnamese order, with the collation each database offers."""
    if engine.dialect.name == "sqlite":
        return column.collate("vi")
    if engine.dialect.name == "postgresql":
        return column.collate("vi-x-icu")
    return column


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """A session whose work lands whole on success or not at all on any error."""
    with session_factory(engine)() as session, session.begin():
        yield session


def alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database schema up to a revision (default: the newest)."""
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    from alembic import command

    command.downgrade(alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision(engine: Engine) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def require_schema(engine: Engine) -> None:
    """Fail with a clear message if the database is missing or not migrated to head."""
    if "alembic_version" not in inspect(engine).get_table_names():
        raise StoreError(
            "Cơ sở dữ liệu chưa được khởi tạo. Hãy chạy: chiso init",
            "The database is not initialised. Run: chiso init",
        )
    cur, head = current_revision(engine), head_revision(engine)
    if cur != head:
        raise StoreError(
            f"Cơ sở dữ liệu ở phiên bản {cur}, cần {head}. Hãy chạy: chiso init",
            f"The database schema is at {cur}, chiso needs {head}. Run: chiso init",
        )
