"""The pipeline: denominate, impute, screen, treat, normalise, weight, aggregate, rank."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from chiso.compute import normalise as norm
from chiso.compute.aggregate import aggregate
from chiso.compute.impute import impute
from chiso.compute.method import Method
from chiso.compute.rank import rank_desc
from chiso.compute.treat import TreatDetail, treat
from chiso.compute.tree import Tree
from chiso.errors import ComputeError
from chiso.framework import Framework


@dataclass(frozen=True)
class Dataset:
    """Values of units × indicators (NaN = missing), with what some steps need besides."""

    unit_ids: list[str]
    indicators: list[str]
    values: np.ndarray
    groups: dict[str, Sequence[Any]] = field(default_factory=dict)   # column -> label per unit
    denominators: dict[str, np.ndarray] = field(default_factory=dict)  # column -> value per unit
    previous: np.ndarray | None = None  # the previous period, same shape (panel imputation)

    def column(self, code: str) -> np.ndarray:
        return self.values[:, self.indicators.index(code)]


@dataclass(frozen=True)
class Structure:
    """What a build needs of a framework: the tree, each indicator's direction, goalposts,
    targets."""

    tree: Tree
    direction: np.ndarray  # per leaf, +1 or -1
    low: np.ndarray        # per leaf goalposts (NaN: none)
    high: np.ndarray
    target: np.ndarray     # per leaf (NaN: none)

    @classmethod
    def of(cls, fw: Framework | Structure) -> Structure:
        if isinstance(fw, Structure):
            return fw
        tree = Tree.from_framework(fw)
        nodes = {n.code: n for n in fw.indicators()}
        leaves = [nodes[c] for c in tree.leaves]
        return cls(
            tree=tree,
            direction=np.array([-1.0 if n.direction == "lower_better" else 1.0 for n in leaves]),
            low=np.array([n.goalposts.low if n.goalposts else np.nan for n in leaves]),
            high=np.array([n.goalposts.high if n.goalposts else np.nan for n in leaves]),
            target=np.array([n.targets[0].value if n.targets else np.nan for n in leaves]),
        )


@dataclass
class BuildResult:
    unit_ids: list[str]
    nodes: tuple[str, ...]
    stages: dict[str, np.ndarray]          # units × leaves, per stage
    scores: dict[str, np.ndarray]          # node -> per unit
    ranks: dict[str, np.ndarray]           # node -> per unit (NaN: not ranked)
    effective_weights: dict[str, float]    # leaf -> its share of the root
    treated: list[TreatDetail]
    screened_out: list[str]

    def to_rows(self) -> list[dict[str, Any]]:
        rows = []
        for node in self.nodes:
            for u, unit in enumerate(self.unit_ids):
                s, r = self.scores[node][u], self.ranks[node][u]
                rows.append({"unit": unit, "node": node,
                             "score": None if np.isnan(s) else float(s),
                             "rank": None if np.isnan(r) else int(r)})
        return rows


def leaf_matrix(st: Structure, data: Dataset) -> np.ndarray:
    """The data's columns in the tree's leaf order (absent indicators are all missing)."""
    pos = {c: j for j, c in enumerate(data.indicators)}
    out = np.full((len(data.unit_ids), len(st.tree.leaves)), np.nan)
    for j, code in enumerate(st.tree.leaves):
        if code in pos:
            out[:, j] = data.values[:, pos[code]]
    return out


def denominate(st: Structure, data: Dataset, x: np.ndarray, method: Method) -> np.ndarray:
    out = x.copy()
    for j, code in enumerate(st.tree.leaves):
        col = method.denominators.get(code)
        if col:
            if col not in data.denominators:
                raise ComputeError(f"Thiếu cột mẫu số '{col}' cho chỉ tiêu {code}.",
                                   f"Denominator column '{col}' for {code} is missing.")
            out[:, j] = x[:, j] / np.asarray(data.denominators[col], dtype=float)
    return out


def screen(x: np.ndarray, threshold: float) -> np.ndarray:
    """Units with data availability at least `threshold` (a boolean mask)."""
    if threshold <= 0:
        return np.ones(x.shape[0], dtype=bool)
    return np.isfinite(x).mean(axis=1) >= threshold


def normalise(st: Structure, x: np.ndarray, method: Method,
              kind: str | None = None, params: dict[str, float] | None = None) -> np.ndarray:
    """Every leaf normalised by the method (or the `kind`/`params` given), with per-indicator
    overrides. Works on (..., units, leaves)."""
    kind = kind or method.normalise
    params = method.normalise_params if params is None else params
    out = _normalise_all(st, x, kind, params)
    for code, spec in method.per_indicator.items():
        if code not in st.tree.leaves or "normalise" not in spec:
            continue
        if kind != method.normalise:  # an uncertainty draw replaces the global normaliser only
            continue
        j = st.tree.leaves.index(code)
        out[..., j] = _normalise_one(st, x[..., j:j + 1], j, spec["normalise"],
                                     spec.get("params", {}))[..., 0]
    return out


def _normalise_all(st: Structure, x: np.ndarray, kind: str, p: dict[str, float]) -> np.ndarray:
    if kind == "none":
        return np.array(x, dtype=float)
    d = st.direction
    if kind == "minmax":
        return norm.minmax(x, d, p.get("a", 0.0), p.get("b", 100.0))
    if kind == "zscore":
        return norm.zscore(x, d, p.get("mean", 0.0), p.get("sd", 1.0))
    if kind == "goalposts":
        return norm.goalposts(x, d, st.low, st.high, p.get("scale", 100.0))
    if kind == "distance_to_target":
        return norm.distance_to_target(x, d, st.target, p.get("scale", 100.0))
    if kind == "distance_to_best":
        return norm.distance_to_best(x, d, p.get("scale", 100.0))
    if kind in ("rank", "borda"):
        return norm.NORMALISERS[kind](x, d)
    if kind == "percentile_rank":
        return norm.percentile_rank(x, d, p.get("scale", 100.0))
    raise ComputeError(f"Cách chuẩn hóa không hợp lệ: '{kind}'.",
                       f"Unknown normalisation '{kind}'; use one of "
                       f"{', '.join(['none', *norm.NORMALISERS])}.")


def _normalise_one(st: Structure, x: np.ndarray, j: int, kind: str,
                   p: dict[str, float]) -> np.ndarray:
    d = st.direction[j:j + 1]
    if kind == "goalposts":
        return norm.goalposts(x, d, np.array([p.get("low", st.low[j])]),
                              np.array([p.get("high", st.high[j])]), p.get("scale", 100.0))
    sub = Structure(st.tree, d, st.low[j:j + 1], st.high[j:j + 1], st.target[j:j + 1])
    return _normalise_all(sub, x, kind, p)


def node_weights(st: Structure, method: Method, normalised: np.ndarray | None = None) -> np.ndarray:
    """The weight of every node within its parent, by the method's rule."""
    tree = st.tree
    if method.weights == "framework":
        return tree.weights.copy()
    if method.weights == "equal":
        return np.ones(len(tree.nodes))
    if method.weights == "user":
        return np.array([method.user_weights.get(c, w) for c, w in zip(tree.nodes, tree.weights, strict=True)])
    if method.weights == "pca":
        if normalised is None:
            raise ComputeError("Trọng số PCA cần số liệu đã chuẩn hóa.", "PCA weights need normalised data.")
        return pca_weights(tree, normalised)
    raise ComputeError(f"Cách đặt trọng số không hợp lệ: '{method.weights}'.",
                       f"Unknown weighting '{method.weights}'; use framework, equal, user or pca.")


