"""Search by name: without diacritics, by old names with the merger explained."""

from __future__ import annotations

from datetime import date

from chiso.units.registry import Registry
from chiso.units.search import find_units

REG = Registry.load()
DAY = date(2026, 1, 1)


def test_an_old_name_finds_the_province_it_became() -> None:
    for typed in ("Bến Tre", "ben tre", "BEN TRE"):
        hits = [h for h in find_units(REG, typed, today=DAY) if h.unit.level == "province"]
        old = next(h for h in hits if not h.current)
        assert old.unit.name == "Bến Tre"
        assert [u.name for u in old.now] == ["Vĩnh Long"]
        assert {u.name for u in old.merged_with} == {"Trà Vinh", "Vĩnh Long"}


def test_names_without_diacritics_find_current_units_first() -> None:
    hits = find_units(REG, "da nang", today=DAY)
    assert hits[0].unit.id == "vn34-48" and hits[0].current and hits[0].exact
    assert find_units(REG, "x", today=DAY) == []


def test_communes_are_found_too() -> None:
    hits = find_units(REG, "phuong liet", today=DAY, limit=50)
    assert any(h.unit.level == "commune" and "Phương Liệt" in h.unit.name for h in hits)
