"""day summaries' watermark: index case_file.updated_at (issue 13)

The watermark (services/day_summaries.py) reads the latest case change and, when it moved, the
cases changed since: both one end of this index. Without it, at 5 M tickets (3.99 M cases) on
SQLite the latest change is a table scan, 2.4 s wall / 0.78 s CPU, and 0.06 ms CPU with it;
PostgreSQL at 400 000 tickets: 60–75 ms without, 0.65–0.96 ms with (docs/benchmarks.md, fifth pass).

Revision ID: 2026_12_22_0018
Revises: 2026_12_21_0017
Create Date: 2026-12-22 10:00:00
"""

from alembic import op

revision = '2026_12_22_0018'
down_revision = '2026_12_21_0017'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_case_file_updated_at', 'case_file', ['updated_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_case_file_updated_at', table_name='case_file')
