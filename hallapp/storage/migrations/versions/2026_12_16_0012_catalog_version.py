"""the platform's item catalog: versions, withdrawn items, the version each case started with

`catalog_version` is one row per catalog or holiday calendar applied from the platform (kind
`items` or `calendar`, with the year), with what it changed. `catalog_item_version` keeps every
item as each applied version had it (its ItemSpec as JSON), so a case started under an older
version can still be read against its own checklist. `service_item.withdrawn` marks an item the
platform withdrew (it cannot start a new case); `service_item.catalog_version` and
`case_file.catalog_version` name the version an item row is and the version a case started with
(NULL: the catalog came from a file, before any platform version).

Revision ID: 2026_12_16_0012
Revises: 2026_12_15_0011
Create Date: 2026-12-16 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '2026_12_16_0012'
down_revision = '2026_12_15_0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'catalog_version',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=12), nullable=False),
        sa.Column('version', sa.String(length=40), nullable=False),
        sa.Column('year', sa.Integer(), nullable=True),
        sa.Column('added', sa.Integer(), nullable=False),
        sa.Column('changed', sa.Integer(), nullable=False),
        sa.Column('withdrawn', sa.Integer(), nullable=False),
        sa.Column('actor', sa.String(length=64), nullable=False),
        sa.Column('applied_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_catalog_version')),
    )
    op.create_index('ix_catalog_version_kind', 'catalog_version', ['kind', 'year', 'id'], unique=False)
    op.create_table(
        'catalog_item_version',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('version', sa.String(length=40), nullable=False),
        sa.Column('code', sa.String(length=36), nullable=False),
        sa.Column('spec', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_catalog_item_version')),
        sa.UniqueConstraint('version', 'code', name=op.f('uq_catalog_item_version_version')),
    )
    # Plain ADD COLUMN (SQLite has it): a batch table copy of service_item trips the checklist's foreign keys.
    op.add_column('service_item', sa.Column('withdrawn', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column('service_item', sa.Column('catalog_version', sa.String(length=40), nullable=True))
    op.add_column('case_file', sa.Column('catalog_version', sa.String(length=40), nullable=True))


def downgrade() -> None:
    # SQLite >= 3.35 drops a plain column in place; a batch copy would trip the foreign keys.
    op.drop_column('case_file', 'catalog_version')
    op.drop_column('service_item', 'catalog_version')
    op.drop_column('service_item', 'withdrawn')
    op.drop_table('catalog_item_version')
    op.drop_index('ix_catalog_version_kind', table_name='catalog_version')
    op.drop_table('catalog_version')
