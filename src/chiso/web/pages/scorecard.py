"""Hồ sơ tỉnh / Province scorecard: score, rank, pillars, every indicator with its provenance."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import HTMLResponse

from chiso.web.api.common import MAX_INT
from chiso.web.api.scorecards import scorecard_run
from chiso.web.deps import SessionDep
from chiso.web.model import pick_run, ranking, scorecard
from chiso.web.pages.render import render

router = APIRouter()


@router.get("/province", response_class=HTMLResponse)
def provinces(
    request: Request,
    session: SessionDep,
    run: Annotated[int | None, Query(ge=1, le=MAX_INT)] = None,
) -> HTMLResponse:
    chosen = pick_run(session, run_id=run)
    rank = ranking(session, chosen) if chosen else None
    return render(request, "provinces.html", active="scorecard", rank=rank)


@router.get("/province/{unit_id}", response_class=HTMLResponse)
def province(
    request: Request,
    session: SessionDep,
    unit_id: Annotated[str, Path(max_length=40)],
    run: Annotated[int | None, Query(ge=1, le=MAX_INT)] = None,
    framework: Annotated[str | None, Query(max_length=80)] = None,
    year: Annotated[str | None, Query(max_length=10)] = None,
    compare: Annotated[str | None, Query(max_length=40)] = None,
) -> HTMLResponse:
    chosen = scorecard_run(session, unit_id, run, framework, year)
    card = scorecard(session, unit_id, chosen)
    rows = ranking(session, chosen)["rows"] if chosen is not None else []
    other = next((r for r in rows if compare and r["unit"]["id"] == compare != unit_id), None)
    simulated = bool(chosen and chosen.simulated) or any(
        r["figure"] and r["figure"]["simulated"] for r in card["indicators"])
    return render(request, "scorecard.html", active="scorecard", card=card, simulated=simulated,
                  compare=other, compare_choices=[r["unit"] for r in rows
                                                  if r["unit"]["id"] != unit_id])
