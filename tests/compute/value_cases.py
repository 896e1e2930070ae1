"""Cash flows for the value tests: a row-tuple shorthand and a hypothesis strategy of portfolios
(costs, benefits and dis-benefits with low ≤ central ≤ high, several lines and years)."""

from __future__ import annotations

from hypothesis import reject
from hypothesis import strategies as st

from chiso.compute.value import BENEFIT_CATEGORIES, COST_CATEGORIES, FlowRow, Flows
from chiso.errors import ComputeError


def flows(*rows: tuple) -> Flows:
    """Flows from (project, year, kind, category, amount[, low, high, item]) tuples."""
    return Flows.from_rows(FlowRow(*r) for r in rows)


AMOUNT = st.integers(0, 10**10).map(float)


@st.composite
def portfolios(draw: st.DrawFn, max_projects: int = 5, max_years: int = 10) -> Flows:
    rows = []
    for p in range(draw(st.integers(1, max_projects))):
        for _ in range(draw(st.integers(1, 4))):
            kind = draw(st.sampled_from(("cost", "benefit")))
            cat = draw(st.sampled_from(COST_CATEGORIES if kind == "cost" else BENEFIT_CATEGORIES))
            item = draw(st.sampled_from(("", "x", "y")))
            sign = (-1.0 if kind == "benefit" and draw(st.booleans()) and draw(st.booleans())
                    else 1.0)
            for year in sorted(draw(st.sets(st.integers(0, max_years), min_size=1, max_size=4))):
                lo, mid, hi = sorted(sign * v for v in (draw(AMOUNT), draw(AMOUNT), draw(AMOUNT)))
                rows.append(FlowRow(f"p{p}", year, kind, cat, mid, lo, hi, item))
    try:
        return Flows.from_rows(rows)
    except ComputeError:  # the same line drawn twice in one year
        reject()
        raise
