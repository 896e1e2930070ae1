"""The JSON write API of the project register, /api/v1/entry/projects: a project and its cash
flows created (201) and revised (200) with the browser entry's rules, rights, CSRF and token
rules and audit; and every refusal in the one error shape: 401/403 (no right, no CSRF), 404 (no
such project to revise), 409 (it exists, or someone saved it meanwhile), 422 (a bad value, named
by its place in the JSON, and nothing saved)."""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from accounts.conftest import populate
from accounts.webkit import client, sign_in
from chiso.settings import Settings
from chiso.store import audit, db
from chiso.store import projects as store
from chiso.web.app import create_app
from chiso.workflow import accounts
from support import as_cli

URL = "/api/v1/entry/projects"
BODY = {"version": 0, "project": {"code": "HCM-API", "name": "Cổng dữ liệu mở", "unit": "vn34-79",
                                  "start_year": 2025, "platforms": ["Zavi"], "rate": "3,5 %"},
        "flows": [{"year": 2025, "kind": "cost", "category": "capital", "item": "phần mềm",
                   "amount": "2 tỷ", "high": 3e9},
                  {"year": 2026, "kind": "Lợi ích", "category": "cash_saving", "item": "giấy",
                   "amount": 1.5e9}],
        "benefits": [{"item": "giấy", "owner": "Văn phòng"}],
        "unit_costs": [{"platform": "Zavi", "unit": "điểm cầu/năm", "quantity": 20,
                        "unit_price": "3 triệu"}]}


def _shape(body: dict, status: int) -> None:
    assert body["ok"] is False and body["status"] == status
    assert set(body) == {"ok", "error", "errors", "status", "message"}
    assert body["message"]["vi"] and body["message"]["en"]


def _rows(engine: Engine) -> list[dict]:
    with db.session_factory(engine)() as s:
        return [store.as_data(p) | {"v": p.version, "review": p.review_status}
                for p in store.register(s, store.RegisterFilter(view="current"))]


def test_create_revise_and_every_refusal(sqlite_engine: Engine, tmp_path: Path) -> None:
    populate(sqlite_engine)
    c = client(sqlite_engine, tmp_path)
    token = sign_in(c, "editor2")
    h = {"x-csrf-token": token}
    # 422: one bad value, named by where it is in the JSON; nothing saved
    bad = deepcopy(BODY)
    bad["flows"][0]["amount"] = "2 tỷ x"
    r = c.post(URL, json=bad, headers=h)
    assert r.status_code == 422
    _shape(r.json(), 422)
    (p,) = r.json()["errors"]
    assert (p["field"], p["value"]) == ("flows[0].amount", "2 tỷ x")
    assert "không phải đơn vị tiền" in p["message_vi"] and "not a currency" in p["message_en"]
    assert _rows(sqlite_engine) == []
    r = c.post(URL, json={**BODY, "flows": "2 tỷ"}, headers=h)
    assert r.status_code == 422 and "flows" in r.json()["message"]["en"]
    # 403: a cookie session without its CSRF header
    r = c.post(URL, json=BODY)
    assert r.status_code == 403
    _shape(r.json(), 403)
    # 201: created, as a draft, audited
    r = c.post(URL, json=BODY, headers=h)
    assert r.status_code == 201, r.text
    assert r.json() == {"ok": True, "code": "HCM-API", "created": True, "review_status": "draft",
                        "version": 1, "unchanged": False}
    (row,) = _rows(sqlite_engine)
    assert [(f["year"], f["amount"]) for f in row["flows"]] == [(0, 2e9), (1, 1.5e9)]
    assert row["rate"] == 0.035 and row["unit_costs"][0]["unit_price"] == 3e6
    assert row["benefits"][0]["owner"] == "Văn phòng"
    # 409: created again with version 0
    r = c.post(URL, json=BODY, headers=h)
    assert r.status_code == 409
    _shape(r.json(), 409)
    # 200: revised at the version read back, and submitted
    got = c.get(f"{URL}/HCM-API").json()
    assert got["version"] == 1 and got["project"]["flows"][0]["high"] == 3e9
    revised = deepcopy(BODY) | {"version": got["version"], "submit": True}
    revised["flows"][1]["amount"] = "1,8 tỷ"
    r = c.post(URL, json=revised, headers=h)
    assert r.status_code == 200 and r.json()["review_status"] == "submitted"
    assert r.json()["version"] == 2 and r.json()["created"] is False
    # 409: a second save at the stale version (someone saved in between)
    stale = deepcopy(revised)
    stale["flows"][1]["amount"] = "2 tỷ"
    r = c.post(URL, json=stale, headers=h)
    assert r.status_code == 422 and "waiting for review" in r.json()["message"]["en"]
    # 404: revising a project that does not exist; reading one
    r = c.post(URL, json={**BODY, "version": 3, "project": {**BODY["project"], "code": "KHONG"}},
               headers=h)
    assert r.status_code == 404
    _shape(r.json(), 404)
    assert c.get(f"{URL}/KHONG").status_code == 404
    with db.session_factory(sqlite_engine)() as s:
        acts = [a.action for a in audit.entries(s, target_type="project", limit=100)]
    assert sorted(acts) == ["project.create", "project.update"]


