"""one hall, many PCs: materials in the shared database, counter presence

`material_blob` holds each scan as the material store sealed it (AES-GCM, keys/materials.key shared
by every PC of the hall): used on PostgreSQL only, where the sending PC is rarely the scanning one;
SQLite halls keep their files. `counter_presence` is one heartbeat row per PC (installation id),
so two PCs set to one counter, or one clerk logged in twice, can be noticed.

Revision ID: 2026_12_15_0011
Revises: 2026_12_13_0009
Create Date: 2026-12-15 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '2026_12_15_0011'
down_revision = '2026_12_13_0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'material_blob',
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('sealed', sa.LargeBinary(), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('sha256', name=op.f('pk_material_blob')),
    )
    op.create_table(
        'counter_presence',
        sa.Column('installation', sa.String(length=32), nullable=False),
        sa.Column('host', sa.String(length=64), nullable=False),
        sa.Column('role', sa.String(length=16), nullable=False),
        sa.Column('counter_number', sa.Integer(), nullable=True),
        sa.Column('staff_username', sa.String(length=64), nullable=True),
        sa.Column('last_seen', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('installation', name=op.f('pk_counter_presence')),
    )
    op.create_index('ix_counter_presence_counter', 'counter_presence', ['counter_number'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_counter_presence_counter', table_name='counter_presence')
    op.drop_table('counter_presence')
    op.drop_table('material_blob')
