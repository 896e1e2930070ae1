"""Server-rendered pages: thin handlers over chiso.web.model."""

from __future__ import annotations

from fastapi import APIRouter

from chiso.web.pages import (
    communes,
    compare,
    documents,
    downloads,
    indicator,
    methodology,
    overview,
    projects,
    scorecard,
    search,
)

router = APIRouter(include_in_schema=False)
# projects and communes before scorecard: "/province/{unit}/projects" is not a scorecard
for module in (overview, documents, projects, communes, scorecard, indicator, compare,
               methodology, downloads, search):
    router.include_router(module.router)
