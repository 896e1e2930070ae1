"""What it takes to move up: the smallest improvements of one unit's indicators that reach a rank.

The question: for unit u and a goal rank r, holding every other unit and every other indicator
of u fixed, how far must u's indicators move, within their ranges, for u to rank r or better
under the run's method? Every score here comes from `chiso.compute.build` on the modified data,
so the answer is the method's own, never a re-implementation of it.

"Smallest" has two precise meanings, both offered:

- a *single move*: for each indicator alone, the least change that reaches the goal (none if
  even the end of its range does not);
- a *combined move*: the least total normalised change, sum |change_j| / width_j over the
  indicators (width = the indicator's range), that reaches the goal. Under a linear method
  (weighted points, or a weighted arithmetic mean of goalpost-normalised values) the score is
  s0 + sum g_j change_j, so this is a fractional knapsack: filling the indicators in order of
  score gained per unit of normalised change, g_j × width_j (for the DTI: their points), each
  to the end of its range before the next, is exactly optimal.

A third plan, the *uniform* one, closes the same share of every indicator's remaining gap.

Exact (closed form, then checked on the build) when the method is linear in the unit's values
and the other units' scores do not depend on them: points or arithmetic aggregation, no or
goalpost normalisation, no outlier treatment, no PCA weights, no imputation that reads the
moved values. Otherwise a documented search: bisection on each indicator's move with the full
build as the oracle (monotone in the move is assumed, and the result is checked), and the
combined move fills indicators greedily in the order of their gain over their whole range.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from chiso.compute.build import BuildResult, build
from chiso.compute.method import Method
from chiso.compute.structure import Dataset, Structure, leaf_matrix
from chiso.errors import ComputeError
from chiso.framework import Framework

GOALS = ("next", "top10")
LINEAR_NORMALISERS = frozenset({"none", "goalposts"})
SEARCH_STEPS = 40           # bisection halvings: 2^-40 of the range
NUDGE_STEPS = 60            # float rounding: doublings of a one-ulp nudge at most


@dataclass(frozen=True)
class Move:
    """One indicator moved: from `before` to `after` in its own units."""

    indicator: str
    before: float
    after: float
    width: float  # the indicator's range, high - low

    @property
    def change(self) -> float:
        return self.after - self.before

    @property
    def normalised(self) -> float:
        """The share of the indicator's range moved (0..1)."""
        return abs(self.change) / self.width if self.width > 0 else 0.0


@dataclass(frozen=True)
class Plan:
    """A set of moves and where they take the unit."""

    kind: str  # single | combined | uniform | target
    moves: tuple[Move, ...]
    reaches: bool
    score: float
    rank: int
    points: float | None  # score gained in the framework's points (points trees only)

    @property
    def normalised(self) -> float:
        return float(sum(m.normalised for m in self.moves))


@dataclass(frozen=True)
class WhatItTakes:
    """The answer for one unit and one goal."""

    unit: str
    goal: str            # "next", "top10" or "rank"
    goal_rank: int
    rank: int            # the unit's rank now
    score: float
    threshold: float | None  # the score that reaches the goal (exact methods only)
    exact: bool
    indicators: tuple[str, ...]     # the indicators that may move, in tree order
    singles: tuple[Plan, ...]       # one per indicator of `indicators`
    combined: Plan | None           # None when the goal is already reached or out of reach
    uniform: Plan | None
    ranges: dict[str, tuple[float, float]]

    @property
    def reached(self) -> bool:
        return self.rank <= self.goal_rank


@dataclass(frozen=True)
class RankAtTarget:
    """One indicator moved to a target value, everything else as it is."""

    indicator: str
    before: float
    target: float
    score: float
    rank: int
    rank_gained: int  # positive: places moved up


class _Oracle:
    """The unit's score and rank under the full build, for candidate values of its leaves."""

    def __init__(self, fw: Framework | Structure, data: Dataset, method: Method, unit: str):
        self.st = Structure.of(fw)
        self.data, self.method = data, method
        if unit not in data.unit_ids:
            raise ComputeError(f"Không có đơn vị '{unit}' trong số liệu.",
                               f"Unit '{unit}' is not in the data.")
        self.u = data.unit_ids.index(unit)
        self.root = self.st.tree.root
        self.col = {c: data.indicators.index(c) for c in self.st.tree.leaves
                    if c in data.indicators}
        self.base = build(self.st, data, method)
        self.builds = 1

    def leaf_values(self) -> np.ndarray:
        return leaf_matrix(self.st, self.data)

    def run(self, changes: Mapping[int, float]) -> BuildResult:
        """The build with the unit's leaves (by position) set to new values."""
        values = self.data.values.copy()
        for j, v in changes.items():
            values[self.u, self.col[self.st.tree.leaves[j]]] = v
        self.builds += 1
        return build(self.st, replace(self.data, values=values), self.method)

    def at(self, changes: Mapping[int, float]) -> tuple[float, int]:
        res = self.run(changes) if changes else self.base
        return self.of(res)

    def of(self, res: BuildResult) -> tuple[float, int]:
        s, r = res.scores[self.root][self.u], res.ranks[self.root][self.u]
        if not np.isfinite(s) or not np.isfinite(r):
            raise ComputeError("Đơn vị không có điểm sau khi thay đổi số liệu.",
                               "The unit has no score after the change.")
        return float(s), int(r)


