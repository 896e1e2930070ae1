"""Phương pháp / Methodology: the tree with weights, the method, data availability, the run
record."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse

from chiso.errors import NotFound
from chiso.store import frameworks, observations, runs
from chiso.web.deps import RunQuery, SessionDep
from chiso.web.model import (
    describe_run,
    framework_for_run,
    framework_of,
    official_of,
    pick_run,
    public_runs,
    run_json,
    runs_json,
    tree_rows,
)
from chiso.web.pages.render import render

router = APIRouter()


@router.get("/methodology", response_class=HTMLResponse)
def methodology(
    request: Request,
    session: SessionDep,
    choice: RunQuery,
) -> HTMLResponse:
    framework, year, run = choice.framework, choice.year, choice.run
    try:
        chosen = pick_run(session, framework, year, run)
    except NotFound:
        if run is not None or not framework or frameworks.framework(session, framework) is None:
            raise
        chosen = None  # a framework with no run yet: show its tree
    rec = None
    if chosen is not None:
        rec, _fw = framework_for_run(session, chosen)
    elif framework:
        rec = frameworks.framework(session, framework)
    stored = {r.code: r for r in frameworks.frameworks(session)}
    if rec is None and stored:
        rec = next(iter(stored.values()))
    fw = framework_of(rec) if rec else None
    avail: dict[str, int] = {}
    n_units = 0
    if chosen is not None and fw is not None:
        units = runs.run_units(session, chosen.id)
        n_units = len(units)
        avail = observations.availability(session, [n.code for n in fw.indicators()], units,
                                          chosen.period)
    return render(request, "methodology.html", active="method", rec=rec, fw=fw,
                  tree=tree_rows(fw) if fw else [],
                  run=run_json(chosen, official_of(session, chosen.framework_code, chosen.period)
                               is not None) if chosen else None,
                  record=describe_run(chosen) if chosen else [],
                  avail=avail, n_units=n_units, frameworks=list(stored.values()),
                  runs=runs_json(session, public_runs(session, rec.code if rec else None)),
                  simulated=bool(chosen and chosen.simulated))
