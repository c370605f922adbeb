"""Queue tickets (号票) and evaluations (好差评)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hallapp.storage.models.base import Base, utcnow


class QueueCategory(Base):
    """A ticket category: its letter prefix and the items it covers (empty = any item)."""

    __tablename__ = "queue_category"
    __table_args__ = (UniqueConstraint("hall_id", "letter"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id"))
    letter: Mapped[str] = mapped_column(String(2))
    name: Mapped[str] = mapped_column(String(40))
    item_codes: Mapped[str] = mapped_column(String(2000), default="")  # comma-separated
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)


class CounterCategory(Base):
    """Which categories a counter serves, in which order (position 0 first)."""

    __tablename__ = "counter_category"

    counter_id: Mapped[int] = mapped_column(ForeignKey("counter.id"), primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("queue_category.id"), primary_key=True)
    position: Mapped[int] = mapped_column(default=0)


class HallSetting(Base):
    """Hall-wide settings shared by every counter, kiosk and display (JSON values): the queue policy
    (queue.*) and, on a shared database, hallapp.config's hall-wide keys (config:*)."""

    __tablename__ = "hall_setting"

    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(2000))
    updated_at: Mapped[datetime | None] = mapped_column(default=None)  # migration 0014
    updated_by: Mapped[str | None] = mapped_column(String(64), default=None)


class TicketSequence(Base):
    """The last number issued per hall, day and category; bumped atomically by an upsert."""

    __tablename__ = "ticket_sequence"

    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id"), primary_key=True)
    service_date: Mapped[date] = mapped_column(primary_key=True)
    category: Mapped[str] = mapped_column(String(2), primary_key=True)
    last: Mapped[int] = mapped_column(default=0)


class Ticket(Base):
    __tablename__ = "ticket"
    __table_args__ = (
        UniqueConstraint("hall_id", "service_date", "number"),
        Index("ix_ticket_waiting", "hall_id", "service_date", "state", "category"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id"))
    service_date: Mapped[date]
    category: Mapped[str] = mapped_column(String(4))
    number: Mapped[str] = mapped_column(String(12))
    priority: Mapped[int] = mapped_column(default=0)
    green_channel: Mapped[bool] = mapped_column(default=False)
    appointment_code: Mapped[str | None] = mapped_column(String(40))
    appointment_start: Mapped[datetime | None]
    appointment_end: Mapped[datetime | None]
    state: Mapped[str] = mapped_column(String(16), default="waiting", index=True)
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counter.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    target_counter_id: Mapped[int | None] = mapped_column(ForeignKey("counter.id"))  # transferred to
    return_counter_id: Mapped[int | None] = mapped_column(ForeignKey("counter.id"))  # comes back here
    recalls: Mapped[int] = mapped_column(default=0)
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    called_at: Mapped[datetime | None]
    serving_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]


class Appointment(Base):
    """A booked visit (预约): checked in at the kiosk by its code or the applicant's ID card.

    The ID number is kept only as a salted hash (matching a card at the kiosk needs no more).
    """

    __tablename__ = "appointment"
    __table_args__ = (UniqueConstraint("hall_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id"))
    code: Mapped[str] = mapped_column(String(40))
    category: Mapped[str] = mapped_column(String(2))
    slot_start: Mapped[datetime]
    slot_end: Mapped[datetime]
    id_number_hash: Mapped[str] = mapped_column(String(64), default="", index=True)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id"))


class TicketEvent(Base):
    """Every move of a ticket, for throughput figures and the display's recent calls."""

    __tablename__ = "ticket_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    action: Mapped[str] = mapped_column(String(16))
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counter.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class Evaluation(Base):
    __tablename__ = "evaluation"
    __table_args__ = (Index("ix_evaluation_created_at", "created_at"),  # a period's evaluations (dashboard)
                      # the month's bad ratings counted from the index alone (the report's follow-up rates)
                      Index("ix_evaluation_level_created", "level", "created_at", "case_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id"), unique=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    level: Mapped[int | None]  # GB/T 39046 A.8: 1 非常满意 … 5 非常不满意; None = no answer
    reason: Mapped[str] = mapped_column(String(400), default="")
    channel: Mapped[str] = mapped_column(String(16), default="hall_tablet")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
