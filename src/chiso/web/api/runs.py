"""Index runs: the run record, scores and ranks of every node, and the rank intervals."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from chiso.errors import NotFound
from chiso.store import runs
from chiso.store.models import IndexRun
from chiso.web.api.common import ERRORS, JSON, MAX_INT, known, ok
from chiso.web.deps import PagingDep, SessionDep
from chiso.web.model import (
    official_of,
    pick_run,
    public_runs,
    ranking,
    run_json,
    runs_json,
    selectors,
)
from chiso.web.responses import page
from chiso.workflow.runs import stale_cells

router = APIRouter(tags=["index"], responses=ERRORS)

RunId = Annotated[int, Path(ge=1, le=MAX_INT, description="Mã lần tính / run id")]
Top = Annotated[int | None, Query(ge=1, le=1000, description="Chỉ lấy N hạng đầu / the first "
                                                          "N rows only (default all)")]
Skip = Annotated[int, Query(ge=0, le=10_000_000, description="Bỏ qua / rows to skip")]


def _rows(rank: dict[str, Any], limit: int | None, offset: int) -> dict[str, Any]:
    """A ranking with its rows cut to `offset`..`offset + limit`, and their total."""
    rows = rank["rows"]
    end = None if limit is None else offset + limit
    return {**rank, "total": len(rows), "limit": limit, "offset": offset,
            "rows": rows[offset:end]}


def _run(session: SessionDep, run_id: int) -> IndexRun:
    found = pick_run(session, run_id=run_id)
    assert found is not None
    return found


@router.get("/runs", summary="Các lần tính chỉ số / index runs", response_class=JSON)
def list_runs(
    request: Request,
    session: SessionDep,
    paging: PagingDep,
    framework: Annotated[str | None, Query(max_length=80)] = None,
    period: Annotated[str | None, Query(max_length=10)] = None,
) -> JSON:
    if framework:
        known(session, framework=(framework, None))
    rows = public_runs(session, framework, period)
    data = runs_json(session, rows)[paging.offset : paging.offset + paging.limit]
    return JSON(page(data, len(rows), paging.limit, paging.offset, request))


@router.get("/runs/{run_id}", summary="Bản ghi một lần tính / one run record", response_class=JSON)
def get_run(session: SessionDep, run_id: RunId) -> JSON:
    run = _run(session, run_id)
    return ok(run_json(run, official_of(session, run.framework_code, run.period) is not None),
              stale=[c.__dict__ for c in stale_cells(session, run)])


@router.get("/runs/{run_id}/results",
            summary="Điểm và hạng mọi nút / scores and ranks of every node",
            response_class=JSON)
def run_results(
    request: Request,
    session: SessionDep,
    paging: PagingDep,
    run_id: RunId,
    node: Annotated[list[Annotated[str, Query(max_length=80)]], Query()] = [],  # noqa: B006
    unit: Annotated[list[Annotated[str, Query(max_length=40)]], Query()] = [],  # noqa: B006
) -> JSON:
    run = _run(session, run_id)
    known(session, units=unit, nodes=node, framework=(run.framework_code, run.framework_version))
    rows = runs.results(session, run_id, node, unit)
    chunk = rows[paging.offset : paging.offset + paging.limit]
    data = [{"unit": r.unit_id, "node": r.node_code, "score": r.score, "rank": r.rank,
             "rank_q05": r.rank_q05, "rank_q95": r.rank_q95, "rank_median": r.rank_median}
            for r in chunk]
    return JSON(page(data, len(rows), paging.limit, paging.offset, request))


@router.get("/runs/{run_id}/ranking",
            summary="Bảng xếp hạng / ranking with pillars and rank change",
            response_class=JSON)
def run_ranking(session: SessionDep, run_id: RunId, limit: Top = None, offset: Skip = 0) -> JSON:
    return ok(_rows(ranking(session, _run(session, run_id)), limit, offset))


@router.get("/runs/{run_id}/uncertainty",
            summary="Khoảng hạng 5–95 % / rank intervals from the uncertainty analysis",
            response_class=JSON)
def run_uncertainty(session: SessionDep, run_id: RunId) -> JSON:
    rank = ranking(session, _run(session, run_id))
    data = [{"unit": r["unit"]["id"], "name": r["unit"]["name"], "rank": r["rank"],
             "rank_q05": r["rank_q05"], "rank_median": r["rank_median"], "rank_q95": r["rank_q95"]}
            for r in rank["rows"]]
    return ok(data, run=rank["run"], available=rank["has_interval"])


@router.get("/ranking", summary="Bảng xếp hạng theo khung và năm / ranking by framework and year",
            description="Mặc định là kết quả chính thức của khung và năm; `run` chọn lần tính "
                        "khác, luôn kèm nhãn (`run.what`). / The official run of the framework "
                        "and year by default; `run` picks any other, always labelled "
                        "(`run.what`).", response_class=JSON)
def current_ranking(
    session: SessionDep,
    framework: Annotated[str | None, Query(max_length=80)] = None,
    period: Annotated[str | None, Query(max_length=10, description="Năm / year, e.g. 2024")] = None,
    year: Annotated[str | None, Query(max_length=10, description="= period")] = None,
    run: Annotated[int | None, Query(ge=1, le=MAX_INT, description="Mã lần tính / run id")] = None,
    limit: Top = None,
    offset: Skip = 0,
) -> JSON:
    chosen = pick_run(session, framework, period or year, run)
    if chosen is None:
        raise NotFound("Chưa có kết quả chỉ số nào", "No index results are stored yet")
    return ok(_rows(ranking(session, chosen), limit, offset), selectors=selectors(session))
