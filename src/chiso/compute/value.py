"""Project appraisal: present values, NPV, benefit-cost ratio, payback year, IRR, flags and
switching values, vectorised over projects × cash-flow lines × years (method: docs/value.md)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from chiso.errors import ComputeError

KINDS = ("cost", "benefit")
COST_CATEGORIES = ("capital", "operating", "staff", "warranty")
BENEFIT_CATEGORIES = ("cash_saving", "noncash_saving", "social", "revenue")
RECURRENT_COSTS = ("operating", "staff", "warranty")
# A real social discount rate for a fast-growing economy: the EU guide's rate for cohesion
# countries (docs/value.md says why not the Green Book's 3.5 %, which is one --rate away).
DEFAULT_RATE = 0.05
BAR = 2.0  # "Một đồng bỏ ra thì phải thu về 2-3 đồng" (Sóc Trăng report, 2021)
FLAGS = ("below_bar", "no_benefit", "no_cost", "cost_grows_without_benefit")


@dataclass(frozen=True)
class FlowRow:
    """One amount of one cost or benefit line in one year (year 0 first), in đồng."""

    project: str
    year: int
    kind: str
    category: str
    amount: float
    low: float | None = None
    high: float | None = None
    item: str = ""


@dataclass(frozen=True)
class Flows:
    """The cash-flow lines of many projects. A line is one cost or benefit item over the years;
    lines are sorted by project, and every project has at least one line."""

    projects: tuple[str, ...]
    project: np.ndarray   # (lines,) index into `projects`, ascending
    benefit: np.ndarray   # (lines,) True for a benefit line, False for a cost line
    category: tuple[str, ...]
    item: tuple[str, ...]
    central: np.ndarray   # (lines, years)
    low: np.ndarray       # (lines, years)
    high: np.ndarray      # (lines, years)
    starts: np.ndarray = field(init=False, repr=False)  # first line of each project

    def __post_init__(self) -> None:
        n_lines = len(self.category)
        if not (self.central.shape == self.low.shape == self.high.shape
                and self.central.ndim == 2 and self.central.shape[0] == n_lines
                == len(self.item) == self.project.size == self.benefit.size):
            raise ComputeError("Dòng tiền có kích thước không khớp.",
                               "Cash-flow arrays do not match.")
        counts = np.bincount(self.project, minlength=len(self.projects))
        if np.any(np.diff(self.project) < 0) or counts.size != len(self.projects):
            raise ComputeError("Dòng tiền phải xếp theo thứ tự dự án.",
                               "Lines must be sorted by their project's index.")
        if np.any(counts == 0):
            missing = [p for p, c in zip(self.projects, counts) if c == 0]
            raise ComputeError(f"Dự án không có dòng tiền nào: {', '.join(missing)}.",
                               f"Projects with no cash flow: {', '.join(missing)}.")
        stacked = np.stack([self.low, self.central, self.high])
        if not np.all(np.isfinite(stacked)):
            raise ComputeError("Dòng tiền có giá trị không hữu hạn.", "A cash flow is not finite.")
        if np.any(self.low > self.central) or np.any(self.central > self.high):
            raise ComputeError("Cần thấp ≤ trung tâm ≤ cao cho mọi dòng tiền.",
                               "Every cash flow needs low ≤ central ≤ high.")
        if np.any(self.low[~self.benefit] < 0):
            raise ComputeError("Chi phí không được âm (khoản tiết kiệm là một lợi ích).",
                               "A cost cannot be negative (a saving is a benefit).")
        object.__setattr__(self, "starts", np.concatenate([[0], np.cumsum(counts)[:-1]]))

    @property
    def years(self) -> int:
        return int(self.central.shape[1])

    @classmethod
    def from_rows(cls, rows: Iterable[FlowRow], projects: Sequence[str] = ()) -> Flows:
        """Lines from rows; projects in `projects` order, then in order of first appearance.
        Rows of the same line (project, kind, category, item) in the same year are refused."""
        order = {p: i for i, p in enumerate(projects)}
        lines: dict[tuple[str, str, str, str], dict[int, tuple[float, float, float]]] = {}
        horizon = 1
        for r in rows:
            order.setdefault(r.project, len(order))
            years = lines.setdefault((r.project, r.kind, r.category, r.item), {})
            if r.year in years:
                raise ComputeError(
                    f"Dự án {r.project}: {r.kind}/{r.category} {r.item!r} năm {r.year} "
                    "ghi hai lần.",
                    f"Project {r.project}: {r.kind}/{r.category} {r.item!r} year {r.year} twice.")
            if r.kind not in KINDS or r.category not in (
                    COST_CATEGORIES if r.kind == "cost" else BENEFIT_CATEGORIES):
                raise ComputeError(f"Loại/hạng mục không hợp lệ: {r.kind}/{r.category}.",
                                   f"Unknown kind/category: {r.kind}/{r.category}.")
            if r.year < 0:
                raise ComputeError("Năm phải từ 0 trở lên.", "Years start at 0.")
            low = r.amount if r.low is None else r.low
            high = r.amount if r.high is None else r.high
            years[r.year] = (low, r.amount, high)
            horizon = max(horizon, r.year + 1)
        keys = sorted(lines, key=lambda k: (order[k[0]], KINDS.index(k[1]), k[2], k[3]))
        values = np.zeros((3, len(keys), horizon))
        for i, key in enumerate(keys):
            for year, triple in lines[key].items():
                values[:, i, year] = triple
        names = tuple(sorted(order, key=order.__getitem__))
        return cls(names, np.array([order[k[0]] for k in keys], dtype=np.intp),
                   np.array([k[1] == "benefit" for k in keys], dtype=bool),
                   tuple(k[2] for k in keys), tuple(k[3] for k in keys),
                   values[1], values[0], values[2])

    def take(self, indices: Sequence[int] | np.ndarray) -> Flows:
        """The flows of the projects at `indices`, in that order (a subset or a permutation)."""
        idx = np.asarray(indices, dtype=np.intp)
        counts = np.bincount(self.project, minlength=len(self.projects))[idx]
        offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        lines = np.repeat(self.starts[idx], counts) + offsets
        return Flows(tuple(self.projects[i] for i in idx), np.repeat(np.arange(idx.size), counts),
                     self.benefit[lines], tuple(self.category[i] for i in lines),
                     tuple(self.item[i] for i in lines), self.central[lines], self.low[lines],
                     self.high[lines])

    def by_project(self, values: np.ndarray) -> np.ndarray:
        """Sum line values (lines, ...) over each project's lines: (projects, ...)."""
        return np.add.reduceat(values, self.starts, axis=0)

    def signed(self, values: np.ndarray) -> np.ndarray:
        """Line values with costs negated: benefits minus costs when summed."""
        sign = np.where(self.benefit, 1.0, -1.0)
        return values * sign.reshape((-1,) + (1,) * (values.ndim - 1))


