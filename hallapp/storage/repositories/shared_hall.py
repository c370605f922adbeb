"""Rows that let several PCs of one hall share what each needs: sealed scans and heartbeats."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from hallapp.storage.models import CounterPresence, MaterialBlob


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
