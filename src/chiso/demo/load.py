"""Load the demo into a workspace: real figures first, labelled simulations where none exist."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import chain

from sqlalchemy.orm import Session

from chiso.compute import Method, UncertaintySpec
from chiso.demo import communes
from chiso.demo.projects import load_projects
from chiso.demo.real import dti_published_batches, seed_report_batches
from chiso.demo.simulated import SOURCE, simulate
from chiso.store import db, observations
from chiso.store.models import IndexRun
from chiso.vocab import LAST_DAY_BEFORE_REFORM, PUBLISHED, REFORM_DATE
from chiso.workflow import Principal, Work
from chiso.workflow.imports import record_batch
from chiso.workflow.runs import RunSpec, compute_run, latent_levels, published_run, reexpressed_run
from chiso.workspace import Workspace

OLD_DAY = LAST_DAY_BEFORE_REFORM
NEW_DAY = REFORM_DATE
SIMULATED_YEARS = (2023, 2024, 2025)
COMMUNE_FRAMEWORK, COMMUNE_PROVINCE, COMMUNE_YEAR = "commune-hanoi-2025", "vn34-01", "2025"
DEMO_USER = "chiso-demo"

Step = Callable[[str], None]


@dataclass
class DemoSummary:
    figures_added: int = 0
    figures_simulated: int = 0
    projects: int = 0
    runs: list[IndexRun] = field(default_factory=list)


def load_demo(ws: Workspace, step: Step = lambda _msg: None, *, runs: int = 1000) -> DemoSummary:
    """Set up the workspace and load the demo; safe to run again (nothing is duplicated)."""
    summary = DemoSummary()
    step("Cơ sở dữ liệu, khung chỉ số, đơn vị hành chính / database, frameworks, units")
    ws.init()
    me = Principal.local(DEMO_USER)

    def work(s: Session) -> Work:
        return Work.open(s, me, "cli")

    with db.session_factory(ws.engine)() as s:
        catalog = work(s).catalog
    registry = catalog.units
    old = tuple(u.id for u in registry.units(as_of=OLD_DAY, level="province"))
    new = tuple(u.id for u in registry.units(as_of=NEW_DAY, level="province"))

    step("Số liệu thật: 4 báo cáo và kết quả DTI công bố / real figures: 4 reports, published DTI")
    with db.transaction(ws.engine) as s:
        w = work(s)
        for batch in chain(seed_report_batches(registry), dti_published_batches(registry)):
            # the reports and the ministry's results are public documents: published as they are
            counts = record_batch(w, batch.source, batch.records, status=PUBLISHED)
            summary.figures_added += counts.added

    step("Kết quả DTI công bố theo năm / published DTI runs by year")
    dti22, dti24 = catalog.framework("dti-province-2022"), catalog.framework("dti-province-2024")
    with db.transaction(ws.engine) as s:
        w = work(s)
        pub = {
            "2022": published_run(w, dti22, "2022", old, "DTI 2022 công bố / published"),
            "2023": published_run(w, dti22, "2023", old, "DTI 2023 công bố / published"),
            "2024": published_run(w, dti24, "2024", new,
                                  "DTI 2024 công bố (34 tỉnh) / published (34 provinces)"),
        }
        summary.runs += [r for r in pub.values() if r is not None]
        if pub["2023"] is not None:
            summary.runs.append(reexpressed_run(
                w, dti22, pub["2023"], NEW_DAY,
                "DTI 2023 quy về 34 tỉnh (trung bình các tỉnh cũ) / re-expressed on the 34 "
                "provinces"))
        levels = dict(latent_levels(s, pub["2024"])) if pub["2024"] is not None else {}

    step("Tính lại DTI từ các chỉ số chính, kèm độ bất định / recomputing DTI with its uncertainty")
    with db.transaction(ws.engine) as s:
        w = work(s)
        summary.runs.append(compute_run(w, RunSpec(
            framework=dti22, period="2022", unit_ids=old, method=Method.for_framework(dti22),
            label="DTI 2022 tính lại từ chỉ số chính / recomputed from the main indices")))
        summary.runs.append(compute_run(w, RunSpec(
            framework=dti24, period="2024", unit_ids=new, method=Method.for_framework(dti24),
            uncertainty=UncertaintySpec(n=runs, seed=2024),
            label="DTI 2024 tính lại, trọng số suy ra / recomputed, inferred weights")))

    step("Dữ liệu mô phỏng cho bộ chỉ số chiso-core (có ghi rõ) / labelled simulated "
         "chiso-core data")
    core = catalog.framework("chiso-core")
    with db.transaction(ws.engine) as s:
        real = observations.actual_keys(s, new)
        records = [r for r in simulate(core, new, SIMULATED_YEARS, levels)
                   if (r["unit_id"], r["indicator"], r["period"]) not in real]
        summary.figures_simulated = record_batch(work(s), SOURCE, records,
                                                 status=PUBLISHED).added

    step("Sổ dự án: lợi ích thật của các thí điểm, chi phí mô phỏng (có ghi rõ) / project register:"
         " the pilots' real benefits, labelled simulated costs")
    with db.transaction(ws.engine) as s:
        summary.projects = load_projects(work(s))["projects"]

    step("Tính chỉ số chiso-core trên dữ liệu mô phỏng / computing chiso-core on simulated data")
    for year in SIMULATED_YEARS:
        with db.transaction(ws.engine) as s:
            summary.runs.append(compute_run(work(s), RunSpec(
                framework=core, period=str(year), unit_ids=new, method=Method.for_framework(core),
                include_simulated=True, uncertainty=UncertaintySpec(n=runs, seed=year),
                label=f"chiso-core {year} (mô phỏng / simulated)")))

    step("Tự đánh giá cấp xã mô phỏng của Hà Nội (có ghi rõ) / labelled simulated Hà Nội communes")
    rubric = catalog.framework(COMMUNE_FRAMEWORK)
    hanoi = tuple(u.id for u in registry.units(as_of=NEW_DAY, level="commune",
                                               parent=COMMUNE_PROVINCE))
    with db.transaction(ws.engine) as s:
        records = communes.simulate_communes(rubric, hanoi, COMMUNE_YEAR)
        summary.figures_simulated += record_batch(work(s), communes.SOURCE, records,
                                                  status=PUBLISHED).added
    with db.transaction(ws.engine) as s:
        summary.runs.append(compute_run(work(s), RunSpec(
            framework=rubric, period=COMMUNE_YEAR, unit_ids=hanoi,
            method=Method.for_framework(rubric), include_simulated=True, unit_level="commune",
            uncertainty=UncertaintySpec(n=runs, seed=2025),
            label="Xã, phường Hà Nội 2025 (mô phỏng) / Hà Nội communes 2025 (simulated)")))
    return summary
