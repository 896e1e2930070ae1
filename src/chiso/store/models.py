"""The database tables of figures: sources, frameworks, units, lineage, observations, index runs.

The tables of the workflow (accounts, submissions, publications, audit) are in models_workflow."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON}


class Source(Base):
    """Where figures come from: an imported file, a report, a published table, a simulation."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    uri: Mapped[str | None] = mapped_column(Text)  # its address (a web page, a file)
    publisher: Mapped[str | None] = mapped_column(Text)  # who published it
    published_on: Mapped[date | None] = mapped_column(Date)  # when
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    simulated: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class FrameworkRecord(Base):
    """A framework version as loaded, with the YAML it came from."""

    __tablename__ = "frameworks"
    __table_args__ = (UniqueConstraint("code", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(80))
    version: Mapped[str] = mapped_column(String(40))
    name_vi: Mapped[str] = mapped_column(Text)
    name_en: Mapped[str] = mapped_column(Text)
    aggregation: Mapped[str] = mapped_column(String(20))
    sha256: Mapped[str] = mapped_column(String(64))
    yaml_text: Mapped[str] = mapped_column(Text)
    loaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    nodes: Mapped[list[FrameworkNode]] = relationship(
        back_populates="framework", cascade="all, delete-orphan", order_by="FrameworkNode.position"
    )


class FrameworkNode(Base):
    """One node of a framework tree (index, pillar, group or indicator)."""

    __tablename__ = "framework_nodes"
    __table_args__ = (UniqueConstraint("framework_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    framework_id: Mapped[int] = mapped_column(ForeignKey("frameworks.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(80))
    parent_code: Mapped[str | None] = mapped_column(String(80))
    level: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer)
    name_vi: Mapped[str] = mapped_column(Text)
    name_en: Mapped[str] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(String(40))
    direction: Mapped[str | None] = mapped_column(String(20))
    weight: Mapped[float | None] = mapped_column(Float)
    max_points: Mapped[float | None] = mapped_column(Float)
    scored: Mapped[bool] = mapped_column(Boolean, default=True)

    framework: Mapped[FrameworkRecord] = relationship(back_populates="nodes")


class Unit(Base):
    """An administrative unit (country, province or commune) with its validity."""

    __tablename__ = "units"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    code: Mapped[str] = mapped_column(String(20), index=True)
    name: Mapped[str] = mapped_column(Text)
    full_name: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(40))
    level: Mapped[str] = mapped_column(String(20), index=True)
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"))
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    aliases: Mapped[list[str] | None] = mapped_column(JSON)  # other ways of writing its name


class LineageEvent(Base):
    """An old unit becomes (part of) a new one on a date."""

    __tablename__ = "lineage_events"
    __table_args__ = (UniqueConstraint("from_unit_id", "to_unit_id", "effective"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    from_unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"))
    to_unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"))
    effective: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))


class Observation(Base):
    """One revision of one figure. Revisions are appended; only two flags ever flip:
    `is_current` (the latest revision of its series) and `is_public` (the revision the public
    sees: the latest one with status "published"; a later correction stays unseen until it is
    published in turn)."""

    __tablename__ = "observations"
    __table_args__ = (
        UniqueConstraint("series_key", "revision"),
        Index("ix_observations_current", "is_current", "indicator", "period"),
        Index("ix_observations_public", "is_public", "indicator", "period"),
        Index("ix_observations_unit_public", "unit_id", "is_public", "indicator", "period"),
        Index("ix_observations_unit", "unit_id", "is_current"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    series_key: Mapped[str] = mapped_column(String(200), index=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    is_public: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"))
    indicator: Mapped[str] = mapped_column(String(80))
    period: Mapped[str] = mapped_column(String(10))
    kind: Mapped[str] = mapped_column(String(20))
    value: Mapped[float | None] = mapped_column(Float)
    value_high: Mapped[float | None] = mapped_column(Float)
    qualifier: Mapped[str] = mapped_column(String(8), default="eq")
    target_year: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(12), default="approved")
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))
    provenance: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(80))

    source: Mapped[Source | None] = relationship()


class IndexRun(Base):
    """A computed index: framework version, method, input snapshot hash, and chiso version."""

    __tablename__ = "index_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    framework_code: Mapped[str] = mapped_column(String(80))
    framework_version: Mapped[str] = mapped_column(String(40))
    period: Mapped[str] = mapped_column(String(10))
    unit_level: Mapped[str] = mapped_column(String(20), default="province")
    method: Mapped[dict[str, Any]] = mapped_column(JSON)
    snapshot_hash: Mapped[str] = mapped_column(String(64))
    chiso_version: Mapped[str] = mapped_column(String(20))
    simulated: Mapped[bool] = mapped_column(Boolean, default=False)
    label: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # draft | official | superseded | preview (built with unpublished figures: never public)
    status: Mapped[str] = mapped_column(String(12), default="draft", server_default="draft")
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    published_by: Mapped[str | None] = mapped_column(String(80))
    publish_note: Mapped[str | None] = mapped_column(Text)

    results: Mapped[list[IndexResult]] = relationship(
        back_populates="run", cascade="all, delete-orphan"
    )


class IndexResult(Base):
    """The score and rank of one unit on one node of a run, with its rank interval."""

    __tablename__ = "index_results"
    __table_args__ = (UniqueConstraint("run_id", "unit_id", "node_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("index_runs.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"))
    node_code: Mapped[str] = mapped_column(String(80))
    score: Mapped[float | None] = mapped_column(Float)
    rank: Mapped[int | None] = mapped_column(Integer)
    rank_q05: Mapped[float | None] = mapped_column(Float)
    rank_q95: Mapped[float | None] = mapped_column(Float)
    rank_median: Mapped[float | None] = mapped_column(Float)

    run: Mapped[IndexRun] = relationship(back_populates="results")


class ImportBatch(Base):
    """One imported file: what it was and what it changed."""

    __tablename__ = "import_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    file_name: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    rows: Mapped[int] = mapped_column(Integer)
    added: Mapped[int] = mapped_column(Integer)
    revised: Mapped[int] = mapped_column(Integer)
    unchanged: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
from chiso.store import models_workflow  # noqa: F401
