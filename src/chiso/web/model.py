"""What the pages and the API show, built once from store.read: the page and the JSON agree."""

from __future__ import annotations

import statistics
from collections import defaultdict
from typing import Any

from sqlalchemy.orm import Session

from chiso.compute.targets import project_status
from chiso.errors import NotFound
from chiso.framework import Framework
from chiso.framework.schema import Node
from chiso.report.from_store import map_name
from chiso.report.history import HISTORY_CODES, history  # noqa: F401
from chiso.store import frameworks, observations, runs, units
from chiso.store.catalog import parsed
from chiso.store.models import FrameworkRecord, IndexRun, Observation, Source, Unit
from chiso.store.runs import (  # noqa: F401  (the pages and the API take them from here too)
    family,
    official_of,
    pick_run,
    previous_run,
    public_runs,
    run_label,
)
from chiso.vocab import RUN_LABELS
from chiso.workflow.runs import stale_cells

# ── frameworks ────────────────────────────────────────────────────────────────────────────


def framework_of(rec: FrameworkRecord) -> Framework:
    """The stored framework version as a Framework (parsed once per content hash)."""
    return parsed(rec.sha256, rec.yaml_text)


def framework_for_run(session: Session, run: IndexRun) -> tuple[FrameworkRecord, Framework]:
    rec = frameworks.framework(
        session, run.framework_code, run.framework_version
    ) or frameworks.framework(session, run.framework_code)
    if rec is None:
        raise NotFound(
            f"Không có khung chỉ số {run.framework_code} của lần tính {run.id}",
            f"Framework {run.framework_code} of run {run.id} is not stored",
        )
    return rec, framework_of(rec)


def node_json(node: Node, depth: int = 0, parent: str | None = None) -> dict[str, Any]:
    return {
        "code": node.code, "level": node.level, "parent": parent, "depth": depth,
        "name": {"vi": node.name.vi, "en": node.name.en},
        "description": node.description.model_dump() if node.description else None,
        "unit": node.unit, "decimals": node.precision, "direction": node.direction,
        "weight": node.weight, "max_points": node.max_points, "scored": node.scored,
        "goalposts": node.goalposts.model_dump() if node.goalposts else None,
        "targets": [tg.model_dump() for tg in node.targets],
        "merge": node.merge.model_dump() if node.merge else None,
        "source": node.source,
    }


def tree_rows(fw: Framework) -> list[dict[str, Any]]:
    """The framework tree flattened depth first, each node with its depth."""
    out: list[dict[str, Any]] = []

    def visit(node: Node, depth: int, parent: str | None) -> None:
        out.append(node_json(node, depth, parent))
        for child in node.children:
            visit(child, depth + 1, node.code)

    visit(fw.root, 0, None)
    return out


def framework_json(rec: FrameworkRecord, with_tree: bool = False) -> dict[str, Any]:
    fw = framework_of(rec)
    out: dict[str, Any] = {
        "code": rec.code, "version": rec.version,
        "name": {"vi": rec.name_vi, "en": rec.name_en},
        "description": fw.description.model_dump() if fw.description else None,
        "aggregation": rec.aggregation, "total_points": fw.total_points,
        "legal_basis": fw.legal_basis, "sha256": rec.sha256,
        "indicators": len(fw.indicators()), "scored_indicators": len(fw.scored_indicators()),
    }
    if with_tree:
        out["nodes"] = tree_rows(fw)
    return out


# ── runs ──────────────────────────────────────────────────────────────────────────────────


def badge_of(label: str) -> str:
    """The badge style of a label: published (official), simulated or computed."""
    if label.startswith("official"):
        return "published"
    return "simulated" if label in ("simulated", "preview") else "computed"


def run_json(run: IndexRun, has_official: bool = False) -> dict[str, Any]:
    label = run_label(run, has_official)
    vi, en = RUN_LABELS[label]
    return {
        "id": run.id, "framework": run.framework_code, "framework_version": run.framework_version,
        "period": run.period, "unit_level": run.unit_level, "simulated": bool(run.simulated),
        "kind": (run.method or {}).get("kind"), "status": run.status,
        "official": run.status == "official", "what": label, "badge": badge_of(label),
        "what_label": {"vi": vi, "en": en},
        "label": run.label, "method": run.method, "snapshot_hash": run.snapshot_hash,
        "chiso_version": run.chiso_version,
        "created_at": run.created_at.isoformat() if run.created_at else None,
        "published_at": run.published_at.isoformat() if run.published_at else None,
        "published_by": run.published_by,
    }


