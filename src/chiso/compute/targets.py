"""Targets and trajectories: the gap, the share of the way done, a projection to the target year
(linear and compound growth, bounded by the indicator's range) and a status."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

STATUSES = ("achieved", "on_track", "at_risk", "off_track", "unknown")
AT_RISK_SHARE = 0.25  # projected shortfall within a quarter of the remaining distance: at risk


@dataclass(frozen=True)
class Assessment:
    status: str
    gap: float | None                 # target - latest (in the good direction: > 0 still to go)
    share_of_way: float | None        # from the first observed value to the target, 0..1+
    linear: float | None              # projection to the target year, least-squares line
    compound: float | None            # projection with the average compound growth rate
    distance_to_best: float | None
    distance_to_national: float | None


def _years(series: Sequence[tuple[str, float]]) -> tuple[np.ndarray, np.ndarray] | None:
    pts = []
    for period, value in series:
        try:
            year = int(str(period)[:4])
        except ValueError:
            return None
        if value is not None and math.isfinite(value):
            pts.append((year, float(value)))
    if not pts:
        return None
    pts.sort()
    x, y = np.array([p[0] for p in pts], float), np.array([p[1] for p in pts], float)
    return x, y


def _meets(value: float, target: float, qualifier: str, direction: str) -> bool:
    if qualifier in ("le", "lt") or direction == "lower_better":
        return value <= target if qualifier != "lt" else value < target
    return value > target if qualifier == "gt" else value >= target


def project_linear(x: np.ndarray, y: np.ndarray, year: int, lo: float | None = None,
                   hi: float | None = None) -> float | None:
    if x.size < 2 or np.ptp(x) == 0:
        return None
    slope, intercept = np.polyfit(x, y, 1)
    return _bound(float(slope * year + intercept), lo, hi)


def project_compound(x: np.ndarray, y: np.ndarray, year: int, lo: float | None = None,
                     hi: float | None = None) -> float | None:
    if x.size < 2 or np.ptp(x) == 0 or y[0] <= 0 or y[-1] <= 0:
        return None
    with np.errstate(over="ignore"):  # explosive growth projects to infinity, then to `hi`
        growth = np.float64(y[-1]) / np.float64(y[0])
        growth = growth ** (1.0 / (x[-1] - x[0]))
        return _bound(float(y[-1] * growth ** (year - x[-1])), lo, hi)


def _bound(v: float, lo: float | None, hi: float | None) -> float:
    if lo is not None:
        v = max(v, lo)
    if hi is not None:
        v = min(v, hi)
    return v


def assess(series: Sequence[tuple[str, float]], target: dict[str, Any], direction: str, *,
           lo: float | None = None, hi: float | None = None, best: float | None = None,
           national: float | None = None) -> Assessment:
    """Where a unit stands against a target {value, qualifier, year}. `lo`/`hi` bound the
    projections (0 and 100 for a percentage); `best` and `national` are the best province's
    and the national value for the same period."""
    pts = _years(series)
    t = float(target["value"])
    qual = target.get("qualifier") or "ge"
    year = target.get("year")
    if pts is None:
        return Assessment("unknown", None, None, None, None, None, None)
    x, y = pts
    last = y[-1]
    sign = -1.0 if (direction == "lower_better" or qual in ("le", "lt")) else 1.0
    gap = sign * (t - last)
    span = sign * (t - y[0])
    share = None if span == 0 else float(sign * (last - y[0]) / span)
    lin = project_linear(x, y, int(year), lo, hi) if year else None
    comp = project_compound(x, y, int(year), lo, hi) if year else None
    dist_best = None if best is None else float(sign * (best - last))
    dist_nat = None if national is None else float(sign * (last - national))
    if _meets(last, t, qual, direction):
        status = "achieved"
    elif not year or lin is None:
        status = "off_track" if year and x[-1] >= int(year) else "unknown"
    elif x[-1] >= int(year):
        status = "off_track"
    elif _meets(lin, t, qual, direction):
        status = "on_track"
    else:
        short = abs(t - lin)
        status = "at_risk" if gap and short / abs(gap) <= AT_RISK_SHARE else "off_track"
    return Assessment(status, float(gap), share, lin, comp, dist_best, dist_nat)


def project_status(series: Sequence[tuple[str, float]], target: dict[str, Any] | None,
                   direction: str) -> str | None:
    """The status of a yearly series against a target (None without a target)."""
    if target is None:
        return None
    return assess(series, target, direction).status
