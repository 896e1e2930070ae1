"""Tổng quan / Overview: the map, the ranking with pillars, rank changes and intervals."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse, RedirectResponse

from chiso.web.deps import RunQuery, SessionDep
from chiso.web.model import pick_run, ranking, selectors
from chiso.web.pages.render import render

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def overview(
    request: Request,
    session: SessionDep,
    choice: RunQuery,
) -> HTMLResponse:
    framework, year, run = choice.framework, choice.year, choice.run
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
