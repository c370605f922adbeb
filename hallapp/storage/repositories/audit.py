"""Append-only audit log with a hash chain: each event's hash covers the previous one's.

The chain is keyed: with the hall's audit key (32 random bytes in keys/audit.key, 0600, never in
the database) each hash is an HMAC-SHA256, so a person who edits a row cannot recompute the chain.
Rows written before the hall had a key keep the old unkeyed SHA-256 and are checked by that rule;
the first keyed row after them is preceded by an `audit_keyed` event that records the switch-over.
Truncation (deleted tail rows, an emptied table) shows against the anchors (hallapp.services.audit).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from hallapp.storage.key_files import write_once
from hallapp.storage.models import AuditEvent
from hallapp.storage.models.base import utcnow

GENESIS = "0" * 64
LEGACY = "sha256"
KEYED = "hmac-sha256"
KEY_FILE = "audit.key"
SWITCH_ACTION = "audit_keyed"


@dataclass(frozen=True)
class ChainKey:
    secret: bytes

    @property
    def key_id(self) -> str:
        """Names the key in each row (a one-way tag: the key cannot be recovered from it)."""
        return hashlib.sha256(b"hallapp-audit-key-id|" + self.secret).hexdigest()[:16]


@dataclass(frozen=True)
class ChainHead:
    count: int
    head_id: int
    head_hash: str


def load_or_create_key(keys_dir: Path) -> ChainKey:
    """The hall's audit key, made (0600) on first use."""
    path = keys_dir / KEY_FILE
    if not path.exists():
        keys_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_once(path, secrets.token_bytes(32))  # or another engine of this home made it just now
    secret = path.read_bytes()
    if len(secret) != 32:
        raise ValueError(f"{path} is not a hallapp audit key (32 bytes)")
    return ChainKey(secret)


# The key of each engine, set by hallapp.services.audit.attach (the repository is built per unit of work).
_KEYS: weakref.WeakKeyDictionary[Engine, ChainKey] = weakref.WeakKeyDictionary()


def set_chain_key(engine: Engine, key: ChainKey | None) -> None:
    if key is None:
        _KEYS.pop(engine, None)
    else:
        _KEYS[engine] = key


def chain_key(engine: Engine) -> ChainKey | None:
    """The attached key; for a SQLite file in a home (keys/ beside it), that home's key."""
    key = _KEYS.get(engine)
    if key is None and engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:"):
        keys_dir = Path(engine.url.database).parent / "keys"
        if keys_dir.is_dir():
            key = _KEYS[engine] = load_or_create_key(keys_dir)
    return key


def event_hash(prev_hash: str, at: datetime, actor: str, action: str, subject: str, detail: str) -> str:
    """The old, unkeyed rule (rows written before the hall had an audit key)."""
    return hashlib.sha256(_body(prev_hash, at, actor, action, subject, detail)).hexdigest()


def keyed_hash(key: ChainKey, prev_hash: str, at: datetime, actor: str, action: str, subject: str,
               detail: str) -> str:
    body = b"hallapp-audit/2|" + key.key_id.encode("ascii") + b"|" + _body(prev_hash, at, actor, action, subject, detail)
    return hmac.new(key.secret, body, hashlib.sha256).hexdigest()


def _body(prev_hash: str, at: datetime, actor: str, action: str, subject: str, detail: str) -> bytes:
    stamp = at.replace(tzinfo=None).isoformat(timespec="microseconds")
    return json.dumps([prev_hash, stamp, actor, action, subject, detail], ensure_ascii=False).encode("utf-8")


class AuditLog:
    def __init__(self, session: Session, dialect: str) -> None:
        self.session = session
        self.dialect = dialect

    @property
    def key(self) -> ChainKey | None:
        return chain_key(self.session.get_bind().engine)  # the bind may be a Connection; keys hang on the Engine

    def append(self, action: str, *, actor: str = "system", subject: str = "", **detail: Any) -> AuditEvent:
        """Record one event. Callers pass no personal data in `detail` (no ID numbers, names)."""
        if self.dialect == "postgresql":
            # Counters append concurrently; without this two events could chain off one parent.
            self.session.execute(text("SELECT pg_advisory_xact_lock(7242025)"))
        last = self.session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).first()
        key = self.key
        if key is not None and last is not None and last.scheme == LEGACY:
            legacy = self.session.scalar(select(func.count()).select_from(AuditEvent))
            last = self._add(SWITCH_ACTION, "system", "", json.dumps({"key_id": key.key_id, "legacy_rows": legacy},
                                                                     sort_keys=True), last, key)
        detail_json = json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str)
        return self._add(action, actor, subject, detail_json, last, key)

    def _add(self, action: str, actor: str, subject: str, detail_json: str, last: AuditEvent | None,
             key: ChainKey | None) -> AuditEvent:
        prev, at = (last.hash if last else GENESIS), utcnow()
        if key is None:
            scheme, key_id, digest = LEGACY, "", event_hash(prev, at, actor, action, subject, detail_json)
        else:
            scheme, key_id = KEYED, key.key_id
            digest = keyed_hash(key, prev, at, actor, action, subject, detail_json)
        event = AuditEvent(at=at, actor=actor, action=action, subject=subject, detail=detail_json, prev_hash=prev,
                           hash=digest, scheme=scheme, key_id=key_id)
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
        """Ids of events whose hash or link does not hold: empty when the chain is intact.

        A keyed row needs this hall's key (another key, or none here, fails); an unkeyed row after the
        first keyed one fails too (that would be a downgrade to a rule anyone can recompute).
        """
        broken: list[int] = []
        prev, key, keyed_seen = GENESIS, self.key, False
        for ev in self._all():
            keyed_seen = keyed_seen or ev.scheme != LEGACY
            if ev.prev_hash != prev or ev.hash != self._expected(ev, prev, key, keyed_seen):
                broken.append(ev.id)
            prev = ev.hash
        return broken

    @staticmethod
    def _expected(ev: AuditEvent, prev: str, key: ChainKey | None, keyed_seen: bool) -> str | None:
        if ev.scheme == LEGACY:
            return None if keyed_seen else event_hash(prev, ev.at, ev.actor, ev.action, ev.subject, ev.detail)
        if ev.scheme != KEYED or key is None or ev.key_id != key.key_id:
            return None
        return keyed_hash(key, prev, ev.at, ev.actor, ev.action, ev.subject, ev.detail)

    def head(self) -> ChainHead:
        """Row count and the newest row: what an anchor signs."""
        count = self.session.scalar(select(func.count()).select_from(AuditEvent)) or 0
        last = self.session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).first()
        return ChainHead(count, last.id if last else 0, last.hash if last else GENESIS)

    def hash_of(self, event_id: int) -> str | None:
        return self.session.scalar(select(AuditEvent.hash).where(AuditEvent.id == event_id))

    def count_upto(self, event_id: int) -> int:
        return self.session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.id <= event_id)) or 0

    def keys_in_use(self) -> set[str]:
        return set(self.session.scalars(select(AuditEvent.key_id).where(AuditEvent.scheme != LEGACY).distinct()))

    def _all(self) -> Iterable[AuditEvent]:
        return self.session.scalars(select(AuditEvent).order_by(AuditEvent.id)).yield_per(500)
