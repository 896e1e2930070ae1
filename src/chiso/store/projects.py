"""The project value register in the store: projects and their cash flows, benefits described
and realised, IT spending against the budget, the platform catalogue. Filters are bound
parameters; what the public sees is each project's `public` snapshot (as last published)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, selectinload

from chiso.store.models import utcnow
from chiso.store.models_projects import (
    BenefitRealised,
    ItSpending,
    Platform,
    Project,
    ProjectBenefit,
    ProjectFlow,
    ProjectUnitCost,
)

__all__ = ["BenefitRealised", "ItSpending", "Platform", "Project", "ProjectBenefit",
           "ProjectFlow", "ProjectUnitCost", "RegisterFilter"]


@dataclass(frozen=True)
class RegisterFilter:
    """Which projects a list shows: "public" (as published) or "current" (as entered), and
    optionally only some units, statuses, sectors or review statuses."""

    view: str = "public"
    units: tuple[str, ...] = ()
    status: str | None = None
    sector: str | None = None
    review_status: str | None = None
    limit: int = 100_000


def find(session: Session, code: str) -> Project | None:
    return session.scalar(select(Project).where(Project.code == code))


def get(session: Session, project_id: int) -> Project | None:
    return session.get(Project, project_id)


def by_codes(session: Session, codes: Iterable[str]) -> dict[str, Project]:
    wanted = list(dict.fromkeys(codes))
    out: dict[str, Project] = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i:i + 500]
        out.update({p.code: p for p in session.scalars(
            select(Project).where(Project.code.in_(chunk)))})
    return out


def register(session: Session, f: RegisterFilter = RegisterFilter()) -> list[Project]:
    """Projects with their cash flows, benefits and realised benefits loaded, by code."""
    q = select(Project).options(selectinload(Project.flows), selectinload(Project.benefits),
                                selectinload(Project.realised), selectinload(Project.unit_costs))
    if f.view == "public":
        q = q.where(Project.public.is_not(None))
    else:
        if f.status:
            q = q.where(Project.status == f.status)
        if f.sector:
            q = q.where(Project.sector == f.sector)
    if f.units:
        q = q.where(Project.unit_id.in_(f.units))
    if f.review_status:
        q = q.where(Project.review_status == f.review_status)
    return list(session.scalars(q.order_by(Project.code).limit(f.limit)))


def add(session: Session, project: Project) -> Project:
    session.add(project)
    session.flush()
    return project


def bump(session: Session, project: Project, expected_version: int, by: str | None) -> bool:
    """Move a project to its next version if it is still at `expected_version` (optimistic
    lock, as data-entry forms have)."""
    done = session.execute(
        update(Project)
        .where(Project.id == project.id, Project.version == expected_version)
        .values(version=Project.version + 1, updated_by=by, updated_at=utcnow())
        .execution_options(synchronize_session=False))
    if done.rowcount != 1:  # type: ignore[attr-defined]
        return False
    session.refresh(project)
    return True


def touch(project: Project, by: str | None) -> None:
    project.updated_by = by
    project.updated_at = utcnow()


def replace_lines(session: Session, project: Project, flows: Sequence[dict[str, Any]],
                  benefits: Sequence[dict[str, Any]],
                  unit_costs: Sequence[dict[str, Any]] = ()) -> None:
    """The project's cash flows, benefit descriptions and unit costs become these."""
    for table in (ProjectFlow, ProjectBenefit, ProjectUnitCost):
        # "fetch": the session forgets the rows deleted, at a cost in those rows ("evaluate",
        # the default, tests every object of the session: quadratic over a large import)
        session.execute(delete(table).where(table.project_id == project.id)
                        .execution_options(synchronize_session="fetch"))
    session.add_all([ProjectFlow(project_id=project.id, **f) for f in flows])
    session.add_all([ProjectBenefit(project_id=project.id, **b) for b in benefits])
    session.add_all([ProjectUnitCost(project_id=project.id, **u) for u in unit_costs])
    session.flush()
    session.refresh(project)


