"""The authorisation matrix: every role against every write (and every private read) endpoint."""

from __future__ import annotations

from pathlib import Path

import pytest

from chiso.framework import load_framework
from chiso.store import db, submissions
from chiso.workflow import accounts, entry, projects
from chiso.workflow.entry import RawEntry
from support import as_cli, as_user

from .conftest import FW, load_report, populate
from .webkit import client, filled_template, sign_in

CODES = [n.code for n in load_framework(FW).indicators()]
A = CODES[0]
PDF = b"%PDF-1.4\n%test\n"


def _xlsx() -> bytes:
    return filled_template(FW, "vn34-79", "Hồ Chí Minh", "2024", {A: 0.4})


PROJECT_TABLES = {  # a project of Hồ Chí Minh as the browser form sends it (workbook headers)
    "projects": [["Mã dự án", "Tên dự án", "Đơn vị hành chính", "Năm bắt đầu"],
                 ["HCM-S", "Cổng dữ liệu", "vn34-79", "2025"]],
    "flows": [["Mã dự án", "Năm", "Loại", "Hạng mục", "Giá trị"],
              ["HCM-S", "0", "Chi phí", "Đầu tư", "2 tỷ"],
              ["HCM-S", "1", "Lợi ích", "Tăng thu", "5 tỷ"]],
}


def _project_form(code: str, unit: str) -> dict[str, str]:
    return {"version": "0", "p__code": code, "p__name": "Dự án thử", "p__unit": unit,
            "p__status": "Đề xuất", "p__start_year": "2025", "l0__kind": "cost",
            "l0__category": "capital", "l0__item": "phần mềm", "l0__from": "0", "l0__to": "",
            "l0__amount": "1 tỷ", "l0__low": "", "l0__high": ""}


def _project_xlsx() -> bytes:
    import tempfile

    from ingest.files import write_xlsx

    with tempfile.TemporaryDirectory() as tmp:
        path = write_xlsx(Path(tmp) / "p.xlsx", {
            "Dự án": [["Mã dự án", "Tên dự án", "Đơn vị hành chính"],
                      ["HCM-X", "Tệp", "Hồ Chí Minh"]],
            "Dòng tiền": [["Mã dự án", "Năm", "Loại", "Hạng mục", "Giá trị"],
                          ["HCM-X", 0, "Chi phí", "Đầu tư", "1 tỷ"]]})
        return path.read_bytes()


def _seed(engine) -> dict[str, int]:
    """A submitted form for vn34-01 (version 1), a draft for vn34-79, a token of editor2,
    figures extracted from a report waiting for review, and a project of vn34-79 submitted by
    editor2 (version 2)."""
    with db.transaction(engine) as s:
        w = as_user(s, "editor2")
        projects.save_form(w, PROJECT_TABLES, 0)
        projects.submit(w, "HCM-S", 1)
    with db.transaction(engine) as s:
        r = entry.save(as_user(s, "editor"), FW, "2024", "vn34-01", {A: RawEntry("0,5")}, 0,
                       submit=True)
        d = entry.save(as_user(s, "editor2"), FW, "2024", "vn34-79", {A: RawEntry("0,3")}, 0)
        tok, _ = accounts.create_token(as_cli(s), accounts.require_user(s, "editor2"), "x",
                                       ["entry"])
        ids = {"sub": r.submission.id, "draft": d.submission.id, "token": tok.id}
    return {**ids, "extracted": min(load_report(engine).values())}


