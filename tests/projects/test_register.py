"""The project register in the store, through chiso.workflow, on SQLite and PostgreSQL: a
workbook lands whole or not at all (one bad cell in a thousand rows changes nothing and is
named, by the workflow, the command and the web), the same file twice changes nothing, review
and publication move a project as a form moves, the public sees a project as last published,
and every write leaves its audit record."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from accounts.conftest import populate
from chiso.errors import DataFileError, Forbidden, InvalidInput
from chiso.ingest.projects import ProjectBook, read_projects
from chiso.numbers import format_vi
from chiso.store import audit, db
from chiso.store import projects as store
from chiso.workflow import projects as flow
from ingest.files import write_xlsx
from support import as_cli, as_user

PROJECT_HEAD = ["Mã dự án", "Tên dự án", "Đơn vị hành chính", "Trạng thái", "Năm bắt đầu",
                "Lĩnh vực", "Tỷ lệ chiết khấu"]
FLOW_HEAD = ["Mã dự án", "Năm", "Loại", "Hạng mục", "Khoản mục", "Giá trị (đồng)", "Thấp (đồng)",
             "Cao (đồng)"]


def thousand_rows(tmp_path: Path, name: str, bad: bool = False, unit: str = "Hồ Chí Minh",
                  first_name: str = "Dự án 0") -> Path:
    """Ten projects of one province and a thousand cash-flow rows; with `bad`, row 738's amount
    has trailing garbage."""
    projects = [[f"P{i:02d}", f"Dự án {i}" if i else first_name, unit, "Đề xuất", 2025,
                 "chính quyền số", None] for i in range(10)]
    flows = [[f"P{i % 10:02d}", i // 10 % 20, "Chi phí" if i % 2 else "Lợi ích",
              "Vận hành" if i % 2 else "Tăng thu", f"khoản {i // 200}", format_vi(1000 + 3 * i),
              None, None] for i in range(1000)]
    if bad:
        flows[736][5] = "1.736 đồng x"
    return write_xlsx(tmp_path / name, {"Dự án": [PROJECT_HEAD, *projects],
                                        "Dòng tiền": [FLOW_HEAD, *flows]})


def snapshot(engine: Engine) -> list[dict]:
    with db.session_factory(engine)() as s:
        return [store.as_data(p) | {"review": p.review_status, "v": p.version}
                for p in store.register(s, store.RegisterFilter(view="current"))]


def actions(engine: Engine) -> list[str]:
    with db.session_factory(engine)() as s:
        return [a.action for a in audit.entries(s, target_type="project", limit=10_000)]


def test_a_workbook_lands_whole_and_again_changes_nothing(engine: Engine, tmp_path: Path) -> None:
    populate(engine)
    good = thousand_rows(tmp_path, "tot.xlsx")
    with db.transaction(engine) as s:
        report = flow.import_projects(as_user(s, "editor2"), good)
    assert len(report.added) == 10 and report.review_status == "draft"
    before = snapshot(engine)
    assert (sum(len(p["flows"]) for p in before) == 1000
            and {p["unit_id"] for p in before} == {"vn34-79"})
    assert before[0]["flows"][0]["year"] == 0
    with db.transaction(engine) as s:
        again = flow.import_projects(as_user(s, "editor2"), good)
    assert again.added == again.revised == [] and len(again.unchanged) == 10
    assert snapshot(engine) == before
    assert actions(engine).count("project.create") == 10 and "project.update" not in actions(engine)


def test_one_bad_cell_in_a_thousand_rows_leaves_the_register_unchanged(
        engine: Engine, tmp_path: Path) -> None:
    populate(engine)
    with db.transaction(engine) as s:
        flow.import_projects(as_user(s, "editor2"), thousand_rows(tmp_path, "tot.xlsx"))
    before, logged = snapshot(engine), actions(engine)
    changed = thousand_rows(tmp_path, "loi.xlsx", bad=True)
    with pytest.raises(DataFileError) as info, db.transaction(engine) as s:
        flow.import_projects(as_user(s, "editor2"), changed)
    (p,) = info.value.problems
    assert (p.file, p.row, p.column, p.value) == ("loi.xlsx [Dòng tiền]", 738, "F (Giá trị (đồng))",
                                                  "1.736 đồng x")
    assert "không phải đơn vị tiền" in p.message_vi and "not a currency" in p.message_en
    assert snapshot(engine) == before and actions(engine) == logged


def test_a_province_editor_imports_only_for_its_own_province(engine: Engine,
                                                             tmp_path: Path) -> None:
    populate(engine)
    other = thousand_rows(tmp_path, "ha-noi.xlsx", unit="Hà Nội")
    with pytest.raises(Forbidden), db.transaction(engine) as s:
        flow.import_projects(as_user(s, "editor2"), other)
    assert snapshot(engine) == []
    for name in ("viewer", "reviewer"):  # no entry scope: not even their own
        with pytest.raises(Forbidden), db.transaction(engine) as s:
            flow.import_projects(as_user(s, name), thousand_rows(tmp_path, "x.xlsx"))
    assert snapshot(engine) == []


def test_the_import_is_bounded_by_the_import_limits(engine: Engine, tmp_path: Path) -> None:
    from chiso.settings import ImportLimits

    populate(engine)
    with pytest.raises(DataFileError) as info, db.transaction(engine) as s:
        flow.import_projects(as_cli(s), thousand_rows(tmp_path, "tot.xlsx"),
                             limits=ImportLimits(max_rows=100))
    assert "100" in info.value.problems[0].message_en
    assert snapshot(engine) == []


def test_review_and_publication_and_what_the_public_sees(engine: Engine, tmp_path: Path) -> None:
    populate(engine)
    with db.transaction(engine) as s:
        flow.import_projects(as_user(s, "editor2"), thousand_rows(tmp_path, "tot.xlsx"))
    with db.transaction(engine) as s:
        with pytest.raises(Forbidden):
            flow.submit(as_user(s, "editor"), "P01", 1)  # another province's project
        assert flow.submit(as_user(s, "editor2"), "P01", 1).review_status == "submitted"
    with db.transaction(engine) as s:
        with pytest.raises(Forbidden):
            flow.accept(as_user(s, "editor2"), "P01", 2)
        with pytest.raises(InvalidInput, match="reason"):
            flow.reject(as_user(s, "reviewer"), "P01", 2, " ")
        flow.accept(as_user(s, "reviewer"), "P01", 2, "đạt")
    with db.transaction(engine) as s:
        with pytest.raises(InvalidInput, match="not been accepted"):
            flow.publish(as_user(s, "reviewer"), ["P02"])
        assert flow.publish(as_user(s, "reviewer")) == ["P01"]
        flow.enter_realised(as_user(s, "editor2"), "P01", 1, "1,5 tỷ", "báo cáo năm")
    with db.session_factory(engine)() as s:
        public = [store.view_of(p, "public") for p in store.register(s)]
        (p01,) = [p for p in public if p]
        assert p01["code"] == "P01" and p01["review_status"] == "published"
        assert p01["realised"] == []  # entered after publication: not public yet
        current = store.view_of(store.find(s, "P01"), "current")
        assert current["realised"] == [{"year": 1, "amount": 1.5e9, "note": "báo cáo năm"}]
    # a revision of a published project waits for review; the public keeps the published one
    with db.transaction(engine) as s:
        book = read_projects(thousand_rows(tmp_path, "v2.xlsx"),
                                  resolve_unit=lambda t, d: "vn34-79")
        one = ProjectBook("v2.xlsx", [replace(book.projects[1], name="Dự án 1, bản sửa")],
                          [f for f in book.flows if f.row.project == "P01"])
        assert flow.save_book(as_user(s, "editor2"), one, submit=True).revised == ["P01"]
    with db.session_factory(engine)() as s:
        row = store.find(s, "P01")
        assert row.review_status == "submitted" and row.name == "Dự án 1, bản sửa"
        assert store.view_of(row, "public")["name"] == "Dự án 1"
    assert {"project.create", "project.submit", "project.accept", "project.publish",
            "project.realised", "project.update"} <= set(actions(engine))


def test_a_submitted_project_is_locked_for_its_province(engine: Engine, tmp_path: Path) -> None:
    populate(engine)
    path = thousand_rows(tmp_path, "tot.xlsx")
    with db.transaction(engine) as s:
        flow.import_projects(as_user(s, "editor2"), path)
        flow.submit(as_user(s, "editor2"), "P03", 1)
    with pytest.raises(InvalidInput, match="waiting for review"), db.transaction(engine) as s:
        book = read_projects(path, resolve_unit=lambda t, d: "vn34-79")
        book.projects[3] = replace(book.projects[3], name="x")
        flow.save_book(as_user(s, "editor2"), book)


def test_the_cli_imports_and_lists_the_register_and_refuses_a_bad_cell(tmp_path: Path) -> None:
    from chiso.cli import app

    runner = CliRunner()
    data = tmp_path / "data"
    assert runner.invoke(app, ["init", "--data-dir", str(data)]).exit_code == 0
    good = thousand_rows(tmp_path, "tot.xlsx", unit="Thái Nguyên")
    r = runner.invoke(app, ["projects", "import", str(good), "--data-dir", str(data)])
    assert r.exit_code == 0 and "10 mới / added" in r.stdout, r.output
    bad = thousand_rows(tmp_path, "loi.xlsx", bad=True, unit="Thái Nguyên")
    report = tmp_path / "loi.csv"
    r = runner.invoke(app, ["projects", "import", str(bad), "--data-dir", str(data), "--report",
                            str(report)])
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert "row 738" in r.output and "1.736 đồng x" in r.output
    assert "1.736 đồng x" in report.read_text("utf-8")
    r = runner.invoke(app, ["projects", "list", "--current", "--format", "json", "--data-dir",
                            str(data)])
    import json

    listed = json.loads(r.stdout)
    assert [p["code"] for p in listed] == [f"P{i:02d}" for i in range(10)]
    assert all(p["review_status"] == "accepted" for p in listed)  # the CLI is the ministry's
    r = runner.invoke(app, ["projects", "list", "--data-dir", str(data), "--format", "json"])
    assert json.loads(r.stdout) == []  # nothing published: the public sees nothing


def test_the_web_upload_of_a_bad_workbook_names_the_cell_and_changes_nothing(
        sqlite_engine: Engine, tmp_path: Path) -> None:
    from accounts.webkit import client, sign_in

    populate(sqlite_engine)
    c = client(sqlite_engine, tmp_path)
    token = sign_in(c, "editor2")
    good = thousand_rows(tmp_path, "tot.xlsx").read_bytes()
    r = c.post("/entry/projects/xlsx", data={"csrf_token": token},
               files={"file": ("tot.xlsx", good, "application/octet-stream")})
    assert r.status_code == 200 and "10" in r.text
    before = snapshot(sqlite_engine)
    bad = thousand_rows(tmp_path, "loi.xlsx", bad=True).read_bytes()
    r = c.post("/entry/projects/xlsx", data={"csrf_token": token},
               files={"file": ("loi.xlsx", bad, "application/octet-stream")})
    assert r.status_code == 422
    assert "738" in r.text and "F (Giá trị (đồng))" in r.text and "1.736 đồng x" in r.text
    assert snapshot(sqlite_engine) == before


def test_the_register_pages_api_and_downloads_show_published_projects_only(
        sqlite_engine: Engine, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from chiso.settings import Settings
    from chiso.web.app import create_app

    populate(sqlite_engine)
    with db.transaction(sqlite_engine) as s:
        flow.import_projects(as_cli(s), thousand_rows(tmp_path, "tot.xlsx",
                                                      first_name='=HYPERLINK("http://x")'))
        flow.publish(as_cli(s), ["P00", "P01"])
    c = TestClient(create_app(Settings(), sqlite_engine, cache=False))
    body = c.get("/api/v1/projects").json()
    assert [p["code"] for p in body["data"]] == ["P00", "P01"]
    one = c.get("/api/v1/projects/P01").json()["data"]
    assert one["appraisal"]["npv"] == pytest.approx(one["npv"]) and one["tornado"]
    assert c.get("/api/v1/projects/P05").status_code == 404  # accepted, not published
    assert c.get("/projects/P05").status_code == 404
    assert c.get("/api/v1/projects", params={"bar": "met"}).status_code == 200
    assert "P01" in c.get("/projects", params={"unit": "vn34-79"}).text
    assert "P01" in c.get("/province/vn34-79/projects").text
    csv = c.get("/downloads/projects.csv").text
    assert csv.count("\n") == 3 and "P05" not in csv
    assert "'=HYPERLINK" in csv and ",=HYPERLINK" not in csv  # the one neutraliser
    assert c.get("/downloads/project_flows.xlsx").status_code == 200


def test_a_typo_in_the_browser_form_is_named_by_line_and_nothing_typed_is_lost(
        sqlite_engine: Engine, tmp_path: Path) -> None:
    from accounts.webkit import client, sign_in

    populate(sqlite_engine)
    c = client(sqlite_engine, tmp_path)
    token = sign_in(c, "editor2")
    form = {"csrf_token": token, "version": "0", "p__code": "HCM-01", "p__name": "Cổng dữ liệu",
            "p__unit": "vn34-79", "p__status": "Đề xuất", "p__start_year": "2025",
            "l0__kind": "cost", "l0__category": "capital", "l0__item": "phần mềm",
            "l0__from": "2025", "l0__to": "", "l0__amount": "2 tỷ", "l0__low": "",
            "l0__high": "", "l1__kind": "benefit", "l1__category": "cash_saving",
            "l1__item": "giấy", "l1__from": "2026", "l1__to": "2030", "l1__amount": "1,5 tỷ x",
            "l1__low": "", "l1__high": ""}
    r = c.post("/entry/projects", data=form)
    assert r.status_code == 422
    assert r.text.count("Dòng tiền, dòng 2 · amount") == 1  # once, not once a year
    assert 'value="Cổng dữ liệu"' in r.text and 'value="1,5 tỷ x"' in r.text
    assert snapshot(sqlite_engine) == []
    r = c.post("/entry/projects", data={**form, "l1__amount": "1,5 tỷ"})
    assert r.status_code == 303 and r.headers["location"] == "/entry/projects/HCM-01/view"
    (p,) = snapshot(sqlite_engine)
    assert [(f["year"], f["amount"]) for f in p["flows"]] == [
        (0, 2e9), *((t, 1.5e9) for t in range(1, 6))]
