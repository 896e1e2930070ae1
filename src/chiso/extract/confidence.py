"""How sure a candidate is, and whether its value can be the indicator's at all.

The match gives a raw certainty from how well the indicator's words fit around the figure. It is
mapped through `CALIBRATION` (hand-set) to a step; some rules give a step of their own (0.55 for
an index guessed from the report's topic, 0.7 for an indicator carried, 0.8 for a table header).
Both fitted by `scripts/fit_confidence.py`, two things then read the candidate:

- `WEIGHTS`, a logistic model over what the candidate shows (`FEATURES`: its step and kind, how
  its indicator was found, whether its owner is named in its sentence, its measure and value,
  whether it has a year), gives the confidence a candidate carries (`rate`): the chance it is
  right on a report chiso has never seen. It is fitted on each corpus round's development
  documents as extracted by the code of the commit that added them, before any rule was written
  for them (`--unseen`).
- `DEVELOPED` gives the rate of a step on the development part as extracted today (92-100 %),
  where the rules were built.

A candidate needs a look in review (`Candidate.needs_look`, never dropped) when the rules did not
place it (`Candidate.placed`: no owner, or a step under `BAR` on `DEVELOPED`, `sure`: a target
guessed from the topic), or when its confidence is under `BAR`: on unseen reports it is more
likely wrong than right. docs/extraction.md has the measures.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from chiso.extract.figures import Figure
from chiso.extract.indicators import Match
from chiso.extract.units import COUNTRY, mentions
from chiso.numbers import read_digits

BAR = 0.5

# (raw certainty from, step): a hand-set step function; `WEIGHTS` and `DEVELOPED` read the steps
CALIBRATION: tuple[tuple[float, float], ...] = (
    (0.0, 0.3), (0.5, 0.55), (0.6, 0.7), (0.7, 0.8), (0.8, 0.88), (0.9, 0.93),
)
_EDGES = [edge for edge, _ in CALIBRATION]

# the measures a feature of their own tells apart (a share is the base)
_MEASURES = ("count", "rank", "score", "rank_change")


def how_found(alias: str) -> str:
    """How a candidate's indicator was found, from its alias: an alias written in the sentence,
    an index guessed from the report's topic ('(dti)'), or a rule's own reading ('(coverage)',
    '(budget)', '(speed)')."""
    if not alias.startswith("("):
        return "alias"
    return "rule" if alias in ("(coverage)", "(budget)", "(speed)") else "topic"


def described(kind: str, step: float, measure: str, alias: str, quote: str, unit: str | None,
              value: float, year: int | None, target_year: int | None,
              name: Callable[[str], str] = str) -> dict[str, Any]:
    """What the model reads of a candidate (`FEATURES`), as `scripts/fit_confidence.py` stores
    it for each candidate of the unseen records. `name` gives the unit a name written in the
    quote stands for as of the report (`UnitNamer.name`: "Thừa Thiên Huế" in a report after the
    merger is Huế)."""
    return {"kind": kind, "step": step, "measure": measure, "found": how_found(alias),
            "owner_named": unit is not None and unit != COUNTRY and any(
                name(m.name) == unit for m in mentions(quote)),
            "unit": unit, "value": value, "year": year, "target_year": target_year}


# What the model reads, each a yes (1) or no (0) but the step; weights in `WEIGHTS`, in this order
FEATURES: tuple[str, ...] = (
    "intercept", "national average", "target", "step", "step under the bar",
    "found from the topic", "found by a rule", "owner named in the sentence", "year given",
    "the country's", *(f"measure {m}" for m in _MEASURES), "measure other than these or a share",
    "a count found from the topic", "a target found from the topic", "a count of at most 10",
    "a count of 1.000 or more", "a share of 100 %", "a whole share or score",
    "a score found from the topic", "a target whose owner is not named",
)


def features(r: Mapping[str, Any]) -> tuple[float, ...]:
    """A candidate's `FEATURES` from what `described` gives of it."""
    group, measure, value, found = group_of(r["kind"]), r["measure"], r["value"], r["found"]
    count = measure == "count"
    return (1.0, group == "national_average", group == "target", r["step"], r["step"] < BAR,
            found == "topic", found == "rule", bool(r["owner_named"]), r["year"] is not None,
            r["unit"] == COUNTRY, *(measure == m for m in _MEASURES),
            measure not in (*_MEASURES, "percent"),
            found == "topic" and count, group == "target" and found == "topic",
            count and value <= 10, count and value >= 1000,
            measure == "percent" and value == 100,
            float(value).is_integer() and measure in ("percent", "score"),
            found == "topic" and measure == "score",
            group == "target" and not r["owner_named"])


