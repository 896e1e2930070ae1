"""Is a figure plausible beside its peers? A robust test on the other units' values.

A value is *far outside* its peers when it lies beyond their range by more than the range's own
width and more than `Z` robust standard deviations (1.4826 × the median absolute deviation) from
their median. Unbounded measures (money, counts: `log=True`) are compared on a log scale when the
value and every peer are positive (911.000 đồng among budgets of billions is five orders of
magnitude off); bounded ones (shares) on the values themselves (70,8 % among IT budget shares of
0,05–1,5 %). With fewer than `MIN_PEERS` peers nothing is said.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

Z = 5.0
MIN_PEERS = 5
MAD_TO_SD = 1.4826


@dataclass(frozen=True)
class Spread:
    """The peers a value was compared with: how many, their median and range."""

    count: int
    median: float
    low: float
    high: float


def spread(peers: Sequence[float]) -> Spread:
    x = np.asarray(peers, dtype=float)
    return Spread(int(x.size), float(np.median(x)), float(x.min()), float(x.max()))


def far_outside(value: float, peers: Sequence[float], log: bool = False) -> bool:
    """True when `value` is far outside the distribution of `peers` (see the module)."""
    x = np.asarray(peers, dtype=float)
    x = x[np.isfinite(x)]
    if x.size < MIN_PEERS or not np.isfinite(value):
        return False
    if log and value > 0 and bool((x > 0).all()):
        x, v = np.log10(x), float(np.log10(value))
    else:
        v = float(value)
    lo, hi = float(x.min()), float(x.max())
    width = hi - lo
    if lo - width <= v <= hi + width:
        return False
    med = float(np.median(x))
    mad = float(np.median(np.abs(x - med))) * MAD_TO_SD
    if mad == 0.0:
        # identical peers: measure against their scale instead (or 1 for zeros)
        mad = max(abs(med) * 0.05, 1e-9) if med else 1.0
    return abs(v - med) / mad > Z
