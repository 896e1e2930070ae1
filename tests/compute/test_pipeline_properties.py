"""Properties of the whole build on generated inputs (hypothesis): 5–200 units, 3–60
indicators, trees of 2–4 levels, with ties, zeros, negative values, missing values and
lower-is-better indicators, under a spread of methods. They need no reference: the order of
units and of indicators changes nothing, raising a unit's value never lowers its score,
aggregates stay within their children's bounds, and the uncertainty engine's replications are
builds with other weights."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chiso.compute import Dataset, Method, Structure, UncertaintySpec, build, uncertainty
from chiso.compute.impute import ImputeRule
from chiso.compute.treat import TreatRule
from chiso.compute.tree import Tree
from chiso.compute.uncertainty import Engine
from chiso.errors import ComputeError

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def structures(draw: st.DrawFn) -> Structure:
    """A tree of 2–4 levels over 3–60 indicators, every aggregate with at least one child."""
    n = draw(st.integers(3, 60))
    levels = draw(st.integers(2, 4))
    codes = [f"I{i:02d}" for i in range(n)]
    parent: dict[str, str] = {}
    level = {c: 1 for c in codes}
    below = codes
    for lv in range(2, levels + 1):
        k = 1 if lv == levels else draw(st.integers(1, max(1, len(below) // 2)))
        names = [f"L{lv}_{j}" for j in range(k)]
        picks = draw(st.lists(st.integers(0, k - 1), min_size=len(below), max_size=len(below)))
        picks[:k] = range(k)  # no aggregate left empty
        for child, p in zip(below, picks, strict=True):
            parent[child] = names[p]
        level.update({a: lv for a in names})
        below = names
    weights = draw(st.lists(st.sampled_from([0.25, 0.5, 1.0, 2.0, 3.0]), min_size=len(level),
                            max_size=len(level)))
    tree = Tree.from_parents(codes, parent, dict(zip(level, weights, strict=True)), level)
    direction = np.array(draw(st.lists(st.sampled_from([1.0, -1.0]), min_size=n, max_size=n)))
    nan = np.full(n, np.nan)
    return Structure(tree, direction, nan, nan, nan)


@st.composite
def datasets(draw: st.DrawFn, s: Structure) -> Dataset:
    units = draw(st.integers(5, 200))
    k = len(s.tree.leaves)
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    kinds = rng.integers(0, 4, k)
    values = np.where(kinds == 0, rng.integers(0, 5, (units, k)),        # few levels: ties
             np.where(kinds == 1, rng.lognormal(0, 1.5, (units, k)),      # skewed
             np.where(kinds == 2, rng.normal(0, 10, (units, k)),          # negatives
                      rng.poisson(0.7, (units, k)))))                     # zeros
    values = values.astype(float)
    values[rng.random((units, k)) < draw(st.sampled_from([0.0, 0.05, 0.2]))] = np.nan
    values[0] = np.where(np.isnan(values[0]), 1.0, values[0])  # each indicator observed once
    ids = [f"U{i:03d}" for i in rng.permutation(units)]
    return Dataset(ids, list(s.tree.leaves), values)


METHODS: dict[str, dict[str, Any]] = {
    "minmax arithmetic": {},
    "zscore, imputed, treated": {"normalise": "zscore",
                                 "normalise_params": {"mean": 50.0, "sd": 10.0},
                                 "impute": ImputeRule("median"), "treat": TreatRule(winmax=3)},
    "ranks geometric": {"normalise": "rank", "normalise_params": {"ties": "min"},
                        "aggregate": "geometric"},
    "percentile harmonic floored": {"normalise": "percentile_rank", "normalise_params": {},
                                    "aggregate": "harmonic", "zero_floor": 1e-6},
    "minmax 1-100 generalised": {"normalise_params": {"a": 1.0, "b": 100.0},
                                 "aggregate": "generalised", "p": 2.0,
                                 "genmean_missing": "leave_out"},
    "by unit, borda": {"impute": ImputeRule("mean", "unit"), "normalise": "borda",
                       "normalise_params": {"ties": "first"}},
    "distance to best, threshold": {"normalise": "distance_to_best", "normalise_params": {},
                                    "dat_thresh": 0.5},
}


def _build(s: Structure, d: Dataset, m: Method) -> Any:
    try:
        return build(s, d, m)
    except ComputeError as exc:
        return exc


def _same(a: Any, b: Any, perm: np.ndarray | None = None) -> None:
    if isinstance(a, ComputeError) or isinstance(b, ComputeError):
        assert type(a) is type(b) and str(a) == str(b)
        return
    for node in a.nodes:
        x = a.scores[node] if perm is None else a.scores[node][perm]
        np.testing.assert_allclose(b.scores[node], x, rtol=1e-9, atol=1e-9, err_msg=node)
        ra = a.ranks[node] if perm is None else a.ranks[node][perm]
        np.testing.assert_array_equal(b.ranks[node], ra, err_msg=node)


@pytest.mark.parametrize("axis", ["units", "indicators"])
@pytest.mark.parametrize("name", sorted(METHODS))
@SETTINGS
@given(data=st.data())
def test_the_order_of_units_or_indicators_changes_nothing(axis: str, name: str,
                                                          data: st.DataObject) -> None:
    """Permuted units give the same results, permuted; permuted indicator columns the same."""
    s = data.draw(structures())
    d = data.draw(datasets(s))
    m = Method(**METHODS[name])
    n = len(d.unit_ids) if axis == "units" else len(d.indicators)
    perm = np.array(data.draw(st.permutations(range(n))))
    if axis == "units":
        moved = Dataset([d.unit_ids[i] for i in perm], d.indicators, d.values[perm])
        _same(_build(s, d, m), _build(s, moved, m), perm)
    else:
        moved = Dataset(d.unit_ids, [d.indicators[j] for j in perm], d.values[:, perm])
        _same(_build(s, d, m), _build(s, moved, m))


@pytest.mark.parametrize("name", ["minmax arithmetic", "ranks geometric",
                                  "percentile harmonic floored", "minmax 1-100 generalised"])
@SETTINGS
@given(data=st.data())
def test_raising_a_unit_value_never_lowers_its_score(name: str, data: st.DataObject) -> None:
    """Without imputation or treatment, a better value on one indicator raises (or keeps) the
    unit's normalised value, so every aggregate above it (positive weights)."""
    s = data.draw(structures())
    d = data.draw(datasets(s))
    m = Method(**METHODS[name])
    before = _build(s, d, m)
    u = data.draw(st.integers(0, len(d.unit_ids) - 1))
    j = data.draw(st.integers(0, len(d.indicators) - 1))
    step = data.draw(st.floats(0.1, 100.0))
    v = d.values.copy()
    if np.isnan(v[u, j]):
        return
    v[u, j] += step * s.direction[j]  # better in the indicator's own direction
    after = _build(s, Dataset(d.unit_ids, d.indicators, v), m)
    if isinstance(before, ComputeError) or isinstance(after, ComputeError):
        return
    for node in before.nodes[len(s.tree.leaves):]:
        b, a = before.scores[node][u], after.scores[node][u]
        if np.isfinite(b) and np.isfinite(a):
            assert a >= b - 1e-9 * max(1.0, abs(b)), node


