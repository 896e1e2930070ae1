"""The view models of the briefs, ranking reports and workbooks, read from the store.

The run is the one a reader is shown (`store.runs.pick_run`: the official run by default) and
its label says what it is. Every figure is read from what is published: the run's results, the
province's public figures with their sources. Nothing here writes.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from sqlalchemy.orm import Session

from chiso.compute import Dataset, Method
from chiso.compute.what_it_takes import RankAtTarget, WhatItTakes, rank_at_targets, what_it_takes
from chiso.errors import NotFound
from chiso.framework import Framework
from chiso.framework.schema import Node, Text
from chiso.report import links
from chiso.report.history import history
from chiso.report.leader import core_framework, shortfalls, source_of, targets
from chiso.report.model import (
    Brief,
    Figure,
    IndexColumn,
    IndexRow,
    PeerPoint,
    Peers,
    Place,
    Ranking,
    RankingRow,
    Run,
    Scorecard,
    ScoreRow,
    Series,
    Source,
    Standing,
)
from chiso.report.regions import region_of
from chiso.store import frameworks, observations, runs, units
from chiso.store.catalog import parsed
from chiso.store.models import IndexRun, Unit
from chiso.vocab import REFORM_DATE

PEERS_ABOVE = 3


def report_label(run: IndexRun) -> str:
    """What a printed report calls a run: official, recomputed or simulated
    (`store.runs.run_label` says it more finely; a preview is never printed)."""
    what = runs.run_label(run)
    if what.startswith("official"):
        return "official"
    return "simulated" if what in ("simulated", "preview") else "recomputed"


def framework_of_run(session: Session, run: IndexRun) -> Framework:
    rec = (frameworks.framework(session, run.framework_code, run.framework_version)
           or frameworks.framework(session, run.framework_code))
    if rec is None:
        raise NotFound(f"Không có khung chỉ số {run.framework_code} của lần tính {run.id}",
                       f"Framework {run.framework_code} of run {run.id} is not stored")
    return parsed(rec.sha256, rec.yaml_text)


def _method_text(run: IndexRun, fw: Framework) -> Text:
    kind = (run.method or {}).get("kind")
    leaves = len(fw.scored_indicators())
    if kind == "published":
        return Text(vi="Điểm và thứ hạng do Bộ công bố",
                    en="Scores and ranks as the ministry published them")
    if kind == "reexpressed":
        return Text(vi="Tỉnh hợp nhất nhận trung bình các chỉ số chính của các tỉnh cũ",
                    en="A merged province gets the mean of its predecessors' main indices")
    if fw.total_points:
        return Text(vi=f"Tổng điểm {leaves} chỉ số trên {fw.total_points:g} điểm",
                    en=f"Sum of {leaves} indicators' points over {fw.total_points:g}")
    return Text(vi=f"Tổng hợp {leaves} chỉ tiêu theo phương pháp của lần tính",
                en=f"{leaves} indicators aggregated by the run's method")


def run_model(session: Session, run: IndexRun, fw: Framework) -> Run:
    rec = frameworks.framework(session, run.framework_code, run.framework_version)
    name = Text(vi=rec.name_vi, en=rec.name_en) if rec else Text(vi=fw.id, en=fw.id)
    return Run(label=report_label(run), framework=run.framework_code,
               framework_version=run.framework_version, framework_name=name,
               method=_method_text(run, fw), run_id=run.id,
               computed=run.created_at.date().isoformat() if run.created_at else None,
               total_points=fw.total_points)


# ── the run's table ────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Table:
    """A run's results: each unit's root score, rank and interval, and its main indices."""

    run: IndexRun
    fw: Framework
    root: str
    pillars: tuple[Node, ...]
    units: dict[str, Unit]
    rows: dict[str, dict[str, Any]]  # unit -> {score, rank, q05, q95, pillars: {code: score}}
    order: tuple[str, ...]            # units by rank
    previous: dict[str, int]          # unit -> rank in the run of the year before
    previous_period: str | None
    sources: tuple[Source, ...]

    def rank_change(self, uid: str) -> int | None:
        r, p = self.rows[uid]["rank"], self.previous.get(uid)
        return None if r is None or p is None else int(p) - int(r)


def table(session: Session, run: IndexRun) -> Table:
    fw = framework_of_run(session, run)
    root = fw.root.code
    by_unit: dict[str, dict[str, Any]] = defaultdict(lambda: {"pillars": {}})
    for r in runs.results(session, run.id):
        row = by_unit[r.unit_id]
        if r.node_code == root:
            row.update(score=r.score, rank=r.rank, q05=r.rank_q05, q95=r.rank_q95)
        else:
            row["pillars"][r.node_code] = r.score
    rows = {u: v for u, v in by_unit.items() if v.get("score") is not None}
    pillars = tuple(c for c in fw.root.children
                    if any(c.code in v["pillars"] for v in rows.values()))
    unit_rows = {u.id: u for u in units.units(session, ids=list(rows))}
    rows = {u: v for u, v in rows.items() if u in unit_rows}
    order = tuple(sorted(rows, key=lambda u: (rows[u]["rank"] is None, rows[u]["rank"] or 0,
                                              -(rows[u]["score"] or 0))))
    prev = runs.previous_run(session, run)
    previous: dict[str, int] = {}
    if prev is not None:
        prev_root = framework_of_run(session, prev).root.code
        previous = {r.unit_id: int(r.rank) for r in runs.results(session, prev.id,
                                                                 node_codes=[prev_root])
                    if r.rank is not None}
    ids = [int(i) for i in (run.method or {}).get("observation_ids", []) if int(i) >= 0]
    srcs = tuple(dict.fromkeys(s for s in map(source_of, observations.sources_of(session, ids))
                               if s is not None))
    return Table(run, fw, root, pillars, unit_rows, rows, order, previous,
                 prev.period if prev else None, srcs)


def inputs(session: Session, t: Table) -> tuple[Dataset, Method]:
    """The data the run was computed from, for "what it takes": a computed run's exact inputs
    (by the revisions its record names), else its leaves as stored (the published main indices)."""
    rec = t.run.method or {}
    if rec.get("kind") == "computed":
        ids = np.array(rec["observation_ids"], dtype=np.int64).reshape(
            len(rec["units"]), len(rec["indicators"]))
        by_id = observations.values_by_id(session, [int(i) for i in ids.ravel() if i >= 0])
        values = np.full(ids.shape, np.nan)
        for (r, c), oid in np.ndenumerate(ids):
            v = by_id.get(int(oid)) if oid >= 0 else None
            if v is not None:
                values[r, c] = v
        return (Dataset(list(rec["units"]), list(rec["indicators"]), values),
                Method.from_dict(rec["method"]))
    leaves = [n.code for n in t.fw.scored_indicators()]
    uids = list(t.order)
    values = np.full((len(uids), len(leaves)), np.nan)
    col = {c: j for j, c in enumerate(leaves)}
    for r in runs.results(session, t.run.id, node_codes=leaves):
        if r.unit_id in t.rows and r.score is not None:
            values[uids.index(r.unit_id), col[r.node_code]] = r.score
    return Dataset(uids, leaves, values), Method.for_framework(t.fw)


def goal_of(text: str | None, rank: int) -> int | str:
    """A goal as the API and the commands take it: next, top10 or a rank (default: the next
    province above for the top 10, else the top 10)."""
    if text in (None, ""):
        return "next" if rank <= 10 else "top10"
    if text in ("next", "top10"):
        return text
    try:
        return int(str(text))
    except ValueError:
        return str(text)  # compute refuses it, in both languages


def moves(session: Session, t: Table, unit_id: str, goal: str | None = None
          ) -> tuple[WhatItTakes | None, tuple[RankAtTarget, ...]]:
    """What it takes for the unit to reach the goal, and the rank it gains with each main
    index at the best province's level."""
    data, method = inputs(session, t)
    if unit_id not in data.unit_ids or not np.isfinite(data.values).any():
        return None, ()
    row = t.rows[unit_id]
    w = what_it_takes(t.fw, data, method, unit_id, goal_of(goal, int(row["rank"] or 1)))
    best = {c: float(np.nanmax(data.values[:, j])) for j, c in enumerate(data.indicators)
            if np.isfinite(data.values[:, j]).any()}
    gains = tuple(rank_at_targets(t.fw, data, method, unit_id, best))
    return w, gains


