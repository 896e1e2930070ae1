"""Typed text as a figure: the one way entry, review and extracted corrections read a value.

The indicator's own rule checks it (chiso.ingest.validate.value_rule, which import uses too),
and the qualifier and upper bound that people write ("~65 %", "hơn 600.000", "0,3 – 0,35")
are kept, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from chiso.errors import Problem
from chiso.framework import Node
from chiso.ingest.validate import value_rule
from chiso.numbers import parse_number

MAX_TEXT = 100


@dataclass(frozen=True)
class Reading:
    """A value as read: the value, an upper bound for a range, a qualifier."""

    value: float
    value_high: float | None = None
    qualifier: str = "eq"


def check(node: Node, reading: Reading) -> list[Problem]:
    """The indicator's rules broken by a reading, as problems on the indicator's field."""
    out = []
    for x in (reading.value, reading.value_high):
        broken = None if x is None else value_rule(node, x)
        if broken:
            vi, en = broken
            out.append(Problem(vi[0].upper() + vi[1:], en[0].upper() + en[1:], field=node.code,
                               value=x))
    return out


def read_typed(node: Node, text: str) -> tuple[Reading | None, list[Problem]]:
    """What a person typed for an indicator: a reading that keeps the rules, or the problems.

    Blank text is no value (and no problem)."""
    raw = text.strip()
    if not raw:
        return None, []
    if len(raw) > MAX_TEXT:
        return None, [Problem("Giá trị quá dài.", "The value is too long.", field=node.code)]
    try:
        q = parse_number(raw)
    except ValueError as exc:
        vi, _, en = str(exc).partition(" / ")
        return None, [Problem(vi, en or vi, field=node.code, value=raw)]
    reading = Reading(q.value, q.value_high, q.qualifier)
    problems = check(node, reading)
    return (None if problems else reading), problems
