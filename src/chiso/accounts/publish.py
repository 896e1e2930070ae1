"""Publication: a period's approved figures made public, with a changelog anyone can read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chiso.accounts import audit
from chiso.accounts.entry import EntryError, check_period, framework
from chiso.accounts.users import Principal
from chiso.store import repo
from chiso.store.models import Observation
from chiso.store.models_auth import ChangelogEntry, Publication, PublishedFigure


def latest(session: Session, fw_code: str, period: str) -> Publication | None:
    return session.scalar(select(Publication).where(
        Publication.framework_code == fw_code, Publication.period == period)
        .order_by(Publication.number.desc()).limit(1))


def figures(session: Session, pub: Publication | None) -> dict[str, PublishedFigure]:
    if pub is None:
        return {}
    return {f.series_key: f for f in session.scalars(
        select(PublishedFigure).where(PublishedFigure.publication_id == pub.id))}


@dataclass
class PublishResult:
    publication: Publication
    added: int
    changed: int
    removed: int


def publish(session: Session, who: Principal, fw_code: str, period: str, note: str = "", *,
            ip: str | None = None) -> PublishResult:
    """Publish the current approved figures of a framework for a period.

    Every kind is published: the provinces' actual figures, and the targets, national averages
    and benchmarks approved from reports. The public sees a period only through its latest
    publication; a later correction reaches them only by publishing again, and the changelog
    says what changed.
    """
    who.require("publish")
    fw = framework(fw_code)
    check_period(period)
    codes = [n.code for n in fw.indicators()]
    obs = repo.current_observations(session, repo.ObservationFilter(
        indicators=codes, periods=[period], statuses=["approved", "published"]))
    prev = latest(session, fw.id, period)
    old = figures(session, prev)
    new = {o.series_key: o for o in obs}
    if not new:
        raise EntryError(f"Chưa có số liệu đã duyệt nào cho {fw.id} kỳ {period}.",
                         f"No approved figures for {fw.id} period {period} yet.")
    changes: list[tuple[str, str, str, float | None, float | None, str]] = []
    for key, o in new.items():
        f = old.get(key)
        if f is None:
            changes.append((o.unit_id, o.indicator, o.kind, None, o.value, "added"))
        elif f.observation_id != o.id and f.value != o.value:
            changes.append((o.unit_id, o.indicator, o.kind, f.value, o.value, "changed"))
    for key, f in old.items():
        if key not in new:
            changes.append((f.unit_id, f.indicator, repo.series_parts(key)[3], f.value, None,
                            "removed"))
    if prev is not None and not changes and all(old[k].observation_id == o.id
                                                 for k, o in new.items()):
        raise EntryError("Không có gì mới để công bố so với lần công bố trước.",
                         "Nothing has changed since the last publication.")
    number = (session.scalar(select(func.max(Publication.number)).where(
        Publication.framework_code == fw.id, Publication.period == period)) or 0) + 1
    pub = Publication(framework_code=fw.id, period=period, number=number,
                      published_by=who.username, note=note.strip()[:4000] or None)
    session.add(pub)
    session.flush()
    new = _make_public(session, who, new, number)
    session.add_all(PublishedFigure(publication_id=pub.id, series_key=k, observation_id=o.id,
                                    unit_id=o.unit_id, indicator=o.indicator, value=o.value)
                    for k, o in new.items())
    session.add_all(ChangelogEntry(publication_id=pub.id, unit_id=u, indicator=i, kind=k,
                                   old_value=a, new_value=b, change=c)
                    for u, i, k, a, b, c in changes)
    counts = {c: sum(1 for *_, k in changes if k == c) for c in ("added", "changed", "removed")}
    audit.record(session, actor=who.username, action="publish", target_type="publication",
                 target_id=pub.id, after={"framework": fw.id, "period": period,
                                          "number": number, "figures": len(new), **counts}, ip=ip)
    return PublishResult(pub, counts["added"], counts["changed"], counts["removed"])


def _make_public(session: Session, who: Principal, figures_: dict[str, Observation],
                 number: int) -> dict[str, Observation]:
    """Each approved figure gets a new revision with status "published", which the public then
    sees in place of the series' earlier published revision. Returns the published revisions."""
    by_source: dict[int | None, list[dict[str, Any]]] = {}
    for o in figures_.values():
        if o.status == repo.PUBLISHED:
            continue
        by_source.setdefault(o.source_id, []).append({
            "unit_id": o.unit_id, "indicator": o.indicator, "period": o.period, "kind": o.kind,
            "value": o.value, "value_high": o.value_high, "qualifier": o.qualifier,
            "target_year": o.target_year, "note": o.note,
            "provenance": {**(o.provenance or {}), "publication": number,
                           "approved_revision": o.revision}})
    for source_id, records in by_source.items():
        repo.record_observations(session, records, source_id=source_id, user=who.username,
                                 status=repo.PUBLISHED)
    keys = list(figures_)
    published: dict[str, Observation] = {}
    for i in range(0, len(keys), 2000):
        published.update((o.series_key, o) for o in session.scalars(
            select(Observation).where(Observation.series_key.in_(keys[i:i + 2000]),
                                      Observation.is_current.is_(True))))
    return published


def changelog(session: Session, limit: int = 50) -> list[tuple[Publication, list[ChangelogEntry]]]:
    pubs = session.scalars(select(Publication).order_by(Publication.id.desc()).limit(limit)).all()
    out = []
    for p in pubs:
        rows = session.scalars(select(ChangelogEntry).where(ChangelogEntry.publication_id == p.id)
                               .order_by(ChangelogEntry.unit_id, ChangelogEntry.indicator)).all()
        out.append((p, list(rows)))
    return out
