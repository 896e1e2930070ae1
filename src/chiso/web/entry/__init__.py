"""Signing in, data entry, review, publication, changelog, audit and tokens on the web: one small
module per resource, each calling chiso.workflow."""

from __future__ import annotations

from fastapi import FastAPI

from chiso.web.entry import (
    admin,
    extracted,
    feed,
    forms,
    projects,
    publish,
    review,
    runs,
    signin,
    users,
)
from chiso.web.entry.guard import EntryGuard
from chiso.web.entry.guard import mine as private

__all__ = ["install", "private"]

# projects before forms and review, extracted before review: "/entry/projects/X/view" is not a
# form, "/review/extracted" and "/review/projects" are not submission ids
MODULES = (signin, projects, forms, extracted, review, publish, runs, admin, users, feed)


def install(app: FastAPI) -> None:
    """Add the entry pages, their JSON API and the guard (body limits, security headers)."""
    for module in MODULES:
        if hasattr(module, "api_router"):
            app.include_router(module.api_router)
    for module in MODULES:
        app.include_router(module.router)
    app.add_middleware(EntryGuard)