# ── the ranking report ─────────────────────────────────────────────────────────────────────


def place_of(session: Session, u: Unit) -> Place:
    preds = units.predecessors(session, u.id)
    merged = len(preds) > 1 and u.valid_from is not None and u.valid_from >= REFORM_DATE
    region = region_of(u.code) if u.id.startswith("vn34-") else None
    return Place(u.id, u.code, u.name, u.full_name or u.name, region[0] if region else None,
                 tuple(p.name for p, _ in preds) if merged else (),
                 u.valid_from.isoformat() if merged and u.valid_from else None)


def _as_of(t: Table) -> str:
    made = t.run.published_at or t.run.created_at
    return (made.date() if made else date.today()).isoformat()


def ranking_model(session: Session, run: IndexRun, base_url: str = "",
                  today: date | None = None) -> Ranking:
    t = table(session, run)
    simulated = bool(run.simulated)
    rows = []
    for uid in t.order:
        r, u = t.rows[uid], t.units[uid]
        interval = (round(r["q05"]), round(r["q95"])) if r.get("q05") is not None else None
        rows.append(RankingRow(uid, u.code, u.name,
                               Figure(r["score"], "index", run.period,
                                      t.sources[0] if t.sources else None, simulated),
                               int(r["rank"] or 0), interval, t.rank_change(uid),
                               {p.code: r["pillars"].get(p.code) for p in t.pillars}))
    m = run_model(session, run, t.fw)
    method = [m.method]
    if any(r.interval for r in rows):
        method.append(Text(vi="Khoảng hạng 5–95 %: các lần tính lại của phân tích độ bất định.",
                           en="5–95 % rank interval: the recomputations of the uncertainty "
                              "analysis."))
    if t.previous_period:
        method.append(Text(vi=f"Thay đổi hạng so với {t.previous_period}.",
                           en=f"Rank change since {t.previous_period}."))
    return Ranking(run.period, m,
                   tuple(IndexColumn(p.code, Text(vi=p.name.vi, en=p.name.en), p.max_points)
                         for p in t.pillars),
                   tuple(rows), map_name(list(t.units.values())), tuple(method), t.sources,
                   _as_of(t), links.ranking(base_url, run.id, run.period),
                   (today or date.today()).isoformat())


