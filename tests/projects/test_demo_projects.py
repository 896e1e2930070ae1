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


def test_the_catalogue_has_no_invented_price_and_so_flags_nothing() -> None:
    cat = demo.platforms()
    assert cat["reference_prices_found"] is False
    assert all(p["reference_price"] is None for p in cat["platforms"])
    check = price_check(np.array([1e6]), np.array([np.nan]), np.array([np.nan]))
    assert np.isnan(check.position[0]) and not check.flagged[0]
