"""Dask for big runs (issue 18): the same seed gives the same uncertainty result, byte for byte,
in this process or on a real distributed.LocalCluster, for any number of tasks and workers;
the streamed rank statistics equal those of the whole (replications × units) array; the
build's arithmetic is kept bit for bit by the replication engine; a missing Dask is refused
in both languages."""

from __future__ import annotations

import importlib
import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import distributed  # a test extra (the dask extra's packages): CI runs these for real
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from chiso.cli import app
from chiso.cluster import DaskRunner, parse
from chiso.compute import Dataset, Method, Structure, UncertaintySpec, uncertainty
from chiso.compute import replicate as rep
from chiso.compute.aggregate import Rules, aggregate_into
from chiso.compute.rank import rank_desc
from chiso.compute.tally import RankTally, tasks_of
from chiso.compute.tree import Tree
from chiso.errors import ClusterError, InvalidInput

unc = importlib.import_module("chiso.compute.uncertainty")  # the module, not the function

ASEM = Path(__file__).parents[1] / "fixtures" / "asem"
ARGS = ["index", "uncertainty", "--coinr-data", str(ASEM / "input" / "ASEM_iData.csv"),
        "--coinr-meta", str(ASEM / "input" / "ASEM_iMeta.csv"), "--method",
        str(ASEM / "method.yaml"), "--runs", "2500", "--seed", "3",
        "--norm", "minmax:a=1,b=100", "--norm", "zscore:mean=10,sd=2"]


@pytest.fixture(scope="module")
def threads() -> Iterator[distributed.Client]:
    """A real LocalCluster of two workers, threads in this process (quick to start), on TCP
    at the loopback address, as a scheduler elsewhere would be reached."""
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                       protocol="tcp", host="127.0.0.1", dashboard_address=None,
                                       silence_logs=logging.ERROR)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def _run(tmp_path: Path, name: str, *extra: str) -> bytes:
    out = tmp_path / name
    r = CliRunner().invoke(app, [*ARGS, "--out", str(out), *extra], env={"CHISO_DASK": ""})
    assert r.exit_code == 0, (r.output, r.exception)
    return out.read_bytes()


def test_cli_uncertainty_is_byte_identical_with_and_without_dask_local_2(tmp_path: Path) -> None:
    here = _run(tmp_path, "here.csv")
    assert here == _run(tmp_path, "dask.csv", "--dask", "local:2")  # two worker processes
    assert here.count(b"\n") == 52


def test_cli_on_a_running_scheduler_and_from_the_setting(tmp_path: Path, threads) -> None:
    here = _run(tmp_path, "here.csv")
    address = threads.scheduler.address
    assert here == _run(tmp_path, "tcp.csv", "--dask", address)
    out = tmp_path / "setting.csv"
    r = CliRunner().invoke(app, [*ARGS, "--out", str(out)], env={"CHISO_DASK": address})
    assert r.exit_code == 0, (r.output, r.exception)
    assert out.read_bytes() == here


def _case(seed: int, units: int, missing: float) -> tuple[Structure, Dataset]:
    rng = np.random.default_rng(seed)
    leaves = [f"I{i}" for i in range(9)]
    parents = {**{c: f"P{i % 3}" for i, c in enumerate(leaves)},
               **{f"P{k}": f"G{k % 2}" for k in range(3)}, "G0": "Index", "G1": "Index"}
    level = {**{c: 1 for c in leaves}, "P0": 2, "P1": 2, "P2": 2, "G0": 3, "G1": 3, "Index": 4}
    tree = Tree.from_parents(leaves, parents, {}, level)
    nan = np.full(9, np.nan)
    values = rng.integers(0, 6, (units, 9)).astype(float)  # ties on purpose
    values[rng.random(values.shape) < missing] = np.nan
    return (Structure(tree, np.ones(9), nan, nan, nan),
            Dataset([f"U{i:02d}" for i in range(units)], leaves, values))


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**16), units=st.integers(2, 25), n=st.integers(1, 120),
       chunk=st.integers(1, 50), tasks=st.integers(1, 6), missing=st.sampled_from([0.0, 0.2]))
def test_any_split_into_tasks_and_workers_gives_the_same_statistics(
        threads, seed: int, units: int, n: int, chunk: int, tasks: int, missing: float) -> None:
    s, d = _case(seed, units, missing)
    m = Method()
    spec = UncertaintySpec(n=n, seed=seed, chunk=chunk,
                           normalisations=(("minmax", {}), ("rank", {"ties": "min"})))
    whole = uncertainty(s, d, m, spec, keep=True)  # the (n × units) arrays and rank_stats
    alone = uncertainty(s, d, m, spec)
    split = uncertainty(s, d, m, spec, tasks=tasks)
    remote = uncertainty(s, d, m, spec, runner=DaskRunner(threads), tasks=tasks)
    for r in (alone, split, remote):
        for f in ("nominal_rank", "mean_rank", "median_rank", "q05_rank", "q95_rank"):
            a, b = getattr(whole, f), getattr(r, f)
            assert np.array_equal(a, b, equal_nan=True), f
            assert a[~np.isnan(a)].tobytes() == b[~np.isnan(b)].tobytes(), f
        assert r.scores is None and r.ranks is None  # nothing of size n × units kept


