"""follow_up and case_follow_up: follow-ups of bad ratings (差评回访), and a supervisor's steps on
cases returned by the platform or outbox entries that need attention

Revision ID: 2026_12_12_0008
Revises: 2026_12_11_0007
Create Date: 2026-12-12 10:00:00
"""

import sqlalchemy as sa
from alembic import op

import hallapp.storage.models.base

revision = '2026_12_12_0008'
down_revision = '2026_12_11_0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'follow_up',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('evaluation_id', sa.Integer(), nullable=False),
        sa.Column('contacted_at', hallapp.storage.models.base.UtcDateTime(), nullable=True),
        sa.Column('contacted_by_id', sa.Integer(), nullable=True),
        sa.Column('outcome', sa.String(length=16), nullable=False),
        sa.Column('note', sa.String(length=400), nullable=False),
        sa.Column('rectification', sa.String(length=400), nullable=False),
        sa.Column('recorded_by_id', sa.Integer(), nullable=True),
        sa.Column('recorded_at', hallapp.storage.models.base.UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['contacted_by_id'], ['staff.id'], name=op.f('fk_follow_up_contacted_by_id_staff')),
        sa.ForeignKeyConstraint(['evaluation_id'], ['evaluation.id'], name=op.f('fk_follow_up_evaluation_id_evaluation')),
        sa.ForeignKeyConstraint(['recorded_by_id'], ['staff.id'], name=op.f('fk_follow_up_recorded_by_id_staff')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_up')),
    )
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_follow_up_evaluation_id'), ['evaluation_id'], unique=False)
    op.create_table(
        'case_follow_up',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=True),
        sa.Column('outbox_entry_id', sa.Integer(), nullable=True),
        sa.Column('action', sa.String(length=16), nullable=False),
        sa.Column('outcome', sa.String(length=16), nullable=False),
        sa.Column('note', sa.String(length=400), nullable=False),
        sa.Column('revision', sa.Integer(), nullable=True),
        sa.Column('staff_id', sa.Integer(), nullable=True),
        sa.Column('at', hallapp.storage.models.base.UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_case_follow_up_case_id_case_file')),
        sa.ForeignKeyConstraint(['outbox_entry_id'], ['outbox_entry.id'],
                                name=op.f('fk_case_follow_up_outbox_entry_id_outbox_entry')),
        sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_case_follow_up_staff_id_staff')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_case_follow_up')),
    )
    with op.batch_alter_table('case_follow_up', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_follow_up_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_follow_up_outbox_entry_id'), ['outbox_entry_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('case_follow_up', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_follow_up_outbox_entry_id'))
        batch_op.drop_index(batch_op.f('ix_case_follow_up_case_id'))
    op.drop_table('case_follow_up')
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_follow_up_evaluation_id'))
    op.drop_table('follow_up')
