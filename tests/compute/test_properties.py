"""Properties every normaliser, aggregator and the ranking must keep, on any data (hypothesis):
monotone in each value, bounded, blind to the order of units, vectorised over replications."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from chiso.compute import normalise
from chiso.compute.aggregate import weighted_mean
from chiso.compute.rank import rank_desc

VALUE = st.floats(-1e6, 1e6, allow_nan=False, allow_subnormal=False)
SCORE = st.floats(0.0, 100.0, allow_nan=False, allow_subnormal=False)


def column(min_size: int = 3, max_size: int = 40, elements=VALUE):
    return arrays(float, st.integers(min_size, max_size), elements=elements)


def with_gaps(draw, x: np.ndarray) -> np.ndarray:
    """Some values missing, never all of them."""
    mask = draw(arrays(bool, x.shape))
    mask[0] = False
    return np.where(mask, np.nan, x)


BOUNDED = {  # normaliser -> (call with a (units, 1) array and a direction, lower, upper bound)
    "minmax": (lambda x, d: normalise.minmax(x, d, 0.0, 100.0, "neutral"), 0.0, 100.0),
    "minmax_1_10": (lambda x, d: normalise.minmax(x, d, 1.0, 10.0, "neutral"), 1.0, 10.0),
    "goalposts": (lambda x, d: normalise.goalposts(x, d, np.array([-1e5]), np.array([1e5])),
                  0.0, 100.0),
    "distance_to_target": (lambda x, d: normalise.distance_to_target(
        x, d, np.array([5e5]), edge="neutral"), 0.0, 100.0),
    "distance_to_best": (lambda x, d: normalise.distance_to_best(x, d, edge="neutral"), 0.0, 100.0),
    "percentile_rank": (lambda x, d: normalise.percentile_rank(x, d, edge="neutral"), 0.0, 100.0),
    "rank": (lambda x, d: normalise.rank(x, d), 1.0, None),
    "borda": (lambda x, d: normalise.borda(x, d), 0.0, None),
    "zscore": (lambda x, d: normalise.zscore(x, d, edge="neutral"), None, None),
}
TOL = 1e-9


@pytest.mark.parametrize("name", sorted(BOUNDED))
@pytest.mark.parametrize("direction", [1.0, -1.0])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_normalisers_are_monotone_bounded_and_order_free(name, direction, data) -> None:
    f, lo, hi = BOUNDED[name]
    x = with_gaps(data.draw, data.draw(column()))
    d = np.array([direction])
    y = f(x[:, None], d)[:, 0]
    n = int(np.isfinite(x).sum())
    # missing stays missing, present stays present
    assert np.array_equal(np.isnan(y), np.isnan(x))
    fy = y[np.isfinite(y)]
    # bounded
    if lo is not None:
        assert (fy >= lo - TOL).all()
    upper = hi if hi is not None else (n if name == "rank" else n - 1)
    assert (fy <= upper + TOL * max(1.0, abs(upper))).all()
    # monotone: a better raw value never gets a worse normalised one
    fx = x[np.isfinite(x)] * direction
    order = np.argsort(fx, kind="stable")
    assert (np.diff(fy[order]) >= -TOL * 100).all()
    # the order of units does not matter
    perm = data.draw(st.permutations(range(len(x))))
    y_perm = f(x[list(perm), None], d)[:, 0]
    np.testing.assert_allclose(y_perm, y[list(perm)], rtol=1e-12, atol=1e-9)


@pytest.mark.parametrize("name", sorted(BOUNDED))
@settings(max_examples=25, deadline=None)
@given(x=arrays(float, st.tuples(st.integers(2, 4), st.integers(3, 12), st.integers(1, 4)),
                elements=VALUE))
def test_normalisers_treat_each_replication_and_indicator_alone(name, x) -> None:
    """(replications, units, indicators) in one call equals one call per slice."""
    f = BOUNDED[name][0]
    d = np.where(np.arange(x.shape[-1]) % 2 == 0, 1.0, -1.0)
    whole = f(x, d)
    for r in range(x.shape[0]):
        for j in range(x.shape[-1]):
            np.testing.assert_allclose(whole[r, :, j], f(x[r, :, j:j + 1], d[j:j + 1])[:, 0],
                                       rtol=1e-12, atol=1e-12)


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_minmax_sends_the_best_to_the_top_and_the_worst_to_the_bottom(data) -> None:
    x = data.draw(column(elements=st.integers(-1000, 1000).map(float)))
    assume(np.ptp(x) > 0)
    y = normalise.minmax(x[:, None], np.array([1.0]))[:, 0]
    assert y[np.argmax(x)] == pytest.approx(100.0) and y[np.argmin(x)] == pytest.approx(0.0)


AGGREGATORS = ["arithmetic", "geometric", "harmonic", "generalised"]


@pytest.mark.parametrize("method", AGGREGATORS)
@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_aggregators_lie_between_min_and_max_and_are_monotone(method, data) -> None:
    k = data.draw(st.integers(1, 8))
    x = data.draw(arrays(float, (k,), elements=st.floats(0.01, 100.0)))
    w = data.draw(arrays(float, (k,), elements=st.floats(0.01, 10.0)))
    p = data.draw(st.sampled_from([-2.0, 0.5, 2.0, 3.0])) if method == "generalised" else 1.0
    m = weighted_mean(x, w, method, p)
    assert x.min() * (1 - 1e-9) <= m <= x.max() * (1 + 1e-9)
    # raising one child never lowers the aggregate
    i = data.draw(st.integers(0, k - 1))
    bump = x.copy()
    bump[i] += data.draw(st.floats(0.0, 50.0))
    assert weighted_mean(bump, w, method, p) >= m * (1 - 1e-12)
    # the order of children (with their weights) does not matter
    perm = list(data.draw(st.permutations(range(k))))
    assert weighted_mean(x[perm], w[perm], method, p) == pytest.approx(m, rel=1e-12)
    # scaling all weights changes nothing
    assert weighted_mean(x, w * 7.0, method, p) == pytest.approx(m, rel=1e-12)


@settings(max_examples=60, deadline=None)
@given(x=arrays(float, st.tuples(st.integers(1, 5), st.integers(1, 6)),
                elements=st.floats(0.01, 100.0)))
def test_equal_children_give_their_common_value_and_means_are_ordered(x) -> None:
    """Harmonic ≤ geometric ≤ arithmetic for the same weights; a constant row is its value."""
    w = np.ones(x.shape[-1])
    h, g, a = (weighted_mean(x, w, m, 1.0) for m in ("harmonic", "geometric", "arithmetic"))
    assert (h <= g * (1 + 1e-9)).all() and (g <= a * (1 + 1e-9)).all()
    const = np.full_like(x, 42.0)
    for m in AGGREGATORS:
        np.testing.assert_allclose(weighted_mean(const, w, m, 2.0), 42.0, rtol=1e-12)


def test_missing_children_are_left_out_and_all_missing_is_missing() -> None:
    x = np.array([[50.0, np.nan, 70.0], [np.nan, np.nan, np.nan]])
    out = weighted_mean(x, np.array([1.0, 5.0, 3.0]), "arithmetic", 1.0)
    assert out[0] == pytest.approx((50 + 3 * 70) / 4) and np.isnan(out[1])


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_ranks_share_the_lower_rank_and_ignore_unit_order(data) -> None:
    x = data.draw(column(1, 40, st.integers(0, 12).map(float)))
    x = with_gaps(data.draw, x)
    r = rank_desc(x)
    ok = np.isfinite(x)
    assert np.array_equal(np.isnan(r), ~ok)
    for i in np.flatnonzero(ok):  # rank = 1 + how many units score strictly higher
        assert r[i] == 1 + np.sum(x[ok] > x[i])
    perm = list(data.draw(st.permutations(range(len(x)))))
    np.testing.assert_array_equal(rank_desc(x[perm]), r[perm])


def test_ranks_as_the_ministry_publishes_them() -> None:
    """"15 Thanh Hóa, 15 Yên Bái", then 17."""
    scores = np.array([0.9, 0.5, 0.5, 0.4, 0.95])
    np.testing.assert_array_equal(rank_desc(scores), [2, 3, 3, 5, 1])
    reps = np.stack([scores, scores[::-1]])
    np.testing.assert_array_equal(rank_desc(reps)[1], [1, 5, 3, 3, 2])


def test_goalposts_refuse_crossed_bounds() -> None:
    from chiso.errors import ComputeError

    with pytest.raises(ComputeError, match="low < high"):
        normalise.goalposts(np.ones((3, 1)), np.array([1.0]), np.array([5.0]), np.array([5.0]))
