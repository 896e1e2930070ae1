"""Province scorecards: the same data the scorecard page shows."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from chiso.errors import NotFound
from chiso.store import runs, units
from chiso.web.api.common import ERRORS, JSON, MAX_INT, ok
from chiso.web.deps import SessionDep
from chiso.web.model import pick_run, scorecard

router = APIRouter(tags=["scorecards"], responses=ERRORS)


def scorecard_run(session, unit_id: str, run: int | None, framework: str | None, year: str | None):  # type: ignore[no-untyped-def]
    """The run a scorecard shows: the one asked for, else the newest real run scoring the unit."""
    if run is not None or framework or year:
        return pick_run(session, framework, year, run)
    if units.unit(session, unit_id) is None:
        raise NotFound(f"Không có đơn vị hành chính '{unit_id}'", f"No administrative unit '{unit_id}'")
    found = runs.runs_with_unit(session, unit_id)
    return found[0] if found else None


@router.get("/scorecards/{unit_id}", summary="Hồ sơ tỉnh / province scorecard", response_class=JSON)
def get_scorecard(
    session: SessionDep,
    unit_id: Annotated[str, Path(max_length=40)],
    run: Annotated[int | None, Query(ge=1, le=MAX_INT)] = None,
    framework: Annotated[str | None, Query(max_length=80)] = None,
    year: Annotated[str | None, Query(max_length=10)] = None,
) -> JSON:
    chosen = scorecard_run(session, unit_id, run, framework, year)
    return ok(scorecard(session, unit_id, chosen))
