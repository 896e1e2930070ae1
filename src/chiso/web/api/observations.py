"""Observations: the fact table, current revisions, with provenance and source."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request

from chiso.ingest.export import indicator_nodes
from chiso.store import observations
from chiso.web.api.common import ERRORS, JSON, known
from chiso.web.deps import PagingDep, SessionDep
from chiso.web.model import figure_json
from chiso.web.responses import page

router = APIRouter(tags=["observations"], responses=ERRORS)

Kind = Literal["actual", "target", "national_average", "benchmark"]


@router.get("/observations", summary="Số liệu (bản hiện hành) / figures (current revisions)",
            response_class=JSON)
def list_observations(
    request: Request,
    session: SessionDep,
    paging: PagingDep,
    unit: Annotated[list[Annotated[str, Query(max_length=40)]],
                    Query(description="Mã đơn vị / unit id (repeatable)")] = [],  # noqa: B006
    indicator: Annotated[list[Annotated[str, Query(max_length=80)]],
                         Query(description="Mã chỉ tiêu / indicator code (repeatable)")] = [],  # noqa: B006
    period: Annotated[list[Annotated[str, Query(max_length=10)]],
                      Query(description="Kỳ, ví dụ 2024 / period (repeatable)")] = [],  # noqa: B006
    kind: Annotated[list[Kind],
                    Query(description="actual | target | national_average | benchmark")] = [],  # noqa: B006
) -> JSON:
    known(session, units=unit, indicators=indicator)
    f = observations.Filter(unit_ids=unit, indicators=indicator, periods=period, kinds=kind)
    total = observations.count(session, f)
    rows = observations.figures(session, f, limit=paging.limit, offset=paging.offset)
    nodes = indicator_nodes(session)
    return JSON(page([figure_json(o, s, nodes.get(o.indicator)) for o, s in rows], total,
                     paging.limit, paging.offset, request))
