"""Benchmark of the project appraisal: 10,000 projects × 20 years × N = 10,000 replications.

    .venv/bin/python bench/bench_value.py                    # the goal's size
    .venv/bin/python bench/bench_value.py --projects 1000    # a tenth
    .venv/bin/python bench/bench_value.py --batch-mib 64     # another memory budget

A synthetic portfolio (seeded): every project has 7 lines over 20 years, each with its own
low/central/high range, all uncertain: capital (years 0–1), operating, staff and warranty costs,
and cash-releasing savings, social value and revenue growing over the years. Prints the time of
the appraisal (NPV, B/C, payback, IRR, flags), of the switching values and of the Monte Carlo,
and the peak resident memory.
"""

from __future__ import annotations

import argparse
import os
import resource
import time

import numpy as np

from chiso.compute.value import BENEFIT_CATEGORIES, Flows, appraise, switching_values
from chiso.compute.value_uncertainty import MonteCarlo, simulate

LINES = (("cost", "capital"), ("cost", "operating"), ("cost", "staff"), ("cost", "warranty"),
         ("benefit", "cash_saving"), ("benefit", "social"), ("benefit", "revenue"))


def portfolio(n_projects: int, years: int = 20, seed: int = 0) -> Flows:
    """Seeded synthetic projects, 7 lines each (amounts in đồng)."""
    rng = np.random.default_rng(seed)
    n_lines = len(LINES)
    t = np.arange(years)
    scale = rng.lognormal(np.log(5e9), 1.0, n_projects)  # capital cost of each project
    central = np.zeros((n_projects, n_lines, years))
    central[:, 0, :2] = scale[:, None] * np.array([0.7, 0.3])
    for j, share in ((1, 0.08), (2, 0.05), (3, 0.03)):
        central[:, j, 1 + (j == 3):] = (scale * share)[:, None]
    growth = rng.uniform(0.0, 0.1, (n_projects, 3))
    # benefit levels spread so that B/C falls on both sides of the bar (median near 2)
    for j, (share, first) in enumerate(((0.1, 1), (0.14, 2), (0.06, 3))):
        level = scale[:, None] * share * rng.uniform(0.2, 2.0, (n_projects, 1))
        central[:, 4 + j, first:] = level * (1 + growth[:, j:j + 1]) ** t[None, first:]
    spread_lo = rng.uniform(0.05, 0.4, (n_projects, n_lines, 1))
    spread_hi = rng.uniform(0.05, 0.6, (n_projects, n_lines, 1))
    benefit = np.array([k == "benefit" for k, _ in LINES])
    return Flows(tuple(f"p{i:05d}" for i in range(n_projects)),
                 np.repeat(np.arange(n_projects), n_lines), np.tile(benefit, n_projects),
                 tuple(c for _ in range(n_projects) for _, c in LINES), ("",) * (n_projects * n_lines),
                 central.reshape(-1, years), (central * (1 - spread_lo)).reshape(-1, years),
                 (central * (1 + spread_hi)).reshape(-1, years))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--projects", type=int, default=10_000)
    ap.add_argument("--years", type=int, default=20)
    ap.add_argument("--runs", type=int, default=10_000)
    ap.add_argument("--batch-mib", type=int, default=None)
    args = ap.parse_args()
    assert set(BENEFIT_CATEGORIES) >= {c for k, c in LINES if k == "benefit"}
    flows = portfolio(args.projects, args.years)
    print(f"load average {os.getloadavg()[0]:.2f}; {args.projects:,} projects × {len(LINES)} lines"
          f" × {args.years} years × N = {args.runs:,}")
    t0 = time.perf_counter()
    a = appraise(flows, 0.05)
    t1 = time.perf_counter()
    switching_values(flows, a)
    t2 = time.perf_counter()
    extra = {} if args.batch_mib is None else {"batch_bytes": args.batch_mib * 2**20}
    u = simulate(flows, 0.05, MonteCarlo(args.runs, 1), **extra)
    t3 = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10
    print(f"appraisal {t1 - t0:.2f} s, switching values {t2 - t1:.3f} s, Monte Carlo {t3 - t2:.2f} s,"
          f" total {t3 - t0:.2f} s; peak RSS {rss:.0f} MiB")
    print(f"below the bar: {int((~a.meets_bar).sum()):,}; median P(B/C ≥ 2) "
          f"{np.median(u.p_meets_bar):.3f}; IRR found for {int(np.isfinite(a.irr).sum()):,}")
    print(f"load average {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