def map_name(unit_rows: list[Unit]) -> str:
    """vn-34 for the provinces in force from 1 July 2025, vn-63 for the ones before."""
    if any(u.valid_from and u.valid_from >= REFORM_DATE for u in unit_rows):
        return "vn-34"
    if any(u.valid_to and u.valid_to < REFORM_DATE for u in unit_rows):
        return "vn-63"
    return "vn-34" if len(unit_rows) <= 34 else "vn-63"


# ── the province brief ─────────────────────────────────────────────────────────────────────


def _unit_in(t: Table, session: Session, unit_id: str) -> Unit:
    u = units.unit(session, unit_id)
    if u is None:
        raise NotFound(f"Không có đơn vị hành chính '{unit_id}'; xem danh sách bằng `chiso units`.",
                       f"No administrative unit '{unit_id}'; list them with `chiso units`.")
    if unit_id not in t.rows:
        raise NotFound(
            f"{u.name} không có trong lần tính {t.run.id} ({t.run.framework_code}, "
            f"{t.run.period}); hãy chọn lần tính khác (--run).",
            f"{u.name} is not in index run {t.run.id} ({t.run.framework_code}, {t.run.period}); "
            "pick another run (--run).")
    return u


def standing(t: Table, unit_id: str) -> Standing:
    r = t.rows[unit_id]
    src = t.sources[0] if t.sources else None
    interval = (round(r["q05"]), round(r["q95"])) if r.get("q05") is not None else None
    return Standing(Figure(r["score"], "index", t.run.period, src, bool(t.run.simulated)),
                    int(r["rank"] or 0), len(t.rows), interval, t.rank_change(unit_id),
                    t.previous_period)


