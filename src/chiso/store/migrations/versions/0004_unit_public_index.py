"""observations: an index for one unit's public figures (scorecards, the unit's API)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 07:40:00
"""
from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_observations_unit_public", "observations",
                    ["unit_id", "is_public", "indicator", "period"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_observations_unit_public", table_name="observations")
