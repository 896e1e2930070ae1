"""Chỉ tiêu / Indicator: definition, unit, direction, source, targets, distribution and map."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import HTMLResponse

from chiso.store import frameworks
from chiso.web.deps import SessionDep
from chiso.web.model import framework_of, indicator_view
from chiso.web.pages.render import render

router = APIRouter()


@router.get("/indicator", response_class=HTMLResponse)
def indicators(request: Request, session: SessionDep) -> HTMLResponse:
    latest = {rec.code: rec for rec in frameworks.frameworks(session)}
    groups = [(rec, framework_of(rec).indicators()) for _code, rec in sorted(latest.items())]
    return render(request, "indicators.html", active="indicator", groups=groups)


@router.get("/indicator/{code}", response_class=HTMLResponse)
def indicator(
    request: Request,
    session: SessionDep,
    code: Annotated[str, Path(max_length=80)],
    framework: Annotated[str | None, Query(max_length=80)] = None,
    year: Annotated[str | None, Query(max_length=10)] = None,
) -> HTMLResponse:
    view = indicator_view(session, code, framework, year)
    return render(request, "indicator.html", active="indicator", view=view,
                  simulated=view["simulated"])
