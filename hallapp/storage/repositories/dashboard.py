"""Read queries for the supervisor's dashboard: the rows of a period as plain tuples (no ORM
objects, so a month of a busy hall loads quickly), plus a cheap change mark to follow the hall."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hallapp.storage.models import AuditEvent, Case, Counter, Evaluation, OutboxEntry, ServiceItem, Staff, Ticket, TicketEvent
from hallapp.storage.models.printing import PrintedDocument


def _plain(rows: Any) -> list[tuple]:
    return [tuple(row) for row in rows]


class DashboardQueries:
    def __init__(self, session: Session) -> None:
        self.session = session

    def tickets(self, hall_id: int, first: date, last: date) -> list[tuple]:
        """(id, number, category, state, counter number, staff id, issued, called, serving, finished)."""
        query = (
            select(Ticket.id, Ticket.number, Ticket.category, Ticket.state, Counter.number, Ticket.staff_id,
                   Ticket.issued_at, Ticket.called_at, Ticket.serving_at, Ticket.finished_at)
            .outerjoin(Counter, Counter.id == Ticket.counter_id)
            .where(Ticket.hall_id == hall_id, Ticket.service_date >= first, Ticket.service_date <= last)
            .order_by(Ticket.issued_at, Ticket.id)
        )
        return _plain(self.session.execute(query))

    def cases(self, hall_id: int, since: datetime, until: datetime) -> list[tuple]:
        """(id, number, state, counter number, staff id, item code, item name, ticket id, created,
        accepted, gap due date, returned reason) of cases saved in [since, until)."""
        query = (
            select(Case.id, Case.number, Case.state, Counter.number, Case.staff_id, ServiceItem.code, ServiceItem.name,
                   Case.ticket_id, Case.created_at, Case.accepted_at, Case.gap_due_date, Case.returned_reason)
            .join(ServiceItem, ServiceItem.id == Case.item_id)
            .outerjoin(Counter, Counter.id == Case.counter_id)
            .where(Case.hall_id == hall_id, Case.created_at >= since, Case.created_at < until)
            .order_by(Case.created_at, Case.id)
        )
        return _plain(self.session.execute(query))

    def returned_cases(self, hall_id: int) -> list[tuple]:
        """Cases the platform sent back and nobody has resubmitted yet, whatever day they were saved."""
        query = (
            select(Case.id, Case.number, Case.state, Counter.number, Case.staff_id, ServiceItem.code, ServiceItem.name,
                   Case.ticket_id, Case.created_at, Case.accepted_at, Case.gap_due_date, Case.returned_reason)
            .join(ServiceItem, ServiceItem.id == Case.item_id)
            .outerjoin(Counter, Counter.id == Case.counter_id)
            .where(Case.hall_id == hall_id, Case.state == "returned")
            .order_by(Case.updated_at)
        )
        return _plain(self.session.execute(query))

    def evaluations(self, since: datetime, until: datetime) -> list[tuple]:
        """(id, ticket id, case id, staff id, level, reason, created) given in [since, until)."""
        query = (
            select(Evaluation.id, Evaluation.ticket_id, Evaluation.case_id, Evaluation.staff_id, Evaluation.level,
                   Evaluation.reason, Evaluation.created_at)
            .where(Evaluation.created_at >= since, Evaluation.created_at < until)
            .order_by(Evaluation.created_at)
        )
        return _plain(self.session.execute(query))

    def first_prints(self, case_ids: list[int]) -> dict[int, datetime]:
        """The first time any document was printed for each case (reprints come later by definition)."""
        out: dict[int, datetime] = {}
        for start in range(0, len(case_ids), 500):  # stay under every driver's bound-parameter limit
            chunk = case_ids[start:start + 500]
            rows = self.session.execute(
                select(PrintedDocument.case_id, func.min(PrintedDocument.printed_at))
                .where(PrintedDocument.case_id.in_(chunk)).group_by(PrintedDocument.case_id)
            )
            out.update({case_id: _utc(at) for case_id, at in rows})
        return out

    def staff_names(self, hall_id: int) -> dict[int, tuple[str, str]]:
        rows = self.session.execute(select(Staff.id, Staff.username, Staff.display_name).where(Staff.hall_id == hall_id))
        return {i: (username, name) for i, username, name in rows}

    def change_mark(self, hall_id: int, day: date, since: datetime) -> tuple:
        """Changes when anything the dashboard shows changes: a queue event, a case saved or moved,
        an evaluation, a print, an outbox entry. Counts catch rows committed out of id order."""
        s = self.session
        events = s.execute(select(func.count(TicketEvent.id), func.max(TicketEvent.id))
                           .join(Ticket, Ticket.id == TicketEvent.ticket_id)
                           .where(Ticket.hall_id == hall_id, Ticket.service_date == day)).one()
        issued = s.execute(select(func.count(Ticket.id)).where(Ticket.hall_id == hall_id, Ticket.service_date == day)).one()
        cases = s.execute(select(func.count(Case.id), func.max(Case.updated_at)).where(Case.hall_id == hall_id)).one()
        evaluations = s.execute(select(func.count(Evaluation.id)).where(Evaluation.created_at >= since)).one()
        prints = s.execute(select(func.count(PrintedDocument.id)).where(PrintedDocument.printed_at >= since)).one()
        outbox = s.execute(select(func.count(OutboxEntry.id), func.max(OutboxEntry.updated_at))).one()
        audit = s.execute(select(func.max(AuditEvent.id))).one()
        return tuple(events) + tuple(issued) + tuple(cases) + tuple(evaluations) + tuple(prints) + tuple(outbox) + tuple(audit)

    def audit(self, *, action: str | None, actor: str | None, since: datetime | None, until: datetime | None,
              limit: int) -> list[AuditEvent]:
        query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
        if action:
            query = query.where(AuditEvent.action == action)
        if actor:
            query = query.where(AuditEvent.actor == actor)
        if since is not None:
            query = query.where(AuditEvent.at >= since)
        if until is not None:
            query = query.where(AuditEvent.at < until)
        return list(self.session.scalars(query))

    def audit_choices(self) -> tuple[list[str], list[str]]:
        actions = list(self.session.scalars(select(AuditEvent.action).distinct().order_by(AuditEvent.action)))
        actors = list(self.session.scalars(select(AuditEvent.actor).distinct().order_by(AuditEvent.actor)))
        return actions, actors


def _utc(value: datetime) -> datetime:
    """func.min() loses the column type on SQLite: a naive UTC value comes back."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)
