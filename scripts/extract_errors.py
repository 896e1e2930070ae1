"""List extraction errors on one part of the corpus, by category.

Run: .venv/bin/python scripts/extract_errors.py [dev|heldout] [--list]

Each false positive is set against the gold row of its document it is nearest to (same value
first) and filed under what differs: wrong indicator, wrong province, wrong kind, wrong year
(target year), wrong value, or no gold figure at all (spurious). A missed gold row is "wrong
something" when a false positive sits on its value, otherwise "missed form". Develop on `dev`;
on `heldout` print the counts only (--list is refused), so its errors are not tuned to.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "tests" / "extract"))

from corpus import GOLD, part, predict

from chiso.extract.evaluate import _close, score

FIELDS = (("indicator", "wrong indicator"), ("unit", "wrong province"), ("kind", "wrong kind"),
          ("target_year", "wrong year"))


def category(p: dict, gold: list[dict]) -> tuple[str, dict | None]:
    """What is wrong with the false positive `p`, and the gold row it is nearest to."""
    same_value = [g for g in gold if _close(float(g["value"]), float(p["value"]))]
    for g in same_value:
        diffs = [name for f, name in FIELDS if g.get(f) != p.get(f)]
        if len(diffs) == 1:
            return diffs[0], g
    if same_value:
        g = same_value[0]
        return "+".join(name for f, name in FIELDS if g.get(f) != p.get(f)) or "duplicate", g
    for g in gold:
        if all(g.get(f) == p.get(f) for f in ("indicator", "unit", "kind", "target_year")):
            return "wrong value", g
    return "spurious (no gold figure)", None


def _fields(row: dict) -> str:
    return "|".join(str(row.get(f)) for f in ("unit", "indicator", "kind", "value", "target_year"))


def main() -> None:
    name = sys.argv[1] if len(sys.argv) > 1 else "dev"
    listing = "--list" in sys.argv
    if listing and name != "dev":
        raise SystemExit("held-out errors are counted, not listed: develop on dev only")
    docs = part(name)
    counts: Counter[str] = Counter()
    lines = []
    missed_explained = set()
    for d in docs:
        gold = [g for g in GOLD if g["doc"] == d["doc"]]
        s = score(predict(d), gold)
        for p in s.false_positives:
            cat, g = category(p, gold)
            counts["FP " + cat] += 1
            if g is not None:
                missed_explained.add(id(g))
            lines.append(f"FP {cat:28} {d['doc']:40} {_fields(p)}  gold: "
                         + (_fields(g) if g else "-") + f"\n     «{p['quote'][:160]}»")
        for g in s.missed:
            if id(g) in missed_explained:
                continue
            counts["MISS form"] += 1
            lines.append(f"MISS {'':26} {d['doc']:40} {_fields(g)}\n     «{g['quote']}»")
    if listing:
        print("\n".join(sorted(lines)))
    for k, v in counts.most_common():
        print(f"{v:4} {k}")


if __name__ == "__main__":
    main()
