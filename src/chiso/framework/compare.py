"""Comparable across issuers: two frameworks' components declared against a common core
(`core:` on a component), and which comparisons between their units hold.

A core item both frameworks measure compares on **points** when both score it by the same rule
(same kind and parameters) on the same share of their totals; on **values** when the rules
differ but both enter the value in the same unit (compare the measured shares, not the points);
otherwise **not comparable**. Total scores compare only when every component of each maps one
to one onto the same core items with points comparisons: otherwise the two rankings are not
comparable, which is what the Law on Digital Transformation notes of today's rankings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from chiso.framework.schema import Framework, Node

Holds = Literal["points", "values", "none"]


@dataclass(frozen=True)
class CoreMatch:
    core: str
    left: tuple[str, ...]   # the components of the first framework mapped to it
    right: tuple[str, ...]
    holds: Holds
    why_vi: str
    why_en: str


@dataclass(frozen=True)
class Comparison:
    left: str
    right: str
    items: tuple[CoreMatch, ...]
    unmapped_left: tuple[str, ...]
    unmapped_right: tuple[str, ...]
    totals_comparable: bool


def _rule_key(node: Node) -> str:
    """What scores the component, its words (labels) left out."""
    if node.rule is None:
        return f"value×{node.max_points}"

    def bare(x: object) -> object:
        if isinstance(x, dict):
            return {k: bare(v) for k, v in sorted(x.items()) if k != "label"}
        if isinstance(x, list):
            return [bare(v) for v in x]
        return x

    return repr(bare(node.rule.model_dump()))


def _share(fw: Framework, node: Node) -> float:
    return (node.max_points or 0) / (fw.total_points or 1)


def _by_core(fw: Framework) -> dict[str, list[Node]]:
    out: dict[str, list[Node]] = {}
    for n in fw.scored_indicators():
        if n.core:
            out.setdefault(n.core, []).append(n)
    return out


def _match(core: str, fa: Framework, a: list[Node], fb: Framework, b: list[Node]) -> CoreMatch:
    codes_a, codes_b = tuple(n.code for n in a), tuple(n.code for n in b)
    if not a or not b:
        one = "thứ nhất" if a else "thứ hai"
        return CoreMatch(core, codes_a, codes_b, "none",
                         f"chỉ khung {one} đo mục này", f"only the {'first' if a else 'second'} "
                         "framework measures it")
    if len(a) == 1 and len(b) == 1:
        x, y = a[0], b[0]
        if _rule_key(x) == _rule_key(y) and abs(_share(fa, x) - _share(fb, y)) < 1e-9:
            return CoreMatch(core, codes_a, codes_b, "points", "cùng quy tắc, cùng tỷ trọng điểm",
                             "the same rule on the same share of the points")
        if x.unit == y.unit and x.unit not in ("points", "score", "answer"):
            return CoreMatch(core, codes_a, codes_b, "values",
                             f"quy tắc chấm khác nhau; so sánh giá trị đo ({x.unit}), "
                             "không so điểm",
                             f"the rules differ; compare the measured values ({x.unit}), "
                             "not the points")
    return CoreMatch(core, codes_a, codes_b, "none",
                     "đo khác cách (đơn vị, quy tắc hoặc số chỉ số thành phần khác nhau)",
                     "measured differently (unit, rule or number of components differ)")


def compare(fa: Framework, fb: Framework) -> Comparison:
    """Which comparisons between the units of `fa` and of `fb` hold, core item by core item."""
    ca, cb = _by_core(fa), _by_core(fb)
    items = tuple(_match(c, fa, ca.get(c, []), fb, cb.get(c, [])) for c in sorted({*ca, *cb}))
    left = tuple(n.code for n in fa.scored_indicators() if not n.core)
    right = tuple(n.code for n in fb.scored_indicators() if not n.core)
    totals = bool(items) and not left and not right and all(m.holds == "points" for m in items)
    return Comparison(fa.id, fb.id, items, left, right, totals)
