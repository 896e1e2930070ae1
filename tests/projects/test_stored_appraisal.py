"""The appraisal is made once, at publication, and stored with the project's published copy
with the fingerprint of its inputs: the register's pages, downloads and API read it back and do
not appraise again; a stored appraisal whose inputs no longer match is recomputed (and what it
shows equals a fresh appraisal). And the portfolio's IT share of the budget derived from the
register's costs where no IT spending figure is entered, said so, with the budget's source."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from accounts.conftest import populate
from chiso.compute import value_report
from chiso.compute.value_report import fingerprint, register_appraisal
from chiso.settings import Settings
from chiso.store import db
from chiso.store import projects as store
from chiso.web.app import create_app
from chiso.workflow import projects as flow
from ingest.files import write_xlsx
from support import as_cli

PROJECTS = [["Mã dự án", "Tên dự án", "Đơn vị hành chính", "Năm bắt đầu"],
            ["A1", "Cổng dữ liệu", "Hồ Chí Minh", 2025], ["A2", "Hội nghị", "Hồ Chí Minh", 2026]]
FLOWS = [["Mã dự án", "Năm", "Loại", "Hạng mục", "Giá trị", "Thấp", "Cao"],
         ["A1", 2025, "Chi phí", "Đầu tư", "2 tỷ", "1,5 tỷ", "3 tỷ"],
         ["A1", 2026, "Chi phí", "Vận hành", "500 triệu", None, None],
         ["A1", 2026, "Lợi ích", "Tăng thu", "3 tỷ", "1 tỷ", "4 tỷ"],
         ["A2", 2026, "Chi phí", "Đầu tư", "1 tỷ", None, None],
         ["A2", 2027, "Lợi ích", "Tiết kiệm chi", "800 triệu", None, None]]


@pytest.fixture
def published(sqlite_engine: Engine, tmp_path: Path) -> Engine:
    populate(sqlite_engine)
    path = write_xlsx(tmp_path / "p.xlsx", {"Dự án": PROJECTS, "Dòng tiền": FLOWS})
    with db.transaction(sqlite_engine) as s:
        flow.import_projects(as_cli(s), path)
        flow.publish(as_cli(s), ["A1", "A2"])
    return sqlite_engine


def counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the appraisals actually computed (the real function runs)."""
    calls: list[int] = []
    real = value_report.appraisal_report

    def spy(flows, *args, **kw):  # type: ignore[no-untyped-def]
        calls.append(len(flows.projects))
        return real(flows, *args, **kw)

    monkeypatch.setattr(value_report, "appraisal_report", spy)
    return calls


def test_reads_do_not_appraise_again(published: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    with db.session_factory(published)() as s:
        row = store.find(s, "A1")
        kept, public = row.public_appraisal, store.view_of(row, "public")
    assert kept["fingerprint"] == fingerprint(public)
    assert kept["runs"] == [2000, 0] and kept["result"]["p_bcr_ge_2"] is not None
    calls = counting(monkeypatch)
    c = TestClient(create_app(Settings(), published, cache=False))
    first = c.get("/api/v1/projects/A1").json()["data"]
    for url in ("/api/v1/projects", "/projects", "/projects/A1", "/province/vn34-79/projects",
                "/api/v1/projects/portfolio/vn34-79", "/downloads/projects.csv"):
        assert c.get(url).status_code == 200, url
    assert c.get("/api/v1/projects/A1").json()["data"] == first
    assert calls == []  # every read came from the stored appraisal
    assert first["appraisal"] == kept["result"]


def test_a_stored_appraisal_of_other_inputs_is_recomputed(published: Engine,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    with db.transaction(published) as s:
        row = store.find(s, "A1")
        fresh = dict(row.public_appraisal)
        row.public_appraisal = {**fresh, "fingerprint": "0" * 64,
                                "result": {**fresh["result"], "npv": 1.0}}
    calls = counting(monkeypatch)
    c = TestClient(create_app(Settings(), published, cache=False))
    got = c.get("/api/v1/projects/A1").json()["data"]
    assert calls == [1] and got["npv"] == pytest.approx(fresh["result"]["npv"]) != 1.0
    reg = {r["code"]: r for r in c.get("/api/v1/projects").json()["data"]}
    assert reg["A1"]["npv"] == pytest.approx(fresh["result"]["npv"])
    assert calls == [1, 1]  # only A1, the one whose fingerprint does not match


def test_the_stored_result_is_the_fresh_result(published: Engine) -> None:
    with db.session_factory(published)() as s:
        rows = [store.view_of(p, "public") for p in store.register(s)]
    fresh = register_appraisal(rows, runs=value_report.PUBLISHED_RUNS, reuse=False)
    kept = register_appraisal(rows, runs=value_report.PUBLISHED_RUNS)
    assert kept == fresh
    # stored from a batch of two, it is what the project appraised alone gets
    alone = register_appraisal(rows[:1], runs=value_report.PUBLISHED_RUNS, reuse=False)
    assert alone[rows[0]["code"]] == kept[rows[0]["code"]]
    # a changed cash flow, rate or bar changes the fingerprint
    d = rows[0]
    base = fingerprint(d)
    assert fingerprint({**d, "rate": 0.035}) != base
    assert fingerprint(d, bar=3.0) != base
    moved = [dict(f) for f in d["flows"]]
    moved[0]["amount"] += 1
    assert fingerprint({**d, "flows": moved}) != base
    assert fingerprint({**d, "flows": list(reversed(d["flows"]))}) == base


def test_the_it_share_derived_from_the_register(published: Engine) -> None:
    with db.transaction(published) as s:
        w = as_cli(s)
        flow.put_spending(w, unit_id="vn34-79", year=2026, measure="budget_vnd", value=1e12,
                          provenance={"real": {"quote": "dự toán chi ngân sách 1.000 tỷ đồng"}})
        flow.put_spending(w, unit_id="vn34-79", year=2027, measure="it_share_of_budget",
                          value=0.012, provenance={"real": {"quote": "chi CNTT 1,2 %"}})
    c = TestClient(create_app(Settings(), published, cache=False))
    pf = c.get("/api/v1/projects/portfolio/vn34-79").json()["data"]
    by = {s["year"]: s for s in pf["spending"]}
    # 2025: A1's capital 2 tỷ, no budget: the spend is derived, the share unknown
    assert by[2025]["basis"] == "register" and by[2025]["spend"] == 2e9
    assert by[2025]["share"] is None and by[2025]["budget"] is None
    # 2026: A1's 0,5 tỷ + A2's 1 tỷ over the budget of 1.000 tỷ: 0,15 %, with its source
    assert by[2026]["basis"] == "register" and by[2026]["spend"] == 1.5e9
    assert by[2026]["share"] == pytest.approx(0.0015)
    assert by[2026]["register_projects"] == ["A1", "A2"]
    assert by[2026]["budget_source"]["quote"] == "dự toán chi ngân sách 1.000 tỷ đồng"
    assert by[2026]["meets"] == {"0.01": False, "0.02": False}
    # 2027: a share is entered: it wins, and says so
    assert by[2027]["basis"] == "entered" and by[2027]["share"] == pytest.approx(0.012)
    page = c.get("/province/vn34-79/projects").text
    assert 'data-testid="spending-vn34-79-2026" data-basis="register"' in page
    assert "tính từ sổ dự án" in page and "dự toán chi ngân sách 1.000 tỷ đồng" in page
