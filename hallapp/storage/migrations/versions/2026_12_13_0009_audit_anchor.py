"""keyed audit chain: how each event's hash was made, and with which key

Rows before this revision keep scheme "sha256" (the old, unkeyed rule) and are verified by it;
new rows are keyed (HMAC-SHA256 with keys/audit.key) from the first append after the upgrade, and
that switch-over is itself an audit event. The anchors (signed head hash and row count) live
outside the database, in the home's audit-anchor.jsonl, so this revision adds no table for them.

Revision ID: 2026_12_13_0009
Revises: 2026_12_12_0008
Create Date: 2026-12-13 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '2026_12_13_0009'
down_revision = '2026_12_12_0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('scheme', sa.String(length=16), nullable=False, server_default='sha256'))
        batch_op.add_column(sa.Column('key_id', sa.String(length=16), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_column('key_id')
        batch_op.drop_column('scheme')
