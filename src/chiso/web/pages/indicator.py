"""Chỉ tiêu / Indicator: definition, unit, direction, source, targets, distribution and map."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import HTMLResponse

from chiso.store import frameworks
from chiso.web.deps import SessionDep
from chiso.web.model import framework_of, indicator_view
from chiso.web.pages.render import render

router = APIRouter()


def _by_pillar(fw: Any) -> list[tuple[Any, list[Any]]]:
    """A framework's indicators under the pillar they belong to, in the framework's order."""
    parents = fw.parent_of()
    nodes = {n.code: n for n in fw.nodes()}
    out: dict[str, list[Any]] = {}
    for n in fw.indicators():
        up = parents.get(n.code)
        while up and nodes[up].level not in ("pillar", "index") and parents.get(up):
            up = parents[up]
        out.setdefault(up or fw.root.code, []).append(n)
    return [(nodes[code], inds) for code, inds in out.items()]


@router.get("/indicator", response_class=HTMLResponse)
def indicators(request: Request, session: SessionDep,
               framework: Annotated[str, Query(max_length=80)] = "",
               pillar: Annotated[str, Query(max_length=80)] = "") -> HTMLResponse:
    latest = {rec.code: rec for rec in frameworks.frameworks(session)}
    groups = []
    for code, rec in sorted(latest.items()):
        if framework and code != framework:
            continue
        pillars = [(p, inds) for p, inds in _by_pillar(framework_of(rec))
                   if not pillar or p.code == pillar]
        groups.append((rec, pillars))
    all_pillars = [(rec.code, p) for rec in latest.values()
                   for p, _inds in _by_pillar(framework_of(rec))]
    return render(request, "indicators.html", active="indicator", groups=groups,
                  chosen_framework=framework, chosen_pillar=pillar, frameworks=sorted(latest),
                  names={c: r for c, r in latest.items()}, all_pillars=all_pillars)


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
