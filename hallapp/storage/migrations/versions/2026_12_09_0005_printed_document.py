"""printed_document: when each receipt or notice (and each reprint) was printed for a case

Revision ID: 2026_12_09_0005
Revises: 2026_12_08_0004
Create Date: 2026-12-09 10:00:00
"""

import sqlalchemy as sa
from alembic import op

import hallapp.storage.models.base

revision = '2026_12_09_0005'
down_revision = '2026_12_08_0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'printed_document',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('reprint', sa.Boolean(), nullable=False),
        sa.Column('printed_at', hallapp.storage.models.base.UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_printed_document_case_id_case_file')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_printed_document')),
    )
    with op.batch_alter_table('printed_document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_printed_document_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_printed_document_printed_at'), ['printed_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('printed_document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_printed_document_printed_at'))
        batch_op.drop_index(batch_op.f('ix_printed_document_case_id'))
    op.drop_table('printed_document')
