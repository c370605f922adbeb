"""Writes of `hallapp demo seed-history`: a simulated past day's rows in bulk, and the few reads it needs.

Core multi-row inserts, not the ORM: months of a busy hall are ≈ 10⁵ rows, one statement per table
and day. The rows are plain dicts keyed by column name, as the service builds them. Core inserts skip
the ORM's events, so the applicants' blind index (models/case.py `_index_certificate`) is made here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, cast

from sqlalchemy import Table, insert, select, update
from sqlalchemy.orm import Session, selectinload

from hallapp.storage.models import (
    Applicant,
    Base,
    Case,
    CaseSequence,
    Evaluation,
    Material,
    PrintedDocument,
    ServiceItem,
    Ticket,
    TicketEvent,
    TicketSequence,
)
from hallapp.storage.models.followup import FollowUp
from hallapp.storage.sealing import sealer_of

Row = dict[str, Any]


class DemoHistoryRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # -- reads -------------------------------------------------------------------------------------

    def days_with_tickets(self, hall_id: int, days: Iterable[date]) -> set[date]:
        """Those of `days` on which the hall already has tickets."""
        return set(self.session.scalars(select(Ticket.service_date).distinct().where(
            Ticket.hall_id == hall_id, Ticket.service_date.in_(list(days)))))

    def active_items(self) -> list[ServiceItem]:
        """The items a clerk can accept today, by code, with their material requirements loaded."""
        return list(self.session.scalars(
            select(ServiceItem).where(ServiceItem.active, ServiceItem.withdrawn.is_(False))
            .options(selectinload(ServiceItem.materials)).order_by(ServiceItem.code)))

    # -- bulk writes (ids returned in the order of the rows) ----------------------------------------

    def add_tickets(self, rows: Sequence[Row]) -> list[int]:
        return self._insert(Ticket, rows, returning=True)

    def add_ticket_events(self, rows: Sequence[Row]) -> None:
        self._insert(TicketEvent, rows)

    def add_ticket_sequences(self, rows: Sequence[Row]) -> None:
        self._insert(TicketSequence, rows)

    def add_applicants(self, rows: Sequence[Row]) -> list[int]:
        """Applicants, each given the blind index of its certificate number under this database's key."""
        if not rows:
            return []
        blind = sealer_of(self.session.get_bind().dialect).blind
        indexed = [dict(r, certificate_number_index=blind(r["certificate_number"]) if r["certificate_number"] else None)
                   for r in rows]
        return self._insert(Applicant, indexed, returning=True)

    def add_cases(self, rows: Sequence[Row]) -> list[int]:
        return self._insert(Case, rows, returning=True)

    def add_materials(self, rows: Sequence[Row]) -> None:
        self._insert(Material, rows)

    def add_printed_documents(self, rows: Sequence[Row]) -> None:
        self._insert(PrintedDocument, rows)

    def add_evaluations(self, rows: Sequence[Row]) -> list[int]:
        return self._insert(Evaluation, rows, returning=True)

    def add_follow_ups(self, rows: Sequence[Row]) -> None:
        """Bad ratings' follow-up records (models/followup.py FollowUp)."""
        self._insert(FollowUp, rows)

    def set_case_serial(self, hall_id: int, day: date, station: str, last: int) -> None:
        """The day's last serial at `station` (a row CaseRepository.next_serial has made)."""
        self.session.execute(update(CaseSequence).where(
            CaseSequence.hall_id == hall_id, CaseSequence.day == day, CaseSequence.station == station)
            .values(last=last))

    def _insert(self, model: type[Base], rows: Sequence[Row], returning: bool = False) -> list[int]:
        if not rows:
            return []
        table = cast(Table, model.__table__)
        if not returning:
            self.session.execute(insert(table), rows)
            return []
        stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return list(self.session.execute(stmt, rows).scalars())