def rates_for(flows: Flows, rate: float | np.ndarray) -> np.ndarray:
    """One discount rate per project from a scalar or a (projects,) array; each > -1."""
    r = np.broadcast_to(np.asarray(rate, dtype=float), (len(flows.projects),)).copy()
    if not np.all(np.isfinite(r)) or np.any(r <= -1):
        raise ComputeError("Tỷ lệ chiết khấu phải lớn hơn -100 %.",
                           "A discount rate must be above -100 %.")
    return r


def discount_factors(rate: np.ndarray, years: int) -> np.ndarray:
    """(projects, years): 1 / (1 + r)^t, year 0 undiscounted."""
    return np.asarray(np.power(1.0 + rate[:, None], -np.arange(years, dtype=float)[None, :]))


@dataclass(frozen=True)
class Appraisal:
    """The appraisal of each project; NaN where a measure does not exist (see `rows`)."""

    projects: tuple[str, ...]
    rate: np.ndarray
    bar: float
    pv_benefits: np.ndarray
    pv_costs: np.ndarray
    npv: np.ndarray
    bcr: np.ndarray           # NaN where there is no cost
    payback_year: np.ndarray  # NaN where the discounted cumulative flow never stays ≥ 0
    irr: np.ndarray           # NaN where no rate or several rates make NPV = 0
    irr_roots: list[list[float]]  # every rate making NPV = 0 (several: IRR is not unique)
    line_pv: np.ndarray       # (lines,) present value of each line, central
    net: np.ndarray           # (projects, years) benefits minus costs, central
    flags: dict[str, np.ndarray]

    @property
    def meets_bar(self) -> np.ndarray:
        """True where PV(benefits) ≥ bar · PV(costs) > 0: B/C ≥ bar, decided without the
        rounding of a division (False where B/C does not exist)."""
        return reaches_bar(self.pv_benefits, self.pv_costs, self.bar)

    def rows(self) -> list[dict[str, Any]]:
        out = []
        for i, p in enumerate(self.projects):
            finite = bool(np.isfinite(self.bcr[i]))
            out.append({
                "project": p, "rate": float(self.rate[i]), "npv": float(self.npv[i]),
                "pv_benefits": float(self.pv_benefits[i]), "pv_costs": float(self.pv_costs[i]),
                "bcr": _num(self.bcr[i]), "payback_year": _int(self.payback_year[i]),
                "irr": _num(self.irr[i]), "meets_bar": bool(self.meets_bar[i]) if finite else None,
                "flags": [f for f in FLAGS if self.flags[f][i]],
                **({"irr_rates": self.irr_roots[i]} if len(self.irr_roots[i]) > 1 else {}),
            })
        return out


def reaches_bar(pv_b: np.ndarray, pv_c: np.ndarray, bar: float) -> np.ndarray:
    """PV(benefits) ≥ bar · PV(costs) > 0, without the rounding of a division."""
    return (pv_c > 0) & (pv_b >= bar * pv_c)


