"""Index runs on the web, for the ministry: compute a run on the stored figures, compare it with
the official one, publish it."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response

from chiso.compute import Method, UncertaintySpec
from chiso.errors import InvalidInput
from chiso.store import runs as stored
from chiso.web.entry.deps import CheckedForm, SignedIn, WorkDep
from chiso.web.entry.forms import default_period
from chiso.web.entry.page import MAX_INT, int_field, page, see_other, text
from chiso.web.model import runs_json
from chiso.workflow.runs import RunSpec, compute_run, publish_run, stale_cells

router = APIRouter(include_in_schema=False)
MAX_REPLICATIONS = 10_000


@router.get("/runs")
def runs_page(request: Request, auth: SignedIn, w: WorkDep) -> Response:
    w.principal.require("publish")
    rows = list(stored.runs(w.session))
    return page(request, "runs.html", auth, runs=runs_json(w.session, rows),
                stale={r.id: len(stale_cells(w.session, r)) for r in rows},
                frameworks=w.catalog.codes(), period=default_period(), message=None)


@router.post("/runs")
def runs_compute(form: CheckedForm, w: WorkDep) -> Response:
    fw = w.catalog.framework(text(form, "framework", 80))
    period = text(form, "period", 10).strip()
    if not (period.isdigit() and len(period) == 4):
        raise InvalidInput("Kỳ phải là một năm, ví dụ 2024.",
                           "The period must be a year, e.g. 2024.")
    n = int_field(form, "uncertainty") if text(form, "uncertainty", 12).strip() else 0
    if n > MAX_REPLICATIONS:
        raise InvalidInput(f"Tối đa {MAX_REPLICATIONS} lần mô phỏng trên trang web; dùng "
                           "`chiso index run` cho nhiều hơn.",
                           f"At most {MAX_REPLICATIONS} replications on the web; use "
                           "`chiso index run` for more.")
    units = tuple(u.id for u in w.catalog.provinces(date(int(period), 12, 31)))
    run = compute_run(w, RunSpec(
        framework=fw, period=period, unit_ids=units, method=Method.for_framework(fw),
        label=text(form, "label", 200).strip() or f"{fw.id} {period}",
        uncertainty=UncertaintySpec(n=n, seed=int(period)) if n else None,
        inputs="reviewed" if text(form, "inputs", 20) == "reviewed" else "public"))
    return see_other(f"/runs#run-{run.id}")


@router.post("/runs/{run_id}/publish")
def runs_publish(form: CheckedForm, w: WorkDep,
                 run_id: Annotated[int, Path(ge=1, le=MAX_INT)]) -> Response:
    publish_run(w, run_id, text(form, "note"))
    return see_other(f"/runs#run-{run_id}")
