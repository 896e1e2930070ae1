"""Index runs on stored data: published results, re-expressions, and computed runs.

A run is stored with a record from which it regenerates exactly: the framework version, the
method, the exact observation revisions that went in (their ids) and the snapshot hash. This
module is the I/O edge around the pure engine in `chiso.compute`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from sqlalchemy.orm import Session

import chiso
from chiso.compute import Dataset, Method, UncertaintySpec, build, uncertainty
from chiso.compute.rank import rank_desc
from chiso.errors import ComputeError
from chiso.framework import Framework
from chiso.store import observations
from chiso.store import runs as store
from chiso.store.models import IndexRun, utcnow
from chiso.store.observations import View
from chiso.units.reexpress import reexpress
from chiso.vocab import PUBLISHED, REVIEWED
from chiso.workflow.snapshot import Snapshot, take_snapshot
from chiso.workflow.work import Work

INPUTS: dict[str, View] = {"public": "public", "reviewed": "current"}
PUBLISHED_SCORE = "dti_score"
PUBLISHED_RANK = "dti_rank"


@dataclass(frozen=True)
class RunSpec:
    """What to compute: a framework on some units for one period, with a method."""

    framework: Framework
    period: str
    unit_ids: tuple[str, ...]
    method: Method
    label: str
    include_simulated: bool = False
    uncertainty: UncertaintySpec | None = None
    unit_level: str = "province"
    # "public": the published figures (a run the public may see); "reviewed": approved ones too,
    # for a private preview that is never public
    inputs: str = "public"


# ── computed runs ─────────────────────────────────────────────────────────────────────────


def compute_run(w: Work, spec: RunSpec) -> IndexRun:
    """Snapshot the approved figures, build the index (and its uncertainty), store the run.

    The same spec on the same data gives the stored run back instead of a second copy.
    """
    w.principal.require("publish")
    session = w.session
    fw = spec.framework
    codes = [n.code for n in fw.scored_indicators()]
    if spec.inputs not in INPUTS:
        raise ComputeError(f"Nguồn số liệu '{spec.inputs}' không hợp lệ: "
                           "dùng public hoặc reviewed.",
                           f"Unknown inputs '{spec.inputs}': use public or reviewed.")
    snap = take_snapshot(session, spec.unit_ids, codes, spec.period, view=INPUTS[spec.inputs],
                         include_simulated=spec.include_simulated)
    if not np.isfinite(snap.values).any():
        which = ("đã công bố", "published") if spec.inputs == "public" else ("đã duyệt", "approved")
        raise ComputeError(
            f"Chưa có số liệu {which[0]} nào của {fw.id} kỳ {spec.period} để tính chỉ số.",
            f"There are no {which[1]} figures of {fw.id} for {spec.period} to compute from.")
    record = _record(spec, snap)
    found = _same_run(session, fw, spec.period, spec.unit_level, snap.hash, spec.label,
                      preview=spec.inputs == "reviewed", record=record)
    if found is not None:
        return found
    rows = _build_rows(fw, snap, spec.method, spec.uncertainty)
    run = IndexRun(
        framework_code=fw.id, framework_version=fw.version, period=spec.period,
        unit_level=spec.unit_level, method=record, snapshot_hash=snap.hash,
        chiso_version=chiso.__version__, simulated=snap.simulated, label=spec.label,
        status="preview" if spec.inputs == "reviewed" else "draft",
    )
    return _saved(w, run, rows)


def regenerate(session: Session, run: IndexRun, fw: Framework) -> list[dict[str, Any]]:
    """The run's results computed again from its record: the exact revisions it used."""
    rec = run.method or {}
    if rec.get("kind") != "computed":
        raise ComputeError(
            f"Lần tính {run.id} không phải lần tính của chiso (loại: {rec.get('kind')}).",
            f"Run {run.id} was not computed by chiso (kind: {rec.get('kind')}).",
        )
    units, codes = rec["units"], rec["indicators"]
    ids = np.array(rec["observation_ids"], dtype=np.int64).reshape(len(units), len(codes))
    values = np.full(ids.shape, np.nan)
    by_id = observations.values_by_id(session, [int(i) for i in ids.ravel() if i >= 0])
    for (r, c), oid in np.ndenumerate(ids):
        if oid >= 0 and by_id.get(int(oid)) is not None:
            values[r, c] = by_id[int(oid)]
    snap = Snapshot(run.period, tuple(units), tuple(codes), values, ids, bool(run.simulated))
    if snap.hash != run.snapshot_hash:
        raise ComputeError(
            f"Dữ liệu của lần tính {run.id} không còn nguyên vẹn (mã băm khác).",
            f"The data of run {run.id} is no longer intact (snapshot hash differs).",
        )
    spec_unc = rec.get("uncertainty")
    unc = UncertaintySpec.from_dict(spec_unc) if spec_unc else None
    return _build_rows(fw, snap, Method.from_dict(rec["method"]), unc)


