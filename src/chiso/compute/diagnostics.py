"""Diagnostics of a data set and its tree: availability, correlations, Cronbach's alpha, PCA."""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np

from chiso.compute.tree import Tree


def availability(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Share of non-missing values per unit (rows) and per indicator (columns)."""
    have = np.isfinite(values)
    return have.mean(axis=1), have.mean(axis=0)


def correlations(values: np.ndarray) -> np.ndarray:
    """Pearson correlations between columns over the rows where both are present."""
    k = values.shape[1]
    out = np.full((k, k), np.nan)
    for i in range(k):
        for j in range(i, k):
            both = np.isfinite(values[:, i]) & np.isfinite(values[:, j])
            if both.sum() > 2 and np.std(values[both, i]) > 0 and np.std(values[both, j]) > 0:
                out[i, j] = out[j, i] = np.corrcoef(values[both, i], values[both, j])[0, 1]
    return out


def cronbach_alpha(values: np.ndarray) -> float:
    """Internal consistency of a group of indicators (complete rows only)."""
    x = values[np.isfinite(values).all(axis=1)]
    k = x.shape[1]
    if k < 2 or x.shape[0] < 2:
        return float("nan")
    total = x.sum(axis=1).var(ddof=1)
    if not total > 0:
        return float("nan")
    return float(k / (k - 1) * (1 - x.var(axis=0, ddof=1).sum() / total))


def pca_explained(values: np.ndarray) -> np.ndarray:
    """Share of variance explained by each principal component (standardised, complete rows)."""
    x = values[np.isfinite(values).all(axis=1)]
    if x.shape[0] < 3:
        return np.array([])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        sd = x.std(axis=0, ddof=1)
        z = (x - x.mean(axis=0)) / np.where(sd > 0, sd, 1.0)
    eig = np.linalg.eigvalsh(np.cov(z, rowvar=False))[::-1]
    return np.asarray(eig / eig.sum(), dtype=float)


@dataclass(frozen=True)
class Diagnosis:
    unit_availability: np.ndarray
    indicator_availability: np.ndarray
    alpha: dict[str, float]                 # per aggregate of leaves
    pca_first: dict[str, float]             # per aggregate: variance explained by the 1st PC
    negative: list[tuple[str, str, float]]  # (indicator, its parent, correlation < 0)


def diagnose(tree: Tree, normalised: np.ndarray, scores: dict[str, np.ndarray]) -> Diagnosis:
    """Per aggregate of indicators: Cronbach's alpha, PCA, and indicators that correlate
    negatively with their own aggregate (a sign the direction or the grouping is wrong)."""
    ua, ia = availability(normalised)
    alpha, pca, neg = {}, {}, []
    n_leaf = len(tree.leaves)
    for k, kids in enumerate(tree.children):
        name = tree.aggregates[k]
        leaves = [c for c in kids if c < n_leaf]
        if len(leaves) >= 2:
            block = normalised[:, leaves]
            alpha[name] = cronbach_alpha(block)
            ev = pca_explained(block)
            pca[name] = float(ev[0]) if ev.size else float("nan")
        for c in leaves:
            r = correlations(np.column_stack([normalised[:, c], scores[name]]))[0, 1]
            if np.isfinite(r) and r < 0:
                neg.append((tree.leaves[c], name, float(r)))
    return Diagnosis(ua, ia, alpha, pca, neg)