def set_realised(session: Session, project: Project, year: int, amount: float | None,
                 note: str | None, by: str | None) -> BenefitRealised | None:
    """The benefit realised in a year (None removes it)."""
    row = session.scalar(select(BenefitRealised).where(
        BenefitRealised.project_id == project.id, BenefitRealised.year == year))
    if amount is None:
        if row is not None:
            session.delete(row)
            session.flush()
        return None
    if row is None:
        row = BenefitRealised(project_id=project.id, year=year)
        session.add(row)
    row.amount, row.note, row.entered_by, row.entered_at = amount, note, by, utcnow()
    session.flush()
    return row


def queue(session: Session, review_status: str) -> list[Project]:
    return list(session.scalars(select(Project).where(Project.review_status == review_status)
                                .order_by(Project.updated_at, Project.id)))


def sectors(session: Session) -> list[str]:
    return sorted(s for s in session.scalars(select(Project.sector).distinct()) if s)


# ── IT spending and the platform catalogue ─────────────────────────────────────────────────


def spending(session: Session, unit_ids: Sequence[str] = ()) -> list[ItSpending]:
    q = select(ItSpending)
    if unit_ids:
        q = q.where(ItSpending.unit_id.in_(unit_ids))
    return list(session.scalars(q.order_by(ItSpending.unit_id, ItSpending.year,
                                           ItSpending.measure)))


def _upsert(session: Session, row: Any, new: Any, fields: dict[str, Any]) -> tuple[Any, bool]:
    """`row` updated with `fields`, or `new` (built from them) added when there is none; True if
    anything changed."""
    if row is None:
        session.add(new)
        session.flush()
        return new, True
    changed = any(getattr(row, k) != v for k, v in fields.items())
    for k, v in fields.items():
        setattr(row, k, v)
    session.flush()
    return row, changed


def put_spending(session: Session, **fields: Any) -> tuple[ItSpending, bool]:
    """A spending figure (unit, year, measure), replaced if one exists; True if it changed."""
    row = session.scalar(select(ItSpending).where(
        ItSpending.unit_id == fields["unit_id"], ItSpending.year == fields["year"],
        ItSpending.measure == fields["measure"]))
    return _upsert(session, row, ItSpending(**fields) if row is None else None, fields)


def platforms(session: Session) -> list[Platform]:
    return list(session.scalars(select(Platform).order_by(Platform.name)))


def put_platform(session: Session, **fields: Any) -> tuple[Platform, bool]:
    """A catalogue entry by name, replaced if it exists; True if it changed."""
    row = session.scalar(select(Platform).where(Platform.name == fields["name"]))
    return _upsert(session, row, Platform(**fields) if row is None else None, fields)


FIELDS = ("code", "name", "name_en", "unit_id", "agency", "sector", "project_group", "funding",
          "status", "approval", "platforms", "indicators", "rate", "start_year", "note",
          "simulated", "provenance")
FLOW_FIELDS = ("year", "kind", "category", "item", "amount", "low", "high", "simulated", "source",
               "note")
BENEFIT_FIELDS = ("item", "owner", "baseline", "target", "measure", "source")
UNIT_COST_FIELDS = ("platform", "unit", "quantity", "unit_price", "item", "simulated", "source",
                    "note")


def as_data(project: Project) -> dict[str, Any]:
    """A project as plain data, cash flows, benefits and realised benefits included: what a
    publication keeps as the public's copy, and what pages show of a project as entered."""
    return {
        **{k: getattr(project, k) for k in FIELDS},
        "platforms": list(project.platforms or []), "indicators": list(project.indicators or []),
        "flows": [{k: getattr(f, k) for k in FLOW_FIELDS} for f in project.flows],
        "benefits": [{k: getattr(b, k) for k in BENEFIT_FIELDS} for b in project.benefits],
        "unit_costs": [{k: getattr(u, k) for k in UNIT_COST_FIELDS} for u in project.unit_costs],
        "realised": [{"year": r.year, "amount": r.amount, "note": r.note}
                     for r in project.realised],
    }


def view_of(project: Project, view: str) -> dict[str, Any] | None:
    """The project as the public sees it ("public": as last published, None if never, with the
    appraisal stored with it) or as entered ("current"), with its review state."""
    data = project.public if view == "public" else as_data(project)
    if data is None:
        return None
    return {"unit_costs": [], **data, "id": project.id, "review_status": project.review_status,
            "version": project.version, "published_at": project.published_at,
            "review_comment": project.review_comment,
            "stored_appraisal": project.public_appraisal if view == "public" else None}
