"""Aggregation level by level (COINr's Aggregate): weighted arithmetic, geometric, harmonic and
generalised means, Copeland scores, and the DTI's sum of points. Arrays are (..., units, nodes);
leading axes are replications, and weights may carry them too ((..., nodes))."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from chiso.compute.arrays import BoolArray, FloatArray
from chiso.compute.checks import refuse
from chiso.compute.tree import Tree

METHODS = ("arithmetic", "geometric", "harmonic", "generalised", "copeland", "points")


@dataclass(frozen=True)
class Rules:
    """How each aggregate (in tree order) is computed, and chiso's own rules for means."""

    how: tuple[str, ...]
    p: tuple[float, ...]
    dat_thresh: tuple[float | None, ...]
    zero_floor: float | None = None
    genmean_missing: str = "propagate"

    @classmethod
    def uniform(cls, tree: Tree, how: str, p: float = 1.0, zero_floor: float | None = None,
                genmean_missing: str = "leave_out") -> Rules:
        k = len(tree.aggregates)
        return cls((how,) * k, (p,) * k, (None,) * k, zero_floor, genmean_missing)

    def with_how(self, how: str) -> Rules:
        return Rules((how,) * len(self.how), self.p, self.dat_thresh, self.zero_floor,
                     self.genmean_missing)


def _refuse_values(node: str, what_vi: str, what_en: str) -> None:
    refuse(f"Nút {node}: {what_vi}. Hãy chuẩn hóa để loại giá trị đó hoặc chọn cách tổng hợp khác.",
           f"Node {node}: {what_en}. Normalise them away or aggregate another way.")


def weighted_mean(x: FloatArray, w: FloatArray, how: str, p: float, *,
                  zero_floor: float | None = 1e-6, genmean_missing: str = "leave_out",
                  node: str = "") -> FloatArray:
    """Weighted mean over the last axis; missing children are left out (weights renormalised),
    except in a generalised mean with genmean_missing "propagate"."""
    have = ~np.isnan(x)  # an infinite child is there (COINr's means carry it through)
    w = np.where(have, w, 0.0)
    total = w.sum(axis=-1)
    any_have = have.any(axis=-1)
    floor = zero_floor
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        if how == "arithmetic":
            out = (w * np.where(have, x, 0.0)).sum(axis=-1) / total
            return np.where(any_have, out, np.nan)
        safe = np.where(have, x, 1.0)
        if how == "geometric" or (how == "generalised" and p == 0 and floor is not None):
            if floor is None and np.any(have & (x <= 0)):
                _refuse_values(node, "có giá trị ≤ 0 trong trung bình nhân",
                               "a geometric mean of values ≤ 0")
            logs = np.log(safe if floor is None else np.maximum(safe, floor))
            out = np.exp((w * logs).sum(axis=-1) / total)
        elif how == "harmonic":
            if floor is None and np.any(have & (x == 0)):
                _refuse_values(node, "có giá trị 0 trong trung bình điều hòa",
                               "a harmonic mean of zeros")
            out = total / (w / (safe if floor is None else np.maximum(safe, floor))).sum(axis=-1)
        elif how == "generalised":
            if p == 0:
                refuse("Trung bình tổng quát với p = 0 là trung bình nhân: hãy dùng geometric.",
                       "A generalised mean with p = 0 is the geometric mean: use geometric.")
            if floor is None and p < 0 and np.any(have & (x <= 0)):
                _refuse_values(node, "có giá trị ≤ 0 trong trung bình tổng quát với p < 0",
                               "a generalised mean with p < 0 of values ≤ 0")
            base = safe if floor is None else np.maximum(safe, 0.0)
            out = ((w * base**p).sum(axis=-1) / total) ** (1.0 / p)
            if genmean_missing == "propagate":
                out = np.where(have.all(axis=-1), out, np.nan)
        else:
            refuse(f"Cách tổng hợp không hợp lệ: '{how}'.",
                   f"Unknown aggregation '{how}'; use one of {', '.join(METHODS)}.")
    return np.where(any_have, out, np.nan)