@pytest.mark.parametrize("how", ["arithmetic", "geometric", "harmonic", "generalised"])
@SETTINGS
@given(data=st.data())
def test_aggregates_lie_between_their_childrens_bounds(how: str, data: st.DataObject) -> None:
    s = data.draw(structures())
    d = data.draw(datasets(s))
    m = Method(normalise_params={"a": 1.0, "b": 100.0}, aggregate=how, p=3.0,
               genmean_missing="leave_out")
    r = _build(s, d, m)
    if isinstance(r, ComputeError):
        return
    values = np.column_stack([r.scores[c] for c in r.nodes])
    n_leaf = len(s.tree.leaves)
    with np.errstate(invalid="ignore"):
        for k, kids in enumerate(s.tree.children):
            child = values[:, list(kids)]
            node = values[:, n_leaf + k]
            ok = np.isfinite(node)
            lo, hi = np.nanmin(child[ok], axis=1), np.nanmax(child[ok], axis=1)
            assert np.all(node[ok] >= lo * (1 - 1e-12) - 1e-12)
            assert np.all(node[ok] <= hi * (1 + 1e-12) + 1e-12)
            assert np.all((node[ok] >= 1 - 1e-9) & (node[ok] <= 100 + 1e-9))


@SETTINGS
@given(data=st.data())
def test_a_replication_is_the_build_with_its_weights(data: st.DataObject) -> None:
    """One pipeline: each replication's root score is what `build` gives with that
    replication's weights."""
    s = data.draw(structures())
    d = data.draw(datasets(s))
    m = Method(impute=ImputeRule("mean"), treat=TreatRule(winmax=2), normalise="zscore",
               normalise_params={"mean": 50.0, "sd": 10.0})
    eng = Engine(s, d, m)
    reps = eng.draw(UncertaintySpec(n=3, seed=data.draw(st.integers(0, 99))))
    scores = eng.root_scores(reps)
    for k in range(3):
        w = dict(zip(s.tree.nodes, reps.weights[k].tolist(), strict=True))
        again = build(s, d, m.with_(weights="user", user_weights=w))
        np.testing.assert_allclose(scores[k], again.scores[s.tree.root], rtol=1e-12, atol=1e-9)


