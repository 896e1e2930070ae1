"""Helpers for web tests: an app over a world, signing in, reading CSRF tokens from pages."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from chiso.settings import Settings
from chiso.web.app import create_app

from .conftest import PASSWORD

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def client(engine, tmp_path: Path) -> TestClient:
    app = create_app(Settings(data_dir=tmp_path / "data"), engine, cache=True)
    return TestClient(app, base_url="https://testserver", follow_redirects=False)


def csrf_of(html: str) -> str:
    m = CSRF.search(html)
    assert m, "no CSRF token on the page"
    return m.group(1)


def sign_in(c: TestClient, username: str, password: str = PASSWORD) -> str:
    """Sign in through the form; returns the session's CSRF token."""
    r = c.get("/login")
    r = c.post("/login", data={"username": username, "password": password,
                               "csrf_token": csrf_of(r.text), "next": "/account"})
    assert r.status_code == 303, r.text[:500]
    return csrf_of(c.get("/account").text)


def filled_template(fw_id: str, unit_id: str, unit_name: str, period: str,
                    values: dict[str, float]) -> bytes:
    """chiso's import template for one unit, filled in on its long ('Dọc') sheet."""
    import io

    from openpyxl import load_workbook

    from chiso.framework import load_framework
    from chiso.ingest.template import write_template

    path = write_template(load_framework(fw_id), Path(f"/tmp/chiso-test-{uuid()}.xlsx"),
                          [(unit_id, unit_name)])
    wb = load_workbook(path)
    path.unlink()
    ws = wb["Dọc"]
    for i, (code, v) in enumerate(values.items(), start=2):
        ws.cell(i, 1, unit_name)
        ws.cell(i, 2, code)
        ws.cell(i, 3, period)
        ws.cell(i, 4, "actual")
        ws.cell(i, 5, v)
        ws.cell(i, 10, "từ tệp")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def uuid() -> str:
    import uuid as _uuid

    return _uuid.uuid4().hex
