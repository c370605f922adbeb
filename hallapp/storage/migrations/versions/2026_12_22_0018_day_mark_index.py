"""reserved: an index for the day summaries' mark (filled in by the engineer who measures it)

Revision ID: 2026_12_22_0018
Revises: 2026_12_21_0017
Create Date: 2026-12-22 10:00:00
"""

from alembic import op  # noqa: F401

revision = '2026_12_22_0018'
down_revision = '2026_12_21_0017'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
