"""project unit costs on the platforms they use, the platform's price source (real or
simulated), and the stored appraisal of a project's published copy

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 20:05:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "project_unit_costs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=200), nullable=False),
        sa.Column("unit", sa.String(length=120), nullable=False),
        sa.Column("quantity", sa.Float(), nullable=False),
        sa.Column("unit_price", sa.Float(), nullable=False),
        sa.Column("item", sa.String(length=300), nullable=False),
        sa.Column("simulated", sa.Boolean(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"],
                                name=op.f("fk_project_unit_costs_project_id_projects"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_unit_costs")),
        sa.UniqueConstraint("project_id", "platform", "unit",
                            name=op.f("uq_project_unit_costs_project_id_platform_unit")),
    )
    with op.batch_alter_table("project_unit_costs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_project_unit_costs_project_id"), ["project_id"],
                              unique=False)
    with op.batch_alter_table("platforms", schema=None) as batch_op:
        batch_op.add_column(sa.Column("price_simulated", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column("price_source", sa.JSON(), nullable=True))
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.add_column(sa.Column("public_appraisal", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.drop_column("public_appraisal")
    with op.batch_alter_table("platforms", schema=None) as batch_op:
        batch_op.drop_column("price_source")
        batch_op.drop_column("price_simulated")
    with op.batch_alter_table("project_unit_costs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_project_unit_costs_project_id"))
    op.drop_table("project_unit_costs")