def pca_weights(tree: Tree, normalised: np.ndarray) -> np.ndarray:
    """Each indicator weighted by its squared loading on its group's first principal component."""
    w = tree.weights.copy()
    n_leaf = len(tree.leaves)
    for kids in tree.children:
        leaves = [k for k in kids if k < n_leaf]
        if len(leaves) < 2:
            continue
        block = normalised[:, leaves]
        block = block[np.isfinite(block).all(axis=1)]
        if block.shape[0] < 3:
            continue
        cov = np.cov(block, rowvar=False)
        vals, vecs = np.linalg.eigh(cov)
        load = vecs[:, -1] ** 2
        w[leaves] = load / load.sum()
    return w


def effective_weights(tree: Tree, weights: np.ndarray) -> dict[str, float]:
    """Each leaf's share of the root under arithmetic aggregation (weights renormalised)."""
    share = np.zeros(len(tree.nodes))
    share[-1] = 1.0
    n_leaf = len(tree.leaves)
    for k in range(len(tree.children) - 1, -1, -1):
        kids = list(tree.children[k])
        w = weights[kids]
        if w.sum() > 0:
            share[kids] = share[n_leaf + k] * w / w.sum()
    return {c: float(share[i]) for i, c in enumerate(tree.leaves)}


def build(fw: Framework | Structure, data: Dataset, method: Method) -> BuildResult:
    """The nominal build, every stage kept."""
    st = Structure.of(fw)
    tree = st.tree
    stages: dict[str, np.ndarray] = {}
    x = leaf_matrix(st, data)
    stages["raw"] = x
    x = denominate(st, data, x, method)
    stages["denominated"] = x
    groups = data.groups.get(method.group_by) if method.group_by else None
    prev = leaf_matrix(st, Dataset(data.unit_ids, data.indicators, data.previous)) \
        if data.previous is not None else None
    x = impute(x, method.impute, groups=None if groups is None else np.asarray(groups), previous=prev)
    stages["imputed"] = x
    keep = screen(x, method.screen_units)
    x = np.where(keep[:, None], x, np.nan)
    stages["screened"] = x
    details: list[TreatDetail] = []
    if method.treat is not None:
        skip = {tree.leaves.index(c) for c in method.treat_skip if c in tree.leaves}
        x, details = treat(x, method.treat, list(tree.leaves), skip)
    stages["treated"] = x
    x = normalise(st, x, method)
    stages["normalised"] = x
    weights = node_weights(st, method, x)
    values = aggregate(tree, x, method.aggregate, weights=weights, p=method.p)
    scores = {c: values[:, i] for i, c in enumerate(tree.nodes)}
    by_node = rank_desc(values.T)
    ranks = {c: by_node[i] for i, c in enumerate(tree.nodes)}
    return BuildResult(
        unit_ids=list(data.unit_ids), nodes=tree.nodes, stages=stages, scores=scores, ranks=ranks,
        effective_weights=effective_weights(tree, weights), treated=details,
        screened_out=[u for u, k in zip(data.unit_ids, keep, strict=True) if not k],
    )
