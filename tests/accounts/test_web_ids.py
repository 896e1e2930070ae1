"""Ids and versions past what a database integer holds (2⁶³, 2⁶⁴, 10²⁰, 2⁶⁶) on every route
that takes one: a 404 or 422 in the reader's language, never a 500, and no exception type in
any answer (issue 19: they gave 500 OverflowError)."""

from __future__ import annotations

import pytest

from .conftest import FW, populate
from .webkit import client, sign_in

HUGE = [2**31, 2**63 - 1, 2**63, 2**64, 10**20, 2**66, -(2**63) - 1]
ROUTES = [  # (method, path with {id}, signed in as)
    ("GET", "/entry/evidence/{id}", "reviewer"),
    ("GET", "/review/{id}", "reviewer"),
    ("POST", "/review/{id}", "reviewer"),
    ("POST", "/api/v1/review/{id}", "reviewer"),
    ("POST", "/review/extracted/{id}", "reviewer"),
    ("POST", "/api/v1/review/extracted/{id}", "reviewer"),
    ("POST", "/account/tokens/{id}/revoke", "editor"),
    ("POST", "/runs/{id}/publish", "admin"),
    ("GET", "/api/v1/runs/{id}", None),
    ("GET", "/api/v1/runs/{id}/results", None),
    ("GET", "/api/v1/ranking?run={id}", None),
    ("GET", "/api/v1/scorecards/vn34-01?run={id}", None),
    ("GET", "/province/vn34-01?run={id}", None),
    ("GET", "/?run={id}", None),
]
EXCEPTIONS = ("OverflowError", "Traceback", "ValueError", "IntegrityError", "DataError",
              "Internal Server Error")


@pytest.fixture
def web(sqlite_engine, tmp_path):
    populate(sqlite_engine)
    return sqlite_engine, tmp_path


def _clean(r) -> None:
    assert r.status_code in (404, 422), (r.request.url, r.status_code, r.text[:300])
    assert not any(e in r.text for e in EXCEPTIONS), r.text[:500]


def test_huge_ids_are_404_or_422_on_every_route(web) -> None:
    engine, tmp_path = web
    sessions = {}
    for who in {w for *_, w in ROUTES if w}:
        c = client(engine, tmp_path / who)
        sessions[who] = (c, sign_in(c, who))
    anon = client(engine, tmp_path / "anon")
    for method, path, who in ROUTES:
        c, token = sessions[who] if who else (anon, "")
        for n in HUGE:
            url = path.replace("{id}", str(n))
            if method == "GET":
                r = c.get(url)
            elif url.startswith("/api/"):
                r = c.post(url, json={"action": "accept", "version": 1},
                           headers={"x-csrf-token": token})
            else:
                r = c.post(url, data={"csrf_token": token, "action": "accept", "version": "1"})
            _clean(r)


def test_huge_versions_in_json_and_forms_are_refused(web) -> None:
    engine, tmp_path = web
    editor = client(engine, tmp_path / "e")
    token = sign_in(editor, "editor")
    form = f"/entry/{FW}/2024/vn34-01"
    for n in HUGE:
        r = editor.post(f"/api/v1{form}", json={"values": {}, "version": n},
                        headers={"x-csrf-token": token})
        _clean(r)
        assert "version" in r.json()["error"]
        r = editor.post(form, data={"csrf_token": token, "version": str(n)})
        _clean(r)
    reviewer = client(engine, tmp_path / "r")
    rt = sign_in(reviewer, "reviewer")
    for n in (2**66, 10**20):
        r = reviewer.post("/api/v1/review/1", json={"action": "accept", "version": n},
                          headers={"x-csrf-token": rt})
        _clean(r)
