"""How sure a candidate is, and whether its value can be the indicator's at all.

The match gives a raw certainty from how well the indicator's words fit around the figure. It is
mapped through `CALIBRATION` (hand-set) to a step; some rules give a step of their own (0.55 for
an index guessed from the report's topic, 0.7 for an indicator carried, 0.8 for a table header).
Two tables, both fitted by `scripts/fit_confidence.py`, then read the step:

- `FITTED` gives the confidence a candidate carries: the rate at which candidates of that step
  and kind group were right on reports no rule had been developed on (each corpus round's
  development documents, extracted by the code of the commit that added them, before any rule
  was written for them: `--unseen`). That is what a confidence claims: the chance a figure is
  right on a report chiso has never seen.
- `DEVELOPED` gives the rate on the development part as extracted today (92-100 %), where the
  rules were built. It decides review: a candidate whose step is under `BAR` there goes to review
  as "needs a look" (`sure`); they are never dropped.

docs/extraction.md has both tables and why review is not decided on `FITTED`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from chiso.extract.figures import Figure
from chiso.extract.indicators import Match
from chiso.numbers import read_digits

BAR = 0.5

# (raw certainty from, step): a hand-set step function; `FITTED` calibrates the steps
CALIBRATION: tuple[tuple[float, float], ...] = (
    (0.0, 0.3), (0.5, 0.55), (0.6, 0.7), (0.7, 0.8), (0.8, 0.88), (0.9, 0.93),
)
_EDGES = [edge for edge, _ in CALIBRATION]


# Fitted on reports no rule was developed on (scripts/fit_confidence.py --unseen, from the 2,050
# owned candidates of tests/fixtures/confidence/unseen.jsonl: the development documents of
# rounds 2-37, each extracted by the commit that added it): for each kind group, the step a
# candidate reached -> the smoothed, isotonic rate at which candidates of that step were right.
# Above 0.55 the step hardly tells right from wrong on such reports (the errors are of kind and
# year as often as of indicator); national averages were right under two times in three. Steps
# under the bar (owners not sure, approximate ranks, unplaced table cells) keep their value, at
# most the group's lowest rate.
FITTED: dict[str, tuple[tuple[float, float], ...]] = {
    "actual": ((0.55, 0.56), (0.6, 0.73), (0.7, 0.73), (0.8, 0.73), (0.88, 0.73), (0.93, 0.73)),
    "national_average": ((0.55, 0.47), (0.7, 0.47), (0.8, 0.63), (0.88, 0.63), (0.93, 0.63)),
    "target": ((0.55, 0.31), (0.7, 0.36), (0.8, 0.4), (0.88, 0.59), (0.93, 0.72)),
}

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


def _read(tables: dict[str, tuple[tuple[float, float], ...]], step: float, kind: str) -> float:
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


def fitted(step: float, kind: str) -> float:
    """The calibrated confidence of a candidate that reached `step`: the rate at which such
    candidates were right on reports no rule had been developed on (`FITTED`)."""
    return _read(FITTED, step, kind)


def developed(step: float, kind: str) -> float:
    """The development part's rate of being right at `step` and kind group (`DEVELOPED`)."""
    return _read(DEVELOPED, step, kind)


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
