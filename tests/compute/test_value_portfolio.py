"""Portfolio functions against hand-computed cases: spending shares and their bars, the
portfolio's own NPV and B/C, ranking by value per đồng, benefits realised, reference prices."""

from __future__ import annotations

import numpy as np
import pytest
from value_cases import flows

from chiso.compute.value import appraise
from chiso.compute.value_portfolio import (
    below_bar,
    benefits_realised,
    it_spending,
    portfolio,
    price_check,
    rank_by_value,
    shares,
)


def test_it_spending_against_1_and_2_percent_with_missing_figures_unknown() -> None:
    # (units × years): Bến Tre-like 0,1 %, a province at 1,5 %, one with no budget figure
    s = it_spending(np.array([[18e9, 30e9], [150e9, np.nan]]),
                    np.array([[18e12, 15e12], [10e12, 12e12]]))
    np.testing.assert_allclose(s.share, [[0.001, 0.002], [0.015, np.nan]])
    assert s.meets(0.01).tolist() == [[False, False], [True, False]]
    assert s.meets(0.02).tolist() == [[False, False], [False, False]]
    assert np.isnan(s.gaps[0, 1, 1]) and s.gaps[1, 1, 0] == pytest.approx(-0.005)
    assert np.isnan(shares(np.array([1.0]), np.array([0.0]), (0.1,)).share[0])


def test_portfolio_sums_the_projects_of_each_province() -> None:
    f = flows(("a1", 0, "cost", "capital", 100.0), ("a1", 1, "benefit", "revenue", 300.0),
              ("a2", 0, "cost", "capital", 100.0), ("a2", 1, "benefit", "revenue", 100.0),
              ("b1", 0, "cost", "capital", 50.0), ("b1", 1, "benefit", "revenue", 250.0))
    a = appraise(f, 0.0)
    p = portfolio(a, ["An Giang", "An Giang", "Bến Tre"])
    assert p.groups == ("An Giang", "Bến Tre") and p.projects.tolist() == [2, 1]
    assert p.npv.tolist() == [200.0, 200.0] and p.bcr.tolist() == [2.0, 5.0]
    assert p.meets_bar.tolist() == [True, True] and p.below_bar.tolist() == [1, 0]


def test_projects_ranked_by_value_per_dong_and_the_ones_below_the_bar_worst_first() -> None:
    f = flows(("x", 0, "cost", "capital", 100.0), ("x", 1, "benefit", "revenue", 150.0),
              ("y", 0, "cost", "capital", 100.0), ("y", 1, "benefit", "revenue", 400.0),
              ("z", 0, "cost", "capital", 10.0), ("z", 1, "benefit", "revenue", 40.0),
              ("w", 0, "cost", "capital", 100.0), ("w", 1, "benefit", "revenue", 50.0),
              ("free", 1, "benefit", "revenue", 5.0))
    a = appraise(f, 0.0)
    np.testing.assert_array_equal(rank_by_value(a), [3, 1, 1, 4, np.nan])  # y and z tie at 4
    assert below_bar(a).tolist() == [3, 0]  # w (0,5) then x (1,5)


def test_benefits_realised_against_plan() -> None:
    plan = np.array([[0.0, 100.0, 100.0, 100.0], [0.0, 50.0, 50.0, 50.0]])
    actual = np.array([[np.nan, 80.0, 120.0, np.nan], [np.nan] * 4])
    r = benefits_realised(plan, actual)
    np.testing.assert_allclose(r.ratio[0], [np.nan, 0.8, 1.2, np.nan])
    assert r.to_date[0] == 1.0 and r.shortfall[0] == 0.0  # 200 planned so far, 200 got
    assert np.isnan(r.to_date[1]) and np.isnan(r.shortfall[1])  # nothing entered yet


def test_unit_costs_against_the_reference_range() -> None:
    c = price_check(np.array([80.0, 100.0, 130.0, 50.0]), np.array([90.0, 90.0, 90.0, np.nan]),
                    np.array([110.0, 110.0, 110.0, np.nan]))
    np.testing.assert_array_equal(c.position, [-1, 0, 1, np.nan])
    assert c.flagged.tolist() == [False, False, True, False]
    assert c.excess[2] == pytest.approx(130 / 110 - 1)