def copeland(x: FloatArray, w: FloatArray) -> FloatArray:
    """Copeland scores over the units axis (COINr's a_copeland): for each pair of units, the
    weight share of children where one beats the other (ties count half) gives +1 above 0.5,
    -1 below, 0 at 0.5; a unit's score is its row sum. Missing values never win."""
    ld = np.longdouble  # R sums in extended precision: the comparison with 0.5 sees its sums
    wn = np.asarray(w, dtype=ld) / np.asarray(w, dtype=ld).sum(axis=-1, keepdims=True)
    a, b = x[..., :, None, :], x[..., None, :, :]
    wb = wn[..., None, None, :] if wn.ndim > 1 else wn
    beat = ((a > b) * wb).sum(axis=-1).astype(float)
    tie = (((a == b) * wb).sum(axis=-1) / 2).astype(float)
    upper = (beat.astype(ld) + tie.astype(ld)).astype(float)
    n = x.shape[-2]
    iu = np.triu(np.ones((n, n), dtype=bool), 1)
    orm = np.where(iu, upper, 1 - np.swapaxes(upper, -1, -2))
    score = np.where(orm > 0.5, 1.0, np.where(orm < 0.5, -1.0, 0.0))
    score = np.where(np.eye(n, dtype=bool), 0.0, score)
    return np.asarray(score.sum(axis=-1), dtype=float)


def aggregate(tree: Tree, leaf_values: FloatArray, rules: Rules, *,
              weights: FloatArray | None = None, kept: BoolArray | None = None) -> FloatArray:
    """Scores of every node, (..., units, len(tree.nodes)).

    `leaf_values` is (..., units, leaves). `weights` per node (or (..., nodes) for
    per-replication weights) default to the tree's. With "points", a leaf scores value × its
    points, a node the sum of its children's points (missing if any is missing), and every node
    is reported as its points over its maximum, so the root is the PDTI (total / total_points).
    `kept` marks the units screening kept: only they are compared in Copeland scores.
    """
    x = np.asarray(leaf_values, dtype=float)
    n_leaf = len(tree.leaves)
    out = np.empty((*x.shape[:-1], len(tree.nodes)))
    out[..., :n_leaf] = x
    if "points" in rules.how:
        pts = np.empty(out.shape)
        pts[..., :n_leaf] = x * tree.max_points[:n_leaf]
        for k, kids in enumerate(tree.children):
            node = n_leaf + k
            pts[..., node] = pts[..., list(kids)].sum(axis=-1)
            out[..., node] = pts[..., node] / tree.max_points[node]
        return out
    w_all = tree.weights if weights is None else np.asarray(weights, dtype=float)
    aggregate_into(tree, out, rules, w_all, range(len(tree.aggregates)), kept=kept)
    return out


def aggregate_into(tree: Tree, out: FloatArray, rules: Rules, weights: FloatArray,
                   aggregates: Iterable[int], *, contiguous: bool = False,
                   kept: BoolArray | None = None, columns: dict[int, int] | None = None) -> None:
    """Compute the given aggregates (positions in tree.aggregates, children first) in place in
    `out` (..., units, nodes), reading their children from it. `weights` is (nodes,) or
    (..., nodes).

    NumPy sums along an axis in an order that follows the memory layout, so the same numbers
    laid out differently can differ in the last bit. The build reads the children as a view
    (`contiguous` False), the uncertainty engine as a contiguous copy, as each always has:
    stored runs rebuild bit for bit, and ranks never split on the last bit (see rank.py).
    `columns` maps node positions to columns of `out` when it holds only some nodes."""
    n_leaf = len(tree.leaves)
    col = (lambda i: i) if columns is None else columns.__getitem__
    for k in aggregates:
        idx = list(tree.children[k])
        w = weights[..., idx]
        if w.ndim > 1:
            w = w[..., None, :]  # replications: the same weights for every unit
        cols = [col(i) for i in idx]
        values = np.ascontiguousarray(out[..., cols]) if contiguous else out[..., cols]
        thresh = rules.dat_thresh[k]
        low = None
        if thresh is not None:
            low = (~np.isnan(values)).sum(axis=-1) / len(idx) < thresh
            values = np.where(low[..., None], np.nan, values)
        if rules.how[k] == "copeland":
            rows = np.ones(values.shape[-2], dtype=bool) if kept is None else kept
            res = np.full(values.shape[:-1], np.nan)
            res[..., rows] = copeland(values[..., rows, :], weights[..., idx])
        else:
            res = weighted_mean(values, w, rules.how[k], rules.p[k], zero_floor=rules.zero_floor,
                                genmean_missing=rules.genmean_missing, node=tree.aggregates[k])
        out[..., col(n_leaf + k)] = res if low is None else np.where(low, np.nan, res)
