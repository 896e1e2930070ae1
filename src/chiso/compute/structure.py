"""What a build reads: the data (units × indicators) and the structure (tree, directions,
goalposts, targets) of a framework or a COINr iMeta."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from chiso.compute.arrays import FloatArray
from chiso.compute.rubric import Rubric
from chiso.compute.tree import Tree
from chiso.framework import Framework


@dataclass(frozen=True)
class Dataset:
    """Values of units × indicators (NaN = missing), with what some steps need besides."""

    unit_ids: list[str]
    indicators: list[str]
    values: FloatArray
    groups: dict[str, Sequence[Any]] = field(default_factory=dict)   # column -> label per unit
    denominators: dict[str, FloatArray] = field(default_factory=dict)  # column -> per unit
    previous: FloatArray | None = None  # the previous period, same shape (panel imputation)

    def column(self, code: str) -> FloatArray:
        return self.values[:, self.indicators.index(code)]


@dataclass(frozen=True)
class Structure:
    """What a build needs of a framework: the tree, each indicator's direction, goalposts,
    targets (per leaf, NaN where there is none)."""

    tree: Tree
    direction: FloatArray  # per leaf, +1 or -1
    low: FloatArray
    high: FloatArray
    target: FloatArray
    rubric: Rubric | None = None  # the leaves' scoring rules, in a points rubric

    @classmethod
    def of(cls, fw: Framework | Structure) -> Structure:
        if isinstance(fw, Structure):
            return fw
        tree = Tree.from_framework(fw)
        nodes = {n.code: n for n in fw.indicators()}
        leaves = [nodes[c] for c in tree.leaves]
        return cls(
            tree=tree,
            direction=np.array([-1.0 if n.direction == "lower_better" else 1.0 for n in leaves]),
            low=np.array([n.goalposts.low if n.goalposts else np.nan for n in leaves]),
            high=np.array([n.goalposts.high if n.goalposts else np.nan for n in leaves]),
            target=np.array([n.targets[0].value if n.targets else np.nan for n in leaves]),
            rubric=Rubric.of(leaves) if any(n.rule is not None for n in leaves) else None,
        )

    def without(self, codes: Sequence[str]) -> Structure:
        """The indicators in `codes` left out (and aggregates left without any)."""
        if not codes:
            return self
        tree = self.tree.without(codes)
        keep = [self.tree.leaves.index(c) for c in tree.leaves]
        return Structure(tree, self.direction[keep], self.low[keep], self.high[keep],
                         self.target[keep], None if self.rubric is None else self.rubric.take(keep))

    def with_directions(self, directions: dict[str, float]) -> Structure:
        if not directions:
            return self
        d = np.array([float(directions.get(c, v)) for c, v in
                      zip(self.tree.leaves, self.direction, strict=True)])
        return replace(self, direction=d)


def leaf_matrix(st: Structure, data: Dataset, values: FloatArray | None = None) -> FloatArray:
    """The data's columns (or `values` laid out like them) in the tree's leaf order; absent
    indicators are all missing."""
    v = data.values if values is None else values
    pos = {c: j for j, c in enumerate(data.indicators)}
    out = np.full((len(data.unit_ids), len(st.tree.leaves)), np.nan)
    for j, code in enumerate(st.tree.leaves):
        if code in pos:
            out[:, j] = v[:, pos[code]]
    return out
