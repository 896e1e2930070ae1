"""What the commune pages and the API show: a province's communes ranked with their scores and
rank intervals, a commune's scorecard (every component with its rule, evidence, points and the
trail of who changed what), and the distribution of communes per province."""

from __future__ import annotations

import statistics
from datetime import date
from typing import Any

import numpy as np
from sqlalchemy.orm import Session

from chiso.compute.rubric import Rubric, points
from chiso.errors import NotFound
from chiso.framework.schema import Appraiser, Count, Node, Proportional, Tiers, YesNo
from chiso.numbers import format_vi
from chiso.store import observations, runs, submissions, units
from chiso.store.models import IndexRun
from chiso.vocab import REFORM_DATE
from chiso.web.model import framework_for_run, pick_run, ranking, unit_json

LEVEL = "commune"


def _num(x: float) -> str:
    return f"{x:g}"


def rule_text(node: Node) -> dict[str, str] | None:
    """A component's scoring rule in words, both languages."""
    rule, top = node.rule, _num(node.max_points or 0)
    top_vi = format_vi(node.max_points or 0)
    if rule is None:
        return None
    if isinstance(rule, YesNo):
        vi, en = f"Có: {top_vi} điểm; không: 0", f"Yes: {top} points; no: 0"
        for a in rule.partial:
            vi += f"; {a.label.vi} (nhập {format_vi(a.value)}): {format_vi(a.points)}"
            en += f"; {a.label.en} (enter {_num(a.value)}): {_num(a.points)}"
        return {"vi": vi, "en": en}
    if isinstance(rule, Tiers):
        steps = sorted(rule.tiers, key=lambda t: t.min)
        return {"vi": "Theo bậc: " + "; ".join(f"từ {format_vi(t.min)}: {format_vi(t.points)} điểm"
                                       for t in steps),
                "en": "Tiers: " + "; ".join(f"from {_num(t.min)}: {_num(t.points)} points"
                                            for t in steps)}
    if isinstance(rule, Proportional):
        floor_vi = f", dưới {format_vi(rule.floor)}: 0" if rule.floor else ""
        floor_en = f", below {_num(rule.floor)}: 0" if rule.floor else ""
        return {"vi": f"Tỷ lệ với đích {format_vi(rule.target)}, tối đa {top_vi} điểm{floor_vi}",
                "en": f"In proportion to the target {_num(rule.target)}, "
                      f"at most {top} points{floor_en}"}
    if isinstance(rule, Count):
        return {"vi": f"{format_vi(rule.per_item)} điểm mỗi mục, tối đa {top_vi}",
                "en": f"{_num(rule.per_item)} points per item, at most {top}"}
    assert isinstance(rule, Appraiser)
    return {"vi": f"Hội đồng thẩm định chấm, 0–{top_vi} điểm",
            "en": f"Scored by the appraisal council, 0–{top} points"}


def commune_run(session: Session, framework: str | None = None, period: str | None = None,
                run_id: int | None = None, province: str | None = None) -> IndexRun | None:
    """The commune run a page shows: the one asked for, else the best labelled run of communes
    (of the province, when one is named)."""
    if run_id is not None or province is None:
        return pick_run(session, framework, period, run_id, level=LEVEL)
    mine = [r for r in runs.runs(session, framework, period)
            if r.unit_level == LEVEL and r.status != "preview"
            and _parent_of_run(session, r) == province]
    if not mine:
        return None
    return pick_run(session, mine[0].framework_code, period, None, level=LEVEL)


def _parent_of_run(session: Session, run: IndexRun) -> str | None:
    ids = runs.run_units(session, run.id)[:1]
    u = units.unit(session, ids[0]) if ids else None
    return u.parent_id if u else None


def province_communes(session: Session, province_id: str, run: IndexRun | None) -> dict[str, Any]:
    """A province's communes, ranked by the run when there is one (its rank interval beside)."""
    prov = units.unit(session, province_id)
    if prov is None or prov.level != "province":
        raise NotFound(f"Không có tỉnh, thành phố '{province_id}'",
                       f"No province '{province_id}'")
    listed = [u for u in units.units(session, as_of=max(date.today(), REFORM_DATE), level=LEVEL)
              if u.parent_id == province_id]
    out: dict[str, Any] = {"province": unit_json(prov), "communes": len(listed), "run": None,
                           "rows": [], "unscored": [unit_json(u) for u in listed],
                           "moved": [], "simulated": False}
    if run is None:
        return out
    rank = ranking(session, run)
    rows = [r for r in rank["rows"] if r["unit"]["parent"] == province_id]
    scored = {r["unit"]["id"] for r in rows}
    out.update({
        "run": rank["run"], "kind": rank["kind"], "framework": rank["framework"],
        "pillars": rank["pillars"], "has_interval": rank["has_interval"], "rows": rows,
        "unscored": [unit_json(u) for u in listed if u.id not in scored],
        "simulated": bool(run.simulated),
        "moved": sorted((r for r in rows if r["rank_change"]),
                        key=lambda r: -abs(r["rank_change"]))[:5],
        "summary": _summary([r["score"] for r in rows]),
    })
    return out


def _summary(scores: list[float | None]) -> dict[str, float] | None:
    vals = sorted(s for s in scores if s is not None)
    if not vals:
        return None
    q = statistics.quantiles(vals, n=4) if len(vals) > 1 else [vals[0]] * 3
    return {"n": len(vals), "min": vals[0], "q1": q[0], "median": q[1], "q3": q[2],
            "max": vals[-1]}