def goal_rank(ranks: np.ndarray, u: int, goal: int | str) -> tuple[str, int]:
    """The rank a goal names: a number, "top10", or "next" (the rank of the nearest unit
    strictly above; ties share it)."""
    mine = int(ranks[u])
    if isinstance(goal, (int, np.integer)) and not isinstance(goal, bool):
        if goal < 1:
            raise ComputeError(f"Hạng mục tiêu phải ≥ 1, không phải {goal}.",
                               f"The goal rank must be ≥ 1, not {goal}.")
        return "rank", int(goal)
    if goal == "top10":
        return "top10", 10
    if goal == "next":
        above = ranks[np.isfinite(ranks) & (ranks < mine)]
        return "next", int(above.max()) if above.size else mine
    raise ComputeError(f"Mục tiêu '{goal}' không hợp lệ; hãy dùng một hạng, next hoặc top10.",
                       f"Unknown goal '{goal}'; give a rank, next or top10.")


def is_linear(st: Structure, method: Method, leaves: np.ndarray) -> bool:
    """Whether the unit's score is affine in its own values and the others' do not move."""
    kinds = {method.normalise} | {spec.get("normalise", method.normalise)
                                  for code, spec in method.per_indicator.items()
                                  if code in st.tree.leaves}
    reads_moved = method.impute.f != "none" and bool(np.isnan(leaves).any())
    return (method.aggregate in ("points", "arithmetic") and kinds <= LINEAR_NORMALISERS
            and method.treat is None and method.weights != "pca" and not reads_moved)


def leaf_ranges(st: Structure, leaves: np.ndarray,
                given: Mapping[str, tuple[float, float]] | None = None
                ) -> dict[str, tuple[float, float]]:
    """Each leaf's range: as given, else its goalposts, else what the units show (min–max), so
    that no move goes beyond what some unit already reached."""
    out: dict[str, tuple[float, float]] = {}
    for j, code in enumerate(st.tree.leaves):
        if given and code in given:
            lo, hi = given[code]
        elif np.isfinite(st.low[j]) and np.isfinite(st.high[j]):
            lo, hi = float(st.low[j]), float(st.high[j])
        else:
            col = leaves[:, j][np.isfinite(leaves[:, j])]
            if not col.size:
                continue
            lo, hi = float(col.min()), float(col.max())
        out[code] = (float(lo), float(hi))
    return out


def rounding_floor(score: float, digits: int) -> float:
    """The least score that rounds (to `digits` decimals) to at least `score`'s rounding: where
    a method ranks the rounded scores (the ministry's four decimals), that is what to reach."""
    shown = float(np.round(score, digits))
    floor = shown - 0.5 * 10.0 ** -digits
    while float(np.round(floor, digits)) < shown:  # half-way rounds to even: step past it
        floor = float(np.nextafter(floor, np.inf))
    return floor


