"""Normalisers: put indicators on a common scale, direction respected (COINr's n_* functions).

Each works on arrays (..., units, indicators) along the units axis, ignoring NaN, and takes a
direction per indicator (+1 higher is better, -1 lower is better): the values are multiplied
by it first, as COINr does, so higher is better after normalisation. Leading axes are
replications. `edge` says what happens where a formula has no answer (an indicator with no
spread, a target no unit falls short of, a single unit): "formula" gives what the formula
gives (NaN, ±inf, values past the bounds), as COINr does; "neutral" is chiso's earlier rule
(the middle of the scale, the mean, full marks).
"""

from __future__ import annotations

import warnings

import numpy as np
from scipy.stats import rankdata

from chiso.compute.arrays import FloatArray
from chiso.compute.checks import refuse

UNITS = -2
TIES = ("min", "average", "max", "first", "last", "dense")


def _oriented(x: FloatArray, direction: FloatArray) -> FloatArray:
    return np.asarray(np.asarray(x, dtype=float) * np.asarray(direction, dtype=float), dtype=float)


def _range(y: FloatArray) -> tuple[FloatArray, FloatArray]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return (np.nanmin(y, axis=UNITS, keepdims=True), np.nanmax(y, axis=UNITS, keepdims=True))


def _ratio(num: FloatArray, span: FloatArray, edge: str, neutral: float) -> FloatArray:
    """num / span; with edge "neutral", `neutral` where the span is not positive."""
    with np.errstate(invalid="ignore", divide="ignore"):
        if edge == "formula":
            return np.asarray(num / span, dtype=float)
        return np.asarray(np.where(span > 0, num / np.where(span > 0, span, 1.0), neutral),
                          dtype=float)


def minmax(x: FloatArray, direction: FloatArray, a: float = 0.0, b: float = 100.0,
           edge: str = "formula") -> FloatArray:
    """(x - min) / (max - min) onto [a, b] (b < a reverses the scale)."""
    y = _oriented(x, direction)
    lo, hi = _range(y)
    scaled = _ratio(y - lo, hi - lo, edge, 0.5)  # no spread, neutral: the middle of the scale
    return np.where(np.isnan(y), np.nan, a + scaled * (b - a))


def zscore(x: FloatArray, direction: FloatArray, mean: float = 0.0, sd: float = 1.0,
           edge: str = "formula") -> FloatArray:
    """Standardised with the sample standard deviation, then to the given mean and sd."""
    y = _oriented(x, direction)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        mu = np.nanmean(y, axis=UNITS, keepdims=True)
        s = np.nanstd(y, axis=UNITS, ddof=1, keepdims=True)
        if edge == "formula":  # a constant has no spread: 0/0, exactly, as in R
            lo, hi = _range(y)
            z = np.where(hi > lo, (y - mu) / s, np.nan)
        else:  # a constant indicator (up to rounding in the mean): everyone at the mean
            spread = s > 1e-12 * np.nanmax(np.abs(y), axis=UNITS, keepdims=True)
            z = np.where(spread, (y - mu) / np.where(spread, s, 1.0), 0.0)
    return np.where(np.isnan(y), np.nan, mean + sd * z)


def goalposts(x: FloatArray, direction: FloatArray, low: FloatArray, high: FloatArray,
              scale: float = 100.0, truncate: bool = True) -> FloatArray:
    """Fixed bounds kept across years: share of the way from the worst to the best goalpost,
    clipped to [0, 1] with `truncate`, times `scale`. For lower-is-better indicators `low` is
    still the smaller number, in the indicator's own units."""
    x = np.asarray(x, dtype=float)
    low, high = np.asarray(low, dtype=float), np.asarray(high, dtype=float)
    if np.any(~(high > low)):
        refuse("Cận dưới phải nhỏ hơn cận trên (goalposts).",
               "Each goalpost pair needs low < high.")
    share = (x - low) / (high - low)
    share = np.where(np.asarray(direction) < 0, 1.0 - share, share)
    if truncate:
        share = np.clip(share, 0.0, 1.0)
    return np.where(np.isnan(x), np.nan, share * scale)


def scaled(x: FloatArray, direction: FloatArray, low: float = 0.0, high: float = 100.0,
           scale: float = 100.0) -> FloatArray:
    """(x - low) / (high - low) × scale after the direction (COINr's n_scaled); `low` and
    `high` are in the indicator's own units, so for a lower-is-better one they become -high and
    -low, as COINr does with parameters from iMeta."""
    y = _oriented(x, direction)
    d = np.asarray(direction, dtype=float)
    lo = np.where(d < 0, -high, low)
    hi = np.where(d < 0, -low, high)
    return np.asarray((y - lo) / (hi - lo) * scale, dtype=float)