def _num(v: float) -> float | None:
    return float(v) if np.isfinite(v) else None


def _int(v: float) -> int | None:
    return int(v) if np.isfinite(v) else None


def appraise(flows: Flows, rate: float | np.ndarray = DEFAULT_RATE, bar: float = BAR) -> Appraisal:
    """NPV, PV of benefits and costs, B/C, payback year, IRR and flags of every project."""
    from chiso.compute.value_irr import irr

    r = rates_for(flows, rate)
    d = discount_factors(r, flows.years)
    line_pv = np.einsum("ly,ly->l", flows.central, d[flows.project])
    pv_b = flows.by_project(np.where(flows.benefit, line_pv, 0.0))
    pv_c = flows.by_project(np.where(flows.benefit, 0.0, line_pv))
    net = flows.by_project(flows.signed(flows.central))
    with np.errstate(divide="ignore", invalid="ignore"):
        bcr = np.where(pv_c > 0, pv_b / pv_c, np.nan)
    rates, roots = irr(net)
    return Appraisal(flows.projects, r, bar, pv_b, pv_c, pv_b - pv_c, bcr,
                     payback_year(net, d, pv_c > 0), rates, roots, line_pv, net,
                     _flags(flows, pv_b, pv_c, bar))


def payback_year(net: np.ndarray, d: np.ndarray, has_cost: np.ndarray) -> np.ndarray:
    """The first year from which the discounted cumulative net flow stays ≥ 0 to the end of
    the horizon (NaN if it ends below 0, or if there is no cost to pay back)."""
    cum = np.cumsum(net * d, axis=1)
    scale = np.cumsum(np.abs(net) * d, axis=1)
    ok = cum >= -1e-12 * scale  # break-even within rounding counts as paid back
    stays = np.logical_and.accumulate(ok[:, ::-1], axis=1)[:, ::-1]
    first = np.argmax(stays, axis=1).astype(float)
    return np.where(stays[:, -1] & has_cost, first, np.nan)


def _flags(flows: Flows, pv_b: np.ndarray, pv_c: np.ndarray, bar: float) -> dict[str, np.ndarray]:
    benefit_any = flows.by_project(np.where(flows.benefit[:, None], flows.central != 0, False))
    recurrent = np.isin(np.array(flows.category), RECURRENT_COSTS) & ~flows.benefit
    rec_cost = flows.by_project(np.where(recurrent[:, None], flows.central, 0.0))
    # staff and running costs rise in a year for which no benefit is recorded: "người lại tăng,
    # chi phí lại tăng trong khi không nhìn thấy giá trị tăng thêm"
    grows = np.zeros_like(rec_cost, dtype=bool)
    grows[:, 1:] = (rec_cost[:, 1:] > rec_cost[:, :-1]) & ~benefit_any[:, 1:]
    return {
        "below_bar": (pv_c > 0) & ~reaches_bar(pv_b, pv_c, bar),
        "no_benefit": (pv_c > 0) & ~benefit_any.any(axis=1),
        "no_cost": ~(pv_c > 0),
        "cost_grows_without_benefit": grows.any(axis=1),
    }


@dataclass(frozen=True)
class Switching:
    """Switching values as fractions of the line's (or group's) present value: -0.35 means it may
    fall by 35 % before the target is reached; NaN where no change of that value can reach it."""

    to_npv_zero: np.ndarray       # (lines,)
    to_bar: np.ndarray            # (lines,)
    benefits_to_npv_zero: np.ndarray  # (projects,) all benefits together
    benefits_to_bar: np.ndarray
    costs_to_npv_zero: np.ndarray     # (projects,) all costs together
    costs_to_bar: np.ndarray


def switching_values(flows: Flows, a: Appraisal) -> Switching:
    """How far each line's value (every year scaled alike) may move before NPV = 0 or B/C = bar.

    A line's PV moving by the fraction s changes NPV by ±s·PV (+ benefit, − cost) and
    PV(benefits) − bar·PV(costs) by s·PV (benefit) or −bar·s·PV (cost); s solves for 0.
    """
    gap = a.pv_benefits - a.bar * a.pv_costs
    npv_l, gap_l = a.npv[flows.project], gap[flows.project]
    effect_npv = np.where(flows.benefit, 1.0, -1.0) * a.line_pv
    effect_bar = np.where(flows.benefit, 1.0, -a.bar) * a.line_pv
    return Switching(_solve(npv_l, effect_npv), _solve(gap_l, effect_bar),
                     _solve(a.npv, a.pv_benefits), _solve(gap, a.pv_benefits),
                     _solve(a.npv, -a.pv_costs), _solve(gap, -a.bar * a.pv_costs))


def _solve(value: np.ndarray, effect: np.ndarray) -> np.ndarray:
    """s with value + s·effect = 0."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(effect != 0, -value / effect, np.nan)
