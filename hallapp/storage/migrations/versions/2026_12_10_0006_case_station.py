"""case numbers carry a station: case_station (one per home's SQLite file, or one for a shared
database) and case_serial (per hall, day and station) replace case_sequence

The old serials are not carried over: old numbers have no station part, so no new number can equal one.

Revision ID: 2026_12_10_0006
Revises: 2026_12_09_0005
Create Date: 2026-12-10 10:00:00
"""

import sqlalchemy as sa
from alembic import op

import hallapp.storage.models.base

revision = '2026_12_10_0006'
down_revision = '2026_12_09_0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'case_station',
        sa.Column('code', sa.String(length=3), nullable=False),
        sa.Column('installation', sa.String(length=40), nullable=False),
        sa.Column('created_at', hallapp.storage.models.base.UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('code', name=op.f('pk_case_station')),
        sa.UniqueConstraint('installation', name=op.f('uq_case_station_installation')),
    )
    op.create_table(
        'case_serial',
        sa.Column('hall_id', sa.Integer(), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('station', sa.String(length=3), nullable=False),
        sa.Column('last', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['hall_id'], ['hall.id'], name=op.f('fk_case_serial_hall_id_hall')),
        sa.PrimaryKeyConstraint('hall_id', 'day', 'station', name=op.f('pk_case_serial')),
    )
    op.drop_table('case_sequence')


def downgrade() -> None:
    op.create_table(
        'case_sequence',
        sa.Column('hall_id', sa.Integer(), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('last', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['hall_id'], ['hall.id'], name=op.f('fk_case_sequence_hall_id_hall')),
        sa.PrimaryKeyConstraint('hall_id', 'day', name=op.f('pk_case_sequence')),
    )
    op.drop_table('case_serial')
    op.drop_table('case_station')