def what_it_takes(fw: Framework | Structure, data: Dataset, method: Method, unit: str,
                  goal: int | str = "next", *,
                  ranges: Mapping[str, tuple[float, float]] | None = None,
                  indicators: Sequence[str] | None = None) -> WhatItTakes:
    """The single, combined and uniform moves that take `unit` to the goal rank.

    `indicators` limits the moves to those leaves (default: every scored leaf the unit has);
    `ranges` overrides leaf ranges (in the indicator's own units).
    """
    o = _Oracle(fw, data, method, unit)
    st, leaves = o.st, o.leaf_values()
    s0, r0 = o.at({})
    kind, target = goal_rank(o.base.ranks[o.root], o.u, goal)
    rng = leaf_ranges(st, leaves, ranges)
    x = leaves[o.u]
    movable = [j for j, c in enumerate(st.tree.leaves)
               if c in o.col and c in rng and np.isfinite(x[j])
               and (indicators is None or c in indicators)]
    names = tuple(st.tree.leaves[j] for j in movable)
    exact = is_linear(st, method, leaves)
    points = st.tree.max_points[-1] if st.tree.points and method.aggregate == "points" else None

    def plan(kind_: str, changes: dict[int, float]) -> Plan:
        s, r = o.at(changes)
        moves = tuple(Move(st.tree.leaves[j], float(x[j]), float(v), _width(rng, st, j))
                      for j, v in changes.items() if v != x[j])
        return Plan(kind_, moves, r <= target, s, r,
                    None if points is None else (s - s0) * float(points))

    ends = {j: _good_end(st, rng, j) for j in movable}
    if r0 <= target:
        return WhatItTakes(unit, kind, target, r0, s0, None, exact, names, (), None, None, rng)
    others = np.delete(o.base.scores[o.root], o.u)
    others = np.sort(others[np.isfinite(others)])[::-1]
    threshold = float(others[target - 1]) if exact and target - 1 < others.size else None
    if threshold is not None and method.rank_digits is not None:
        threshold = rounding_floor(threshold, method.rank_digits)
    dist = {j: abs(ends[j] - x[j]) for j in movable}
    # score gained per unit moved in the good direction, from a build with the leaf at its end
    gain = {j: (o.at({j: ends[j]})[0] - s0) / dist[j] if dist[j] > 0 else 0.0 for j in movable}
    # the greedy order: score gained per unit of normalised move (for the DTI: the points)
    order = sorted(movable, key=lambda j: -gain[j] * _width(rng, st, j))
    if exact and threshold is not None:
        needed = threshold - s0
        singles = tuple(plan("single", _exact_fill(o, [j], x, ends, gain, needed, target)
                             or {j: ends[j]}) for j in movable)
        combined = _exact_fill(o, order, x, ends, gain, needed, target)
        total = sum(gain[j] * dist[j] for j in movable)
        uniform = _exact_uniform(o, movable, x, ends, needed / total, target) \
            if total >= needed else None
    else:
        singles = tuple(plan("single", _search_fill(o, [j], x, ends, target) or {j: ends[j]})
                        for j in movable)
        combined = _search_fill(o, order, x, ends, target)
        uniform = _search_uniform(o, movable, x, ends, target)
    return WhatItTakes(
        unit, kind, target, r0, s0, threshold, exact, names, singles,
        None if combined is None else plan("combined", combined),
        None if uniform is None else plan("uniform", uniform), rng)


def rank_at_targets(fw: Framework | Structure, data: Dataset, method: Method, unit: str,
                    targets: Mapping[str, float] | None = None) -> list[RankAtTarget]:
    """For each indicator with a target (given, else the framework's first), the unit's rank
    with that one indicator at its target and everything else as it is. An indicator already
    at or past its target is left where it is (it gains nothing)."""
    o = _Oracle(fw, data, method, unit)
    st, x = o.st, o.leaf_values()[o.u]
    _, r0 = o.at({})
    out: list[RankAtTarget] = []
    for j, code in enumerate(st.tree.leaves):
        t = targets.get(code) if targets is not None else st.target[j]
        if t is None or not np.isfinite(t) or code not in o.col or not np.isfinite(x[j]):
            continue
        better = (t - x[j]) * st.direction[j] > 0
        s, r = o.at({j: float(t)} if better else {})
        out.append(RankAtTarget(code, float(x[j]), float(t), s, r, r0 - r))
    return out


@dataclass(frozen=True)
class Simulator:
    """What a slider needs to recompute a unit's score and rank as its leaves move.

    Under a linear method (`exact`), score = score0 + sum slope_j × (x_j − x0_j) exactly, and
    the rank is 1 + the number of other units scoring more (the others do not move); otherwise
    the slopes are only a guide and `score_with` is the method's own answer.
    """

    unit: str
    score: float
    rank: int
    exact: bool
    values: dict[str, float]        # the unit's leaves now
    slopes: dict[str, float]        # score per unit of each leaf (from a build at its end)
    ranges: dict[str, tuple[float, float]]
    others: tuple[float, ...]       # the other units' scores, highest first
    rank_digits: int | None         # the method ranks scores rounded to these decimals


def simulator(fw: Framework | Structure, data: Dataset, method: Method, unit: str,
              ranges: Mapping[str, tuple[float, float]] | None = None) -> Simulator:
    o = _Oracle(fw, data, method, unit)
    st, leaves = o.st, o.leaf_values()
    s0, r0 = o.at({})
    rng = leaf_ranges(st, leaves, ranges)
    x = leaves[o.u]
    movable = [j for j, c in enumerate(st.tree.leaves)
               if c in o.col and c in rng and np.isfinite(x[j])]
    slopes: dict[str, float] = {}
    for j in movable:
        end = _good_end(st, rng, j)
        if end == x[j]:
            lo, hi = rng[st.tree.leaves[j]]
            end = lo if end == hi else hi
        slopes[st.tree.leaves[j]] = (o.at({j: end})[0] - s0) / (end - x[j]) if end != x[j] else 0.0
    others = np.delete(o.base.scores[o.root], o.u)
    others = np.sort(others[np.isfinite(others)])[::-1]
    return Simulator(unit, s0, r0, is_linear(st, method, leaves),
                     {st.tree.leaves[j]: float(x[j]) for j in movable}, slopes,
                     {c: rng[c] for c in slopes}, tuple(float(v) for v in others),
                     method.rank_digits)


