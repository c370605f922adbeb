"""A supervisor's follow-ups: of bad ratings (差评回访), and of cases that need a supervisor (returned by
the platform, or an outbox entry that needs attention)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from hallapp.storage.models.base import Base, utcnow


class FollowUp(Base):
    """One follow-up of a bad rating: who contacted the applicant when, what came of it and what the
    hall changed. Several per rating when the first call reached nobody."""

    __tablename__ = "follow_up"

    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(ForeignKey("evaluation.id"), index=True)
    contacted_at: Mapped[datetime | None]  # None: nobody to contact (a rating that names no case)
    contacted_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    outcome: Mapped[str] = mapped_column(String(16))  # resolved | explained | unreachable | no_contact
    note: Mapped[str] = mapped_column(String(400), default="")  # what the applicant said
    rectification: Mapped[str] = mapped_column(String(400), default="")  # what the hall changed (整改)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)


class CaseFollowUp(Base):
    """A supervisor's step on a returned case or an outbox entry: contacted, resubmitted, retried, closed."""

    __tablename__ = "case_follow_up"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id"), index=True)
    outbox_entry_id: Mapped[int | None] = mapped_column(ForeignKey("outbox_entry.id"), index=True)
    action: Mapped[str] = mapped_column(String(16))  # contacted | resubmitted | retried | closed
    outcome: Mapped[str] = mapped_column(String(16), default="")  # contacted: reached | unreachable
    note: Mapped[str] = mapped_column(String(400), default="")  # what was said, changed, or why it was closed
    revision: Mapped[int | None]  # resubmitted: the submission's revision (2, 3, …)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
