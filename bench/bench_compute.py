"""Benchmark of the index engine against COINr's own timings on the same inputs.

    .venv/bin/python bench/bench_compute.py            # ASEM build, N=1,000, communes N=10,000
    .venv/bin/python bench/bench_compute.py --quick    # communes with N=1,000 only

Prints each figure with COINr's time (tests/fixtures/asem/timings.csv) and the ratio.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import yaml

from chiso.compute import Dataset, Method, Structure, UncertaintySpec, build, coinr, uncertainty
from chiso.compute.impute import ImputeRule
from chiso.compute.tree import Tree

ASEM = Path(__file__).parents[1] / "tests" / "fixtures" / "asem"
COINR = {"build": 0.19375, "ua1000": 237.359}


def best_of(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def communes(n_units: int = 3321, n_ind: int = 100, seed: int = 0) -> tuple[Structure, Dataset]:
    """A synthetic commune set: 100 indicators in 10 pillars, 5 % missing."""
    rng = np.random.default_rng(seed)
    leaves = [f"i{j:03d}" for j in range(n_ind)]
    pillars = [f"p{k}" for k in range(10)]
    parent = {c: pillars[j % 10] for j, c in enumerate(leaves)} | {p: "index" for p in pillars}
    level = {c: 1 for c in leaves} | {p: 2 for p in pillars} | {"index": 3}
    tree = Tree.from_parents(leaves, parent, {c: 1.0 for c in level}, level)
    nan = np.full(n_ind, np.nan)
    st = Structure(tree, np.ones(n_ind), nan, nan, nan)
    values = rng.lognormal(3, 0.6, (n_units, n_ind))
    values[rng.random(values.shape) < 0.05] = np.nan
    return st, Dataset([f"c{i}" for i in range(n_units)], leaves, values)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    st, data, dens = coinr.read(ASEM / "input" / "ASEM_iData.csv",
                                ASEM / "input" / "ASEM_iMeta.csv")
    recorded = yaml.safe_load((ASEM / "method.yaml").read_text())
    method = Method.from_dict({**recorded, "denominators": dens})
    t_build = best_of(lambda: build(st, data, method), 20)
    print(f"ASEM full build: {t_build * 1e3:.2f} ms (COINr {COINR['build'] * 1e3:.0f} ms, "
          f"{COINR['build'] / t_build:.0f}× faster; goal ≤ 5 ms)")
    norms = (("minmax", {"a": 1.0, "b": 100.0}), ("zscore", {"mean": 10.0, "sd": 2.0}))
    spec = UncertaintySpec(n=1000, seed=1, normalisations=norms)
    t_ua = best_of(lambda: uncertainty(st, data, method, spec), 3)
    print(f"ASEM uncertainty N=1,000 (weights + normalisation): {t_ua:.3f} s "
          f"(COINr {COINR['ua1000']:.0f} s, {COINR['ua1000'] / t_ua:.0f}× faster; goal ≤ 0.1 s)")
    n = 1000 if args.quick else 10_000
    cst, cdata = communes()
    cmethod = Method(impute=ImputeRule("mean"))
    t = time.perf_counter()
    res = uncertainty(cst, cdata, cmethod, UncertaintySpec(n=n, seed=2, normalisations=norms))
    dt = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"3,321 communes × 100 indicators × N={n:,}: {dt:.1f} s, peak RSS {peak:.0f} MiB "
          f"(goal ≤ 60 s, ≤ 4 GB); median q95-q05 rank width {np.median(res.q95_rank - res.q05_rank):.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
