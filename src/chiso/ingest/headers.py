"""What column headers mean: the long-format fields and the indicators of the frameworks.

Headers are matched as people write them: Vietnamese or English, any case, with or without
diacritics, with the unit in brackets ("Tỷ lệ hộ có cáp quang (%)") or not.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from chiso.framework import Framework, Node
from chiso.values import MEASURES

# field → the headers that name it (compared after `fold`)
FIELDS: dict[str, tuple[str, ...]] = {
    "unit": ("unit", "unit_id", "đơn vị", "đơn vị hành chính", "tỉnh", "tỉnh/thành phố",
             "tỉnh, thành phố", "địa phương", "mã đơn vị", "province", "commune", "xã"),
    "indicator": ("indicator", "chỉ tiêu", "chỉ số", "mã chỉ tiêu", "indicator code"),
    "period": ("period", "kỳ", "năm", "year", "kỳ số liệu"),
    "kind": ("kind", "loại", "loại số liệu", "type"),
    "value": ("value", "giá trị", "số liệu"),
    "value_high": ("value_high", "giá trị cao", "cận trên", "upper", "value high"),
    "qualifier": ("qualifier", "dấu", "so sánh", "định tính"),
    "target_year": ("target_year", "năm mục tiêu", "target year"),
    "source": ("source", "nguồn"),
    "note": ("note", "ghi chú", "notes"),
}
LONG_REQUIRED = ("unit", "indicator", "period", "value")
# columns people (and `chiso export`) add beside the data, skipped without complaint
IGNORED = ("stt", "tt", "số thứ tự", "no", "no.", "#", "unit_name", "tên đơn vị", "indicator_name",
           "tên chỉ tiêu", "status",
           "revision", "provenance", "trạng thái")

KIND_WORDS: dict[str, str] = {
    "actual": "actual", "thực tế": "actual", "thuc te": "actual", "kết quả": "actual",
    "target": "target", "mục tiêu": "target", "chỉ tiêu": "target", "kế hoạch": "target",
    "national_average": "national_average", "trung bình cả nước": "national_average",
    "national average": "national_average", "cả nước": "national_average",
    "benchmark": "benchmark", "chuẩn": "benchmark", "tham chiếu": "benchmark",
}
QUALIFIER_WORDS: dict[str, str] = {
    "eq": "eq", "=": "eq", "bằng": "eq",
    "approx": "approx", "~": "approx", "≈": "approx", "khoảng": "approx", "xấp xỉ": "approx",
    "gt": "gt", ">": "gt", "hơn": "gt", "trên": "gt",
    "lt": "lt", "<": "lt", "dưới": "lt",
    "ge": "ge", ">=": "ge", "≥": "ge", "ít nhất": "ge", "tối thiểu": "ge",
    "le": "le", "<=": "le", "≤": "le", "tối đa": "le", "không quá": "le",
}

_BRACKETS = re.compile(r"\s*[\(\[][^\)\]]*[\)\]]\s*$")
_SPACE = re.compile(r"[\s_]+")


@lru_cache(maxsize=1 << 16)
def _fold(text: str) -> str:
    s = unicodedata.normalize("NFD", text.strip().casefold()).replace("đ", "d")
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Mn")
    return _SPACE.sub(" ", s).strip()


def fold(text: object) -> str:
    """A header or word reduced for comparison: lower case, no diacritics, single spaces."""
    return _fold(str(text))


_FIELD_BY_FOLD = {fold(alias): f for f, aliases in FIELDS.items() for alias in aliases}
_IGNORED = frozenset(fold(h) for h in IGNORED)
KINDS_BY_FOLD = {fold(k): v for k, v in KIND_WORDS.items()}
QUALIFIERS_BY_FOLD = {fold(k): v for k, v in QUALIFIER_WORDS.items()}


def ignored(header: object) -> bool:
    return fold(header) in _IGNORED


def field_of(header: object) -> str | None:
    """The long-format field a header names, if any."""
    key = fold(header)
    return _FIELD_BY_FOLD.get(key) or _FIELD_BY_FOLD.get(fold(_BRACKETS.sub("", str(header))))


@dataclass(frozen=True)
class Indicators:
    """The indicators of the frameworks in play, found by code or by name."""

    by_key: dict[str, Node]
    codes: tuple[str, ...]

    @classmethod
    def of(cls, frameworks: Iterable[Framework]) -> Indicators:
        by_key: dict[str, Node] = {}
        codes: list[str] = []
        for fw in frameworks:
            for node in fw.indicators():
                if node.code in codes:
                    continue
                codes.append(node.code)
                for key in (node.code, node.name.vi, node.name.en):
                    by_key.setdefault(fold(key), node)
        return cls(by_key, tuple(codes))

    def find(self, text: object) -> Node | None:
        if text is None:
            return None
        raw = str(text).strip()
        if not raw:
            return None
        return self.by_key.get(fold(raw)) or self.by_key.get(fold(_BRACKETS.sub("", raw)))

    def suggest(self, text: object) -> list[str]:
        keys = difflib.get_close_matches(fold(text), list(self.by_key), n=6, cutoff=0.6)
        return list(dict.fromkeys(self.by_key[k].code for k in keys))[:3]


def header_label(node: Node, lang: str = "vi") -> str:
    """The header the template writes for an indicator: its name and unit of measure."""
    name = node.name.vi if lang == "vi" else node.name.en
    return f"{name} ({UNIT_LABELS.get(node.unit or '', node.unit)})"


UNIT_LABELS = {code: m.label for code, m in MEASURES.items()}
