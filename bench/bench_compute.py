"""Benchmark of the index engine against COINr's own timings on the same inputs.

    .venv/bin/python bench/bench_compute.py            # ASEM build, N=1,000, communes N=10,000
    .venv/bin/python bench/bench_compute.py --quick    # communes with N=1,000 only
    .venv/bin/python bench/bench_compute.py --dask local:2 --big   # also on a Dask cluster,
                                                       # and N=100,000 (bounded memory)
    .venv/bin/python bench/bench_compute.py --communes 100000 [--dask local:2]   # one run

Prints each figure with COINr's time (tests/fixtures/asem/timings.csv) and the ratio. Each
commune run is its own process, so its peak RSS is its own (with --dask, the workers' too).
"""

from __future__ import annotations

import argparse
import importlib
import os
import resource
import subprocess
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


NORMS = (("minmax", {"a": 1.0, "b": 100.0}), ("zscore", {"mean": 10.0, "sd": 2.0}))


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _usage() -> tuple[float, float]:
    """Peak RSS (MiB) and CPU seconds of this process (a worker's: its start included)."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_maxrss / 1024, r.ru_utime + r.ru_stime


def commune_run(n: int, dask: str | None) -> None:
    """One commune run: 3,321 units × 100 indicators × N, weights and normalisation."""
    from chiso.cluster import maybe_connect, worker_count

    cst, cdata = communes()
    cmethod = Method(impute=ImputeRule("mean"))
    spec = UncertaintySpec(n=n, seed=2, normalisations=NORMS)
    t0 = time.perf_counter()
    with maybe_connect(dask) as runner:
        if runner is not None:  # workers import chiso before the clock starts
            runner.client.run(importlib.import_module, "chiso.compute.uncertainty")
        started = time.perf_counter() - t0
        t, cpu = time.perf_counter(), time.process_time()
        res = uncertainty(cst, cdata, cmethod, spec, runner=runner, tasks=worker_count(runner))
        dt, cpu = time.perf_counter() - t, time.process_time() - cpu
        workers = (runner.client.run(_usage) if runner is not None else {})
    where = f"--dask {dask} (cluster start and imports {started:.1f} s)" if dask else "one process"
    peaks = ", ".join(f"{m:.0f} MiB and {c:.1f} s CPU" for m, c in workers.values())
    print(f"3,321 communes × 100 indicators × N={n:,}, {where}: {dt:.2f} s wall, "
          f"{cpu:.2f} s CPU here, peak RSS {_peak_mib():.0f} MiB"
          + (f" (workers: {peaks}, start included)" if peaks else "")
          + f", load {os.getloadavg()[0]:.1f}; median q95-q05 width "
          f"{np.median(res.q95_rank - res.q05_rank):.0f}", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--dask", help="also run the communes on this cluster (local:2, tcp://...)")
    ap.add_argument("--big", action="store_true", help="also N = 100,000")
    ap.add_argument("--communes", type=int, help="only one commune run of N replications")
    args = ap.parse_args()
    if args.communes:
        commune_run(args.communes, args.dask)
        return 0
    st, data, dens = coinr.read(ASEM / "input" / "ASEM_iData.csv",
                                ASEM / "input" / "ASEM_iMeta.csv")
    recorded = yaml.safe_load((ASEM / "method.yaml").read_text())
    method = Method.from_dict({**recorded, "denominators": dens})
    t_build = best_of(lambda: build(st, data, method), 20)
    print(f"ASEM full build: {t_build * 1e3:.2f} ms (COINr {COINR['build'] * 1e3:.0f} ms, "
          f"{COINR['build'] / t_build:.0f}× faster; goal ≤ 5 ms)")
    spec = UncertaintySpec(n=1000, seed=1, normalisations=NORMS)
    t_ua = best_of(lambda: uncertainty(st, data, method, spec), 3)
    print(f"ASEM uncertainty N=1,000 (weights + normalisation): {t_ua:.3f} s "
          f"(COINr {COINR['ua1000']:.0f} s, {COINR['ua1000'] / t_ua:.0f}× faster; goal ≤ 0.1 s)")
    n = 1000 if args.quick else 10_000
    runs = [(n, None)] + ([(n, args.dask)] if args.dask else [])
    if args.big:
        runs += [(100_000, None)] + ([(100_000, args.dask)] if args.dask else [])
    for count, where in runs:  # each in its own process: its own peak RSS
        cmd = [sys.executable, __file__, "--communes", str(count)]
        subprocess.run(cmd + (["--dask", where] if where else []), check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
