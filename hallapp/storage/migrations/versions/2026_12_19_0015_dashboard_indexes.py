"""indexes the dashboard and reports read by

A period's cases are read by (hall, saved at) and its evaluations by their time: without these,
every refresh of a large hall's dashboard scanned both tables whole. The time leads the case index:
a database holds one hall, so a leading hall_id would select nothing, yet SQLite (no ANALYZE) would
prefer it to the state index for every "this hall's cases in state X" query.

Revision ID: 2026_12_19_0015
Revises: 2026_12_18_0014
Create Date: 2026-12-19 10:00:00
"""

from alembic import op

revision = '2026_12_19_0015'
down_revision = '2026_12_18_0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_case_file_created_hall', 'case_file', ['created_at', 'hall_id'], unique=False)
    op.create_index('ix_evaluation_created_at', 'evaluation', ['created_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_evaluation_created_at', table_name='evaluation')
    op.drop_index('ix_case_file_created_hall', table_name='case_file')
