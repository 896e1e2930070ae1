"""Normalisers: put indicators on a common scale, direction respected.

Each works on arrays (..., units, indicators) along the units axis, ignoring NaN, and takes a
direction per indicator (+1 higher is better, -1 lower is better), so that higher is better
after normalisation. Leading axes are replications.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable

import numpy as np
from scipy.stats import rankdata

from chiso.errors import ComputeError

UNITS = -2


def _oriented(x: np.ndarray, direction: np.ndarray) -> np.ndarray:
    return np.asarray(x, dtype=float) * np.asarray(direction, dtype=float)


def minmax(x: np.ndarray, direction: np.ndarray, a: float = 0.0, b: float = 100.0) -> np.ndarray:
    """(x - min) / (max - min) to [a, b]; a constant indicator sits at the middle."""
    y = _oriented(x, direction)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        lo = np.nanmin(y, axis=UNITS, keepdims=True)
        hi = np.nanmax(y, axis=UNITS, keepdims=True)
        span = hi - lo
        scaled = np.where(span > 0, (y - lo) / np.where(span > 0, span, 1.0), 0.5)
    return np.where(np.isnan(y), np.nan, a + scaled * (b - a))


def zscore(x: np.ndarray, direction: np.ndarray, mean: float = 0.0, sd: float = 1.0) -> np.ndarray:
    """Standardised with the sample standard deviation, then to the given mean and sd."""
    y = _oriented(x, direction)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        mu = np.nanmean(y, axis=UNITS, keepdims=True)
        s = np.nanstd(y, axis=UNITS, ddof=1, keepdims=True)
        # a constant indicator (up to rounding in the mean) has no spread: everyone at the mean
        spread = s > 1e-12 * np.nanmax(np.abs(y), axis=UNITS, keepdims=True)
        z = np.where(spread, (y - mu) / np.where(spread, s, 1.0), 0.0)
    return np.where(np.isnan(y), np.nan, mean + sd * z)


def goalposts(x: np.ndarray, direction: np.ndarray, low: np.ndarray, high: np.ndarray,
              scale: float = 100.0) -> np.ndarray:
    """Fixed bounds kept across years: share of the way from the worst to the best goalpost,
    clipped to [0, scale]. For lower-is-better indicators `low` is still the smaller number."""
    x = np.asarray(x, dtype=float)
    low, high = np.asarray(low, dtype=float), np.asarray(high, dtype=float)
    if np.any(~(high > low)):
        raise ComputeError("Cận dưới phải nhỏ hơn cận trên (goalposts).",
                           "Each goalpost pair needs low < high.")
    share = (x - low) / (high - low)
    share = np.where(np.asarray(direction) < 0, 1.0 - share, share)
    return np.where(np.isnan(x), np.nan, np.clip(share, 0.0, 1.0) * scale)


def distance_to_target(x: np.ndarray, direction: np.ndarray, target: np.ndarray,
                       scale: float = 100.0) -> np.ndarray:
    """Share of the way from the worst unit to the target, capped at the target (COINr's
    n_dist2targ with cap)."""
    y = _oriented(x, direction)
    t = _oriented(np.broadcast_to(target, y.shape[-1:]), direction)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        lo = np.nanmin(y, axis=UNITS, keepdims=True)
        span = t - lo
        share = np.where(span > 0, (y - lo) / np.where(span > 0, span, 1.0), 1.0)
    return np.where(np.isnan(y), np.nan, np.clip(share, 0.0, 1.0) * scale)


def distance_to_best(x: np.ndarray, direction: np.ndarray, scale: float = 100.0) -> np.ndarray:
    """100 at the best unit, falling with the distance to it relative to the range."""
    y = _oriented(x, direction)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        best = np.nanmax(y, axis=UNITS, keepdims=True)
        span = best - np.nanmin(y, axis=UNITS, keepdims=True)
        d = np.where(span > 0, (best - y) / np.where(span > 0, span, 1.0), 0.0)
    return np.where(np.isnan(y), np.nan, (1.0 - d) * scale)


def _ranks(y: np.ndarray) -> np.ndarray:
    return rankdata(y, method="average", axis=UNITS, nan_policy="omit")


def rank(x: np.ndarray, direction: np.ndarray) -> np.ndarray:
    """Rank from the bottom (1 = worst), ties averaged."""
    y = _oriented(x, direction)
    return np.where(np.isnan(y), np.nan, _ranks(y))


def percentile_rank(x: np.ndarray, direction: np.ndarray, scale: float = 100.0) -> np.ndarray:
    """(rank - 1) / (n - 1) × scale: 0 for the worst unit, `scale` for the best."""
    y = _oriented(x, direction)
    n = np.sum(np.isfinite(y), axis=UNITS, keepdims=True)
    r = _ranks(y)
    return np.where(np.isnan(y), np.nan, (r - 1) / np.maximum(n - 1, 1) * scale)


def borda(x: np.ndarray, direction: np.ndarray) -> np.ndarray:
    """Borda points: how many units this one beats."""
    y = _oriented(x, direction)
    r = rankdata(y, method="min", axis=UNITS, nan_policy="omit")
    return np.where(np.isnan(y), np.nan, r - 1)


NORMALISERS: dict[str, Callable[..., np.ndarray]] = {
    "minmax": minmax, "zscore": zscore, "goalposts": goalposts,
    "distance_to_target": distance_to_target, "distance_to_best": distance_to_best,
    "rank": rank, "percentile_rank": percentile_rank, "borda": borda,
}
