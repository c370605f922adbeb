"""personal data sealed at rest: applicant's name, ID number, birth date, address and phone,
case_file.delivery_address and outbox_entry.payload become sealed text (SM4-GCM, storage/sealing.py);
applicant.certificate_number_index (keyed blind index) replaces the index on the plain ID number;
case_file.purged_at marks a case whose scans and personal fields the retention policy removed;
sealing_key records the id of the key the database is sealed with.

Existing rows are sealed here, in the same transaction as the type change: the engine that runs
the migration carries the home's key (Database binds it before migrating), so no row is ever left
readable under a sealed column, and a failure leaves the old schema with the old rows.

Revision ID: 2026_12_11_0007
Revises: 2026_12_10_0006
Create Date: 2026-12-11 10:00:00
"""

import sqlalchemy as sa
from alembic import op

import hallapp.storage.models.base
from hallapp.storage.sealing import Sealer, is_sealed, sealer_of

revision = '2026_12_11_0007'
down_revision = '2026_12_10_0006'
branch_labels = None
depends_on = None

APPLICANT_FIELDS = ('name', 'certificate_number', 'birth_date', 'address', 'phone')
OLD_TYPES = {'name': sa.String(length=120), 'certificate_number': sa.String(length=40), 'birth_date': sa.Date(),
             'address': sa.String(length=200), 'phone': sa.String(length=40)}


def _retype(table: str, columns: dict, *, to_text: bool) -> None:
    # SQLite keeps any text in any column, and a batch copy of `applicant` would break the foreign keys
    # of case_file under PRAGMA foreign_keys=ON: only PostgreSQL's varchar(n)/date need the new type.
    if op.get_bind().dialect.name != 'postgresql':
        return
    with op.batch_alter_table(table, schema=None) as batch_op:
        for name, old in columns.items():
            new, was = (sa.Text(), old) if to_text else (old, sa.Text())
            cast = 'text' if to_text else ('date' if isinstance(old, sa.Date) else None)
            batch_op.alter_column(name, existing_type=was, type_=new,
                                  postgresql_using=f'{name}::{cast}' if cast else None)


def _rewrite(table: str, columns: tuple[str, ...], change) -> None:  # noqa: ANN001 - (value, context) -> value
    bind = op.get_bind()
    listed = ', '.join(columns)
    for row in bind.execute(sa.text(f'SELECT id, {listed} FROM {table}')).mappings().all():
        values = {c: change(row[c], f'{table}.{c}') for c in columns}
        if any(values[c] != row[c] for c in columns):
            sets = ', '.join(f'{c} = :{c}' for c in columns)
            bind.execute(sa.text(f'UPDATE {table} SET {sets} WHERE id = :id'), {**values, 'id': row['id']})


def _sealer() -> Sealer:
    return sealer_of(op.get_bind().dialect)


def _seal(value, context: str):  # noqa: ANN001, ANN202
    if value is None or value == '' or is_sealed(value):
        return value
    return _sealer().seal(str(value), context)


def _open(value, context: str):  # noqa: ANN001, ANN202
    return _sealer().open(value, context) if is_sealed(value) else value


def _index_applicants() -> None:
    bind, sealer = op.get_bind(), _sealer()
    for row in bind.execute(sa.text('SELECT id, certificate_number FROM applicant')).all():
        number = sealer.open(row[1], 'applicant.certificate_number') if is_sealed(row[1]) else (row[1] or '')
        bind.execute(sa.text('UPDATE applicant SET certificate_number_index = :ix WHERE id = :id'),
                     {'ix': sealer.blind(number) if number else None, 'id': row[0]})


def upgrade() -> None:
    op.create_table(
        'sealing_key',
        sa.Column('key_id', sa.String(length=32), nullable=False),
        sa.Column('created_at', hallapp.storage.models.base.UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('key_id', name=op.f('pk_sealing_key')),
    )
    # Plain ALTERs (no batch table copy): adding a nullable column and indexes works in place on both.
    op.drop_index(op.f('ix_applicant_certificate_number'), table_name='applicant')  # ciphertext: finds nothing
    op.add_column('applicant', sa.Column('certificate_number_index', sa.String(length=64), nullable=True))
    op.create_index(op.f('ix_applicant_certificate_number_index'), 'applicant', ['certificate_number_index'])
    op.add_column('case_file', sa.Column('purged_at', hallapp.storage.models.base.UtcDateTime(), nullable=True))
    _retype('applicant', OLD_TYPES, to_text=True)
    _retype('case_file', {'delivery_address': sa.String(length=200)}, to_text=True)
    _index_applicants()
    _rewrite('applicant', APPLICANT_FIELDS, _seal)
    _rewrite('case_file', ('delivery_address',), _seal)
    _rewrite('outbox_entry', ('payload',), _seal)


def downgrade() -> None:
    _rewrite('outbox_entry', ('payload',), _open)
    _rewrite('case_file', ('delivery_address',), _open)
    _rewrite('applicant', APPLICANT_FIELDS, _open)
    _retype('case_file', {'delivery_address': sa.String(length=200)}, to_text=False)
    _retype('applicant', OLD_TYPES, to_text=False)
    op.drop_column('case_file', 'purged_at')  # SQLite >= 3.35 drops a plain column in place
    op.drop_index(op.f('ix_applicant_certificate_number_index'), table_name='applicant')
    op.drop_column('applicant', 'certificate_number_index')
    op.create_index(op.f('ix_applicant_certificate_number'), 'applicant', ['certificate_number'], unique=False)
    op.drop_table('sealing_key')