def distance_to_target(x: FloatArray, direction: FloatArray, target: FloatArray,
                       scale: float = 100.0, cap: bool = True, edge: str = "formula"
                       ) -> FloatArray:
    """Share of the way from the worst unit to the target, 1 - (t - x) / (t - min), capped at
    the target with `cap` (COINr's n_dist2targ)."""
    y = _oriented(x, direction)
    t = _oriented(np.broadcast_to(target, y.shape[-1:]), direction)
    lo, _ = _range(y)
    share = _ratio(y - lo, t - lo, edge, 1.0)  # neutral: a target every unit has reached
    if cap:
        share = np.minimum(share, 1.0) if edge == "formula" else np.clip(share, 0.0, 1.0)
    return np.where(np.isnan(y), np.nan, share * scale)


def distance_to_reference(x: FloatArray, direction: FloatArray, ref: int, scale: float = 1.0,
                          cap: bool = False) -> FloatArray:
    """1 - (x_ref - x) / (x_ref - min), the reference being the unit in row `ref` (COINr's
    n_dist2ref); capped at 1 with `cap`."""
    y = _oriented(x, direction)
    lo, _ = _range(y)
    r = y[..., ref:ref + 1, :]
    with np.errstate(invalid="ignore", divide="ignore"):
        share = 1 - (r - y) / (r - lo)
    if cap:
        share = np.where(share > 1, 1.0, share)
    return share * scale


def distance_to_best(x: FloatArray, direction: FloatArray, scale: float = 100.0,
                     edge: str = "formula") -> FloatArray:
    """`scale` at the best unit, falling with the distance to it relative to the range
    (COINr's n_dist2max, times `scale`)."""
    y = _oriented(x, direction)
    lo, best = _range(y)
    d = _ratio(best - y, best - lo, edge, 0.0)
    return np.where(np.isnan(y), np.nan, (1.0 - d) * scale)


def fraction_of_best(x: FloatArray, direction: FloatArray, scale: float = 1.0) -> FloatArray:
    """x / max(x) × scale, after the direction (COINr's n_fracmax)."""
    y = _oriented(x, direction)
    _, best = _range(y)
    with np.errstate(invalid="ignore", divide="ignore"):
        return y / best * scale


def _ranks(y: FloatArray, ties: str, order: np.ndarray | None) -> FloatArray:
    """Ranks from the bottom along the units axis, NaN kept. Ties: as R's rank; "first" and
    "last" break them by `order` (each unit's place in the sorted unit ids, COINr's row order)."""
    if ties in ("min", "average", "max", "dense"):
        return np.asarray(rankdata(y, method=ties, axis=UNITS, nan_policy="omit"), dtype=float)
    moved = np.moveaxis(y, UNITS, -1)
    n = moved.shape[-1]
    pos = np.arange(n) if order is None else np.asarray(order)
    key = pos if ties == "first" else -pos
    flat = moved.reshape(-1, n)
    out = np.full(flat.shape, np.nan)
    for i, row in enumerate(flat):
        ok = np.isfinite(row)
        idx = np.flatnonzero(ok)
        sorted_idx = idx[np.lexsort((key[idx], row[idx]))]
        out[i, sorted_idx] = np.arange(1, idx.size + 1)
    return np.moveaxis(out.reshape(moved.shape), -1, UNITS)


def rank(x: FloatArray, direction: FloatArray, ties: str = "min",
         order: np.ndarray | None = None) -> FloatArray:
    """Rank from the bottom (1 = worst); ties as R's rank(ties.method)."""
    y = _oriented(x, direction)
    return np.where(np.isnan(y), np.nan, _ranks(y, ties, order))


def percentile_rank(x: FloatArray, direction: FloatArray, scale: float = 100.0, ties: str = "min",
                    order: np.ndarray | None = None, edge: str = "formula") -> FloatArray:
    """(rank - 1) / (n - 1) × scale: 0 for the worst unit, `scale` for the best."""
    y = _oriented(x, direction)
    n = np.sum(np.isfinite(y), axis=UNITS, keepdims=True)
    r = _ranks(y, ties, order)
    with np.errstate(invalid="ignore", divide="ignore"):
        below = n - 1 if edge == "formula" else np.maximum(n - 1, 1)
        return np.where(np.isnan(y), np.nan, (r - 1) / below * scale)


def borda(x: FloatArray, direction: FloatArray, ties: str = "min",
          order: np.ndarray | None = None) -> FloatArray:
    """Borda points: rank - 1 (how many units this one beats, ties "min")."""
    y = _oriented(x, direction)
    return np.where(np.isnan(y), np.nan, _ranks(y, ties, order) - 1)
