"""Communes: a province's communes ranked, a commune's scorecard, communes per province."""

from __future__ import annotations

import csv
import io
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from chiso.ingest.safe import neutral
from chiso.store import units
from chiso.web.api.common import ERRORS, JSON, MAX_INT, ok
from chiso.web.communes import commune_card, commune_run, distribution, province_communes
from chiso.web.deps import SessionDep

router = APIRouter(tags=["communes"], responses=ERRORS)
RunQ = Annotated[int | None, Query(ge=1, le=MAX_INT, description="Mã lần tính / run id")]
FwQ = Annotated[str | None, Query(max_length=80)]
YearQ = Annotated[str | None, Query(max_length=10)]


@router.get("/communes", summary="Số xã, phường theo tỉnh và phân bố điểm / communes per "
            "province and their score spread", response_class=JSON)
def communes_per_province(session: SessionDep) -> JSON:
    rows = distribution(session)
    return ok(rows, communes=sum(r["communes"] for r in rows))


@router.get("/provinces/{province_id}/communes",
            summary="Xếp hạng xã, phường của một tỉnh / a province's communes ranked",
            description="Điểm, hạng và khoảng hạng 5–95 % của từng xã; `simulated: true` khi "
                        "lần tính dùng dữ liệu mô phỏng. / Each commune's score, rank and 5–95 % "
                        "rank interval; `simulated: true` when the run is on simulated data.",
            response_class=JSON)
def province_communes_json(session: SessionDep, province_id: Annotated[str, Path(max_length=40)],
                           framework: FwQ = None, year: YearQ = None, run: RunQ = None) -> JSON:
    chosen = commune_run(session, framework, year, run, province=province_id)
    return ok(province_communes(session, province_id, chosen))


@router.get("/provinces/{province_id}/communes.csv",
            summary="Tải bảng xếp hạng xã, phường (CSV) / download a province's communes (CSV)")
def province_communes_csv(session: SessionDep, province_id: Annotated[str, Path(max_length=40)],
                          framework: FwQ = None, year: YearQ = None, run: RunQ = None) -> Response:
    chosen = commune_run(session, framework, year, run, province=province_id)
    view = province_communes(session, province_id, chosen)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["unit_id", "name", "type", "score", "rank", "rank_q05", "rank_q95", "run",
                "framework", "period", "simulated"])
    run_js = view["run"] or {}
    for r in view["rows"]:
        w.writerow([neutral(c) for c in (
            r["unit"]["id"], r["unit"]["name"], r["unit"]["type"], r["score"], r["rank"],
            r["rank_q05"], r["rank_q95"], run_js.get("id"), run_js.get("framework"),
            run_js.get("period"), "true" if view["simulated"] else "false")])
    return Response(buf.getvalue().encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition":
                             f'attachment; filename="communes-{province_id}.csv"'})


@router.get("/communes/{commune_id}", summary="Hồ sơ một xã, phường / a commune's scorecard",
            description="Mọi chỉ số thành phần: giá trị, điểm, quy tắc, minh chứng cần có, và "
                        "lịch sử điểm (ai đổi gì). / Every component: value, points, rule, the "
                        "evidence it asks for, and the points trail (who changed what).",
            response_class=JSON)
def commune_scorecard(session: SessionDep, commune_id: Annotated[str, Path(max_length=40)],
                      framework: FwQ = None, year: YearQ = None, run: RunQ = None) -> JSON:
    u = units.unit(session, commune_id)
    chosen = commune_run(session, framework, year, run, province=u.parent_id if u else None)
    return ok(commune_card(session, commune_id, chosen))
