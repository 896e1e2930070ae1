"""Monte Carlo of project value: the draws follow the stated triangular distributions (checked
against scipy and against closed forms), and results are reproducible from the seed whatever the
batch sizes, the order of the projects, or how the replications are split between workers."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats
from value_cases import flows, portfolios

from chiso.compute.value import appraise
from chiso.compute.value_uncertainty import (
    MonteCarlo,
    _shifted_triangular,
    replications,
    simulate,
    triangular,
)


def test_triangular_quantiles_match_scipy_and_the_branchless_kernel_matches_them() -> None:
    u = np.concatenate([np.linspace(0, 1, 2001), [1e-12, 1e-7, 1 - 1e-7, 0.5 - 1e-9]])
    for m in (0.0, 1e-6, 0.2, 0.5, 0.93, 1.0):
        expected = stats.triang.ppf(u, c=m)
        np.testing.assert_allclose(triangular(u, np.float64(m)), expected, atol=1e-12)
        x = u.astype(np.float32)[None, :]
        mode = np.full((1, 1), m, dtype=np.float32)
        shifted = _shifted_triangular(x, mode, np.empty_like(x))
        error = np.abs(shifted[0] + (1 - np.float32(m)) - expected)
        # single precision: below 1e-5 of the range, but for draws within 1e-6 of the top
        # (1 - u loses its digits in float32), where it stays below 3e-4
        top = u > 1 - 1e-6
        assert error[~top].max() < 1e-5 and error[top].max() < 3e-4


def one_uncertain_benefit():
    # a certain cost of 100 in year 0; a benefit in year 0 of 150 / 200 / 300 (rate 0: PV = flow)
    return flows(("p", 0, "cost", "capital", 100.0),
                 ("p", 0, "benefit", "cash_saving", 200.0, 150.0, 300.0))


def test_draws_follow_the_triangle_of_the_line_present_values() -> None:
    n = 200_000
    u = simulate(one_uncertain_benefit(), 0.0, MonteCarlo(n, 7))
    # P(benefit ≥ 200) = 1 - F(200) = 1 - (200 - 150) / (300 - 150)
    assert u.p_meets_bar[0] == pytest.approx(2 / 3, abs=5 * np.sqrt(2 / 9 / n))
    assert u.npv_mean[0] == pytest.approx((150 + 200 + 300) / 3 - 100, abs=0.5)
    # F⁻¹(0.05) = 150 + √(0.05·150·50), F⁻¹(0.95) = 300 - √(0.05·150·100)
    assert u.npv_q05[0] == pytest.approx(50 + np.sqrt(375), abs=0.6)
    assert u.npv_q95[0] == pytest.approx(200 - np.sqrt(750), abs=0.6)


def test_lines_are_independent_and_each_line_moves_all_its_years_together() -> None:
    # two benefit lines alike: independent lines add variances (2 σ², not 4 σ²); a line spread
    # over two years moves as one (its two years' variance is (2σ)², the variance of one draw)
    var = (150**2 + 200**2 + 300**2 - 150 * 200 - 150 * 300 - 200 * 300) / 18
    two = flows(("p", 0, "cost", "capital", 1.0),
                ("p", 1, "benefit", "social", 200.0, 150.0, 300.0, "a"),
                ("p", 1, "benefit", "social", 200.0, 150.0, 300.0, "b"),
                ("q", 0, "cost", "capital", 1.0),
                ("q", 1, "benefit", "social", 200.0, 150.0, 300.0),
                ("q", 2, "benefit", "social", 200.0, 150.0, 300.0))
    npv, _ = replications(two, 0.0, MonteCarlo(100_000, 3))
    assert npv[0].var() == pytest.approx(2 * var, rel=0.03)
    assert npv[1].var() == pytest.approx(4 * var, rel=0.03)


def test_same_seed_same_results_and_another_seed_other_results() -> None:
    f = one_uncertain_benefit()
    a, b = simulate(f, 0.05, MonteCarlo(2000, 1)), simulate(f, 0.05, MonteCarlo(2000, 1))
    c = simulate(f, 0.05, MonteCarlo(2000, 2))
    assert a.rows() == b.rows() and a.rows() != c.rows()


@settings(max_examples=60, deadline=None)
@given(f=portfolios(), batch=st.integers(64, 20_000), seed=st.integers(0, 2**32))
def test_results_do_not_depend_on_batch_sizes(f, batch, seed) -> None:
    spec = MonteCarlo(300, seed)
    whole = simulate(f, 0.04, spec)
    pieces = simulate(f, 0.04, spec, batch_bytes=batch)  # small batches: many of them
    np.testing.assert_array_equal(pieces.npv_q05, whole.npv_q05)
    np.testing.assert_array_equal(pieces.npv_q95, whole.npv_q95)
    np.testing.assert_array_equal(pieces.p_meets_bar, whole.p_meets_bar)


@settings(max_examples=60, deadline=None)
@given(f=portfolios(), cut=st.integers(1, 299), data=st.data())
def test_replications_split_between_workers_equal_one_run(f, cut, data) -> None:
    spec = MonteCarlo(300, 11)
    npv, meets = replications(f, 0.04, spec)
    first, m1 = replications(f, 0.04, spec, stop=cut)
    second, m2 = replications(f, 0.04, spec, start=cut,
                              batch_bytes=data.draw(st.integers(64, 10**6)))
    np.testing.assert_array_equal(np.concatenate([first, second], axis=1), npv)
    np.testing.assert_array_equal(np.concatenate([m1, m2], axis=1), meets)
    # and more replications extend a run without changing the first ones
    np.testing.assert_array_equal(replications(f, 0.04, MonteCarlo(400, 11))[0][:, :300], npv)


@settings(max_examples=60, deadline=None)
@given(f=portfolios(), data=st.data())
def test_a_project_s_results_depend_only_on_it_not_on_order_or_neighbours(f, data) -> None:
    perm = data.draw(st.permutations(range(len(f.projects))))
    spec = MonteCarlo(200, 5)
    a, b = simulate(f, 0.04, spec), simulate(f.take(perm), 0.04, spec)
    np.testing.assert_array_equal(b.npv_q05, a.npv_q05[perm])
    np.testing.assert_array_equal(b.p_meets_bar, a.p_meets_bar[perm])
    alone = simulate(f.take([perm[0]]), 0.04, spec)
    assert alone.rows()[0] == a.rows()[perm[0]]


@settings(max_examples=80, deadline=None)
@given(f=portfolios(), rate=st.floats(0.0, 0.3))
def test_the_npv_interval_lies_within_the_lowest_and_highest_possible_npv(f, rate) -> None:
    u = simulate(f, rate, MonteCarlo(200, 0))
    from chiso.compute.value_uncertainty import line_ranges

    lo, _, hi = line_ranges(f, rate)
    worst = f.by_project(np.where(f.benefit, lo, -hi))
    best = f.by_project(np.where(f.benefit, hi, -lo))
    tol = 1e-5 * (np.abs(worst) + np.abs(best)) + 1e-6
    assert np.all(worst - tol <= u.npv_q05) and np.all(u.npv_q05 <= u.npv_q95)
    assert np.all(u.npv_q95 <= best + tol)
    assert np.all((0 <= u.p_meets_bar) & (u.p_meets_bar <= 1))


def test_projects_without_uncertainty_have_one_value() -> None:
    f = flows(("sure", 0, "cost", "capital", 100.0), ("sure", 1, "benefit", "revenue", 300.0),
              ("short", 0, "cost", "capital", 100.0), ("short", 1, "benefit", "revenue", 150.0))
    u = simulate(f, 0.0, MonteCarlo(50, 0))
    a = appraise(f, 0.0)
    np.testing.assert_array_equal(u.npv_q05, a.npv)
    np.testing.assert_array_equal(u.npv_q95, a.npv)
    assert u.p_meets_bar.tolist() == [1.0, 0.0]
