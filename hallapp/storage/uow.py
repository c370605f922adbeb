"""The unit of work: one session, the repositories over it, committed or rolled back as one."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from hallapp.storage.repositories.audit import AuditLog
from hallapp.storage.repositories.cases import CaseRepository
from hallapp.storage.repositories.catalog import CatalogRepository
from hallapp.storage.repositories.demo_history import DemoHistoryRepository
from hallapp.storage.repositories.hall import HallRepository
from hallapp.storage.repositories.queue import QueueRepository
from hallapp.storage.repositories.shared_hall import SharedHallRepository
from hallapp.storage.repositories.staff import StaffRepository
from hallapp.storage.repositories.sync import OutboxRepository


class UnitOfWork:
    def __init__(self, session: Session, dialect: str) -> None:
        self.session = session
        self.dialect = dialect
        self.halls = HallRepository(session)
        self.staff = StaffRepository(session)
        self.catalog = CatalogRepository(session)
        self.audit = AuditLog(session, dialect)
        self.outbox = OutboxRepository(session)
        self.queue = QueueRepository(session, dialect)
        self.cases = CaseRepository(session, dialect)
        self.shared = SharedHallRepository(session, dialect)
        self.demo_history = DemoHistoryRepository(session)

    def add(self, obj: Any) -> None:
        self.session.add(obj)

    def flush(self) -> None:
        self.session.flush()
