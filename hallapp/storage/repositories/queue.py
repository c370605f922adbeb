"""Queue queries: numbering, the next ticket for a counter (row locks with SKIP LOCKED on
PostgreSQL; SQLite serialises writers), waiting counts and recent calls."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ColumnElement, and_, case, func, literal, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from hallapp.storage.models import (
    Appointment,
    Case,
    Counter,
    CounterCategory,
    Evaluation,
    HallSetting,
    QueueCategory,
    Ticket,
    TicketEvent,
    TicketSequence,
)


class QueueRepository:
    def __init__(self, session: Session, dialect: str) -> None:
        self.session = session
        self.dialect = dialect

    # -- configuration -------------------------------------------------------------------------
    def categories(self, hall_id: int) -> list[QueueCategory]:
        return list(self.session.scalars(
            select(QueueCategory).where(QueueCategory.hall_id == hall_id, QueueCategory.active)
            .order_by(QueueCategory.position, QueueCategory.letter)
        ))

    def counter_categories(self, counter_id: int) -> list[tuple[str, int]]:
        rows = self.session.execute(
            select(QueueCategory.letter, CounterCategory.position)
            .join(CounterCategory, CounterCategory.category_id == QueueCategory.id)
            .where(CounterCategory.counter_id == counter_id, QueueCategory.active)
            .order_by(CounterCategory.position)
        )
        return [(letter, position) for letter, position in rows]

    def settings(self, hall_id: int) -> dict[str, str]:
        rows = self.session.execute(select(HallSetting.key, HallSetting.value).where(HallSetting.hall_id == hall_id))
        return {key: value for key, value in rows}

    def counter(self, counter_id: int) -> Counter | None:
        return self.session.get(Counter, counter_id)

    # -- issuing ---------------------------------------------------------------------------------
    def next_sequence(self, hall_id: int, day: date, letter: str) -> int:
        """Atomically bump the day's counter for a category (an upsert: no two kiosks share a number)."""
        insert = pg_insert if self.dialect == "postgresql" else sqlite_insert
        stmt = insert(TicketSequence).values(hall_id=hall_id, service_date=day, category=letter, last=1)
        bump = stmt.on_conflict_do_update(
            index_elements=["hall_id", "service_date", "category"], set_={"last": TicketSequence.last + 1}
        ).returning(TicketSequence.last)
        return int(self.session.execute(bump).scalar_one())

    def appointment(self, hall_id: int, code: str | None = None, id_hash: str | None = None,
                    now: datetime | None = None) -> Appointment | None:
        """By code: that booking. By ID card: the holder's booking that has not ended yet, one not
        checked in first (an earlier, finished booking the same day must not hide the current one)."""
        query = select(Appointment).where(Appointment.hall_id == hall_id)
        if code:
            query = query.where(Appointment.code == code).order_by(Appointment.slot_start)
        else:
            query = query.where(Appointment.id_number_hash == id_hash)
            if now is not None:
                query = query.where(Appointment.slot_end >= now)
            query = query.order_by(case((Appointment.ticket_id.is_(None), 0), else_=1), Appointment.slot_start)
        return self.session.scalars(query.with_for_update()).first()

    # -- calling ---------------------------------------------------------------------------------
    def _effective_priority(self, now: datetime, appointment_priority: int) -> ColumnElement[int]:
        in_slot = and_(Ticket.appointment_start <= now, Ticket.appointment_end >= now)
        return Ticket.priority + case((in_slot, appointment_priority), else_=0)

    def next_for_counter(self, hall_id: int, day: date, counter_id: int, letters: list[tuple[str, int]],
                         now: datetime, appointment_priority: int) -> Ticket | None:
        """The ticket this counter calls next, locked for this transaction.

        Order: priority class, then the order in which the counter serves its categories, then
        issue time. Tickets transferred to this counter come first among equals.
        """
        served = [letter for letter, _ in letters]
        category_rank = case({letter: position for letter, position in letters}, value=Ticket.category, else_=99)
        query = (
            select(Ticket)
            .where(
                Ticket.hall_id == hall_id,
                Ticket.service_date == day,
                Ticket.state == "waiting",
                or_(Ticket.target_counter_id == counter_id,
                    and_(Ticket.target_counter_id.is_(None), Ticket.category.in_(served) if served else literal(False))),
            )
            .order_by(
                self._effective_priority(now, appointment_priority).desc(),
                case((Ticket.target_counter_id == counter_id, 0), else_=1),
                category_rank,
                Ticket.issued_at,
                Ticket.id,
            )
            .limit(1)
        )
        if self.dialect == "postgresql":
            # Several counters call at once: each skips rows another has locked, so no ticket is
            # taken twice and none is passed over while it is free.
            query = query.with_for_update(skip_locked=True)
        return self.session.scalars(query).first()

    def ticket(self, ticket_id: int, *, for_update: bool = False) -> Ticket | None:
        query = select(Ticket).where(Ticket.id == ticket_id)
        return self.session.scalars(query.with_for_update() if for_update else query).first()

    def by_number(self, hall_id: int, day: date, number: str) -> Ticket | None:
        return self.session.scalars(
            select(Ticket).where(Ticket.hall_id == hall_id, Ticket.service_date == day, Ticket.number == number)
        ).first()

    def at_counter(self, counter_id: int, day: date, states: tuple[str, ...]) -> list[Ticket]:
        return list(self.session.scalars(
            select(Ticket).where(Ticket.counter_id == counter_id, Ticket.service_date == day, Ticket.state.in_(states))
            .order_by(Ticket.called_at.desc())
        ))

    def people_ahead(self, ticket: Ticket, now: datetime, appointment_priority: int) -> int:
        """Waiting tickets of the same category that call_next would take first (same ordering:
        effective priority, then issue time, then id for tickets issued in the same clock tick)."""
        mine = ticket.priority
        if ticket.appointment_start and ticket.appointment_end and ticket.appointment_start <= now <= ticket.appointment_end:
            mine += appointment_priority
        theirs = self._effective_priority(now, appointment_priority)
        ahead = select(func.count(Ticket.id)).where(
            Ticket.hall_id == ticket.hall_id,
            Ticket.service_date == ticket.service_date,
            Ticket.state == "waiting",
            Ticket.category == ticket.category,
            Ticket.id != ticket.id,
            or_(theirs > mine,
                and_(theirs == mine, or_(Ticket.issued_at < ticket.issued_at,
                                         and_(Ticket.issued_at == ticket.issued_at, Ticket.id < ticket.id)))),
        )
        return int(self.session.scalar(ahead) or 0)

    def waiting_counts(self, hall_id: int, day: date) -> dict[str, int]:
        rows = self.session.execute(
            select(Ticket.category, func.count(Ticket.id))
            .where(Ticket.hall_id == hall_id, Ticket.service_date == day, Ticket.state == "waiting")
            .group_by(Ticket.category)
        )
        return {key: value for key, value in rows}

    def waiting(self, hall_id: int, day: date, letters: list[str] | None = None, limit: int = 200) -> list[Ticket]:
        query = select(Ticket).where(Ticket.hall_id == hall_id, Ticket.service_date == day, Ticket.state == "waiting")
        if letters is not None:
            query = query.where(Ticket.category.in_(letters))
        return list(self.session.scalars(query.order_by(Ticket.priority.desc(), Ticket.issued_at).limit(limit)))

    def recent_calls(self, hall_id: int, day: date, limit: int) -> list[tuple[Ticket, int, datetime]]:
        rows = self.session.execute(
            select(Ticket, Counter.number, TicketEvent.at)
            .join(TicketEvent, TicketEvent.ticket_id == Ticket.id)
            .join(Counter, Counter.id == TicketEvent.counter_id)
            .where(Ticket.hall_id == hall_id, Ticket.service_date == day, TicketEvent.action.in_(("call", "recall")))
            .order_by(TicketEvent.at.desc(), TicketEvent.id.desc())
            .limit(limit)
        )
        return [(t, n, at) for t, n, at in rows]

    def evaluation_of(self, ticket_id: int) -> Evaluation | None:
        return self.session.scalars(select(Evaluation).where(Evaluation.ticket_id == ticket_id)).first()

    def case_of(self, ticket_id: int) -> int | None:
        """The case opened while serving this ticket (the last one, if several)."""
        return self.session.scalar(select(Case.id).where(Case.ticket_id == ticket_id).order_by(Case.id.desc()).limit(1))

    def events_since(self, hall_id: int, day: date, after_id: int, actions: tuple[str, ...] | None,
                     counter_id: int | None) -> list[tuple[TicketEvent, Ticket, int | None]]:
        newer = TicketEvent.id > after_id
        query = (
            select(TicketEvent, Ticket, Counter.number)
            .join(Ticket, Ticket.id == TicketEvent.ticket_id)
            .outerjoin(Counter, Counter.id == TicketEvent.counter_id)
            .where(Ticket.hall_id == hall_id, Ticket.service_date == day, newer)
            .order_by(TicketEvent.id)
            .limit(500)
        )
        if actions:
            query = query.where(TicketEvent.action.in_(actions))
        if counter_id is not None:
            query = query.where(TicketEvent.counter_id == counter_id)
        return [(e, t, n) for e, t, n in self.session.execute(query)]

    def last_event_id(self, hall_id: int) -> int:
        return int(self.session.scalar(
            select(func.max(TicketEvent.id)).join(Ticket, Ticket.id == TicketEvent.ticket_id).where(Ticket.hall_id == hall_id)
        ) or 0)

    def tickets_of_day(self, hall_id: int, day: date) -> list[Ticket]:
        return list(self.session.scalars(select(Ticket).where(Ticket.hall_id == hall_id, Ticket.service_date == day)))

    def evaluations_since(self, since: datetime) -> list[Evaluation]:
        return list(self.session.scalars(select(Evaluation).where(Evaluation.created_at >= since)))

    def add_event(self, ticket: Ticket, action: str, counter_id: int | None, staff_id: int | None, at: datetime) -> None:
        self.session.add(TicketEvent(ticket_id=ticket.id, action=action, counter_id=counter_id, staff_id=staff_id, at=at))
