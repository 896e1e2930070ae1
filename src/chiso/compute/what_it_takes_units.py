"""Gaps said in the units a leader acts on: smartphones, đồng, households, base stations.

"Bến Tre only lacks 50,000 smartphones": a gap in an indicator (subscriptions per 100
inhabitants) times the base it is a share of (the population) is a number of things to add.
Every figure here returns the inputs it used, each with its source, and the target it is
measured against (the national average, the national target, the province's own), so that a
brief can cite them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from chiso.errors import ComputeError

BASES = ("national_average", "national_target", "own_target", "leading")


@dataclass(frozen=True)
class Cited:
    """A figure and where it comes from (publisher and title, the cell or address, the date)."""

    value: float
    unit: str
    source: str
    period: str | None = None
    where: str | None = None
    published: str | None = None
    simulated: bool = False


@dataclass(frozen=True)
class Goal:
    """The value a gap is measured to and what it is (one of BASES)."""

    value: float
    basis: str
    source: str | None = None
    year: int | None = None

    def __post_init__(self) -> None:
        if self.basis not in BASES:
            raise ComputeError(f"Loại mục tiêu '{self.basis}' không hợp lệ.",
                               f"Unknown target basis '{self.basis}'; use one of "
                               f"{', '.join(BASES)}.")


@dataclass(frozen=True)
class Shortfall:
    """What is missing to reach a goal: `amount` things (rounded up to whole things or đồng),
    from base × gap / scale."""

    kind: str
    amount: int
    exact: float
    unit: str          # what is counted: smartphones, vnd, households, stations, ...
    gap: float         # goal - actual, in the indicator's own unit (0 when reached)
    scale: float       # the indicator is per `scale` of the base (100 for a percentage)
    base: Cited        # the population, budget, households or stations
    actual: Cited      # the indicator's value
    goal: Goal

    @property
    def inputs(self) -> tuple[Cited, Cited]:
        return self.base, self.actual

    @property
    def reached(self) -> bool:
        return self.gap <= 0

    @property
    def simulated(self) -> bool:
        return self.base.simulated or self.actual.simulated


def shortfall(kind: str, unit: str, base: Cited, actual: Cited, goal: Goal,
              scale: float = 100.0) -> Shortfall:
    """base × max(goal − actual, 0) / scale, rounded up (a part of a thing still has to be
    found whole)."""
    for name, x in (("base", base.value), ("actual", actual.value), ("goal", goal.value)):
        if not math.isfinite(x) or x < 0:
            raise ComputeError(f"{kind}: giá trị '{name}' phải là số không âm, không phải {x!r}.",
                               f"{kind}: '{name}' must be a number ≥ 0, not {x!r}.")
    if actual.unit == "percent" and actual.value > 100:
        raise ComputeError(f"{kind}: tỷ lệ {actual.value} vượt 100 %.",
                           f"{kind}: the share {actual.value} is above 100 %.")
    gap = max(goal.value - actual.value, 0.0)
    exact = base.value * gap / scale
    # 1.288.463 × 9,4 / 100 is 121115.52200000001 in floating point: round away the noise first
    amount = math.ceil(round(exact, 6))
    return Shortfall(kind, amount, exact, unit, gap, scale, base, actual, goal)


def smartphones_missing(population: Cited, per_100: Cited, goal: Goal) -> Shortfall:
    """Smartphone subscriptions to add: population × gap per 100 inhabitants / 100."""
    return shortfall("smartphones", "smartphones", population, per_100, goal)


def budget_missing(budget: Cited, it_share: Cited, goal: Goal) -> Shortfall:
    """Đồng of IT spending missing to reach a share of the budget (1 %, 2 %)."""
    return shortfall("it_budget", "vnd", budget, it_share, goal)


def households_without_fibre(households: Cited, fibre_share: Cited, goal: Goal) -> Shortfall:
    """Households still to connect by fibre to reach the goal share."""
    return shortfall("fibre_households", "households", households, fibre_share, goal)


def stations_to_share(stations: Cited, sharing_share: Cited, goal: Goal) -> Shortfall:
    """Base-station sites still to share to reach the goal share (9 % → 20 %)."""
    return shortfall("shared_stations", "stations", stations, sharing_share, goal)


def people_without_coverage(population: Cited, coverage: Cited, goal: Goal) -> Shortfall:
    """People still outside (4G) coverage: population × gap share."""
    return shortfall("coverage", "persons", population, coverage, goal)


def enterprises_missing(population: Cited, per_1000: Cited, goal: Goal) -> Shortfall:
    """Digital-technology enterprises to add: population / 1,000 × gap per 1,000 inhabitants."""
    return shortfall("digital_enterprises", "enterprises", population, per_1000, goal, 1000.0)
