"""Projected status of a figure against its target: on track, at risk, off track.

The projection belongs to chiso.compute.targets; until that module exists, a minimal linear
projection stands in (same statuses), so pages can be built and tested.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

STATUSES = ("achieved", "on_track", "at_risk", "off_track", "unknown")


def _meets(value: float, target: float, qualifier: str, direction: str) -> bool:
    if qualifier in ("le", "lt") or direction == "lower_better":
        return value <= target
    return value >= target


def _fallback(series: Sequence[tuple[str, float]], target: dict[str, Any], direction: str) -> str:
    if not series:
        return "unknown"
    t_value, qual, year = float(target["value"]), target.get("qualifier") or "ge", target.get("year")
    last_p, last_v = series[-1]
    if _meets(last_v, t_value, qual, direction):
        return "achieved"
    if not year or len(series) < 2:
        return "unknown"
    try:
        xs = [int(p[:4]) for p, _ in series]
    except ValueError:
        return "unknown"
    ys = [v for _, v in series]
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    var = sum((x - mx) ** 2 for x in xs)
    if var == 0:
        return "unknown"
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / var
    projected = last_v + slope * (int(year) - xs[-1])
    if _meets(projected, t_value, qual, direction):
        return "on_track"
    needed = abs(t_value - last_v)
    short = abs(t_value - projected)
    return "at_risk" if needed and short / needed <= 0.25 else "off_track"


def project(series: Sequence[tuple[str, float]], target: dict[str, Any] | None,
            direction: str) -> str | None:
    """The status of a yearly series against a target (None without a target)."""
    if target is None:
        return None
    try:
        from chiso.compute import targets as compute_targets  # type: ignore[attr-defined]
    except ImportError:
        return _fallback(series, target, direction)
    fn = getattr(compute_targets, "project_status", None)
    if fn is None:
        return _fallback(series, target, direction)
    return str(fn(series, target, direction))
