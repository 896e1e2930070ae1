"""Outlier treatment as COINr does it: a skew/kurtosis test, point-by-point winsorisation, log
fallback. Per indicator (a column of a units × indicators array); NaN cells are left alone."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class TreatRule:
    winmax: int = 5          # at most this many winsorised points per indicator
    skew_limit: float = 2.0  # passes if |skew| < skew_limit ...
    kurt_limit: float = 3.5  # ... or kurtosis < kurt_limit
    log_fallback: bool = True


@dataclass(frozen=True)
class TreatDetail:
    indicator: str
    passed_before: bool
    skew: float
    kurt: float
    winsorised: int
    passed_after: bool
    log: bool
    points: tuple[tuple[int, str], ...]  # (unit row, "winhi" | "winlo")


def skew_kurt_columns(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sample skewness and excess kurtosis (type 2) of each column, over its finite values
    (0, 0 for a column with fewer than 4 values or no spread)."""
    have = np.isfinite(x)
    n = have.sum(axis=0).astype(float)
    v = np.where(have, x, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        d = np.where(have, v - v.sum(axis=0) / n, 0.0)
        d2 = d * d
        m2 = d2.sum(axis=0)
        skew = np.sqrt(n) * (d2 * d).sum(axis=0) / m2**1.5 * np.sqrt(n * (n - 1)) / (n - 2)
        r = n * (d2 * d2).sum(axis=0) / m2**2
        kurt = ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3))
    degenerate = (n < 4) | (m2 == 0)
    return np.where(degenerate, 0.0, skew), np.where(degenerate, 0.0, kurt)


def skew_kurt(x: np.ndarray) -> tuple[float, float]:
    """Skewness and excess kurtosis of one column."""
    skew, kurt = skew_kurt_columns(np.asarray(x, dtype=float)[:, None])
    return float(skew[0]), float(kurt[0])


def _passes(skew: float, kurt: float, rule: TreatRule) -> bool:
    return abs(skew) < rule.skew_limit or kurt < rule.kurt_limit


def treat_column(x: np.ndarray, rule: TreatRule, name: str = "",
                 first: tuple[float, float] | None = None) -> tuple[np.ndarray, TreatDetail]:
    """One indicator treated: returns the new column and what was done. `first` is the column's
    skewness and kurtosis when the caller has them already."""
    col = np.array(x, dtype=float)
    skew0, kurt0 = skew_kurt(col) if first is None else first
    ok0 = _passes(skew0, kurt0, rule)
    if ok0:
        return col, TreatDetail(name, True, skew0, kurt0, 0, True, False, ())
    points: list[tuple[int, str]] = []
    skew, kurt, nwin, ok = skew0, kurt0, 0, False
    finite = np.isfinite(col)
    while not ok and nwin < rule.winmax:
        vals = col[finite]
        if skew >= 0:
            top = vals.max()
            rest = vals[vals < top]
            if rest.size == 0:
                break
            hit = finite & (col == top)
            col[hit] = rest.max()
            points += [(int(i), "winhi") for i in np.flatnonzero(hit)]
        else:
            low = vals.min()
            rest = vals[vals > low]
            if rest.size == 0:
                break
            hit = finite & (col == low)
            col[hit] = rest.min()
            points += [(int(i), "winlo") for i in np.flatnonzero(hit)]
        nwin += 1
        skew, kurt = skew_kurt(col)
        ok = _passes(skew, kurt, rule)
    if not ok and rule.log_fallback:
        orig = np.array(x, dtype=float)
        lo, hi = np.nanmin(orig), np.nanmax(orig)
        col = np.log(orig - lo + 0.01 * (hi - lo))
        return col, TreatDetail(name, False, skew0, kurt0, 0, True, True, ())
    return col, TreatDetail(name, False, skew0, kurt0, nwin, ok, False, tuple(points))


def treat(values: np.ndarray, rule: TreatRule, names: list[str] | None = None,
          skip: set[int] | None = None) -> tuple[np.ndarray, list[TreatDetail]]:
    """Every indicator column treated (except those in `skip`)."""
    out = np.array(values, dtype=float)
    skew, kurt = skew_kurt_columns(out)  # one pass over all columns; loop only over failures
    details = []
    for j in range(out.shape[1]):
        name = names[j] if names else str(j)
        if skip and j in skip:
            continue
        s, k = float(skew[j]), float(kurt[j])
        if _passes(s, k, rule):
            details.append(TreatDetail(name, True, s, k, 0, True, False, ()))
            continue
        out[:, j], d = treat_column(out[:, j], rule, name, (s, k))
        details.append(d)
    return out, details
