"""Reading the audit log: recent events for the supervisor, and the chain check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from hallapp.storage import Database


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    actor: str
    action: str
    subject: str
    detail: str


def recent(db: Database, limit: int = 200, action: str | None = None) -> list[AuditRow]:
    with db.unit_of_work() as uow:
        return [AuditRow(e.at, e.actor, e.action, e.subject, e.detail) for e in uow.audit.events(action, limit)]


def broken_links(db: Database) -> list[int]:
    """Ids of audit events that were edited or whose predecessor was removed."""
    with db.unit_of_work() as uow:
        return uow.audit.verify()
