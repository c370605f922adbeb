"""The transactional outbox: what must reach the national platform, written with the case.

Also the sync engine's small key/value state (status pull-back cursor, last error seen by any
engine on this database) and the platform's status updates as they were received.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from hallapp.storage.models.base import Base, utcnow
from hallapp.storage.sealing import SealedText


class OutboxEntry(Base):
    __tablename__ = "outbox_entry"
    __table_args__ = (Index("ix_outbox_entry_due", "state", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id"))
    case_number: Mapped[str] = mapped_column(String(50), default="", server_default="", index=True)
    kind: Mapped[str] = mapped_column(String(24))
    client_id: Mapped[str] = mapped_column(String(64), unique=True)
    payload: Mapped[str] = mapped_column(SealedText("outbox_entry.payload"))  # names, ID numbers: sealed whole
    payload_sha256: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_error: Mapped[str] = mapped_column(String(400), default="")
    lease_owner: Mapped[str | None] = mapped_column(String(64))
    lease_until: Mapped[datetime | None]
    bytes_total: Mapped[int] = mapped_column(default=0, server_default="0")
    bytes_done: Mapped[int] = mapped_column(default=0, server_default="0")
    receipt: Mapped[str] = mapped_column(String(80), default="", server_default="")
    confirmed_at: Mapped[datetime | None]
    exported_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class SyncState(Base):
    """Small shared facts of the sync engines on this database (cursor, last blocking error)."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(400), default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class PlatformUpdate(Base):
    """A status update the platform sent back for one of this hall's cases (applied or not)."""

    __tablename__ = "platform_update"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(unique=True)
    client_id: Mapped[str] = mapped_column(String(64), index=True)
    case_number: Mapped[str] = mapped_column(String(50), index=True)
    status: Mapped[str] = mapped_column(String(24))
    reason: Mapped[str] = mapped_column(String(400), default="")
    waybill: Mapped[str] = mapped_column(String(40), default="")
    at: Mapped[str] = mapped_column(String(15), default="")  # GB/T 39046 YYYYMMDDThhmmss
    outcome: Mapped[str] = mapped_column(String(40), default="")  # applied | already | skipped: why
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