# Fitted on reports no rule was developed on (scripts/fit_confidence.py --unseen: L2-penalised
# logistic regression on the owned candidates of tests/fixtures/confidence/unseen.jsonl, the
# development documents of rounds 2-43, each extracted by the commit that added it). Left out a
# round at a time, it tells right from wrong better than a table of step and kind (log loss 0.51
# against 0.63, area under the curve 0.79 against 0.65). What it says: small counts ("4 cấp")
# are seldom right; an owner named in the sentence makes a result much surer and an aim hardly
# (an aim is said of the report's province whether named or not); a rank and a higher step are
# surer; an index guessed from the topic and the country's figures are less sure, but a score
# guessed from the topic of a report on one index less so.
WEIGHTS: tuple[float, ...] = (
    -1.62, 0.63, -1.54, 2.31, 2.4, -0.57, 0.53, 1.56, 0.18, -0.39, -0.19, 0.74, -0.34, 0.67, 0.3,
    0.25, -0.2, -5.86, 0.2, -0.24, 0.28, 0.67, 1.33,
)


def rate(r: Mapping[str, Any], weights: tuple[float, ...] = WEIGHTS) -> float:
    """The confidence a candidate carries: the model's chance that it is right on a report chiso
    has never seen, from what `described` gives of it; never 0 or 1 (no record is that sure)."""
    z = sum(w * x for w, x in zip(weights, features(r), strict=True))
    return min(max(round(1 / (1 + math.exp(-z)), 2), 0.01), 0.99)


# Fitted on the development part as extracted (scripts/fit_confidence.py, round 5's refit on 161
# documents): the rate at which candidates of each step were right on the documents the rules
# were built from. It decides review (`sure`): a target guessed from the topic or carried (0.25)
# needs a look.
DEVELOPED: dict[str, tuple[tuple[float, float], ...]] = {
    "actual": ((0.55, 0.9), (0.7, 0.96), (0.8, 0.97), (0.88, 0.97), (0.93, 0.97)),
    "national_average": ((0.55, 0.8), (0.8, 0.88), (0.88, 0.88), (0.93, 0.95)),
    "target": ((0.55, 0.25), (0.7, 0.25), (0.8, 0.8), (0.88, 0.92), (0.93, 0.96)),
}


def group_of(kind: str) -> str:
    """The kind group a candidate is calibrated in: actual figures (and benchmarks), national
    averages, targets; at the same step targets are right less often than actual figures."""
    return kind if kind in ("target", "national_average") else "actual"


def table_rate(tables: dict[str, tuple[tuple[float, float], ...]], step: float, kind: str) -> float:
    """A table's rate at `step` for `kind`'s group (the nearest step fitted at or below it). A
    step under the bar (no owner sure, an approximate rank, an unplaced table cell) keeps its
    value, but never above the group's lowest fitted rate: on unseen reports a national average
    at 0.55 was right a third of the time, and a cell capped at 0.45 is not surer."""
    table = tables.get(group_of(kind))
    if not table:
        return step
    below = [p for s, p in table if s <= step + 1e-9]
    if step < BAR or not below:
        return min(step, table[0][1])
    return below[-1]


def developed(step: float, kind: str) -> float:
    """The development part's rate of being right at `step` and kind group (`DEVELOPED`)."""
    return table_rate(DEVELOPED, step, kind)


def sure(step: float, kind: str) -> bool:
    """Is a candidate that reached `step` taken as read? Its development part's rate reaches the
    bar; under it the candidate needs a look."""
    return developed(step, kind) >= BAR


def calibrated(raw: float) -> float:
    """The calibrated confidence for a raw match certainty."""
    return CALIBRATION[max(0, bisect_right(_EDGES, raw) - 1)][1]


def of(m: Match, fig: Figure, unit: str | None) -> float:
    """A candidate's confidence: calibrated from the match; a figure whose owner is not a
    province (a ministry, an operator, a district) is never sure."""
    c = calibrated(m.confidence)
    if unit is None:
        c = min(c, 0.3)
    if fig.qualifier != "eq" and fig.measure == "rank":
        c = min(c, 0.4)
    return round(c, 2)