def test_batch_and_block_sizes_change_no_bit(monkeypatch) -> None:
    s, d = _case(4, 40, 0.1)
    spec = UncertaintySpec(n=300, seed=1, chunk=70)
    want = uncertainty(s, d, Method(), spec, keep=True).scores
    monkeypatch.setattr(unc, "BATCH_BYTES", 40 * 8 * 20)  # a few replications per batch
    monkeypatch.setattr(rep, "BLOCK", 7)
    assert uncertainty(s, d, Method(), spec, keep=True).scores.tobytes() == want.tobytes()


@settings(max_examples=60, deadline=None)
@given(k=st.integers(1, 300), rows=st.integers(1, 5), seed=st.integers(0, 2**16))
def test_pairwise_adds_as_numpy_sums(k: int, rows: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(rows, 3, k)) * 10.0 ** rng.integers(-9, 9, (rows, 3, k))
    x[rng.random(x.shape) < 0.05] = -0.0
    got = rep.pairwise(lambda j: x[..., j].copy(), k) + 0.0
    assert got.tobytes() == x.sum(axis=-1).tobytes()


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**16), how=st.sampled_from(["arithmetic", "geometric", "harmonic"]),
       thresh=st.sampled_from([None, 0.5]), missing=st.sampled_from([0.0, 0.3, 0.9]))
def test_the_dirty_aggregates_are_the_builds_bit_for_bit(seed: int, how: str,
                                                         thresh: float | None,
                                                         missing: float) -> None:
    s, d = _case(seed, 30, missing)
    tree = s.tree
    rng = np.random.default_rng(seed)
    static = np.empty((30, len(tree.nodes)))
    static[:, :9] = np.abs(d.values) + 0.5
    rules = Rules((how,) * 6, (1.0,) * 6, (thresh,) * 6, 1e-6, "leave_out")
    aggregate_into(tree, static, rules, tree.weights, range(len(tree.aggregates)))
    weights = np.broadcast_to(tree.weights, (17, len(tree.nodes))) * rng.uniform(
        0.5, 1.5, (17, len(tree.nodes)))
    dirty = [3, 4, 5]  # G0, G1 and the root: above the noisy weights of P0..P2 and G0, G1
    full = np.broadcast_to(static, (17, *static.shape)).copy()
    aggregate_into(tree, full, rules, weights, dirty, contiguous=True)
    got = rep.dirty_root(tree, static, rules, weights, dirty)
    assert got.tobytes() == np.ascontiguousarray(full[..., -1]).tobytes()


def test_a_tally_adds_up_to_the_whole_in_any_order() -> None:
    rng = np.random.default_rng(0)
    ranks = rank_desc(rng.integers(0, 4, (500, 30)).astype(float))
    ranks[rng.random(ranks.shape) < 0.1] = np.nan
    whole = RankTally.empty(30)
    whole.add(ranks)
    parts = [RankTally.empty(30) for _ in range(3)]
    for i, p in enumerate(parts):
        p.add(ranks[i::3])
    merged = parts[2].merge(parts[0]).merge(parts[1])
    assert np.array_equal(merged.counts, whole.flush().counts)
    assert tasks_of(list(range(10)), 3) == [(0, 1, 2, 3), (4, 5, 6), (7, 8, 9)]
    assert tasks_of([0, 1], 5) == [(0,), (1,)]


def test_a_missing_dask_is_refused_in_both_languages(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if it were not installed
    r = CliRunner().invoke(app, [*ARGS, "--out", str(tmp_path / "x.csv"), "--dask", "local:2"])
    assert r.exit_code != 0 and isinstance(r.exception, ClusterError)
    assert "pip install 'chiso[dask]'" in r.exception.message_en
    assert "Chưa cài Dask" in r.exception.message_vi
    assert not (tmp_path / "x.csv").exists()


def test_a_wrong_address_is_refused() -> None:
    for text in ("local:0", "locale", "tcp://host", "http://h:1"):
        with pytest.raises(InvalidInput) as exc:
            parse(text)
        assert "local:2" in exc.value.message_en and "local:2" in exc.value.message_vi
    assert parse("local").workers is None and parse("local:3").workers == 3
    assert parse("tcp://127.0.0.1:8786").scheduler == "tcp://127.0.0.1:8786"