# (name, method, path, data/files builder) — run in this order in one world per role
def _cases(ids: dict[str, int]) -> list[tuple[str, str, str, dict]]:
    own = f"/entry/{FW}/2024/vn34-79"
    other = f"/entry/{FW}/2023/vn34-01"
    return [
        ("read own-unit form", "GET", own, {}),
        ("read other province form", "GET", f"/entry/{FW}/2024/vn34-01", {}),
        ("save draft own province", "POST", own, {"data": {"version": "1", f"v__{A}": "0,35"}}),
        ("save draft other province", "POST", other, {"data": {"version": "0", f"v__{A}": "1"}}),
        ("upload evidence", "POST", own + "/evidence",
         {"files": {"file": ("a.pdf", PDF, "application/pdf")}, "data": {}}),
        ("upload xlsx", "POST", own + "/xlsx",
         {"files": {"file": ("t.xlsx", _xlsx(), "application/octet-stream")},
          "data": {"version": "_v"}}),
        ("api save", "POST", f"/api/v1/entry/{FW}/2025/vn34-79",
         {"json": {"version": 0, "values": {A: "0,2"}}}),
        ("review queue", "GET", "/review", {}),
        ("review one", "GET", f"/review/{ids['sub']}", {}),
        ("accept", "POST", f"/review/{ids['sub']}", {"data": {"action": "accept", "version": "1"}}),
        ("publish", "POST", "/publish", {"data": {"framework": FW, "period": "2024"}}),
        ("runs page", "GET", "/runs", {}),
        ("compute run", "POST", "/runs", {"data": {"framework": FW, "period": "2024",
                                                   "uncertainty": "20"}}),
        ("extracted list", "GET", "/review/extracted", {}),
        ("extracted accept", "POST", f"/review/extracted/{ids['extracted']}",
         {"data": {"action": "accept"}}),
        ("extracted api list", "GET", "/api/v1/review/extracted", {}),
        ("audit view", "GET", "/admin/audit", {}),
        ("audit csv", "GET", "/admin/audit.csv", {}),
        ("accounts page", "GET", "/admin/users", {}),
        ("add account", "POST", "/admin/users",
         {"data": {"username": "new.editor", "password": "mật-khẩu-đủ-dài-2",
                   "role": "province_editor", "units": "vn34-01"}}),
        ("change a role", "POST", "/admin/users/editor/role",
         {"data": {"role": "province_editor", "units": "vn34-79"}}),
        ("token for another", "POST", "/admin/users/editor/tokens",
         {"data": {"name": "t", "scope": "entry"}}),
        ("disable another", "POST", "/admin/users/editor/disable", {"data": {}}),
        ("enable another", "POST", "/admin/users/editor/enable", {"data": {}}),
        ("create token", "POST", "/account/tokens", {"data": {"name": "t", "scope": "read"}}),
        ("revoke another's token", "POST", f"/account/tokens/{ids['token']}/revoke", {"data": {}}),
        ("project form", "GET", "/entry/projects/new", {}),
        ("save project own province", "POST", "/entry/projects",
         {"data": _project_form("HCM-NEW", "vn34-79")}),
        ("save project other province", "POST", "/entry/projects",
         {"data": _project_form("HN-NEW", "vn34-01")}),
        ("api save project", "POST", "/api/v1/entry/projects",
         {"json": {"version": 0, "project": {"code": "HCM-API", "name": "Qua API",
                                             "unit": "vn34-79"},
                   "flows": [{"year": 0, "kind": "cost", "category": "capital",
                              "amount": "1 tỷ"}]}}),
        ("upload project xlsx", "POST", "/entry/projects/xlsx",
         {"files": {"file": ("p.xlsx", _project_xlsx(), "application/octet-stream")}, "data": {}}),
        ("realised own project", "POST", "/entry/projects/HCM-S/realised",
         {"data": {"year": "1", "amount": "4 tỷ"}}),
        ("project as entered", "GET", "/entry/projects/HCM-S/view", {}),
        ("project review queue", "GET", "/review/projects", {}),
        ("accept project", "POST", "/review/projects/HCM-S", {"data": {"action": "accept",
                                                                    "version": "2"}}),
        ("publish projects", "POST", "/review/projects/publish", {"data": {}}),
    ]


ALLOWED = {  # which roles may do each thing (anyone else must get 401/403 or a redirect to sign in)
    "read own-unit form": {"admin", "reviewer", "viewer", "editor2"},
    "read other province form": {"admin", "reviewer", "viewer", "editor2_denied_only"},
    "save draft own province": {"admin", "editor2"},
    "save draft other province": {"admin"},
    "upload evidence": {"admin", "editor2"},
    "upload xlsx": {"admin", "editor2"},
    "api save": {"admin", "editor2"},
    "review queue": {"admin", "reviewer"},
    "review one": {"admin", "reviewer"},
    "accept": {"admin", "reviewer"},
    "publish": {"admin", "reviewer"},
    "runs page": {"admin", "reviewer"},
    "compute run": {"admin", "reviewer"},
    "extracted list": {"admin", "reviewer"},
    "extracted accept": {"admin", "reviewer"},
    "extracted api list": {"admin", "reviewer"},
    "audit view": {"admin"},
    "audit csv": {"admin"},
    "accounts page": {"admin"},
    "add account": {"admin"},
    "change a role": {"admin"},
    "token for another": {"admin"},
    "disable another": {"admin"},
    "enable another": {"admin"},
    "create token": {"admin", "reviewer", "editor2", "viewer"},
    "revoke another's token": {"admin", "editor2"},
    "project form": {"admin", "editor2"},
    "save project own province": {"admin", "editor2"},
    "save project other province": {"admin"},
    "api save project": {"admin", "editor2"},
    "upload project xlsx": {"admin", "editor2"},
    "realised own project": {"admin", "editor2"},
    "project as entered": {"admin", "reviewer", "viewer", "editor2"},
    "project review queue": {"admin", "reviewer"},
    "accept project": {"admin", "reviewer"},
    "publish projects": {"admin", "reviewer"},
}
# every write of chiso.workflow.projects a face can call, and the case that covers it
PROJECT_WRITES = {"save_form": "save project own province",
                  "save_form (api)": "api save project",
                  "import_projects": "upload project xlsx",
                  "enter_realised": "realised own project", "submit": None,
                  "accept": "accept project", "reject": None, "publish": "publish projects"}
