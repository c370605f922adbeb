"""promised_at: 17:00 in the hall's time zone, not 17:00 UTC

Until now a promised date D was stored as D 17:00 UTC, which is D+1 01:00 in Beijing: the platform
record's promised_time came out a day late. It is now stored as D 17:00 hall time (Asia/Shanghai,
the default and the only zone of the mainland), i.e. D 09:00 UTC. Rows written the old way (time of
day exactly 17:00:00 UTC) keep their date D and move to the new time; nothing else changes.

Revision ID: 2026_12_08_0004
Revises: 2026_11_26_0003
Create Date: 2026-12-08 10:00:00
"""

from datetime import UTC, datetime, time

import sqlalchemy as sa
from alembic import op

from hallapp.domain.clock import DEFAULT_ZONE, zone_of

revision = '2026_12_08_0004'
down_revision = '2026_11_26_0003'
branch_labels = None
depends_on = None

_OLD = time(17, 0)  # the old convention, in UTC
_case = sa.table("case_file", sa.column("id", sa.Integer()), sa.column("promised_at", sa.DateTime()))


def _move(to_new: bool) -> None:
    zone = zone_of(DEFAULT_ZONE)
    bind = op.get_bind()
    rows = bind.execute(sa.select(_case.c.id, _case.c.promised_at).where(_case.c.promised_at.is_not(None))).all()
    for row_id, stored in rows:
        if to_new and stored.time() == _OLD:
            moved = datetime.combine(stored.date(), _OLD, tzinfo=zone).astimezone(UTC).replace(tzinfo=None)
        elif not to_new and stored.replace(tzinfo=UTC).astimezone(zone).time() == _OLD:
            moved = datetime.combine(stored.replace(tzinfo=UTC).astimezone(zone).date(), _OLD)
        else:
            continue
        bind.execute(sa.update(_case).where(_case.c.id == row_id).values(promised_at=moved))


def upgrade() -> None:
    _move(to_new=True)


def downgrade() -> None:
    _move(to_new=False)
