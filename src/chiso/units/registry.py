"""The administrative units chiso ships, their lineage, and finding a unit by what people write.

Built once by scripts/build_units.py from `vietnam-provinces` and `vietnamadminunits`, shipped in
`data/` so chiso works offline. Identifiers: "VN"; "vn63-XX" for the 63 provinces valid until
30/6/2025; "vn34-XX" for the 34 valid from 1/7/2025; "vn34c-XXXXX" for the communes after the
reform (XX, XXXXX: the statistics office codes).
"""

from __future__ import annotations

import csv
import difflib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from chiso.errors import UnitError
from chiso.units.names import key
from chiso.vocab import LEVELS

DATA = resources.files("chiso.units") / "data"

# Ways of writing a province that neither package knows, by the name they stand for.
EXTRA_ALIASES = {
    "Hồ Chí Minh": ["TPHCM", "TP.HCM", "HCMC", "Sài Gòn", "Ho Chi Minh City", "Saigon"],
    "Hà Nội": ["Hanoi", "Ha Noi"],
    "Bà Rịa - Vũng Tàu": ["BR-VT", "BRVT"],
    "Thừa Thiên Huế": ["Thừa Thiên - Huế", "TT-Huế", "TT Huế"],
    "Đắk Lắk": ["Daklak", "Đăk Lăk", "Dak Lak"],
    "Đắk Nông": ["Daknong", "Đăk Nông"],
    "Kon Tum": ["Kontum"],
    "Đà Nẵng": ["Danang"],
    "Hải Phòng": ["Haiphong"],
    "Cần Thơ": ["Cantho"],
}


@dataclass(frozen=True)
class UnitRecord:
    id: str
    code: str
    name: str
    full_name: str
    type: str
    level: str
    parent: str | None
    valid_from: date | None
    valid_to: date | None
    aliases: tuple[str, ...] = ()

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


@dataclass(frozen=True)
class LineageRecord:
    from_id: str
    to_id: str
    effective: date
    kind: str  # merge | continue


def _date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


