"""observations.is_public: the revision the public sees (the latest published one)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 05:10:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("observations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("is_public", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.create_index("ix_observations_public", ["is_public", "indicator", "period"],
                              unique=False)
    # Until now the public saw every current approved or published figure. Keep what was public
    # public: the latest revision with status "published" of each series, and the current
    # revision of a series that has never been published and is approved (it was on the pages).
    op.execute("""
        UPDATE observations SET is_public = TRUE
        WHERE id IN (
            SELECT MAX(id) FROM observations WHERE status = 'published' GROUP BY series_key)
    """)
    op.execute("""
        UPDATE observations SET is_public = TRUE
        WHERE is_current = TRUE AND status = 'approved'
          AND series_key NOT IN (
            SELECT series_key FROM observations WHERE status = 'published')
    """)


def downgrade() -> None:
    with op.batch_alter_table("observations", schema=None) as batch_op:
        batch_op.drop_index("ix_observations_public")
        batch_op.drop_column("is_public")
