"""units.aliases (the catalog is read from the store) and entries keep qualifier and upper bound

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 09:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.add_column(sa.Column("aliases", sa.JSON(), nullable=True))
    with op.batch_alter_table("entries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("value_high", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("qualifier", sa.String(length=8), nullable=False,
                                      server_default="eq"))


def downgrade() -> None:
    with op.batch_alter_table("entries", schema=None) as batch_op:
        batch_op.drop_column("qualifier")
        batch_op.drop_column("value_high")
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.drop_column("aliases")
