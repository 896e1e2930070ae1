"""Uncertainty analysis: Monte Carlo over weights, normalisation, winsorisation limit and
aggregation, on the build's own stages (chiso.compute.pipeline), replications processed as an
array axis in batches, reproducible from a seed.

Replications are drawn in chunks of `spec.chunk`: chunk k draws from its own generator,
SeedSequence(seed, spawn_key=(k,)), so any chunk can be drawn and computed on its own (by
another process, or a cluster) and the result does not depend on how chunks are shared out.
Records written before chunks existed (chunk None) draw every replication from one generator,
default_rng(seed), as they did then.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from chiso.compute import pipeline
from chiso.compute.aggregate import Rules, aggregate
from chiso.compute.arrays import FloatArray, IntArray
from chiso.compute.build import structure_for
from chiso.compute.method import Method, check_normaliser
from chiso.compute.rank import rank_desc, ranks_in_order
from chiso.compute.records import legacy_params
from chiso.compute.replicate import dirty_root
from chiso.compute.structure import Dataset, Structure
from chiso.compute.tally import RankTally, Runner, tasks_of
from chiso.framework import Framework

BATCH_BYTES = 256 * 2**20  # working memory per batch
CHUNK = 1000
RANK_ROWS = 256  # replications ranked at once


@dataclass(frozen=True)
class UncertaintySpec:
    """The uncertain inputs and how many replications to draw.

    weight_noise: each aggregate's weight (pillars, groups; for a points index, each main
    index's points) is multiplied by 1 + U(-noise, noise); normalisations: alternatives drawn
    with equal probability, as (kind, params) pairs; winmax: alternative winsorisation limits;
    aggregations: alternative aggregation methods. Empty tuples keep the nominal choice.
    chunk: replications per independently seeded chunk (None: one generator, as before).
    """

    n: int = 1000
    seed: int = 0
    weight_noise: float = 0.25
    normalisations: tuple[tuple[str, dict[str, Any]], ...] = ()
    winmax: tuple[int, ...] = ()
    aggregations: tuple[str, ...] = ()
    chunk: int | None = CHUNK

    def __post_init__(self) -> None:
        for kind, params in self.normalisations:
            check_normaliser("uncertainty.normalisations", kind, params)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["normalisations"] = [[k, dict(p)] for k, p in self.normalisations]
        d["winmax"], d["aggregations"] = list(self.winmax), list(self.aggregations)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> UncertaintySpec:
        legacy = "chunk" not in d  # written before version 2 of the method records
        norms = tuple((k, legacy_params(k, dict(p)) if legacy else dict(p))
                      for k, p in d.get("normalisations") or ())
        return cls(n=int(d["n"]), seed=int(d["seed"]), weight_noise=float(d["weight_noise"]),
                   normalisations=norms, winmax=tuple(int(w) for w in d.get("winmax") or ()),
                   aggregations=tuple(d.get("aggregations") or ()),
                   chunk=None if legacy else d["chunk"])

    def chunks(self) -> list[tuple[int, int]]:
        """(chunk index, replications in it)."""
        if self.chunk is None:
            return [(0, self.n)]
        return [(k, min(self.chunk, self.n - start))
                for k, start in enumerate(range(0, self.n, self.chunk))]


@dataclass(frozen=True)
class Replications:
    """The parameters of every replication: enough to rebuild any one of them exactly."""

    weights: FloatArray        # (n, nodes): the weight of every node within its parent
    normalisation: IntArray    # (n,) index into the alternatives
    winmax: IntArray           # (n,) index into the alternatives
    aggregation: IntArray      # (n,) index into the alternatives

    @classmethod
    def concat(cls, parts: list[Replications]) -> Replications:
        return cls(*(np.concatenate([getattr(p, f) for p in parts])
                     for f in ("weights", "normalisation", "winmax", "aggregation")))


@dataclass
class UncertaintyResult:
    unit_ids: list[str]
    nominal_rank: FloatArray
    mean_rank: FloatArray
    median_rank: FloatArray
    q05_rank: FloatArray
    q95_rank: FloatArray
    # with keep: (n, units), the root score and rank of every replication
    scores: FloatArray | None = field(default=None, repr=False)
    ranks: FloatArray | None = field(default=None, repr=False)
    params: Replications | None = field(default=None, repr=False)

    def to_rows(self) -> list[dict[str, Any]]:
        return [{"unit": u, "nominal_rank": _i(self.nominal_rank[i]),
                 "mean_rank": _f(self.mean_rank[i]), "median_rank": _f(self.median_rank[i]),
                 "q05_rank": _f(self.q05_rank[i]), "q95_rank": _f(self.q95_rank[i])}
                for i, u in enumerate(self.unit_ids)]


def _f(v: float) -> float | None:
    return None if np.isnan(v) else float(v)


def _i(v: float) -> int | None:
    return None if np.isnan(v) else int(v)


class Engine:
    """The build's stages run once up to screening, once per alternative winsorisation limit and
    normalisation, then aggregated per replication."""

    def __init__(self, fw: Framework | Structure, data: Dataset, method: Method,
                 normalisations: tuple[tuple[str, dict[str, Any]], ...] = (),
                 winmax: tuple[int, ...] = (), aggregations: tuple[str, ...] = ()) -> None:
        self.st = st = structure_for(fw, method)
        self.method = method
        prep = pipeline.prepare(st, data, method)
        x = prep.values
        self.kept = prep.kept
        ctx = pipeline.Context.of(data.unit_ids)
        self.norms = normalisations or ((method.normalise, dict(method.normalise_params)),)
        self.wins: tuple[int | None, ...] = winmax or (
            (method.treat.winmax,) if method.treat else (0,))
        stack = []
        for w in self.wins:
            treated, _ = pipeline.treat_stage(st, x, method, prep.kept, w)
            stack.append([pipeline.normalise(st, treated, method, ctx, k, p)
                          for k, p in self.norms])
        self.normalised = np.array(stack)  # (wins, norms, units, leaves)
        nominal = pipeline.aggregation_rules(st, method)
        self.points = "points" in nominal.how
        alts = aggregations or (None,)
        self.aggs = tuple(nominal if a is None else pipeline.aggregation_rules(st, method, a)
                          for a in alts)
        self.nominal_rules = nominal
        treated_x = pipeline.treat_stage(st, x, method, prep.kept)[0]
        nominal_x = pipeline.normalise(st, treated_x, method, ctx)
        self.nominal_x = nominal_x
        self.nominal_weights = (
            self._points_weights() if self.points
            else pipeline.weights_stage(st, method, nominal_x, nominal, prep.kept))
        self._cache: dict[tuple[int, int, int], FloatArray] = {}

    def _points_weights(self) -> FloatArray:
        """A points index as a weighted mean: leaves weigh their points, aggregates the points
        of their leaves (Σ value × points / Σ points is the same number)."""
        tree = self.st.tree
        w = np.nan_to_num(tree.max_points.copy())
        n_leaf = len(tree.leaves)
        for k, kids in enumerate(tree.children):
            w[n_leaf + k] = w[list(kids)].sum()
        return np.asarray(w, dtype=float)

    def draw(self, spec: UncertaintySpec, chunk: int = 0) -> Replications:
        """The parameters of one chunk of replications (all of them when spec.chunk is None)."""
        if spec.chunk is None:
            rng, n = np.random.default_rng(spec.seed), spec.n
        else:
            rng = np.random.default_rng(np.random.SeedSequence(spec.seed, spawn_key=(chunk,)))
            n = dict(spec.chunks())[chunk]
        tree = self.st.tree
        n_leaf = len(tree.leaves)
        noisy = self.noisy()
        factors = rng.uniform(1 - spec.weight_noise, 1 + spec.weight_noise, (n, noisy.size))
        weights = np.broadcast_to(self.nominal_weights, (n, len(tree.nodes))).copy()
        weights[:, noisy] *= factors
        if self.points:  # aggregates carry the points of their leaves, noisy as those are
            for k, kids in enumerate(tree.children):
                weights[:, n_leaf + k] = weights[:, list(kids)].sum(axis=1)
        return Replications(
            weights=weights,
            normalisation=rng.integers(0, len(self.norms), n),
            winmax=rng.integers(0, len(self.wins), n),
            aggregation=rng.integers(0, len(self.aggs), n),
        )

    def draw_all(self, spec: UncertaintySpec) -> Replications:
        return Replications.concat([self.draw(spec, k) for k, _ in spec.chunks()])

    def noisy(self) -> IntArray:
        """The nodes whose weight varies between replications."""
        tree = self.st.tree
        n_leaf = len(tree.leaves)
        return np.arange(n_leaf) if self.points else np.arange(n_leaf, len(tree.nodes) - 1)

    def _rules(self, a: int) -> Rules:
        rules = self.aggs[a]
        return rules.with_how("arithmetic") if "points" in rules.how else rules

    def root_scores(self, reps: Replications) -> FloatArray:
        """The root score of every replication, (n, units).

        Only the aggregates whose children's weights vary ("dirty") are recomputed per
        replication (chiso.compute.replicate, the build's arithmetic); every other node depends
        only on the discrete choices (winsorisation limit, normalisation, aggregation), so it is
        computed once per combination of those. Batched to bound memory.
        """
        tree = self.st.tree
        dirty = self.dirty()
        combos, combo_of = np.unique(
            np.stack([reps.winmax, reps.normalisation, reps.aggregation], axis=1),
            axis=0, return_inverse=True)
        combo_of = combo_of.reshape(-1)
        root = len(tree.nodes) - 1
        n = reps.weights.shape[0]
        units = self.normalised.shape[2]
        out = np.empty((n, units))
        batch = max(1, BATCH_BYTES // max(units * (len(dirty) + 2) * 8 * 3, 1))
        for c, (w, nm, a) in enumerate(combos):
            static = self._static(int(w), int(nm), int(a))
            rows = np.flatnonzero(combo_of == c)
            if not dirty:
                out[rows] = static[:, root]
                continue
            for start in range(0, rows.size, batch):
                sl = rows[start:start + batch]
                out[sl] = dirty_root(tree, static, self._rules(int(a)), reps.weights[sl], dirty,
                                     self.kept)
        return out

    def dirty(self) -> list[int]:
        """The aggregates (positions, children first) above a noisy weight."""
        tree = self.st.tree
        n_leaf = len(tree.leaves)
        noisy = set(self.noisy().tolist())
        dirty: list[int] = []
        for k, kids in enumerate(tree.children):
            if noisy.intersection(kids) or {n_leaf + d for d in dirty}.intersection(kids):
                dirty.append(k)
        return dirty

    def _static(self, w: int, nm: int, a: int) -> FloatArray:
        """Every node's score for one combination of the discrete choices, nominal weights."""
        key = (w, nm, a)
        if key not in self._cache:
            self._cache[key] = aggregate(self.st.tree, self.normalised[w, nm], self._rules(a),
                                         weights=self.nominal_weights, kept=self.kept)
        return self._cache[key]

    def nominal_root(self) -> FloatArray:
        """The root score of the nominal build (the method itself)."""
        return aggregate(self.st.tree, self.nominal_x, self.nominal_rules,
                         weights=None if self.points else self.nominal_weights,
                         kept=self.kept)[:, -1]


def rank_stats(ranks: FloatArray) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    """Mean, median, 5th and 95th percentile rank per unit (R's quantile type 7)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        q05, q95 = np.nanquantile(ranks, [0.05, 0.95], axis=0)
        return np.nanmean(ranks, axis=0), np.nanmedian(ranks, axis=0), q05, q95


def _ranks(eng: Engine, scores: FloatArray) -> FloatArray:
    return rank_desc(scores, eng.method.rank_tolerance, eng.method.rank_digits)


def tally_chunks(eng: Engine, spec: UncertaintySpec, chunks: Sequence[int]) -> RankTally:
    """The ranks of the root in the given chunks of replications, counted (one task)."""
    tally = RankTally.empty(eng.normalised.shape[2])
    for k in chunks:
        scores = eng.root_scores(eng.draw(spec, k))
        for start in range(0, scores.shape[0], RANK_ROWS):  # a few MB of sorting at a time
            tally.add_ordered(*ranks_in_order(scores[start:start + RANK_ROWS],
                                              eng.method.rank_tolerance, eng.method.rank_digits))
    return tally.flush()


def uncertainty(fw: Framework | Structure, data: Dataset, method: Method,
                spec: UncertaintySpec, *, keep: bool = False, runner: Runner | None = None,
                tasks: int = 1) -> UncertaintyResult:
    """Rank uncertainty of the root over `spec.n` replications drawn from `spec.seed`.

    The chunks of replications are computed in `tasks` tasks (by `runner`, or here, one after
    the other) and their ranks counted into one tally (chiso.compute.tally): memory is bounded
    whatever spec.n, and the result is the same bit for bit for any number of tasks or workers.
    `keep` also keeps every replication's parameters, scores and ranks ((n × units) arrays).
    """
    eng = Engine(fw, data, method, spec.normalisations, spec.winmax, spec.aggregations)
    nominal = _ranks(eng, eng.nominal_root())
    if keep:
        parts = [eng.draw(spec, k) for k, _ in spec.chunks()]
        scores = np.concatenate([eng.root_scores(part) for part in parts])
        ranks = _ranks(eng, scores)
        return UncertaintyResult(list(data.unit_ids), nominal, *rank_stats(ranks), scores,
                                 ranks, Replications.concat(parts))
    groups = tasks_of([k for k, _ in spec.chunks()], tasks)
    results = ((tally_chunks(eng, spec, g) for g in groups) if runner is None
               else runner(tally_chunks, (eng, spec), groups))
    total = RankTally.empty(len(data.unit_ids))
    for part in results:
        total.merge(part)
    return UncertaintyResult(list(data.unit_ids), nominal, *total.stats())
