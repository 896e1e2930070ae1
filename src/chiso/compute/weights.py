"""Weights: the framework's, equal, the user's, or from a principal component analysis."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from chiso.compute.arrays import FloatArray
from chiso.compute.checks import refuse
from chiso.compute.tree import Tree


def pca_loadings(block: FloatArray) -> FloatArray:
    """The first principal component of standardised columns (COINr's get_PCA, prcomp with
    center and scale), rows with a missing value dropped. Its sign is arbitrary in COINr (every
    mean divides by the sum of its weights, so it changes nothing); chiso makes the loadings
    sum to a positive number."""
    rows = block[np.isfinite(block).all(axis=1)]
    if rows.shape[0] < 2:
        refuse("PCA cần ít nhất 2 đơn vị có đủ số liệu.",
               "PCA needs at least 2 units with every value present.")
    sd = rows.std(axis=0, ddof=1)
    if np.any(~(sd > 0)):
        refuse("PCA: có chỉ tiêu không đổi (độ lệch chuẩn 0), không chuẩn hóa được.",
               "PCA: an indicator is constant (sd 0) and cannot be scaled.")
    z = (rows - rows.mean(axis=0)) / sd
    _, _, vt = np.linalg.svd(z, full_matrices=False)
    load = vt[0]
    return np.asarray(load if load.sum() >= 0 else -load, dtype=float)


def pca_weights(tree: Tree, values: FloatArray, level: int, by_groups: bool) -> FloatArray:
    """The weights with those of the nodes at `level` replaced by PCA loadings: within each
    parent's group (`by_groups`) or one component over all of them. `values` holds every node's
    scores (units × nodes); only the columns at `level` are read."""
    w = tree.weights.copy()
    at = [i for i, lv in enumerate(tree.level) if lv == level]
    if not at:
        refuse(f"PCA: không có nút nào ở cấp {level}.", f"PCA: no node at level {level}.")
    if not by_groups:
        w[at] = pca_loadings(values[:, at])
        return w
    parent = tree.parents()
    for p in dict.fromkeys(parent[i] for i in at):
        group = [i for i in at if parent[i] == p]
        w[group] = pca_loadings(values[:, group])
    return w


def pca_squared_weights(tree: Tree, normalised: FloatArray) -> FloatArray:
    """chiso's earlier PCA rule: each indicator weighted by its squared loading on its group's
    first principal component (covariance of the normalised values), positive, summing to 1."""
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
        _, vecs = np.linalg.eigh(cov)
        load = vecs[:, -1] ** 2
        w[leaves] = load / load.sum()
    return w


def node_weights(tree: Tree, how: str, user: dict[str, float], normalised: FloatArray,
                 nominal: Callable[[], FloatArray], pca_level: int = 1,
                 pca_by_groups: bool = True) -> FloatArray:
    """The weight of every node within its parent. `nominal` gives every node's scores with
    the framework's weights (for a PCA above the indicators)."""
    if how == "framework":
        return tree.weights.copy()
    if how == "equal":
        return np.ones(len(tree.nodes))
    if how == "user":
        unknown = sorted(set(user) - set(tree.nodes))
        if unknown:
            refuse(f"Trọng số cho nút không có trong cây: {', '.join(unknown)}.",
                   f"Weights for nodes not in the tree: {', '.join(unknown)}.")
        return np.array([user.get(c, w) for c, w in zip(tree.nodes, tree.weights, strict=True)])
    if how == "pca_squared":
        return pca_squared_weights(tree, normalised)
    if how == "pca":
        if pca_level == 1:
            return pca_weights(tree, normalised, 1, pca_by_groups)
        return pca_weights(tree, nominal(), pca_level, pca_by_groups)
    refuse(f"Cách đặt trọng số không hợp lệ: '{how}'.",
           f"Unknown weighting '{how}'; use framework, equal, user, pca or pca_squared.")


def effective_weights(tree: Tree, weights: FloatArray) -> dict[str, float]:
    """Each leaf's share of the root under arithmetic aggregation (weights renormalised)."""
    share = np.zeros(len(tree.nodes))
    share[-1] = 1.0
    n_leaf = len(tree.leaves)
    for k in range(len(tree.children) - 1, -1, -1):
        kids = list(tree.children[k])
        w = weights[kids]
        if w.sum() != 0:
            share[kids] = share[n_leaf + k] * w / w.sum()
    return {c: float(share[i]) for i, c in enumerate(tree.leaves)}
