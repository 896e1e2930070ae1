"""The JSON API under /api/v1: one small module per resource."""

from __future__ import annotations

from fastapi import APIRouter

from chiso.web.api import (
    communes,
    docs,
    frameworks,
    observations,
    projects,
    runs,
    scorecards,
    targets,
    units,
)
from chiso.web.deps import StrictQuery

router = APIRouter(prefix="/api/v1", dependencies=[StrictQuery])
for module in (docs, frameworks, units, observations, runs, scorecards, targets, projects,
               communes):
    router.include_router(module.router)