def runs_json(session: Session, rows: list[IndexRun]) -> list[dict[str, Any]]:
    """Runs as JSON, each labelled by what it is (two runs never share a label in a list)."""
    official = {(r.framework_code, r.period) for r in rows if r.status == "official"}
    return [run_json(r, (r.framework_code, r.period) in official) for r in rows]


def selectors(session: Session, level: str = "province") -> list[dict[str, Any]]:
    """Frameworks that have runs of a unit level, the years each covers (newest first), and
    every run of each year with what it is, so a page can offer any of them by name."""
    by_fw: dict[str, dict[str, Any]] = {}
    rows = public_runs(session, level=level)
    for r, js in zip(rows, runs_json(session, rows), strict=True):
        entry = by_fw.setdefault(r.framework_code, {"code": r.framework_code, "periods": [],
                                                    "runs": {}})
        if r.period not in entry["periods"]:
            entry["periods"].append(r.period)
        entry["runs"].setdefault(r.period, []).append(
            {"id": r.id, "what": js["what"], "what_label": js["what_label"], "label": r.label})
    for code, entry in by_fw.items():
        rec = frameworks.framework(session, code)
        entry["name"] = {"vi": rec.name_vi, "en": rec.name_en} if rec else {"vi": code, "en": code}
    return sorted(by_fw.values(), key=lambda e: e["code"])


def unit_json(u: Unit) -> dict[str, Any]:
    return {
        "id": u.id, "code": u.code, "name": u.name, "full_name": u.full_name, "type": u.type,
        "level": u.level, "parent": u.parent_id,
        "valid_from": u.valid_from.isoformat() if u.valid_from else None,
        "valid_to": u.valid_to.isoformat() if u.valid_to else None,
    }


def ranking(session: Session, run: IndexRun) -> dict[str, Any]:
    """The ranking of a run: every unit's index score, rank, interval, pillars and rank change."""
    rec, fw = framework_for_run(session, run)
    root = fw.root.code
    res = runs.results(session, run.id)
    by_unit: dict[str, dict[str, Any]] = defaultdict(dict)
    for r in res:
        by_unit[r.unit_id][r.node_code] = r
    pillar_nodes = [c for c in fw.root.children if any(c.code in v for v in by_unit.values())]
    unit_rows = {u.id: u for u in units.units(session, ids=list(by_unit))}
    prev = previous_run(session, run)
    prev_rank: dict[str, int | None] = {}
    if prev is not None:
        prev_rank = {r.unit_id: r.rank for r in runs.results(session, prev.id, node_codes=[
            c for c in {root, framework_for_run(session, prev)[1].root.code}])}
    rows = []
    for uid, nodes in by_unit.items():
        top = nodes.get(root)
        u = unit_rows.get(uid)
        if top is None or u is None:
            continue
        change = None
        if uid in prev_rank and prev_rank[uid] is not None and top.rank is not None:
            change = int(prev_rank[uid]) - int(top.rank)  # positive: moved up
        rows.append({
            "unit": unit_json(u),
            "score": top.score, "rank": top.rank,
            "rank_q05": top.rank_q05, "rank_q95": top.rank_q95, "rank_median": top.rank_median,
            "rank_change": change,
            "previous_rank": prev_rank.get(uid),
            "pillars": {p.code: (nodes[p.code].score if p.code in nodes else None)
                        for p in pillar_nodes},
        })
    rows.sort(key=lambda r: (r["rank"] is None, r["rank"] or 0, -(r["score"] or 0)))
    official = official_of(session, run.framework_code, run.period, run.unit_level)
    js = run_json(run, official is not None)
    official_rows = None
    if official is not None and official.id != run.id:
        official_rows = {r.unit_id: (r.score, r.rank)
                         for r in runs.results(session, official.id, node_codes=[root])}
    return {
        "run": js,
        "kind": js["badge"],
        "official": run_json(official) if official is not None and official.id != run.id else None,
        "differs": _differs(rows, official_rows) if official_rows is not None else None,
        "stale": [c.__dict__ for c in stale_cells(session, run)],
        "framework": {"code": rec.code, "version": rec.version,
                      "name": {"vi": rec.name_vi, "en": rec.name_en},
                      "aggregation": rec.aggregation, "total_points": fw.total_points,
                      "root": root},
        "pillars": [{"code": p.code, "name": {"vi": p.name.vi, "en": p.name.en},
                     "weight": p.weight, "max_points": p.max_points} for p in pillar_nodes],
        "previous_run": prev.id if prev else None,
        "previous": run_json(prev) if prev else None,  # the base of every rank change
        "map": map_name(list(unit_rows.values())),
        "has_interval": any(r["rank_q05"] is not None for r in rows),
        "rows": rows,
    }


