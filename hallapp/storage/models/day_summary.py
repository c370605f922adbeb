"""A closed day's dashboard and report figures, computed once from that day's rows (issue 13)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hallapp.storage.models.base import Base, utcnow


class DaySummary(Base):
    """One row per hall, service day and payload format. `mark` fingerprints the day's rows when the
    payload was computed: a differing mark on read means the day changed and is computed again."""

    __tablename__ = "day_summary"
    __table_args__ = (UniqueConstraint("hall_id", "service_day", "format"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id"))
    service_day: Mapped[date]
    format: Mapped[int]
    mark: Mapped[str] = mapped_column(String(1000))
    payload: Mapped[str] = mapped_column(Text)  # JSON; see hallapp/services/day_summaries.py
    computed_at: Mapped[datetime] = mapped_column(default=utcnow)