def score_with(fw: Framework | Structure, data: Dataset, method: Method, unit: str,
               values: Mapping[str, float]) -> tuple[float, int]:
    """The unit's score and rank under the full build with some of its leaves set to `values`
    (leaves it does not have, or unknown codes, are left as they are)."""
    o = _Oracle(fw, data, method, unit)
    pos = {c: j for j, c in enumerate(o.st.tree.leaves) if c in o.col}
    return o.at({pos[c]: float(v) for c, v in values.items() if c in pos})


# ── exact (linear methods) ───────────────────────────────────────────────────────────────


def _width(rng: Mapping[str, tuple[float, float]], st: Structure, j: int) -> float:
    lo, hi = rng[st.tree.leaves[j]]
    return hi - lo


def _good_end(st: Structure, rng: Mapping[str, tuple[float, float]], j: int) -> float:
    lo, hi = rng[st.tree.leaves[j]]
    return hi if st.direction[j] > 0 else lo


def _nudged(o: _Oracle, changes: dict[int, float], ends: Mapping[int, float],
            target: int) -> dict[int, float]:
    """The exact answer checked on the build; when rounding leaves it a hair short, move the
    last leaf on by 1, 2, 4, ... ulps (never past its end)."""
    if o.at(changes)[1] <= target:
        return changes
    j = list(changes)[-1]
    start, end = changes[j], ends[j]
    step = float(np.spacing(max(abs(start), abs(end), 1.0)))
    for _ in range(NUDGE_STEPS):
        v = min(start + step, end) if end >= start else max(start - step, end)
        trial = {**changes, j: v}
        if o.at(trial)[1] <= target:
            return trial
        step *= 2
    return {}


def _exact_fill(o: _Oracle, order: list[int], x: np.ndarray, ends: Mapping[int, float],
                gain: Mapping[int, float], needed: float, target: int) -> dict[int, float] | None:
    """The fractional knapsack: whole indicators in `order`, each to the end of its range, then
    the part of the next that closes what is left. None when all of them do not reach."""
    changes: dict[int, float] = {}
    left = needed
    for j in order:
        dist = abs(ends[j] - x[j])
        if gain[j] <= 0 or dist == 0:
            continue
        if gain[j] * dist >= left:
            changes[j] = float(x[j] + left / gain[j] * np.sign(ends[j] - x[j]))
            return _nudged(o, changes, ends, target) or None
        changes[j] = float(ends[j])
        left -= gain[j] * dist
    return None


def _exact_uniform(o: _Oracle, movable: list[int], x: np.ndarray, ends: Mapping[int, float],
                   share: float, target: int) -> dict[int, float] | None:
    """Every indicator `share` of the way to its end, the share nudged over float rounding."""
    step = np.spacing(max(share, 1.0))
    for _ in range(NUDGE_STEPS):
        changes = {j: float(x[j] + min(share, 1.0) * (ends[j] - x[j])) for j in movable}
        if o.at(changes)[1] <= target:
            return changes
        share, step = share + step, step * 2
    return None


# ── search (non-linear methods) ──────────────────────────────────────────────────────────


def _bisect(o: _Oracle, fixed: Mapping[int, float], j: int, xj: float, end: float,
            target: int) -> float | None:
    """The least share t of the way from xj to end (0..1) that reaches, by bisection."""
    if o.at({**fixed, j: end})[1] > target:
        return None
    lo, hi = 0.0, 1.0
    for _ in range(SEARCH_STEPS):
        mid = (lo + hi) / 2
        if o.at({**fixed, j: xj + mid * (end - xj)})[1] <= target:
            hi = mid
        else:
            lo = mid
    return hi


def _search_fill(o: _Oracle, order: list[int], x: np.ndarray, ends: Mapping[int, float],
                 target: int) -> dict[int, float] | None:
    changes: dict[int, float] = {}
    for j in order:
        t = _bisect(o, changes, j, x[j], ends[j], target)
        if t is not None:
            changes[j] = float(x[j] + t * (ends[j] - x[j]))
            return changes
        changes[j] = float(ends[j])
    return None


def _search_uniform(o: _Oracle, movable: list[int], x: np.ndarray, ends: Mapping[int, float],
                    target: int) -> dict[int, float] | None:
    def at(t: float) -> dict[int, float]:
        return {j: float(x[j] + t * (ends[j] - x[j])) for j in movable}

    if not movable or o.at(at(1.0))[1] > target:
        return None
    lo, hi = 0.0, 1.0
    for _ in range(SEARCH_STEPS):
        mid = (lo + hi) / 2
        lo, hi = (lo, mid) if o.at(at(mid))[1] <= target else (mid, hi)
    return at(hi)
