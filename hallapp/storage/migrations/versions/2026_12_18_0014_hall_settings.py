"""hall-wide settings kept in the shared database

The `hall_setting` table (migration 0002, the queue policy's `queue.*` keys) also holds hallapp.config's
hall-wide keys as `config:KEY` (JSON values: time zone, follow-up days, retention, platform address,
receipt lines ...). Read and written only on PostgreSQL, where every counter shares it; a SQLite hall
keeps these keys in settings.toml. This adds when and by whom each value was last set.

Revision ID: 2026_12_18_0014
Revises: 2026_12_17_0013
Create Date: 2026-12-18 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '2026_12_18_0014'
down_revision = '2026_12_17_0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('hall_setting') as batch:
        batch.add_column(sa.Column('updated_at', sa.DateTime(), nullable=True))
        batch.add_column(sa.Column('updated_by', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('hall_setting') as batch:
        batch.drop_column('updated_by')
        batch.drop_column('updated_at')
