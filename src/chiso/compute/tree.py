"""The index tree as arrays: leaves (indicators) then aggregates in bottom-up order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from chiso.errors import ComputeError
from chiso.framework import Framework
from chiso.framework.schema import Node


@dataclass(frozen=True)
class Tree:
    leaves: tuple[str, ...]
    aggregates: tuple[str, ...]             # children before parents; the root is last
    children: tuple[tuple[int, ...], ...]   # per aggregate: positions in leaves + aggregates
    weights: np.ndarray                     # per node (leaves + aggregates): weight in its parent
    max_points: np.ndarray                  # per node: maximum points (NaN if not a points tree)
    level: tuple[int, ...]                  # per node: 1 for indicators, parents one above
    points: bool = False

    @property
    def nodes(self) -> tuple[str, ...]:
        return self.leaves + self.aggregates

    @property
    def root(self) -> str:
        return self.aggregates[-1]

    def position(self, code: str) -> int:
        return self.nodes.index(code)

    def parents(self) -> list[int | None]:
        """The position of every node's parent (None for the root)."""
        out: list[int | None] = [None] * len(self.nodes)
        n_leaf = len(self.leaves)
        for k, kids in enumerate(self.children):
            for c in kids:
                out[c] = n_leaf + k
        return out

    def ancestor_at(self, level: int) -> list[int | None]:
        """Every node's ancestor at `level` (itself if it is at that level; None above it)."""
        parent = self.parents()
        out: list[int | None] = []
        for i in range(len(self.nodes)):
            node: int | None = i
            while node is not None and self.level[node] < level:
                node = parent[node]
            out.append(node if node is not None and self.level[node] == level else None)
        return out

    def without(self, codes: Sequence[str]) -> Tree:
        """The tree with these indicators left out, and the aggregates left without children."""
        drop = set(codes)
        nodes = self.nodes
        kids = {self.aggregates[k]: [nodes[c] for c in ch] for k, ch in enumerate(self.children)}
        leaves = [c for c in self.leaves if c not in drop]
        alive = set(leaves)
        aggs: list[str] = []
        for a in self.aggregates:
            kids[a] = [c for c in kids[a] if c in alive]
            if kids[a]:
                alive.add(a)
                aggs.append(a)
        if not aggs:
            raise ComputeError("Loại hết chỉ tiêu thì không còn gì để tính.",
                               "Every indicator is excluded: nothing is left to compute.")
        pos = {c: i for i, c in enumerate(nodes)}
        weight = {c: float(self.weights[pos[c]]) for c in nodes}
        points = {c: float(self.max_points[pos[c]]) for c in nodes}
        height = {c: self.level[pos[c]] for c in nodes}
        return Tree._make(leaves, aggs, {a: kids[a] for a in aggs}, weight, points, height,
                          self.points)

    @classmethod
    def from_framework(cls, fw: Framework) -> Tree:
        """The scored part of a framework (unscored nodes, e.g. 0-point ones, are left out)."""
        scored = {n.code for n in fw.scored_indicators()}
        leaves: list[str] = []
        aggs: list[str] = []
        kids: dict[str, list[str]] = {}
        weight: dict[str, float] = {}
        points: dict[str, float] = {}
        height: dict[str, int] = {}

        def visit(node: Node) -> bool:
            weight[node.code] = 1.0 if node.weight is None else float(node.weight)
            points[node.code] = np.nan if node.max_points is None else float(node.max_points)
            if not node.children:
                if node.code in scored:
                    leaves.append(node.code)
                    height[node.code] = 1
                    return True
                return False
            kept = [c.code for c in node.children if visit(c)]
            if not kept:
                return False
            kids[node.code] = kept
            height[node.code] = 1 + max(height[c] for c in kept)
            aggs.append(node.code)
            return True

        if not visit(fw.root):
            raise ComputeError(f"Khung {fw.id} không có chỉ tiêu nào được tính điểm.",
                               f"Framework {fw.id} has no scored indicator.")
        if fw.aggregation == "points" and fw.total_points:
            points[fw.root.code] = float(fw.total_points)
        return cls._make(leaves, aggs, kids, weight, points, height, fw.aggregation == "points")

    @classmethod
    def from_parents(cls, leaves: Sequence[str], parent: dict[str, str], weight: dict[str, float],
                     level: dict[str, int]) -> Tree:
        """From a parent table (COINr's iMeta): aggregates ordered by level."""
        kids: dict[str, list[str]] = {}
        for child, par in parent.items():
            kids.setdefault(par, []).append(child)
        order = {c: i for i, c in enumerate(parent)}
        aggs = sorted(kids, key=lambda c: (level[c], order.get(c, 10**9)))
        points = {c: np.nan for c in [*leaves, *aggs]}
        return cls._make(list(leaves), aggs, kids, weight, points, dict(level), False)

    @classmethod
    def _make(cls, leaves: list[str], aggs: list[str], kids: dict[str, list[str]],
              weight: dict[str, float], points: dict[str, float], height: dict[str, int],
              is_points: bool) -> Tree:
        nodes = leaves + aggs
        pos = {c: i for i, c in enumerate(nodes)}
        return cls(
            leaves=tuple(leaves), aggregates=tuple(aggs),
            children=tuple(tuple(pos[c] for c in kids[a]) for a in aggs),
            weights=np.array([weight.get(c, 1.0) for c in nodes], dtype=float),
            max_points=np.array([points.get(c, np.nan) for c in nodes], dtype=float),
            level=tuple(height[c] for c in nodes), points=is_points,
        )
