"""Each project's appraisal as plain data: what `chiso projects appraise` prints and the API
will serve, so that a command and a page show the same numbers (None where a measure does not
exist, never a made-up number). A project's published copy keeps its appraisal with the
fingerprint of the inputs it was made from (`stored_appraisal`); `register_appraisal` reads it
back and recomputes only the projects whose inputs changed."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from chiso.compute.value import BAR, DEFAULT_RATE, FlowRow, Flows, appraise, switching_values
from chiso.compute.value_uncertainty import MonteCarlo, simulate

# Bump when a formula or an output of the appraisal changes: every stored appraisal is then
# recomputed when it is read (its fingerprint no longer matches).
METHOD_VERSION = 1
# The Monte Carlo of a project page and of the appraisal stored at publication.
PUBLISHED_RUNS = MonteCarlo(2000, 0)


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


def fingerprint(project: Mapping[str, Any], default_rate: float = DEFAULT_RATE,
                bar: float = BAR) -> str:
    """SHA-256 of everything a project's appraisal depends on: its cash flows (in a canonical
    order), its discount rate (its own or the default), the bar and the method's version."""
    rate = project.get("rate")
    flows = sorted([int(f["year"]), str(f["kind"]), str(f["category"]), str(f.get("item") or ""),
                    float(f["amount"]), _opt(f.get("low")), _opt(f.get("high"))]
                   for f in project.get("flows", ()))
    inputs = {"method": METHOD_VERSION, "bar": float(bar), "flows": flows,
              "rate": float(default_rate if rate is None else rate)}
    text = json.dumps(inputs, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _opt(v: Any) -> float | None:
    return None if v is None else float(v)


def _runs(runs: MonteCarlo | None) -> list[int] | None:
    return None if runs is None else [runs.n, runs.seed]


def stored_appraisals(projects: Sequence[Mapping[str, Any]], *,
                      default_rate: float = DEFAULT_RATE, bar: float = BAR,
                      runs: MonteCarlo | None = PUBLISHED_RUNS) -> dict[str, dict[str, Any]]:
    """What a publication keeps with each project's copy, by code: the fingerprint of its
    inputs, the replications used and the appraisal (none for a project without a cash flow).
    Appraised in one batch; each project's replications have their own stream, so the result
    is the one a project appraised alone gets."""
    results = register_appraisal(projects, default_rate=default_rate, bar=bar, runs=runs,
                                 reuse=False)
    return {p["code"]: {"fingerprint": fingerprint(p, default_rate, bar), "runs": _runs(runs),
                        "result": results[p["code"]]}
            for p in projects if p["code"] in results}


def _reusable(project: Mapping[str, Any], default_rate: float, bar: float,
              runs: MonteCarlo | None) -> dict[str, Any] | None:
    """The stored appraisal if it was made from exactly these inputs (and, when replications
    are asked for, with these replications), else None."""
    kept = project.get("stored_appraisal")
    if not isinstance(kept, Mapping) or not isinstance(kept.get("result"), Mapping):
        return None
    if runs is not None and kept.get("runs") != _runs(runs):
        return None
    if kept.get("fingerprint") != fingerprint(project, default_rate, bar):
        return None
    return dict(kept["result"])


def register_appraisal(projects: Sequence[Mapping[str, Any]], *, default_rate: float = DEFAULT_RATE,
                       bar: float = BAR, runs: MonteCarlo | None = None, reuse: bool = True
                       ) -> dict[str, dict[str, Any]]:
    """The appraisal of stored projects (plain data: "code", "rate" and "flows", each flow with
    year, kind, category, item, amount, low, high), by code, as `appraisal_report` gives it;
    projects without a cash flow are left out (nothing to appraise). A project whose
    "stored_appraisal" was made from the same inputs is read back, not recomputed (`reuse`);
    the others are appraised together in one batch."""
    out: dict[str, dict[str, Any]] = {}
    todo = []
    for p in projects:
        if not p.get("flows"):
            continue
        kept = _reusable(p, default_rate, bar, runs) if reuse else None
        if kept is None:
            todo.append(p)
        else:
            out[p["code"]] = kept
    rows = [FlowRow(p["code"], int(f["year"]), f["kind"], f["category"], float(f["amount"]),
                    f.get("low"), f.get("high"), f.get("item") or "")
            for p in todo for f in p["flows"]]
    if not rows:
        return out
    flows = Flows.from_rows(rows, [p["code"] for p in todo])
    own = {p["code"]: p.get("rate") for p in todo}
    rates = np.array([default_rate if own.get(c) is None else own[c] for c in flows.projects],
                     dtype=float)
    report = appraisal_report(flows, rates, bar, runs)
    out.update({row["project"]: row for row in report["projects"]})
    return out