# what each setting of a run's method is called, for the record a reader reads
_METHOD_WORDS: dict[str, tuple[str, str]] = {
    "impute": ("Thay số thiếu", "Missing values"),
    "normalise": ("Chuẩn hóa", "Normalisation"),
    "normalise_params": ("Tham số chuẩn hóa", "Normalisation parameters"),
    "weights": ("Trọng số", "Weights"),
    "aggregate": ("Tổng hợp", "Aggregation"),
    "treat": ("Xử lý giá trị ngoại lai", "Outlier treatment"),
    "screen_units": ("Loại đơn vị thiếu số liệu dưới", "Drop units with data below"),
    "denominators": ("Chia theo", "Denominators"),
    "per_indicator": ("Thiết lập riêng từng chỉ tiêu", "Per-indicator settings"),
    "p": ("Số mũ trung bình tổng quát", "Generalised mean exponent"),
}
_VALUE_WORDS: dict[str, tuple[str, str]] = {
    "none": ("không", "none"), "mean": ("trung bình của chỉ tiêu", "the indicator's mean"),
    "median": ("trung vị", "median"), "minmax": ("min–max", "min–max"),
    "zscore": ("điểm z", "z-score"), "goalposts": ("theo ngưỡng cố định", "goalposts"),
    "framework": ("theo khung chỉ số", "the framework's"), "equal": ("bằng nhau", "equal"),
    "arithmetic": ("trung bình cộng có trọng số", "weighted arithmetic mean"),
    "geometric": ("trung bình nhân có trọng số", "weighted geometric mean"),
    "points": ("cộng điểm (chỉ số 0–1 × điểm tối đa)", "sum of points (0–1 index × its points)"),
}


def describe_run(run: IndexRun) -> list[dict[str, str]]:
    """A run's record as lines a person reads, in both languages (the raw record stays in the
    API): what it is built from, each setting of its method, its uncertainty analysis."""
    rec = run.method or {}
    kind = rec.get("kind")
    lines: list[dict[str, str]] = []

    def add(vi: str, en: str) -> None:
        lines.append({"vi": vi, "en": en})

    if kind == "published":
        add("Điểm và hạng như Bộ công bố, đọc từ: " + ", ".join(rec.get("sources", [])),
            "Scores and ranks as the ministry published them, read from: "
            + ", ".join(rec.get("sources", [])))
        return lines
    if kind == "reexpressed":
        add(f"Quy đổi từ lần tính #{rec.get('from_run')}: {rec.get('rule_text', '')}",
            f"Re-expressed from run #{rec.get('from_run')}: {rec.get('rule_text', '')}")
        return lines
    inputs = rec.get("inputs", "public")
    add(f"Số liệu đầu vào: {'đã công bố' if inputs == 'public' else 'đã duyệt, kể cả chưa công bố'}"
        f"{', có số liệu mô phỏng' if rec.get('include_simulated') else ''}; "
        f"{len(rec.get('units', []))} đơn vị × {len(rec.get('indicators', []))} chỉ tiêu, "
        f"đủ số liệu {round(100 * float(rec.get('availability', 0)))} %",
        "Inputs: "
        f"{'published figures' if inputs == 'public' else 'approved figures, unpublished too'}"
        f"{', with simulated figures' if rec.get('include_simulated') else ''}; "
        f"{len(rec.get('units', []))} units × {len(rec.get('indicators', []))} indicators, "
        f"{round(100 * float(rec.get('availability', 0)))} % of cells filled")
    for key, value in (rec.get("method") or {}).items():
        if value in (None, {}, [], ()) or key not in _METHOD_WORDS:
            continue
        vi_k, en_k = _METHOD_WORDS[key]
        vi_v, en_v = _VALUE_WORDS.get(str(value), (None, None))
        if vi_v is None:
            text = ", ".join(f"{k}: {v}" for k, v in value.items()) if isinstance(value, dict) \
                else str(value)
            vi_v = en_v = text if len(text) <= 160 else text[:157] + "…"
        add(f"{vi_k}: {vi_v}", f"{en_k}: {en_v}")
    unc = rec.get("uncertainty")
    if unc:
        add(f"Độ bất định: {unc.get('n')} lần mô phỏng Monte Carlo, hạt giống {unc.get('seed')}",
            f"Uncertainty: {unc.get('n')} Monte Carlo replications, seed {unc.get('seed')}")
    add(f"Mã băm số liệu đầu vào {run.snapshot_hash[:12]}…, chiso {run.chiso_version}",
        f"Input snapshot hash {run.snapshot_hash[:12]}…, chiso {run.chiso_version}")
    return lines


