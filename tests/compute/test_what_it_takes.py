"""What it takes to move up: hand-computed cases, and on generated points frameworks the minimal
change reaches the goal rank and no smaller change does (checked against a linear program)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from chiso.compute import Dataset, Method, build
from chiso.compute.what_it_takes import goal_rank, rank_at_targets, what_it_takes
from chiso.errors import ComputeError
from chiso.framework import Framework


def points_framework(points: list[float], groups: list[int] | None = None) -> Framework:
    """A DTI-like framework: leaves l0.. scored 0–1 times their points, optionally in pillars."""
    def leaf(i: int, p: float) -> dict:
        return {"code": f"l{i}", "level": "indicator", "name": {"vi": f"Chỉ số {i}", "en": f"I{i}"},
                "max_points": p, "unit": "index", "goalposts": {"low": 0, "high": 1},
                "merge": {"method": "mean"}}
    leaves = [leaf(i, p) for i, p in enumerate(points)]
    if groups is None:
        children = leaves
    else:
        children = []
        for g in sorted(set(groups)):
            kids = [lf for lf, gg in zip(leaves, groups, strict=True) if gg == g]
            children.append({"code": f"p{g}", "level": "pillar",
                             "name": {"vi": f"Trụ cột {g}", "en": f"P{g}"},
                             "max_points": sum(k["max_points"] for k in kids), "children": kids})
    return Framework.model_validate({
        "id": "test-points", "version": "1", "name": {"vi": "Thử", "en": "Test"},
        "aggregation": "points", "total_points": sum(points),
        "root": {"code": "root", "level": "index", "name": {"vi": "Gốc", "en": "Root"},
                 "children": children}})


def dataset(values: list[list[float]], n_leaves: int) -> Dataset:
    x = np.array(values, dtype=float)
    return Dataset([f"u{i}" for i in range(len(x))], [f"l{j}" for j in range(n_leaves)], x)


HAND = points_framework([60, 40])
HAND_DATA = dataset([[0.9, 0.9], [0.5, 0.5], [0.4, 0.3]], 2)
# exact ranks for the hand cases; the ministry's four-decimal ties have a case of their own
POINTS = Method.for_framework(HAND).with_(rank_digits=None)


def test_next_place_single_moves_are_the_gap_over_the_points() -> None:
    # u2 scores 0.36 and must reach u1's 0.5: 0.14 of 100 points, i.e. 14 points
    w = what_it_takes(HAND, HAND_DATA, POINTS, "u2", "next")
    assert (w.rank, w.goal_rank, w.exact) == (3, 2, True)
    assert w.threshold == pytest.approx(0.5)
    first, second = w.singles
    assert first.reaches and first.moves[0].after == pytest.approx(0.4 + 0.14 / 0.6)
    assert second.reaches and second.moves[0].after == pytest.approx(0.3 + 0.14 / 0.4)
    assert first.rank == second.rank == 2
    assert first.points == pytest.approx(14)
    # the combined move fills the 60-point index first; it alone is enough
    assert [m.indicator for m in w.combined.moves] == ["l0"]
    assert w.combined.normalised == pytest.approx(0.14 / 0.6)
    # the uniform plan closes 0.14 / (0.6 × 0.6 + 0.4 × 0.7) = 21,875 % of every gap
    after = {m.indicator: m.after for m in w.uniform.moves}
    assert after == pytest.approx({"l0": 0.53125, "l1": 0.453125})


def test_with_ministry_ties_reaching_the_rounded_score_is_enough() -> None:
    # ranks of four-decimal scores: 0,49995 shows as 0,5000 and ties u1 for second place
    w = what_it_takes(HAND, HAND_DATA, Method.for_framework(HAND), "u2", "next")
    assert w.threshold == pytest.approx(0.49995, abs=1e-12)
    first = w.singles[0]
    assert first.reaches and first.rank == 2
    assert first.moves[0].after == pytest.approx(0.4 + 0.13995 / 0.6)


def test_first_place_needs_both_indices_and_neither_alone_reaches() -> None:
    w = what_it_takes(HAND, HAND_DATA, POINTS, "u2", 1)
    assert [p.reaches for p in w.singles] == [False, False]
    # moved to full marks alone, each still leaves u2 second
    assert [p.moves[0].after for p in w.singles] == [1.0, 1.0]
    assert [p.rank for p in w.singles] == [2, 2]
    # 54 points needed: l0 to 1 gives 36, then 18 / 40 = 0,45 of l1's range: l1 0,3 → 0,75
    after = {m.indicator: m.after for m in w.combined.moves}
    assert after == pytest.approx({"l0": 1.0, "l1": 0.75})
    assert w.combined.normalised == pytest.approx(1.05)
    assert w.combined.points == pytest.approx(54)
    assert w.combined.rank == 1


def test_a_goal_already_reached_asks_for_nothing() -> None:
    w = what_it_takes(HAND, HAND_DATA, POINTS, "u0", "top10")
    assert w.reached and w.singles == () and w.combined is None


def test_goals_name_ranks_with_ties_sharing_the_place_above() -> None:
    ranks = np.array([1.0, 2.0, 2.0, 4.0])
    assert goal_rank(ranks, 3, "next") == ("next", 2)
    assert goal_rank(ranks, 3, "top10") == ("top10", 10)
    assert goal_rank(ranks, 3, 1) == ("rank", 1)
    with pytest.raises(ComputeError):
        goal_rank(ranks, 3, "best")
    with pytest.raises(ComputeError):
        goal_rank(ranks, 3, 0)


def test_rank_gained_with_each_index_at_its_target() -> None:
    gains = {r.indicator: r for r in rank_at_targets(HAND, HAND_DATA, POINTS, "u2",
                                                     {"l0": 1.0, "l1": 0.2})}
    assert gains["l0"].rank == 2 and gains["l0"].rank_gained == 1
    # a target below where the unit already is moves nothing
    assert gains["l1"].rank == 3 and gains["l1"].rank_gained == 0


def test_an_unknown_unit_is_refused_in_both_languages() -> None:
    with pytest.raises(ComputeError) as exc:
        what_it_takes(HAND, HAND_DATA, POINTS, "u9")
    assert "Không có đơn vị" in exc.value.message_vi and "not in the data" in exc.value.message_en


def test_non_linear_methods_search_and_stop_at_the_least_move() -> None:
    fw = HAND
    data = dataset([[0.9, 0.9], [0.5, 0.6], [0.4, 0.3], [0.2, 0.5]], 2)
    method = Method(normalise="minmax", normalise_params={"a": 1.0, "b": 100.0},
                    aggregate="geometric")
    w = what_it_takes(fw, data, method, "u2", "next")
    assert not w.exact and w.threshold is None
    assert any(p.reaches for p in w.singles) and w.combined is not None
    base = build(fw, data, method)
    for plan in w.singles:
        if not plan.reaches:
            continue
        (move,) = plan.moves
        j = int(move.indicator[1:])
        assert move.change > 0.01
        for share, reaches in ((1.0, True), (1 - 1e-6, False)):
            x = data.values.copy()
            x[2, j] = move.before + share * move.change
            res = build(fw, Dataset(data.unit_ids, data.indicators, x), method)
            assert bool(res.ranks["root"][2] <= w.goal_rank) is reaches
    assert base.ranks["root"][2] == w.rank


# ── properties on generated points frameworks ───────────────────────────────────────────


@st.composite
def problems(draw):
    n_leaves = draw(st.integers(1, 5))
    points = draw(st.lists(st.integers(1, 200), min_size=n_leaves, max_size=n_leaves))
    grouped = draw(st.booleans()) and n_leaves > 1
    groups = draw(st.lists(st.integers(0, 1), min_size=n_leaves, max_size=n_leaves)) \
        if grouped else None
    n_units = draw(st.integers(2, 12))
    # published main indices have four decimals: ties happen
    value = st.integers(0, 10_000).map(lambda v: v / 10_000)
    values = draw(st.lists(st.lists(value, min_size=n_leaves, max_size=n_leaves),
                           min_size=n_units, max_size=n_units))
    unit = draw(st.integers(0, n_units - 1))
    goal = draw(st.one_of(st.integers(1, n_units), st.sampled_from(["next", "top10"])))
    return [float(p) for p in points], groups, values, unit, goal


def _root_rank(fw: Framework, data: Dataset, u: int, row: np.ndarray) -> float:
    x = data.values.copy()
    x[u] = row
    res = build(fw, Dataset(data.unit_ids, data.indicators, x), Method.for_framework(fw))
    return float(res.ranks["root"][u])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_minimal_moves_reach_the_goal_and_no_smaller_move_does(problem) -> None:
    points, groups, values, u, goal = problem
    fw = points_framework(points, groups)
    data = dataset(values, len(points))
    method = Method.for_framework(fw)
    w = what_it_takes(fw, data, method, f"u{u}", goal)
    assert w.exact
    if w.reached:
        return
    x = data.values[u]
    total = sum(points)
    # by hand: each index scores points / total per unit of its value; the goal is to score
    # at least the goal-th best of the other units as the ministry ranks them: on scores
    # rounded to four decimals (as the engine ranks them: NumPy's rounding, half to even), so
    # reaching half a unit of the fourth decimal below is a tie
    others = np.sort(np.delete(data.values @ np.array(points) / total, u))[::-1]
    needed = float(np.round(others[w.goal_rank - 1], 4)) - 0.00005 \
        - float(x @ np.array(points)) / total
    gain = np.array(points) / total
    room = 1.0 - x
    for code, plan in zip(w.indicators, w.singles, strict=True):
        j = int(code[1:])
        if gain[j] * room[j] < needed - 1e-12:
            assert not plan.reaches
            continue
        assert plan.reaches and plan.rank <= w.goal_rank
        (move,) = plan.moves
        assert move.change == pytest.approx(needed / gain[j], rel=1e-9, abs=1e-9)
        smaller = x.copy()
        smaller[j] = move.before + move.change * (1 - 1e-9)
        assume(move.change > 1e-6)
        assert _root_rank(fw, data, u, smaller) > w.goal_rank
    # the least total normalised move, as a linear program: min Σ d_j s.t. Σ gain_j d_j ≥ needed
    lp = linprog(np.ones(len(points)), A_ub=-gain[None, :], b_ub=[-needed],
                 bounds=list(zip(np.zeros(len(points)), room, strict=True)), method="highs")
    if not lp.success:
        assert w.combined is None
        return
    assert w.combined is not None and w.combined.reaches
    assert w.combined.normalised == pytest.approx(lp.fun, rel=1e-7, abs=1e-9)
    assume(w.combined.normalised > 1e-6)
    shrunk = x.copy()
    for m in w.combined.moves:
        shrunk[int(m.indicator[1:])] = m.before + m.change * (1 - 1e-9)
    assert _root_rank(fw, data, u, shrunk) > w.goal_rank
    assert w.uniform is not None and w.uniform.rank <= w.goal_rank


def test_a_missing_value_left_missing_keeps_the_arithmetic_exact() -> None:
    # regression: the check compared the imputation rule object with the text "none", so any
    # missing value anywhere made the DTI points model fall back to the search
    from chiso.compute.impute import ImputeRule
    data = dataset([[0.9, 0.9], [0.5, float("nan")], [0.4, 0.3]], 2)
    method = POINTS.with_(impute=ImputeRule("none"))
    w = what_it_takes(HAND, data, method, "u2", "next")
    assert w.exact
