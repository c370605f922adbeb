"""Queue tickets (号票) and evaluations (好差评)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hallapp.storage.models.base import Base, utcnow


class Ticket(Base):
    __tablename__ = "ticket"
    __table_args__ = (UniqueConstraint("hall_id", "service_date", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id"))
    service_date: Mapped[date]
    category: Mapped[str] = mapped_column(String(4))
    number: Mapped[str] = mapped_column(String(12))
    priority: Mapped[int] = mapped_column(default=0)
    green_channel: Mapped[bool] = mapped_column(default=False)
    state: Mapped[str] = mapped_column(String(16), default="waiting", index=True)
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counter.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    recalls: Mapped[int] = mapped_column(default=0)
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    called_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]


class Evaluation(Base):
    __tablename__ = "evaluation"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id"), unique=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    level: Mapped[int | None]  # GB/T 39046 A.8: 1 非常满意 … 5 非常不满意; None = no answer
    reason: Mapped[str] = mapped_column(String(400), default="")
    channel: Mapped[str] = mapped_column(String(16), default="hall_tablet")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