ROLES = ["anonymous", "viewer", "editor2", "reviewer", "admin"]


@pytest.mark.parametrize("role", ROLES)
def test_authorisation_matrix(role: str, sqlite_engine, tmp_path: Path) -> None:
    populate(sqlite_engine)
    ids = _seed(sqlite_engine)
    c = client(sqlite_engine, tmp_path)
    token = sign_in(c, role) if role != "anonymous" else "x"
    got = {}
    for name, method, path, kw in _cases(ids):
        kw = {k: dict(v) if isinstance(v, dict) else v for k, v in kw.items()}
        if "data" in kw:
            kw["data"]["csrf_token"] = token
            if kw["data"].get("version") == "_v":
                kw["data"]["version"] = "2"  # after the draft save above
        headers = {"x-csrf-token": token} if "json" in kw else {}
        r = c.request(method, path, headers=headers, **kw)
        assert r.status_code < 500, (name, r.status_code, r.text[:300])
        allowed = role in ALLOWED[name]
        denied = r.status_code in (401, 403, 404) or (
            r.status_code == 303 and r.headers["location"].startswith("/login"))
        got[name] = r.status_code
        assert allowed != denied, (role, name, r.status_code, r.text[:300])
    if role == "reviewer":
        assert got["accept"] == 303 and got["publish"] == 303 and got["extracted accept"] == 303
        assert got["compute run"] == 303
    if role in ("editor2", "admin"):
        assert got["save draft own province"] == got["upload xlsx"] == got["api save"] == 200
        assert got["upload evidence"] == 303
        assert got["save project own province"] == got["realised own project"] == 303
        assert got["upload project xlsx"] == 200 and got["api save project"] == 201
    if role in ("reviewer", "admin"):
        assert got["accept project"] == got["publish projects"] == 303
        r = c.get("/api/v1/projects/HCM-S")
        assert r.status_code == 200 and r.json()["data"]["review_status"] == "published"


def test_a_province_cannot_submit_or_review_another_provinces_project(sqlite_engine,
                                                                      tmp_path: Path) -> None:
    """The writes the matrix reaches only through other pages (submit, send back), role by
    role; and every project write of the workflow is covered by the matrix or here."""
    populate(sqlite_engine)
    _seed(sqlite_engine)
    assert set(PROJECT_WRITES) - {"save_form (api)"} == {
        "save_form", "import_projects", "enter_realised", "submit", "accept", "reject", "publish"}
    with db.transaction(sqlite_engine) as s:
        projects.save_form(as_user(s, "editor2"), {**PROJECT_TABLES, "projects": [
            PROJECT_TABLES["projects"][0], ["HCM-D", "Nháp", "vn34-79", "2025"]], "flows": [
            PROJECT_TABLES["flows"][0], ["HCM-D", "0", "Chi phí", "Đầu tư", "1 tỷ"]]}, 0)
    c = client(sqlite_engine, tmp_path)
    outcomes = {}
    for role in ROLES:
        c.cookies.clear()
        token = sign_in(c, role) if role != "anonymous" else "x"
        sub = c.post("/entry/projects/HCM-D/submit", data={"version": "1", "csrf_token": token})
        back = c.post("/review/projects/HCM-S", data={"action": "reject", "version": "2",
                                                      "comment": "thiếu nguồn",
                                                      "csrf_token": token})
        outcomes[role] = (sub.status_code, back.status_code)
    assert outcomes["anonymous"][0] in (401, 303) and outcomes["viewer"][0] == 403
    assert outcomes["reviewer"][0] == 403  # no entry scope
    assert outcomes["editor2"][0] == 303  # its own draft
    assert outcomes["editor2"][1] == 403 and outcomes["viewer"][1] == 403
    assert outcomes["reviewer"][1] == 303  # sent back once; the admin then finds it rejected
    assert outcomes["admin"][1] == 422


