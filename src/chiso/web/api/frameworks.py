"""Frameworks: the indicator trees with weights, goalposts and targets."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from chiso.errors import NotFound
from chiso.store import frameworks
from chiso.web.api.common import ERRORS, JSON, ok
from chiso.web.deps import SessionDep
from chiso.web.model import framework_json

router = APIRouter(tags=["frameworks"], responses=ERRORS)


@router.get("/frameworks", summary="Các khung chỉ số / frameworks", response_class=JSON)
def list_frameworks(session: SessionDep) -> JSON:
    return ok([framework_json(rec) for rec in frameworks.frameworks(session)])


@router.get("/frameworks/{code}", summary="Một khung chỉ số và cây chỉ tiêu / one framework's tree",
            response_class=JSON)
def get_framework(
    session: SessionDep,
    code: Annotated[str, Path(max_length=80)],
    version: Annotated[str | None, Query(max_length=40)] = None,
) -> JSON:
    rec = frameworks.framework(session, code, version)
    if rec is None:
        raise NotFound(f"Không có khung chỉ số '{code}'", f"No framework '{code}'")
    return ok(framework_json(rec, with_tree=True))
