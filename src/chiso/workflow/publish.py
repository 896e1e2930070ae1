"""Publication: a period's approved figures made public, with a changelog anyone can read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from chiso.errors import InvalidInput
from chiso.store import observations, publications
from chiso.store.models import Observation
from chiso.store.models_workflow import ChangelogEntry, Publication, PublishedFigure
from chiso.vocab import PUBLISHED, REVIEWED
from chiso.workflow.entry import check_period
from chiso.workflow.work import Work


@dataclass
class PublishResult:
    publication: Publication
    added: int
    changed: int
    removed: int
    simulated_left_out: int = 0


def publish(w: Work, fw_code: str, period: str, note: str = "") -> PublishResult:
    """Publish the current approved figures of a framework for a period.

    Every kind is published: the provinces' actual figures, and the targets, national averages
    and benchmarks approved from reports. The public sees a period only through its latest
    publication; a later correction reaches them only by publishing again, and the changelog
    says what changed.
    """
    w.principal.require("publish")
    fw = w.catalog.framework(fw_code)
    check_period(period)
    codes = [n.code for n in fw.indicators()]
    reviewed = observations.figures(w.session, observations.Filter(
        view="current", indicators=codes, periods=[period], statuses=REVIEWED))
    # simulated figures are never published as real: they stay in their labelled view
    obs = [o for o, src in reviewed if not (src is not None and src.simulated)]
    simulated = len(reviewed) - len(obs)
    prev = publications.latest(w.session, fw.id, period)
    old = publications.figures(w.session, prev)
    new = {o.series_key: o for o in obs}
    if not new:
        why_vi = f" ({simulated} số liệu mô phỏng không bao giờ được công bố)" if simulated else ""
        why_en = f" ({simulated} simulated figures are never published)" if simulated else ""
        raise InvalidInput(f"Chưa có số liệu đã duyệt nào cho {fw.id} kỳ {period}{why_vi}.",
                           f"No approved figures for {fw.id} period {period} yet{why_en}.")
    changes: list[tuple[str, str, str, float | None, float | None, str]] = []
    for key, o in new.items():
        f = old.get(key)
        if f is None:
            changes.append((o.unit_id, o.indicator, o.kind, None, o.value, "added"))
        elif f.observation_id != o.id and f.value != o.value:
            changes.append((o.unit_id, o.indicator, o.kind, f.value, o.value, "changed"))
    for key, f in old.items():
        if key not in new:
            changes.append((f.unit_id, f.indicator, observations.series_parts(key)[3], f.value,
                            None, "removed"))
    if prev is not None and not changes and all(old[k].observation_id == o.id
                                                for k, o in new.items()):
        raise InvalidInput("Không có gì mới để công bố so với lần công bố trước.",
                           "Nothing has changed since the last publication.")
    number = publications.next_number(w.session, fw.id, period)
    published = _make_public(w, new, number)
    pub = publications.add(
        w.session,
        Publication(framework_code=fw.id, period=period, number=number,
                    published_by=w.principal.username, note=note.strip()[:4000] or None),
        [PublishedFigure(series_key=k, observation_id=o.id, unit_id=o.unit_id,
                         indicator=o.indicator, value=o.value) for k, o in published.items()],
        [ChangelogEntry(unit_id=u, indicator=i, kind=k, old_value=a, new_value=b, change=c)
         for u, i, k, a, b, c in changes])
    counts = {c: sum(1 for *_, k in changes if k == c) for c in ("added", "changed", "removed")}
    w.record("publish", "publication", pub.id,
             after={"framework": fw.id, "period": period, "number": number,
                    "figures": len(published), "simulated_left_out": simulated, **counts})
    return PublishResult(pub, counts["added"], counts["changed"], counts["removed"], simulated)


def _make_public(w: Work, figures_: dict[str, Observation], number: int) -> dict[str, Observation]:
    """Each approved figure gets a new revision with status "published", which the public then
    sees in place of the series' earlier published revision. Returns the published revisions."""
    by_source: dict[int | None, list[dict[str, Any]]] = {}
    for o in figures_.values():
        if o.status == PUBLISHED:
            continue
        by_source.setdefault(o.source_id, []).append({
            "unit_id": o.unit_id, "indicator": o.indicator, "period": o.period, "kind": o.kind,
            "value": o.value, "value_high": o.value_high, "qualifier": o.qualifier,
            "target_year": o.target_year, "note": o.note,
            "provenance": {**(o.provenance or {}), "publication": number,
                           "approved_revision": o.revision}})
    for source_id, records in by_source.items():
        observations.record_observations(w.session, records, source_id=source_id,
                                         user=w.principal.username, status=PUBLISHED)
    return observations.current_by_series(w.session, list(figures_))


def latest(w: Work, fw_code: str, period: str) -> tuple[Publication, list[PublishedFigure]] | None:
    """A period's latest publication and its figures (in series order), or None."""
    fw = w.catalog.framework(fw_code)
    check_period(period)
    pub = publications.latest(w.session, fw.id, period)
    if pub is None:
        return None
    figs = publications.figures(w.session, pub)
    return pub, [figs[k] for k in sorted(figs)]


def changelog(w: Work, limit: int = 50) -> list[tuple[Publication, list[ChangelogEntry]]]:
    return publications.changelog(w.session, limit)
