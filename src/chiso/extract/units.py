"""Which administrative unit a figure belongs to: the report's own province, a province named
next to the figure, or the whole country ("Việt Nam") for national averages.

Names are found in the text with a gazetteer and resolved through the units registry
(`chiso.units.registry.Registry.resolve`), so "Huế" in a 2020 report is "Thừa Thiên Huế".
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from chiso.errors import UnitError
from chiso.extract.caseless import Caseless, special
from chiso.extract.read import tones
from chiso.units.registry import Registry

COUNTRY = "Việt Nam"

# A name preceded by these is a district, commune or something else, not the province.
_NOT_PROVINCE_BEFORE = Caseless(
    r"(?:huyện|quận|thị xã|xã|phường|thị trấn|sông|núi|đèo|hồ|cầu|chợ|"
    r"đường|(?<!thành )phố|trường|bệnh viện|khu)\s*$"
)

# A dateline: the place a news agency filed from, at the start of a line, before the agency in
# brackets and the story's first word ("Hà Nội (TTXVN 1/12) Đại hội Đảng bộ tỉnh Tuyên Quang
# ..."; "TP.HCM (PLO) - Thành phố ..."). The place of filing is not what the report is about; a
# line "Quảng Ninh (PCI 2023) dẫn đầu ..." goes on in lower case and keeps its province.
_DATELINE_AFTER = re.compile(r"\s*\((?:[A-ZĐ]{2,}[\w.-]*|[A-ZĐ][a-zđ]+\.vn)[^()\n]{0,20}\)"
                             r"\s*[-–—:]?\s*[A-ZÀ-ỸĐ]")


def _dateline(text: str, start: int, end: int) -> bool:
    return (not text[text.rfind("\n", 0, start) + 1:start].strip()
            and _DATELINE_AFTER.match(text, end) is not None)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str  # the canonical name as found (before registry resolution)


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


@lru_cache(maxsize=1)
def _pattern() -> tuple[Caseless, dict[str, str]]:
    # every way the registry knows of writing a province, old or new; the registry then
    # decides, by the report's date, which unit a name stands for
    # "Tỉnh Kon Tum", "Thành phố Huế" are left out: the bare name matches inside "tỉnh Kon Tum"
    # (a longer, lower-case "tỉnh ..." match would hide it); "TP HCM" is written with a space too
    forms = [f for f in Registry.load().names("province") if (len(f) > 2 or f.isupper())
             and f.split()[0] not in ("Tỉnh", "Thành")]
    forms += [f.replace(".", " ") for f in forms if f.startswith("TP.")]
    table = {tones(_nfc(n).lower()): _nfc(n) for n in forms}
    names = sorted(table, key=len, reverse=True)
    # the names grouped by their first letter (longest first within each): the same match as
    # one alternation of all, without trying every name at every word
    by_first: dict[str, list[str]] = {}
    for n in names:
        by_first.setdefault(n[0], []).append(re.escape(n[1:]))
    alternation = "|".join(re.escape(c) + "(?:" + "|".join(rest) + ")"
                           for c, rest in by_first.items())
    pattern = Caseless(r"(?<!\w)(" + alternation + r")(?!\w)")
    return pattern, table


# capitals that lower-case to a letter but are not what str.upper() makes of it: the Kelvin sign
# is a capital k (tests/extract/test_rewritten.py checks every code point)
_OTHER_CAPITALS = {"k": "\u212a"}


@lru_cache(maxsize=1)
def _capital_starts() -> re.Pattern[str]:
    """The first three letters of the province names, the first a capital: a text without one
    holds no mention (`mentions` keeps the names that start with a capital), so its names need
    not be looked for. (The names match in any case: the second and third letters in any.)"""
    by_first: dict[str, set[str]] = {}
    for name in _pattern()[1]:
        by_first.setdefault(name[0], set()).add(name[1:3])
    alternatives = []
    for first, rests in by_first.items():
        capitals = first.upper() + _OTHER_CAPITALS.get(first, "")
        head = re.escape(capitals) if len(capitals) == 1 else "[" + re.escape(capitals) + "]"
        alternatives.append(head + "(?i:" + "|".join(map(re.escape, sorted(rests))) + ")")
    return re.compile("|".join(alternatives))


def mentions(text: str) -> list[Mention]:
    """Province names written in `text`, left to right (districts like "huyện Đại Từ" skipped)."""
    return list(_mentions(text))  # a list of the caller's own


@lru_cache(maxsize=16)
def _mentions(text: str) -> tuple[Mention, ...]:
    """`mentions`, kept for the last texts asked: a report's title line is most often its first
    sentence too, asked again when the sentences are read."""
    pattern, table = _pattern()
    found: list[Mention] = []
    toned = tones(text)
    if not special(toned) and not _capital_starts().search(toned):
        return ()  # no name starts with a capital here
    for m in pattern.finditer(toned):  # the match is of the text in lower case
        if not toned[m.start()].isupper():
            continue
        if _NOT_PROVINCE_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
            continue
        if _dateline(text, m.start(), m.end()):
            continue
        found.append(Mention(m.start(), m.end(), table[tones(m.group(0).lower())]))
    return tuple(found)


class UnitNamer:
    """Turns a province name found in a report into the unit name chiso uses, as of a date."""

    def __init__(self, as_of: date | None = None) -> None:
        self.as_of = as_of
        self._registry = Registry.load()
        self._cache: dict[str, str] = {}

    def name(self, found: str) -> str:
        if found not in self._cache:
            self._cache[found] = self._resolve(found)
        return self._cache[found]

    def _resolve(self, found: str) -> str:
        return _resolved(self._registry, found, self.as_of)


@lru_cache(maxsize=4096)
def _resolved(registry: Registry, found: str, as_of: date | None) -> str:
    """A name as the registry knows it on a day (the same for every report of that day)."""
    try:
        return registry.resolve(found, as_of=as_of, level="province").name
    except UnitError:
        return found


def main_unit(text: str, hint: str | None = None) -> str | None:
    """The province a report is about: the hint, else the one its title names, else the one it
    names most often in its first part."""
    if hint:
        return hint
    lines = [line for line in text.splitlines() if line.strip()]
    head = lines[0] if lines else ""
    in_title = mentions(head)
    if in_title:
        return in_title[0].name
    counts = Counter(m.name for m in mentions(text[:6000]))
    if not counts:
        return None
    return counts.most_common(1)[0][0]
