"""View models of the project value register: the register, a project, a province's portfolio
and the platform catalogue, as plain data the pages and the JSON API both serve (the public
sees each project as last published; `view="current"` shows it as entered)."""

from __future__ import annotations

from typing import Any

import numpy as np
from sqlalchemy.orm import Session

from chiso.compute.value import BAR, DEFAULT_RATE, FlowRow, Flows, appraise
from chiso.compute.value_portfolio import (
    CYBER_SHARE_BAR,
    IT_SHARE_BARS,
    benefits_realised,
    cyber_spending,
    it_spending,
    portfolio,
    rank_by_value,
)
from chiso.compute.value_report import register_appraisal
from chiso.compute.value_uncertainty import MonteCarlo
from chiso.errors import NotFound
from chiso.ingest.projects_cells import CATEGORIES, STATUSES
from chiso.store import observations, units
from chiso.store import projects as store

PAGE_RUNS = MonteCarlo(2000, 0)  # a project page's Monte Carlo: 2,000 replications, seed 0


def _num(v: Any) -> float | None:
    return None if v is None or not np.isfinite(v) else float(v)


def _unit(session: Session, unit_id: str) -> dict[str, Any]:
    u = units.unit(session, unit_id)
    return {"id": unit_id, "name": u.name if u else unit_id,
            "full_name": u.full_name if u else unit_id}


def _row(session: Session, d: dict[str, Any], a: dict[str, Any] | None) -> dict[str, Any]:
    a = a or {}
    return {"code": d["code"], "name": {"vi": d["name"], "en": d.get("name_en") or d["name"]},
            "unit": _unit(session, d["unit_id"]), "sector": d.get("sector"),
            "status": d["status"], "status_label": _label(STATUSES, d["status"]),
            "review_status": d["review_status"],
            "simulated": bool(d.get("simulated")), "start_year": d.get("start_year"),
            "npv": a.get("npv"), "pv_benefits": a.get("pv_benefits"),
            "pv_costs": a.get("pv_costs"), "bcr": a.get("bcr"), "meets_bar": a.get("meets_bar"),
            "flags": a.get("flags", []), "rate": a.get("rate", d.get("rate") or DEFAULT_RATE),
            "p_bcr_ge_2": a.get("p_bcr_ge_2")}


def register_view(session: Session, *, view: str = "public", unit: str | None = None,
                  status: str | None = None, sector: str | None = None,
                  bar: str | None = None) -> dict[str, Any]:
    """The register, filtered by province (with the units it was formed from), status, sector
    and whether the bar of B/C ≥ 2 is met ("met", "not_met")."""
    wanted = _members(session, unit) if unit else ()
    data = [d for p in store.register(session, store.RegisterFilter(view=view, units=wanted))
            if (d := store.view_of(p, view))]
    every = data
    data = [d for d in data if (not status or d["status"] == status)
            and (not sector or d.get("sector") == sector)]
    appraised = register_appraisal(data)
    rows = [_row(session, d, appraised.get(d["code"])) for d in data]
    if bar in ("met", "not_met"):
        rows = [r for r in rows if r["meets_bar"] is (bar == "met")]
    return {"projects": rows, "bar": BAR, "rate": DEFAULT_RATE,
            "filters": {"unit": unit, "status": status, "sector": sector, "bar": bar},
            "choices": {"units": sorted({(d["unit_id"], _unit(session, d["unit_id"])["name"])
                                         for d in every}, key=lambda u: u[1]),
                        "statuses": [(c, _label(STATUSES, c)) for c in STATUSES],
                        "sectors": sorted({d["sector"] for d in every if d.get("sector")})},
            "simulated": any(r["simulated"] for r in rows)}


def _members(session: Session, unit_id: str) -> tuple[str, ...]:
    """A unit and the units it was formed from (a province of 1/7/2025 and its predecessors)."""
    return (unit_id, *(u.id for u, _e in units.predecessors(session, unit_id)))


