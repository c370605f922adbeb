"""What the platform simulator holds: halls and keys, cases, materials, status updates (SQLite
plus material files in one directory). One lock serialises every change."""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from hallapp.sync import crypto

SCHEMA = """
CREATE TABLE IF NOT EXISTS hall_key (key_id TEXT PRIMARY KEY, hall_code TEXT, public_pem TEXT, transport_key BLOB);
CREATE TABLE IF NOT EXISTS sim_case (client_id TEXT PRIMARY KEY, hall_code TEXT, case_number TEXT, payload_sha256 TEXT,
    payload TEXT, state TEXT, receipt TEXT, status TEXT DEFAULT '', status_at REAL DEFAULT 0, created_at REAL);
CREATE TABLE IF NOT EXISTS material (hall_code TEXT, sha256 TEXT, size INTEGER, received INTEGER, complete INTEGER,
    PRIMARY KEY (hall_code, sha256));
CREATE TABLE IF NOT EXISTS status_update (seq INTEGER PRIMARY KEY AUTOINCREMENT, hall_code TEXT, client_id TEXT,
    case_number TEXT, status TEXT, reason TEXT, waybill TEXT, at TEXT);
"""
PROGRESS = {"": "received", "received": "in_process", "in_process": "completed", "completed": "result_mailed"}
STAT_KEYS = ("requests", "cases_received", "duplicates", "replays", "conflicts", "commits", "materials_received",
             "material_bytes", "hash_mismatches", "bad_signatures", "faults_injected", "resets_injected")


# The case record's fields as docs/platform-api.md ("The case record") states them: the kind each must be.
TEXT, STR, INT, BOOL, TIME = "string", "non-empty string", "integer >= 0", "boolean", "YYYYMMDDThhmmss"
GBT_TIME, GBT_DATE, HEX64 = re.compile(r"[0-9]{8}T[0-9]{6}"), re.compile(r"[0-9]{8}"), re.compile(r"[0-9a-f]{64}")
HALL = {"code": STR, "name": STR, "region_code": STR}
PERSON = {"name": STR, "certificate_type": STR, "certificate_number": STR, "phone": TEXT, "address": TEXT}
APPLICATION = {"case_number": STR, "implementation_code": STR, "item_name": STR, "case_type": ("1", "2", "9"),
               "source": STR, "application_time": TIME, "region_code": STR, "handling_region_code": STR}
ACCEPTANCE = {"case_number": STR, "implementation_code": STR, "accepting_body": STR, "accepting_body_code": STR,
              "clerk": STR, "time": TIME, "document_number": STR, "promised_time": TIME, "region_code": STR,
              "with_gap": BOOL}
MATERIAL = {"position": INT, "name": STR, "collected": BOOL, "status": ("captured", "missing", "incorrect"),
            "form": ("1", "2", "3"), "copies": INT, "pages": INT, "sha256": TEXT}
DELIVERY = {"method": ("window", "mail"), "address": TEXT}
SOURCE_WINDOW, SOURCE_LICENCE = "window", "licence"  # a material's `source`
LICENCE_FIELDS = ("issuer", "licence_number")  # exactly when the source is licence


def _fits(value: Any, kind: str | tuple[str, ...]) -> bool:
    if isinstance(kind, tuple):
        return value in kind
    if kind == INT:
        return isinstance(value, int) and not isinstance(value, bool) and value >= 0
    if kind == BOOL:
        return isinstance(value, bool)
    if kind == TIME:
        return isinstance(value, str) and GBT_TIME.fullmatch(value) is not None
    return isinstance(value, str) and (kind == TEXT or bool(value.strip()))


def _fields(obj: Any, spec: dict[str, Any], where: str) -> list[str]:
    if not isinstance(obj, dict):
        return [where]
    return [f"{where}.{name}" for name, kind in spec.items() if name not in obj or not _fits(obj[name], kind)]


def _material(m: Any, where: str) -> list[str]:
    bad = _fields(m, MATERIAL, where)
    if not bad and not (HEX64.fullmatch(m["sha256"]) if m["collected"] else m["sha256"] == ""):
        bad.append(f"{where}.sha256")  # 64 hex exactly when collected, else ""
    return bad + (_source(m, where) if isinstance(m, dict) else [])


