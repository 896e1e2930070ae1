"""Xã, phường / Communes: communes per province, a province's communes ranked, a commune's
scorecard with every component's points and the trail of who changed what."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import HTMLResponse

from chiso.store import units
from chiso.web.api.common import MAX_INT
from chiso.web.communes import commune_card, commune_run, distribution, province_communes
from chiso.web.deps import SessionDep
from chiso.web.pages.render import render

router = APIRouter()
RunQ = Annotated[int | None, Query(ge=1, le=MAX_INT)]


@router.get("/communes", response_class=HTMLResponse)
def communes(request: Request, session: SessionDep) -> HTMLResponse:
    rows = distribution(session)
    return render(request, "communes.html", active="communes", rows=rows,
                  total=sum(r["communes"] for r in rows),
                  simulated=any(r["scored"] and r["scored"]["simulated"] for r in rows))


@router.get("/province/{province_id}/communes", response_class=HTMLResponse)
def province_page(request: Request, session: SessionDep,
                  province_id: Annotated[str, Path(max_length=40)], run: RunQ = None,
                  framework: Annotated[str | None, Query(max_length=80)] = None,
                  year: Annotated[str | None, Query(max_length=10)] = None) -> HTMLResponse:
    chosen = commune_run(session, framework, year, run, province=province_id)
    view = province_communes(session, province_id, chosen)
    return render(request, "province_communes.html", active="communes", view=view,
                  simulated=view["simulated"])


@router.get("/commune/{commune_id}", response_class=HTMLResponse)
def commune_page(request: Request, session: SessionDep,
                 commune_id: Annotated[str, Path(max_length=40)], run: RunQ = None) -> HTMLResponse:
    u = units.unit(session, commune_id)
    chosen = commune_run(session, run_id=run, province=u.parent_id if u else None)
    card = commune_card(session, commune_id, chosen)
    return render(request, "commune.html", active="communes", card=card,
                  simulated=card["simulated"])