def project_view(session: Session, code: str, view: str = "public") -> dict[str, Any]:
    """One project: its cash flows by year, appraisal, switching values (tornado), Monte Carlo,
    benefits realised against plan, linked indicators and platforms."""
    p = store.find(session, code)
    d = store.view_of(p, view) if p is not None else None
    if p is None or d is None:
        raise NotFound(f"Không có dự án '{code[:80]}' (đã công bố).",
                       f"No (published) project '{code[:80]}'.")
    a = register_appraisal([d], runs=PAGE_RUNS).get(code) if d["flows"] else None
    row = _row(session, d, a)
    years = 1 + max((f["year"] for f in d["flows"]), default=0)
    costs, benefits = np.zeros(years), np.zeros(years)
    for f in d["flows"]:
        (benefits if f["kind"] == "benefit" else costs)[f["year"]] += f["amount"]
    start = d.get("start_year")
    labels = [str(start + t) if start else f"{t}" for t in range(years)]
    actual = np.full(years, np.nan)
    for r in d.get("realised", []):
        if r["year"] < years:
            actual[r["year"]] = r["amount"]
    real = benefits_realised(benefits[None], actual[None])
    realised = [{"year": t, "label": labels[t], "plan": float(benefits[t]),
                 "actual": _num(actual[t]), "ratio": _num(real.ratio[0, t])}
                for t in range(years)]
    tornado = []
    if a is not None:
        for ln in a["switching_values"]["lines"]:
            tornado.append({"name": f"{_category(ln['category'], 'vi')}: {ln['item']}".rstrip(": "),
                            "name_en":
                                f"{_category(ln['category'], 'en')}: {ln['item']}".rstrip(": "),
                            "kind": ln["kind"], "pv": ln["pv"], "to_npv_zero": ln["to_npv_zero"],
                            "to_bar": ln["to_bar"]})
        tornado.sort(key=lambda x: -abs(x["pv"]))
    return {**row, "data": d, "appraisal": a, "years": labels,
            "cash": {"costs": costs.tolist(), "benefits": benefits.tolist(),
                     "net": (benefits - costs).tolist()},
            "tornado": tornado, "realised": realised,
            "tornado_chart": {lang: [{"name": x["name_en" if lang == "en" else "name"],
                                      "kind": x["kind"], "value": x["to_npv_zero"]}
                                     for x in tornado] for lang in ("vi", "en")},
            "realised_to_date": _num(real.to_date[0]), "shortfall": _num(real.shortfall[0]),
            "indicators": _linked(session, d), "platforms": d.get("platforms", []),
            "runs": {"n": PAGE_RUNS.n, "seed": PAGE_RUNS.seed},
            "simulated_lines": sum(1 for f in d["flows"] if f.get("simulated"))}


def _label(words: dict[str, tuple[str, str, tuple[str, ...]]], code: str) -> dict[str, str]:
    vi, en, _more = words.get(code, (code, code, ()))
    return {"vi": vi, "en": en}


def _category(code: str, lang: str) -> str:
    vi, en, _more = CATEGORIES.get(code, (code, code, ()))
    return vi if lang == "vi" else en


def _linked(session: Session, d: dict[str, Any]) -> list[dict[str, Any]]:
    """Each linked indicator's published figures for the project's unit: the one at (or just
    before) the project's start and the latest, with the change since."""
    codes = list(d.get("indicators") or [])
    if not codes:
        return []
    found: dict[str, list[tuple[str, float, bool]]] = {c: [] for c in codes}
    members = _members(session, d["unit_id"])
    for o, src in observations.figures(session, observations.Filter(
            view="public", unit_ids=members, indicators=codes, kinds=("actual",))):
        if o.value is not None:
            found[o.indicator].append((o.period, o.value, bool(src and src.simulated)))
    out = []
    start = str(d.get("start_year") or "")
    for c in codes:
        series = sorted(found[c])
        before = [s for s in series if s[0] <= start] if start else series[:1]
        base = before[-1] if before else (series[0] if series else None)
        last = series[-1] if series else None
        out.append({"code": c, "base": base, "last": last,
                    "change": last[1] - base[1] if base and last else None,
                    "simulated": any(s[2] for s in series)})
    return out


