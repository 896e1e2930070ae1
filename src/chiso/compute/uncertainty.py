"""Uncertainty analysis: Monte Carlo over weights, normalisation, winsorisation limit and
aggregation, replications processed as an array axis in batches (never a Python loop over the
whole pipeline), reproducible from a seed."""

from __future__ import annotations

import warnings
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from chiso.compute.aggregate import aggregate, weighted_mean
from chiso.compute.build import (
    Dataset,
    Structure,
    denominate,
    impute,
    leaf_matrix,
    normalise,
    screen,
)
from chiso.compute.method import Method
from chiso.compute.rank import rank_desc
from chiso.compute.treat import treat
from chiso.framework import Framework

BATCH_BYTES = 256 * 2**20  # working memory per batch


@dataclass(frozen=True)
class UncertaintySpec:
    """The uncertain inputs and how many replications to draw.

    weight_noise: each aggregate's weight (pillars, groups; for a points index, each main
    index's points) is multiplied by 1 + U(-noise, noise); normalisations: alternatives drawn
    with equal probability, as (kind, params) pairs; winmax: alternative winsorisation limits;
    aggregations: alternative aggregation methods. Empty tuples keep the nominal choice.
    """

    n: int = 1000
    seed: int = 0
    weight_noise: float = 0.25
    normalisations: tuple[tuple[str, dict[str, float]], ...] = ()
    winmax: tuple[int, ...] = ()
    aggregations: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["normalisations"] = [[k, dict(p)] for k, p in self.normalisations]
        d["winmax"], d["aggregations"] = list(self.winmax), list(self.aggregations)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> UncertaintySpec:
        return cls(n=int(d["n"]), seed=int(d["seed"]), weight_noise=float(d["weight_noise"]),
                   normalisations=tuple((k, dict(p)) for k, p in d.get("normalisations") or ()),
                   winmax=tuple(int(w) for w in d.get("winmax") or ()),
                   aggregations=tuple(d.get("aggregations") or ()))


@dataclass(frozen=True)
class Replications:
    """The parameters of every replication: enough to rebuild any one of them exactly."""

    weights: np.ndarray      # (n, nodes): the weight of every node within its parent
    normalisation: np.ndarray  # (n,) index into the alternatives
    winmax: np.ndarray       # (n,) index into the alternatives
    aggregation: np.ndarray  # (n,) index into the alternatives


@dataclass
class UncertaintyResult:
    unit_ids: list[str]
    nominal_rank: np.ndarray
    mean_rank: np.ndarray
    median_rank: np.ndarray
    q05_rank: np.ndarray
    q95_rank: np.ndarray
    scores: np.ndarray = field(repr=False)  # (n, units): the root score of every replication
    ranks: np.ndarray = field(repr=False)
    params: Replications | None = field(default=None, repr=False)

    def to_rows(self) -> list[dict[str, Any]]:
        return [{"unit": u, "nominal_rank": _i(self.nominal_rank[i]), "mean_rank": _f(self.mean_rank[i]),
                 "median_rank": _f(self.median_rank[i]), "q05_rank": _f(self.q05_rank[i]),
                 "q95_rank": _f(self.q95_rank[i])} for i, u in enumerate(self.unit_ids)]


def _f(v: float) -> float | None:
    return None if np.isnan(v) else float(v)


def _i(v: float) -> int | None:
    return None if np.isnan(v) else int(v)


