"""Monte Carlo over the low/central/high estimates: P(B/C ≥ bar) and the 5–95 % NPV interval.

Each uncertain line's present value is drawn from the triangular distribution on (PV of its low
flows, PV of its central flows, PV of its high flows); lines are independent, a line's years
move together (docs/value.md). Replications are an array axis processed in batches of projects
(and of replications when one project is too big), as the index engine does. Every project has
its own stream, `default_rng(SeedSequence(seed, spawn_key=(key,)))` with the key a hash of its
id, drawn in replication-major order: results do not depend on batch sizes, on the order of the
projects or on the other projects in the file, and replications `start:stop` can be computed
anywhere by advancing the stream `start × lines` draws (how a cluster will split the work).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from chiso.compute.value import (
    BAR,
    DEFAULT_RATE,
    Flows,
    discount_factors,
    rates_for,
    reaches_bar,
)
from chiso.errors import ComputeError

QUANTILES = (0.05, 0.95)
# Working memory per batch. Smaller than the index engine's BATCH_BYTES: these arrays are
# streamed through once, and batches that stay in the processor's cache run faster.
WORK_BYTES = 16 * 2**20


@dataclass(frozen=True)
class MonteCarlo:
    """How many replications to draw and from which seed (the index engine's n and seed)."""

    n: int = 1000
    seed: int = 0


@dataclass(frozen=True)
class ValueUncertainty:
    projects: tuple[str, ...]
    spec: MonteCarlo
    bar: float
    p_meets_bar: np.ndarray  # share of replications with PV(costs) > 0 and B/C ≥ bar
    npv_mean: np.ndarray
    npv_q05: np.ndarray
    npv_q95: np.ndarray

    def rows(self) -> list[dict[str, Any]]:
        key = f"p_bcr_ge_{self.bar:g}"
        return [{"project": p, key: float(self.p_meets_bar[i]), "npv_q05": float(self.npv_q05[i]),
                 "npv_q95": float(self.npv_q95[i]), "npv_mean": float(self.npv_mean[i])}
                for i, p in enumerate(self.projects)]


def stream_key(project: str) -> int:
    """A project's spawn key: the first 8 bytes of BLAKE2b of its id (stable across runs)."""
    digest = hashlib.blake2b(project.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


def triangular(u: np.ndarray, mode: np.ndarray) -> np.ndarray:
    """The quantile function of the triangular distribution on [0, 1] with the given mode."""
    low = u < mode
    q = np.where(low, u * mode, (1 - u) * (1 - mode))
    np.sqrt(q, out=q)
    return np.asarray(np.where(low, q, 1 - q))


def _shifted_triangular(u: np.ndarray, mode: np.ndarray, work: np.ndarray) -> np.ndarray:
    """triangular(u, mode) - (1 - mode), in place in `u`, without a branch.

    With A = min(sqrt(u m), m) and S = min(sqrt((1 - u)(1 - m)), 1 - m): below the mode A is
    the quantile and S = 1 - m; above it A = m and 1 - S is the quantile; so the quantile is
    A - S + (1 - m) either way. Eight passes of plain arithmetic: masked selects (np.where)
    cost more than all of them in float32.
    """
    rest = 1 - mode
    np.multiply(u, mode, out=work)
    np.sqrt(work, out=work)
    np.minimum(work, mode, out=work)
    np.subtract(1, u, out=u)
    np.multiply(u, rest, out=u)
    np.sqrt(u, out=u)
    np.minimum(u, rest, out=u)
    np.subtract(work, u, out=u)
    return u


@dataclass(frozen=True)
class _Model:
    """PV(benefits) and PV(costs) of each project as constants plus a weight on a standard
    triangular draw x in [0, 1] per uncertain line: PV = const + Σ width · x."""

    const: np.ndarray        # (projects, 2) benefits, costs; with width (1 - mode) added back
    lines: list[np.ndarray]  # per project: its uncertain lines, costs first (ids into the flows)
    costs: np.ndarray        # (projects,) how many of those are costs
    mode: np.ndarray         # (lines,)
    width: np.ndarray        # (lines,)


def _model(flows: Flows, rate: float | np.ndarray) -> _Model:
    lo, mid, hi = line_ranges(flows, rate)
    width = hi - lo
    uncertain = width > 1e-12 * (np.abs(lo) + np.abs(hi))
    width = np.where(uncertain, width, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        mode = np.clip(np.where(uncertain, (mid - lo) / width, 0.0), 0.0, 1.0)
    # certain lines count at their central value; the kernel computes x - (1 - mode) (see
    # _shifted_triangular), so width (1 - mode) is added back here
    base = np.where(uncertain, lo + width * (1.0 - mode), mid)
    const = flows.by_project(np.stack([np.where(flows.benefit, base, 0.0),
                                       np.where(flows.benefit, 0.0, base)], axis=1))
    ids = np.flatnonzero(uncertain)  # within a project, cost lines come first (Flows' order)
    cuts = np.searchsorted(flows.project[ids], np.arange(1, len(flows.projects)))
    costs = np.bincount(flows.project[ids[~flows.benefit[ids]]], minlength=len(flows.projects))
    return _Model(const, np.split(ids, cuts), costs, mode, width)


def _generator(seed: int, project: str, skip: int) -> np.random.Generator:
    bits = np.random.PCG64(np.random.SeedSequence(seed, spawn_key=(stream_key(project),)))
    if skip:
        bits.advance(skip)
    return np.random.Generator(bits)


def _batches(flows: Flows, model: _Model, spec: MonteCarlo, start: int, stop: int,
             batch_bytes: int) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """(projects, PV(benefits) (b, reps), PV(costs) (b, reps)) for batches of projects with
    uncertain lines, grouped by how many cost and benefit lines are uncertain so that a batch
    is one array. Sums over lines run in line order, so batch sizes change no bit."""
    reps = stop - start
    lines = np.array([ids.size for ids in model.lines])
    shapes = np.stack([model.costs, lines - model.costs], axis=1)
    for kc, kb in np.unique(shapes[lines > 0], axis=0):
        k = int(kc + kb)
        group = np.flatnonzero((shapes[:, 0] == kc) & (shapes[:, 1] == kb))
        per_rep = k * (8 + 4 * 2) + 2 * 8  # draws, work arrays, results
        chunk = int(max(1, min(reps, batch_bytes // per_rep)))
        size = int(max(1, min(group.size, batch_bytes // (per_rep * chunk))))
        draws = np.empty((size, chunk, k))
        x = np.empty((size, k, chunk), dtype=np.float32)
        work = np.empty_like(x)
        for b0 in range(0, group.size, size):
            members = group[b0:b0 + size]
            b = members.size
            ids = np.stack([model.lines[p] for p in members])  # (b, k)
            mode = model.mode[ids][:, :, None].astype(np.float32)
            width = model.width[ids][:, :, None].astype(np.float32)
            gens = [_generator(spec.seed, flows.projects[p], start * k) for p in members]
            pv = np.empty((2, b, reps))
            for r0 in range(0, reps, chunk):
                r = min(chunk, reps - r0)
                u = draws[:b, :r]
                for i, g in enumerate(gens):
                    g.random(out=u[i])
                xs = x[:b, :, :r]
                # single precision from here: an error below 1e-5 of a line's range (below
                # 3e-4 for the one-in-a-million draws within 1e-6 of its top)
                np.copyto(xs, u.transpose(0, 2, 1), casting="same_kind")
                _shifted_triangular(xs, mode, work[:b, :, :r])
                xs *= width
                pv[1, :, r0:r0 + r] = xs[:, :kc].sum(axis=1)
                pv[0, :, r0:r0 + r] = xs[:, kc:].sum(axis=1)
            pv += model.const[members].T[:, :, None]
            yield members, pv[0], pv[1]


def _check(spec: MonteCarlo, start: int, stop: int) -> None:
    if spec.n < 1 or not 0 <= start < stop <= spec.n:
        raise ComputeError("Số lần lặp phải ≥ 1 (và 0 ≤ đầu < cuối ≤ n).",
                           "Replications must be ≥ 1 (and 0 ≤ start < stop ≤ n).")


def simulate(flows: Flows, rate: float | np.ndarray = DEFAULT_RATE, spec: MonteCarlo = MonteCarlo(),
             *, bar: float = BAR, batch_bytes: int = WORK_BYTES) -> ValueUncertainty:
    """P(B/C ≥ bar), mean NPV and its 5 % and 95 % quantiles (R's type 7) for every project."""
    _check(spec, 0, spec.n)
    model = _model(flows, rate)
    # projects with no uncertain line have one value in every replication
    pv_b, pv_c = model.const[:, 0], model.const[:, 1]
    p = reaches_bar(pv_b, pv_c, bar).astype(float)
    mean = pv_b - pv_c
    q05, q95 = mean.copy(), mean.copy()
    for members, b, c in _batches(flows, model, spec, 0, spec.n, batch_bytes):
        p[members] = reaches_bar(b, c, bar).mean(axis=1)
        npv = np.subtract(b, c, out=b)
        mean[members] = npv.mean(axis=1)
        q05[members], q95[members] = np.quantile(npv, QUANTILES, axis=1)
    return ValueUncertainty(flows.projects, spec, bar, p, mean, q05, q95)


def replications(flows: Flows, rate: float | np.ndarray = DEFAULT_RATE,
                 spec: MonteCarlo = MonteCarlo(), *, start: int = 0, stop: int | None = None,
                 bar: float = BAR, batch_bytes: int = WORK_BYTES
                 ) -> tuple[np.ndarray, np.ndarray]:
    """NPV and whether B/C ≥ bar in replications start:stop of every project, (projects, reps):
    the piece of work a worker can do on its own."""
    stop = spec.n if stop is None else stop
    _check(spec, start, stop)
    model = _model(flows, rate)
    pv_b = np.repeat(model.const[:, :1], stop - start, axis=1)
    pv_c = np.repeat(model.const[:, 1:], stop - start, axis=1)
    for members, b, c in _batches(flows, model, spec, start, stop, batch_bytes):
        pv_b[members], pv_c[members] = b, c
    return pv_b - pv_c, reaches_bar(pv_b, pv_c, bar)


def line_ranges(flows: Flows, rate: float | np.ndarray = DEFAULT_RATE
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """PV of each line's low, central and high flows: the triangle each line is drawn from."""
    d = discount_factors(rates_for(flows, rate), flows.years)[flows.project]
    lo, mid, hi = (np.einsum("ly,ly->l", v, d) for v in (flows.low, flows.central, flows.high))
    return lo, mid, hi