def test_a_stale_version_is_a_conflict_and_changes_nothing(sqlite_engine: Engine,
                                                           tmp_path: Path) -> None:
    populate(sqlite_engine)
    c = client(sqlite_engine, tmp_path)
    h = {"x-csrf-token": sign_in(c, "editor2")}
    assert c.post(URL, json=BODY, headers=h).status_code == 201
    one = deepcopy(BODY) | {"version": 1}
    one["flows"][0]["amount"] = "2,5 tỷ"
    assert c.post(URL, json=one, headers=h).status_code == 200
    before = _rows(sqlite_engine)
    two = deepcopy(BODY) | {"version": 1}
    two["flows"][0]["amount"] = "2,8 tỷ"
    r = c.post(URL, json=two, headers=h)
    assert r.status_code == 409
    _shape(r.json(), 409)
    assert _rows(sqlite_engine) == before


def test_rights_follow_the_browser_entry(sqlite_engine: Engine, tmp_path: Path) -> None:
    """Another province's unit, a role without entry, a read-only token: 403; a token with
    'entry' needs no CSRF; no credentials: 401."""
    populate(sqlite_engine)
    other = deepcopy(BODY)
    other["project"] |= {"code": "HN-API", "unit": "vn34-01"}
    c = client(sqlite_engine, tmp_path)
    h = {"x-csrf-token": sign_in(c, "editor2")}
    r = c.post(URL, json=other, headers=h)
    assert r.status_code == 403
    _shape(r.json(), 403)
    for role in ("viewer", "reviewer"):
        c.cookies.clear()
        h = {"x-csrf-token": sign_in(c, role)}
        assert c.post(URL, json=BODY, headers=h).status_code == 403, role
    c.cookies.clear()
    r = c.post(URL, json=BODY)
    assert r.status_code == 401
    _shape(r.json(), 401)
    with db.transaction(sqlite_engine) as s:
        user = accounts.require_user(s, "editor2")
        _t, entry = accounts.create_token(as_cli(s), user, "e", ["entry"])
        _t, read = accounts.create_token(as_cli(s), user, "r", ["read"])
    t = TestClient(create_app(Settings(), sqlite_engine), base_url="https://testserver")
    assert t.post(URL, json=BODY, headers={"authorization": f"Bearer {read}"}).status_code == 403
    r = t.post(URL, json=BODY, headers={"authorization": f"Bearer {entry}"})
    assert r.status_code == 201, r.text
    assert [p["code"] for p in _rows(sqlite_engine)] == ["HCM-API"]
    # the ministry's admin may enter for any province; its save lands accepted (as a reviewer's)
    c.cookies.clear()
    h = {"x-csrf-token": sign_in(c, "admin")}
    r = c.post(URL, json=other, headers=h)
    assert r.status_code == 201 and r.json()["review_status"] == "accepted"


def test_the_openapi_documents_the_write_api(sqlite_engine: Engine) -> None:
    spec = TestClient(create_app(Settings(), sqlite_engine)).get("/api/v1/openapi.json").json()
    op = spec["paths"][URL]["post"]
    assert {"200", "201", "401", "403", "404", "409", "422"} <= set(op["responses"])
    example = op["requestBody"]["content"]["application/json"]["example"]
    assert example["project"]["code"] and example["flows"] and example["unit_costs"]
    assert "get" in spec["paths"][URL + "/{code}"]