class Engine:
    """The parts of a build that do not vary, prepared once; replications vary the rest."""

    def __init__(self, fw: Framework | Structure, data: Dataset, method: Method,
                 normalisations: tuple[tuple[str, dict[str, float]], ...] = (),
                 winmax: tuple[int, ...] = (), aggregations: tuple[str, ...] = ()) -> None:
        self.st = st = Structure.of(fw)
        self.method = method
        tree = st.tree
        x = denominate(st, data, leaf_matrix(st, data), method)
        groups = data.groups.get(method.group_by) if method.group_by else None
        x = impute(x, method.impute, groups=None if groups is None else np.asarray(groups))
        x = np.where(screen(x, method.screen_units)[:, None], x, np.nan)
        self.norms = normalisations or ((method.normalise, dict(method.normalise_params)),)
        self.wins = winmax or ((method.treat.winmax,) if method.treat else (0,))
        self.aggs = aggregations or (method.aggregate,)
        skip = {tree.leaves.index(c) for c in method.treat_skip if c in tree.leaves}
        stack = []
        for w in self.wins:
            treated = x
            if method.treat is not None:
                rule = type(method.treat)(**{**asdict(method.treat), "winmax": w})
                treated, _ = treat(x, rule, list(tree.leaves), skip)
            stack.append([normalise(st, treated, method, k, p) for k, p in self.norms])
        self.normalised = np.array(stack)  # (wins, norms, units, leaves)
        self.points = method.aggregate == "points"
        self.nominal_weights = self._points_weights() if self.points else tree.weights.copy()
        self._cache: dict[tuple[int, int, int], np.ndarray] = {}

    def _points_weights(self) -> np.ndarray:
        """A points index as a weighted mean: leaves weigh their points, aggregates the points
        of their leaves (Σ value × points / Σ points is the same number)."""
        tree = self.st.tree
        w = np.nan_to_num(tree.max_points.copy())
        n_leaf = len(tree.leaves)
        for k, kids in enumerate(tree.children):
            w[n_leaf + k] = w[list(kids)].sum()
        return w

    def draw(self, spec: UncertaintySpec) -> Replications:
        rng = np.random.default_rng(spec.seed)
        tree = self.st.tree
        n_leaf = len(tree.leaves)
        noisy = self.noisy()
        factors = rng.uniform(1 - spec.weight_noise, 1 + spec.weight_noise, (spec.n, noisy.size))
        weights = np.broadcast_to(self.nominal_weights, (spec.n, len(tree.nodes))).copy()
        weights[:, noisy] *= factors
        if self.points:  # aggregates carry the points of their leaves, noisy as those are
            for k, kids in enumerate(tree.children):
                weights[:, n_leaf + k] = weights[:, list(kids)].sum(axis=1)
        return Replications(
            weights=weights,
            normalisation=rng.integers(0, len(self.norms), spec.n),
            winmax=rng.integers(0, len(self.wins), spec.n),
            aggregation=rng.integers(0, len(self.aggs), spec.n),
        )

    def noisy(self) -> np.ndarray:
        """The nodes whose weight varies between replications."""
        tree = self.st.tree
        n_leaf = len(tree.leaves)
        return np.arange(n_leaf) if self.points else np.arange(n_leaf, len(tree.nodes) - 1)

    def root_scores(self, reps: Replications) -> np.ndarray:
        """The root score of every replication, (n, units).

        Only the aggregates whose children's weights vary ("dirty") are recomputed per
        replication; every other node depends only on the discrete choices (winsorisation limit,
        normalisation, aggregation), so it is computed once per combination of those. Batched
        to bound memory.
        """
        tree = self.st.tree
        n_leaf = len(tree.leaves)
        noisy = set(self.noisy().tolist())
        dirty: list[int] = []
        for k, kids in enumerate(tree.children):
            if noisy.intersection(kids) or set(dirty).intersection(kids):
                dirty.append(n_leaf + k)
        dirty_set = set(dirty)
        needed = sorted({c for d in dirty for c in tree.children[d - n_leaf]} - dirty_set)
        combos, combo_of = np.unique(
            np.stack([reps.winmax, reps.normalisation, reps.aggregation], axis=1),
            axis=0, return_inverse=True)
        combo_of = combo_of.reshape(-1)
        static = np.stack([
            self._static(int(w), int(nm), int(a))[:, needed] for w, nm, a in combos
        ])  # (combos, units, needed)
        col = {c: i for i, c in enumerate(needed)}
        n, units = reps.weights.shape[0], static.shape[1]
        per_rep = units * (len(needed) + len(dirty)) * 8 * 3
        batch = max(1, min(n, BATCH_BYTES // max(per_rep, 1)))
        out = np.empty((n, units))
        for start in range(0, n, batch):
            sl = slice(start, min(n, start + batch))
            base = static[combo_of[sl]]  # (b, units, needed)
            values: dict[int, np.ndarray] = {}
            agg = reps.aggregation[sl]
            w = reps.weights[sl]
            for d in dirty:
                kids = list(tree.children[d - n_leaf])
                x = np.stack([values[c] if c in dirty_set else base[..., col[c]] for c in kids], axis=-1)
                res = np.empty(x.shape[:-1])
                for a, how in enumerate(self.aggs):
                    rows = np.flatnonzero(agg == a)
                    if rows.size:
                        res[rows] = weighted_mean(x[rows], w[rows][:, kids][:, None, :],
                                          "arithmetic" if how == "points" else how, self.method.p)
                values[d] = res
            out[sl] = values[dirty[-1]] if dirty else base[..., col[len(tree.nodes) - 1]]
        return out

    def _static(self, w: int, nm: int, a: int) -> np.ndarray:
        """Every node's score for one combination of the discrete choices, nominal weights."""
        key = (w, nm, a)
        if key not in self._cache:
            how = self.aggs[a]
            self._cache[key] = aggregate(self.st.tree, self.normalised[w, nm],
                                         "arithmetic" if how == "points" else how,
                                         weights=self.nominal_weights, p=self.method.p)
        return self._cache[key]


def rank_stats(ranks: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Mean, median, 5th and 95th percentile rank per unit (R's quantile type 7)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        q05, q95 = np.nanquantile(ranks, [0.05, 0.95], axis=0)
        return np.nanmean(ranks, axis=0), np.nanmedian(ranks, axis=0), q05, q95


def uncertainty(fw: Framework | Structure, data: Dataset, method: Method,
                spec: UncertaintySpec) -> UncertaintyResult:
    """Rank uncertainty of the root over `spec.n` replications drawn from `spec.seed`."""
    eng = Engine(fw, data, method, spec.normalisations, spec.winmax, spec.aggregations)
    reps = eng.draw(spec)
    scores = eng.root_scores(reps)
    ranks = rank_desc(scores)
    nominal = _nominal_root(eng)
    mean, median, q05, q95 = rank_stats(ranks)
    return UncertaintyResult(list(data.unit_ids), rank_desc(nominal), mean, median, q05, q95,
                             scores, ranks, reps)


def _nominal_root(eng: Engine) -> np.ndarray:
    tree = eng.st.tree
    x = eng.normalised[0, 0]
    if eng.points:
        return aggregate(tree, x, "points")[:, -1]
    return aggregate(tree, x, eng.method.aggregate, weights=eng.nominal_weights, p=eng.method.p)[:, -1]


def sensitivity(fw: Framework | Structure, data: Dataset, method: Method, spec: UncertaintySpec,
                *, bootstrap: int = 1000) -> Any:
    """Si and STi of each uncertain input on the mean absolute rank change of the root.

    Inputs: "weights" (one input: a pool of spec.n noisy weight sets, the design picks one), and
    "normalisation", "winmax", "aggregation" where the spec gives alternatives. spec.n is the
    base sample size N; the design runs N (d + 2) replications.
    """
    from chiso.compute.sensitivity import saltelli_design, sensitivity_indices

    eng = Engine(fw, data, method, spec.normalisations, spec.winmax, spec.aggregations)
    pool = eng.draw(spec)
    names = ["weights"] + [k for k, alts in (("normalisation", eng.norms), ("winmax", eng.wins),
                                              ("aggregation", eng.aggs)) if len(alts) > 1]
    rng = np.random.default_rng(spec.seed + 1)
    u = saltelli_design(spec.n, len(names), rng)
    col = {k: u[:, i] for i, k in enumerate(names)}

    def pick(k: str, count: int) -> np.ndarray:
        return np.minimum((col[k] * count).astype(int), count - 1) if k in col else np.zeros(len(u), int)

    reps = Replications(pool.weights[pick("weights", spec.n)], pick("normalisation", len(eng.norms)),
                        pick("winmax", len(eng.wins)), pick("aggregation", len(eng.aggs)))
    from chiso.compute.sensitivity import mean_rank_change

    y = mean_rank_change(eng.root_scores(reps), _nominal_root(eng))
    return sensitivity_indices(y, spec.n, tuple(names), bootstrap=bootstrap, seed=spec.seed)
