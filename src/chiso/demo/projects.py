"""The demo project register (data/projects.yaml) and platform catalogue (data/platforms.yaml):
the seed reports' spending figures and pilot results with their quotes as provenance, and the
simulated values a project needs beyond them, each labelled and checked."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from chiso.compute.value import FlowRow, Flows

DATA = resources.files("chiso.demo") / "data"
VALUES = ("low", "central", "high")


@cache
def _document(name: str) -> str:
    return (DATA / name).read_text("utf-8")


@cache
def register() -> dict[str, Any]:
    """data/projects.yaml as written."""
    data: dict[str, Any] = yaml.safe_load((DATA / "projects.yaml").read_text("utf-8"))
    return data


@cache
def platforms() -> dict[str, Any]:
    """data/platforms.yaml as written."""
    data: dict[str, Any] = yaml.safe_load((DATA / "platforms.yaml").read_text("utf-8"))
    return data


@dataclass(frozen=True)
class DemoLine:
    """One cost or benefit line of a demo project; `provenance` labels each of its values."""

    project: str
    kind: str
    category: str
    item: str
    years: tuple[int, int]
    low: float
    central: float
    high: float
    growth: float
    provenance: dict[str, dict[str, Any]]  # "low" | "central" | "high" → {"real"|"simulated": …}

    @property
    def simulated(self) -> bool:
        return any("simulated" in p for p in self.provenance.values())

    def rows(self) -> list[FlowRow]:
        first, last = self.years
        return [FlowRow(self.project, t, self.kind, self.category, self.central * g, self.low * g,
                        self.high * g, self.item)
                for t in range(first, last + 1) for g in [(1 + self.growth) ** (t - first)]]


def lines() -> list[DemoLine]:
    out = []
    for p in register()["projects"]:
        for ln in p["lines"]:
            if "provenance" in ln:
                prov = dict(ln["provenance"])
            else:
                label = "real" if "real" in ln else "simulated"
                prov = {v: {label: ln[label]} for v in VALUES}
            out.append(DemoLine(p["code"], ln["kind"], ln["category"], ln["item"],
                                (int(ln["years"][0]), int(ln["years"][1])), float(ln["low"]),
                                float(ln["central"]), float(ln["high"]),
                                float(ln.get("growth", 0.0)), prov))
    return out


def demo_flows() -> Flows:
    """The demo projects' cash flows, projects in file order."""
    return Flows.from_rows((r for ln in lines() for r in ln.rows()),
                           [p["code"] for p in register()["projects"]])


def _quote_problem(ref: dict[str, Any], where: str) -> str | None:
    """Why a real reference does not hold (None if its span holds its quote)."""
    try:
        start, end = ref["span"]
        text = _document(ref["document"])[start:end]
    except (KeyError, TypeError, ValueError, FileNotFoundError) as exc:
        return f"{where}: no document and span ({exc!r})"
    if not text:
        return f"{where}: the span is outside {ref['document']}"
    if "quote" in ref and ref["quote"] != text:
        return f"{where}: the quote is not the text at {ref['document']} {start}:{end}"
    return None


def provenance_problems() -> list[str]:
    """Every value is labelled real or simulated (not both), and every real value's quote is
    the text of its document at its span; [] when the data files keep that."""
    reg, problems = register(), []
    refs: list[tuple[dict[str, Any], str]] = []
    for i, bar in enumerate(reg["bars"]):
        refs.append((bar["real"], f"bars[{i}]"))
    for i, s in enumerate(reg["spending"]):
        if ("real" in s) == ("simulated" in s):
            problems.append(f"spending[{i}]: label it real or simulated")
        elif "real" in s:
            refs.append((s["real"], f"spending[{i}]"))
        else:
            if not s["simulated"].get("why"):
                problems.append(f"spending[{i}]: a simulated value says why")
            refs += [(b, f"spending[{i}] basis") for b in s["simulated"].get("basis", [])]
    for p in reg["projects"]:
        refs += [(f["real"], f"{p['code']} fact") for f in p.get("facts", [])]
        if ("real" in p["start_year"]) == ("simulated" in p["start_year"]):
            problems.append(f"{p['code']} start_year: label it real or simulated")
        elif "real" in p["start_year"]:
            refs.append((p["start_year"]["real"], f"{p['code']} start_year"))
        for u in p.get("unit_costs", []):
            where = f"{p['code']} unit cost {u['platform']}"
            if u["platform"] not in p.get("platforms", []):
                problems.append(f"{where}: the project does not list this platform")
            if "real" not in u and not (u.get("simulated") or {}).get("why"):
                problems.append(f"{where}: label it real or simulated (with why)")
    for ln in lines():
        for v in VALUES:
            label = ln.provenance.get(v, {})
            where = f"{ln.project} {ln.kind}/{ln.category} {v}"
            if ("real" in label) == ("simulated" in label):
                problems.append(f"{where}: label it real or simulated")
            elif "real" in label:
                refs.append((label["real"], where))
            else:
                sim = label["simulated"]
                if not sim.get("why") or not sim.get("distribution"):
                    problems.append(f"{where}: a simulated value says why and from what"
                                    " distribution")
                refs += [(b, f"{where} basis") for b in sim.get("basis", [])]
    cat = platforms()
    refs.append((cat["price_statement"], "platforms price statement"))
    for pl in cat["platforms"]:
        refs.append((pl["source"], f"platform {pl['name']}"))
        price = pl.get("reference_price")
        if price is not None and ("source" in price) == ("simulated" in price):
            problems.append(f"platform {pl['name']}: a reference price has its own source or is"
                            " labelled simulated (not both)")
        elif price is not None and "simulated" in price and not price["simulated"].get("why"):
            problems.append(f"platform {pl['name']}: a simulated price says why")
    problems += [m for ref, where in refs if (m := _quote_problem(ref, where))]
    return problems


