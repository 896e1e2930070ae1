"""The nominal build: denominate, impute, screen, treat, normalise, weight, aggregate, rank."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from chiso.compute.aggregate import aggregate
from chiso.compute.arrays import FloatArray
from chiso.compute.method import Method
from chiso.compute.pipeline import (
    Context,
    aggregation_rules,
    normalise,
    prepare,
    treat_stage,
    weights_stage,
)
from chiso.compute.rank import rank_desc
from chiso.compute.screen import ScreenDetail
from chiso.compute.structure import Dataset, Structure
from chiso.compute.treat import TreatDetail
from chiso.compute.weights import effective_weights
from chiso.framework import Framework


@dataclass
class BuildResult:
    unit_ids: list[str]
    nodes: tuple[str, ...]
    stages: dict[str, FloatArray]          # units × leaves, per stage
    scores: dict[str, FloatArray]          # node -> per unit
    ranks: dict[str, FloatArray]           # node -> per unit (NaN: not ranked)
    effective_weights: dict[str, float]    # leaf -> its share of the root
    treated: list[TreatDetail]
    screened_out: list[str]
    weights: FloatArray                    # per node: its weight within its parent
    screen: ScreenDetail | None = None

    def to_rows(self) -> list[dict[str, Any]]:
        rows = []
        for node in self.nodes:
            for u, unit in enumerate(self.unit_ids):
                s, r = self.scores[node][u], self.ranks[node][u]
                rows.append({"unit": unit, "node": node,
                             "score": None if np.isnan(s) else float(s),
                             "rank": None if np.isnan(r) else int(r)})
        return rows


def structure_for(fw: Framework | Structure, method: Method) -> Structure:
    """The framework's structure as the method sees it: the excluded indicators left out."""
    return Structure.of(fw).without(method.exclude)


def build(fw: Framework | Structure, data: Dataset, method: Method,
          trace: dict[str, FloatArray] | None = None) -> BuildResult:
    """The nominal build, every stage kept (and written into `trace` as it is computed, so a
    caller sees how far a refused build went)."""
    st = structure_for(fw, method)
    tree = st.tree
    prep = prepare(st, data, method, trace)
    stages = prep.stages
    x, details = treat_stage(st, prep.values, method, prep.kept)
    stages["treated"] = x
    x = normalise(st, x, method, Context.of(data.unit_ids))
    stages["normalised"] = x
    rules = aggregation_rules(st, method)
    weights = weights_stage(st, method, x, rules, prep.kept)
    values = aggregate(tree, x, rules, weights=weights, kept=prep.kept)
    scores = {c: values[:, i] for i, c in enumerate(tree.nodes)}
    by_node = rank_desc(values.T, method.rank_tolerance, method.rank_digits)
    ranks = {c: by_node[i] for i, c in enumerate(tree.nodes)}
    return BuildResult(
        unit_ids=list(data.unit_ids), nodes=tree.nodes, stages=stages, scores=scores, ranks=ranks,
        effective_weights=effective_weights(tree, weights), treated=details,
        screened_out=[u for u, k in zip(data.unit_ids, prep.kept, strict=True) if not k],
        weights=weights, screen=prep.screen,
    )
