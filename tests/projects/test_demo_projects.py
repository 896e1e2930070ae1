"""The demo register is real first: every quoted figure is the text of its seed report at its
span, every other value is labelled simulated with its distribution, and the seed reports'
figures give the shares and flags the ministry spoke of."""

from __future__ import annotations

import numpy as np
import pytest

from chiso.compute.value import appraise
from chiso.compute.value_portfolio import CYBER_SHARE_BAR, cyber_spending, it_spending, price_check
from chiso.demo import projects as demo


def test_every_quote_is_its_document_at_its_span_and_every_value_is_labelled() -> None:
    assert demo.provenance_problems() == []


def test_a_quote_that_does_not_match_its_span_is_caught() -> None:
    ref = dict(demo.register()["spending"][0]["real"])
    assert demo._quote_problem(ref, "x") is None
    ref["span"] = [ref["span"][0] + 1, ref["span"][1] + 1]
    assert "not the text" in demo._quote_problem(ref, "x")


def test_real_benefits_are_real_and_what_no_source_gives_is_simulated() -> None:
    by = {(ln.project, ln.kind, ln.category): ln for ln in demo.lines()}
    tele = by["NB-KCBTX", "benefit", "social"]
    assert tele.central == 600e6 * 12 and "real" in tele.provenance["central"]
    assert "simulated" in tele.provenance["low"]
    assert all(ln.simulated for (code, kind, _), ln in by.items() if kind == "cost")


def test_the_seed_figures_give_the_shares_the_reports_state() -> None:
    rows = {(s["unit"], s["measure"]): s for s in demo.register()["spending"]}
    spend = rows["Sóc Trăng", "it_spend_vnd"]["value"]
    share = rows["Sóc Trăng", "it_share_of_budget"]["value"]
    budget = spend / share  # 18 tỷ at 0,1 %: a budget of about 18.000 tỷ đồng
    s = it_spending(np.array([spend]), np.array([budget]))
    assert s.share[0] == pytest.approx(0.001)
    assert not s.meets(0.01)[0] and not s.meets(0.02)[0]
    assert s.gaps[:, 0] == pytest.approx([-0.009, -0.019])
    # "tối thiểu 1%, trong đó 0,1% … cho an toàn, an ninh mạng": 10 % of IT spending
    c = cyber_spending(np.array([0.001 * budget]), np.array([0.01 * budget]))
    assert c.share[0] == pytest.approx(CYBER_SHARE_BAR) and c.meets(0.0999)[0]


def test_the_demo_appraisal_flags_what_the_minister_warned_against() -> None:
    a = appraise(demo.demo_flows(), 0.05)
    rows = {r["project"]: r for r in a.rows()}
    assert rows["BK-TMDT"]["meets_bar"] and rows["NB-KCBTX"]["meets_bar"]
    assert rows["DT-HNTH"]["flags"] == ["below_bar"]
    assert rows["ST-IOC"]["flags"] == ["below_bar", "no_benefit", "cost_grows_without_benefit"]


def test_the_catalogue_passes_no_price_off_as_real() -> None:
    """No published reference price was found: every price in the demo catalogue is labelled
    simulated (with why) and none claims a source; without a price nothing is flagged."""
    cat = demo.platforms()
    assert cat["reference_prices_found"] is False
    priced = [p for p in cat["platforms"] if p["reference_price"] is not None]
    assert priced and all("source" not in p["reference_price"] for p in priced)
    assert all(p["reference_price"]["simulated"]["why"] for p in priced)
    check = price_check(np.array([1e6]), np.array([np.nan]), np.array([np.nan]))
    assert np.isnan(check.position[0]) and not check.flagged[0]


def test_the_loaded_demo_flags_a_unit_cost_and_derives_an_it_share(tmp_path) -> None:
    from fastapi.testclient import TestClient

    from chiso.settings import Settings
    from chiso.store import db
    from chiso.web.app import create_app
    from chiso.workflow import Principal, Work
    from chiso.workspace import Workspace

    ws = Workspace(Settings(data_dir=tmp_path))
    ws.init()
    with db.transaction(ws.engine) as s:
        demo.load_projects(Work.open(s, Principal.local("demo"), "cli"))
    c = TestClient(create_app(Settings(), ws.engine, cache=False))
    rows = {r["code"]: r for r in c.get("/api/v1/projects").json()["data"]}
    assert rows["NB-KCBTX"]["above_reference_price"] is True  # 150 nghìn over 50–100 nghìn
    assert rows["DT-HNTH"]["above_reference_price"] is False  # 3 triệu within 2–4 triệu
    assert rows["ST-IOC"]["above_reference_price"] is None  # no platform: nothing compared
    assert all(r["reference_simulated"] for r in rows.values() if r["above_reference_price"]
               is not None)
    pf = c.get(f"/api/v1/projects/portfolio/{rows['ST-IOC']['unit']['id']}").json()["data"]
    by = {s["year"]: s for s in pf["spending"]}
    assert by[2020]["basis"] == "entered" and by[2020]["share"] == pytest.approx(0.001)
    # 2021: no figure entered; ST-IOC's 10 tỷ of capital over the (simulated) budget
    assert by[2021]["basis"] == "register" and by[2021]["spend"] == pytest.approx(10e9)
    assert by[2021]["share"] == pytest.approx(10e9 / 18e12)
    assert by[2021]["simulated"] and by[2021]["budget_source"]["simulated"]
