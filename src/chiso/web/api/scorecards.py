"""Province scorecards: the same data the scorecard page shows."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from sqlalchemy.orm import Session

from chiso.compute.what_it_takes import Plan
from chiso.errors import InvalidInput, NotFound
from chiso.store import runs, units
from chiso.store.models import IndexRun
from chiso.web.api.common import ERRORS, JSON, MAX_INT, ok
from chiso.web.deps import SessionDep
from chiso.web.model import pick_run, run_json, scorecard

router = APIRouter(tags=["scorecards"], responses=ERRORS)


def scorecard_run(session, unit_id: str, run: int | None,  # type: ignore[no-untyped-def]
                  framework: str | None, year: str | None):
    """The run a scorecard shows: the one asked for, else the newest real run scoring the unit."""
    if run is not None or framework or year:
        return pick_run(session, framework, year, run)
    if units.unit(session, unit_id) is None:
        raise NotFound(f"Không có đơn vị hành chính '{unit_id}'",
                       f"No administrative unit '{unit_id}'")
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


def _plan(p: Plan | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {"kind": p.kind, "reaches": p.reaches, "score": p.score, "rank": p.rank,
            "points": p.points,
            "moves": [{"indicator": m.indicator, "before": m.before, "after": m.after,
                       "change": m.change} for m in p.moves]}


def what_it_takes_json(session: Session, unit_id: str, run: IndexRun,
                       goal: str | None) -> dict[str, Any]:
    """What it takes for a province to reach a rank under a run's method, and what a simulator
    needs to recompute its score and rank as its indicators move."""
    from chiso.compute.what_it_takes import simulator
    from chiso.report import from_store

    t = from_store.table(session, run)
    if unit_id not in t.rows:
        scorecard(session, unit_id, run)  # raises the scorecard's own NotFound
    w, gains = from_store.moves(session, t, unit_id, goal)
    if w is None:  # the run holds the score alone (a published total): nothing to move
        return {"unit": unit_id, "run": run_json(run), "simulated": bool(run.simulated),
                "available": False, "indicators": [], "goal": None,
                "message": {"vi": "Lần tính này chỉ có điểm tổng, không có các chỉ số để thay đổi.",
                            "en": "This run holds the total score only, no indices to move."}}
    data, method = from_store.inputs(session, t)
    sim = simulator(t.fw, data, method, unit_id)
    names = {n.code: n for n in t.fw.nodes()}
    rows = []
    for code, x in sim.values.items():
        node = names.get(code)
        single = None
        if w is not None and w.singles and code in w.indicators:
            single = _plan(w.singles[w.indicators.index(code)])
        gain = next((g for g in gains if g.indicator == code), None)
        rows.append({
            "code": code, "name": {"vi": node.name.vi, "en": node.name.en} if node else
            {"vi": code, "en": code}, "unit": node.unit if node else None,
            "direction": node.direction if node else None,
            "max_points": node.max_points if node else None,
            "value": x, "low": sim.ranges[code][0], "high": sim.ranges[code][1],
            "slope": sim.slopes[code], "single": single,
            "at_best": None if gain is None else {"target": gain.target, "score": gain.score,
                                                  "rank": gain.rank,
                                                  "rank_gained": gain.rank_gained}})
    return {
        "unit": unit_id, "run": run_json(run), "simulated": bool(run.simulated),
        "available": True, "score": sim.score, "rank": sim.rank, "of": len(t.rows),
        "exact": sim.exact, "rank_digits": sim.rank_digits, "others": list(sim.others),
        "total_points": t.fw.total_points,
        "goal": None if w is None else {
            "kind": w.goal, "rank": w.goal_rank, "reached": w.reached, "threshold": w.threshold,
            "combined": _plan(w.combined), "uniform": _plan(w.uniform)},
        "indicators": rows,
        "method": "exact (linear in the province's values)" if sim.exact
                  else "search with the full build (bisection)",
    }


@router.get("/scorecards/{unit_id}/what-it-takes",
            summary="Cần làm gì để lên hạng / what it takes to move up", response_class=JSON)
def get_what_it_takes(
    session: SessionDep,
    unit_id: Annotated[str, Path(max_length=40)],
    goal: Annotated[str | None, Query(max_length=8, pattern=r"^(next|top10|[0-9]{1,4})$",
                                      description="next | top10 | a rank")] = None,
    run: Annotated[int | None, Query(ge=1, le=MAX_INT)] = None,
    framework: Annotated[str | None, Query(max_length=80)] = None,
    year: Annotated[str | None, Query(max_length=10)] = None,
    values: Annotated[str | None, Query(max_length=2000, description=(
        "code=value,code=value: the score and rank with those values (the full build)"))] = None,
) -> JSON:
    chosen = scorecard_run(session, unit_id, run, framework, year)
    if chosen is None:
        raise NotFound(f"Chưa có lần tính nào xếp hạng '{unit_id}'",
                       f"No index run ranks '{unit_id}' yet")
    out = what_it_takes_json(session, unit_id, chosen, goal)
    if values and out["available"]:
        from chiso.compute.what_it_takes import score_with
        from chiso.report import from_store

        asked = _values(values)
        t = from_store.table(session, chosen)
        data, method = from_store.inputs(session, t)
        s, r = score_with(t.fw, data, method, unit_id, asked)
        out["with_values"] = {"values": asked, "score": s, "rank": r}
    return ok(out)


def _values(text: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for part in text.split(","):
        code, _, v = part.partition("=")
        try:
            out[code.strip()] = float(v.replace(",", "."))
        except ValueError:
            raise InvalidInput(f"Giá trị '{part}' không hợp lệ: dùng mã=số, ví dụ ha_tang_so=0.8.",
                               f"Bad value '{part}': use code=number, "
                               "e.g. ha_tang_so=0.8.") from None
    return out
