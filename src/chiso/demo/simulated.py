"""Simulated chiso-core figures for every province, labelled as such wherever they are shown.

Each scored indicator is spread over the plausible range of `data/simulation.yaml` (where the
range comes from is written beside it), driven by a province's latent level (its published DTI
2024), an indicator difficulty, noise and a yearly gain; every value is then rounded to the
indicator's decimals and checked against its value rule, so a share of the budget is a few per
cent and smartphones per 100 inhabitants a ratio, never a percentage above 100 passed off.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np
import yaml

from chiso.errors import ComputeError
from chiso.framework import Framework
from chiso.values import check_value, rule_for

SOURCE = {
    "kind": "simulated",
    "title": "Dữ liệu mô phỏng (không phải số liệu thật) / Simulated data (not real figures)",
    "uri": "chiso-demo:simulated",
    "simulated": True,
    "publisher": "chiso (bản trình diễn / demo)",
    "note": "Sinh ngẫu nhiên có hạt giống cố định, trong khoảng hợp lý ghi ở demo/data/"
    "simulation.yaml, để minh họa khi chưa có số liệu thật cho mọi tỉnh. / Generated from a "
    "fixed seed within the plausible ranges of demo/data/simulation.yaml, to illustrate pages "
    "where real figures do not cover every province.",
}
TABLE = resources.files("chiso.demo") / "data" / "simulation.yaml"


@dataclass(frozen=True)
class Spread:
    """Where an indicator's simulated values lie and how they are written."""

    low: float
    high: float
    decimals: int
    growth: float
    why: str


def spreads() -> tuple[int, dict[str, Spread]]:
    data = yaml.safe_load(TABLE.read_text("utf-8"))
    return int(data["seed"]), {code: Spread(float(v["low"]), float(v["high"]), int(v["decimals"]),
                                            float(v["growth"]), str(v["why"]))
                               for code, v in data["indicators"].items()}


def simulate(fw: Framework, unit_ids: Sequence[str], periods: Sequence[int],
             level: Mapping[str, float], seed: int | None = None) -> list[dict[str, Any]]:
    """Figures for every scored indicator, unit and period (vectorised over units × indicators ×
    periods). A scored indicator without a plausible range in the table is an error: nothing is
    simulated without saying how."""
    table_seed, table = spreads()
    inds = fw.scored_indicators()
    missing = [n.code for n in inds if n.code not in table]
    if missing:
        raise ComputeError(
            f"Chưa có khoảng mô phỏng cho: {', '.join(missing)} (demo/data/simulation.yaml).",
            f"No simulation range for: {', '.join(missing)} (demo/data/simulation.yaml).")
    rng = np.random.default_rng(table_seed if seed is None else seed)
    n_u, n_i, n_p = len(unit_ids), len(inds), len(periods)
    lat = np.array([level.get(u, 0.5) for u in unit_ids])[:, None, None]
    # rank the levels so the spread uses the whole range whatever the published scale
    order = np.argsort(np.argsort(lat[:, 0, 0])) / max(n_u - 1, 1)
    difficulty = rng.normal(0.0, 0.6, n_i)[None, :, None]
    noise = rng.normal(0.0, 0.5, (n_u, n_i, n_p))
    z = 3.0 * (order[:, None, None] - 0.5) - difficulty + noise
    share = 1.0 / (1.0 + np.exp(-z))
    low = np.array([table[n.code].low for n in inds])[None, :, None]
    high = np.array([table[n.code].high for n in inds])[None, :, None]
    gain = np.array([table[n.code].growth for n in inds])[None, :, None]
    years = np.arange(n_p)[None, None, :]
    lower_better = np.array([n.direction == "lower_better" for n in inds])[None, :, None]
    share = 1.0 - (1.0 - share) * (1.0 - gain) ** years  # each year closes part of the gap
    share = np.where(lower_better, 1.0 - share, share)
    values = low + share * (high - low)
    out = []
    rules = [rule_for(n) for n in inds]
    for (u, i, p), v in np.ndenumerate(values):
        x = check_value(round(float(v), table[inds[i].code].decimals), rules[i])
        out.append({
            "unit_id": unit_ids[u], "indicator": inds[i].code, "period": str(periods[p]),
            "kind": "actual", "value": x, "value_high": None, "qualifier": "eq",
            "target_year": None,
            "provenance": {"simulated": True, "seed": table_seed if seed is None else seed,
                           "range": [table[inds[i].code].low, table[inds[i].code].high],
                           "why": table[inds[i].code].why},
        })
    return out
