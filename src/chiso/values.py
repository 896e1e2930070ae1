"""One way to read a typed value: a cell or a form field read whole, then checked against the
rule its indicator implies (range, whole or decimal, the units and scale words it accepts).

Import, data entry, the review of extracted figures and the JSON API all call `read_value`:

    rule = rule_for(node, ranked=34)            # once per indicator (and number of units ranked)
    reading = read_value("hơn 600.000", rule)   # Reading(600000.0, None, "gt", "")

A value is read exactly or refused with `ValueRefused` (bilingual, with `.problem(...)` to
locate it); nothing after the number is ever dropped ("12abc", "1O", "95 km" are refused).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from functools import lru_cache
from typing import Any

from chiso.errors import Problem
from chiso.framework import Node
from chiso.numbers import format_vi, parse_cell, scale_at

RANK_MAX = 10_000  # more than any count of units ranked together (3,321 communes)
PERCENT_TOLERANCE = 1e-6  # 100,0000001 % is a spreadsheet's rounding of 100 %: read as 100
MAX_TEXT = 200  # a typed value longer than this is not a number
_SCIENTIFIC = re.compile(r"[-+]?\d+(?:\.\d+)?[eE][-+]?\d+", re.ASCII)
_OUT_OF = re.compile(r"/\s*(\d{1,6})", re.ASCII)


@dataclass(frozen=True)
class Measure:
    """What a unit of measure implies for its values, unless the indicator says otherwise."""

    label: str  # as a header shows it ("%", "đồng")
    low: float
    high: float
    whole: bool = False
    words: tuple[str, ...] = ()  # what may follow the number (besides a scale word)
    scales: bool = False  # "triệu", "tỷ", "nghìn" may multiply it


MEASURES: dict[str, Measure] = {
    "percent": Measure("%", 0, 100, words=("%", "phần trăm", "percent")),
    "count": Measure("số lượng", 0, 1e12, whole=True, scales=True),
    "persons": Measure("người", 0, 1e9, whole=True, words=("người", "persons", "people"),
                       scales=True),
    "vnd": Measure("đồng", 0, 1e16, words=("đồng", "đ", "vnd", "vnđ"), scales=True),
    "rank": Measure("thứ hạng", 1, RANK_MAX, whole=True),
    "score": Measure("điểm", 0, 1000, words=("điểm", "points")),
    "index": Measure("chỉ số", 0, 1000),
    # per 100 inhabitants: one person may hold several subscriptions, so it may pass 100
    "per_100": Measure("trên 100 dân", 0, 1000, words=("/100 dân", "trên 100 dân")),
    "per_1000": Measure("‰", 0, 1e6, words=("‰", "phần nghìn")),  # may pass 1000 (per person)
    "mbps": Measure("Mbps", 0, 1e6, words=("mbps", "mb/s", "mbit/s")),
    "km2": Measure("km²", 0, 1e6, words=("km2", "km²")),
    "tonnes": Measure("tấn", 0, 1e10, words=("tấn", "tonnes", "tons"), scales=True),
}
# a unit chiso does not know (a user's own framework): any sign, a sane magnitude
OTHER = Measure("", -1e15, 1e15, scales=True)


@dataclass(frozen=True)
class ValueRule:
    """The values one indicator accepts (from its unit's `Measure` and its own `values:`)."""

    indicator: str
    measure: str
    low: float
    high: float
    whole: bool
    words: tuple[str, ...]  # what may follow the number, as written in messages
    scales: bool
    ranked: int | None = None  # ranks: how many units were ranked


def rule_for(node: Node, *, ranked: int | None = None) -> ValueRule:
    """The rule of an indicator. For a rank, `ranked` (the number of units ranked that period)
    is its upper bound; without it a rank is only whole and ≥ 1."""
    unit = node.unit or ""
    m = MEASURES.get(unit, OTHER)
    own = node.values
    low = m.low if own is None or own.min is None else own.min
    high = m.high if own is None or own.max is None else own.max
    if unit == "rank" and ranked is not None:
        high = min(high, ranked)
    words = (*m.words, *(own.units if own else ()), *([unit] if m is OTHER and unit else []))
    return ValueRule(
        indicator=node.code, measure=unit, low=float(low), high=float(high),
        whole=m.whole if own is None or own.whole is None else own.whole,
        words=tuple(dict.fromkeys(words)), scales=m.scales,
        ranked=ranked if unit == "rank" else None)


class Percent(float):
    """A spreadsheet number shown as a percentage: Excel stores 70,8 % as 0.708. Anywhere but a
    value it is that number, as the file holds it."""


@dataclass(frozen=True)
class Reading:
    """A value read whole and within its rule: a number or a range, a qualifier, the unit."""

    value: float
    value_high: float | None = None
    qualifier: str = "eq"
    unit: str = ""  # as written after the number and its scale word ("%", "đồng"), or ""


class ValueRefused(ValueError):
    """A value that is not read: what was not understood, in Vietnamese and English."""

    def __init__(self, message_vi: str, message_en: str, value: Any = None) -> None:
        super().__init__(f"{message_vi} / {message_en}")
        self.message_vi, self.message_en, self.value = message_vi, message_en, value

    def problem(self, **where: Any) -> Problem:
        """The refusal as a located problem: `exc.problem(field="fiber_households_share")`."""
        return Problem(self.message_vi, self.message_en, **{"value": self.value, **where})


def read_value(cell: object, rule: ValueRule) -> Reading:
    """Read a typed value (text, a spreadsheet number or `Percent`) whole, within `rule`."""
    if isinstance(cell, (bool, date, datetime, time)):
        raise ValueRefused("ô này phải chứa một số, không phải ngày tháng hay đúng/sai.",
                           "this cell must hold a number, not a date or true/false.", str(cell))
    if isinstance(cell, Percent):
        return _percent_cell(cell, rule)
    if isinstance(cell, (int, float)):
        return Reading(check_value(float(cell), rule, cell))
    if not isinstance(cell, str):
        raise ValueRefused("không đọc được giá trị này.", "this value cannot be read.", str(cell))
    return _read_text(cell, rule)


def check_value(x: float, rule: ValueRule, shown: Any = None) -> float:
    """`x` if it keeps the rule (a percentage within rounding of 0 or 100 is set to it);
    else ValueRefused saying which bound it breaks, with the value written in full."""
    shown = x if shown is None else shown
    if not math.isfinite(x):
        raise ValueRefused("giá trị không hữu hạn.", "the value is not finite.", shown)
    if rule.measure == "percent":
        if rule.high < x <= rule.high + PERCENT_TOLERANCE:
            x = rule.high
        elif rule.low - PERCENT_TOLERANCE <= x < rule.low:
            x = rule.low
    if x == 0:
        x = 0.0  # no negative zero
    if not rule.low <= x <= rule.high:
        raise ValueRefused(*_range_message(x, rule), shown)
    if rule.whole and not x.is_integer():
        kind_vi = "thứ hạng" if rule.measure == "rank" else "số đếm"
        kind_en = "a rank" if rule.measure == "rank" else "a count"
        raise ValueRefused(
            f"chỉ tiêu {rule.indicator} là {kind_vi}: phải là số nguyên, không phải {_vi(x)}.",
            f"{rule.indicator} is {kind_en}: it must be a whole number, not {_en(x)}.", shown)
    return x


@lru_cache(maxsize=1 << 16)  # spreadsheets repeat values: read each text once per rule
def _read_text(text: str, rule: ValueRule) -> Reading:
    raw = text.strip()
    if len(raw) > MAX_TEXT:
        raise ValueRefused("giá trị quá dài để là một số.", "the value is too long to be a number.",
                           raw[:MAX_TEXT] + "…")
    if _SCIENTIFIC.fullmatch(raw):
        return Reading(check_value(float(raw), rule, raw))
    try:
        q = parse_cell(raw)
    except ValueError as exc:
        vi, _, en = str(exc).partition(" / ")
        raise ValueRefused(vi, en or vi, raw) from None
    unit = _unit(q.unit, q.scale, rule, raw)
    low = check_value(q.value, rule, raw)
    high = None if q.value_high is None else check_value(q.value_high, rule, raw)
    out_of = _OUT_OF.fullmatch(unit) if rule.measure == "rank" else None
    if out_of:
        _check_out_of(low if high is None else high, int(out_of.group(1)), rule, raw)
    return Reading(low, high, q.qualifier, unit)


def _unit(written: str, scale: float, rule: ValueRule, raw: str) -> str:
    """The unit after the number, if the rule accepts it (and the scale word, if any)."""
    rest = written
    if scale != 1.0:
        _factor, used = scale_at(written)
        word, rest = written[:used].strip(), written[used:].strip()
        if not rule.scales:
            raise ValueRefused(
                f"không dùng '{word}' với chỉ tiêu {rule.indicator} ({_label(rule)}).",
                f"'{word}' cannot scale {rule.indicator} ({rule.measure or 'no unit'}).", raw)
    if not rest or _fold(rest) in {_fold(w) for w in rule.words}:
        return rest
    if rule.measure == "rank" and _OUT_OF.fullmatch(rest):
        return rest  # "2/63": checked with the value
    after = [*rule.words, *(("nghìn", "triệu", "tỷ") if rule.scales else ())]
    if rule.measure == "rank":
        after.append("/N")
    may_vi = f", có thể kèm: {', '.join(after)}" if after else ", không kèm chữ nào"
    may_en = f", optionally followed by: {', '.join(after)}" if after else ", nothing after it"
    raise ValueRefused(
        f"không hiểu '{rest}' sau số; chỉ tiêu {rule.indicator} ({_label(rule)}) nhận một số"
        f"{may_vi}.",
        f"'{rest}' after the number is not understood; {rule.indicator}"
        f" ({rule.measure or 'no unit'}) takes a number{may_en}.", raw)


def _percent_cell(cell: Percent, rule: ValueRule) -> Reading:
    fraction = float(cell)
    shown = f"{format_vi(fraction * 100)} %" if math.isfinite(fraction) else "?"
    if rule.measure != "percent":
        raise ValueRefused(
            f"ô định dạng phần trăm ({shown}) nhưng chỉ tiêu {rule.indicator} đo bằng"
            f" {_label(rule)}; hãy bỏ định dạng % hoặc kiểm tra cột.",
            f"the cell is formatted as a percentage ({shown}) but {rule.indicator} is measured in"
            f" {rule.measure or 'plain numbers'}; remove the % format or check the column.", shown)
    if not math.isfinite(fraction):
        raise ValueRefused("giá trị không hữu hạn.", "the value is not finite.", shown)
    return Reading(check_value(float(Decimal(repr(fraction)) * 100), rule, shown), unit="%")


def _check_out_of(rank: float, total: int, rule: ValueRule, raw: str) -> None:
    """A rank written "2/63": at most the total, and the total at most the units ranked."""
    if rank <= total and (rule.ranked is None or total <= rule.ranked):
        return
    limit = total if rule.ranked is None else min(total, rule.ranked)
    raise ValueRefused(
        f"thứ hạng {_vi(rank)}/{total} không hợp lệ: có {limit} đơn vị được xếp hạng.",
        f"rank {_en(rank)}/{total} is not valid: {limit} units were ranked.", raw)


def _range_message(x: float, rule: ValueRule) -> tuple[str, str]:
    lo_vi, hi_vi, lo_en, hi_en = _vi(rule.low), _vi(rule.high), _en(rule.low), _en(rule.high)
    if rule.measure == "rank":
        if rule.ranked is not None:
            return ((f"thứ hạng phải từ 1 đến {hi_vi} (số đơn vị được xếp hạng), "
                     f"không phải {_vi(x)}."),
                    f"a rank must be from 1 to {hi_en} (the units ranked), not {_en(x)}.")
        return (f"thứ hạng phải là số nguyên từ 1 trở lên, không phải {_vi(x)}.",
                f"a rank must be a whole number of 1 or more, not {_en(x)}.")
    side_vi = f"lớn hơn {hi_vi}" if x > rule.high else f"nhỏ hơn {lo_vi}"
    side_en = f"above {hi_en}" if x > rule.high else f"below {lo_en}"
    vi = (f"{_vi(x)} {side_vi}: chỉ tiêu {rule.indicator} ({_label(rule)}) nhận giá trị từ"
          f" {lo_vi} đến {hi_vi}.")
    en = (f"{_en(x)} is {side_en}: {rule.indicator} ({rule.measure or 'no unit'}) takes values"
          f" from {lo_en} to {hi_en}.")
    return vi, en


def _label(rule: ValueRule) -> str:
    return MEASURES.get(rule.measure, OTHER).label or rule.measure or "không đơn vị"


def _vi(x: float) -> str:
    """A value in full, as Vietnamese write it: never rounded into looking like a bound."""
    if abs(x) >= 1e18:
        return repr(float(x)).replace(".", ",")
    return format_vi(int(x) if float(x).is_integer() else float(x))


def _en(x: float) -> str:
    if abs(x) >= 1e18:
        return repr(float(x))
    if float(x).is_integer():
        return str(int(x))
    digits = format(Decimal(repr(float(x))), "f")
    return digits.rstrip("0").rstrip(".") if "." in digits else digits


def _fold(word: str) -> str:
    return "".join(unicodedata.normalize("NFC", word).lower().split())
