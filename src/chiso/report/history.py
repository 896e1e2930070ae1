"""A province's published DTI over the years, beside the provincial mean, with the former
provinces it was formed from before 1/7/2025: what the scorecard page and the brief draw."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy.orm import Session

from chiso.store import frameworks, observations, units
from chiso.store.catalog import parsed
from chiso.vocab import REFORM_DATE

# the published DTI series a scorecard draws over time: the index, then its main indices
HISTORY_CODES = ("dti_score", "nhan_thuc_so", "the_che_so", "ha_tang_so", "nhan_luc_so", "attt",
                 "hd_cqs", "hd_kts", "hd_xhs")


def history(session: Session, unit_id: str) -> dict[str, Any] | None:
    """The published DTI of a province over the years (and of each main index), beside the
    provincial mean; for a province formed on 1/7/2025, its predecessors' series before it.
    None when nothing is published for it."""
    u = units.unit(session, unit_id)
    if u is None:
        return None
    preds = [p for p, _e in units.predecessors(session, unit_id)]
    nat = units.country(session)
    ids = [unit_id, *(p.id for p in preds)] + ([nat.id] if nat else [])
    figs = observations.figures(session, observations.Filter(
        unit_ids=ids, indicators=list(HISTORY_CODES), kinds=["actual", "national_average"]))
    if not any(o.unit_id != (nat.id if nat else None) for o, _ in figs):
        return None
    names = {p.id: p.name for p in preds} | {unit_id: u.name}
    by: dict[tuple[str, str, str], dict[str, float]] = defaultdict(dict)
    simulated = False
    for o, src in figs:
        if o.value is None:
            continue
        role = ("national" if nat and o.unit_id == nat.id
                else "own" if o.unit_id == unit_id else "predecessor")
        if role == "national" and o.kind != "national_average":
            continue  # the national DTI is another quantity than the provinces' mean
        by[(o.indicator, role, o.unit_id)][o.period] = o.value
        simulated = simulated or bool(src and src.simulated)
    periods = sorted({p for series in by.values() for p in series})
    node_names = _node_names(session)
    out = []
    for code in HISTORY_CODES:
        series = [{"name": names.get(uid, uid) if role != "national" else "national",
                   "role": role, "points": [vals.get(p) for p in periods]}
                  for (c, role, uid), vals in sorted(by.items(), key=lambda kv: (
                      kv[0][0], ("own", "predecessor", "national").index(kv[0][1]), kv[0][2]))
                  if c == code]
        if any(s["role"] != "national" for s in series):
            out.append({"code": code, "name": node_names.get(code, {"vi": code, "en": code}),
                        "series": series})
    # where the series moves from the 63 old provinces to this one of the 34
    own = sorted(p for (c, role, _uid), vals in by.items() if role == "own" for p in vals)
    merged = bool(preds) and u.valid_from is not None and u.valid_from >= REFORM_DATE
    reform = own[0] if merged and own else None
    return {"periods": periods, "indicators": out, "reform_period": reform,
            "simulated": simulated}


def _node_names(session: Session) -> dict[str, dict[str, str]]:
    """Names of the DTI's nodes (and of its total as "dti_score"), from the stored frameworks."""
    out: dict[str, dict[str, str]] = {}
    for rec in frameworks.frameworks(session):
        if not rec.code.startswith("dti"):
            continue
        fw = parsed(rec.sha256, rec.yaml_text)
        for n in fw.nodes():
            out[n.code] = {"vi": n.name.vi, "en": n.name.en}
        out["dti_score"] = {"vi": fw.root.name.vi, "en": fw.root.name.en}
    return out
