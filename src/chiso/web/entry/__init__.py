"""Signing in, data entry, review, publication, changelog, audit and tokens on the web."""

from __future__ import annotations

from fastapi import FastAPI

from chiso.web.entry.guard import EntryGuard
from chiso.web.entry.guard import mine as private
from chiso.web.entry.routes import api_router, router

__all__ = ["install", "private"]


def install(app: FastAPI) -> None:
    """Add the entry pages, their JSON API and the guard (body limits, security headers)."""
    app.include_router(api_router)
    app.include_router(router)
    app.add_middleware(EntryGuard)
