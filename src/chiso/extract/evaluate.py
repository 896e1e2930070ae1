"""Score extracted candidates against hand-checked ("gold") rows: precision and recall.

A candidate matches a gold row with the same (doc, unit, indicator, kind, target_year) and a
value within 0.5 % (relative). Required gold rows count for recall; optional ones are neither
required nor false positives when extracted. A unit that went on under another name, alone and
whole (the registry's lineage: Thừa Thiên Huế, since 1 July 2025 the city of Huế), is one unit
under either name: a 2021 rank of "thành phố Huế" is the same fact read as Huế's or as Thừa
Thiên Huế's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

REL_TOL = 0.005


@lru_cache(maxsize=1)
def _renamed() -> dict[str, str]:
    """Old name -> new name of the units that went on alone and whole under another name."""
    from chiso.units.registry import Registry

    reg = Registry.load()
    out = {}
    for e in reg.lineage_events():
        old, new = reg.get(e.from_id), reg.get(e.to_id)
        if e.kind == "continue" and old.name != new.name and len(reg.predecessors(new.id)) == 1:
            out[old.name] = new.name
    return out


def _key(row: dict[str, Any]) -> tuple:
    unit = row["unit"]
    return (row["doc"], _renamed().get(unit, unit), row["indicator"], row["kind"],
            row.get("target_year"))


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b)) or a == b


@dataclass
class Score:
    true_positives: int = 0
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)
    optional_hits: int = 0
    required: int = 0

    @property
    def precision(self) -> float:
        n = self.true_positives + len(self.false_positives)
        return self.true_positives / n if n else 1.0

    @property
    def recall(self) -> float:
        return (self.required - len(self.missed)) / self.required if self.required else 1.0


def score(predicted: Iterable[dict[str, Any]], gold: Iterable[dict[str, Any]]) -> Score:
    """Match predictions to gold one to one and count."""
    gold = list(gold)
    used = [False] * len(gold)
    result = Score(required=sum(1 for g in gold if g.get("required", True)))
    for p in predicted:
        if p.get("indicator") is None:
            continue
        hit = None
        for j, g in enumerate(gold):
            if not used[j] and _key(g) == _key(p) and _close(float(g["value"]), float(p["value"])):
                hit = j
                break
        if hit is None:
            result.false_positives.append(p)
            continue
        used[hit] = True
        if gold[hit].get("required", True):
            result.true_positives += 1
        else:
            result.optional_hits += 1
    result.missed = [g for j, g in enumerate(gold) if not used[j] and g.get("required", True)]
    return result