def load_projects(w: Any) -> dict[str, int]:
    """Load the demo register through chiso.workflow (a `Work` of the ministry): the projects,
    published with their simulated lines labelled, the reported IT spending and the platform
    catalogue. Safe to run again: the same data changes nothing."""
    from datetime import date

    from chiso.ingest.load import registry_resolver
    from chiso.ingest.projects import CashFlow, Project, ProjectBook, UnitCost
    from chiso.vocab import COUNTRY_ID
    from chiso.workflow import projects as flow

    def plain(v: Any) -> Any:  # YAML dates as the ISO text JSON columns keep
        return json.loads(json.dumps(v, default=str))

    reg = register()
    resolve = registry_resolver(w.catalog.units)
    projects, names_en, provenance = [], {}, {}
    for p in reg["projects"]:
        start = int(p["start_year"]["value"])
        projects.append(Project(p["code"], p["name"]["vi"], resolve(p["unit"], date(start, 12, 31)),
                                p["unit"], p["status"], f"projects.yaml {p['code']}",
                                sector=p.get("sector"), start_year=start,
                                platforms=tuple(p.get("platforms", ()))))
        names_en[p["code"]] = p["name"]["en"]
        provenance[p["code"]] = plain({"start_year": p["start_year"], "facts": p.get("facts", []),
                                       "file": "demo/data/projects.yaml"})
    flows = [CashFlow(r, f"projects.yaml {ln.project}") for ln in lines() for r in ln.rows()]
    simulated = {(ln.project, ln.kind, ln.category, ln.item) for ln in lines() if ln.simulated}
    costs = [UnitCost(p["code"], u["platform"], u["unit"], float(u["quantity"]),
                      float(u["unit_price"]), f"projects.yaml {p['code']}", u.get("item", ""),
                      note=(u.get("simulated") or {}).get("why"))
             for p in reg["projects"] for u in p.get("unit_costs", [])]
    simulated |= {(c.project, "unit_cost", c.platform, c.unit) for c, u in zip(
        costs, [u for p in reg["projects"] for u in p.get("unit_costs", [])]) if "real" not in u}
    book = ProjectBook("projects.yaml", projects, flows, unit_costs=costs)
    report = flow.save_book(w, book, publish=True,
                            simulated=simulated, names_en=names_en, provenance=provenance)
    spent = 0
    for row in reg["spending"]:
        year = int(row["year"])
        unit = COUNTRY_ID if row["unit"] == "Việt Nam" else resolve(row["unit"], date(year, 12, 31))
        label = "real" if "real" in row else "simulated"
        spent += flow.put_spending(w, unit_id=unit, year=year, measure=row["measure"],
                                   value=float(row["value"]), value_high=row.get("value_high"),
                                   qualifier=row.get("qualifier", "eq"),
                                   simulated=label == "simulated",
                                   provenance=plain({label: row[label], "kind": row.get("kind")}))
    cat = platforms()
    listed = 0
    for pl in cat["platforms"]:
        price = pl.get("reference_price") or {}
        listed += flow.put_platform(w, name=pl["name"], category=pl.get("category"),
                                    supplier=pl.get("supplier"), owner=None,
                                    price_low=price.get("low"), price_high=price.get("high"),
                                    price_unit=price.get("unit"), source=plain(pl["source"]),
                                    price_simulated="simulated" in price,
                                    price_source=plain({k: price[k] for k in ("source", "simulated")
                                                        if k in price}) or None)
    shared = cat.get("shared_platforms") or {}
    for name in shared.get("names", []):
        listed += flow.put_platform(w, name=name, category="nền tảng số dùng chung / shared",
                                    supplier=None, owner=shared.get("owner"), price_low=None,
                                    price_high=None, price_unit=None,
                                    source=plain(shared["source"]), price_simulated=False,
                                    price_source=None)
    return {"projects": len(report.added) + len(report.revised), "spending": spent,
            "platforms": listed}
