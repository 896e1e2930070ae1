"""Re-express a series of the old units on the units that succeeded them.

The rule comes from the framework (`merge:` of each indicator, docs/frameworks.md):
sum for counts and money, a ratio recomputed from its numerator and denominator, a
population-weighted mean for other rates, the unweighted mean for published composite indices
(the ministry's 2024 rule for the DTI), min or max for bounds, none where values cannot be
combined. A new unit gets a value only when every one of its predecessors has one: a partial
sum or mean would be a different quantity, so it is left missing, never guessed.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from chiso.errors import UnitError
from chiso.framework.schema import Node

METHODS = ("sum", "ratio", "pop_weighted_mean", "mean", "min", "max", "none")


def parts_of(events: Iterable[Any]) -> dict[str, list[str]]:
    """New unit id -> its predecessors' ids, from lineage events (from_id, to_id)."""
    out: dict[str, list[str]] = defaultdict(list)
    for e in events:
        out[e.to_id].append(e.from_id)
    return dict(out)


def reexpress(
    values: Mapping[str, float],
    events: Iterable[Any],
    method: str,
    *,
    numerator: Mapping[str, float] | None = None,
    denominator: Mapping[str, float] | None = None,
    scale: float = 1.0,
    weights: Mapping[str, float] | None = None,
) -> dict[str, float]:
    """Values on the new units, by the merge rule `method`.

    `values` are keyed by old unit id. For "ratio", `numerator` and `denominator` (old unit id
    -> value) are used instead and the result is scale × Σ numerator / Σ denominator; for
    "pop_weighted_mean", `weights` are the predecessors' populations.
    """
    if method not in METHODS:
        raise UnitError(f"Quy tắc gộp không hợp lệ: '{method}'.",
                        f"Unknown merge rule '{method}'; use one of {', '.join(METHODS)}.")
    if method == "none":
        return {}
    if method == "ratio" and (numerator is None or denominator is None):
        raise UnitError("Quy tắc 'ratio' cần số liệu tử số và mẫu số.",
                        "The 'ratio' rule needs numerator and denominator values.")
    if method == "pop_weighted_mean" and weights is None:
        raise UnitError("Quy tắc 'pop_weighted_mean' cần dân số của các đơn vị cũ.",
                        "The 'pop_weighted_mean' rule needs the old units' populations (weights).")
    out: dict[str, float] = {}
    for new_id, olds in parts_of(events).items():
        value = _combine(method, olds, values, numerator, denominator, scale, weights)
        if value is not None:
            out[new_id] = value
    return out


def _have(mapping: Mapping[str, float] | None, ids: list[str]) -> list[float] | None:
    if mapping is None:
        return None
    got = [mapping.get(i) for i in ids]
    if any(v is None or (isinstance(v, float) and math.isnan(v)) for v in got):
        return None
    return [float(v) for v in got]  # type: ignore[arg-type]


def _combine(method: str, olds: list[str], values: Mapping[str, float],
             numerator: Mapping[str, float] | None, denominator: Mapping[str, float] | None,
             scale: float, weights: Mapping[str, float] | None) -> float | None:
    if method == "ratio":
        num, den = _have(numerator, olds), _have(denominator, olds)
        if num is None or den is None or sum(den) == 0:
            return None
        return scale * sum(num) / sum(den)
    vals = _have(values, olds)
    if vals is None:
        return None
    if method == "sum":
        return math.fsum(vals)
    if method == "mean":
        return math.fsum(vals) / len(vals)
    if method == "min":
        return min(vals)
    if method == "max":
        return max(vals)
    w = _have(weights, olds)
    if w is None or sum(w) <= 0:
        return None
    return math.fsum(v * x for v, x in zip(vals, w, strict=True)) / math.fsum(w)


def reexpress_indicator(
    node: Node,
    series: Mapping[str, Mapping[str, float]],
    events: Iterable[Any],
    *,
    population: Mapping[str, float] | None = None,
) -> dict[str, float]:
    """One indicator's values on the new units, by its framework rule.

    `series` maps indicator codes to {old unit id: value}; it holds the indicator itself and,
    for a ratio rule, its numerator and denominator indicators.
    """
    if node.merge is None:
        raise UnitError(f"Chỉ tiêu {node.code} không có quy tắc gộp (merge).",
                        f"Indicator {node.code} has no merge rule.")
    m = node.merge
    return reexpress(
        series.get(node.code, {}), list(events), m.method,
        numerator=series.get(m.numerator) if m.numerator else None,
        denominator=series.get(m.denominator) if m.denominator else None,
        scale=m.scale, weights=population,
    )
