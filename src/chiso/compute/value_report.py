"""Each project's appraisal as plain data: what `chiso projects appraise` prints and the API
will serve, so that a command and a page show the same numbers (None where a measure does not
exist, never a made-up number)."""

from __future__ import annotations

from typing import Any

import numpy as np

from chiso.compute.value import BAR, DEFAULT_RATE, Flows, appraise, switching_values
from chiso.compute.value_uncertainty import MonteCarlo, simulate


def _num(v: float) -> float | None:
    return float(v) if np.isfinite(v) else None


def appraisal_report(flows: Flows, rate: float | np.ndarray = DEFAULT_RATE, bar: float = BAR,
                     runs: MonteCarlo | None = None) -> dict[str, Any]:
    """{"method": …, "projects": [one dict per project]}: the appraisal, the switching values of
    all benefits, all costs and each line, and with `runs` the Monte Carlo results."""
    a = appraise(flows, rate, bar)
    s = switching_values(flows, a)
    rows = a.rows()
    ends = np.append(flows.starts[1:], len(flows.category))
    for i, row in enumerate(rows):
        lines = range(int(flows.starts[i]), int(ends[i]))
        row["switching_values"] = {
            "benefits": {"to_npv_zero": _num(s.benefits_to_npv_zero[i]),
                         "to_bar": _num(s.benefits_to_bar[i])},
            "costs": {"to_npv_zero": _num(s.costs_to_npv_zero[i]),
                      "to_bar": _num(s.costs_to_bar[i])},
            "lines": [{"kind": "benefit" if flows.benefit[k] else "cost",
                       "category": flows.category[k], "item": flows.item[k],
                       "pv": float(a.line_pv[k]), "to_npv_zero": _num(s.to_npv_zero[k]),
                       "to_bar": _num(s.to_bar[k])} for k in lines],
        }
    method: dict[str, Any] = {"rate": _rate(rate), "bar": bar, "year_0": "not discounted"}
    if runs is not None:
        u = simulate(flows, rate, runs, bar=bar)
        for row, extra in zip(rows, u.rows()):
            row.update({k: v for k, v in extra.items() if k != "project"})
        method.update({"runs": runs.n, "seed": runs.seed, "distribution": (
            "triangular on each line's (PV low, PV central, PV high); lines independent")})
    return {"method": method, "projects": rows}


def _rate(rate: float | np.ndarray) -> float | str:
    r = np.unique(np.asarray(rate, dtype=float))
    return float(r[0]) if r.size == 1 else "per project"