def _source(m: dict[str, Any], where: str) -> list[str]:
    """`source` may be absent (a record written before it existed: window); a licence names its
    issuer and number, non-empty, and a window material has neither."""
    source = m.get("source", SOURCE_WINDOW)
    if source not in (SOURCE_WINDOW, SOURCE_LICENCE):
        return [f"{where}.source"]
    if source == SOURCE_LICENCE:
        return [f"{where}.{name}" for name in LICENCE_FIELDS if not _fits(m.get(name), STR)]
    return [f"{where}.{name}" for name in LICENCE_FIELDS if name in m]


def record_problems(record: Any) -> list[str]:
    """Dotted names of the fields that break the document's rules (none: the record is accepted)."""
    if not isinstance(record, dict):
        return ["record"]
    bad = [] if record.get("schema") == "hallapp.case/1" else ["schema"]
    bad += [] if isinstance(record.get("client_id"), str) else ["client_id"]
    bad += _fields(record.get("hall"), HALL, "hall")
    application = record.get("application")
    bad += _fields(application, APPLICATION, "application")
    if isinstance(application, dict):
        bad += _fields(application.get("applicant"), PERSON, "application.applicant")
        if "agent" not in application or application["agent"] is not None:
            bad += _fields(application.get("agent"), PERSON, "application.agent")
    acceptance = record.get("acceptance")
    bad += _fields(acceptance, ACCEPTANCE, "acceptance")
    if isinstance(acceptance, dict) and isinstance(acceptance.get("with_gap"), bool):
        due = acceptance.get("gap_due_date")
        if acceptance["with_gap"] != (due is not None) or (due is not None and not GBT_DATE.fullmatch(str(due))):
            bad.append("acceptance.gap_due_date")  # a date exactly when with_gap
    materials = record.get("materials")
    if not isinstance(materials, list):
        bad.append("materials")
    else:
        bad += [f for i, m in enumerate(materials) for f in _material(m, f"materials[{i}]")]
    delivery = record.get("delivery")
    bad += _fields(delivery, DELIVERY, "delivery")
    if isinstance(delivery, dict) and delivery.get("method") == "mail" and not str(delivery.get("address", "")).strip():
        bad.append("delivery.address")
    return bad


class _Locked:
    """The simulator's one sqlite3 connection, every call under the store's lock: request threads can
    outlive the server's shutdown, and a connection closed while another thread is inside execute()
    crashes the interpreter (not an exception) — seen in the one-process test suite."""

    def __init__(self, conn: sqlite3.Connection, lock: threading.RLock) -> None:
        self._conn, self._lock = conn, lock

    def execute(self, sql: str, args: Any = ()) -> sqlite3.Cursor:
        with self._lock:
            return self._conn.execute(sql, args)

    def executemany(self, sql: str, rows: Any) -> sqlite3.Cursor:
        with self._lock:
            return self._conn.executemany(sql, rows)

    def executescript(self, script: str) -> sqlite3.Cursor:
        with self._lock:
            return self._conn.executescript(script)

    def close(self) -> None:
        with self._lock:
            self._conn.close()


class SimError(Exception):
    def __init__(self, status: int, error: str, **extra: Any) -> None:
        super().__init__(error)
        self.status, self.error, self.extra = status, error, extra


