"""day summaries: a closed day's dashboard figures, kept once

A closed day's figures (counts by group, hourly slots, sorted durations for exact percentiles) are
kept as one JSON row per hall and day, so a month or the monthly report merges ~20 rows instead of
reading ~400 000 tickets. `mark` fingerprints the day's rows; a changed day is recomputed on read.

Revision ID: 2026_12_20_0016
Revises: 2026_12_19_0015
Create Date: 2026-12-20 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '2026_12_20_0016'
down_revision = '2026_12_19_0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'day_summary',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('hall_id', sa.Integer(), nullable=False),
        sa.Column('service_day', sa.Date(), nullable=False),
        sa.Column('format', sa.Integer(), nullable=False),
        sa.Column('mark', sa.String(length=1000), nullable=False),
        sa.Column('payload', sa.Text(), nullable=False),
        sa.Column('computed_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['hall_id'], ['hall.id'], name=op.f('fk_day_summary_hall_id_hall')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_day_summary')),
        sa.UniqueConstraint('hall_id', 'service_day', 'format', name=op.f('uq_day_summary_hall_id')),
    )


def downgrade() -> None:
    op.drop_table('day_summary')