def index_rows(t: Table, unit_id: str) -> tuple[IndexRow, ...]:
    src = t.sources[0] if t.sources else None
    out = []
    for p in t.pillars:
        vals = {u: v["pillars"][p.code] for u, v in t.rows.items()
                if v["pillars"].get(p.code) is not None}
        best = max(vals, key=lambda u: vals[u]) if vals else None
        out.append(IndexRow(p.code, Text(vi=p.name.vi, en=p.name.en),
                            Figure(t.rows[unit_id]["pillars"].get(p.code), "index", t.run.period,
                                   src, bool(t.run.simulated)),
                            statistics.fmean(vals.values()) if vals else None,
                            vals[best] if best else None,
                            t.units[best].name if best else None, p.max_points))
    return tuple(out)


def peers(t: Table, u: Unit) -> tuple[Peers, list[str]]:
    """The provinces of the same region in the run, and the ones just above in the ranking."""
    pos = t.order.index(u.id)
    above = list(t.order[max(0, pos - PEERS_ABOVE):pos])
    region = region_of(u.code) if u.id.startswith("vn34-") else None
    same = [uid for uid in t.order if uid != u.id and region and t.units[uid].code in region[1]]
    ids = list(dict.fromkeys(same + above))
    n = len(above)
    if region:
        label = Text(vi=f"{region[0].vi} và {n} tỉnh xếp trên",
                     en=f"{region[0].en} and the {n} provinces above")
    else:
        label = Text(vi=f"{n} tỉnh xếp trên", en=f"the {n} provinces above")
    return Peers(label, tuple(t.units[i].name for i in ids)), ids


def strong_and_weak(t: Table, rows: Sequence[IndexRow], ids: list[str]
                    ) -> tuple[tuple[PeerPoint, ...], tuple[PeerPoint, ...]]:
    points = []
    for r in rows:
        vals = [t.rows[i]["pillars"].get(r.code) for i in ids]
        vals = [v for v in vals if v is not None]
        if r.score.value is None or not vals:
            continue
        mean = statistics.fmean(vals)
        points.append((r.score.value - mean, PeerPoint(r.code, r.name, r.score, mean)))
    points.sort(key=lambda x: -x[0])
    strong = tuple(p for d, p in points[:3] if d > 0)
    weak = tuple(p for d, p in points[::-1][:3] if d < 0)
    return strong, weak


def trend(session: Session, t: Table, u: Unit) -> tuple[Series, ...]:
    """The DTI as published over the years (with the former provinces before 1/7/2025) for a
    DTI run; else the run's own index over the years of its framework's runs."""
    simulated = bool(t.run.simulated)
    if t.run.framework_code.startswith("dti"):
        h = history(session, u.id)
        if h and h["indicators"] and h["indicators"][0]["code"] == "dti_score":
            out = []
            for s in h["indicators"][0]["series"]:
                pts = tuple((p, float(v)) for p, v in zip(h["periods"], s["points"], strict=True)
                            if v is not None)
                if s["role"] == "own" and t.run.period not in dict(pts):
                    pts = tuple(sorted(pts + ((t.run.period, float(t.rows[u.id]["score"])),)))
                kind = {"own": "unit", "predecessor": "predecessor"}.get(s["role"], "national")
                name = s["name"]
                label = (Text(vi="Trung bình các tỉnh", en="Mean of provinces")
                         if kind == "national"
                         else Text(vi=f"{name} (cũ)", en=f"{name} (former)")
                         if kind == "predecessor" else Text(vi=name, en=name))
                if pts:
                    out.append(Series(label, kind, pts, simulated and kind == "unit"))
            if out:
                return tuple(out)
    mine: list[tuple[str, float]] = []
    mean: list[tuple[str, float]] = []
    fam = runs.family(t.run.framework_code)
    by_period: dict[str, str] = {}
    for r in runs.public_runs(session):
        if runs.family(r.framework_code) == fam and r.unit_level == t.run.unit_level \
                and bool(r.simulated) == simulated:
            by_period.setdefault(r.period, r.framework_code)
    for period, code in sorted(by_period.items()):
        other = t.run if period == t.run.period else runs.pick_run(session, code, period)
        if other is None:
            continue
        res = runs.results(session, other.id,
                           node_codes=[framework_of_run(session, other).root.code])
        scores = {r.unit_id: r.score for r in res if r.score is not None}
        if u.id in scores:
            mine.append((period, float(scores[u.id])))
        if scores:
            mean.append((period, statistics.fmean(scores.values())))
    return (Series(Text(vi=u.name, en=u.name), "unit", tuple(mine), simulated),
            Series(Text(vi="Trung bình các tỉnh", en="Mean of provinces"), "national", tuple(mean),
                   simulated))


