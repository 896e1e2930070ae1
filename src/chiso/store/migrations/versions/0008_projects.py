"""the project value register: projects, cash flows, benefits, realised benefits, IT spending,
platform catalogue

Every IT spend as a project whose value must exceed its cost (issue 16). The merger re-chains
this revision after the others of its day.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 14:08:33
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('platforms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('category', sa.Text(), nullable=True),
    sa.Column('supplier', sa.Text(), nullable=True),
    sa.Column('owner', sa.Text(), nullable=True),
    sa.Column('price_low', sa.Float(), nullable=True),
    sa.Column('price_high', sa.Float(), nullable=True),
    sa.Column('price_unit', sa.Text(), nullable=True),
    sa.Column('source', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_platforms')),
    sa.UniqueConstraint('name', name=op.f('uq_platforms_name'))
    )
    op.create_table('it_spending',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.String(length=40), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('measure', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('value_high', sa.Float(), nullable=True),
    sa.Column('qualifier', sa.String(length=8), nullable=False),
    sa.Column('simulated', sa.Boolean(), nullable=False),
    sa.Column('provenance', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_it_spending_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_it_spending')),
    sa.UniqueConstraint('unit_id', 'year', 'measure',
                        name=op.f('uq_it_spending_unit_id_year_measure'))
    )
    with op.batch_alter_table('it_spending', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_it_spending_unit_id'), ['unit_id'], unique=False)

    op.create_table('projects',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=80), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('name_en', sa.Text(), nullable=True),
    sa.Column('unit_id', sa.String(length=40), nullable=False),
    sa.Column('agency', sa.Text(), nullable=True),
    sa.Column('sector', sa.String(length=120), nullable=True),
    sa.Column('project_group', sa.String(length=20), nullable=True),
    sa.Column('funding', sa.String(length=20), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('approval', sa.Text(), nullable=True),
    sa.Column('platforms', sa.JSON(), nullable=False),
    sa.Column('indicators', sa.JSON(), nullable=False),
    sa.Column('rate', sa.Float(), nullable=True),
    sa.Column('start_year', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('simulated', sa.Boolean(), nullable=False),
    sa.Column('provenance', sa.JSON(), nullable=True),
    sa.Column('review_status', sa.String(length=12), nullable=False),
    sa.Column('review_comment', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.Column('created_by', sa.String(length=80), nullable=True),
    sa.Column('updated_by', sa.String(length=80), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('published_by', sa.String(length=80), nullable=True),
    sa.Column('public', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'],
                            name=op.f('fk_projects_source_id_sources')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_projects_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_projects')),
    sa.UniqueConstraint('code', name=op.f('uq_projects_code'))
    )
    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_projects_unit_id'), ['unit_id'], unique=False)

    op.create_table('benefits_realised',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('amount', sa.Float(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('entered_by', sa.String(length=80), nullable=True),
    sa.Column('entered_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'],
                            name=op.f('fk_benefits_realised_project_id_projects'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_benefits_realised')),
    sa.UniqueConstraint('project_id', 'year', name=op.f('uq_benefits_realised_project_id_year'))
    )
    with op.batch_alter_table('benefits_realised', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_benefits_realised_project_id'), ['project_id'],
                              unique=False)

    op.create_table('project_benefits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('item', sa.String(length=300), nullable=False),
    sa.Column('owner', sa.Text(), nullable=True),
    sa.Column('baseline', sa.Text(), nullable=True),
    sa.Column('target', sa.Text(), nullable=True),
    sa.Column('measure', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'],
                            name=op.f('fk_project_benefits_project_id_projects'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project_benefits')),
    sa.UniqueConstraint('project_id', 'item', name=op.f('uq_project_benefits_project_id_item'))
    )
    with op.batch_alter_table('project_benefits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_benefits_project_id'), ['project_id'],
                              unique=False)

    op.create_table('project_flows',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('item', sa.String(length=300), nullable=False),
    sa.Column('amount', sa.Float(), nullable=False),
    sa.Column('low', sa.Float(), nullable=True),
    sa.Column('high', sa.Float(), nullable=True),
    sa.Column('simulated', sa.Boolean(), nullable=False),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'],
                            name=op.f('fk_project_flows_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project_flows')),
    sa.UniqueConstraint('project_id', 'kind', 'category', 'item', 'year',
                        name=op.f('uq_project_flows_project_id_kind_category_item_year'))
    )
    with op.batch_alter_table('project_flows', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_flows_project_id'), ['project_id'],
                              unique=False)



def downgrade() -> None:
    with op.batch_alter_table('project_flows', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_flows_project_id'))

    op.drop_table('project_flows')
    with op.batch_alter_table('project_benefits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_benefits_project_id'))

    op.drop_table('project_benefits')
    with op.batch_alter_table('benefits_realised', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_benefits_realised_project_id'))

    op.drop_table('benefits_realised')
    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_projects_unit_id'))

    op.drop_table('projects')
    with op.batch_alter_table('it_spending', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_it_spending_unit_id'))

    op.drop_table('it_spending')
    op.drop_table('platforms')
