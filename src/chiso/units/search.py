"""Finding units by what people type: any part of a name, with or without diacritics, old names
included ("Ben Tre" finds the former Bến Tre, and says it is now part of Vĩnh Long)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from chiso.units.names import fold, key
from chiso.units.registry import EXTRA_ALIASES, Registry, UnitRecord

LEVELS_SEARCHED = ("province", "commune")


@dataclass(frozen=True)
class UnitHit:
    unit: UnitRecord
    matched: str  # the written form that matched
    exact: bool
    current: bool  # valid today; else `now` says what it became
    now: tuple[UnitRecord, ...] = ()
    merged_with: tuple[UnitRecord, ...] = ()  # the other units it was merged with


def _forms(u: UnitRecord) -> set[str]:
    return {u.name, u.full_name, *u.aliases, *EXTRA_ALIASES.get(u.name, [])}


def find_units(reg: Registry, query: str, limit: int = 20,
               today: date | None = None) -> list[UnitHit]:
    """Units whose name contains what was typed (folded, any order of the words typed), provinces
    before communes, exact names first, units in force before former ones."""
    day = today or date.today()
    words = fold(query).split()
    whole = key(query)
    if not whole or len(whole) < 2:
        return []
    hits: list[tuple[tuple[int, int, int, str], UnitHit]] = []
    for u in reg.all_units():
        if u.level not in LEVELS_SEARCHED:
            continue
        best: tuple[bool, str] | None = None
        for form in _forms(u):
            folded = fold(form)
            if key(form) == whole:
                best = (True, form)
                break
            if best is None and all(w in folded for w in words):
                best = (False, form)
        if best is None:
            continue
        current = u.valid_on(day)
        now = () if current else tuple(reg.successors(u.id))
        merged = tuple(p for s in now for p in reg.predecessors(s.id) if p.id != u.id)
        rank = (LEVELS_SEARCHED.index(u.level), 0 if best[0] else 1, 0 if current else 1, u.name)
        hits.append((rank, UnitHit(u, best[1], best[0], current, now, merged)))
    hits.sort(key=lambda h: h[0])
    return [h for _r, h in hits[:limit]]
