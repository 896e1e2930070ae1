"""Simulated self-assessments of Hà Nội's communes on the commune rubric, labelled as such.

No commune's figures are public, so every value here is simulated: each component's value is
drawn within what its rule accepts (a declared answer of a yes/no component, a share up to
its target and a little past it, a count up to where its points cap, an appraiser's points up
to the full points), driven by a commune's latent level, a component difficulty and noise, from
one fixed seed. The source says "simulated" and every page that shows a value labels it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from chiso.framework import Framework
from chiso.framework.schema import Appraiser, Count, Proportional, Tiers, YesNo

SEED = 2025
SOURCE = {
    "kind": "simulated",
    "title": "Tự đánh giá cấp xã mô phỏng (không phải số liệu thật) / Simulated commune "
             "self-assessments (not real figures)",
    "uri": "chiso-demo:simulated-communes",
    "simulated": True,
    "publisher": "chiso (bản trình diễn / demo)",
    "note": "Chưa có số liệu công khai nào về chuyển đổi số cấp xã; các giá trị được sinh từ hạt "
            "giống cố định trong phạm vi quy tắc chấm của từng chỉ số thành phần. / No commune "
            "figures are public; values are drawn from a fixed seed within each component's "
            "scoring rule.",
}


def simulate_communes(fw: Framework, unit_ids: Sequence[str], period: str,
                      seed: int = SEED) -> list[dict[str, Any]]:
    """One value per commune and component (vectorised over communes × components)."""
    comps = fw.scored_indicators()
    rng = np.random.default_rng(seed)
    n_u, n_c = len(unit_ids), len(comps)
    level = rng.beta(4.0, 2.5, n_u)[:, None]                  # how far along each commune is
    difficulty = rng.normal(0.0, 0.15, n_c)[None, :]
    share = np.clip(level - difficulty + rng.normal(0.0, 0.12, (n_u, n_c)), 0.0, 1.0)
    values = np.empty((n_u, n_c))
    for j, node in enumerate(comps):
        s, rule, top = share[:, j], node.rule, float(node.max_points or 0)
        if isinstance(rule, YesNo):
            answers = np.array(sorted([0.0, *(a.value for a in rule.partial), 1.0]))
            values[:, j] = answers[np.minimum((s * len(answers)).astype(int), len(answers) - 1)]
        elif isinstance(rule, Tiers | Proportional):
            high = 100.0 if node.unit == "percent" else (
                rule.target * 1.2 if isinstance(rule, Proportional)
                else max(t.min for t in rule.tiers) * 1.1)
            values[:, j] = np.round(np.minimum(s * high * 1.1, high), 1)
        elif isinstance(rule, Count):
            values[:, j] = np.round(s * 1.3 * top / rule.per_item)
        elif isinstance(rule, Appraiser):
            values[:, j] = np.round(s * top, 1)
        else:
            values[:, j] = np.round(s, 3)
    return [{
        "unit_id": unit_ids[u], "indicator": comps[j].code, "period": period, "kind": "actual",
        "value": float(values[u, j]), "value_high": None, "qualifier": "eq", "target_year": None,
        "provenance": {"simulated": True, "seed": seed, "framework": fw.id},
    } for u in range(n_u) for j in range(n_c)]
