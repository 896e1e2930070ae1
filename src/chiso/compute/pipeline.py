"""The stages of a build, each a function of arrays and the method: denominate, impute and
screen, treat, normalise, weight, aggregate. `build` runs them once; the uncertainty engine runs
the same functions over replications."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from typing import Any

import numpy as np

from chiso.compute import normalise as norm
from chiso.compute import rubric
from chiso.compute.aggregate import Rules, aggregate
from chiso.compute.arrays import AnyArray, FloatArray
from chiso.compute.checks import refuse
from chiso.compute.impute import impute
from chiso.compute.method import Method
from chiso.compute.screen import ScreenDetail, screen
from chiso.compute.structure import Dataset, Structure, leaf_matrix
from chiso.compute.treat import TreatDetail, TreatRule, treat
from chiso.compute.weights import node_weights


@dataclass(frozen=True)
class Context:
    """What some normalisers need of the units: ids (a reference unit) and each unit's place
    in the sorted ids (ties broken "first"/"last", as COINr's rows are sorted by uCode)."""

    unit_ids: tuple[str, ...]
    order: AnyArray

    @classmethod
    def of(cls, unit_ids: list[str]) -> Context:
        return cls(tuple(unit_ids), np.argsort(np.argsort(np.array(unit_ids), kind="stable")))


@dataclass(frozen=True)
class Prepared:
    """The data after denomination, imputation and screening: what the later stages start from."""

    stages: dict[str, FloatArray]
    values: FloatArray
    kept: AnyArray
    screen: ScreenDetail | None


def denominate(st: Structure, data: Dataset, x: FloatArray, method: Method) -> FloatArray:
    out = x.copy()
    for j, code in enumerate(st.tree.leaves):
        col = method.denominators.get(code)
        if not col:
            continue
        if col not in data.denominators:
            refuse(f"Thiếu cột mẫu số '{col}' cho chỉ tiêu {code}.",
                   f"Denominator column '{col}' for {code} is missing.")
        d = np.asarray(data.denominators[col], dtype=float)
        scale = method.denominator_scale.get(code)
        if scale is not None:
            d = d / scale
        out[:, j] = x[:, j] * d if method.denominate == "multiply" else x[:, j] / d
    return out


def prepare(st: Structure, data: Dataset, method: Method,
            trace: dict[str, FloatArray] | None = None) -> Prepared:
    """Raw → denominated → imputed and screened (in the method's order)."""
    stages: dict[str, FloatArray] = {} if trace is None else trace
    x = leaf_matrix(st, data)
    stages["raw"] = x
    x = denominate(st, data, x, method)
    stages["denominated"] = x
    rule = method.impute
    groups = data.groups.get(rule.group) if rule.group else None
    if rule.group and groups is None:
        refuse(f"Không có cột nhóm '{rule.group}' để điền số liệu.",
               f"There is no group column '{rule.group}' to impute by.")
    prev = leaf_matrix(st, data, data.previous) if data.previous is not None else None
    level = rule.group_level
    if level is not None and not 2 <= level <= max(st.tree.level):
        refuse(f"impute.group_level phải từ 2 đến {max(st.tree.level)}.",
               f"impute.group_level must be between 2 and {max(st.tree.level)}.")
    by_level = None if level is None else np.array(st.tree.ancestor_at(level)[:len(st.tree.leaves)])

    def fill(v: FloatArray) -> FloatArray:
        return impute(v, rule, groups=None if groups is None else np.asarray(groups, dtype=object),
                      previous=prev, direction=st.direction, indicator_groups=by_level)

    before = method.screen is not None and method.screen.before_impute
    detail = None
    kept = np.ones(x.shape[0], dtype=bool)
    for step in (("screen", "impute") if before else ("impute", "screen")):
        if step == "impute":
            x = np.where(kept[:, None], fill(x), np.nan)  # units screened out stay out
            stages["imputed"] = x
        else:
            kept, detail = screen(x, method.screen, data.unit_ids)
            x = np.where(kept[:, None], x, np.nan)
            stages["screened"] = x
    return Prepared(stages, x, kept, detail)


def treat_rules(st: Structure, method: Method, winmax: int | None = None) -> list[TreatRule | None]:
    """Each leaf's treatment (None: untreated); `winmax` replaces the global limit."""
    base = method.treat
    if base is None:
        return [None] * len(st.tree.leaves)
    if winmax is not None:
        base = base.with_(winmax=winmax)
    out: list[TreatRule | None] = []
    for code in st.tree.leaves:
        if code not in method.treat_per_indicator:
            out.append(base)
            continue
        override = method.treat_per_indicator[code]
        out.append(None if override is None else TreatRule(**{**asdict(base), **override}))
    return out


def treat_stage(st: Structure, x: FloatArray, method: Method, kept: AnyArray,
                winmax: int | None = None) -> tuple[FloatArray, list[TreatDetail]]:
    """The units kept by screening treated (those screened out are not in the data COINr
    treats); the points of the details are rows of `x`."""
    if method.treat is None:
        return x, []
    rows = np.flatnonzero(kept)
    sub, details = treat(x[rows], treat_rules(st, method, winmax), list(st.tree.leaves),
                         method.edge_values)
    out = x.copy()
    out[rows] = sub
    return out, [replace(d, points=tuple((int(rows[i]), m) for i, m in d.points)) for d in details]


def normalise(st: Structure, x: FloatArray, method: Method, ctx: Context,
              kind: str | None = None, params: dict[str, Any] | None = None) -> FloatArray:
    """Every leaf normalised by the method (or the `kind`/`params` given), with per-indicator
    overrides where the kind is the method's own. Works on (..., units, leaves)."""
    kind = kind or method.normalise
    params = method.normalise_params if params is None else params
    st = st.with_directions(method.directions)  # the normalisation's own directions
    out = _normalise_cols(st, x, kind, params, method.edge_values, ctx, None)
    if kind != method.normalise:  # an alternative normaliser replaces every indicator's
        return out
    for code, spec in method.per_indicator.items():
        if code in st.tree.leaves:
            j = st.tree.leaves.index(code)
            one = _normalise_cols(st, x[..., j:j + 1], spec["normalise"], spec.get("params", {}),
                                  method.edge_values, ctx, j)
            out[..., j] = one[..., 0]
    return out


def _normalise_cols(st: Structure, x: FloatArray, kind: str, p: dict[str, Any], edge: str,
                    ctx: Context, j: int | None) -> FloatArray:
    sl = slice(None) if j is None else slice(j, j + 1)
    d = st.direction[sl]
    if kind == "none":
        return np.asarray(x * d if p.get("orient", True) else np.array(x, dtype=float), dtype=float)
    if kind == "rubric":  # each component's declared rule: its points over its full points
        if st.rubric is None:
            refuse("Khung này không có quy tắc chấm điểm cho các chỉ số thành phần.",
                   "This framework declares no scoring rules for its components.")
        return rubric.shares(st.rubric.take(range(*sl.indices(len(st.tree.leaves)))), x)
    if kind == "minmax":
        return norm.minmax(x, d, p.get("a", 0.0), p.get("b", 100.0), edge)
    if kind == "zscore":
        return norm.zscore(x, d, p.get("mean", 0.0), p.get("sd", 1.0), edge)
    if kind == "scaled":
        return norm.scaled(x, d, p.get("low", 0.0), p.get("high", 100.0), p.get("scale", 100.0))
    if kind == "goalposts":
        low = np.full(d.shape, p["low"]) if "low" in p else st.low[sl]
        high = np.full(d.shape, p["high"]) if "high" in p else st.high[sl]
        _need(st, sl, np.isnan(low) | np.isnan(high), "cận (goalposts)", "goalposts")
        return norm.goalposts(x, d, low, high, p.get("scale", 100.0), p.get("truncate", True))
    if kind == "distance_to_target":
        target = np.full(d.shape, float(p["target"])) if "target" in p else st.target[sl]
        _need(st, sl, np.isnan(target), "chỉ tiêu đích (target)", "target")
        return norm.distance_to_target(x, d, target, p.get("scale", 100.0), p.get("cap", True),
                                       edge)
    if kind == "distance_to_reference":
        unit = p.get("unit")
        if unit not in ctx.unit_ids:
            refuse(f"Đơn vị tham chiếu '{unit}' không có trong số liệu.",
                   f"The reference unit '{unit}' is not in the data.")
        return norm.distance_to_reference(x, d, ctx.unit_ids.index(str(unit)),
                                          p.get("scale", 100.0), p.get("cap", False))
    if kind == "distance_to_best":
        return norm.distance_to_best(x, d, p.get("scale", 100.0), edge)
    if kind == "fraction_of_best":
        return norm.fraction_of_best(x, d, p.get("scale", 100.0))
    ties = p.get("ties", "min")
    if kind == "rank":
        return norm.rank(x, d, ties, ctx.order)
    if kind == "percentile_rank":
        return norm.percentile_rank(x, d, p.get("scale", 100.0), ties, ctx.order, edge)
    if kind == "borda":
        return norm.borda(x, d, ties, ctx.order)
    refuse(f"Cách chuẩn hóa không hợp lệ: '{kind}'.", f"Unknown normalisation '{kind}'.")


def _need(st: Structure, sl: slice, missing: AnyArray, vi: str, en: str) -> None:
    if np.any(missing):
        codes = [c for c, m in zip(st.tree.leaves[sl], missing, strict=True) if m]
        refuse(f"Thiếu {vi} cho chỉ tiêu {', '.join(codes[:5])}.",
               f"No {en} for indicator(s) {', '.join(codes[:5])}.")


def aggregation_rules(st: Structure, method: Method, how: str | None = None) -> Rules:
    """How each aggregate is computed: the method's function, p and data threshold for its
    level (`how` replaces the function everywhere)."""
    tree = st.tree
    levels = max(tree.level)
    n_leaf = len(tree.leaves)
    hows, ps, threshes = [], [], []
    for k in range(len(tree.aggregates)):
        level = tree.level[n_leaf + k]
        hows.append(how or method.level_setting("aggregate", level, levels))
        ps.append(float(method.level_setting("p", level, levels)))
        threshes.append(method.level_setting("dat_thresh", level, levels))
    return Rules(tuple(hows), tuple(ps), tuple(threshes), method.zero_floor, method.genmean_missing)


def weights_stage(st: Structure, method: Method, normalised: FloatArray, rules: Rules,
                  kept: AnyArray | None = None) -> FloatArray:
    def nominal() -> FloatArray:
        return aggregate(st.tree, normalised, rules, kept=kept)

    return node_weights(st.tree, method.weights, method.user_weights, normalised, nominal,
                        method.pca_level, method.pca_by_groups)


Stage = Callable[..., FloatArray]
