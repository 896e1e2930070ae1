"""A project's unit costs on the platforms it uses, against the catalogue's reference prices:
read from the workbook's "Đơn giá" sheet whole or not at all (one bad cell among many leaves the
register unchanged and is named), stored with the project, published with it, and flagged
"above the reference price" on the project page, the register and the API only when the unit
of measure is the same; a simulated reference price is labelled, never shown as official."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from accounts.conftest import populate
from chiso.errors import DataFileError
from chiso.ingest.projects import read_book
from chiso.settings import Settings
from chiso.store import audit, db
from chiso.store import projects as store
from chiso.web.app import create_app
from chiso.workflow import projects as flow
from ingest.files import write_xlsx
from support import as_cli, as_user

PROJECTS = [["Mã dự án", "Tên dự án", "Đơn vị hành chính", "Năm bắt đầu", "Nền tảng sử dụng"],
            *[[f"U{i:02d}", f"Dự án {i}", "Hồ Chí Minh", 2025, "Zavi; Postmart"]
              for i in range(40)]]
FLOWS = [["Mã dự án", "Năm", "Loại", "Hạng mục", "Giá trị"],
         *[[f"U{i:02d}", 2025 + t, "Chi phí" if t == 0 else "Lợi ích",
            "Đầu tư" if t == 0 else "Tăng thu", "1 tỷ" if t == 0 else "600 triệu"]
           for i in range(40) for t in range(5)]]
UNIT_HEAD = ["Mã dự án", "Nền tảng", "Đơn vị tính", "Số lượng", "Đơn giá (đồng)", "Khoản mục"]


def book(tmp_path: Path, name: str, bad: tuple[int, int, object] | None = None) -> Path:
    """40 projects, 200 cash-flow rows, 80 unit-cost rows (Zavi at 5 triệu a meeting point:
    above a 2–4 triệu reference; Postmart at 800 nghìn a shop: within 0,5–1 triệu); `bad`
    replaces one unit-cost cell (row index, column index, value)."""
    units = [UNIT_HEAD, *[[f"U{i:02d}", pl, unit, 10 + i, price, "đường truyền"]
                          for i in range(40) for pl, unit, price in
                          (("Zavi", "điểm cầu/năm", "5 triệu"),
                           ("Postmart", "gian hàng/năm", 800_000))]]
    if bad is not None:
        r, c, v = bad
        units[r][c] = v
    return write_xlsx(tmp_path / name, {"Dự án": PROJECTS, "Dòng tiền": FLOWS,
                                        "Đơn giá": units})


def _resolve(text: str, when: object) -> str:
    return "vn34-79"


def catalogue(engine: Engine, simulated: bool = True) -> None:
    with db.transaction(engine) as s:
        w = as_cli(s)
        for name, lo, hi, unit in (("Zavi", 2e6, 4e6, "điểm cầu/năm"),
                                   ("Postmart", 5e5, 1e6, "gian hàng/năm")):
            flow.put_platform(w, name=name, category=None, supplier=None, owner=None,
                              price_low=lo, price_high=hi, price_unit=unit, source=None,
                              price_simulated=simulated,
                              price_source={"simulated": {"why": "test"}} if simulated else None)


def snapshot(engine: Engine) -> list[dict]:
    with db.session_factory(engine)() as s:
        return [store.as_data(p) for p in store.register(s, store.RegisterFilter(view="current"))]


def test_the_unit_cost_sheet_is_read_and_every_bad_cell_named(tmp_path: Path) -> None:
    got = read_book(book(tmp_path, "ok.xlsx"), resolve_unit=_resolve)
    assert len(got.unit_costs) == 80
    first = got.unit_costs[0]
    assert (first.project, first.platform, first.unit, first.quantity, first.unit_price) == (
        "U00", "Zavi", "điểm cầu/năm", 10.0, 5e6)
    cases = [((3, 3, "10 cái"), "D", "quantity", "above 0"),
             ((5, 4, "-3 triệu"), "E", "unit_price", "negative"),
             ((7, 1, "VNeID"), "B", "platform", "not in the project's 'platforms'"),
             ((9, 0, "KHONG-CO"), "A", "project", "no project with this code"),
             ((3, 0, "U00"), "C", "unit", "already in cell Đơn giá!C2")]
    for (r, c, v), col, field, words in cases:
        with pytest.raises(DataFileError) as info:
            read_book(book(tmp_path, "bad.xlsx", (r, c, v)), resolve_unit=_resolve)
        (p,) = info.value.problems
        assert (p.file, p.row, p.column[0], p.field) == ("bad.xlsx [Đơn giá]", r + 1, col, field)
        assert words in p.message_en and p.message_vi


def test_one_bad_unit_cost_leaves_the_register_unchanged(engine: Engine, tmp_path: Path) -> None:
    populate(engine)
    with db.transaction(engine) as s:
        flow.import_projects(as_user(s, "editor2"), book(tmp_path, "ok.xlsx"))
    before = snapshot(engine)
    assert sum(len(p["unit_costs"]) for p in before) == 80
    logged = [a.action for a in audit.entries(db.session_factory(engine)(), limit=10_000)]
    with pytest.raises(DataFileError) as info, db.transaction(engine) as s:
        flow.import_projects(as_user(s, "editor2"),
                             book(tmp_path, "bad.xlsx", (60, 4, "4 triệu x")))
    (p,) = info.value.problems
    assert (p.row, p.column, p.value) == (61, "E (Đơn giá (đồng))", "4 triệu x")
    assert snapshot(engine) == before
    assert [a.action for a in audit.entries(db.session_factory(engine)(),
                                            limit=10_000)] == logged


def test_the_flag_above_the_reference_price_on_the_page_register_and_api(
        sqlite_engine: Engine, tmp_path: Path) -> None:
    populate(sqlite_engine)
    catalogue(sqlite_engine)
    with db.transaction(sqlite_engine) as s:
        flow.import_projects(as_cli(s), book(tmp_path, "ok.xlsx"))
        flow.publish(as_cli(s), ["U00", "U01"])
    c = TestClient(create_app(Settings(), sqlite_engine, cache=False))
    rows = {r["code"]: r for r in c.get("/api/v1/projects").json()["data"]}
    assert rows["U00"]["above_reference_price"] is True
    assert rows["U00"]["reference_simulated"] is True
    one = c.get("/api/v1/projects/U00").json()["data"]
    zavi, post = one["unit_costs"]
    assert (zavi["position"], zavi["excess"], zavi["total"]) == ("above", pytest.approx(0.25),
                                                                 10 * 5e6)
    assert zavi["reference"]["simulated"] is True
    assert (post["position"], post["excess"]) == ("within", 0.0)
    page = c.get("/projects/U00").text
    assert 'data-testid="above-reference"' in page
    assert "giá tham khảo mô phỏng, không phải giá chính thức" in page
    # unit prices in whole đồng (in billions they would round to nothing)
    assert "5.000.000 đồng" in page and "2.000.000–4.000.000 đồng / điểm cầu/năm" in page
    assert "cao hơn giá tham khảo" in c.get("/projects").text
    assert "mô phỏng, không phải giá chính thức" in c.get("/platforms").text
    csv = c.get("/downloads/project_unit_costs.csv", params={"lang": "en"}).text.splitlines()
    assert len(csv) == 1 + 4 and csv[1].startswith("U00,Zavi,điểm cầu/năm,10,5000000,")
    assert ",true,above,0.25," in csv[1]
    # another unit of measure is not compared: nothing is flagged, and the page says why
    with db.transaction(sqlite_engine) as s:
        flow.put_platform(as_cli(s), name="Zavi", category=None, supplier=None, owner=None,
                          price_low=1e5, price_high=2e5, price_unit="người dùng/tháng",
                          source=None, price_simulated=True, price_source=None)
    one = c.get("/api/v1/projects/U00").json()["data"]
    assert one["unit_costs"][0]["position"] is None
    assert one["unit_costs"][0]["not_compared"] == "other_unit"
    assert one["above_reference_price"] is False  # Postmart is still compared: within
    assert "giá theo đơn vị tính khác" in c.get("/projects/U00").text


def test_the_browser_form_shows_unit_costs_back_and_names_a_bad_one_by_line(
        sqlite_engine: Engine, tmp_path: Path) -> None:
    from accounts.webkit import client, sign_in

    populate(sqlite_engine)
    c = client(sqlite_engine, tmp_path)
    token = sign_in(c, "editor2")
    form = {"csrf_token": token, "version": "0", "p__code": "HCM-U", "p__name": "Trạm",
            "p__unit": "vn34-79", "p__status": "Đề xuất", "p__start_year": "2025",
            "p__platforms": "Zavi", "l0__kind": "cost", "l0__category": "capital",
            "l0__item": "", "l0__from": "2025", "l0__to": "", "l0__amount": "2 tỷ",
            "l0__low": "", "l0__high": "", "u0__platform": "", "u0__unit": "",
            "u0__quantity": "", "u0__unit_price": "", "u1__platform": "Zavi",
            "u1__unit": "người dùng/năm", "u1__quantity": "1.000.000,5",
            "u1__unit_price": "12 nghìn/người"}
    r = c.post("/entry/projects", data=form)
    assert r.status_code == 422 and "Đơn giá, dòng 2 · unit_price" in r.text
    assert "value=\"12 nghìn/người\"" in r.text and snapshot(sqlite_engine) == []
    r = c.post("/entry/projects", data={**form, "u1__unit_price": "12.000"})
    assert r.status_code == 303
    (p,) = snapshot(sqlite_engine)
    assert [(u["quantity"], u["unit_price"]) for u in p["unit_costs"]] == [(1000000.5, 12000.0)]
    page = c.get("/entry/projects/HCM-U").text
    assert 'value="1.000.000,5"' in page and 'value="12000"' in page
