"""Server-rendered pages: thin handlers over chiso.web.model."""

from __future__ import annotations

from fastapi import APIRouter

from chiso.web.pages import (
    compare,
    documents,
    downloads,
    indicator,
    methodology,
    overview,
    scorecard,
)

router = APIRouter(include_in_schema=False)
for module in (overview, documents, scorecard, indicator, compare, methodology, downloads):
    router.include_router(module.router)