def test_a_token_without_cookies_needs_no_csrf_but_only_acts_in_scope(sqlite_engine) -> None:
    populate(sqlite_engine)
    from fastapi.testclient import TestClient

    from chiso.settings import Settings
    from chiso.web.app import create_app

    with db.transaction(sqlite_engine) as s:
        _t, secret = accounts.create_token(as_cli(s), accounts.require_user(s, "editor"), "s",
                                           ["entry"])
        _t2, read_only = accounts.create_token(as_cli(s), accounts.require_user(s, "editor"), "r",
                                               ["read"])
    c = TestClient(create_app(Settings(), sqlite_engine), base_url="https://testserver")
    body = {"version": 0, "values": {A: "0,8"}, "submit": True}
    r = c.post(f"/api/v1/entry/{FW}/2024/vn34-01", json=body,
               headers={"authorization": f"Bearer {secret}"})
    assert r.status_code == 200 and r.json()["status"] == "submitted", r.text
    r = c.post(f"/api/v1/entry/{FW}/2024/vn34-79", json=body,
               headers={"authorization": f"Bearer {secret}"})
    assert r.status_code == 403
    r = c.post(f"/api/v1/entry/{FW}/2023/vn34-01", json=body,
               headers={"authorization": f"Bearer {read_only}"})
    assert r.status_code == 403
    r = c.post(f"/api/v1/entry/{FW}/2023/vn34-01", json=body,
               headers={"authorization": "Bearer chiso_forged"})
    assert r.status_code == 401


def test_cookie_sessions_need_csrf_on_the_api_and_extra_fields_are_ignored(sqlite_engine,
                                                                           tmp_path) -> None:
    populate(sqlite_engine)
    c = client(sqlite_engine, tmp_path)
    token = sign_in(c, "editor")
    url = f"/api/v1/entry/{FW}/2024/vn34-01"
    body = {"version": 0, "values": {A: "0,5"}, "status": "accepted", "unit_id": "vn34-79",
            "created_by": "admin"}
    assert c.post(url, json=body).status_code == 403
    r = c.post(url, json=body, headers={"x-csrf-token": token})
    assert r.status_code == 200 and r.json()["status"] == "draft"
    got = c.get(url).json()
    assert got["status"] == "draft" and got["unit"] == "vn34-01" and got["values"][A] == 0.5
    # once submitted and accepted, the province can no longer change it
    c.post(url, json={"version": 1, "values": {}, "submit": True}, headers={"x-csrf-token": token})
    with db.transaction(sqlite_engine) as s:
        from chiso.workflow import review

        review.accept(as_user(s, "reviewer"), submissions.find(s, FW, "2024", "vn34-01").id, 2)
    r = c.post(url, json={"version": 3, "values": {A: "0,9"}}, headers={"x-csrf-token": token})
    assert r.status_code == 422 and "no longer be changed" in r.json()["message"]["en"]


def test_a_reviewer_computes_and_publishes_a_run_on_the_web(sqlite_engine, tmp_path: Path) -> None:
    populate(sqlite_engine)
    ids = _seed(sqlite_engine)
    c = client(sqlite_engine, tmp_path)
    token = sign_in(c, "reviewer")
    assert c.post(f"/review/{ids['sub']}", data={"action": "accept", "version": "1",
                                                 "csrf_token": token}).status_code == 303
    assert c.post("/publish", data={"framework": FW, "period": "2024",
                                    "csrf_token": token}).status_code == 303
    r = c.post("/runs", data={"framework": FW, "period": "2024", "csrf_token": token})
    assert r.status_code == 303
    run_id = int(r.headers["location"].rsplit("-", 1)[1])
    page = c.get("/runs").text
    assert f'data-testid="run-{run_id}"' in page and "Make official" not in page
    assert c.post(f"/runs/{run_id}/publish", data={"note": "thử", "csrf_token": token}
                  ).status_code == 303
    body = c.get("/api/v1/ranking", params={"framework": FW, "period": "2024"}).json()["data"]
    assert body["run"]["id"] == run_id and body["run"]["what"] == "official_computed"
    assert "Index runs made official" in c.get("/changelog", params={"lang": "en"}).text
    again = c.post(f"/runs/{run_id}/publish", data={"csrf_token": token})
    assert again.status_code == 422 and "already official" in c.get(
        "/changelog").text + again.text
