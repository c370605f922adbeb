"""Append-only audit log with a hash chain: each event's hash covers the previous one's."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from hallapp.storage.models import AuditEvent
from hallapp.storage.models.base import utcnow

GENESIS = "0" * 64


def event_hash(prev_hash: str, at: datetime, actor: str, action: str, subject: str, detail: str) -> str:
    stamp = at.replace(tzinfo=None).isoformat(timespec="microseconds")
    body = json.dumps([prev_hash, stamp, actor, action, subject, detail], ensure_ascii=False)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


class AuditLog:
    def __init__(self, session: Session, dialect: str) -> None:
        self.session = session
        self.dialect = dialect

    def append(self, action: str, *, actor: str = "system", subject: str = "", **detail: Any) -> AuditEvent:
        """Record one event. Callers pass no personal data in `detail` (no ID numbers, names)."""
        if self.dialect == "postgresql":
            # Counters append concurrently; without this two events could chain off one parent.
            self.session.execute(text("SELECT pg_advisory_xact_lock(7242025)"))
        last = self.session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).first()
        prev = last.hash if last else GENESIS
        at = utcnow()
        detail_json = json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str)
        event = AuditEvent(
            at=at,
            actor=actor,
            action=action,
            subject=subject,
            detail=detail_json,
            prev_hash=prev,
            hash=event_hash(prev, at, actor, action, subject, detail_json),
        )
        self.session.add(event)
        self.session.flush()
        return event

    def events(self, action: str | None = None, limit: int = 200) -> list[AuditEvent]:
        query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
        if action:
            query = query.where(AuditEvent.action == action)
        return list(self.session.scalars(query))

    def for_subject(self, subject: str, action: str | None = None) -> list[AuditEvent]:
        """One subject's events (`case:<number>`), oldest first."""
        query = select(AuditEvent).where(AuditEvent.subject == subject).order_by(AuditEvent.id)
        if action:
            query = query.where(AuditEvent.action == action)
        return list(self.session.scalars(query))

    def verify(self) -> list[int]:
        """Ids of events whose hash or link does not hold: empty when the chain is intact."""
        broken: list[int] = []
        prev = GENESIS
        for ev in self._all():
            expected = event_hash(prev, ev.at, ev.actor, ev.action, ev.subject, ev.detail)
            if ev.prev_hash != prev or ev.hash != expected:
                broken.append(ev.id)
            prev = ev.hash
        return broken

    def _all(self) -> Iterable[AuditEvent]:
        return self.session.scalars(select(AuditEvent).order_by(AuditEvent.id)).yield_per(500)