def _record(spec: RunSpec, snap: Snapshot) -> dict[str, Any]:
    return {
        "kind": "computed",
        "framework": spec.framework.id,
        "framework_version": spec.framework.version,
        "period": spec.period,
        "method": spec.method.to_dict(),
        "uncertainty": spec.uncertainty.to_dict() if spec.uncertainty else None,
        "include_simulated": spec.include_simulated,
        "inputs": spec.inputs,
        "statuses": list(REVIEWED) if spec.inputs == "reviewed" else [PUBLISHED],
        "units": list(snap.unit_ids),
        "indicators": list(snap.indicators),
        "observation_ids": snap.observation_ids.ravel().tolist(),
        "availability": round(snap.availability(), 4),
    }


def _build_rows(fw: Framework, snap: Snapshot, method: Method,
                unc: UncertaintySpec | None) -> list[dict[str, Any]]:
    data = Dataset(unit_ids=list(snap.unit_ids), indicators=list(snap.indicators),
                   values=snap.values)
    result = build(fw, data, method)
    stats = uncertainty(fw, data, method, unc) if unc is not None else None
    rows: list[dict[str, Any]] = []
    root = fw.root.code
    for code, scores in result.scores.items():
        ranks = result.ranks.get(code)
        for u, unit_id in enumerate(snap.unit_ids):
            score = float(scores[u])
            row: dict[str, Any] = {
                "unit_id": unit_id, "node_code": code,
                "score": None if np.isnan(score) else score,
                "rank": None if ranks is None or np.isnan(ranks[u]) else int(ranks[u]),
                "rank_q05": None, "rank_q95": None, "rank_median": None,
            }
            if stats is not None and code == root:
                row["rank_q05"] = float(stats.q05_rank[u])
                row["rank_q95"] = float(stats.q95_rank[u])
                row["rank_median"] = float(stats.median_rank[u])
            rows.append(row)
    return rows


def _same_run(session: Session, fw: Framework, period: str, level: str, digest: str,
              label: str | None, preview: bool = False,
              record: dict[str, Any] | None = None) -> IndexRun | None:
    """The stored run this one would repeat: same inputs and label (and, for a computed run,
    the same record: a run with another method is another run)."""
    found = store.same_run(session, fw.id, fw.version, period, level, digest, label, preview)
    return next((r for r in found if record is None or r.method == record), None)


# ── published runs: the ministry's own figures, ranks as published ────────────────────────


def published_run(w: Work, fw: Framework, period: str, unit_ids: Sequence[str],
                  label: str) -> IndexRun | None:
    """A run holding the published scores (and main indices where published) of a year.

    Ranks are the published ones where given, else ranked from the published scores with
    ties sharing the lower rank, as the ministry publishes them. None if nothing is published.
    """
    w.principal.require("publish")
    session = w.session
    leaves = [n.code for n in fw.indicators()]
    codes = [PUBLISHED_SCORE, PUBLISHED_RANK, *leaves]
    snap = take_snapshot(session, unit_ids, codes, period, view="public")
    score = snap.values[:, 0]
    have = np.isfinite(score)
    if not have.any():
        return None
    found = _same_run(session, fw, period, "province", snap.hash, label)
    if found is not None:
        return found
    ranked = rank_desc(np.where(have, score, np.nan))
    published_rank = snap.values[:, 1]
    rank = np.where(np.isfinite(published_rank), published_rank, ranked)
    rows: list[dict[str, Any]] = []
    for u, unit_id in enumerate(snap.unit_ids):
        if not have[u]:
            continue
        rows.append({"unit_id": unit_id, "node_code": fw.root.code, "score": float(score[u]),
                     "rank": int(rank[u]), "rank_q05": None, "rank_q95": None, "rank_median": None})
        for j, leaf in enumerate(leaves, start=2):
            v = snap.values[u, j]
            if np.isfinite(v):
                rows.append({"unit_id": unit_id, "node_code": leaf, "score": float(v), "rank": None,
                             "rank_q05": None, "rank_q95": None, "rank_median": None})
    sources = sorted(_sources_of(session, snap))
    run = IndexRun(
        framework_code=fw.id, framework_version=fw.version, period=period, unit_level="province",
        method={"kind": "published", "indicators": codes, "sources": sources,
                "ranks": ("published where given, else from the published scores "
                          "(ties share the lower rank)"),
                "units": list(snap.unit_ids), "inputs": "public",
                "observation_ids": snap.observation_ids.ravel().tolist()},
        snapshot_hash=snap.hash, chiso_version=chiso.__version__, simulated=False, label=label,
        status="official",
    )
    return _saved(w, run, rows)


