"""The JSON API under /api/v1: one small module per resource."""

from __future__ import annotations

from fastapi import APIRouter

from chiso.web.api import communes, frameworks, observations, runs, scorecards, targets, units

router = APIRouter(prefix="/api/v1")
for module in (frameworks, units, observations, runs, scorecards, targets, communes):
    router.include_router(module.router)