class Registry:
    """Every unit and lineage event, indexed by id, code and name key."""

    def __init__(self, units: Iterable[UnitRecord], events: Iterable[LineageRecord]) -> None:
        self._units = sorted(units, key=lambda u: (LEVELS.index(u.level), u.id))
        self._by_id = {u.id: u for u in self._units}
        self._events = list(events)
        self._by_key: dict[tuple[str, str], list[UnitRecord]] = defaultdict(list)
        self._by_code: dict[tuple[str, str], list[UnitRecord]] = defaultdict(list)
        for u in self._units:
            self._by_code[(u.level, u.code)].append(u)
            for text in {u.name, u.full_name, *u.aliases, *EXTRA_ALIASES.get(u.name, [])}:
                k = key(text)
                if k and u not in self._by_key[(u.level, k)]:
                    self._by_key[(u.level, k)].append(u)

    @classmethod
    @cache
    def load(cls) -> Registry:
        """The shipped units and lineage (read once per process)."""
        with (DATA / "units.csv").open(encoding="utf-8", newline="") as fh:
            units = [
                UnitRecord(
                    id=r["id"], code=r["code"], name=r["name"], full_name=r["full_name"],
                    type=r["type"], level=r["level"], parent=r["parent"] or None,
                    valid_from=_date(r["valid_from"]), valid_to=_date(r["valid_to"]),
                    aliases=tuple(a for a in r["aliases"].split("|") if a),
                )
                for r in csv.DictReader(fh)
            ]
        with (DATA / "lineage.csv").open(encoding="utf-8", newline="") as fh:
            events = [LineageRecord(r["from_id"], r["to_id"], date.fromisoformat(r["effective"]),
                                    r["kind"]) for r in csv.DictReader(fh)]
        return cls(units, events)

    # ── listing ──────────────────────────────────────────────────────────────────────────

    def all_units(self) -> list[UnitRecord]:
        return list(self._units)

    def units(self, as_of: date | None = None, level: str | None = None) -> list[UnitRecord]:
        """Units of a level valid on a day (all days without `as_of`), sorted by code."""
        out = [u for u in self._units
               if (level is None or u.level == level) and (as_of is None or u.valid_on(as_of))]
        return sorted(out, key=lambda u: (LEVELS.index(u.level), u.code, u.id))

    def find(self, unit_id: str) -> UnitRecord | None:
        return self._by_id.get(unit_id)

    def get(self, unit_id: str) -> UnitRecord:
        try:
            return self._by_id[unit_id]
        except KeyError:
            raise UnitError(f"Không có đơn vị mã '{unit_id}'.",
                            f"No unit with id '{unit_id}'.") from None

    def lineage_events(self) -> list[LineageRecord]:
        return list(self._events)

    def predecessors(self, unit_id: str) -> list[UnitRecord]:
        """The units this one was made of (empty for units that were not formed by the reform)."""
        return [self._by_id[e.from_id] for e in self._events if e.to_id == unit_id]

    def successors(self, unit_id: str) -> list[UnitRecord]:
        return [self._by_id[e.to_id] for e in self._events if e.from_id == unit_id]

    def names(self, level: str = "province") -> dict[str, set[str]]:
        """Every written form of the units of a level (names, full names, aliases) -> unit ids."""
        out: dict[str, set[str]] = defaultdict(set)
        for u in self._units:
            if u.level == level:
                for text in {u.name, u.full_name, *u.aliases, *EXTRA_ALIASES.get(u.name, [])}:
                    out[text].add(u.id)
        return dict(out)

    # ── finding a unit ───────────────────────────────────────────────────────────────────

    def resolve(self, text: str, as_of: date | None = None, level: str = "province",
                parent: str | None = None) -> UnitRecord:
        """The unit `text` names, as people write it: an id, a statistics code or a name.

        With `as_of`, the unit valid that day ("Huế" in 2020 is Thừa Thiên Huế, vn63-46; from
        1/7/2025 the new Huế, vn34-46). Without it, the unit valid today, else the most recent.
        "Việt Nam", "cả nước", "toàn quốc" are the country, whatever the level asked.
        """
        raw = (text or "").strip()
        if raw in self._by_id:
            return self._by_id[raw]
        k = key(raw)
        country = self._by_key.get(("country", k))
        if country:
            return country[0]
        if not k:
            raise UnitError("Tên đơn vị hành chính trống.", "The unit name is empty.")
        if re.fullmatch(r"\d{1,5}", raw):
            width = 5 if level == "commune" else 2
            found = self._by_code.get((level, raw.zfill(width)), [])
        else:
            found = self._by_key.get((level, k), [])
        if parent is not None:
            parent_id = self.resolve(parent, as_of=as_of, level="province").id
            found = [u for u in found if u.parent == parent_id]
        chosen = self._pick(found, as_of)
        if chosen is None:
            raise self._unknown(raw, k, as_of, level, found)
        return chosen

    def _pick(self, found: list[UnitRecord], as_of: date | None) -> UnitRecord | None:
        if not found:
            return None
        day = as_of or date.today()
        valid = [u for u in found if u.valid_on(day)]
        if len(valid) == 1:
            return valid[0]
        if len(valid) > 1:
            return None  # ambiguous: same name, same day (communes in several provinces)
        if as_of is not None:
            return None
        return max(found, key=lambda u: u.valid_to or date.max)

    def _unknown(self, raw: str, k: str, as_of: date | None, level: str,
                 found: list[UnitRecord]) -> UnitError:
        when_vi = f" vào ngày {as_of:%d/%m/%Y}" if as_of else ""
        when_en = f" on {as_of.isoformat()}" if as_of else ""
        if found:
            names = ", ".join(f"{u.full_name} ({u.id})" for u in found[:6])
            return UnitError(
                f"Tên '{raw}' không chỉ đúng một đơn vị{when_vi}: {names}. Hãy ghi mã đơn vị.",
                f"'{raw}' does not name exactly one unit{when_en}: {names}. Give the unit's code.",
            )
        keys = [kk for (lvl, kk) in self._by_key if lvl == level]
        close = difflib.get_close_matches(k, keys, n=3, cutoff=0.75)
        hint = ", ".join(sorted({self._by_key[(level, c)][0].name for c in close}))
        return UnitError(
            f"Không tìm thấy đơn vị hành chính '{raw}'{when_vi}."
            + (f" Có phải: {hint}?" if hint else " Xem danh sách: chiso units"),
            f"Unknown administrative unit '{raw}'{when_en}."
            + (f" Did you mean: {hint}?" if hint else " See the list: chiso units"),
        )