def _differs(rows: list[dict[str, Any]], official: dict[str, tuple[Any, Any]]) -> dict[str, Any]:
    """How a run differs from the official one: units whose rank differs, the largest score gap."""
    ranks = [r["unit"]["id"] for r in rows
             if r["unit"]["id"] in official and official[r["unit"]["id"]][1] != r["rank"]]
    gaps = [abs(r["score"] - official[r["unit"]["id"]][0]) for r in rows
            if r["unit"]["id"] in official and r["score"] is not None
            and official[r["unit"]["id"]][0] is not None]
    return {"ranks_differ": len(ranks), "units": len(rows), "max_score_gap": max(gaps, default=0.0)}


# ── figures and provenance ────────────────────────────────────────────────────────────────


def source_json(src: Source | None) -> dict[str, Any] | None:
    if src is None:
        return None
    return {"id": src.id, "kind": src.kind, "title": src.title, "uri": src.uri,
            "publisher": src.publisher,
            "published_on": src.published_on.isoformat() if src.published_on else None,
            "simulated": bool(src.simulated)}


def figure_json(obs: Observation, src: Source | None, node: Node | None = None) -> dict[str, Any]:
    """A figure as the API and the pages give it; with its indicator's `node`, at its precision
    (as every download writes it)."""
    value, high = obs.value, obs.value_high
    if node is not None:
        value, high = node.rounded(value), node.rounded(high)
    return {
        "id": obs.id, "unit": obs.unit_id, "indicator": obs.indicator, "period": obs.period,
        "kind": obs.kind, "value": value, "value_high": high,
        "qualifier": obs.qualifier, "target_year": obs.target_year, "status": obs.status,
        "revision": obs.revision, "provenance": obs.provenance, "source": source_json(src),
        "simulated": bool(src.simulated) if src else False,
    }


def _national(session: Session, indicators: list[str]) -> dict[tuple[str, str], dict[str, Any]]:
    """Stored national figures (the country's actual or national_average), by indicator and
    period."""
    nat = units.country(session)
    if nat is None or not indicators:
        return {}
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for obs, src in observations.figures(session, observations.Filter(
            unit_ids=[nat.id], indicators=indicators, kinds=["national_average", "actual"])):
        key = (obs.indicator, obs.period)
        if key not in out or obs.kind == "national_average":
            out[key] = figure_json(obs, src)
    return out


def _target_for(node: Node, own: list[dict[str, Any]], period: str) -> dict[str, Any] | None:
    """The target a figure is read against: the province's own, else the framework's."""
    if own:
        best = max(own, key=lambda f: (f["target_year"] or 0, f["period"]))
        return {"value": best["value"], "qualifier": best["qualifier"], "year": best["target_year"],
                "label": None, "basis": None, "origin": "unit", "figure": best}
    try:
        year = int(period)
    except ValueError:
        year = 0
    dated = sorted((tg for tg in node.targets if tg.year and tg.year >= year),
                   key=lambda tg: tg.year)
    standing = [tg for tg in node.targets if tg.year is None]
    chosen = (dated or standing or list(node.targets) or [None])[0]
    if chosen is None:
        return None
    return {"value": chosen.value, "qualifier": chosen.qualifier, "year": chosen.year,
            "label": chosen.label.model_dump() if chosen.label else None, "basis": chosen.basis,
            "origin": "framework", "figure": None}


