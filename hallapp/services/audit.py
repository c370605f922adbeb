"""Reading the audit log: recent events for the supervisor, the chain check and its anchors.

An anchor is the chain's row count and head hash, signed (the hall's SM2 key, or before the hall is
registered an HMAC under the audit key) and appended as one JSON line to `audit-anchor.jsonl` in the
home, outside the database. A deleted tail or an emptied table leaves a chain that is intact in
itself; only an anchor shows it, so anchors are written on every sync run, at close and on
`hallapp audit anchor`, and `verify()` checks the database against the newest one.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import weakref
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from hallapp.home import Home
from hallapp.storage import Database
from hallapp.storage.repositories import audit as chain
from hallapp.sync import crypto

log = logging.getLogger(__name__)

ANCHOR_FILE = "audit-anchor.jsonl"
ANCHOR_FORMAT = "hallapp-audit-anchor/1"


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    actor: str
    action: str
    subject: str
    detail: str


@dataclass(frozen=True)
class Anchor:
    count: int
    head_id: int
    head_hash: str
    at: str


@dataclass(frozen=True)
class ChainCheck:
    """What the check found; `ok` only when the chain holds and nothing the anchor counted is gone."""

    broken: list[int] = field(default_factory=list)  # rows whose hash or link fails
    missing: int = 0  # rows the newest anchor counted that are no longer there
    head_altered: bool = False  # the anchored head row is gone or no longer has the anchored hash
    anchor: Anchor | None = None
    anchor_problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.broken or self.missing or self.head_altered or self.anchor_problems)

    def describe(self) -> str:
        if self.ok:
            covered = f"; anchored at {self.anchor.count} events" if self.anchor else "; no anchor yet"
            return "audit trail intact" + covered
        parts = []
        if self.broken:
            parts.append(f"{len(self.broken)} events fail the keyed hash check (first id {self.broken[0]})")
        anchor = self.anchor  # missing and head_altered are only ever found against an anchor
        if anchor and self.missing:
            parts.append(f"{self.missing} events counted by the anchor of {anchor.at} are gone")
        elif anchor and self.head_altered:
            parts.append(f"the anchored event {anchor.head_id} was changed")
        parts.extend(self.anchor_problems)
        return "audit trail altered: " + "; ".join(parts) + ": keep this database and its backups for inspection"


_HOMES: weakref.WeakKeyDictionary[Database, Home] = weakref.WeakKeyDictionary()


def attach(db: Database, home: Home) -> None:
    """Key this database's chain with the home's audit key (made on first use), anchors in the home."""
    chain.set_chain_key(db.engine, chain.load_or_create_key(home.keys_dir))
    _HOMES[db] = home


def _home_of(db: Database, home: Home | None) -> Home | None:
    if home is not None:
        return home
    if db in _HOMES:
        return _HOMES[db]
    path = db.sqlite_file  # a hall on one PC: the home is the database file's folder
    if path is not None and (path.parent / "keys").is_dir():
        return Home(path.parent)
    return None


def recent(db: Database, limit: int = 200, action: str | None = None) -> list[AuditRow]:
    with db.unit_of_work() as uow:
        return [AuditRow(e.at, e.actor, e.action, e.subject, e.detail) for e in uow.audit.events(action, limit)]


def broken_links(db: Database) -> list[int]:
    """Ids of audit events that were edited or whose predecessor was removed; when rows counted by the
    anchor are gone (a deleted tail, an emptied table), the anchored head's id is among them too."""
    check = verify(db)
    extra = [check.anchor.head_id] if (check.missing or check.head_altered) and check.anchor else []
    return sorted(set(check.broken + extra)) or ([0] if check.anchor_problems else [])


def verify(db: Database, home: Home | None = None) -> ChainCheck:
    """The chain against itself (keyed hashes, links) and against the newest valid anchor."""
    home = _home_of(db, home)
    if home is not None:
        chain.set_chain_key(db.engine, chain.chain_key(db.engine) or _existing_key(home))
    anchors, problems = read_anchors(home) if home is not None else ([], [])
    anchor = max(anchors, key=lambda a: a.count, default=None)
    with db.unit_of_work() as uow:
        broken = uow.audit.verify()
        if anchor is None:
            return ChainCheck(broken, anchor_problems=problems)
        missing = max(0, anchor.count - uow.audit.count_upto(anchor.head_id))
        altered = uow.audit.hash_of(anchor.head_id) != anchor.head_hash
    return ChainCheck(broken, missing, altered, anchor, problems)