class SimStore:
    def __init__(self, directory: Path) -> None:
        self.dir = directory
        (directory / "materials").mkdir(parents=True, exist_ok=True)
        self.lock = threading.RLock()
        self.db = _Locked(sqlite3.connect(directory / "platform.sqlite3", check_same_thread=False, isolation_level=None),
                          self.lock)
        self.db.executescript("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;" + SCHEMA)
        self.stats = dict.fromkeys(STAT_KEYS, 0)

    def bump(self, key: str, n: int = 1) -> None:
        with self.lock:
            self.stats[key] += n

    def one(self, sql: str, *args: Any) -> tuple | None:
        with self.lock:  # the fetch too: close() must not run between execute and fetch
            return self.db.execute(sql, args).fetchone()

    def _payload(self, sql: str, client_id: str) -> dict[str, Any]:
        """The stored payload of a case or record just read under the same lock (absent: not found)."""
        row = self.one(sql, client_id)
        if row is None:
            raise SimError(404, "not_found")
        return json.loads(row[0])

    # --- halls -------------------------------------------------------------------------------

    def register(self, hall_code: str, public_pem: str) -> tuple[str, bytes]:
        kid = crypto.key_id(public_pem)
        with self.lock:
            row = self.one("SELECT transport_key FROM hall_key WHERE key_id=?", kid)
            if row:
                return kid, row[0]
            transport = secrets.token_bytes(16)
            self.db.execute("INSERT INTO hall_key VALUES (?,?,?,?)", (kid, hall_code, public_pem, transport))
            return kid, transport

    def hall_key(self, kid: str) -> tuple[str, str, bytes] | None:
        with self.lock:
            return self.one("SELECT hall_code, public_pem, transport_key FROM hall_key WHERE key_id=?", kid)

    # --- cases -------------------------------------------------------------------------------

    def put_case(self, hall: str, client_id: str, payload: bytes) -> tuple[int, dict[str, Any]]:
        digest = hashlib.sha256(payload).hexdigest()
        try:
            record = json.loads(payload)
        except (ValueError, UnicodeDecodeError) as exc:
            raise SimError(422, "invalid", detail="not JSON", fields=["record"]) from exc
        problems = record_problems(record)
        if problems:
            raise SimError(422, "invalid", detail="fields missing, empty or of the wrong kind", fields=problems)
        if record["client_id"] != client_id:
            raise SimError(422, "invalid", detail="client_id differs from the address", fields=["client_id"])
        number = record["application"]["case_number"]
        with self.lock:
            row = self.one("SELECT payload_sha256, hall_code FROM sim_case WHERE client_id=?", client_id)
            if row:
                if row[0] != digest or row[1] != hall:
                    self.stats["conflicts"] += 1
                    raise SimError(409, "conflict", detail="different data under this client id")
                self.stats["replays"] += 1
                return 200, self.case(client_id)
            if self.one("SELECT 1 FROM sim_case WHERE case_number=? AND hall_code=?", number, hall):
                self.stats["duplicates"] += 1
            self.db.execute("INSERT INTO sim_case (client_id, hall_code, case_number, payload_sha256, payload, state, "
                            "receipt, created_at) VALUES (?,?,?,?,?,?,?,?)",
                            (client_id, hall, number, digest, payload.decode("utf-8"), "open", "", time.time()))
            self.stats["cases_received"] += 1
            return 201, self.case(client_id)

    def case(self, client_id: str, hall: str | None = None) -> dict[str, Any]:
        row = self.one("SELECT client_id, state, payload_sha256, receipt, hall_code FROM sim_case WHERE client_id=?",
                       client_id)
        if row is None or (hall is not None and row[4] != hall):
            raise SimError(404, "not_found")
        return {"client_id": row[0], "state": row[1], "payload_sha256": row[2], "receipt": row[3]}

    def commit(self, hall: str, client_id: str, payload_sha256: str, materials: list[str]) -> dict[str, Any]:
        with self.lock:
            case = self.case(client_id, hall)
            if case["payload_sha256"] != payload_sha256:
                self.stats["conflicts"] += 1
                raise SimError(409, "conflict", detail="payload hash differs")
            if case["state"] == "committed":
                return case
            payload = self._payload("SELECT payload FROM sim_case WHERE client_id=?", client_id)
            wanted = {m["sha256"] for m in payload["materials"] if m.get("sha256")} | set(materials)
            missing = [s for s in sorted(wanted) if not self.material_complete(hall, s)]
            if missing:
                raise SimError(409, "materials_missing", missing=missing)
            receipt = f"P{int(time.time())}{secrets.token_hex(3).upper()}"
            self.db.execute("UPDATE sim_case SET state='committed', receipt=?, status_at=? WHERE client_id=?",
                            (receipt, time.time(), client_id))
            self.stats["commits"] += 1
            return self.case(client_id)

    # --- materials ---------------------------------------------------------------------------

    def material_path(self, hall: str, sha256: str) -> Path:
        return self.dir / "materials" / hall / f"{sha256}.part"

    def material_complete(self, hall: str, sha256: str) -> bool:
        row = self.one("SELECT complete FROM material WHERE hall_code=? AND sha256=?", hall, sha256)
        return bool(row and row[0])

    def material(self, hall: str, sha256: str) -> dict[str, Any]:
        row = self.one("SELECT size, received, complete FROM material WHERE hall_code=? AND sha256=?", hall, sha256)
        if row is None:
            raise SimError(404, "not_found")
        return {"sha256": sha256, "size": row[0], "received": row[1], "complete": bool(row[2])}

    def put_chunk(self, hall: str, sha256: str, offset: int, total: int, chunk: bytes) -> dict[str, Any]:
        with self.lock:
            row = self.one("SELECT size, received, complete FROM material WHERE hall_code=? AND sha256=?", hall, sha256)
            if row and row[2]:
                return self.material(hall, sha256)
            if row and row[0] != total:  # another X-Upload-Length: only a fresh start at 0 may change it
                if offset != 0:
                    raise SimError(409, "length_mismatch", size=row[0], received=row[1])
                self._discard(hall, sha256)
                row = None
            received = row[1] if row else 0
            if offset != received:
                raise SimError(409, "offset_mismatch", received=received)
            if offset + len(chunk) > total:
                raise SimError(422, "invalid", detail="the chunk runs past X-Upload-Length")
            path = self.material_path(hall, sha256)
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "r+b" if offset else "wb") as out:
                out.seek(offset)
                out.write(chunk)
            received = offset + len(chunk)
            self.stats["material_bytes"] += len(chunk)
            self.db.execute("INSERT OR REPLACE INTO material VALUES (?,?,?,?,0)", (hall, sha256, total, received))
            if received == total:
                self._finish(hall, sha256, path)
            return self.material(hall, sha256)

    def _discard(self, hall: str, sha256: str) -> None:
        self.material_path(hall, sha256).unlink(missing_ok=True)
        self.db.execute("DELETE FROM material WHERE hall_code=? AND sha256=?", (hall, sha256))

    def _finish(self, hall: str, sha256: str, path: Path) -> None:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != sha256:
            self.stats["hash_mismatches"] += 1
            self._discard(hall, sha256)
            raise SimError(422, "hash_mismatch", detail="SHA-256 of the received bytes differs; upload discarded")
        path.replace(path.with_suffix(".pdf"))
        self.db.execute("UPDATE material SET complete=1 WHERE hall_code=? AND sha256=?", (hall, sha256))
        self.stats["materials_received"] += 1

    # --- status updates ------------------------------------------------------------------------

    def add_status(self, client_id: str, status: str, reason: str = "", waybill: str = "") -> dict[str, Any]:
        with self.lock:
            row = self.one("SELECT hall_code, case_number FROM sim_case WHERE client_id=?", client_id)
            if row is None:
                raise SimError(404, "not_found")
            at = time.strftime("%Y%m%dT%H%M%S", time.gmtime(time.time() + 8 * 3600))
            cur = self.db.execute("INSERT INTO status_update (hall_code, client_id, case_number, status, reason, waybill, at)"
                                  " VALUES (?,?,?,?,?,?,?)", (row[0], client_id, row[1], status, reason, waybill, at))
            self.db.execute("UPDATE sim_case SET status=?, status_at=? WHERE client_id=?", (status, time.time(), client_id))
            return {"seq": cur.lastrowid, "status": status}

    def updates(self, hall: str, since: int, limit: int) -> dict[str, Any]:
        with self.lock:
            rows = self.db.execute("SELECT seq, client_id, case_number, status, reason, waybill, at FROM status_update "
                                   "WHERE hall_code=? AND seq>? ORDER BY seq LIMIT ?", (hall, since, limit)).fetchall()
        keys = ("seq", "client_id", "case_number", "status", "reason", "waybill", "at")
        updates = [dict(zip(keys, r, strict=True)) for r in rows]
        return {"updates": updates, "next": updates[-1]["seq"] if updates else since}

    def progress(self, step_s: float) -> int:
        """Move committed cases one state on (auto-progress); returns how many moved."""
        with self.lock:
            rows = self.db.execute("SELECT client_id, status FROM sim_case WHERE state='committed' AND status_at<=? "
                                   "AND status!='result_mailed'", (time.time() - step_s,)).fetchall()
            for client_id, status in rows:
                target = PROGRESS[status]
                waybill = "SF" + secrets.token_hex(5).upper() if target == "result_mailed" else ""
                self.add_status(client_id, target, waybill=waybill)
            return len(rows)

    def cases(self) -> list[dict[str, Any]]:
        with self.lock:
            rows = self.db.execute("SELECT client_id, hall_code, case_number, state, status, payload FROM sim_case").fetchall()
            out = []
            for client_id, hall, number, state, status, payload in rows:
                hashes = [m["sha256"] for m in json.loads(payload)["materials"] if m.get("sha256")]
                out.append({"client_id": client_id, "case_number": number, "state": state, "status": status,
                            "materials": {h: self.material_complete(hall, h) for h in hashes}})
            return out

    # --- records besides the case (docs/platform-api.md "Records besides the case") -------------

    RECORDS_TABLE = """CREATE TABLE IF NOT EXISTS sim_record (client_id TEXT PRIMARY KEY, hall_code TEXT, kind TEXT,
        case_number TEXT, payload_sha256 TEXT, payload TEXT, state TEXT, receipt TEXT, created_at REAL)"""

    def _bump_record(self, key: str) -> None:
        self.stats[key] = self.stats.get(key, 0) + 1  # counters of records appear with the first one

    def put_record(self, hall: str, client_id: str, payload: bytes) -> tuple[int, dict[str, Any]]:
        """Hold a record once per client id; one that brings no material is committed at once."""
        entry = self._valid_record(client_id, payload)
        digest = hashlib.sha256(payload).hexdigest()
        with self.lock:
            self.db.execute(self.RECORDS_TABLE)
            row = self.one("SELECT payload_sha256, hall_code FROM sim_record WHERE client_id=?", client_id)
            if row:
                if row[0] != digest or row[1] != hall:
                    self.stats["conflicts"] += 1
                    raise SimError(409, "conflict", detail="different data under this client id")
                self._bump_record("record_replays")
                return 200, self.record(client_id, hall)
            if not self.one("SELECT 1 FROM sim_case WHERE case_number=? AND hall_code=? AND state='committed'",
                            entry["case_number"], hall):
                raise SimError(422, "unknown_case", detail="no committed case with this case_number for this hall")
            self.db.execute("INSERT INTO sim_record VALUES (?,?,?,?,?,?,?,?,?)",
                            (client_id, hall, entry["kind"], entry["case_number"], digest, payload.decode("utf-8"),
                             "open", "", time.time()))
            self._bump_record("records_received")
            if not entry["materials"]:
                return 201, self._commit_record(client_id, hall)
            return 201, self.record(client_id, hall)

    @staticmethod
    def _valid_record(client_id: str, payload: bytes) -> dict[str, Any]:
        from hallapp.sync import records  # the record rules, as the document states them

        try:
            entry = json.loads(payload)
        except (ValueError, UnicodeDecodeError) as exc:
            raise SimError(422, "invalid", detail="not JSON", fields=["record"]) from exc
        if not isinstance(entry, dict) or entry.get("schema") != records.RECORD_SCHEMA:
            raise SimError(422, "invalid", detail="not a hallapp.record/1", fields=["schema"])
        if entry.get("kind") not in records.RECORD_KINDS or not isinstance(entry.get("materials"), list):
            raise SimError(422, "invalid", detail="kind or materials", fields=["kind", "materials"])
        if entry.get("client_id") != client_id:
            raise SimError(422, "invalid", detail="client_id differs from the address", fields=["client_id"])
        missing = records.record_empty_fields(entry)
        if missing:
            raise SimError(422, "invalid", detail="fields missing or empty", fields=missing)
        return entry

    def record(self, client_id: str, hall: str | None = None) -> dict[str, Any]:
        with self.lock:
            self.db.execute(self.RECORDS_TABLE)
            row = self.one("SELECT client_id, state, payload_sha256, receipt, hall_code FROM sim_record WHERE client_id=?",
                           client_id)
        if row is None or (hall is not None and row[4] != hall):
            raise SimError(404, "not_found")
        return {"client_id": row[0], "state": row[1], "payload_sha256": row[2], "receipt": row[3]}

    def commit_record(self, hall: str, client_id: str, payload_sha256: str, materials: list[str]) -> dict[str, Any]:
        with self.lock:
            held = self.record(client_id, hall)
            if held["payload_sha256"] != payload_sha256:
                self.stats["conflicts"] += 1
                raise SimError(409, "conflict", detail="payload hash differs")
            if held["state"] == "committed":
                return held
            payload = self._payload("SELECT payload FROM sim_record WHERE client_id=?", client_id)
            wanted = {m["sha256"] for m in payload["materials"] if m.get("sha256")} | set(materials)
            missing = [s for s in sorted(wanted) if not self.material_complete(hall, s)]
            if missing:
                raise SimError(409, "materials_missing", missing=missing)
            return self._commit_record(client_id, hall)

    def _commit_record(self, client_id: str, hall: str) -> dict[str, Any]:
        receipt = f"R{int(time.time())}{secrets.token_hex(3).upper()}"
        self.db.execute("UPDATE sim_record SET state='committed', receipt=? WHERE client_id=?", (receipt, client_id))
        self._bump_record("records_committed")
        return self.record(client_id, hall)

    def records(self) -> list[dict[str, Any]]:
        """Every record held (for tests and `/_sim` readers): client id, kind, case number, state."""
        with self.lock:
            self.db.execute(self.RECORDS_TABLE)
            rows = self.db.execute("SELECT client_id, kind, case_number, state, payload FROM sim_record").fetchall()
        return [{"client_id": c, "kind": k, "case_number": n, "state": s, "record": json.loads(p)["record"]}
                for c, k, n, s, p in rows]