def scorecard(session: Session, unit_id: str, run: IndexRun | None) -> dict[str, Any]:
    """A province's scorecard: score, rank and interval, pillars, indicators with provenance."""
    u = units.unit(session, unit_id)
    if u is None:
        raise NotFound(f"Không có đơn vị hành chính '{unit_id}'",
                       f"No administrative unit '{unit_id}'")
    preds = [{"unit": unit_json(p), "effective": e.effective.isoformat(), "kind": e.kind}
             for p, e in units.predecessors(session, unit_id)]
    succs = [{"unit": unit_json(s), "effective": e.effective.isoformat(), "kind": e.kind}
             for s, e in units.successors(session, unit_id)]
    out: dict[str, Any] = {"unit": unit_json(u), "predecessors": preds, "successors": succs,
                           "history": history(session, unit_id),
                           "runs": runs_json(session,
                                             [r for r in runs.runs_with_unit(session, unit_id)
                                              if r.status != "preview"]),
                           "run": None, "score": None, "pillars": [], "indicators": []}
    if run is None:
        return out
    rank = ranking(session, run)
    rec, fw = framework_for_run(session, run)
    me = next((r for r in rank["rows"] if r["unit"]["id"] == unit_id), None)
    if me is None:
        raise NotFound(
            f"{u.name} không có trong lần tính {run.id} ({run.framework_code}, {run.period})",
            f"{u.name} is not in index run {run.id} ({run.framework_code}, {run.period})",
        )
    out["run"] = rank["run"]
    out["kind"] = rank["kind"]
    out["framework"] = rank["framework"]
    out["map"] = rank["map"]
    out["units_ranked"] = len(rank["rows"])
    out["score"] = {k: me[k] for k in ("score", "rank", "rank_q05", "rank_q95", "rank_median",
                                      "rank_change", "previous_rank")}
    out["score"]["previous_run"] = rank["previous"]
    best_row = rank["rows"][0] if rank["rows"] else None
    for p in rank["pillars"]:
        vals = [r["pillars"][p["code"]] for r in rank["rows"]
                if r["pillars"].get(p["code"]) is not None]
        out["pillars"].append({
            **p, "score": me["pillars"].get(p["code"]),
            "mean": statistics.fmean(vals) if vals else None,
            "best": best_row["pillars"].get(p["code"]) if best_row else None,
            "max": max(vals) if vals else None,
        })
    out["best_unit"] = best_row["unit"] if best_row else None
    peers = [r["unit"]["id"] for r in rank["rows"]]
    out["indicators"] = _indicator_rows(session, fw, u, run.period, peers)
    out["other_indicators"] = _other_rows(session, rec.code, {n.code for n in fw.indicators()},
                                          u, run.period, peers)
    return out


def _other_rows(session: Session, current: str, seen: set[str], u: Unit, period: str,
                peers: list[str]) -> list[dict[str, Any]]:
    """The province's figures on indicators of other frameworks (e.g. a report's figures)."""
    have = {o.indicator
            for o, _ in observations.figures(session, observations.Filter(unit_ids=[u.id]))} - seen
    rows: list[dict[str, Any]] = []
    latest: dict[str, FrameworkRecord] = {}
    for rec in frameworks.frameworks(session):
        latest[rec.code] = rec
    for code, rec in sorted(latest.items()):
        if code == current or not have:
            continue
        fw = framework_of(rec)
        for row in _indicator_rows(session, fw, u, period, peers, only=have):
            if row["code"] in have and (row["figure"] or row["target"] and row["target"]["figure"]):
                row["framework"] = code
                rows.append(row)
                have.discard(row["code"])
    return rows


