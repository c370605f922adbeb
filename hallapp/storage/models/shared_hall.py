"""What lets several PCs of one hall work as one system on a shared database."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from hallapp.storage.models.base import Base, utcnow


class MaterialBlob(Base):
    """One scanned material, already encrypted by the material store (never the plain PDF): on a shared
    PostgreSQL database the PC that sends is rarely the one that scanned. SQLite halls keep files."""

    __tablename__ = "material_blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)  # of the plain PDF
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int] = mapped_column()  # of the sealed bytes, for retention's report
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CounterPresence(Base):
    """A heartbeat per PC (installation): which counter it is set to, who is logged in, when it was last seen."""

    __tablename__ = "counter_presence"
    __table_args__ = (Index("ix_counter_presence_counter", "counter_number"),)

    installation: Mapped[str] = mapped_column(String(32), primary_key=True)
    host: Mapped[str] = mapped_column(String(64), default="")
    role: Mapped[str] = mapped_column(String(16), default="counter")  # counter | kiosk | sync
    counter_number: Mapped[int | None] = mapped_column(default=None)
    staff_username: Mapped[str | None] = mapped_column(String(64), default=None)
    last_seen: Mapped[datetime] = mapped_column(default=utcnow)
