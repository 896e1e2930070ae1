"""The tables of the project value register: projects, their cash flows (low/central/high), the
benefits they describe and realise, their unit costs on the platforms they use, IT spending
against the budget, and the platform catalogue."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from chiso.store.models import Base, utcnow


class Project(Base):
    """One IT or digital-transformation spend treated as a project. `review_status` moves as a
    data-entry form does (draft → submitted → accepted or rejected) and then to published;
    `public` holds the project as last published (what the public sees, cash flows included)."""

    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(Text)
    name_en: Mapped[str | None] = mapped_column(Text)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    agency: Mapped[str | None] = mapped_column(Text)
    sector: Mapped[str | None] = mapped_column(String(120))
    project_group: Mapped[str | None] = mapped_column(String(20))
    funding: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(12), default="proposed")
    approval: Mapped[str | None] = mapped_column(Text)
    platforms: Mapped[list[str]] = mapped_column(JSON, default=list)
    indicators: Mapped[list[str]] = mapped_column(JSON, default=list)
    rate: Mapped[float | None] = mapped_column(Float)
    start_year: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    simulated: Mapped[bool] = mapped_column(Boolean, default=False)
    provenance: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    review_status: Mapped[str] = mapped_column(String(12), default="draft")
    review_comment: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))
    created_by: Mapped[str | None] = mapped_column(String(80))
    updated_by: Mapped[str | None] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    published_by: Mapped[str | None] = mapped_column(String(80))
    public: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # the appraisal of `public`: {"fingerprint": of its inputs, "result": …}, made at publication
    public_appraisal: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    flows: Mapped[list[ProjectFlow]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="ProjectFlow.id")
    benefits: Mapped[list[ProjectBenefit]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="ProjectBenefit.id")
    realised: Mapped[list[BenefitRealised]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="BenefitRealised.year")
    unit_costs: Mapped[list[ProjectUnitCost]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="ProjectUnitCost.id")


class ProjectFlow(Base):
    """One amount of one cost or benefit line in one year (0 = the first year), in đồng, with
    its low and high estimates (None = certain)."""

    __tablename__ = "project_flows"
    __table_args__ = (UniqueConstraint("project_id", "kind", "category", "item", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"),
                                            index=True)
    year: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))
    category: Mapped[str] = mapped_column(String(20))
    item: Mapped[str] = mapped_column(String(300), default="")
    amount: Mapped[float] = mapped_column(Float)
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    simulated: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)

    project: Mapped[Project] = relationship(back_populates="flows")


class ProjectBenefit(Base):
    """What a benefit line is: who answers for it, its baseline and target, how it is measured."""

    __tablename__ = "project_benefits"
    __table_args__ = (UniqueConstraint("project_id", "item"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"),
                                            index=True)
    item: Mapped[str] = mapped_column(String(300), default="")
    owner: Mapped[str | None] = mapped_column(Text)
    baseline: Mapped[str | None] = mapped_column(Text)
    target: Mapped[str | None] = mapped_column(Text)
    measure: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)

    project: Mapped[Project] = relationship(back_populates="benefits")


class ProjectUnitCost(Base):
    """What a project pays for its use of a platform: how many units (licences, users, stations,
    …) of what unit of measure, at what price per unit (đồng), compared with the catalogue's
    reference price for the same unit of measure."""

    __tablename__ = "project_unit_costs"
    __table_args__ = (UniqueConstraint("project_id", "platform", "unit"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"),
                                            index=True)
    platform: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(120))
    quantity: Mapped[float] = mapped_column(Float)
    unit_price: Mapped[float] = mapped_column(Float)
    item: Mapped[str] = mapped_column(String(300), default="")
    simulated: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)

    project: Mapped[Project] = relationship(back_populates="unit_costs")


class BenefitRealised(Base):
    """The benefit actually obtained in one year of a project (after the fact), in đồng."""

    __tablename__ = "benefits_realised"
    __table_args__ = (UniqueConstraint("project_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"),
                                            index=True)
    year: Mapped[int] = mapped_column(Integer)
    amount: Mapped[float] = mapped_column(Float)
    note: Mapped[str | None] = mapped_column(Text)
    entered_by: Mapped[str | None] = mapped_column(String(80))
    entered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    project: Mapped[Project] = relationship(back_populates="realised")


class ItSpending(Base):
    """A unit's IT spending against its budget in a year, as a source states it: a share of the
    budget, an amount spent, the budget, or the cybersecurity spend (`measure`)."""

    __tablename__ = "it_spending"
    __table_args__ = (UniqueConstraint("unit_id", "year", "measure"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    measure: Mapped[str] = mapped_column(String(40))
    value: Mapped[float] = mapped_column(Float)
    value_high: Mapped[float | None] = mapped_column(Float)
    qualifier: Mapped[str] = mapped_column(String(8), default="eq")
    simulated: Mapped[bool] = mapped_column(Boolean, default=False)
    provenance: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class Platform(Base):
    """A certified digital platform: supplier, category, reference price range per unit of
    measure (None when no price is known), where it is listed (`source`) and where its price
    comes from (`price_source`); a simulated price (`price_simulated`) is never shown as
    official."""

    __tablename__ = "platforms"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    category: Mapped[str | None] = mapped_column(Text)
    supplier: Mapped[str | None] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(Text)
    price_low: Mapped[float | None] = mapped_column(Float)
    price_high: Mapped[float | None] = mapped_column(Float)
    price_unit: Mapped[str | None] = mapped_column(Text)
    source: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    price_simulated: Mapped[bool] = mapped_column(Boolean, default=False)
    price_source: Mapped[dict[str, Any] | None] = mapped_column(JSON)
