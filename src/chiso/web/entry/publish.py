"""Publication on the web: publishing a period, the public changelog, the published figures."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import JSONResponse, Response

from chiso.errors import NotFound
from chiso.store import observations, units
from chiso.store import runs as stored_runs
from chiso.web.api.common import ERRORS
from chiso.web.deps import StrictQuery
from chiso.web.entry.deps import CheckedForm, PublicWork, WorkDep
from chiso.web.entry.forms import Period
from chiso.web.entry.page import page, see_other, text
from chiso.workflow import publish

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api/v1", tags=["entry"], dependencies=[StrictQuery],
                        responses=ERRORS)


@router.post("/publish")
def publish_period(form: CheckedForm, w: WorkDep) -> Response:
    publish.publish(w, text(form, "framework", 80), text(form, "period", 10), text(form, "note"))
    return see_other("/changelog")


@router.get("/changelog")
def changelog(request: Request, w: PublicWork) -> Response:
    pubs = publish.changelog(w)
    official = [r for r in stored_runs.runs(w.session) if r.published_at is not None]
    return page(request, "changelog.html", None, pubs=pubs, active="changelog",
                official=sorted(official, key=lambda r: r.published_at, reverse=True)[:50],
                unit_names=units.unit_names(w.session, (c.unit_id for _p, rows in pubs
                                                        for c in rows)),
                catalog=w.catalog)


@api_router.get("/published/{fw_code}/{period}",
                summary="Số liệu đã công bố / the published figures of a period (public)")
def api_published(w: PublicWork, fw_code: Annotated[str, Path(max_length=80)],
                  period: Period) -> Response:
    found = publish.latest(w, fw_code, period)
    if found is None:
        raise NotFound(f"Kỳ {period} của {fw_code} chưa được công bố.",
                       f"Period {period} of {fw_code} has not been published.")
    pub, figs = found

    def one(series_key: str, unit_id: str, indicator: str,
            value: float | None) -> dict[str, object]:
        *_, kind, target_year = observations.series_parts(series_key)
        return {"unit": unit_id, "indicator": indicator, "kind": kind,
                "target_year": target_year, "value": value}

    return JSONResponse({"ok": True, "framework": pub.framework_code, "period": period,
                         "publication": pub.number, "published_at": pub.published_at.isoformat(),
                         "figures": [one(f.series_key, f.unit_id, f.indicator, f.value)
                                     for f in figs]})