def test_chunks_are_drawn_independently_and_a_longer_run_extends_a_shorter_one() -> None:
    rng = np.random.default_rng(5)
    s = Structure(Tree.from_parents([f"I{i}" for i in range(6)],
                                    {**{f"I{i}": f"P{i % 2}" for i in range(6)},
                                     "P0": "Index", "P1": "Index"},
                                    {}, {**{f"I{i}": 1 for i in range(6)}, "P0": 2, "P1": 2,
                                         "Index": 3}),
                  np.ones(6), np.full(6, np.nan), np.full(6, np.nan), np.full(6, np.nan))
    d = Dataset([f"U{i}" for i in range(30)], [f"I{i}" for i in range(6)], rng.normal(size=(30, 6)))
    m = Method()
    short = uncertainty(s, d, m, UncertaintySpec(n=50, seed=7, chunk=20), keep=True)
    long = uncertainty(s, d, m, UncertaintySpec(n=90, seed=7, chunk=20), keep=True)
    np.testing.assert_array_equal(long.scores[:40], short.scores[:40])
    eng = Engine(s, d, m)
    spec = UncertaintySpec(n=90, seed=7, chunk=20)
    alone = eng.root_scores(eng.draw(spec, chunk=3))  # chunk 3 drawn and computed on its own
    np.testing.assert_array_equal(alone, long.scores[60:80])


def test_uncertainty_imputes_from_the_previous_period_as_the_build_does() -> None:
    """The engine runs the build's own stages: a value missing this year is the unit's
    previous-period value in every replication too (the second copy of the pipeline lacked it)."""
    rng = np.random.default_rng(11)
    leaves = [f"I{i}" for i in range(4)]
    tree = Tree.from_parents(leaves, {**{c: "P" for c in leaves}}, {}, {**{c: 1 for c in leaves},
                                                                      "P": 2})
    s = Structure(tree, np.ones(4), np.full(4, np.nan), np.full(4, np.nan), np.full(4, np.nan))
    now = rng.normal(50, 10, (12, 4))
    before = now + rng.normal(0, 1, now.shape)
    now[3, 1] = now[7, 2] = np.nan
    d = Dataset([f"U{i:02d}" for i in range(12)], leaves, now, previous=before)
    m = Method(impute=ImputeRule("previous"))
    nominal = build(s, d, m)
    assert nominal.stages["imputed"][3, 1] == before[3, 1]
    u = uncertainty(s, d, m, UncertaintySpec(n=20, seed=1, weight_noise=0.0), keep=True)
    np.testing.assert_allclose(u.scores, np.broadcast_to(nominal.scores["P"], (20, 12)),
                               rtol=1e-12)
