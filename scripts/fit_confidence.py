"""Fit the confidence table on the development part of the corpus (issue 15, round 3).

Run: .venv/bin/python scripts/fit_confidence.py

Every matched candidate with an owner (a province or the country) is read uncalibrated and set
against its document's gold one to one, as the score does: right when it matches a gold row
(required or optional), else wrong. Candidates are binned by their step (the hand-set
`confidence.CALIBRATION` value, or the fixed value a rule gives) and by kind group (actual and
benchmark figures; national averages; targets, which are right less often). Each bin's rate
is smoothed, (right + 1) / (n + 2), and made monotone within its group by pooling adjacent
violators (isotonic regression), so a higher step never means less sure. The printed table is
`confidence.FITTED`; the printed scores show the development part at candidate bars.
Only the development part is read: the held-out part is never fitted to.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "tests" / "extract"))

from corpus import GOLD, part, text_of

from chiso.extract import confidence
from chiso.extract.evaluate import score
from chiso.extract.pipeline import extract_text


def observations(docs: list[dict]) -> list[tuple[str, float, bool, dict, str]]:
    """(group, step, right, row, doc) for every owned, matched candidate of `docs`."""
    out = []
    for d in docs:
        cands = extract_text(text_of(d), d["doc"], unit_hint=d.get("unit_hint"), source=d["url"],
                             calibrate=False)
        owned = [c for c in cands if c.matched and c.unit is not None]
        rows = [c.as_row() for c in owned]
        s = score(rows, [g for g in GOLD if g["doc"] == d["doc"]])
        wrong = {id(r) for r in s.false_positives}
        out += [(confidence.group_of(c.kind), c.confidence, id(r) not in wrong, r, d["doc"])
                for c, r in zip(owned, rows)]
    return out


def isotonic(bins: list[tuple[float, int, int]]) -> list[tuple[float, float]]:
    """Pool adjacent violators over (step, n, right), smoothed: [(step, fitted rate)]."""
    blocks = [[step, n, k] for step, n, k in bins]
    pooled: list[list] = []
    for b in blocks:
        pooled.append([[b[0]], b[1], b[2]])
        while len(pooled) > 1 and ((pooled[-2][2] + 1) / (pooled[-2][1] + 2)
                                   > (pooled[-1][2] + 1) / (pooled[-1][1] + 2)):
            last = pooled.pop()
            pooled[-1] = [pooled[-1][0] + last[0], pooled[-1][1] + last[1], pooled[-1][2] + last[2]]
    return [(step, round((k + 1) / (n + 2), 2)) for steps, n, k in pooled for step in steps]


def main() -> None:
    obs = observations(part("dev"))
    table: dict[str, list[tuple[float, float]]] = {}
    for group in ("actual", "national_average", "target"):
        counts: dict[float, list[int]] = defaultdict(lambda: [0, 0])
        for g, step, right, _, _ in obs:
            if g == group and step >= confidence.BAR:
                counts[step][0] += 1
                counts[step][1] += right
        bins = [(step, n, k) for step, (n, k) in sorted(counts.items())]
        for step, n, k in bins:
            print(f"{group:7} step {step:.2f}: {n:4} candidates, {k:4} right ({k / n:.0%})")
        table[group] = isotonic(bins)
    print("FITTED =", {g: tuple(v) for g, v in table.items()})
    docs = {d["doc"] for d in part("dev")}
    gold = [g for g in GOLD if g["doc"] in docs]
    for bar in (0.5, 0.7, 0.85, 0.88, 0.9, 0.92):
        kept = [row for g, step, _, row, _ in obs
                if step >= confidence.BAR and dict(table[g]).get(step, step) >= bar]
        s = score(kept, gold)
        print(f"bar {bar:.2f}: development P {s.precision:.3f} R {s.recall:.3f}")


if __name__ == "__main__":
    main()