def brief_model(session: Session, unit_id: str, run: IndexRun, base_url: str = "",
                today: date | None = None, goal: str | None = None) -> Brief:
    """A province's brief of one run."""
    t = table(session, run)
    u = _unit_in(t, session, unit_id)
    rows = index_rows(t, unit_id)
    group, ids = peers(t, u)
    strong, weak = strong_and_weak(t, rows, ids)
    w, gains = moves(session, t, unit_id, goal)
    sim = bool(run.simulated)
    return Brief(
        place=place_of(session, u), period=run.period, run=run_model(session, run, t.fw),
        standing=standing(t, unit_id), trend=trend(session, t, u), main_indices=rows,
        strengths=strong, weaknesses=weak, peers=group,
        targets=targets(session, u, run.period, sim),
        moves=w, rank_gains=gains, shortfalls=shortfalls(session, u, sim), data_as_of=_as_of(t),
        link=links.province(base_url, unit_id, run.id),
        generated=(today or date.today()).isoformat(),
        leaves={n.code: (Text(vi=n.name.vi, en=n.name.en), n.unit)
                for n in t.fw.scored_indicators()})


def scorecard_model(session: Session, unit_id: str, run: IndexRun, base_url: str = "",
                    today: date | None = None) -> Scorecard:
    """A province's figures for a workbook: the run's main indices, then every public figure of
    the province in the run's year (the import's long layout), each with its source."""
    t = table(session, run)
    u = _unit_in(t, session, unit_id)
    rows: list[ScoreRow] = [ScoreRow(r.code, r.name, None, r.score, r.national)
                            for r in index_rows(t, unit_id)]
    sim = bool(run.simulated)
    target_by = {r.code: r for r in targets(session, u, run.period, sim)}
    core = core_framework(session)
    names = {n.code: n for n in core.indicators()} if core else {}
    seen = {r.code for r in rows}
    sources: dict[Source, None] = dict.fromkeys(t.sources)
    for o, src in observations.figures(session, observations.Filter(
            unit_ids=[unit_id], periods=[run.period], kinds=["actual"], include_simulated=sim)):
        if o.value is None or o.indicator in seen:
            continue
        node = names.get(o.indicator)
        s = source_of(src)
        if s is not None:
            sources.setdefault(s)
        tg = target_by.get(o.indicator)
        rows.append(ScoreRow(o.indicator, Text(vi=node.name.vi, en=node.name.en) if node
                             else Text(vi=o.indicator, en=o.indicator), None,
                             Figure(float(o.value), node.unit if node else "number", o.period, s,
                                    bool(src and src.simulated), o.qualifier or "eq"),
                             None, tg.target if tg else None, tg.status if tg else None))
        seen.add(o.indicator)
    return Scorecard(place_of(session, u), run.period, run_model(session, run, t.fw),
                     standing(t, unit_id), tuple(rows), tuple(sources), _as_of(t),
                     links.province(base_url, unit_id, run.id),
                     (today or date.today()).isoformat())
