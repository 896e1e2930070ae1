"""A province's portfolio: IT spending against the budget bars, cybersecurity's share, portfolio
NPV and B/C, projects ranked by value per đồng, benefits realised against plan, and unit costs
against the platform catalogue's reference prices. Arrays in, arrays out (NaN = not known)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from chiso.compute.rank import rank_desc
from chiso.compute.value import BAR, Appraisal, reaches_bar

# "Bộ đang chỉ đạo chi 1%, đề xuất đẩy lên 2%" (Bến Tre, 2020): IT spending / total budget
IT_SHARE_BARS = (0.01, 0.02)
# "dành ít nhất 10% ngân sách CNTT cho ATTT" (Bến Tre, 2020): cybersecurity / IT spending
CYBER_SHARE_BAR = 0.10


@dataclass(frozen=True)
class Shares:
    """A share (spending / what it is a share of) and its gap to each bar; NaN where either
    amount is missing or the denominator is not positive."""

    share: np.ndarray
    bars: tuple[float, ...]
    gaps: np.ndarray  # (len(bars), *share.shape): share - bar

    def meets(self, bar: float) -> np.ndarray:
        """True where the share is known and at least `bar`."""
        return np.asarray(np.isfinite(self.share) & (self.share >= bar))


def shares(part: np.ndarray, whole: np.ndarray, bars: Sequence[float]) -> Shares:
    """part / whole against each bar, elementwise (units × years, or any shape)."""
    p, w = np.asarray(part, dtype=float), np.asarray(whole, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(w > 0, p / w, np.nan)
    share = np.where(np.isfinite(p) & np.isfinite(w), share, np.nan)
    return Shares(share, tuple(bars), share[None] - np.asarray(bars, dtype=float).reshape(
        (-1,) + (1,) * share.ndim))


def it_spending(it_spend: np.ndarray, budget: np.ndarray) -> Shares:
    """IT spending as a share of the total budget, against 1 % and 2 %."""
    return shares(it_spend, budget, IT_SHARE_BARS)


def cyber_spending(cyber_spend: np.ndarray, it_spend: np.ndarray) -> Shares:
    """Cybersecurity spending as a share of IT spending, against 10 %."""
    return shares(cyber_spend, it_spend, (CYBER_SHARE_BAR,))


@dataclass(frozen=True)
class Portfolio:
    """Each group's (a province's) projects summed: the portfolio's own NPV and B/C."""

    groups: tuple[str, ...]
    projects: np.ndarray
    pv_benefits: np.ndarray
    pv_costs: np.ndarray
    npv: np.ndarray
    bcr: np.ndarray        # Σ PV(benefits) / Σ PV(costs), NaN without costs
    meets_bar: np.ndarray
    below_bar: np.ndarray  # how many of its projects do not reach the bar


def portfolio(a: Appraisal, group_of: Sequence[str]) -> Portfolio:
    """Sum the projects of each group (e.g. the province each project belongs to)."""
    return portfolio_of(a.pv_benefits, a.pv_costs, a.flags["below_bar"], group_of, a.bar)


def portfolio_of(pv_benefits: np.ndarray, pv_costs: np.ndarray, below_bar: np.ndarray,
                 group_of: Sequence[str], bar: float = BAR) -> Portfolio:
    """`portfolio` from each project's present values and whether it is below the bar (as a
    stored appraisal keeps them), without appraising again."""
    names, inverse = np.unique(np.asarray(group_of, dtype=str), return_inverse=True)
    n = names.size

    def total(v: np.ndarray) -> np.ndarray:
        return np.bincount(inverse, weights=np.asarray(v, dtype=float), minlength=n)

    pv_b, pv_c = total(pv_benefits), total(pv_costs)
    with np.errstate(divide="ignore", invalid="ignore"):
        bcr = np.where(pv_c > 0, pv_b / pv_c, np.nan)
    below = total(np.asarray(below_bar, dtype=float)).astype(int)
    return Portfolio(tuple(str(g) for g in names), np.bincount(inverse, minlength=n), pv_b, pv_c,
                     pv_b - pv_c, bcr, reaches_bar(pv_b, pv_c, bar), below)


def rank_by_value(a: Appraisal) -> np.ndarray:
    """Rank of each project by value per đồng spent (B/C), 1 = most; ties share the lower
    rank; NaN where B/C does not exist."""
    return rank_by_bcr(a.bcr)


def rank_by_bcr(bcr: np.ndarray) -> np.ndarray:
    """`rank_by_value` from the ratios alone (NaN: not ranked)."""
    return rank_desc(np.asarray(bcr, dtype=float))


def spending_by_year(year: np.ndarray, amount: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """IT spending derived from the register: the projects' costs summed by calendar year
    (each amount its central estimate); the years that have a cost, ascending, and their
    totals."""
    y, a = np.asarray(year, dtype=int), np.asarray(amount, dtype=float)
    years, inverse = np.unique(y, return_inverse=True)
    return years, np.bincount(inverse, weights=a, minlength=years.size)


def below_bar(a: Appraisal) -> np.ndarray:
    """Indices of the projects whose B/C is under the bar, worst first."""
    idx = np.flatnonzero(a.flags["below_bar"])
    return idx[np.argsort(a.bcr[idx], kind="stable")]


@dataclass(frozen=True)
class Realised:
    """Benefits realised against plan, (projects, years); NaN where no actual was entered."""

    ratio: np.ndarray      # actual / plan in each year (NaN where the plan is 0)
    to_date: np.ndarray    # (projects,) Σ actual / Σ plan over the years with an actual
    shortfall: np.ndarray  # (projects,) Σ plan - Σ actual over those years (đồng)


def benefits_realised(plan: np.ndarray, actual: np.ndarray) -> Realised:
    """Actual benefits entered by year against the planned (central) benefits."""
    plan, actual = np.asarray(plan, dtype=float), np.asarray(actual, dtype=float)
    entered = np.isfinite(actual)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(entered & (plan != 0), actual / plan, np.nan)
        planned = np.where(entered, plan, 0.0).sum(axis=1)
        got = np.where(entered, actual, 0.0).sum(axis=1)
        to_date = np.where(entered.any(axis=1) & (planned != 0), got / planned, np.nan)
    shortfall = np.where(entered.any(axis=1), planned - got, np.nan)
    return Realised(ratio, to_date, shortfall)


@dataclass(frozen=True)
class PriceCheck:
    """A unit cost against a reference price range: -1 below, 0 within, 1 above; NaN-safe."""

    position: np.ndarray  # float: NaN where there is no reference or no cost
    excess: np.ndarray    # unit cost / top of the range - 1 where above, else 0 (NaN unknown)

    @property
    def flagged(self) -> np.ndarray:
        return np.asarray(self.position == 1)


def price_check(unit_cost: np.ndarray, ref_low: np.ndarray, ref_high: np.ndarray) -> PriceCheck:
    """Compare unit costs with the catalogue's reference range (same unit of measure)."""
    c, lo, hi = (np.asarray(v, dtype=float) for v in (unit_cost, ref_low, ref_high))
    known = np.isfinite(c) & np.isfinite(lo) & np.isfinite(hi) & (hi > 0)
    position = np.where(c > hi, 1.0, np.where(c < lo, -1.0, 0.0))
    with np.errstate(divide="ignore", invalid="ignore"):
        excess = np.where(c > hi, c / hi - 1.0, 0.0)
    return PriceCheck(np.where(known, position, np.nan), np.where(known, excess, np.nan))
