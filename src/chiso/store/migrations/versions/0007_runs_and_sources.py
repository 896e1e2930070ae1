"""index_runs.status and publication, sources.publisher and published_on

Runs become published objects: a status (draft, official, superseded, preview) and who made
one official, when, with what note. The runs of figures the ministry published are official.
Sources say who published them and when.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 12:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("index_runs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("status", sa.String(length=12), nullable=False,
                                      server_default="draft"))
        batch_op.add_column(sa.Column("published_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("published_by", sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column("publish_note", sa.Text(), nullable=True))
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.add_column(sa.Column("publisher", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("published_on", sa.Date(), nullable=True))
    runs = sa.table("index_runs", sa.column("id", sa.Integer), sa.column("method", sa.JSON),
                    sa.column("status", sa.String))
    conn = op.get_bind()
    official = [rid for rid, method in conn.execute(sa.select(runs.c.id, runs.c.method))
                if (method or {}).get("kind") == "published"]
    if official:
        conn.execute(runs.update().where(runs.c.id.in_(official)).values(status="official"))


def downgrade() -> None:
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.drop_column("published_on")
        batch_op.drop_column("publisher")
    with op.batch_alter_table("index_runs", schema=None) as batch_op:
        batch_op.drop_column("publish_note")
        batch_op.drop_column("published_by")
        batch_op.drop_column("published_at")
        batch_op.drop_column("status")
