"""The peer test: the issue's two mistakes are caught, ordinary spreads are not flagged."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from chiso.compute.plausible import MIN_PEERS, far_outside, spread

SHARES = [0.05, 0.1, 0.1, 0.2, 0.3, 0.35, 0.5, 0.8, 1.0, 1.2, 1.5]  # IT budget shares, %
BUDGETS = [2.1e10, 4.5e10, 8e10, 1.2e11, 2.5e11, 6e10, 9.9e10, 3e10]  # đồng


def test_the_issues_mistakes_are_far_outside() -> None:
    assert far_outside(70.8, SHARES)
    assert far_outside(911_000, BUDGETS, log=True)


def test_plausible_values_are_not() -> None:
    for v in (0.05, 0.7, 1.5, 1.9, 2.2):
        assert not far_outside(v, SHARES)
    for v in (1e10, 5e11):
        assert not far_outside(v, BUDGETS, log=True)
    assert not far_outside(70.8, SHARES[: MIN_PEERS - 1])  # too few peers to say


@given(st.lists(st.floats(min_value=-1e9, max_value=1e9), min_size=1, max_size=60),
       st.floats(min_value=-1e9, max_value=1e9))
def test_a_value_within_the_peers_range_is_never_flagged(peers: list[float], pick: float) -> None:
    lo, hi = min(peers), max(peers)
    v = float(np.clip(pick, lo, hi))
    assert not far_outside(v, peers) and not far_outside(v, peers, log=True)
    s = spread(peers)
    assert s.low <= s.median <= s.high and s.count == len(peers)