def portfolio_view(session: Session, unit_id: str, view: str = "public") -> dict[str, Any]:
    """A province's portfolio: IT spending against 1 % and 2 % of the budget, cybersecurity
    against 10 % of IT spending, total NPV and B/C, projects ranked by value per đồng, those
    below the bar."""
    if units.unit(session, unit_id) is None:
        raise NotFound(f"Không có đơn vị hành chính '{unit_id[:40]}'",
                       f"No administrative unit '{unit_id[:40]}'")
    members = _members(session, unit_id)
    data = [d for p in store.register(session, store.RegisterFilter(view=view, units=members))
            if (d := store.view_of(p, view))]
    appraised = register_appraisal(data)
    rows = [_row(session, d, appraised.get(d["code"])) for d in data]
    totals: dict[str, Any] = {"projects": len(rows), "npv": None, "bcr": None,
                              "meets_bar": None, "below_bar": 0}
    with_flows = [d for d in data if d["flows"]]
    if with_flows:
        flows = Flows.from_rows([FlowRow(d["code"], f["year"], f["kind"], f["category"],
                                         f["amount"], f["low"], f["high"], f["item"])
                                 for d in with_flows for f in d["flows"]],
                                [d["code"] for d in with_flows])
        rates = np.array([d.get("rate") or DEFAULT_RATE for d in with_flows])
        a = appraise(flows, rates)
        pf = portfolio(a, [unit_id] * len(with_flows))
        ranks = rank_by_value(a)
        for r in rows:
            if r["code"] in a.projects:
                r["rank"] = _num(ranks[a.projects.index(r["code"])])
        totals.update(npv=float(pf.npv[0]), bcr=_num(pf.bcr[0]), meets_bar=bool(pf.meets_bar[0]),
                      below_bar=int(pf.below_bar[0]), pv_benefits=float(pf.pv_benefits[0]),
                      pv_costs=float(pf.pv_costs[0]))
    ranked = sorted(rows, key=lambda r: (r.get("rank") is None, r.get("rank") or 0, r["code"]))
    bars = {lang: [{"name": r["name"][lang], "value": r["bcr"], "highlight": not r["meets_bar"]}
                   for r in ranked if r["bcr"] is not None] for lang in ("vi", "en")}
    return {"unit": _unit(session, unit_id), "members": [_unit(session, m) for m in members],
            "projects": ranked, "totals": totals, "bar": BAR, "bars": bars,
            "below": [r for r in ranked if "below_bar" in r["flags"]],
            "spending": _spending(session, members), "it_bars": list(IT_SHARE_BARS),
            "cyber_bar": CYBER_SHARE_BAR, "simulated": any(r["simulated"] for r in rows)}


def _spending(session: Session, members: tuple[str, ...]) -> list[dict[str, Any]]:
    """By unit and year: IT share of the budget (as stated, or spend / budget) against 1 % and
    2 %, and the cybersecurity share of IT spending against 10 %, each with its source."""
    by: dict[tuple[str, int], dict[str, Any]] = {}
    for s in store.spending(session, members):
        by.setdefault((s.unit_id, s.year), {})[s.measure] = s
    out = []
    for (unit_id, year), m in sorted(by.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        def val(key: str, m: dict[str, Any] = m) -> float:
            return float(m[key].value) if key in m else np.nan

        share = val("it_share_of_budget")
        if not np.isfinite(share):
            share = it_spending(np.array([val("it_spend_vnd")]),
                                np.array([val("budget_vnd")])).share[0]
        it = it_spending(np.array([share]), np.array([1.0]))
        cyber = cyber_spending(np.array([val("cyber_spend_vnd")]), np.array([val("it_spend_vnd")]))
        out.append({"unit": _unit(session, unit_id), "year": year, "share": _num(share),
                    "meets": {f"{b:g}": bool(it.meets(b)[0]) for b in IT_SHARE_BARS},
                    "spend": _num(val("it_spend_vnd")),
                    "spend_qualifier": m["it_spend_vnd"].qualifier if "it_spend_vnd" in m else None,
                    "cyber_share": _num(cyber.share[0]),
                    "cyber_meets": bool(cyber.meets(CYBER_SHARE_BAR)[0]),
                    "simulated": any(x.simulated for x in m.values()),
                    "quotes": sorted({(x.provenance or {}).get("real", {}).get("quote", "")
                                      for x in m.values()} - {""})})
    return out


def platforms_view(session: Session) -> dict[str, Any]:
    rows = [{"name": p.name, "category": p.category, "supplier": p.supplier, "owner": p.owner,
             "price_low": p.price_low, "price_high": p.price_high, "price_unit": p.price_unit,
             "source": p.source} for p in store.platforms(session)]
    return {"platforms": rows, "priced": sum(1 for r in rows if r["price_high"] is not None)}
