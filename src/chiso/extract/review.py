"""Review of extracted figures: candidates go in as drafts; a person accepts, corrects or
rejects each; only accepted ones become approved observations (a new revision each time).
Every decision is written to the audit log, from the command line (`chiso review`) as from
the web (chiso.accounts.candidates)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chiso.accounts import audit
from chiso.errors import ExtractionError, Problem
from chiso.extract.pipeline import Candidate
from chiso.extract.units import COUNTRY
from chiso.numbers import Quantity, parse_number
from chiso.store import repo
from chiso.store.models import Observation, Unit

DRAFT, APPROVED, REJECTED = "draft", "approved", "rejected"


@dataclass
class LoadResult:
    source_id: int
    loaded: int
    skipped: list[str] = field(default_factory=list)  # why each skipped candidate was skipped


def _unit_ids(session: Session, as_of: date | None) -> dict[str, str]:
    """Unit name -> id for provinces and the country, the units valid at `as_of` first."""
    out: dict[str, str] = {}
    rows = session.execute(
        select(Unit.id, Unit.name, Unit.full_name, Unit.level, Unit.valid_from, Unit.valid_to)
        .where(Unit.level.in_(("province", "country")))
    ).all()

    def valid(r: Any) -> bool:
        return as_of is None or ((r.valid_from is None or r.valid_from <= as_of)
                                 and (r.valid_to is None or as_of <= r.valid_to))

    for r in sorted(rows, key=valid):  # valid ones last, so they win
        for name in (r.name, r.full_name):
            if name:
                out[name] = r.id
        if r.level == "country":
            out[COUNTRY] = r.id
    return out


def load_candidates(
    session: Session,
    candidates: Sequence[Candidate],
    *,
    doc_text: str,
    doc_title: str,
    period: str | None = None,
    user: str | None = None,
) -> LoadResult:
    """Store matched candidates as draft observations of a Source row for the document.

    Each draft's provenance is {doc, quote, span, confidence}. Candidates without an indicator,
    a unit known to the database or a year are skipped (and said why).
    """
    digest = hashlib.sha256(doc_text.encode("utf-8")).hexdigest()
    src = repo.add_source(session, kind="report", title=doc_title, sha256=digest,
                          note="chiso extract")
    years = [c.year for c in candidates if c.year] + ([int(period)] if period else [])
    as_of = date(max(years), 6, 30) if years else None
    ids = _unit_ids(session, as_of)
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
            skipped.append(f"{c.quote[:60]}…: cùng chuỗi số liệu với một số khác trong báo cáo, bỏ giá trị "
                           f"{dropped:g} / same series as another figure in the report, left out {dropped:g}")
            if not keep_new:
                continue
            records[chosen[key]] = _record(c, unit_id, when)
            continue
        chosen[key] = len(records)
        records.append(_record(c, unit_id, when))
    records = _not_yet_reviewed(session, records, skipped)
    counts = repo.record_observations(session, records, source_id=src.id, user=user, status=DRAFT)
    return LoadResult(src.id, counts.added + counts.revised, skipped)


def _not_yet_reviewed(session: Session, records: list[dict[str, Any]], skipped: list[str]) -> list[dict[str, Any]]:
    """Leave out figures a person already approved or rejected with the same value (loading a
    report twice must not send reviewed figures back to draft)."""
    keys = {repo.series_key(r["unit_id"], r["indicator"], r["period"], r["kind"], r["target_year"]): r
            for r in records}
    done = session.execute(
        select(Observation.series_key, Observation.value, Observation.status)
        .where(Observation.is_current.is_(True), Observation.series_key.in_(list(keys)),
               Observation.status.in_((APPROVED, REJECTED)))
    ).all()
    seen = {key for key, value, _ in done if value == keys[key]["value"]}
    for key in seen:
        skipped.append(f"{keys[key]['provenance']['quote'][:60]}…: đã duyệt trước đó / already reviewed")
    return [r for k, r in keys.items() if k not in seen]


def _record(c: Candidate, unit_id: str, when: str) -> dict[str, Any]:
    return {
        "unit_id": unit_id, "indicator": c.indicator, "period": when, "kind": c.kind,
        "value": c.value, "value_high": c.value_high, "qualifier": c.qualifier,
        "target_year": c.target_year, "status": DRAFT,
        "provenance": {"doc": c.doc, "quote": c.quote, "span": list(c.span), "confidence": c.confidence},
    }


def drafts(session: Session) -> Sequence[Observation]:
    """The figures waiting for review, oldest first."""
    return session.scalars(
        select(Observation).where(Observation.is_current.is_(True), Observation.status == DRAFT)
        .order_by(Observation.id)
    ).all()


def _get_draft(session: Session, obs_id: int) -> Observation:
    obs = session.get(Observation, obs_id)
    if obs is None or not obs.is_current or obs.status != DRAFT:
        raise ExtractionError(
            "Không có số liệu nháp nào mang mã này", "No draft figure has this id",
            [Problem(f"mã {obs_id} không phải số liệu nháp đang chờ duyệt; xem danh sách bằng `chiso review`",
                     f"id {obs_id} is not a draft waiting for review; list them with `chiso review`",
                     value=obs_id)],
        )
    return obs


def _snapshot(obs: Observation) -> dict[str, Any]:
    return {"id": obs.id, "unit": obs.unit_id, "indicator": obs.indicator, "period": obs.period,
            "kind": obs.kind, "target_year": obs.target_year, "value": obs.value,
            "value_high": obs.value_high, "qualifier": obs.qualifier, "status": obs.status,
            "revision": obs.revision}


def _revise(session: Session, obs: Observation, status: str, user: str | None,
            value: float | None = None, value_high: float | None = None,
            qualifier: str | None = None, *, action: str, ip: str | None = None) -> Observation:
    """Append the decided revision and its audit record (who, what, before and after)."""
    before = _snapshot(obs)
    rec = {
        "unit_id": obs.unit_id, "indicator": obs.indicator, "period": obs.period, "kind": obs.kind,
        "value": obs.value if value is None else value,
        "value_high": obs.value_high if value is None else value_high,
        "qualifier": obs.qualifier if qualifier is None else qualifier,
        "target_year": obs.target_year, "status": status, "provenance": obs.provenance,
        "note": obs.note if value is None else f"corrected from {obs.value}",
    }
    repo.record_observations(session, [rec], source_id=obs.source_id, user=user, status=status)
    session.flush()
    new = session.scalar(select(Observation).where(Observation.series_key == obs.series_key,
                                                   Observation.is_current.is_(True)))
    assert new is not None
    audit.record(session, actor=user or "cli", action=f"review.extracted.{action}",
                 target_type="observation", target_id=new.id, before=before,
                 after=_snapshot(new), ip=ip)
    return new


def decide(session: Session, obs_id: int, action: str, user: str | None = None, *,
           value: str = "", ip: str | None = None) -> Observation:
    """Accept, correct (with the value a person typed: "70,8", "hơn 600.000", "0,3 – 0,35")
    or reject one draft. A correction is checked like an imported figure. Returns the new
    revision."""
    obs = _get_draft(session, obs_id)
    if action == "accept":
        return _revise(session, obs, APPROVED, user, action=action, ip=ip)
    if action == "reject":
        return _revise(session, obs, REJECTED, user, action=action, ip=ip)
    if action == "correct":
        q = _corrected(obs, value)
        return _revise(session, obs, APPROVED, user, value=q.value, value_high=q.value_high,
                       qualifier=q.qualifier, action=action, ip=ip)
    raise ExtractionError("Hành động không hợp lệ", "Unknown action",
                          [Problem("hãy dùng accept, correct hoặc reject",
                                   "use accept, correct or reject", value=action[:20])])


def _corrected(obs: Observation, text: str) -> Quantity:
    """The typed correction as a quantity, within the indicator's rules (as in import)."""
    from chiso.ingest.load import indicators_for
    from chiso.ingest.validate import value_rule
    try:
        q = parse_number(text)
    except ValueError as err:
        raise ExtractionError("Giá trị sửa không đọc được", "The corrected value cannot be read",
                              [Problem(str(err), str(err), value=text)]) from err
    node = indicators_for(()).find(obs.indicator)
    for x in (q.value, q.value_high):
        broken = None if node is None or x is None else value_rule(node, x)
        if broken:
            vi, en = broken
            raise ExtractionError(vi[0].upper() + vi[1:], en[0].upper() + en[1:],
                                  [Problem(vi, en, field=obs.indicator, value=text)])
    return q


def accept(session: Session, ids: Iterable[int], user: str | None = None, *,
           ip: str | None = None) -> int:
    """Approve drafts as they are."""
    n = 0
    for i in ids:
        decide(session, i, "accept", user, ip=ip)
        n += 1
    return n


def reject(session: Session, ids: Iterable[int], user: str | None = None, *,
           ip: str | None = None) -> int:
    n = 0
    for i in ids:
        decide(session, i, "reject", user, ip=ip)
        n += 1
    return n


def correct(session: Session, obs_id: int, text: str, user: str | None = None, *,
            ip: str | None = None) -> Observation:
    """Approve a draft with the value a person typed."""
    return decide(session, obs_id, "correct", user, value=text, ip=ip)


def accept_all(session: Session, user: str | None = None) -> int:
    return accept(session, [o.id for o in drafts(session)], user)
