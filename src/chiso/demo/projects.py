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
        refs.append((s["real"], f"spending[{i}]"))
    for p in reg["projects"]:
        refs += [(f["real"], f"{p['code']} fact") for f in p.get("facts", [])]
        if ("real" in p["start_year"]) == ("simulated" in p["start_year"]):
            problems.append(f"{p['code']} start_year: label it real or simulated")
        elif "real" in p["start_year"]:
            refs.append((p["start_year"]["real"], f"{p['code']} start_year"))
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
        if pl.get("reference_price") is not None and "source" not in pl["reference_price"]:
            problems.append(f"platform {pl['name']}: a reference price needs its own source")
    problems += [m for ref, where in refs if (m := _quote_problem(ref, where))]
    return problems


def load_projects(w: Any) -> dict[str, int]:
    """Load the demo register through chiso.workflow (a `Work` of the ministry): the projects,
    published with their simulated lines labelled, the reported IT spending and the platform
    catalogue. Safe to run again: the same data changes nothing."""
    from datetime import date

    from chiso.ingest.load import registry_resolver
    from chiso.ingest.projects import CashFlow, Project, ProjectBook
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
                                sector=p.get("sector"), start_year=start))
        names_en[p["code"]] = p["name"]["en"]
        provenance[p["code"]] = plain({"start_year": p["start_year"], "facts": p.get("facts", []),
                                       "file": "demo/data/projects.yaml"})
    flows = [CashFlow(r, f"projects.yaml {ln.project}") for ln in lines() for r in ln.rows()]
    simulated = {(ln.project, ln.kind, ln.category, ln.item) for ln in lines() if ln.simulated}
    report = flow.save_book(w, ProjectBook("projects.yaml", projects, flows), publish=True,
                            simulated=simulated, names_en=names_en, provenance=provenance)
    spent = 0
    for row in reg["spending"]:
        year = int(row["year"])
        unit = COUNTRY_ID if row["unit"] == "Việt Nam" else resolve(row["unit"], date(year, 12, 31))
        spent += flow.put_spending(w, unit_id=unit, year=year, measure=row["measure"],
                                   value=float(row["value"]), value_high=row.get("value_high"),
                                   qualifier=row.get("qualifier", "eq"),
                                   provenance=plain({"real": row["real"], "kind": row.get("kind")}))
    cat = platforms()
    listed = 0
    for pl in cat["platforms"]:
        price = pl.get("reference_price") or {}
        listed += flow.put_platform(w, name=pl["name"], category=pl.get("category"),
                                    supplier=pl.get("supplier"), owner=None,
                                    price_low=price.get("low"), price_high=price.get("high"),
                                    price_unit=price.get("unit"), source=plain(pl["source"]))
    shared = cat.get("shared_platforms") or {}
    for name in shared.get("names", []):
        listed += flow.put_platform(w, name=name, category="nền tảng số dùng chung / shared",
                                    supplier=None, owner=shared.get("owner"), price_low=None,
                                    price_high=None, price_unit=None,
                                    source=plain(shared["source"]))
    return {"projects": len(report.added) + len(report.revised), "spending": spent,
            "platforms": listed}
