"""Targets and projected status of a province's indicators."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from chiso.web.api.common import ERRORS, JSON, MAX_INT, known, ok
from chiso.web.api.scorecards import scorecard_run
from chiso.web.deps import SessionDep
from chiso.web.model import scorecard

router = APIRouter(tags=["targets"], responses=ERRORS)


@router.get("/targets",
            summary="Mục tiêu, chênh lệch và dự báo / targets, gaps and projected status",
            response_class=JSON)
def list_targets(
    session: SessionDep,
    unit: Annotated[str, Query(max_length=40, description="Mã đơn vị / unit id")],
    indicator: Annotated[list[Annotated[str, Query(max_length=80)]], Query()] = [],  # noqa: B006
    run: Annotated[int | None, Query(ge=1, le=MAX_INT)] = None,
    framework: Annotated[str | None, Query(max_length=80)] = None,
    year: Annotated[str | None, Query(max_length=10)] = None,
) -> JSON:
    known(session, units=[unit], indicators=indicator)
    card = scorecard(session, unit, scorecard_run(session, unit, run, framework, year))
    rows = [
        {k: r[k] for k in ("code", "name", "unit", "direction", "value", "period", "target",
                           "gap", "status", "trend")}
        for r in [*card["indicators"], *card.get("other_indicators", [])]
        if r["target"] is not None and (not indicator or r["code"] in indicator)
    ]
    return ok(rows, unit=card["unit"], run=card["run"])