def distribution(session: Session) -> list[dict[str, Any]]:
    """Every province with its communes, and where a run scores them, their score spread."""
    day = max(date.today(), REFORM_DATE)
    provinces = units.units(session, as_of=day, level="province")
    count: dict[str, int] = {}
    for u in units.units(session, as_of=day, level=LEVEL):
        count[u.parent_id or ""] = count.get(u.parent_id or "", 0) + 1
    scored: dict[str, dict[str, Any]] = {}
    for run in runs.runs(session):
        if run.unit_level != LEVEL or run.status == "preview":
            continue
        parent = _parent_of_run(session, run)
        if parent is None or parent in scored:
            continue
        chosen = commune_run(session, province=parent) or run
        rows = [r for r in ranking(session, chosen)["rows"] if r["unit"]["parent"] == parent]
        scored[parent] = {"run": chosen.id, "framework": chosen.framework_code,
                          "period": chosen.period, "simulated": bool(chosen.simulated),
                          "summary": _summary([r["score"] for r in rows])}
    return [{"province": unit_json(p), "communes": count.get(p.id, 0), **({"scored": scored[p.id]}
             if p.id in scored else {"scored": None})} for p in provinces]


def commune_card(session: Session, commune_id: str, run: IndexRun | None) -> dict[str, Any]:
    """A commune's scorecard: its score and rank in the run, every component with its value,
    points, rule and evidence, and the points trail (each revision and review: who, what)."""
    u = units.unit(session, commune_id)
    if u is None or u.level != LEVEL:
        raise NotFound(f"Không có xã, phường '{commune_id}'", f"No commune '{commune_id}'")
    prov = units.unit(session, u.parent_id) if u.parent_id else None
    out: dict[str, Any] = {"unit": unit_json(u), "province": unit_json(prov) if prov else None,
                           "run": None, "score": None, "groups": [], "components": [],
                           "reviews": [], "simulated": False}
    if run is None:
        return out
    rank = ranking(session, run)
    me = next((r for r in rank["rows"] if r["unit"]["id"] == commune_id), None)
    if me is None:
        raise NotFound(f"{u.name} không có trong lần tính {run.id}",
                       f"{u.name} is not in index run {run.id}")
    _, fw = framework_for_run(session, run)
    peers = [r for r in rank["rows"] if r["unit"]["parent"] == u.parent_id]
    out.update({"run": rank["run"], "kind": rank["kind"], "framework": rank["framework"],
                "units_ranked": len(peers), "simulated": bool(run.simulated),
                "score": {k: me[k] for k in ("score", "rank", "rank_q05", "rank_q95",
                                            "rank_median", "rank_change")}})
    comps = fw.scored_indicators()
    keys = [observations.series_key(commune_id, n.code, run.period, "actual", None) for n in comps]
    trail = observations.histories(session, keys)
    public = {o.indicator: (o, src) for o, src in observations.figures(
        session, observations.Filter(unit_ids=[commune_id], indicators=[n.code for n in comps],
                                     periods=[run.period], kinds=["actual"]))}
    values = np.array([[public[n.code][0].value if n.code in public and
                        public[n.code][0].value is not None else np.nan for n in comps]])
    earned = points(Rubric.of(comps), values)[0] if comps else np.array([])
    parents = fw.parent_of()
    for j, node in enumerate(comps):
        obs, src = public.get(node.code, (None, None))
        out["components"].append({
            "code": node.code, "name": {"vi": node.name.vi, "en": node.name.en},
            "group": parents.get(node.code), "unit": node.unit,
            "max_points": node.max_points, "rule": node.rule.kind if node.rule else None,
            "rule_text": rule_text(node), "placeholder": node.placeholder,
            "evidence": {"vi": node.evidence.vi, "en": node.evidence.en} if node.evidence else None,
            "value": obs.value if obs else None,
            "points": None if np.isnan(earned[j]) else float(earned[j]),
            "simulated": bool(src and src.simulated),
            "source": {"title": src.title, "uri": src.uri} if src else None,
            "trail": [{"revision": o.revision, "value": o.value, "status": o.status,
                       "by": o.created_by, "at": o.created_at.isoformat() if o.created_at else None,
                       "note": o.note, "original_value": (o.provenance or {}).get("original_value"),
                       "entered_by": (o.provenance or {}).get("entered_by"),
                       "reviewed_by": (o.provenance or {}).get("reviewed_by"),
                       "decided_by": (o.provenance or {}).get("decided_by"),
                       "evidence_url": (o.provenance or {}).get("evidence_url")}
                      for o in trail.get(keys[j], [])],
        })
    for g in fw.root.children:
        mine = [c for c in out["components"] if c["group"] == g.code]
        got = [c["points"] for c in mine if c["points"] is not None]
        out["groups"].append({"code": g.code, "name": {"vi": g.name.vi, "en": g.name.en},
                              "max_points": g.max_points, "components": len(mine),
                              "points": sum(got) if len(got) == len(mine) else None})
    sub = submissions.find(session, run.framework_code, run.period, commune_id)
    if sub is not None:
        out["reviews"] = [{"by": r.reviewer, "action": r.action, "comment": r.comment,
                           "details": r.details,
                           "at": r.created_at.isoformat() if r.created_at else None}
                          for r in submissions.reviews_of(session, sub.id)]
    return out
