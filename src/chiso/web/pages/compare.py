"""So sánh / Compare: two to five provinces side by side on one run."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import HTMLResponse

from chiso.web.deps import RunQuery, SessionDep
from chiso.web.model import pick_run, ranking, selectors
from chiso.web.pages.render import render

router = APIRouter()


@router.get("/compare", response_class=HTMLResponse)
def compare(
    request: Request,
    session: SessionDep,
    choice: RunQuery,
    unit: Annotated[list[Annotated[str, Query(max_length=40)]], Query(max_length=5)] = [],  # noqa: B006
) -> HTMLResponse:
    framework, year, run = choice.framework, choice.year, choice.run
    shown = pick_run(session, framework, year, run)
    rank = ranking(session, shown) if shown else None
    chosen = []
    if rank:
        by_id = {r["unit"]["id"]: r for r in rank["rows"]}
        chosen = [by_id[u] for u in dict.fromkeys(unit) if u in by_id][:5]
    return render(request, "compare.html", active="compare", rank=rank, chosen=chosen,
                  picked=[r["unit"]["id"] for r in chosen], selectors=selectors(session),
                  current_fw=shown.framework_code if shown else None,
                  current_year=shown.period if shown else None,
                  current_run=shown.id if shown else None,
                  simulated=bool(shown and shown.simulated))
