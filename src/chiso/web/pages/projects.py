"""Dự án CNTT / IT projects: the register, a project, a province's portfolio, the platform
catalogue (thin handlers over chiso.web.project_model)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import HTMLResponse

from chiso.web.deps import SessionDep
from chiso.web.pages.render import render
from chiso.web.project_model import platforms_view, portfolio_view, project_view, register_view

router = APIRouter()

Text = Annotated[str | None, Query(max_length=120)]


@router.get("/projects", response_class=HTMLResponse)
def projects(request: Request, session: SessionDep, unit: Text = None, status: Text = None,
             sector: Text = None, bar: Text = None) -> HTMLResponse:
    reg = register_view(session, unit=unit or None, status=status or None,
                        sector=sector or None, bar=bar or None)
    return render(request, "projects.html", active="projects", reg=reg,
                  simulated=reg["simulated"])


@router.get("/projects/{code}", response_class=HTMLResponse)
def project(request: Request, session: SessionDep,
            code: Annotated[str, Path(max_length=80)]) -> HTMLResponse:
    p = project_view(session, code)
    return render(request, "project.html", active="projects", p=p, simulated=p["simulated"])


@router.get("/province/{unit_id}/projects", response_class=HTMLResponse)
def portfolio(request: Request, session: SessionDep,
              unit_id: Annotated[str, Path(max_length=40)]) -> HTMLResponse:
    pf = portfolio_view(session, unit_id)
    return render(request, "portfolio.html", active="projects", pf=pf, simulated=pf["simulated"])


@router.get("/platforms", response_class=HTMLResponse)
def platforms(request: Request, session: SessionDep) -> HTMLResponse:
    cat = platforms_view(session)
    return render(request, "platforms.html", active="projects", cat=cat,
                  simulated=cat["simulated"])
