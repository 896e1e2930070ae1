"""Security headers on every kind of answer: public pages, the API, downloads, static files,
the API documentation, 404s, 405s, 422s, an upload refused before reading, a server error, and
a cached answer replayed; HSTS only over HTTPS."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from chiso.settings import Settings
from chiso.web.app import create_app

KINDS = [
    ("GET", "/", 200),  # public page
    ("GET", "/province/vn34-01", 200),
    ("GET", "/api/v1/frameworks", 200),  # API
    ("GET", "/api/v1/units/vn34-01", 200),
    ("GET", "/api/v1/openapi.json", 200),
    ("GET", "/api/v1/docs", 200),  # API documentation
    ("GET", "/downloads/observations.csv", 200),  # downloads
    ("GET", "/downloads/datapackage.zip", 200),
    ("GET", "/static/css/chiso.css", 200),  # static files
    ("GET", "/static/vendor/echarts.min.js", 200),
    ("GET", "/login", 200),  # sign-in
    ("GET", "/changelog", 200),
    ("GET", "/no/such/page", 404),  # errors
    ("GET", "/api/v1/units/vn34-99", 404),
    ("GET", "/static/nothing.js", 404),
    ("GET", "/api/v1/units?limit=0", 422),
    ("POST", "/api/v1/frameworks", 405),
    ("GET", "/entry", 303),  # redirect to sign in
    ("POST", "/entry/dti-province-2024/2024/vn34-01/evidence", 413),  # refused unread
    ("GET", "/boom", 500),  # a server error
    ("GET", "/api/v1/boom", 500),
]


@pytest.fixture(scope="module")
def web(web_db: Any) -> Any:
    engine, _ids, folder = web_db
    app = create_app(Settings(data_dir=folder), engine=engine)

    @app.get("/boom")
    @app.get("/api/v1/boom")
    def boom() -> None:
        raise RuntimeError("a bug")

    return app


def _call(c: TestClient, method: str, path: str) -> Any:
    headers = {"content-length": str(1024**3), "content-type": "multipart/form-data; boundary=x"} \
        if method == "POST" and path.endswith("/evidence") else {}
    return c.request(method, path, headers=headers, content=b"x" if headers else None)


@pytest.mark.parametrize(("method", "path", "status"), KINDS)
def test_every_kind_of_answer_has_the_security_headers(web: Any, method: str, path: str,
                                                       status: int) -> None:
    for base, https in (("http://testserver", False), ("https://testserver", True)):
        with TestClient(web, base_url=base, follow_redirects=False,
                        raise_server_exceptions=False) as c:
            for _ in range(2):  # the second may be a cache hit: replayed with the headers too
                r = _call(c, method, path)
                assert r.status_code == status, (path, r.text[:300])
                h = r.headers
                csp = h["content-security-policy"]
                assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split(
                    "script-src")[1].split(";")[0]
                assert "frame-ancestors 'none'" in csp and h["x-frame-options"] == "DENY"
                assert h["x-content-type-options"] == "nosniff"
                assert h["referrer-policy"] == "same-origin"
                assert ("strict-transport-security" in h) is https
                if status >= 500:
                    assert "RuntimeError" not in r.text and "a bug" not in r.text
