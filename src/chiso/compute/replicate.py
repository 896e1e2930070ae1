"""The aggregates above noisy weights, for a batch of replications, in the build's own
arithmetic (chiso.compute.aggregate) but without its (replications × units × children) arrays.

An arithmetic mean whose children are all present is Σ w x / Σ w. NumPy sums the last axis of a
contiguous array pairwise (blocks of eight accumulators, halves above 128 terms); `pairwise`
adds the same terms in the same order, each term a (replications × units) array made as it is
needed, in blocks of rows that stay in the processor's cache. So every score is bit for bit the
one `aggregate_into(..., contiguous=True)` gives (a test holds them equal), at a fraction of the
memory traffic. Units with a missing child, other means, data thresholds and Copeland scores go
through `aggregate_into` itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from chiso.compute.aggregate import Rules, aggregate_into
from chiso.compute.arrays import BoolArray, FloatArray
from chiso.compute.tree import Tree

BLOCK = 16_384  # elements per term of a block of rows (128 KiB: nine of them fit in L2)


def pairwise(term: Callable[[int], FloatArray], n: int, lo: int = 0) -> FloatArray:
    """term(lo) + ... + term(lo + n - 1) added as NumPy's pairwise sum adds n values (each term
    a fresh array, summed into in place); n ≥ 1."""
    if n < 8:
        res = term(lo)
        for i in range(lo + 1, lo + n):
            res += term(i)
        return res
    if n <= 128:
        r = [term(lo + j) for j in range(8)]
        i = 8
        while i < n - n % 8:
            for j in range(8):
                r[j] += term(lo + i + j)
            i += 8
        r[0] += r[1]
        r[2] += r[3]
        r[0] += r[2]
        r[4] += r[5]
        r[6] += r[7]
        r[4] += r[6]
        r[0] += r[4]
        for k in range(lo + i, lo + n):
            r[0] += term(k)
        return r[0]
    half = n // 2
    half -= half % 8
    res = pairwise(term, half, lo)
    res += pairwise(term, n - half, lo + half)
    return res


def _arithmetic(children: Sequence[FloatArray], w: FloatArray) -> FloatArray:
    """Σ w x / Σ w per replication and unit, children (units,) or (replications, units), all
    present; w (replications, children)."""
    reps = w.shape[0]
    units = max(c.shape[-1] for c in children)
    total = w.sum(axis=-1)
    out = np.empty((reps, units))
    step = max(1, BLOCK // max(units, 1))
    for a in range(0, reps, step):
        b = min(a + step, reps)
        wb = w[a:b]
        kids = [c if c.ndim == 1 else c[a:b] for c in children]

        def term(j: int, wb: FloatArray = wb, kids: list[FloatArray] = kids) -> FloatArray:
            return np.multiply(wb[:, j:j + 1], kids[j])

        num = pairwise(term, len(children))
        num += 0.0  # NumPy's sum starts from +0: an all -0.0 sum is +0.0
        np.divide(num, total[a:b, None], out=out[a:b])
    return out


def dirty_root(tree: Tree, static: FloatArray, rules: Rules, weights: FloatArray,
               dirty: Sequence[int], kept: BoolArray | None = None) -> FloatArray:
    """The root score (replications, units) of a batch whose aggregates `dirty` (children
    first, the root last) have per-replication weights (replications, nodes); every other node
    is `static` (units, nodes), the same for every replication."""
    n_leaf = len(tree.leaves)
    dyn: dict[int, FloatArray] = {}
    reps = weights.shape[0]
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        for k in dirty:
            idx = list(tree.children[k])
            kids = [dyn.get(i, static[:, i]) for i in idx]
            if rules.how[k] == "arithmetic" and rules.dat_thresh[k] is None:
                whole = np.ones(static.shape[0], dtype=bool)
                for c in kids:
                    whole &= ~(np.isnan(c) if c.ndim == 1 else np.isnan(c).any(axis=0))
            else:
                whole = np.zeros(static.shape[0], dtype=bool)
            res = np.empty((reps, static.shape[0]))
            if whole.any():
                w = np.ascontiguousarray(weights[:, idx])
                sub = whole if not whole.all() else slice(None)
                res[:, sub] = _arithmetic([c[..., sub] for c in kids], w)
            rest = np.flatnonzero(~whole)
            if rest.size:  # the build's own step, on the units it is needed for
                cols = {i: j for j, i in enumerate(idx)} | {n_leaf + k: len(idx)}
                values = np.empty((reps, rest.size, len(idx) + 1))
                for j, c in enumerate(kids):
                    values[..., j] = c[..., rest]
                aggregate_into(tree, values, rules, weights, [k], contiguous=True,
                               kept=kept if rest.size == static.shape[0] else None,
                               columns=cols)
                res[:, rest] = values[..., -1]
            dyn[n_leaf + k] = res
    return dyn[n_leaf + dirty[-1]]
