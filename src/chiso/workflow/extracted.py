"""Figures extracted from reports: stored as drafts, then a person accepts, corrects or rejects
each; only accepted ones become approved observations (a new revision each time). Every
decision is audited, from the command line (`chiso review`) as from the web."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from chiso.errors import Conflict, ExtractionError, NotFound, Problem
from chiso.extract.pipeline import Candidate
from chiso.extract.units import COUNTRY
from chiso.store import observations, sources
from chiso.store.models import Observation, Source
from chiso.units.registry import UnitRecord
from chiso.vocab import APPROVED, DRAFT, REJECTED
from chiso.workflow.values import ranked, read_typed
from chiso.workflow.work import Work

ACTIONS = ("accept", "correct", "reject")


@dataclass
class LoadResult:
    source_id: int
    loaded: int
    skipped: list[str] = field(default_factory=list)  # why each skipped candidate was skipped


def _unit_ids(w: Work, as_of: date | None) -> dict[str, str]:
    """Unit name -> id for provinces and the country, the units valid at `as_of` winning."""
    rows = [u for u in w.catalog.units.all_units() if u.level in ("province", "country")]

    def valid(u: UnitRecord) -> bool:
        return as_of is None or u.valid_on(as_of)

    out: dict[str, str] = {}
    for u in sorted(rows, key=valid):  # valid ones last, so they win
        for name in (u.name, u.full_name):
            if name:
                out[name] = u.id
        if u.level == "country":
            out[COUNTRY] = u.id
    return out


def load_candidates(w: Work, candidates: Sequence[Candidate], *, doc_text: str, doc_title: str,
                    period: str | None = None) -> LoadResult:
    """Store matched candidates as draft observations of a Source row for the document.

    Each draft's provenance is {doc, quote, span, confidence, needs_look} (`needs_look`: the
    rules did not place it or it is more likely wrong than right, `Candidate.needs_look`; review
    marks it). Candidates without an indicator,
    a unit known to the catalog or a year are skipped (and said why).
    """
    digest = hashlib.sha256(doc_text.encode("utf-8")).hexdigest()
    src = sources.add_source(w.session, kind="report", title=doc_title, sha256=digest,
                             note="chiso extract")
    years = [c.year for c in candidates if c.year] + ([int(period)] if period else [])
    ids = _unit_ids(w, date(max(years), 6, 30) if years else None)
    records: list[dict[str, Any]] = []
    chosen: dict[tuple[Any, ...], int] = {}
    skipped: list[str] = []
    for c in candidates:
        if not c.matched:
            continue
        unit_id = ids.get(c.unit or "")
        when = str(c.year) if c.year else period
        if unit_id is None:
            skipped.append(f"{c.quote[:60]}…: không rõ đơn vị '{c.unit}' / unknown unit '{c.unit}'")
            continue
        if when is None:
            skipped.append(f"{c.quote[:60]}…: không rõ năm, hãy dùng --year / no year, use --year")
            continue
        key = (unit_id, c.indicator, when, c.kind, c.target_year)
        if key in chosen:  # one value per series: keep the surer one, say what was left out
            other = records[chosen[key]]
            keep_new = c.confidence > other["provenance"]["confidence"]
            dropped = other["value"] if keep_new else c.value
            skipped.append(f"{c.quote[:60]}…: cùng chuỗi số liệu với một số khác trong báo cáo, "
                           f"bỏ giá trị {dropped:g} / same series as another figure in the report,"
                           f" left out {dropped:g}")
            if keep_new:
                records[chosen[key]] = _record(c, unit_id, when)
            continue
        chosen[key] = len(records)
        records.append(_record(c, unit_id, when))
    records = _not_yet_reviewed(w, records, skipped)
    counts = observations.record_observations(w.session, records, source_id=src.id,
                                              user=w.actor, status=DRAFT)
    w.record("extracted.load", "source", src.id,
             after={"document": doc_title, "drafts": counts.added + counts.revised,
                    "skipped": len(skipped)})
    return LoadResult(src.id, counts.added + counts.revised, skipped)


def _not_yet_reviewed(w: Work, records: list[dict[str, Any]],
                      skipped: list[str]) -> list[dict[str, Any]]:
    """Leave out figures a person already approved or rejected with the same value (loading a
    report twice must not send reviewed figures back to draft)."""
    keys = {observations.series_key(r["unit_id"], r["indicator"], r["period"], r["kind"],
                                    r["target_year"]): r for r in records}
    done = observations.decided(w.session, list(keys))
    seen = {key for key, value in done.items() if value == keys[key]["value"]}
    for key in seen:
        quote = keys[key]["provenance"]["quote"][:60]
        skipped.append(f"{quote}…: đã duyệt trước đó / already reviewed")
    return [r for k, r in keys.items() if k not in seen]


def _record(c: Candidate, unit_id: str, when: str) -> dict[str, Any]:
    return {
        "unit_id": unit_id, "indicator": c.indicator, "period": when, "kind": c.kind,
        "value": c.value, "value_high": c.value_high, "qualifier": c.qualifier,
        "target_year": c.target_year, "status": DRAFT,
        "provenance": {"doc": c.doc, "quote": c.quote, "span": list(c.span),
                       "confidence": c.confidence, "needs_look": c.needs_look},
    }


def waiting(w: Work, limit: int = 500) -> Sequence[tuple[Observation, Source | None]]:
    """Drafts waiting for a decision, with their report, oldest first."""
    return observations.drafts(w.session, limit)


def count_waiting(w: Work) -> int:
    return observations.count_drafts(w.session)


def drafts(w: Work) -> list[Observation]:
    return [o for o, _src in observations.drafts(w.session)]


def _snapshot(obs: Observation) -> dict[str, Any]:
    return {"id": obs.id, "unit": obs.unit_id, "indicator": obs.indicator, "period": obs.period,
            "kind": obs.kind, "target_year": obs.target_year, "value": obs.value,
            "value_high": obs.value_high, "qualifier": obs.qualifier, "status": obs.status,
            "revision": obs.revision}


def _draft(w: Work, obs_id: int) -> Observation:
    obs = observations.get(w.session, obs_id)
    if obs is None or "quote" not in (obs.provenance or {}):
        raise NotFound(f"Không có số liệu trích từ báo cáo mang mã {obs_id}; xem danh sách bằng "
                       "`chiso review`.",
                       f"No figure extracted from a report has id {obs_id}; list them with "
                       "`chiso review`.")
    if not obs.is_current or obs.status != DRAFT:
        raise Conflict(
            f"Số liệu #{obs_id} không còn chờ duyệt (có thể người khác vừa duyệt); hãy tải lại "
            "trang.",
            f"Figure #{obs_id} is no longer waiting for review (someone may have just decided "
            "it); reload the page.")
    return obs


def decide(w: Work, obs_id: int, action: str, value: str = "") -> Observation:
    """Accept, correct (with the value a person typed: "70,8", "hơn 600.000", "0,3 – 0,35")
    or reject one draft. A correction is checked like an imported figure; a draft someone else
    has just decided is a conflict. Returns the new revision."""
    w.principal.require("review")
    if action not in ACTIONS:
        raise ExtractionError("Hành động không hợp lệ", "Unknown action",
                              [Problem("hãy dùng accept, correct hoặc reject",
                                       "use accept, correct or reject", value=action[:20])])
    obs = _draft(w, obs_id)
    before = _snapshot(obs)
    rec: dict[str, Any] = {
        "unit_id": obs.unit_id, "indicator": obs.indicator, "period": obs.period,
        "kind": obs.kind, "value": obs.value, "value_high": obs.value_high,
        "qualifier": obs.qualifier, "target_year": obs.target_year,
        "status": REJECTED if action == "reject" else APPROVED,
        "provenance": obs.provenance, "note": obs.note,
    }
    if action == "correct":
        node = w.catalog.indicator(obs.indicator)
        if node is None:
            raise ExtractionError(f"Chỉ tiêu '{obs.indicator}' không có trong khung chỉ số nào.",
                                  f"Indicator '{obs.indicator}' is in no framework.")
        reading, problems = read_typed(node, value, ranked(w.catalog, obs.unit_id, obs.period))
        if reading is None:
            first = problems[0] if problems else Problem("Chưa nhập giá trị sửa.",
                                                         "No corrected value was given.")
            raise ExtractionError(first.message_vi, first.message_en,
                                  problems or [first])
        rec.update(value=reading.value, value_high=reading.value_high,
                   qualifier=reading.qualifier, note=f"corrected from {obs.value}")
    observations.record_observations(w.session, [rec], source_id=obs.source_id, user=w.actor,
                                     status=rec["status"])
    new = observations.current_of(w.session, obs.series_key)
    assert new is not None
    w.record(f"review.extracted.{action}", "observation", new.id, before=before,
             after=_snapshot(new))
    return new


def decide_many(w: Work, ids: Iterable[int], action: str) -> int:
    """Accept or reject several drafts as they are."""
    n = 0
    for i in ids:
        decide(w, i, action)
        n += 1
    return n


def accept_all(w: Work) -> int:
    return decide_many(w, [o.id for o in drafts(w)], "accept")