def _indicator_rows(session: Session, fw: Framework, u: Unit, period: str,
                    peer_ids: list[str], only: set[str] | None = None) -> list[dict[str, Any]]:
    inds = [n for n in fw.indicators() if only is None or n.code in only]
    if not inds:
        return []
    codes = [n.code for n in inds]
    mine: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_code = {n.code: n for n in inds}
    for obs, src in observations.figures(session,
                                         observations.Filter(unit_ids=[u.id], indicators=codes)):
        mine[obs.indicator].append(figure_json(obs, src, by_code.get(obs.indicator)))
    national = _national(session, codes)
    # a mean of the provinces is read only for rates: not of ranks, counts or sums of money
    rates = [n.code for n in inds if n.unit not in ("rank", "count", "persons", "vnd")]
    means = observations.mean_values(session, observations.Filter(
        unit_ids=peer_ids, indicators=rates, periods=[period], kinds=["actual"]))
    parents = fw.parent_of()
    rows = []
    for node in inds:
        figs = mine.get(node.code, [])
        actual = sorted((f for f in figs if f["kind"] == "actual"), key=lambda f: f["period"])
        current = next((f for f in actual if f["period"] == period), None)
        if current is None and actual:
            current = actual[-1]  # the latest figure we have, with its own period shown
        shown_period = current["period"] if current else period
        nat = national.get((node.code, shown_period))
        avg: dict[str, Any] | None = None
        if nat is not None:
            avg = {"value": nat["value"], "value_high": nat["value_high"], "origin": "stored",
                   "figure": nat}
        elif (node.code, shown_period) in means:
            mean, simulated = means[(node.code, shown_period)]
            avg = {"value": node.rounded(mean), "value_high": None, "origin": "provincial_mean",
                   "figure": None, "simulated": simulated}
        target = _target_for(node, [f for f in figs if f["kind"] == "target"], shown_period)
        gap = None
        if current and target and current["value"] is not None:
            gap = current["value"] - target["value"]
        series = [(f["period"], f["value"]) for f in actual if f["value"] is not None]
        rows.append({
            "code": node.code, "name": {"vi": node.name.vi, "en": node.name.en},
            "pillar": parents.get(node.code), "unit": node.unit, "direction": node.direction,
            "scored": node.scored and node.direction != "context",
            "value": current["value"] if current else None,
            "qualifier": current["qualifier"] if current else None,
            "period": shown_period if current else None,
            "figure": current, "average": avg, "target": target, "gap": gap,
            "trend": series,
            "status": project_status(series, target, node.direction) if target else None,
            "benchmarks": [f for f in figs if f["kind"] == "benchmark"],
        })
    return rows


def indicator_view(session: Session, code: str, framework: str | None,
                   period: str | None) -> dict[str, Any]:
    """One indicator across provinces: its definition and every province's value for a year."""
    recs = [r for r in frameworks.frameworks(session) if framework in (None, r.code)]
    found: tuple[FrameworkRecord, Node] | None = None
    for rec in reversed(recs):
        fw = framework_of(rec)
        try:
            found = (rec, fw.node(code))
            break
        except KeyError:
            continue
    if found is None:
        raise NotFound(f"Không có chỉ tiêu '{code}'", f"No indicator '{code}'")
    rec, node = found
    periods = observations.periods_of(session, code)
    if period is None and periods:
        period = periods[-1]
    figs = observations.figures(session, observations.Filter(
        indicators=[code], periods=[period] if period else [], kinds=["actual"])) if period else []
    ids = [o.unit_id for o, _ in figs]
    by_id = {x.id: x for x in units.units(session, ids=ids)}
    rows = [{**figure_json(o, s, node), "unit": unit_json(by_id[o.unit_id])} for o, s in figs
            if o.unit_id in by_id and by_id[o.unit_id].level == "province"]
    rows.sort(key=lambda r: (r["value"] is None, -(r["value"] or 0)
                             if node.direction != "lower_better" else (r["value"] or 0)))
    nat = _national(session, [code]).get((code, period or ""))
    vals = [r["value"] for r in rows if r["value"] is not None]
    return {
        "framework": {"code": rec.code, "version": rec.version,
                      "name": {"vi": rec.name_vi, "en": rec.name_en}},
        "node": node_json(node), "periods": periods, "period": period,
        "map": map_name([by_id[r["unit"]["id"]] for r in rows]) if rows else "vn-63",
        "national": nat, "mean": node.rounded(statistics.fmean(vals)) if vals else None,
        "simulated": any(r["simulated"] for r in rows), "rows": rows,
    }
