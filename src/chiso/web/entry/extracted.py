"""Figures extracted from reports, reviewed on the web beside the sentence each was read from,
and the same as JSON for scripts with a token."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import JSONResponse, Response

from chiso.errors import InvalidInput
from chiso.store import units
from chiso.web.api.common import ERRORS
from chiso.web.deps import StrictQuery
from chiso.web.entry.deps import ApiWrite, CheckedForm, SignedIn, WorkDep
from chiso.web.entry.page import MAX_INT, page, see_other, text
from chiso.workflow import extracted

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api/v1", tags=["entry"], dependencies=[StrictQuery],
                        responses=ERRORS)

ObsId = Annotated[int, Path(ge=1, le=MAX_INT, description="Mã số liệu / figure id")]


@router.get("/review/extracted")
def review_extracted(request: Request, auth: SignedIn, w: WorkDep) -> Response:
    """Figures extracted from reports, each with its quote: accept, correct or reject."""
    w.principal.require("review")
    rows = extracted.waiting(w)
    return page(request, "extracted.html", auth, rows=rows, total=extracted.count_waiting(w),
                unit_names=units.unit_names(w.session, (o.unit_id for o, _ in rows)),
                catalog=w.catalog, message=None)


@router.post("/review/extracted/{obs_id}")
def review_extracted_act(form: CheckedForm, w: WorkDep, obs_id: ObsId) -> Response:
    extracted.decide(w, obs_id, text(form, "action", 20), text(form, "value", 100))
    return see_other("/review/extracted")


def _candidate_json(o: Any, src: Any) -> dict[str, Any]:
    p = o.provenance or {}
    return {"id": o.id, "unit": o.unit_id, "indicator": o.indicator, "period": o.period,
            "kind": o.kind, "target_year": o.target_year, "value": o.value,
            "value_high": o.value_high, "qualifier": o.qualifier, "status": o.status,
            "quote": p.get("quote"), "span": p.get("span"), "confidence": p.get("confidence"),
            "needs_look": bool(p.get("needs_look")), "document": src.title if src else None}


@api_router.get("/review/extracted",
                summary="Số liệu trích từ báo cáo chờ duyệt / extracted figures to review "
                        "(token with 'review')")
def api_review_extracted(w: WorkDep) -> Response:
    w.principal.require("review")
    return JSONResponse({"ok": True, "total": extracted.count_waiting(w),
                         "items": [_candidate_json(o, src) for o, src in extracted.waiting(w)]})


@api_router.post("/review/extracted/{obs_id}", dependencies=[ApiWrite],
                 summary="Chấp nhận, sửa hoặc loại một số liệu trích / accept, correct or reject "
                         "an extracted figure (token with 'review')")
def api_review_extracted_act(w: WorkDep, obs_id: ObsId, body: dict[str, Any]) -> Response:
    action, value = body.get("action"), body.get("value", "")
    if not isinstance(action, str) or not isinstance(value, str | int | float) \
            or isinstance(value, bool):
        raise InvalidInput("Cần 'action' (accept, correct, reject) và 'value' khi sửa.",
                           "Send 'action' (accept, correct, reject) and 'value' to correct.")
    new = extracted.decide(w, obs_id, action[:20], str(value)[:100])
    return JSONResponse({"ok": True, "figure": _candidate_json(new, None)})
