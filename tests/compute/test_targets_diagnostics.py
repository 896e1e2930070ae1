"""Targets and trajectories, and the diagnostics of a data set: worked examples checked by hand
and against textbook formulas."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.compute import diagnostics, targets
from chiso.compute.tree import Tree

FIBRE_2025 = {"value": 80.0, "qualifier": "ge", "year": 2025}


def test_a_series_on_its_way_to_the_target() -> None:
    # households on fibre: 50 % in 2021, +8 points a year -> 82 % in 2025
    a = targets.assess([("2021", 50.0), ("2022", 58.0), ("2023", 66.0)], FIBRE_2025,
                       "higher_better", lo=0, hi=100, best=90.0, national=60.0)
    assert a.status == "on_track"
    assert a.gap == pytest.approx(14.0)
    assert a.share_of_way == pytest.approx(16 / 30)
    assert a.linear == pytest.approx(82.0)
    assert a.compound == pytest.approx(66.0 * (66 / 50) ** 1.0)  # 14.9 %/year for two more years
    assert (a.distance_to_best == pytest.approx(24.0)
            and a.distance_to_national == pytest.approx(6.0))


def test_projections_stay_within_the_indicator_range() -> None:
    a = targets.assess([("2020", 40.0), ("2023", 97.0)], {"value": 100, "year": 2030},
                       "higher_better", lo=0, hi=100)
    assert a.linear == 100.0 and a.compound == 100.0 and a.status == "on_track"


def test_at_risk_when_the_projected_shortfall_is_small_off_track_when_large() -> None:
    # gap 14, projection 77 -> shortfall 3 of 14 (within a quarter): at risk
    at_risk = targets.assess([("2022", 60.0), ("2023", 66.0)], {"value": 80.0, "year": 2025},
                             "higher_better")
    assert at_risk.linear == pytest.approx(78.0) and at_risk.status == "at_risk"
    off = targets.assess([("2022", 60.0), ("2023", 61.0)], FIBRE_2025, "higher_better")
    assert off.status == "off_track"


def test_achieved_overdue_and_unknown() -> None:
    assert targets.assess([("2024", 81.0)], FIBRE_2025, "higher_better").status == "achieved"
    # the target year has come and the value is short of it
    assert targets.assess([("2024", 70.0), ("2025", 75.0)], FIBRE_2025,
                          "higher_better").status == "off_track"
    # one point and no year to project to: nothing to say
    assert targets.assess([("2024", 70.0)], {"value": 80.0}, "higher_better").status == "unknown"
    assert targets.assess([], FIBRE_2025, "higher_better").status == "unknown"
    assert targets.project_status([("2024", 1.0)], None, "higher_better") is None


def test_lower_is_better_and_upper_bound_targets() -> None:
    # e.g. processing time of a public service, target ≤ 5 days by 2026
    t = {"value": 5.0, "qualifier": "le", "year": 2026}
    a = targets.assess([("2023", 11.0), ("2024", 9.0)], t, "lower_better", lo=0)
    assert a.gap == pytest.approx(4.0) and a.share_of_way == pytest.approx(2 / 6)
    assert a.linear == pytest.approx(5.0) and a.status == "on_track"
    assert targets.assess([("2024", 4.0)], t, "lower_better").status == "achieved"


def test_strict_qualifiers() -> None:
    gt = {"value": 10.0, "qualifier": "gt", "year": 2025}  # digital economy > 10 % of GRDP
    assert targets.assess([("2025", 10.0)], gt, "higher_better").status == "off_track"
    assert targets.assess([("2025", 10.1)], gt, "higher_better").status == "achieved"


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(0.0, 100.0), min_size=2, max_size=8), st.integers(2026, 2035))
def test_projections_are_bounded_and_linear_is_exact_on_a_line(values, year) -> None:
    series = [(str(2018 + i), v) for i, v in enumerate(values)]
    a = targets.assess(series, {"value": 100.0, "year": year}, "higher_better", lo=0, hi=100)
    assert 0.0 <= a.linear <= 100.0
    assert a.compound is None or 0.0 <= a.compound <= 100.0
    assert a.status in targets.STATUSES
    line = [(str(2018 + i), 10.0 + 2.0 * i) for i in range(len(values))]
    exact = targets.assess(line, {"value": 1e9, "year": year}, "higher_better")
    assert exact.linear == pytest.approx(10.0 + 2.0 * (year - 2018))


def test_availability_correlations_alpha_and_pca() -> None:
    x = np.array([[1.0, 2.0, np.nan], [2.0, 4.1, 1.0], [3.0, 6.0, 0.0], [4.0, 8.2, 2.0]])
    by_unit, by_indicator = diagnostics.availability(x)
    np.testing.assert_allclose(by_unit, [2 / 3, 1, 1, 1])
    np.testing.assert_allclose(by_indicator, [1, 1, 0.75])
    r = diagnostics.correlations(x)
    assert r[0, 1] == pytest.approx(np.corrcoef(x[:, 0], x[:, 1])[0, 1])
    assert r[0, 2] == pytest.approx(np.corrcoef(x[1:, 0], x[1:, 2])[0, 1])
    assert np.allclose(np.diag(r), 1.0)
    # Cronbach's alpha by its definition, on complete rows
    c = x[1:]
    k = 3
    alpha = k / (k - 1) * (1 - c.var(axis=0, ddof=1).sum() / c.sum(axis=1).var(ddof=1))
    assert diagnostics.cronbach_alpha(x) == pytest.approx(alpha)
    ev = diagnostics.pca_explained(x)
    assert ev.sum() == pytest.approx(1.0) and (np.diff(ev) <= 1e-12).all()


def test_two_perfectly_correlated_indicators() -> None:
    x = np.column_stack([np.arange(10.0), 3 * np.arange(10.0) + 1])
    assert diagnostics.pca_explained(x)[0] == pytest.approx(1.0)
    assert diagnostics.cronbach_alpha((x - x.mean(0)) / x.std(0)) == pytest.approx(1.0)


def test_diagnose_flags_an_indicator_that_runs_against_its_pillar() -> None:
    tree = Tree.from_parents(["a", "b", "c"], {"a": "P", "b": "P", "c": "P", "P": "I"},
                             {"a": 1, "b": 1, "c": 1, "P": 1},
                             {"a": 1, "b": 1, "c": 1, "P": 2, "I": 3})
    rng = np.random.default_rng(1)
    base = rng.normal(size=40)
    norm = np.column_stack([base + rng.normal(0, 0.1, 40), base + rng.normal(0, 0.1, 40),
                            -base + rng.normal(0, 0.1, 40)])
    pillar = norm.mean(axis=1)
    d = diagnostics.diagnose(tree, norm, {"P": pillar, "I": pillar})
    assert [n for n, parent, _ in d.negative] == ["c"]
    assert d.alpha["P"] < 0.5 and 0.6 < d.pca_first["P"] <= 1.0
    assert d.unit_availability.shape == (40,) and d.indicator_availability.tolist() == [1, 1, 1]
