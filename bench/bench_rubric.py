"""Points rubrics: scoring every commune of the country on a 47-component rubric, and a build
with its uncertainty (N replications), on simulated values within each rule.

Run: .venv/bin/python bench/bench_rubric.py [--quick]
"""

from __future__ import annotations

import sys
import time
from datetime import date

import numpy as np

from chiso.compute import Dataset, Method, UncertaintySpec, build, uncertainty
from chiso.compute.rubric import Rubric, points
from chiso.demo.communes import simulate_communes
from chiso.framework import load_framework
from chiso.units.registry import Registry


def best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return min(out)


def main() -> None:
    quick = "--quick" in sys.argv
    fw = load_framework("commune-hanoi-2025")
    ids = [u.id for u in Registry.load().units(as_of=date(2025, 7, 1), level="commune")]
    comps = fw.scored_indicators()
    recs = simulate_communes(fw, ids, "2025")
    x = np.array([r["value"] for r in recs]).reshape(len(ids), len(comps))
    rub = Rubric.of(comps)
    data = Dataset(ids, [c.code for c in comps], x)
    method = Method.for_framework(fw)
    n = 1000 if quick else 10_000
    print(f"{len(ids)} communes × {len(comps)} components")
    print(f"points (scorer only): {best(lambda: points(rub, x), 20) * 1e3:.2f} ms")
    print(f"build: {best(lambda: build(fw, data, method), 5) * 1e3:.1f} ms")
    t = time.perf_counter()
    uncertainty(fw, data, method, UncertaintySpec(n=n, seed=1))
    print(f"uncertainty N = {n:,}: {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main()
