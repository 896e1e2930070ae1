"""Project appraisal against hand-computed cases, and the properties it must keep on any cash
flows (hypothesis): rate monotonicity, the bar, switching values, order of projects."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from value_cases import AMOUNT, flows, portfolios

from chiso.compute.value import FlowRow, Flows, appraise, switching_values
from chiso.compute.value_irr import sign_changes
from chiso.errors import ComputeError


def test_constant_annuity_matches_the_hand_computed_values() -> None:
    # 1,000 spent in year 0, 300 saved in each of years 1–5, at 5 %:
    # PV(benefits) = 300 (1 - 1.05^-5) / 0.05 = 1,298.843001189247
    f = flows(("A", 0, "cost", "capital", 1000.0),
              *(("A", t, "benefit", "cash_saving", 300.0) for t in range(1, 6)))
    a = appraise(f, 0.05)
    assert a.pv_costs[0] == 1000.0  # year 0 is not discounted
    assert a.pv_benefits[0] == pytest.approx(1298.843001189247, rel=1e-13)
    assert a.npv[0] == pytest.approx(298.843001189247, rel=1e-12)
    assert a.bcr[0] == pytest.approx(1.298843001189247, rel=1e-13)
    assert a.irr[0] == pytest.approx(0.15238237116630649, abs=1e-12)  # scipy brentq
    # discounted cumulative: -714.29, -442.18, -183.03, +63.78 in year 4
    assert a.payback_year[0] == 4
    assert not a.meets_bar[0] and a.rows()[0]["flags"] == ["below_bar"]


def test_benefits_growing_at_the_discount_rate_have_equal_present_values() -> None:
    # 200 × 1.1^(t-1) in years 1–4 at 10 %: each year is worth 200 / 1.1 today
    f = flows(("G", 0, "cost", "capital", 1000.0),
              *(("G", t, "benefit", "social", 200.0 * 1.1 ** (t - 1)) for t in range(1, 5)))
    a = appraise(f, 0.10)
    assert a.pv_benefits[0] == pytest.approx(4 * 200 / 1.1, rel=1e-13)
    assert a.bcr[0] == pytest.approx(0.8 / 1.1, rel=1e-13)
    assert np.isnan(a.payback_year[0])  # never paid back
    assert a.irr[0] == pytest.approx(-0.027866382097804607, abs=1e-12)  # below zero, but real


def test_a_project_with_no_sign_change_or_no_real_root_has_no_irr() -> None:
    f = flows(("costs", 0, "cost", "capital", 100.0), ("costs", 1, "cost", "operating", 50.0),
              # -100 + 150 x - 100 x²: the discriminant 150² - 4·100·100 < 0
              ("no_root", 0, "cost", "capital", 100.0), ("no_root", 1, "benefit", "revenue", 150.0),
              ("no_root", 2, "cost", "operating", 100.0))
    a = appraise(f, 0.05)
    assert np.isnan(a.irr).all() and a.irr_roots == [[], []]
    assert all(r["irr"] is None and "irr_rates" not in r for r in a.rows())


def test_two_sign_changes_with_two_rates_give_no_irr_but_both_rates() -> None:
    # -100 + 230 / (1 + r) - 132 / (1 + r)² = 0 at r = 10 % and r = 20 %
    f = flows(("two", 0, "cost", "capital", 100.0), ("two", 1, "benefit", "revenue", 230.0),
              ("two", 2, "cost", "operating", 132.0))
    row = appraise(f, 0.05).rows()[0]
    assert row["irr"] is None
    assert row["irr_rates"] == pytest.approx([0.10, 0.20], abs=1e-12)


def test_payback_is_the_year_from_which_the_cumulative_flow_stays_positive() -> None:
    # at 0 %: cumulative -100, -20, +60, -40 (reinvestment), +40
    f = flows(("R", 0, "cost", "capital", 100.0), ("R", 1, "benefit", "cash_saving", 80.0),
              ("R", 2, "benefit", "cash_saving", 80.0), ("R", 3, "cost", "capital", 100.0),
              ("R", 4, "benefit", "cash_saving", 80.0))
    assert appraise(f, 0.0).payback_year[0] == 4


def test_without_cost_there_is_no_ratio_no_bar_and_no_payback() -> None:
    row = appraise(flows(("free", 1, "benefit", "social", 10.0)), 0.05).rows()[0]
    assert row["bcr"] is None and row["meets_bar"] is None and row["payback_year"] is None
    assert row["flags"] == ["no_cost"]


def test_staff_costs_rising_with_no_benefit_are_flagged_and_a_build_phase_is_not() -> None:
    f = flows(("staff", 0, "cost", "capital", 50.0), ("staff", 1, "cost", "staff", 10.0),
              ("staff", 2, "cost", "staff", 12.0), ("staff", 3, "cost", "staff", 14.0),
              ("build", 0, "cost", "capital", 50.0), ("build", 1, "cost", "capital", 80.0),
              ("build", 2, "benefit", "cash_saving", 200.0), ("build", 3, "cost", "operating", 5.0),
              ("build", 3, "benefit", "cash_saving", 200.0))
    staff, build = appraise(f, 0.05).rows()
    assert staff["flags"] == ["below_bar", "no_benefit", "cost_grows_without_benefit"]
    assert build["flags"] == []


def test_dis_benefits_lower_the_benefits_and_negative_costs_are_refused() -> None:
    f = flows(("D", 0, "cost", "capital", 100.0), ("D", 1, "benefit", "cash_saving", 300.0),
              ("D", 1, "benefit", "social", -50.0, -80.0, -20.0, "more travel for some"))
    assert appraise(f, 0.0).pv_benefits[0] == 250.0
    with pytest.raises(ComputeError):
        flows(("N", 0, "cost", "operating", -5.0))
    with pytest.raises(ComputeError):
        flows(("N", 0, "cost", "operating", 5.0, 6.0, 7.0))  # low above central


def test_a_line_twice_in_one_year_is_refused() -> None:
    with pytest.raises(ComputeError):
        flows(("A", 0, "cost", "capital", 1.0), ("A", 0, "cost", "capital", 2.0))


# ── properties ──────────────────────────────────────────────────────────────────────────

@settings(max_examples=200, deadline=None)
@given(cost=st.integers(1, 10**10), benefits=st.lists(AMOUNT, min_size=1, max_size=15),
       r1=st.floats(0.0, 2.0), r2=st.floats(0.0, 2.0))
def test_npv_falls_as_the_rate_rises_for_cost_then_benefit(cost, benefits, r1, r2) -> None:
    from hypothesis import assume

    assume(any(b > 0 for b in benefits) and abs(r1 - r2) > 1e-6)
    f = Flows.from_rows([FlowRow("p", 0, "cost", "capital", float(cost))]
                        + [FlowRow("p", t + 1, "benefit", "revenue", b)
                           for t, b in enumerate(benefits)])
    lo, hi = sorted((r1, r2))
    assert appraise(f, lo).npv[0] > appraise(f, hi).npv[0]


@settings(max_examples=200, deadline=None)
@given(f=portfolios(), rate=st.floats(0.0, 0.3))
def test_bar_is_met_exactly_when_benefits_are_twice_the_costs(f, rate) -> None:
    a = appraise(f, rate)
    assert np.array_equal(a.meets_bar, (a.pv_costs > 0) & (a.pv_benefits >= 2 * a.pv_costs))
    ok = np.isfinite(a.bcr)
    clear = ok & ~np.isclose(a.bcr, 2.0, rtol=1e-12, atol=0)
    assert np.array_equal(a.meets_bar[clear], a.bcr[clear] >= 2)
    assert np.array_equal(a.flags["below_bar"], ok & ~a.meets_bar)


@settings(max_examples=150, deadline=None)
@given(f=portfolios(max_projects=3), rate=st.floats(0.0, 0.3))
def test_switching_values_bring_npv_to_zero_and_bcr_to_the_bar(f, rate) -> None:
    a = appraise(f, rate)
    s = switching_values(f, a)
    scale = f.by_project(np.abs(f.central).sum(axis=1)) + 1.0
    for line in range(len(f.category)):
        p = f.project[line]
        for value, target in ((s.to_npv_zero[line], "npv"), (s.to_bar[line], "bar")):
            if not np.isfinite(value) or abs(value) > 1e6 or (value < -1 and not f.benefit[line]):
                continue  # (a cost would have to fall below zero: the line alone cannot do it)
            central = f.central.copy()
            central[line] *= 1 + value
            moved = Flows(f.projects, f.project, f.benefit, f.category, f.item, central,
                          np.minimum(f.low, central), np.maximum(f.high, central))
            b = appraise(moved, rate)
            got = b.npv[p] if target == "npv" else b.pv_benefits[p] - 2 * b.pv_costs[p]
            assert abs(got) <= 1e-9 * scale[p] * (1 + abs(value))


@settings(max_examples=100, deadline=None)
@given(f=portfolios(), rate=st.floats(0.0, 0.3), data=st.data())
def test_permuting_projects_permutes_every_result(f, rate, data) -> None:
    perm = data.draw(st.permutations(range(len(f.projects))))
    a, b = appraise(f, rate), appraise(f.take(perm), rate)
    assert b.projects == tuple(f.projects[i] for i in perm)
    for name in ("pv_benefits", "pv_costs", "npv", "bcr", "payback_year", "irr"):
        np.testing.assert_array_equal(getattr(b, name), getattr(a, name)[perm])
    assert [b.irr_roots[k] for k in range(len(perm))] == [a.irr_roots[i] for i in perm]
    for flag, values in a.flags.items():
        np.testing.assert_array_equal(b.flags[flag], values[perm])


@settings(max_examples=200, deadline=None)
@given(f=portfolios(max_years=15))
def test_every_rate_reported_makes_npv_zero(f) -> None:
    a = appraise(f, 0.05)
    for i, rates in enumerate(a.irr_roots):
        net = a.net[i]
        scale = np.abs(net).sum()
        for r in rates:
            x = 1.0 / (1.0 + r)
            terms = net * x ** np.arange(net.size)
            assert abs(terms.sum()) <= 1e-7 * (np.abs(terms).sum() + 1e-300) or scale == 0
        if np.isfinite(a.irr[i]):
            assert rates == [a.irr[i]]
    # one sign change: exactly one rate (Descartes), always found
    one = sign_changes(a.net) == 1
    assert np.isfinite(a.irr[one]).all() and all(len(a.irr_roots[i]) == 1
                                                 for i in np.flatnonzero(one))
    assert np.isnan(a.irr[sign_changes(a.net) == 0]).all()
