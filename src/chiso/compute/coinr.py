"""COINr's file formats: iData (units × columns) and iMeta (the tree and its metadata).

So analysts can run chiso on the same inputs as COINr and compare number for number.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from chiso.compute.structure import Dataset, Structure
from chiso.compute.tree import Tree
from chiso.errors import ComputeError, Problem


def _num(text: str) -> float:
    return float(text) if text not in ("", "NA") else np.nan


@dataclass(frozen=True)
class Meta:
    """An iMeta file: the structure, each indicator's denominator column, the group columns, and
    every indicator's row as read (for normalisation parameters kept in iMeta)."""

    structure: Structure
    denominators: dict[str, str]
    groups: list[str]
    rows: dict[str, dict[str, str]]

    @property
    def denominator_columns(self) -> list[str]:
        return sorted(set(self.denominators.values()) | set(self.typed_denominators))

    typed_denominators: tuple[str, ...] = ()


def read_meta(path: Path) -> Meta:
    """An iMeta file, checked as COINr's new_coin checks it."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    needed = {"Level", "iCode", "Direction", "Weight", "Parent", "Type"}
    if not rows or not needed <= set(rows[0]):
        raise ComputeError(f"{path.name}: thiếu cột {sorted(needed)}.",
                           f"{path.name}: an iMeta file needs the columns {sorted(needed)}.")
    leaves = [r["iCode"] for r in rows if r["Type"] == "Indicator"]
    nodes = [r for r in rows if r["Type"] in ("Indicator", "Aggregate")]
    by = {r["iCode"]: r for r in rows}
    bad = [c for c in leaves if _num(by[c]["Direction"]) not in (1.0, -1.0)]
    if bad:
        raise ComputeError(f"{path.name}: chiều (Direction) phải là 1 hoặc -1: "
                           f"{', '.join(bad[:5])}.",
                           f"{path.name}: a Direction is 1 or -1, not so for {', '.join(bad[:5])}.")
    if "Target" in rows[0] and any(by[c]["Target"] in ("", "NA") for c in leaves):
        raise ComputeError(f"{path.name}: có chỉ tiêu thiếu đích (Target); hoặc đủ cả, "
                           "hoặc bỏ cột.",
                           f"{path.name}: some indicators have no Target; give all or drop "
                           "the column.")
    parent = {r["iCode"]: r["Parent"] for r in nodes if r["Parent"]}
    weight = {r["iCode"]: _num(r["Weight"]) for r in nodes}
    level = {r["iCode"]: int(r["Level"]) for r in nodes}
    tree = Tree.from_parents(leaves, parent, weight, level)
    st = Structure(
        tree=tree,
        direction=np.array([_num(by[c]["Direction"]) for c in leaves]),
        low=np.array([_num(by[c].get("goalpost_lower", "")) for c in leaves]),
        high=np.array([_num(by[c].get("goalpost_upper", "")) for c in leaves]),
        target=np.array([_num(by[c].get("Target", "")) for c in leaves]),
    )
    denominators = {r["iCode"]: r["Denominator"] for r in rows
                    if r["Type"] == "Indicator" and r.get("Denominator")}
    groups = [r["iCode"] for r in rows if r["Type"] == "Group"]
    typed = tuple(r["iCode"] for r in rows if r["Type"] == "Denominator")
    return Meta(st, denominators, groups, {c: by[c] for c in leaves}, typed)


def read_data(path: Path, st: Structure, denominator_columns: Iterable[str],
              groups: list[str]) -> Dataset:
    """An iData file: every indicator of the structure read whole, or refused."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if not rows or "uCode" not in rows[0]:
        raise ComputeError(f"{path.name}: thiếu cột uCode.",
                           f"{path.name}: an iData file needs a uCode column.")
    codes = [r["uCode"] for r in rows]
    twice = sorted({c for c in codes if codes.count(c) > 1})
    if twice:
        raise ComputeError(f"{path.name}: mã đơn vị (uCode) trùng: {', '.join(twice[:5])}.",
                           f"{path.name}: duplicate unit codes (uCode): {', '.join(twice[:5])}.")
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
    dens = {col: np.array([_num(r[col]) for r in rows]) for col in denominator_columns
            if col in rows[0]}
    return Dataset(
        unit_ids=[r["uCode"] for r in rows], indicators=leaves, values=values,
        groups={g: [r[g] for r in rows] for g in groups if g in rows[0]}, denominators=dens,
    )


def read(data_path: Path, meta_path: Path) -> tuple[Structure, Dataset, dict[str, str]]:
    """The structure, the data, and each indicator's denominator column (from iMeta)."""
    meta = read_meta(meta_path)
    data = read_data(data_path, meta.structure, meta.denominator_columns, meta.groups)
    return meta.structure, data, meta.denominators


_NORMS = {"n_minmax": ("minmax", ("a", "b")), "n_zscore": ("zscore", ("mean", "sd"))}
_AGGS = {"a_amean": "arithmetic", "a_gmean": "geometric", "a_hmean": "harmonic"}


def read_params(path: Path, st: Structure
                ) -> tuple[dict[str, tuple[Any, ...]], dict[str, np.ndarray]]:
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
            values = map(float, r["Normalisation.f_n_para"].split(";"))
            alt = (kind, dict(zip(names, values, strict=True)))
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
