"""changelog.kind: publications carry targets, national averages and benchmarks too

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 08:50:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("changelog", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kind", sa.String(length=20), nullable=False,
                                      server_default="actual"))


def downgrade() -> None:
    with op.batch_alter_table("changelog", schema=None) as batch_op:
        batch_op.drop_column("kind")
