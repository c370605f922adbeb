"""Rows that let several PCs of one hall share what each needs: sealed scans, heartbeats, hall-wide settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from hallapp.storage.models import CounterPresence, HallSetting, MaterialBlob
from hallapp.storage.models.base import utcnow

SETTING_PREFIX = "config:"  # hallapp.config's hall-wide keys; the queue policy uses "queue."


class SharedHallRepository:
    def __init__(self, session: Session, dialect: str) -> None:
        self.session = session
        self.dialect = dialect

    # -- scans (sealed by the material store; never plain) -----------------------------------------
    def put_material(self, sha256: str, sealed: bytes) -> None:
        """Keep a sealed scan; the same content stored by two counters at once is one row."""
        if self.dialect == "postgresql":
            statement = pg_insert(MaterialBlob).values(sha256=sha256, sealed=sealed, size=len(sealed))
            self.session.execute(statement.on_conflict_do_nothing(index_elements=["sha256"]))
        elif self.session.get(MaterialBlob, sha256) is None:
            self.session.add(MaterialBlob(sha256=sha256, sealed=sealed, size=len(sealed)))

    def material(self, sha256: str) -> bytes | None:
        return self.session.scalar(select(MaterialBlob.sealed).where(MaterialBlob.sha256 == sha256))

    def measure_materials(self, hashes: set[str]) -> tuple[int, int]:
        found = self.session.execute(select(func.count(), func.coalesce(func.sum(MaterialBlob.size), 0))
                                     .where(MaterialBlob.sha256.in_(hashes))).one()
        return int(found[0]), int(found[1])

    def delete_materials(self, hashes: set[str]) -> None:
        self.session.execute(delete(MaterialBlob).where(MaterialBlob.sha256.in_(hashes)))

    # -- heartbeats -------------------------------------------------------------------------------
    def presence(self, installation: str, *, for_update: bool = False) -> CounterPresence | None:
        return self.session.get(CounterPresence, installation, with_for_update=for_update or None)

    def seen_since(self, since: datetime) -> list[CounterPresence]:
        return list(self.session.scalars(select(CounterPresence).where(CounterPresence.last_seen >= since)))

    # -- hall-wide settings: hall_setting rows `config:KEY`, beside the queue policy's `queue.*` -----
    def hall_settings(self) -> dict[str, str]:
        """Dotted key → JSON text, for the database's hall (empty before set-up)."""
        rows = self.session.execute(select(HallSetting.key, HallSetting.value)
                                    .where(HallSetting.key.startswith(SETTING_PREFIX, autoescape=True)))
        return {key[len(SETTING_PREFIX):]: value for key, value in rows}

    def put_hall_setting(self, hall_id: int, key: str, value_json: str, actor: str) -> str | None:
        """Store one key; returns the JSON it replaces (None if it was not set)."""
        row = self.session.get(HallSetting, (hall_id, SETTING_PREFIX + key), with_for_update=True)
        before = row.value if row is not None else None
        if row is None:
            row = HallSetting(hall_id=hall_id, key=SETTING_PREFIX + key)
            self.session.add(row)
        row.value, row.updated_at, row.updated_by = value_json, utcnow(), actor[:64]
        return before
