"""Points rubrics: each component scored by its declared rule, vectorised over units (and
replications). A rule set is laid out once as arrays (`Rubric.of`); `points` scores a whole
(..., units, components) array at once, NaN where a value is missing or is not an answer the
rule accepts (a yes/no component given 0.7)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from chiso.compute.arrays import FloatArray
from chiso.framework.schema import RULE_KINDS, Appraiser, Count, Node, Proportional, Tiers, YesNo

YES_NO, TIERS, PROPORTIONAL, COUNT, APPRAISER = range(len(RULE_KINDS))


@dataclass(frozen=True)
class Rubric:
    """The rules of some components as arrays, one entry (or row) per component."""

    codes: tuple[str, ...]
    kind: np.ndarray          # int per component: YES_NO ... APPRAISER, -1 without a rule
    max_points: FloatArray
    target: FloatArray        # proportional: the target; NaN otherwise
    floor: FloatArray         # proportional: nothing below it (0 when none is declared)
    per_item: FloatArray      # count: points per item
    answers: FloatArray       # (components, k): the accepted values (yes/no), NaN-padded
    answer_points: FloatArray  # (components, k): their points
    tier_min: FloatArray      # (components, t): tier thresholds, NaN-padded
    tier_points: FloatArray   # (components, t)

    @classmethod
    def of(cls, nodes: Sequence[Node]) -> Rubric:
        n = len(nodes)
        k = max([2 + len(nd.rule.partial) for nd in nodes if isinstance(nd.rule, YesNo)] or [2])
        t = max([len(nd.rule.tiers) for nd in nodes if isinstance(nd.rule, Tiers)] or [1])
        kind = np.full(n, -1, dtype=np.int64)
        top = np.array([np.nan if nd.max_points is None else nd.max_points for nd in nodes],
                       dtype=float)
        target, floor, per_item = np.full(n, np.nan), np.zeros(n), np.full(n, np.nan)
        answers, answer_points = np.full((n, k), np.nan), np.full((n, k), np.nan)
        tier_min, tier_points = np.full((n, t), np.nan), np.full((n, t), np.nan)
        for i, nd in enumerate(nodes):
            rule = nd.rule
            if rule is None:
                continue
            kind[i] = RULE_KINDS.index(rule.kind)
            if isinstance(rule, YesNo):
                vals = [1.0, 0.0, *(a.value for a in rule.partial)]
                pts = [top[i], 0.0, *(a.points for a in rule.partial)]
                answers[i, :len(vals)], answer_points[i, :len(pts)] = vals, pts
            elif isinstance(rule, Tiers):
                tier_min[i, :len(rule.tiers)] = [tr.min for tr in rule.tiers]
                tier_points[i, :len(rule.tiers)] = [tr.points for tr in rule.tiers]
            elif isinstance(rule, Proportional):
                target[i], floor[i] = rule.target, rule.floor or 0.0
            elif isinstance(rule, Count):
                per_item[i] = rule.per_item
            else:
                assert isinstance(rule, Appraiser)
        return cls(tuple(nd.code for nd in nodes), kind, top, target, floor, per_item, answers,
                   answer_points, tier_min, tier_points)

    @property
    def any(self) -> bool:
        return bool((self.kind >= 0).any())

    def take(self, idx: Sequence[int] | slice) -> Rubric:
        """The rules of some components (in the order given)."""
        sel = list(idx) if not isinstance(idx, slice) else idx
        codes = np.array(self.codes, dtype=object)[sel]
        return Rubric(tuple(codes.tolist()), self.kind[sel], self.max_points[sel],
                      self.target[sel], self.floor[sel], self.per_item[sel], self.answers[sel],
                      self.answer_points[sel], self.tier_min[sel], self.tier_points[sel])


def points(rubric: Rubric, x: FloatArray) -> FloatArray:
    """Each component's points for values `x` (..., units, components); a component without a
    rule passes its value through unchanged."""
    x = np.asarray(x, dtype=float)
    top = rubric.max_points
    with np.errstate(invalid="ignore", divide="ignore"):
        # yes/no: the points of the declared answer the value is (NaN when it is none of them)
        hit = x[..., None] == rubric.answers
        yes_no = np.where(hit, rubric.answer_points, 0.0).sum(axis=-1)
        yes_no = np.where(hit.any(axis=-1), yes_no, np.nan)
        # tiers: the most points among the tiers reached, 0 below the lowest
        reached = x[..., None] >= rubric.tier_min
        tiers = np.where(reached, rubric.tier_points, 0.0).max(axis=-1)
        # proportional: full points × value / target, capped, nothing below the floor
        share = np.clip(x / rubric.target, 0.0, 1.0)
        proportional = np.where(x < rubric.floor, 0.0, top * share)
        count = np.minimum(np.maximum(x, 0.0) * rubric.per_item, top)
        appraised = np.clip(x, 0.0, top)
    out = np.select(
        [rubric.kind == YES_NO, rubric.kind == TIERS, rubric.kind == PROPORTIONAL,
         rubric.kind == COUNT, rubric.kind == APPRAISER],
        [yes_no, tiers, proportional, count, appraised], default=x)
    return np.where(np.isnan(x), np.nan, out)


def shares(rubric: Rubric, x: FloatArray) -> FloatArray:
    """Points over each component's full points (0–1), what a points tree scores as
    value × max_points; a 0-point component scores 0, one without a rule passes through."""
    p = points(rubric, x)
    with np.errstate(invalid="ignore", divide="ignore"):
        s = np.where(rubric.max_points > 0, p / rubric.max_points, 0.0)
    return np.where(rubric.kind >= 0, np.where(np.isnan(p), np.nan, s), x)


def accepted(rubric: Rubric, x: FloatArray) -> np.ndarray:
    """Where a value is one its component's rule accepts (missing values are accepted)."""
    x = np.asarray(x, dtype=float)
    ok = np.isnan(x) | (x >= 0)
    with np.errstate(invalid="ignore"):
        answer = (x[..., None] == rubric.answers).any(axis=-1)
        within = x <= rubric.max_points
    ok &= np.where(rubric.kind == YES_NO, answer | np.isnan(x), True)
    ok &= np.where(rubric.kind == APPRAISER, within | np.isnan(x), True)
    return np.asarray(ok)
