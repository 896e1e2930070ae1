"""`chiso publish FRAMEWORK PERIOD --as USER` on a real data directory."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from typer.testing import CliRunner

from chiso.cli import app
from chiso.errors import Forbidden
from chiso.settings import Settings
from chiso.store import audit, db
from chiso.store.models import Observation
from chiso.workflow import accounts, extracted
from chiso.workspace import Workspace
from support import as_user

from .conftest import load_report, populate


def test_publish_as_a_ministry_account(tmp_path: Path) -> None:
    ws = Workspace(Settings(data_dir=tmp_path))
    db.upgrade(ws.engine)
    populate(ws.engine)
    ids = load_report(ws.engine)
    with db.transaction(ws.engine) as s:
        extracted.decide_many(as_user(s, "reviewer"), [ids["coverage_4g_pop:actual"],
                                                       ids["fiber_households_share:target"]],
                              "accept")
        accounts.disable_user(as_user(s, "admin"), "admin")
    run = CliRunner().invoke
    d = ["--data-dir", str(tmp_path)]

    r = run(app, ["publish", "chiso-core", "2024", "--as", "editor", *d])
    assert r.exit_code != 0 and isinstance(r.exception, Forbidden)
    r = run(app, ["publish", "chiso-core", "2024", "--as", "admin", *d])
    assert r.exit_code != 0 and "disabled" in str(r.exception)
    r = run(app, ["publish", "chiso-core", "2024", "--as", "reviewer", "--note", "Công bố thử", *d])
    assert r.exit_code == 0, r.output
    assert "lần / release 1" in r.output and "added 2" in r.output
    r = run(app, ["publish", "chiso-core", "2024", "--as", "reviewer", *d])
    assert r.exit_code != 0 and "Nothing has changed" in str(r.exception)

    with db.session_factory(ws.engine)() as s:
        public = s.scalars(select(Observation).where(Observation.is_public.is_(True))).all()
        assert sorted((o.indicator, o.kind, o.value) for o in public) == [
            ("coverage_4g_pop", "actual", 99.5), ("fiber_households_share", "target", 80.0)]
        rec = audit.entries(s, action="publish")
        assert [(a.actor, a.ip, a.after["figures"]) for a in rec] == [("reviewer", "cli", 2)]
