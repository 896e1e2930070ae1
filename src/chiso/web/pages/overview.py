"""Tổng quan / Overview: the map, the ranking with pillars, rank changes and intervals."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import HTMLResponse, RedirectResponse

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
) -> HTMLResponse:
    run = pick_run(session, framework, year)
    rank = ranking(session, run) if run else None
    return render(
        request, "overview.html", active="overview", rank=rank, selectors=selectors(session),
        current_fw=run.framework_code if run else None, current_year=run.period if run else None,
        simulated=bool(run and run.simulated),
    )


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> RedirectResponse:
    return RedirectResponse("/static/favicon.svg", status_code=301)
