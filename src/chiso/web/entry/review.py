"""Review of submissions on the web: the queue, one form beside last period, accept, adjust,
send back; and the same as JSON for scripts with a token."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import JSONResponse, Response

from chiso.errors import InvalidInput
from chiso.vocab import SUBMISSION_LABELS
from chiso.web.api.common import ERRORS
from chiso.web.deps import StrictQuery
from chiso.web.entry.deps import ApiWrite, CheckedForm, SignedIn, WorkDep
from chiso.web.entry.forms import default_period
from chiso.web.entry.page import MAX_INT, int_field, page, see_other, text
from chiso.workflow import extracted, review

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api/v1", tags=["entry"], dependencies=[StrictQuery],
                        responses=ERRORS)

SubId = Annotated[int, Path(ge=1, le=MAX_INT, description="Mã biểu mẫu / submission id")]


def _state(status: str) -> str:
    return status if status in SUBMISSION_LABELS else "submitted"


@router.get("/review")
def review_queue(request: Request, auth: SignedIn, w: WorkDep,
                 status: str = "submitted") -> Response:
    state = _state(status)
    subs = review.queue(w, state)
    names = {u.id: u.full_name for u in w.catalog.units.units()}
    return page(request, "queue.html", auth, subs=subs, state=state, unit_names=names,
                frameworks=w.catalog.codes(), period=default_period(),
                extracted_waiting=extracted.count_waiting(w))


@router.get("/review/{sub_id}")
def review_one(request: Request, auth: SignedIn, w: WorkDep, sub_id: SubId) -> Response:
    w.principal.require("review")
    sub = review.submission(w, sub_id)
    rows = review.differences(w, sub)
    groups = {c: [r for r in rows if r.change == c] for c in review.CHANGES}
    return page(request, "review.html", auth, sub=sub, rows=rows, groups=groups,
                unit=w.catalog.unit(sub.unit_id), fw=w.catalog.framework(sub.framework_code),
                history=review.history(w, sub.id), message=None)


@router.post("/review/{sub_id}")
def review_act(form: CheckedForm, w: WorkDep, sub_id: SubId) -> Response:
    w.principal.require("review")
    action, version, comment = (text(form, "action", 20), int_field(form, "version"),
                                text(form, "comment"))
    if action == "accept":
        review.accept(w, sub_id, version, comment=comment)
    elif action == "reject":
        review.reject(w, sub_id, version, comment)
    elif action in ("adjust", "council_confirm"):
        values = {key[5:]: text(form, key, 100) for key in form
                  if key.startswith("adj__") and text(form, key, 100).strip()}
        if action == "adjust":
            review.adjust(w, sub_id, version, values, comment)
        else:  # the appraisal council confirms a rubric form, with its own adjustments
            review.council(w, sub_id, version, "confirm", comment, values)
    elif action == "council_return":
        review.council(w, sub_id, version, "return", comment)
    else:
        raise InvalidInput("Hành động không hợp lệ.", "Unknown action.")
    return see_other(f"/review/{sub_id}")


@api_router.get("/review",
                summary="Biểu mẫu chờ duyệt / submissions to review (token with 'review')")
def api_review_queue(w: WorkDep, status: str = "submitted") -> Response:
    return JSONResponse({"ok": True, "items": [
        {"id": x.id, "framework": x.framework_code, "period": x.period, "unit": x.unit_id,
         "status": x.status, "version": x.version} for x in review.queue(w, _state(status))]})


@api_router.post("/review/{sub_id}", dependencies=[ApiWrite],
                 summary="Chấp nhận hoặc trả lại / accept or send back (token with 'review')")
def api_review_act(w: WorkDep, sub_id: SubId, body: dict[str, Any]) -> Response:
    w.principal.require("review")
    action, version = body.get("action"), body.get("version")
    comment = str(body.get("comment") or "")[:4000]
    if not isinstance(version, int) or isinstance(version, bool) or not 0 <= version <= MAX_INT:
        raise InvalidInput("Cần 'version' (số nguyên không âm).",
                           "Send 'version' (a whole number ≥ 0).")
    if action == "accept":
        review.accept(w, sub_id, version, comment=comment)
    elif action == "reject":
        review.reject(w, sub_id, version, comment)
    else:
        raise InvalidInput("'action' phải là accept hoặc reject.",
                           "'action' must be accept or reject.")
    sub = review.submission(w, sub_id)
    return JSONResponse({"ok": True, "status": sub.status, "version": sub.version})
