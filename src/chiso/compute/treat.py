"""Outlier treatment as COINr 1.1.14 does it (Treat): a skew/kurtosis test, a first treatment
(winsorisation point by point, or Box-Cox), the test again, then a second treatment (a log,
Box-Cox) where it still fails. Per indicator (a column of units × indicators); NaN cells are
left alone."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from chiso.compute.arrays import FloatArray
from chiso.compute.checks import choice, refuse

FIRST = ("winsorise", "boxcox", "none")
SECOND = ("log_CT", "log_CT_plus", "log_CT_orig", "log_GII", "boxcox")


@dataclass(frozen=True)
class TreatRule:
    """An indicator passes if |skew| < skew_limit or kurtosis < kurt_limit. If it fails, `f1`
    runs: "winsorise" (while winsorise's own test, at win_skew_limit / win_kurt_limit, or the
    pass test's when those are None, fails and fewer than `winmax` points are winsorised,
    every copy of the maximum, or of the minimum where skew < 0, becomes the next value; the
    count is the number of points at the current extreme, as COINr counts them; `force_win`
    winsorises up to winmax whatever the test says), "boxcox" (with boxcox_lambda) or "none"
    (a failing indicator is left as it is and reported untreated). If the test still fails,
    `f2` runs on the original values (on f1's output with `combine`): log_CT
    log(x - min + 0.01 (max - min)), log_CT_plus (the same, or -log(max + a - x) for negative
    skew), log_CT_orig log(x - min + 1), boxcox, or log_GII, which like COINr 1.1.14 returns
    the values unchanged (only the points are marked); None: no second treatment.
    skip_missing False: an indicator with a missing value has no test result and is left as
    it is (COINr 1.1.14's per-indicator specs lose na.rm = TRUE)."""

    winmax: int | None = 5
    skew_limit: float = 2.0
    kurt_limit: float = 3.5
    win_skew_limit: float | None = None
    win_kurt_limit: float | None = None
    force_win: bool = False
    f1: str = "winsorise"
    f2: str | None = "log_CT"
    boxcox_lambda: float | None = None
    combine: bool = False
    skip_missing: bool = True

    def __post_init__(self) -> None:
        choice("treat.f1", self.f1, FIRST)
        if self.f2 is not None:
            choice("treat.f2", self.f2, SECOND)
        if "boxcox" in (self.f1, self.f2) and self.boxcox_lambda is None:
            refuse("Box-Cox cần tham số lambda (treat.boxcox_lambda).",
                   "Box-Cox needs its lambda (treat.boxcox_lambda).")
        if self.winmax is not None and self.winmax < 0:
            refuse("treat.winmax phải ≥ 0.", "treat.winmax must be ≥ 0.")

    def with_(self, **changes: Any) -> TreatRule:
        return replace(self, **changes)


@dataclass(frozen=True)
class TreatDetail:
    """What was done to one indicator. `treated` is False when the test could not be computed
    (a constant indicator, too few values) or nothing could treat it: the values are left as
    they are (COINr warns and leaves such an indicator out of its tables). `checks` holds
    (passed, skew, kurtosis) after each treatment that ran; `points`, COINr's marker of every
    row touched ("winhi", "winlo", "+log_CT", "winhi+log_CT", ...)."""

    indicator: str
    treated: bool
    passed_before: bool
    skew: float
    kurt: float
    winsorised: int | None
    passed_after: bool
    log: bool
    points: tuple[tuple[int, str], ...]
    checks: tuple[tuple[bool, float, float], ...] = ()


class _Untreatable(Exception):
    """The test gives no answer (COINr: NA, or an error caught by Treat)."""


def _mean(x: FloatArray, axis: int = 0) -> FloatArray:
    """R's mean: the sum over n, corrected by the mean residual (exact for a constant)."""
    n = np.sum(np.isfinite(x), axis=axis, keepdims=True)
    v = np.where(np.isfinite(x), x, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        m = v.sum(axis=axis, keepdims=True) / n
        m = m + np.where(np.isfinite(x), x - m, 0.0).sum(axis=axis, keepdims=True) / n
    return np.asarray(m, dtype=float)


def skew_kurt_columns(x: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Sample skewness and excess kurtosis (e1071 type 2) of each column, over its finite values
    (NaN where COINr's has no value: fewer than 3 or 4 values, or no spread)."""
    have = np.isfinite(x)
    n = have.sum(axis=0).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        d = np.where(have, x - _mean(x), 0.0)
        d2 = d * d
        m2 = d2.sum(axis=0)
        skew = np.sqrt(n) * (d2 * d).sum(axis=0) / m2**1.5 * np.sqrt(n * (n - 1)) / (n - 2)
        r = n * (d2 * d2).sum(axis=0) / m2**2
        kurt = ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3))
    return np.where(n < 3, np.nan, skew), np.where(n < 4, np.nan, kurt)


def _moments(v: FloatArray) -> tuple[float, float]:
    """Skewness and excess kurtosis of compact finite values (the scalar twin of
    skew_kurt_columns, for the treatment loop)."""
    n = v.size
    if n < 3:
        return np.nan, np.nan
    m = v.sum() / n
    m += (v - m).sum() / n
    d = v - m
    d2 = d * d
    m2 = float(d2.sum())
    if m2 == 0:
        return np.nan, np.nan
    skew = float(np.sqrt(n) * (d2 * d).sum() / m2**1.5 * np.sqrt(n * (n - 1)) / (n - 2))
    if n < 4:
        return skew, np.nan
    r = n * float((d2 * d2).sum()) / m2**2
    return skew, ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3))


def skew_kurt(x: FloatArray) -> tuple[float, float]:
    """Skewness and excess kurtosis of one column, over its finite values."""
    x = np.asarray(x, dtype=float)
    return _moments(x[np.isfinite(x)])


def _verdict(s: float, k: float, sl: float, kl: float, edge: str) -> bool | None:
    """R's `abs(skew) < sl | kurt < kl`: None where neither holds and one is undefined.
    chiso's earlier rule (edge "neutral") counted an undefined test as a pass."""
    if edge == "neutral" and (np.isnan(s) or np.isnan(k)):
        return True
    if abs(s) < sl or k < kl:
        return True
    if np.isnan(s) or np.isnan(k):
        return None
    return False


def _test(col: FloatArray, rule: TreatRule, edge: str) -> tuple[bool | None, float, float]:
    """The pass test of a column: (passed or None, skewness, kurtosis). A missing value makes
    it undefined when `skip_missing` is off."""
    if not rule.skip_missing and np.isnan(col).any():
        return None, np.nan, np.nan
    s, k = skew_kurt(col)
    if edge == "neutral" and (np.isnan(s) or np.isnan(k)):
        return True, 0.0, 0.0
    return _verdict(s, k, rule.skew_limit, rule.kurt_limit, edge), s, k


def _winsorise(col: FloatArray, rule: TreatRule, edge: str) -> tuple[FloatArray, int, list[str]]:
    """R's `while ((!passing | force_win) & nwin < winmax)`, NA included: an undefined test
    stops the loop quietly at the limit, and with an error (caught: untreated) before it."""
    sl = rule.skew_limit if rule.win_skew_limit is None else rule.win_skew_limit
    kl = rule.kurt_limit if rule.win_kurt_limit is None else rule.win_kurt_limit
    finite = np.isfinite(col)
    v = col[finite].copy()  # the finite values, worked on in place
    high = low = np.zeros(v.shape, dtype=bool)
    nwin = 0
    while True:
        s, k = _moments(v)
        ok = _verdict(s, k, sl, kl, edge)
        if rule.winmax is not None and nwin >= rule.winmax:
            break
        if ok is None and not rule.force_win:
            raise _Untreatable
        if ok and not rule.force_win:
            break
        if np.isnan(s):  # R: `if (skew(x) >= 0)` with NA stops
            raise _Untreatable
        if s >= 0:
            high = v == v.max()
            rest = v[~high]
            v[high] = rest.max() if rest.size else -np.inf
        else:
            low = v == v.min()
            rest = v[~low]
            v[low] = rest.min() if rest.size else np.inf
        nwin = int(high.sum() + low.sum())
    x = col.copy()
    x[finite] = v
    marks = np.full(col.shape, "", dtype=object)
    marks[np.flatnonzero(finite)[high]] = "winhi"
    marks[np.flatnonzero(finite)[low]] = "winlo"
    return x, nwin, marks.tolist()


def _second(x: FloatArray, how: str, lam: float | None) -> tuple[FloatArray, str]:
    if how == "log_GII":
        return x, "log_GII"
    if how == "boxcox":
        return _boxcox(x, float(lam if lam is not None else 1.0)), ""
    lo, hi = np.nanmin(x), np.nanmax(x)
    if how == "log_CT_orig":
        return np.log(x - lo + 1), "log_CT_orig"
    a = 0.01 * (hi - lo)
    if how == "log_CT_plus" and not skew_kurt(x)[0] > 0:
        return -np.log(hi + a - x), "log_CT_neg"
    return np.log(x - lo + a), "log_CT"


def _boxcox(x: FloatArray, lam: float) -> FloatArray:
    y = x - np.nanmin(x) + 1
    return np.log(y) if lam == 0 else (y**lam - 1) / lam


def treat_column(col: FloatArray, rule: TreatRule, name: str = "", edge: str = "formula"
                 ) -> tuple[FloatArray, TreatDetail]:
    """One indicator treated: the new column and what was done."""
    x = np.array(col, dtype=float)
    ok0, s0, k0 = _test(x, rule, edge)
    if ok0 is None:  # no answer from the start: left as it is, out of COINr's tables
        return x, TreatDetail(name, False, False, s0, k0, None, False, False, ())
    if ok0:
        return x, TreatDetail(name, True, True, s0, k0, None, True, False, ())
    if rule.f1 == "none":
        return x, TreatDetail(name, False, False, s0, k0, None, False, False, ())
    try:
        if rule.f1 == "winsorise":
            x1, nwin, marks = _winsorise(x, rule, edge)
            count: int | None = nwin
        else:
            x1, count, marks = _boxcox(x, float(rule.boxcox_lambda or 0.0)), None, [""] * len(x)
    except _Untreatable:
        return x, TreatDetail(name, False, False, s0, k0, None, False, False, ())
    checks: list[tuple[bool, float, float]] = []
    out, log = x1, False
    check1 = _test(x1, rule, edge)
    if check1[0] is not None and not check1[0] and rule.f2 is not None:
        checks.append((False, check1[1], check1[2]))
        out, mark = _second(x1 if rule.combine else x, rule.f2, rule.boxcox_lambda)
        check1 = _test(out, rule, edge)
        log = True
        if mark:
            marks = [f"{m}+{mark}" for m in marks]
    if check1[0] is None:  # no answer after a treatment: COINr returns the values untreated
        return x, TreatDetail(name, True, False, s0, k0, count, False, False, (), tuple(checks))
    checks.append((bool(check1[0]), check1[1], check1[2]))
    points = tuple((i, m) for i, m in enumerate(marks) if m)
    return out, TreatDetail(name, True, False, s0, k0, count, checks[-1][0], log, points,
                            tuple(checks))


def treat(values: FloatArray, rules: list[TreatRule | None], names: list[str],
          edge: str = "formula") -> tuple[FloatArray, list[TreatDetail]]:
    """Every indicator column treated by its rule (None: left alone, no detail)."""
    out = np.array(values, dtype=float)
    skew, kurt = skew_kurt_columns(out)  # one pass over all columns; loop only over failures
    details = []
    for j, rule in enumerate(rules):
        if rule is None:
            continue
        s, k = float(skew[j]), float(kurt[j])
        clean = rule.skip_missing or not np.isnan(out[:, j]).any()
        if clean and np.isfinite(s) and np.isfinite(k) and (abs(s) < rule.skew_limit
                                                            or k < rule.kurt_limit):
            details.append(TreatDetail(names[j], True, True, s, k, None, True, False, ()))
            continue
        out[:, j], d = treat_column(out[:, j], rule, names[j], edge)
        details.append(d)
    return out, details
