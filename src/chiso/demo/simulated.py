"""Simulated chiso-core figures for every province, labelled as such wherever they are shown."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from chiso.framework import Framework

SOURCE = {
    "kind": "simulated",
    "title": "Dữ liệu mô phỏng (không phải số liệu thật) / Simulated data (not real figures)",
    "uri": "chiso-demo:simulated",
    "simulated": True,
    "note": "Sinh ngẫu nhiên có hạt giống cố định để minh họa khi chưa có số liệu thật cho mọi tỉnh."
    " / Generated from a fixed seed to illustrate pages where real figures do not cover every province.",
}


def simulate(
    fw: Framework,
    unit_ids: Sequence[str],
    periods: Sequence[int],
    level: Mapping[str, float],
    seed: int = 20251,
) -> list[dict[str, Any]]:
    """Figures for every scored indicator, unit and period, driven by a latent level in [0, 1].

    A unit's latent level (e.g. its published DTI) sets where it stands; each indicator gets its
    own difficulty and noise; every unit improves a little each year. Vectorised over
    units × indicators × periods.
    """
    rng = np.random.default_rng(seed)
    inds = fw.scored_indicators()
    n_u, n_i, n_p = len(unit_ids), len(inds), len(periods)
    lat = np.array([level.get(u, 0.5) for u in unit_ids])[:, None, None]
    difficulty = rng.uniform(-1.0, 1.0, n_i)[None, :, None]
    growth = np.arange(n_p)[None, None, :] * rng.uniform(0.1, 0.35, n_i)[None, :, None]
    noise = rng.normal(0.0, 0.35, (n_u, n_i, n_p))
    share = 1.0 / (1.0 + np.exp(-(4.0 * (lat - 0.6) - difficulty + growth + noise)))
    hi = np.array([(n.goalposts.high if n.goalposts else 100.0) for n in inds])[None, :, None]
    lo_better = np.array([n.direction == "lower_better" for n in inds])[None, :, None]
    share = np.where(lo_better, 1.0 - share, share)
    per_unit = np.array([n.unit for n in inds])
    hi = np.where((per_unit == "per_1000")[None, :, None], 3.0, hi)
    hi = np.where((per_unit == "mbps")[None, :, None], 150.0, hi)
    values = np.round(share * hi, 1)
    out = []
    for (u, i, p), v in np.ndenumerate(values):
        out.append({
            "unit_id": unit_ids[u], "indicator": inds[i].code, "period": str(periods[p]),
            "kind": "actual", "value": float(v), "value_high": None, "qualifier": "eq",
            "target_year": None, "provenance": {"simulated": True, "seed": seed},
        })
    return out