def reexpressed_run(w: Work, fw: Framework, source_run: IndexRun, as_of: date,
                    label: str) -> IndexRun:
    """A published run on the old provinces re-expressed on the units valid at `as_of`.

    The ministry's 2024 rule: a merged province gets the unweighted mean of its predecessors'
    scores (the total and each main index alike, so the totals stay consistent).
    """
    w.principal.require("publish")
    session = w.session
    results = store.results(session, source_run.id)
    by_node: dict[str, dict[str, float]] = {}
    for r in results:
        if r.score is not None:
            by_node.setdefault(r.node_code, {})[r.unit_id] = r.score
    registry = w.catalog.units
    events = [e for e in registry.lineage_events() if e.effective <= as_of]
    new_ids = [u.id for u in registry.units(as_of=as_of, level="province")]
    root = fw.root.code
    totals = reexpress(by_node.get(root, {}), events, "mean")
    rank = rank_desc(np.array([totals.get(u, np.nan) for u in new_ids], dtype=float))
    rows: list[dict[str, Any]] = []
    for u, unit_id in enumerate(new_ids):
        if unit_id not in totals:
            continue
        rows.append({"unit_id": unit_id, "node_code": root, "score": totals[unit_id],
                     "rank": int(rank[u]), "rank_q05": None, "rank_q95": None, "rank_median": None})
    for node, values in by_node.items():
        if node == root:
            continue
        for unit_id, v in reexpress(values, events, "mean").items():
            rows.append({"unit_id": unit_id, "node_code": node, "score": v, "rank": None,
                         "rank_q05": None, "rank_q95": None, "rank_median": None})
    run = IndexRun(
        framework_code=fw.id, framework_version=fw.version, period=source_run.period,
        unit_level="province",
        method={"kind": "reexpressed", "from_run": source_run.id, "rule": "mean",
                "rule_text": ("đơn vị sáp nhập nhận trung bình cộng (không trọng số) của các "
                              "đơn vị cũ / a merged unit gets the unweighted mean of its "
                              "predecessors"),
                "as_of": as_of.isoformat()},
        snapshot_hash=source_run.snapshot_hash, chiso_version=chiso.__version__,
        simulated=bool(source_run.simulated), label=label,
    )
    existing = _same_run(session, fw, source_run.period, "province", source_run.snapshot_hash,
                         label)
    return existing if existing is not None else _saved(w, run, rows)


def _saved(w: Work, run: IndexRun, rows: list[dict[str, Any]]) -> IndexRun:
    """Store a run and its results, with the audit record of its computation."""
    store.save_run(w.session, run, rows)
    w.record("run.compute", "index_run", run.id,
             after={"framework": run.framework_code, "version": run.framework_version,
                    "period": run.period, "kind": (run.method or {}).get("kind"),
                    "label": run.label, "snapshot_hash": run.snapshot_hash})
    return run


def _sources_of(session: Session, snap: Snapshot) -> set[str]:
    return observations.source_uris(session, [int(i) for i in snap.observation_ids.ravel()
                                              if i >= 0])


def latent_levels(session: Session, run: IndexRun) -> Mapping[str, float]:
    """Each unit's total score in a run (used to drive the labelled simulation)."""
    return {r.unit_id: r.score for r in store.results(session, run.id)
            if r.node_code != "" and r.score is not None and r.rank is not None}


# ── runs as published objects: official, stale, rebuilt ─────────────────────────────────


