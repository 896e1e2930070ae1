"""COINr's file formats: iData (units × columns) and iMeta (the tree and its metadata).

So analysts can run chiso on the same inputs as COINr and compare number for number.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from chiso.compute.build import Dataset, Structure
from chiso.compute.tree import Tree
from chiso.errors import ComputeError, Problem


def _num(text: str) -> float:
    return float(text) if text not in ("", "NA") else np.nan


def read_meta(path: Path) -> tuple[Structure, dict[str, str], list[str]]:
    """The structure, each indicator's denominator column, and the group columns."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    needed = {"Level", "iCode", "Direction", "Weight", "Parent", "Type"}
    if not rows or not needed <= set(rows[0]):
        raise ComputeError(f"{path.name}: thiếu cột {sorted(needed)}.",
                           f"{path.name}: an iMeta file needs the columns {sorted(needed)}.")
    leaves = [r["iCode"] for r in rows if r["Type"] == "Indicator"]
    nodes = [r for r in rows if r["Type"] in ("Indicator", "Aggregate")]
    parent = {r["iCode"]: r["Parent"] for r in nodes if r["Parent"]}
    weight = {r["iCode"]: _num(r["Weight"]) for r in nodes}
    level = {r["iCode"]: int(r["Level"]) for r in nodes}
    tree = Tree.from_parents(leaves, parent, weight, level)
    by = {r["iCode"]: r for r in rows}
    st = Structure(
        tree=tree,
        direction=np.array([_num(by[c]["Direction"]) for c in leaves]),
        low=np.full(len(leaves), np.nan), high=np.full(len(leaves), np.nan),
        target=np.array([_num(by[c].get("Target", "")) for c in leaves]),
    )
    denominators = {r["iCode"]: r["Denominator"] for r in rows
                    if r["Type"] == "Indicator" and r.get("Denominator")}
    groups = [r["iCode"] for r in rows if r["Type"] == "Group"]
    return st, denominators, groups


def read_data(path: Path, st: Structure, denominators: dict[str, str], groups: list[str]) -> Dataset:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if not rows or "uCode" not in rows[0]:
        raise ComputeError(f"{path.name}: thiếu cột uCode.", f"{path.name}: an iData file needs a uCode column.")
    leaves = list(st.tree.leaves)
    missing = [c for c in leaves if c not in rows[0]]
    if missing:
        raise ComputeError(f"{path.name}: thiếu cột chỉ tiêu {missing[:5]}.",
                           f"{path.name}: indicator columns missing: {missing[:5]}.")
    problems = []
    values = np.full((len(rows), len(leaves)), np.nan)
    for i, r in enumerate(rows):
        for j, c in enumerate(leaves):
            try:
                values[i, j] = _num(r[c].strip())
            except ValueError:
                problems.append(Problem("không phải số", "not a number", file=path.name, row=i + 2,
                                        column=c, value=r[c]))
    if problems:
        raise ComputeError(f"{path.name}: {len(problems)} ô không phải số.",
                           f"{path.name}: {len(problems)} cells are not numbers.", problems)
    dens = {col: np.array([_num(r[col]) for r in rows]) for col in set(denominators.values())}
    return Dataset(
        unit_ids=[r["uCode"] for r in rows], indicators=leaves, values=values,
        groups={g: [r[g] for r in rows] for g in groups if g in rows[0]}, denominators=dens,
    )


def read(data_path: Path, meta_path: Path) -> tuple[Structure, Dataset, dict[str, str]]:
    st, dens, groups = read_meta(meta_path)
    return st, read_data(data_path, st, dens, groups), dens


_NORMS = {"n_minmax": ("minmax", ("a", "b")), "n_zscore": ("zscore", ("mean", "sd"))}
_AGGS = {"a_amean": "arithmetic", "a_gmean": "geometric", "a_hmean": "harmonic"}


def read_params(path: Path, st: Structure) -> tuple[dict[str, tuple], dict[str, np.ndarray]]:
    """COINr's per-replication parameters (`_params.csv`) as chiso's alternatives and choices.

    Returns ({"normalisations", "winmax", "aggregations"}: the alternatives, and
    {"weights" (n, nodes), "normalisation", "winmax", "aggregation"}: each replication's picks).
    """
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    tree = st.tree
    norms: list[tuple[str, dict[str, float]]] = []
    wins: list[int] = []
    aggs: list[str] = []
    weights = np.broadcast_to(tree.weights, (len(rows), len(tree.nodes))).copy()
    picks = {k: np.zeros(len(rows), dtype=int) for k in ("normalisation", "winmax", "aggregation")}
    for i, r in enumerate(rows):
        for j, node in enumerate(tree.nodes):
            if f"Weights.{node}" in r:
                weights[i, j] = float(r[f"Weights.{node}"])
        if "Normalisation.f_n" in r:
            kind, names = _NORMS[r["Normalisation.f_n"]]
            alt = (kind, dict(zip(names, map(float, r["Normalisation.f_n_para"].split(";")), strict=True)))
            if alt not in norms:
                norms.append(alt)
            picks["normalisation"][i] = norms.index(alt)
        if "Winmax" in r:
            w = int(r["Winmax"])
            if w not in wins:
                wins.append(w)
            picks["winmax"][i] = wins.index(w)
        if "Aggregation" in r:
            a = _AGGS[r["Aggregation"]]
            if a not in aggs:
                aggs.append(a)
            picks["aggregation"][i] = aggs.index(a)
    return ({"normalisations": tuple(norms), "winmax": tuple(wins), "aggregations": tuple(aggs)},
            {"weights": weights, **picks})
