"""Tổng quan / Overview: the map, the ranking with pillars, rank changes and intervals."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import HTMLResponse, RedirectResponse

from chiso.web.api.common import MAX_INT
from chiso.web.deps import SessionDep
from chiso.web.model import pick_run, ranking, selectors
from chiso.web.pages.render import render

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def overview(
    request: Request,
    session: SessionDep,
    framework: Annotated[str | None, Query(max_length=80)] = None,
    year: Annotated[str | None, Query(max_length=10)] = None,
    run: Annotated[int | None, Query(ge=1, le=MAX_INT)] = None,
) -> HTMLResponse:
    chosen = pick_run(session, framework, year, run)
    rank = ranking(session, chosen) if chosen else None
    return render(
        request, "overview.html", active="overview", rank=rank, selectors=selectors(session),
        current_fw=chosen.framework_code if chosen else None,
        current_year=chosen.period if chosen else None, current_run=chosen.id if chosen else None,
        simulated=bool(chosen and chosen.simulated),
    )


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> RedirectResponse:
    return RedirectResponse("/static/favicon.svg", status_code=301)
