"""Rank statistics streamed: the ranks of replications counted chunk by chunk, so N has no bound
but time. A tally holds, for every unit, how often it took each rank (ranks are whole numbers
1..units), so its memory is units × units counts whatever N is (3,321 communes: 44 MB).

Counts add exactly, in any order: tallies made of any split of the replications, in any
process, merge into the same tally, and its statistics equal those of the whole (replications ×
units) array of ranks bit for bit: the mean is the exact sum over the count, the median and the
5th and 95th percentiles are R's quantile type 7 with NumPy's own interpolation (`rank_stats`
in chiso.compute.uncertainty computes them from the array; a test holds the two equal).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from chiso.compute.arrays import AnyArray, FloatArray

Counts = npt.NDArray[np.int32]
QUANTILES = (0.05, 0.95)


class RankTally:
    """counts[u, r]: how many replications gave unit u rank r (column 0: no rank, NaN).

    Ranks wait in a buffer (as positions in `counts`) of about as many as there are counts,
    then are counted in one pass: counting costs units × units whatever the batch, so it is
    paid once per that many ranks, not once per chunk."""

    def __init__(self, counts: Counts) -> None:
        self.counts = counts
        self._buf: npt.NDArray[np.intp] | None = None
        self._fill = 0

    @classmethod
    def empty(cls, units: int) -> RankTally:
        return cls(np.zeros((units, units + 1), dtype=np.int32))

    def __getstate__(self) -> dict[str, Any]:  # sent between processes: the counts only
        return {"counts": self.flush().counts}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["counts"])  # type: ignore[misc]

    @property
    def units(self) -> int:
        return int(self.counts.shape[0])

    def add(self, ranks: FloatArray) -> None:
        """Count a (replications × units) array of ranks (whole numbers or NaN)."""
        ranks = np.asarray(ranks)
        if ranks.ndim != 2 or ranks.shape[1] != self.units:
            raise ValueError(f"ranks must be (replications, {self.units})")
        units = np.broadcast_to(np.arange(self.units), ranks.shape)
        self.add_ordered(units, np.nan_to_num(ranks, nan=0.0).astype(np.intp))

    def add_ordered(self, order: AnyArray, at: AnyArray) -> None:
        """Count ranks given in descending order (chiso.compute.rank.ranks_in_order): unit
        order[i, p] took rank at[i, p] (0: none)."""
        m = order.size
        if self._buf is None:
            self._buf = np.empty(max(self.counts.size, m), dtype=np.intp)
        if self._fill + m > self._buf.size:
            self.flush()
        view = self._buf[self._fill:self._fill + m].reshape(order.shape)
        np.multiply(order, self.units + 1, out=view)
        view += at
        self._fill += m

    def flush(self) -> RankTally:
        """Count what waits in the buffer."""
        if self._buf is not None and self._fill:
            found = np.bincount(self._buf[:self._fill], minlength=self.counts.size)
            # int64 counts added in place: a tally holds fewer than 2**31 of each
            self.counts += found.reshape(self.counts.shape)
        self._fill = 0
        return self

    def merge(self, other: RankTally) -> RankTally:
        self.flush()
        self.counts += other.flush().counts
        return self

    @property
    def n(self) -> npt.NDArray[np.int64]:
        """Replications that ranked each unit."""
        self.flush()
        return np.asarray(self.counts[:, 1:].sum(axis=1, dtype=np.int64))

    def stats(self) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
        """Mean, median, 5th and 95th percentile rank per unit (NaN where never ranked)."""
        self.flush()
        n = self.n
        # every row's running counts laid end to end, each offset past the last: one sorted
        # array, so one searchsorted finds the k-th rank of every unit
        step = int(n.max(initial=0)) + 1
        wide: type[np.signedinteger[Any]] = np.int32 if self.units * step < 2**31 else np.int64
        cum: AnyArray = np.cumsum(self.counts[:, 1:], axis=1, dtype=wide)
        # Σ r c_r = Σ_r (n - cum_(r-1)): the sum of all ranks, exactly
        total = self.units * n - cum[:, :-1].sum(axis=1, dtype=np.int64)
        cum += (np.arange(self.units, dtype=wide) * step)[:, None]
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = np.where(n > 0, total / n, np.nan)
            median = (self._at(cum, n, (n - 1) // 2) + self._at(cum, n, n // 2)) / 2
            q05, q95 = (self._quantile(cum, n, q) for q in QUANTILES)
        none = n == 0
        return (mean, np.where(none, np.nan, median), np.where(none, np.nan, q05),
                np.where(none, np.nan, q95))

    @staticmethod
    def _at(cum: AnyArray, n: npt.NDArray[np.int64],
            k: npt.NDArray[np.int64]) -> FloatArray:
        """Each unit's k-th smallest rank (0-based): 1 + how many ranks have at most k
        replications at or below them."""
        units = cum.shape[0]
        row = np.arange(units, dtype=np.int64)
        offset = row * (int(n.max(initial=0)) + 1)
        keys = (np.clip(k, 0, None) + offset).astype(cum.dtype)  # one type: no copy of cum
        found = np.searchsorted(cum.reshape(-1), keys, side="right")
        return np.asarray(found - row * units + 1, dtype=float)

    def _quantile(self, cum: AnyArray, n: npt.NDArray[np.int64],
                  q: float) -> FloatArray:
        """NumPy's method "linear" (R's type 7) as numpy.quantile computes it: index (n - 1) q,
        and its lerp (from the upper neighbour when the weight is at least one half)."""
        virtual = (n - 1) * np.float64(q)
        prev = np.floor(virtual)
        top = virtual >= n - 1
        lo = np.where(top, n - 1, prev).astype(np.int64)
        hi = np.where(top, n - 1, prev + 1).astype(np.int64)
        a, b = self._at(cum, n, lo), self._at(cum, n, hi)
        t = virtual - np.where(top, -1.0, prev)
        diff = b - a
        return np.asarray(np.where(t >= 0.5, b - diff * (1 - t), a + diff * t), dtype=float)


class Runner(Protocol):
    """Runs fn(*shared, task) for every task, in this process or elsewhere (chiso.cluster),
    and yields the results as they come, in any order."""

    def __call__(self, fn: Callable[..., RankTally], shared: tuple[Any, ...],
                 tasks: Sequence[Any]) -> Iterable[RankTally]: ...


def tasks_of(chunks: Sequence[int], tasks: int) -> list[tuple[int, ...]]:
    """Chunks split into at most `tasks` runs of consecutive chunks, of sizes within one."""
    count = max(1, min(tasks, len(chunks)))
    size, extra = divmod(len(chunks), count)
    out, start = [], 0
    for i in range(count):
        end = start + size + (i < extra)
        out.append(tuple(chunks[start:end]))
        start = end
    return out