def find(w: Work, run_id: int) -> IndexRun:
    from chiso.errors import NotFound

    run = store.run(w.session, run_id)
    if run is None:
        raise NotFound(f"Không có lần tính số {run_id}. Xem: chiso index list",
                       f"No index run {run_id}. See: chiso index list")
    return run


def publish_run(w: Work, run_id: int, note: str = "") -> IndexRun:
    """Make a run the official one of its framework and period (the one the public sees by
    default); the run that was official before is superseded. A preview (built with unpublished
    figures), a run on simulated data and a run its inputs have outgrown cannot be official."""
    w.principal.require("publish")
    run = find(w, run_id)
    refuse = None
    if run.status == "preview":
        refuse = ("lần tính này có số liệu chưa công bố (xem trước), không thể công bố",
                  "this run includes unpublished figures (a preview) and cannot be published")
    elif run.simulated:
        refuse = ("lần tính này dùng số liệu mô phỏng, không bao giờ là kết quả chính thức",
                  "this run uses simulated figures and can never be official")
    elif run.status == "official":
        refuse = ("lần tính này đã là kết quả chính thức", "this run is already official")
    elif stale_cells(w.session, run):
        refuse = (("số liệu đầu vào đã thay đổi từ khi tính; hãy tính lại (chiso index run) rồi "
                   "công bố lần tính mới"),
                  ("its inputs have changed since it was computed; compute it again (chiso index "
                   "run) and publish the new run"))
    if refuse:
        raise ComputeError(f"Không công bố được lần tính {run.id}: {refuse[0]}.",
                           f"Run {run.id} cannot be published: {refuse[1]}.")
    before = {r.id: r.status for r in store.runs(w.session, run.framework_code, run.period)
              if r.status == "official" and r.unit_level == run.unit_level}
    for other in store.runs(w.session, run.framework_code, run.period):
        if other.id in before:
            other.status = "superseded"
    run.status = "official"
    run.published_at = utcnow()
    run.published_by = w.principal.username
    run.publish_note = note.strip()[:4000] or None
    w.record("run.publish", "index_run", run.id,
             before={"status": "draft", "superseded": sorted(before)},
             after={"status": "official", "framework": run.framework_code,
                    "period": run.period, "note": run.publish_note})
    return run


@dataclass(frozen=True)
class Change:
    """A cell of a run's inputs that is not what the run used any more."""

    unit_id: str
    indicator: str
    used: float | None
    now: float | None


def stale_cells(session: Session, run: IndexRun, limit: int = 50) -> list[Change]:
    """What in a run's inputs has changed since it was computed (nothing: the run is current).

    The run's record names the exact revision of every cell it used; the same view of the
    store today may hold a later revision, or a figure where the run had none."""
    rec = run.method or {}
    ids = rec.get("observation_ids")
    units, codes = rec.get("units"), rec.get("indicators")
    if ids is None or not units or not codes:
        return []  # a re-expressed run: it follows its source run
    view: View = "public" if rec.get("inputs") == "public" else "current"
    now = take_snapshot(session, units, codes, run.period, view=view,
                        include_simulated=bool(rec.get("include_simulated", run.simulated)))
    used = np.array(ids, dtype=np.int64).reshape(len(units), len(codes))
    changed = np.argwhere(used != now.observation_ids)
    if not len(changed):
        return []
    old = observations.values_by_id(session, [int(used[r, c]) for r, c in changed[:limit]
                                              if used[r, c] >= 0])
    return [Change(units[r], codes[c], old.get(int(used[r, c])) if used[r, c] >= 0 else None,
                   None if np.isnan(now.values[r, c]) else float(now.values[r, c]))
            for r, c in changed[:limit]]


def rebuild(session: Session, run: IndexRun, fw: Framework) -> tuple[bool, int]:
    """Compute a run again from its record and compare with what is stored: (identical, rows).

    Identical means every score, rank and rank interval is the same float, bit for bit."""
    stored = {(r.unit_id, r.node_code): (r.score, r.rank, r.rank_q05, r.rank_q95, r.rank_median)
              for r in store.results(session, run.id)}
    again = {(r["unit_id"], r["node_code"]): (r["score"], r["rank"], r["rank_q05"], r["rank_q95"],
                                              r["rank_median"])
             for r in regenerate(session, run, fw)}
    return again == stored, len(again)
