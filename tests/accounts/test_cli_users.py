"""`chiso users add|list|disable|token` on a real data directory."""

from __future__ import annotations

from pathlib import Path

import typer
from typer.testing import CliRunner

from chiso.cli.users import register
from chiso.settings import Settings
from chiso.store import db
from chiso.workflow import accounts
from chiso.workspace import Workspace

from .conftest import PASSWORD, populate


def test_users_commands(tmp_path: Path) -> None:
    ws = Workspace(Settings(data_dir=tmp_path))
    db.upgrade(ws.engine)
    populate(ws.engine)
    app = typer.Typer()
    register(app)

    @app.callback()
    def _root() -> None:
        """test root"""

    run = CliRunner().invoke
    d = ["--data-dir", str(tmp_path)]
    r = run(app, ["users", "add", "hn.nhap", "--role", "province_editor", "--unit", "vn34-01",
                  "--name", "Nguyễn Văn A", "--password-stdin", *d], input=PASSWORD + "\n")
    assert r.exit_code == 0, r.output
    r = run(app, ["users", "add", "x", "--role", "province_editor", "--password-stdin", *d],
            input=PASSWORD + "\n")
    assert r.exit_code != 0
    r = run(app, ["users", "add", "weak", "--role", "viewer", "--password-stdin", *d],
            input="123\n")
    assert r.exit_code != 0
    r = run(app, ["users", "list", *d])
    assert "hn.nhap" in r.output and "vn34-01" in r.output and "province_editor" in r.output
    r = run(app, ["users", "token", "hn.nhap", "--scope", "entry", *d])
    assert r.exit_code == 0, r.output
    secret = r.output.strip().splitlines()[-1]
    assert secret.startswith("chiso_")
    with db.transaction(ws.engine) as s:
        assert accounts.authenticate(s, secret) is not None
    assert run(app, ["users", "disable", "hn.nhap", *d]).exit_code == 0
    with db.transaction(ws.engine) as s:
        assert accounts.authenticate(s, secret) is None
    assert "hn.nhap" in run(app, ["users", "list", *d]).output
