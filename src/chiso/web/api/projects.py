"""The project value register: the register, a project's appraisal, a province's portfolio,
the platform catalogue; as the pages show them (published projects only)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from chiso.web.api.common import ERRORS, JSON, ok
from chiso.web.deps import SessionDep
from chiso.web.project_model import platforms_view, portfolio_view, project_view, register_view

router = APIRouter(tags=["projects"], responses=ERRORS)

Text = Annotated[str | None, Query(max_length=120)]


@router.get("/projects", summary="Sổ dự án / the project register", response_class=JSON)
def get_projects(session: SessionDep, unit: Text = None, status: Text = None,
                 sector: Text = None,
                 bar: Annotated[str | None, Query(pattern="^(met|not_met)$")] = None) -> JSON:
    reg = register_view(session, unit=unit, status=status, sector=sector, bar=bar)
    return ok(reg["projects"], filters=reg["filters"], bar=reg["bar"], rate=reg["rate"])


@router.get("/projects/platforms", summary="Danh mục nền tảng số / platform catalogue",
            response_class=JSON)
def get_platforms(session: SessionDep) -> JSON:
    return ok(platforms_view(session)["platforms"])


@router.get("/projects/portfolio/{unit_id}",
            summary="Danh mục dự án của tỉnh / a province's portfolio", response_class=JSON)
def get_portfolio(session: SessionDep, unit_id: Annotated[str, Path(max_length=40)]) -> JSON:
    return ok(portfolio_view(session, unit_id))


@router.get("/projects/{code}", summary="Một dự án và thẩm định / one project, appraised",
            response_class=JSON)
def get_project(session: SessionDep, code: Annotated[str, Path(max_length=80)]) -> JSON:
    p = project_view(session, code)
    return ok({k: v for k, v in p.items() if k != "data"},
              project={k: v for k, v in p["data"].items() if k != "stored_appraisal"})
