"""Variance-based sensitivity: first-order (Si) and total (STi) indices from a Saltelli design.

The design has N rows of sample A, N of sample B, then N of AB_i for each input i (A with
column i taken from B). The target is a scalar per replication, by default the mean absolute
rank change of the root against the nominal ranks. Estimators as COINr's:
Si = mean(yB (yAB_i - yA)) / V, STi = Σ (yA - yAB_i)² / (2 N V), V = var(c(yA, yB)).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from chiso.compute.arrays import IntArray
from chiso.compute.method import Method
from chiso.compute.rank import rank_desc
from chiso.compute.structure import Dataset, Structure
from chiso.compute.uncertainty import Engine, Replications, UncertaintySpec
from chiso.framework import Framework


def saltelli_design(n: int, d: int, rng: np.random.Generator) -> np.ndarray:
    """(n (d + 2), d) points in the unit hypercube: A, B, then each AB_i."""
    a = rng.random((n, d))
    b = rng.random((n, d))
    blocks = [a, b]
    for i in range(d):
        ab = a.copy()
        ab[:, i] = b[:, i]
        blocks.append(ab)
    return np.vstack(blocks)


def mean_rank_change(scores: np.ndarray, nominal: np.ndarray) -> np.ndarray:
    """Per replication: the mean absolute change of rank against the nominal ranks."""
    change = np.abs(rank_desc(scores) - rank_desc(nominal))
    return np.asarray(np.nanmean(change, axis=1), dtype=float)


@dataclass(frozen=True)
class SensitivityIndices:
    names: tuple[str, ...]
    si: np.ndarray
    sti: np.ndarray
    si_q05: np.ndarray
    si_q95: np.ndarray
    sti_q05: np.ndarray
    sti_q95: np.ndarray


def _indices(y_a: np.ndarray, y_b: np.ndarray, y_ab: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """y_ab: (..., d, n). Works with a leading bootstrap axis."""
    v = np.var(np.concatenate([y_a, y_b], axis=-1), axis=-1, ddof=1)[..., None]
    n = y_a.shape[-1]
    si = np.mean(y_b[..., None, :] * (y_ab - y_a[..., None, :]), axis=-1) / v
    sti = np.sum((y_a[..., None, :] - y_ab) ** 2, axis=-1) / (2 * n * v)
    return si, sti


def sensitivity_indices(y: np.ndarray, n: int, names: tuple[str, ...], *, bootstrap: int = 1000,
                        seed: int = 0) -> SensitivityIndices:
    """Si and STi of each input from the design's outputs `y` (length n (d + 2)), with
    bootstrap 5–95 % intervals (rows resampled with replacement)."""
    d = len(names)
    y_a, y_b = y[:n], y[n:2 * n]
    y_ab = y[2 * n:].reshape(d, n)
    si, sti = _indices(y_a, y_b, y_ab)
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, n, (bootstrap, n))
    bsi, bsti = _indices(y_a[idx], y_b[idx], y_ab[:, idx].transpose(1, 0, 2))
    q = np.quantile
    return SensitivityIndices(names, si, sti, q(bsi, 0.05, axis=0), q(bsi, 0.95, axis=0),
                              q(bsti, 0.05, axis=0), q(bsti, 0.95, axis=0))


def sensitivity(fw: Framework | Structure, data: Dataset, method: Method, spec: UncertaintySpec,
                *, bootstrap: int = 1000) -> SensitivityIndices:
    """Si and STi of each uncertain input on the mean absolute rank change of the root.

    Inputs: "weights" (one input: a pool of spec.n noisy weight sets, the design picks one), and
    "normalisation", "winmax", "aggregation" where the spec gives alternatives. spec.n is the
    base sample size N; the design runs N (d + 2) replications.
    """
    eng = Engine(fw, data, method, spec.normalisations, spec.winmax, spec.aggregations)
    pool = eng.draw_all(spec)
    names = ["weights"] + [k for k, alts in (("normalisation", eng.norms), ("winmax", eng.wins),
                                              ("aggregation", eng.aggs)) if len(alts) > 1]
    rng = np.random.default_rng(spec.seed + 1)
    u = saltelli_design(spec.n, len(names), rng)
    col = {k: u[:, i] for i, k in enumerate(names)}

    def pick(k: str, count: int) -> IntArray:
        if k not in col:
            return np.zeros(len(u), dtype=np.int64)
        return np.minimum((col[k] * count).astype(np.int64), count - 1)

    reps = Replications(pool.weights[pick("weights", spec.n)],
                        pick("normalisation", len(eng.norms)), pick("winmax", len(eng.wins)),
                        pick("aggregation", len(eng.aggs)))
    y = mean_rank_change(eng.root_scores(reps), eng.nominal_root())
    return sensitivity_indices(y, spec.n, tuple(names), bootstrap=bootstrap, seed=spec.seed)