def _existing_key(home: Home) -> chain.ChainKey | None:
    """The home's audit key if it has one (verifying never makes a key: a missing one must show)."""
    return chain.load_or_create_key(home.keys_dir) if (home.keys_dir / chain.KEY_FILE).exists() else None


# --- anchors -------------------------------------------------------------------------------------

def write_anchor(db: Database, home: Home | None = None) -> Anchor | None:
    """Append a signed anchor of the chain's current head (nothing when it did not move since the last)."""
    home = _home_of(db, home)
    if home is None:
        return None
    with db.unit_of_work() as uow:
        head = uow.audit.head()
    anchors, _ = read_anchors(home)
    if anchors and (anchors[-1].count, anchors[-1].head_hash) == (head.count, head.head_hash):
        return anchors[-1]
    at = datetime.now(UTC).isoformat(timespec="seconds")
    body = {"format": ANCHOR_FORMAT, "at": at, "count": head.count, "head_id": head.head_id,
            "head_hash": head.head_hash}
    signer, signature = _sign(home, _canonical(body))
    line = json.dumps({**body, "signer": signer, "sig": signature}, sort_keys=True) + "\n"
    fd = os.open(anchor_path(home), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "a", encoding="ascii") as out:
        out.write(line)
        out.flush()
        os.fsync(out.fileno())
    log.info("audit anchor written: %d events", head.count)
    return Anchor(head.count, head.head_id, head.head_hash, at)


def read_anchors(home: Home) -> tuple[list[Anchor], list[str]]:
    """The anchors whose signature holds, and one line for each that does not."""
    path = anchor_path(home)
    try:
        lines = path.read_text(encoding="ascii").splitlines()
    except FileNotFoundError:
        return [], []
    except (OSError, UnicodeDecodeError):
        return [], [f"the anchor file {path.name} cannot be read"]
    anchors, problems = [], []
    for number, line in enumerate(lines, 1):
        anchor = _parse(home, line)
        if anchor is None:
            problems.append(f"line {number} of {path.name} is not a valid signed anchor")
        else:
            anchors.append(anchor)
    return anchors, problems


def _parse(home: Home, line: str) -> Anchor | None:
    try:
        record = json.loads(line)
        body = {k: record[k] for k in ("format", "at", "count", "head_id", "head_hash")}
        if body["format"] != ANCHOR_FORMAT or not _signed(home, _canonical(body), record["signer"], record["sig"]):
            return None
        return Anchor(int(body["count"]), int(body["head_id"]), str(body["head_hash"]), str(body["at"]))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def _canonical(body: dict) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode("ascii")


def _sign(home: Home, data: bytes) -> tuple[str, str]:
    try:
        key = crypto.load_key(home.keys_dir)
    except crypto.KeyMissingError:
        secret = chain.load_or_create_key(home.keys_dir)
        return f"hmac:{secret.key_id}", hmac.new(secret.secret, data, hashlib.sha256).hexdigest()
    return f"sm2:{key.key_id}", key.sign(data)


def _signed(home: Home, data: bytes, signer: str, signature: str) -> bool:
    kind, _, key_id = str(signer).partition(":")
    if kind == "sm2":
        try:
            key = crypto.load_key(home.keys_dir)
        except (crypto.KeyMissingError, ValueError):
            return False
        return key.key_id == key_id and crypto.verify(key.public_pem, str(signature), data)
    secret = _existing_key(home)
    if kind != "hmac" or secret is None or secret.key_id != key_id:
        return False
    return hmac.compare_digest(hmac.new(secret.secret, data, hashlib.sha256).hexdigest(), str(signature))


def record_restore(db: Database, home: Home, restored_from: str) -> Path | None:
    """After `hallapp db restore`: the events written since the backup are gone on purpose, so the
    anchors that counted them are moved aside (kept, as evidence of what the chain held), the
    restore itself becomes an event, and a fresh anchor starts from the restored chain."""
    attach(db, home)
    old = anchor_path(home)
    kept = None
    if old.exists():
        kept = old.with_name(f"audit-anchor-before-restore-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.jsonl")
        old.replace(kept)
    with db.unit_of_work(write=True) as uow:
        uow.audit.append("database_restored", actor="cli", subject="database", backup=restored_from)
    write_anchor(db, home)
    return kept


def anchor_path(home: Home) -> Path:
    return home.root / ANCHOR_FILE
