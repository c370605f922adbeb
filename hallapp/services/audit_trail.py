"""The audit trail as the supervisor filters it: by action, person and the hall's days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hallapp.domain.clock import Clock, hall_clock
from hallapp.services.audit import AuditRow
from hallapp.storage import Database
from hallapp.storage.repositories.dashboard import DashboardQueries


@dataclass(frozen=True)
class AuditFilter:
    action: str | None = None
    actor: str | None = None
    first: date | None = None  # hall days, both included
    last: date | None = None


def search(db: Database, wanted: AuditFilter, limit: int = 500, clock: Clock | None = None) -> list[AuditRow]:
    """Newest first."""
    clock = clock or hall_clock()
    since = clock.day_start(wanted.first) if wanted.first else None
    until = clock.day_start(wanted.last + timedelta(days=1)) if wanted.last else None
    with db.unit_of_work() as uow:
        rows = DashboardQueries(uow.session).audit(action=wanted.action, actor=wanted.actor, since=since, until=until,
                                                   limit=limit)
        return [AuditRow(e.at, e.actor, e.action, e.subject, e.detail) for e in rows]


def choices(db: Database) -> tuple[list[str], list[str]]:
    """The actions and the people that occur in the trail, for the filter's lists."""
    with db.unit_of_work() as uow:
        return DashboardQueries(uow.session).audit_choices()
