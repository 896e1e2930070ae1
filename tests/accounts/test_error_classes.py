"""Every class of chiso's error tree answers on the API with its own status, in the one JSON
shape, with its message whole in Vietnamese and in English."""

from __future__ import annotations

from pathlib import Path

import pytest

from chiso import errors
from chiso.store import db
from chiso.web.responses import answer
from chiso.workflow import accounts
from support import as_cli

from .conftest import FW
from .webkit import client, sign_in

STATUS = {errors.InvalidInput: 422, errors.FrameworkError: 422, errors.UnitError: 422,
          errors.DataFileError: 422, errors.ExtractionError: 422, errors.ComputeError: 422,
          errors.AuthError: 401, errors.Forbidden: 403, errors.FormExpired: 403,
          errors.NotFound: 404,
          errors.Conflict: 409, errors.TooLarge: 413, errors.TooMany: 429,
          errors.StoreError: 503, errors.ClusterError: 503}


def test_every_class_of_the_tree_has_its_status() -> None:
    subclasses = set()
    todo = [errors.ChisoError]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            if sub.__module__ == "chiso.errors":
                subclasses.add(sub)
                todo.append(sub)
    assert subclasses == set(STATUS), "a new error class needs its status here"
    for cls, status in STATUS.items():
        a = answer(cls("Tiếng Việt có dấu", "in English", [errors.Problem("chỗ", "where")]))
        assert (a.status, a.vi, a.en) == (status, "Tiếng Việt có dấu", "in English")
        assert a.errors == [{"message_vi": "chỗ", "message_en": "where"}]


def _shape(r, status: int) -> dict:
    body = r.json()
    assert r.status_code == status, r.text[:300]
    assert body["ok"] is False and body["status"] == status
    assert set(body) >= {"ok", "error", "errors", "status", "message"}
    vi, en = body["message"]["vi"], body["message"]["en"]
    assert vi and en and vi != en
    return body


def _no_english_in(vi: str) -> None:
    for word in ("Input should", "field required", "not found", "Invalid"):
        assert word not in vi, vi


@pytest.fixture
def web(sqlite_world, tmp_path: Path):
    return client(sqlite_world.engine, tmp_path)


def test_not_found_is_404_for_every_kind_of_missing_thing(web) -> None:
    for url in ("/api/v1/frameworks/nope", "/api/v1/published/nope/2024",
                "/api/v1/units/nope", "/api/v1/runs/12345", "/api/v1/nothing-here"):
        _shape(web.get(url), 404)


def test_invalid_parameters_are_422_in_both_languages(web) -> None:
    body = _shape(web.get("/api/v1/units", params={"limit": "many"}), 422)
    _no_english_in(body["message"]["vi"])
    _no_english_in(body["errors"][0]["message_vi"])
    body = _shape(web.get("/api/v1/runs/99999999999999999999"), 422)  # over 32 bits: refused
    _no_english_in(body["message"]["vi"])


def test_auth_forbidden_and_conflict_on_the_entry_api(sqlite_world, web) -> None:
    _shape(web.get("/api/v1/review"), 401)
    _shape(web.get("/api/v1/review", headers={"Authorization": "Bearer chiso_forged"}), 401)
    with db.transaction(sqlite_world.engine) as s:
        _t, secret = accounts.create_token(as_cli(s), accounts.require_user(s, "editor"), "t",
                                           ["entry", "read"])
    as_editor = {"Authorization": f"Bearer {secret}"}
    _shape(web.get("/api/v1/review", headers=as_editor), 403)
    url = f"/api/v1/entry/{FW}/2024/vn34-01"
    code = "nhan_thuc_so"
    ok = web.post(url, json={"version": 0, "values": {code: "0,5"}}, headers=as_editor)
    assert ok.status_code == 200, ok.text
    _shape(web.post(url, json={"version": 0, "values": {code: "0,6"}}, headers=as_editor), 409)
    _shape(web.post(url, json={"version": "x", "values": {}}, headers=as_editor), 422)
    _shape(web.post(f"/api/v1/entry/{FW}/2024/vn34-79", json={"version": 0,
                                                             "values": {code: "0,5"}},
                    headers=as_editor), 403)


def test_too_many_sign_ins_are_429_on_the_page(web) -> None:
    for _ in range(5):
        r = web.get("/login")
        token = r.text.split('name="csrf_token" value="')[1].split('"')[0]
        r = web.post("/login", data={"username": "editor", "password": "wrong-password-1",
                                     "csrf_token": token, "next": "/entry"})
    assert r.status_code == 429
    sign_in(web, "admin")  # another account is not locked
