"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23 00:46:20.571164
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "frameworks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=80), nullable=False),
        sa.Column("version", sa.String(length=40), nullable=False),
        sa.Column("name_vi", sa.Text(), nullable=False),
        sa.Column("name_en", sa.Text(), nullable=False),
        sa.Column("aggregation", sa.String(length=20), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("yaml_text", sa.Text(), nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_frameworks")),
        sa.UniqueConstraint("code", "version", name=op.f("uq_frameworks_code_version")),
    )
    op.create_table(
        "index_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("framework_code", sa.String(length=80), nullable=False),
        sa.Column("framework_version", sa.String(length=40), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("unit_level", sa.String(length=20), nullable=False),
        sa.Column("method", sa.JSON(), nullable=False),
        sa.Column("snapshot_hash", sa.String(length=64), nullable=False),
        sa.Column("chiso_version", sa.String(length=20), nullable=False),
        sa.Column("simulated", sa.Boolean(), nullable=False),
        sa.Column("label", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_index_runs")),
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("uri", sa.Text(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("simulated", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
    )
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sources_sha256"), ["sha256"], unique=False)

    op.create_table(
        "units",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("full_name", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("parent_id", sa.String(length=40), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["parent_id"], ["units.id"], name=op.f("fk_units_parent_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_units")),
    )
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_units_code"), ["code"], unique=False)
        batch_op.create_index(batch_op.f("ix_units_level"), ["level"], unique=False)

    op.create_table(
        "framework_nodes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("framework_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=80), nullable=False),
        sa.Column("parent_code", sa.String(length=80), nullable=True),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name_vi", sa.Text(), nullable=False),
        sa.Column("name_en", sa.Text(), nullable=False),
        sa.Column("unit", sa.String(length=40), nullable=True),
        sa.Column("direction", sa.String(length=20), nullable=True),
        sa.Column("weight", sa.Float(), nullable=True),
        sa.Column("max_points", sa.Float(), nullable=True),
        sa.Column("scored", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["framework_id"],
            ["frameworks.id"],
            name=op.f("fk_framework_nodes_framework_id_frameworks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_framework_nodes")),
        sa.UniqueConstraint(
            "framework_id", "code", name=op.f("uq_framework_nodes_framework_id_code")
        ),
    )
    op.create_table(
        "import_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("revised", sa.Integer(), nullable=False),
        sa.Column("unchanged", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_import_batches_source_id_sources")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batches")),
    )
    op.create_table(
        "index_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.String(length=40), nullable=False),
        sa.Column("node_code", sa.String(length=80), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("rank_q05", sa.Float(), nullable=True),
        sa.Column("rank_q95", sa.Float(), nullable=True),
        sa.Column("rank_median", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["index_runs.id"],
            name=op.f("fk_index_results_run_id_index_runs"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name=op.f("fk_index_results_unit_id_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_index_results")),
        sa.UniqueConstraint(
            "run_id", "unit_id", "node_code", name=op.f("uq_index_results_run_id_unit_id_node_code")
        ),
    )
    with op.batch_alter_table("index_results", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_index_results_run_id"), ["run_id"], unique=False)

    op.create_table(
        "lineage_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("from_unit_id", sa.String(length=40), nullable=False),
        sa.Column("to_unit_id", sa.String(length=40), nullable=False),
        sa.Column("effective", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["from_unit_id"], ["units.id"], name=op.f("fk_lineage_events_from_unit_id_units")
        ),
        sa.ForeignKeyConstraint(
            ["to_unit_id"], ["units.id"], name=op.f("fk_lineage_events_to_unit_id_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lineage_events")),
        sa.UniqueConstraint(
            "from_unit_id",
            "to_unit_id",
            "effective",
            name=op.f("uq_lineage_events_from_unit_id_to_unit_id_effective"),
        ),
    )
    op.create_table(
        "observations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("series_key", sa.String(length=200), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("is_current", sa.Boolean(), nullable=False),
        sa.Column("unit_id", sa.String(length=40), nullable=False),
        sa.Column("indicator", sa.String(length=80), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("value_high", sa.Float(), nullable=True),
        sa.Column("qualifier", sa.String(length=8), nullable=False),
        sa.Column("target_year", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("provenance", sa.JSON(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=True),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_observations_source_id_sources")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name=op.f("fk_observations_unit_id_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_observations")),
        sa.UniqueConstraint(
            "series_key", "revision", name=op.f("uq_observations_series_key_revision")
        ),
    )
    with op.batch_alter_table("observations", schema=None) as batch_op:
        batch_op.create_index(
            "ix_observations_current", ["is_current", "indicator", "period"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_observations_series_key"), ["series_key"], unique=False
        )
        batch_op.create_index("ix_observations_unit", ["unit_id", "is_current"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("observations", schema=None) as batch_op:
        batch_op.drop_index("ix_observations_unit")
        batch_op.drop_index(batch_op.f("ix_observations_series_key"))
        batch_op.drop_index("ix_observations_current")

    op.drop_table("observations")
    op.drop_table("lineage_events")
    with op.batch_alter_table("index_results", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_index_results_run_id"))

    op.drop_table("index_results")
    op.drop_table("import_batches")
    op.drop_table("framework_nodes")
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_units_level"))
        batch_op.drop_index(batch_op.f("ix_units_code"))

    op.drop_table("units")
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sources_sha256"))

    op.drop_table("sources")
    op.drop_table("index_runs")
    op.drop_table("frameworks")
