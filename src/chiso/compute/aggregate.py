"""Aggregation level by level: weighted arithmetic, geometric, harmonic, generalised means, and
the DTI's sum of points. Arrays are (..., units, nodes); leading axes are replications."""

from __future__ import annotations

import numpy as np

from chiso.compute.tree import Tree
from chiso.errors import ComputeError

METHODS = ("arithmetic", "geometric", "harmonic", "generalised", "points")
GEOMETRIC_FLOOR = 1e-6  # the guard for zeros: a geometric mean needs positive values


def weighted_mean(x: np.ndarray, w: np.ndarray, method: str, p: float) -> np.ndarray:
    """Weighted mean over the last axis, children with no value left out (weights renormalised)."""
    have = np.isfinite(x)
    w = np.where(have, w, 0.0)
    total = w.sum(axis=-1)
    safe = np.where(have, x, 1.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        if method == "arithmetic":
            out = (w * np.where(have, x, 0.0)).sum(axis=-1) / total
        elif method == "geometric":
            out = np.exp((w * np.log(np.maximum(safe, GEOMETRIC_FLOOR))).sum(axis=-1) / total)
        elif method == "harmonic":
            out = total / (w / np.maximum(safe, GEOMETRIC_FLOOR)).sum(axis=-1)
        elif method == "generalised":
            if p == 0:
                return weighted_mean(x, w, "geometric", p)
            out = ((w * np.maximum(safe, 0.0) ** p).sum(axis=-1) / total) ** (1.0 / p)
        else:
            raise ComputeError(f"Cách tổng hợp không hợp lệ: '{method}'.",
                               f"Unknown aggregation '{method}'; use one of {', '.join(METHODS)}.")
    return np.where(total > 0, out, np.nan)


def aggregate(tree: Tree, leaf_values: np.ndarray, method: str = "arithmetic", *,
              weights: np.ndarray | None = None, p: float = 1.0) -> np.ndarray:
    """Scores of every node, (..., units, len(tree.nodes)).

    `leaf_values` is (..., units, leaves). `weights` per node (or (..., nodes) for per-replication
    weights) default to the tree's. With "points", a leaf scores value × its points, a node the
    sum of its children's points (missing if any is missing), and every node is reported as its
    points over its maximum, so the root is the PDTI (total points / total_points).
    """
    x = np.asarray(leaf_values, dtype=float)
    n_leaf = len(tree.leaves)
    shape = (*x.shape[:-1], len(tree.nodes))
    out = np.empty(shape)
    out[..., :n_leaf] = x
    w_all = tree.weights if weights is None else np.asarray(weights, dtype=float)
    if method == "points":
        pts = np.empty(shape)
        pts[..., :n_leaf] = x * tree.max_points[:n_leaf]
        for k, kids in enumerate(tree.children):
            node = n_leaf + k
            pts[..., node] = pts[..., list(kids)].sum(axis=-1)
            out[..., node] = pts[..., node] / tree.max_points[node]
        return out
    for k, kids in enumerate(tree.children):
        idx = list(kids)
        w = w_all[..., idx]
        if w.ndim > 1:
            w = w[..., None, :]  # replications: same weights for every unit
        out[..., n_leaf + k] = weighted_mean(out[..., idx], w, method, p)
    return out
