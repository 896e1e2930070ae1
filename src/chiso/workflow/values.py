"""Typed text as a figure: how entry, review and extracted corrections read a value.

chiso.values reads a value whole or refuses it, within the indicator's own rule (range, whole
or decimal, the unit words it allows, the number of units a rank runs to), exactly as an import
does; the qualifier and upper bound people write ("~65 %", "hơn 600.000", "0,3 – 0,35") are kept.
Here that reading is put in the workflow's terms: a reading, or problems on the field.
"""

from __future__ import annotations

from chiso.catalog import Catalog
from chiso.errors import Problem
from chiso.framework import Node
from chiso.ingest.validate import period_end
from chiso.values import (
    Reading,
    ValueRefused,
    check_answer,
    check_value,
    read_value,
    rule_for,
)

MAX_TEXT = 100

__all__ = ["Reading", "check", "ranked", "read_typed"]


def ranked(catalog: Catalog, unit_id: str, period: str) -> int | None:
    """How many units of a unit's level were in force at the end of a period: a rank's bound."""
    rec = catalog.units.find(unit_id)
    if rec is None or rec.level == "country":
        return None
    try:
        day = period_end(period)
    except (ValueError, IndexError):
        return None
    return len(catalog.units.units(as_of=day, level=rec.level)) or None


def check(node: Node, reading: Reading, ranked_units: int | None = None) -> list[Problem]:
    """The indicator's rules a number already read breaks, as problems on its field."""
    rule = rule_for(node, ranked=ranked_units)
    out = []
    for x in (reading.value, reading.value_high):
        if x is None:
            continue
        try:
            check_value(x, rule)
        except ValueRefused as exc:
            out.append(exc.problem(field=node.code))
        else:
            out += _answer(node, x)
    return out


def _answer(node: Node, x: float) -> list[Problem]:
    try:
        check_answer(node, x)
    except ValueRefused as exc:
        return [exc.problem(field=node.code)]
    return []


def read_typed(node: Node, text: str,
               ranked_units: int | None = None) -> tuple[Reading | None, list[Problem]]:
    """What a person typed for an indicator: a reading that keeps the rules, or the problems.

    Blank text is no value (and no problem)."""
    raw = text.strip()
    if not raw:
        return None, []
    if len(raw) > MAX_TEXT:
        return None, [Problem("Giá trị quá dài.", "The value is too long.", field=node.code)]
    try:
        reading = read_value(raw, rule_for(node, ranked=ranked_units))
    except ValueRefused as exc:
        return None, [exc.problem(field=node.code)]
    wrong = _answer(node, reading.value)
    return (None, wrong) if wrong else (reading, [])
