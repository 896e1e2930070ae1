"""Ranks as the ministry publishes them: descending, ties share the lower rank (1, 2, 2, 4)."""

from __future__ import annotations

import numpy as np


def rank_desc(scores: np.ndarray) -> np.ndarray:
    """Rank along the last axis, best (largest) first; NaN stays NaN.

    "15 Thanh Hóa, 15 Yên Bái": equal scores share the lower rank and the next one skips
    (R's rank(-x, ties.method = "min")). Vectorised over leading axes (replications).
    """
    x = np.asarray(scores, dtype=float)
    finite = np.isfinite(x)
    key = np.where(finite, -x, np.inf)
    order = np.argsort(key, axis=-1, kind="stable")
    ordered = np.take_along_axis(key, order, axis=-1)
    n = x.shape[-1]
    position = np.broadcast_to(np.arange(n), ordered.shape)
    starts = np.ones(ordered.shape, dtype=bool)
    starts[..., 1:] = ordered[..., 1:] != ordered[..., :-1]
    first = np.maximum.accumulate(np.where(starts, position, 0), axis=-1)
    ranks = np.empty(ordered.shape, dtype=float)
    np.put_along_axis(ranks, order, first + 1.0, axis=-1)
    return np.where(finite, ranks, np.nan)
