"""A unit of work lands whole or not at all, savepoints included."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from chiso.store import db
from chiso.store.models import Source


class Crash(Exception):
    pass


def _sources(engine) -> int:
    with db.transaction(engine) as s:
        return int(s.scalar(select(func.count()).select_from(Source)) or 0)


@pytest.mark.parametrize("read_first", [True, False])
def test_a_released_savepoint_is_undone_when_the_transaction_fails(engine,
                                                                   read_first: bool) -> None:
    """On SQLite the savepoint may be the first statement that writes; its RELEASE must not commit
    (as Python's sqlite3 would do on its own: entry.save adds a submission in a savepoint, then
    its figures; a crash in between left a submission without figures)."""
    with pytest.raises(Crash), db.transaction(engine) as s:
        if read_first:
            s.execute(select(func.count()).select_from(Source))
        with s.begin_nested():
            s.add(Source(kind="manual", title="in a savepoint"))
            s.flush()
        s.add(Source(kind="manual", title="after it"))
        s.flush()
        raise Crash
    assert _sources(engine) == 0
    with db.transaction(engine) as s, s.begin_nested():
        s.add(Source(kind="manual", title="kept"))
    assert _sources(engine) == 1
