"""Audit events, chained by hash so that an edited or deleted row is detectable.

`scheme` says how `hash` was made: "sha256" (rows written before the hall had an audit key, checked
by that old rule) or "hmac-sha256" (keyed with the hall's audit key, kept outside the database in
keys/audit.key; `key_id` names that key, never the key itself)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hallapp.storage.models.base import Base, utcnow


class AuditEvent(Base):
    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(40), default="")  # staff username, or "system"
    action: Mapped[str] = mapped_column(String(40), index=True)
    subject: Mapped[str] = mapped_column(String(80), default="")  # e.g. "staff:clerk1"
    detail: Mapped[str] = mapped_column(Text, default="{}")  # JSON, never personal data
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    scheme: Mapped[str] = mapped_column(String(16), default="sha256", server_default="sha256")
    key_id: Mapped[str] = mapped_column(String(16), default="", server_default="")
