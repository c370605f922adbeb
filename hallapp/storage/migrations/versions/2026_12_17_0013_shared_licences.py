"""electronic licences (电子证照) attached to a case as a material

material.source says where a material came from: `window` (scanned or imported at the counter, every
existing row) or `licence` (fetched from the platform). shared_licence records each consent the
applicant gave (consent reference, licence type, blind index of the holder's ID number, clerk,
time) and what came of it: the licence's sealed number, issuer, issue date, the SHA-256 of its file
in the material store, and the case material it became. No existing row is personal data to seal.

Revision ID: 2026_12_17_0013
Revises: 2026_12_16_0012
Create Date: 2026-12-17 10:00:00
"""

import sqlalchemy as sa
from alembic import op

import hallapp.storage.models.base
import hallapp.storage.sealing

revision = '2026_12_17_0013'
down_revision = '2026_12_16_0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN with a constant default: in place on SQLite and PostgreSQL, no table copy.
    op.add_column('material', sa.Column('source', sa.String(length=12), server_default='window', nullable=False))
    op.create_table(
        'shared_licence',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('consent_ref', sa.String(length=40), nullable=False),
        sa.Column('licence_type', sa.String(length=24), nullable=False),
        sa.Column('holder_index', sa.String(length=64), nullable=False),
        sa.Column('staff', sa.String(length=40), nullable=False),
        sa.Column('consented_at', hallapp.storage.models.base.UtcDateTime(), nullable=False),
        sa.Column('state', sa.String(length=12), nullable=False),
        sa.Column('failure', sa.String(length=40), nullable=False),
        sa.Column('licence_number', hallapp.storage.sealing.SealedText('shared_licence.licence_number'), nullable=False),
        sa.Column('issuer', sa.String(length=120), nullable=False),
        sa.Column('issued_on', sa.Date(), nullable=True),
        sa.Column('sha256', sa.String(length=64), nullable=True),
        sa.Column('fetched_at', hallapp.storage.models.base.UtcDateTime(), nullable=True),
        sa.Column('material_id', sa.Integer(), nullable=True),
        sa.Column('created_at', hallapp.storage.models.base.UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['material_id'], ['material.id'],
                                name=op.f('fk_shared_licence_material_id_material'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_shared_licence')),
        sa.UniqueConstraint('consent_ref', name=op.f('uq_shared_licence_consent_ref')),
    )
    op.create_index(op.f('ix_shared_licence_holder_index'), 'shared_licence', ['holder_index'], unique=False)
    op.create_index(op.f('ix_shared_licence_sha256'), 'shared_licence', ['sha256'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_shared_licence_sha256'), table_name='shared_licence')
    op.drop_index(op.f('ix_shared_licence_holder_index'), table_name='shared_licence')
    op.drop_table('shared_licence')
    op.drop_column('material', 'source')  # SQLite >= 3.35 drops a plain column in place
