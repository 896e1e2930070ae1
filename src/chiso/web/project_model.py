"""View models of the project value register: the register, a project, a province's portfolio
and the platform catalogue, as plain data the pages and the JSON API both serve (the public
sees each project as last published; `view="current"` shows it as entered)."""

from __future__ import annotations

from typing import Any

import numpy as np
from sqlalchemy.orm import Session

from chiso.compute.value import BAR, DEFAULT_RATE
from chiso.compute.value_portfolio import (
    CYBER_SHARE_BAR,
    IT_SHARE_BARS,
    benefits_realised,
    cyber_spending,
    it_spending,
    portfolio_of,
    price_check,
    rank_by_bcr,
    spending_by_year,
)
from chiso.compute.value_report import PUBLISHED_RUNS, register_appraisal
from chiso.errors import NotFound
from chiso.ingest.headers import fold
from chiso.ingest.projects_cells import CATEGORIES, STATUSES
from chiso.store import observations, units
from chiso.store import projects as store

PAGE_RUNS = PUBLISHED_RUNS  # a project page's Monte Carlo: the one stored at publication
POSITIONS = {-1.0: "below", 0.0: "within", 1.0: "above"}


def _appraised(data: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each project's appraisal for a list (the register, a portfolio): the one stored with the
    published copy when its inputs are unchanged (with its Monte Carlo), else computed now
    without replications (a project as entered, or a copy of other inputs)."""
    return register_appraisal(data)


def _num(v: Any) -> float | None:
    return None if v is None or not np.isfinite(v) else float(v)


def _unit(session: Session, unit_id: str) -> dict[str, Any]:
    """A unit's names, read once per session (a register lists many projects of few units)."""
    seen = session.info.setdefault("chiso.project_model.units", {})
    if unit_id not in seen:
        u = units.unit(session, unit_id)
        seen[unit_id] = {"id": unit_id, "name": u.name if u else unit_id,
                         "full_name": u.full_name if u else unit_id}
    return dict(seen[unit_id])


def _row(session: Session, d: dict[str, Any], a: dict[str, Any] | None,
         prices: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    a = a or {}
    compared = [u for u in prices or [] if u["position"] is not None]
    return {"code": d["code"], "name": {"vi": d["name"], "en": d.get("name_en") or d["name"]},
            "unit": _unit(session, d["unit_id"]), "sector": d.get("sector"),
            "status": d["status"], "status_label": _label(STATUSES, d["status"]),
            "review_status": d["review_status"],
            "simulated": bool(d.get("simulated")), "start_year": d.get("start_year"),
            "npv": a.get("npv"), "pv_benefits": a.get("pv_benefits"),
            "pv_costs": a.get("pv_costs"), "bcr": a.get("bcr"), "meets_bar": a.get("meets_bar"),
            "flags": a.get("flags", []), "rate": a.get("rate", d.get("rate") or DEFAULT_RATE),
            "p_bcr_ge_2": a.get("p_bcr_ge_2"),
            "above_reference_price": (any(u["position"] == "above" for u in compared)
                                      if compared else None),
            "reference_simulated": any(u["reference"]["simulated"] for u in compared)}


def catalogue(session: Session) -> dict[str, dict[str, Any]]:
    """The platform catalogue by folded name."""
    return {fold(p["name"]): p for p in platforms_view(session)["platforms"]}


def unit_costs(d: dict[str, Any], cat: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """A project's unit costs, each against its platform's reference price for the same unit
    of measure: "below", "within" or "above" (flagged), by how much above, or None with why
    not compared ("not_in_catalogue", "no_reference", "other_unit")."""
    rows = list(d.get("unit_costs") or [])
    if not rows:
        return []
    refs, why = [], []
    for u in rows:
        ref = cat.get(fold(u["platform"]))
        priced = ref is not None and ref["price_high"] is not None
        same = priced and fold((ref or {}).get("price_unit") or "") == fold(u["unit"])
        refs.append(ref if same else None)
        why.append(None if same else "not_in_catalogue" if ref is None else
                   "no_reference" if not priced else "other_unit")
    lo = np.array([r["price_low"] if r and r["price_low"] is not None else 0.0 if r else np.nan
                   for r in refs])
    hi = np.array([r["price_high"] if r else np.nan for r in refs])
    check = price_check(np.array([u["unit_price"] for u in rows], dtype=float), lo, hi)
    out = []
    for i, u in enumerate(rows):
        ref = refs[i]
        pos = check.position[i]
        out.append({"platform": u["platform"], "unit": u["unit"], "quantity": u["quantity"],
                    "unit_price": u["unit_price"], "total": u["quantity"] * u["unit_price"],
                    "item": u.get("item") or "", "simulated": bool(u.get("simulated")),
                    "position": POSITIONS.get(float(pos)) if np.isfinite(pos) else None,
                    "excess": _num(check.excess[i]), "not_compared": why[i],
                    "reference": None if ref is None else {
                        "low": ref["price_low"], "high": ref["price_high"],
                        "unit": ref["price_unit"], "simulated": ref["price_simulated"],
                        "source": ref["price_source"]}})
    return out


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
    appraised = _appraised(data)
    cat = catalogue(session)
    rows = [_row(session, d, appraised.get(d["code"]), unit_costs(d, cat)) for d in data]
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
    prices = unit_costs(d, catalogue(session))
    row = _row(session, d, a, prices)
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
            "runs": {"n": PAGE_RUNS.n, "seed": PAGE_RUNS.seed}, "unit_costs": prices,
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
    appraised = _appraised(data)
    cat = catalogue(session)
    rows = [_row(session, d, appraised.get(d["code"]), unit_costs(d, cat)) for d in data]
    totals: dict[str, Any] = {"projects": len(rows), "npv": None, "bcr": None,
                              "meets_bar": None, "below_bar": 0}
    done = [appraised[d["code"]] for d in data if d["code"] in appraised]
    if done:
        pf = portfolio_of(np.array([a["pv_benefits"] for a in done]),
                          np.array([a["pv_costs"] for a in done]),
                          np.array(["below_bar" in a["flags"] for a in done]),
                          [unit_id] * len(done))
        ranks = rank_by_bcr(np.array([np.nan if a["bcr"] is None else a["bcr"] for a in done]))
        rank_of = {a["project"]: _num(r) for a, r in zip(done, ranks)}
        for r in rows:
            if r["code"] in rank_of:
                r["rank"] = rank_of[r["code"]]
        totals.update(npv=float(pf.npv[0]), bcr=_num(pf.bcr[0]), meets_bar=bool(pf.meets_bar[0]),
                      below_bar=int(pf.below_bar[0]), pv_benefits=float(pf.pv_benefits[0]),
                      pv_costs=float(pf.pv_costs[0]))
    ranked = sorted(rows, key=lambda r: (r.get("rank") is None, r.get("rank") or 0, r["code"]))
    bars = {lang: [{"name": r["name"][lang], "value": r["bcr"], "highlight": not r["meets_bar"]}
                   for r in ranked if r["bcr"] is not None] for lang in ("vi", "en")}
    return {"unit": _unit(session, unit_id), "members": [_unit(session, m) for m in members],
            "projects": ranked, "totals": totals, "bar": BAR, "bars": bars,
            "below": [r for r in ranked if "below_bar" in r["flags"]],
            "spending": _spending(session, members, data), "it_bars": list(IT_SHARE_BARS),
            "cyber_bar": CYBER_SHARE_BAR, "simulated": any(r["simulated"] for r in rows)}


def _spending(session: Session, members: tuple[str, ...], data: list[dict[str, Any]]
              ) -> list[dict[str, Any]]:
    """By unit and year: IT share of the budget against 1 % and 2 %, and the cybersecurity share
    of IT spending against 10 %, each with its source. The IT spending is the figure entered
    (a share, or an amount over the budget: `basis` "entered"); where none is entered for a year
    in which the unit's projects have costs, it is derived from the register, the sum of those
    costs (`basis` "register"), over the budget entered for that year, with the budget's
    source. `register_spend` is that sum in every year that has one."""
    by: dict[tuple[str, int], dict[str, Any]] = {}
    for s in store.spending(session, members):
        by.setdefault((s.unit_id, s.year), {})[s.measure] = s
    derived = _register_spending(data)
    for key in derived:
        by.setdefault(key, {})
    out = []
    for (unit_id, year), m in sorted(by.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        def val(key: str, m: dict[str, Any] = m) -> float:
            return float(m[key].value) if key in m else np.nan

        reg = derived.get((unit_id, year))
        entered = "it_share_of_budget" in m or "it_spend_vnd" in m
        share = val("it_share_of_budget")
        spend = val("it_spend_vnd")
        if not entered and reg is not None:
            spend = reg[0]
        if not np.isfinite(share):
            share = it_spending(np.array([spend]), np.array([val("budget_vnd")])).share[0]
        it = it_spending(np.array([share]), np.array([1.0]))
        cyber = cyber_spending(np.array([val("cyber_spend_vnd")]), np.array([val("it_spend_vnd")]))
        budget = m.get("budget_vnd")
        out.append({"unit": _unit(session, unit_id), "year": year, "share": _num(share),
                    "basis": "entered" if entered else "register",
                    "meets": {f"{b:g}": bool(it.meets(b)[0]) for b in IT_SHARE_BARS},
                    "spend": _num(spend),
                    "spend_qualifier": m["it_spend_vnd"].qualifier if "it_spend_vnd" in m else None,
                    "register_spend": reg[0] if reg else None,
                    "register_projects": reg[1] if reg else [],
                    "budget": _num(val("budget_vnd")),
                    "budget_source": None if budget is None else _source_of(budget),
                    "cyber_share": _num(cyber.share[0]),
                    "cyber_meets": bool(cyber.meets(CYBER_SHARE_BAR)[0]),
                    "simulated": any(x.simulated for x in m.values()) or bool(
                        not entered and reg and reg[2]),
                    "quotes": sorted({(x.provenance or {}).get("real", {}).get("quote", "")
                                      for x in m.values()} - {""})})
    return out


def _source_of(row: Any) -> dict[str, Any]:
    """Where a spending figure comes from: its quote and document, or its simulation."""
    prov = row.provenance or {}
    real, sim = prov.get("real") or {}, prov.get("simulated") or {}
    return {"simulated": bool(row.simulated), "quote": real.get("quote"),
            "document": real.get("document"), "derivation": real.get("derivation"),
            "why": sim.get("why")}


def _register_spending(data: list[dict[str, Any]]
                       ) -> dict[tuple[str, int], tuple[float, list[str], bool]]:
    """(unit, calendar year) → the sum of its projects' costs (central), the projects, and
    whether any of those amounts is simulated. A project without a start year has no calendar
    year and is left out."""
    dated = [d for d in data if d.get("start_year")]
    out: dict[tuple[str, int], tuple[float, list[str], bool]] = {}
    for unit_id in sorted({d["unit_id"] for d in dated}):
        costs = [(d["start_year"] + f["year"], f["amount"], d["code"], bool(f.get("simulated")))
                 for d in dated if d["unit_id"] == unit_id for f in d["flows"]
                 if f["kind"] == "cost"]
        if not costs:
            continue
        years, totals = spending_by_year(np.array([c[0] for c in costs]),
                                         np.array([c[1] for c in costs]))
        for y, total in zip(years.tolist(), totals.tolist()):
            mine = [c for c in costs if c[0] == y]
            out[(unit_id, int(y))] = (float(total), sorted({c[2] for c in mine}),
                                      any(c[3] for c in mine))
    return out


def platforms_view(session: Session) -> dict[str, Any]:
    """The catalogue; a reference price is either sourced or labelled simulated
    (`price_simulated`, with why in `price_source`), never shown as official."""
    rows = [{"name": p.name, "category": p.category, "supplier": p.supplier, "owner": p.owner,
             "price_low": p.price_low, "price_high": p.price_high, "price_unit": p.price_unit,
             "price_simulated": bool(p.price_simulated), "price_source": p.price_source,
             "source": p.source} for p in store.platforms(session)]
    priced = [r for r in rows if r["price_high"] is not None]
    return {"platforms": rows, "priced": len(priced),
            "simulated": any(r["price_simulated"] for r in priced)}