@lru_cache(maxsize=8)
def _limits(framework_id: str) -> dict[str, tuple[float, float]]:
    """The values each indicator can take: its goalposts where the framework gives them, and
    what its unit allows (a share is 0-100, a rank 1-64, a count at least 0)."""
    from chiso.framework import load_framework

    out: dict[str, tuple[float, float]] = {}
    for node in load_framework(framework_id).indicators():
        low, high = {"percent": (0.0, 100.0), "rank": (1.0, 64.0), "count": (0.0, float("inf")),
                     "persons": (0.0, float("inf")), "mbps": (0.1, 100_000.0),
                     # a rate per 1.000 inhabitants above 100 is no rate the codebook holds
                     "per_1000": (0.0, 100.0)}.get(
            node.unit or "", (float("-inf"), float("inf")))
        if node.goalposts is not None:
            low, high = node.goalposts.low, node.goalposts.high
        out[node.code] = (low, high)
    return out


def possible(code: str, fig: Figure, framework_id: str = "chiso-core") -> bool:
    """Can `fig` be a value of `code`? "Xã hội số (300 điểm)" is the pillar's maximum, not a
    score on the 0-1 index; a rank of 120 is not a province's."""
    low, high = _limits(framework_id).get(code, (float("-inf"), float("inf")))
    top = fig.value if fig.value_high is None else fig.value_high
    if code in _counted(framework_id) and not float(fig.value).is_integer():
        return False  # "TPHCM (3,19)" is no count of enterprises
    if fig.measure == "score" and "/" in fig.text and code in _scales(framework_id):
        # "công khai, minh bạch đạt 17,5/18 điểm": a score written out of its scale is of an
        # index on that scale (a component's here, not the service index's out of 100), and a
        # share only out of 100 ("thanh toán trực tuyến đạt 5/10 điểm" is no share paid online)
        scale = _SCALE.search(fig.text)
        # a score out of 1.000 points is read on the 0-1 scale (figures._fraction)
        points = None if scale is None else read_digits(scale.group(1))
        on = 1.0 if points == 1000 else points
        if points is not None and on != _scales(framework_id)[code]:
            return False
    if fig.measure == "score" and code in _shares(framework_id):
        return False  # "số hóa hồ sơ đạt 16,64 điểm": points of a criterion, no share digitised
    if top > _CEILINGS.get(code, float("inf")):
        # "tốc độ tăng trưởng các dịch vụ thương mại điện tử và logistics đạt 20 – 25%": no
        # province's economy has grown by a quarter in a year; such a growth is of something else
        return False
    if code in _SUMS_OF_TENS and fig.value < 10:
        # "Chỉ số Tham gia của người dân ở cấp cơ sở ... lên 6,10 điểm": a content area's or a
        # sub-index's score (each out of 10); the index sums or weighs them, far above 10
        return False
    return low <= fig.value and top <= high


# indices made of components scored out of 10 each (PAPI's eight content areas, PCI's ten
# sub-indices, the PAR Index's and SIPAS's areas as per cents of their points)
_SUMS_OF_TENS = frozenset({"papi_score", "pci_score", "par_index_score", "sipas_score"})
# what no province's figure has reached, where the goalposts allow it (the fastest growth of a
# province's GRDP in a year, Bắc Giang's 22,3 % in 2022, is under 25 %)
_CEILINGS = {"grdp_growth": 25.0}


_SCALE = re.compile(r"/\s*(\d+(?:[.,]\d+)*)")


@lru_cache(maxsize=8)
def _scales(framework_id: str) -> dict[str, float]:
    """The scale of each indicator a score out of its scale can be of: an index's points (its
    goalposts are the scale), a share (out of 100)."""
    from chiso.framework import load_framework

    out: dict[str, float] = {}
    for node in load_framework(framework_id).indicators():
        if node.unit == "percent":
            out[node.code] = 100.0
        elif node.unit == "score" and node.goalposts is not None:
            out[node.code] = node.goalposts.high
    return out


@lru_cache(maxsize=8)
def _counted(framework_id: str) -> frozenset[str]:
    """The indicators that count things (their values are whole numbers)."""
    from chiso.framework import load_framework

    return frozenset(node.code for node in load_framework(framework_id).indicators()
                     if node.unit == "count")


@lru_cache(maxsize=8)
def _shares(framework_id: str) -> frozenset[str]:
    """The per-cent indicators that are shares, not an index's value (PAR Index and SIPAS are
    per cents written as points too: "PAR Index đạt 87,61 điểm")."""
    from chiso.framework import load_framework

    return frozenset(node.code for node in load_framework(framework_id).indicators()
                     if node.unit == "percent" and not node.code.endswith("_score"))


def known(code: str, framework_id: str = "chiso-core") -> bool:
    """Is `code` an indicator of the framework?"""
    return code in _limits(framework_id)
