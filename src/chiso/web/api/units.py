"""Administrative units, valid on a date, with their lineage."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request
from pydantic import BeforeValidator

from chiso.errors import NotFound
from chiso.store import units
from chiso.web.api.common import ERRORS, JSON, ok
from chiso.web.deps import PagingDep, SessionDep
from chiso.web.model import unit_json
from chiso.web.responses import page

router = APIRouter(tags=["units"], responses=ERRORS)

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_only(value: object) -> object:
    """A day written YYYY-MM-DD, nothing else: pydantic alone would read "0.0" as a Unix time
    (1/1/1970) and answer units valid then."""
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError("ngày phải viết YYYY-MM-DD / a day is written YYYY-MM-DD")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_only)]


@router.get("/units", summary="Đơn vị hành chính / administrative units", response_class=JSON)
def list_units(
    request: Request,
    session: SessionDep,
    paging: PagingDep,
    as_of: Annotated[IsoDate | None,
                     Query(description="Còn hiệu lực vào ngày / in force on (YYYY-MM-DD)")] = None,
    level: Annotated[Literal["country", "province", "commune"] | None, Query()] = None,
) -> JSON:
    rows = units.units(session, as_of=as_of, level=level)
    chunk = rows[paging.offset : paging.offset + paging.limit]
    return JSON(page([unit_json(u) for u in chunk], len(rows), paging.limit, paging.offset,
                     request))


@router.get("/units/{unit_id}",
            summary="Một đơn vị và nguồn gốc sáp nhập / one unit and its lineage",
            response_class=JSON)
def get_unit(session: SessionDep, unit_id: Annotated[str, Path(max_length=40)]) -> JSON:
    u = units.unit(session, unit_id)
    if u is None:
        raise NotFound(f"Không có đơn vị hành chính '{unit_id}'",
                       f"No administrative unit '{unit_id}'")
    return ok({
        **unit_json(u),
        "predecessors": [{"unit": unit_json(p), "effective": e.effective.isoformat(),
                          "kind": e.kind}
                         for p, e in units.predecessors(session, unit_id)],
        "successors": [{"unit": unit_json(s), "effective": e.effective.isoformat(), "kind": e.kind}
                       for s, e in units.successors(session, unit_id)],
    })
