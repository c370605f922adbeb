"""Scanned materials: content-addressed by the PDF's SHA-256 and encrypted at rest.

Each scan is AES-256-GCM with a key kept in the home's keys/ folder (mode 0600, never in the
database); the recorded hash is that of the plain PDF, which is what the platform checks.
Storing the same PDF twice is harmless: same address, same bytes.

Where the sealed bytes live: a SQLite hall (one PC) keeps files in the home's materials/ folder; a
hall on a shared PostgreSQL database keeps them in its `material_blob` table, so that whichever PC
sends (normally the one sync daemon) can read what any counter scanned. Every PC of such a hall
holds the same keys/materials.key (`hallapp keys export` / `keys import`). A file left by an older
version on this PC is still read.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import threading
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from hallapp.config import SettingsError, load_settings
from hallapp.domain.errors import CodedError, register
from hallapp.home import Home
from hallapp.storage import Database
from hallapp.storage.key_files import write_once

KEY_FILE = "materials.key"
NONCE_SIZE = 12


class MaterialStoreError(CodedError):
    """A stored material is missing or does not match its hash: coded, worded at the edge
    (ui/refusals.py); `str()` is English for logs, the command line and the outbox's last error."""


register({
    "material.missing": "The scan {sha} is missing from this PC: restore the home folder's backup, or scan the "
                        "paper again.",
    "material.missing_shared": "The scan {sha} is neither in the shared database nor on this PC: it may be kept only "
                               "on the PC that scanned it with an older version; a technician checks that PC.",
    "material.damaged": "The scan {sha} is damaged or was altered: scan the paper again.",
    "material.damaged_shared": "The scan {sha} cannot be opened: it is damaged, or this PC lacks the hall's keys "
                               "(run `hallapp keys import` with the hall's keys file).",
    "material.hash_mismatch": "The scan {sha} does not match its recorded hash: scan the paper again.",
})


_ATTACHED: dict[Path, Database] = {}
_OPENED: dict[tuple[Path, str], Database] = {}
_LOCK = threading.Lock()


def attach(db: Database, home: Home) -> None:
    """Tell the store which database this home's process works on (the composition root calls it);
    without it the store follows the home's settings (database.url / HALLAPP_DATABASE_URL)."""
    with _LOCK:
        _ATTACHED[home.root] = db


def detach(home: Home) -> None:
    with _LOCK:
        _ATTACHED.pop(home.root, None)


def _shared(home: Home) -> Database | None:
    """The shared (PostgreSQL) database of this home's hall, or None when scans stay in files."""
    with _LOCK:
        db = _ATTACHED.get(home.root)
        if db is None:
            db = _from_settings(home)
    return None if db is None or db.is_sqlite else db


def _from_settings(home: Home) -> Database | None:
    try:
        url = load_settings(home.settings_file).database.url
    except SettingsError:
        return None  # the program refuses such settings at start; files are the safe place meanwhile
    if not url or url.startswith("sqlite"):
        return None
    key = (home.root, url)
    if key not in _OPENED:  # one small pool per process, opened on first use
        _OPENED[key] = Database(url, keys_dir=home.keys_dir)
    return _OPENED[key]


def key_id(home: Home) -> str:
    """A one-way tag of this PC's material key: two PCs with different keys show different tags."""
    return hashlib.sha256(b"hallapp-material-key-id|" + _key(home)).hexdigest()[:16]


def _key(home: Home) -> bytes:
    path = home.keys_dir / KEY_FILE
    if not path.exists():
        home.keys_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_once(path, AESGCM.generate_key(bit_length=256))  # or another process made it just now
    return path.read_bytes()


def _path(home: Home, sha256: str) -> Path:
    return home.root / "materials" / sha256[:2] / f"{sha256}.pdf.enc"


def path_of(home: Home, sha256: str) -> Path:
    """Where this PC keeps (or kept) a scan as a file."""
    return _path(home, sha256)


def _seal(home: Home, sha256: str, pdf: bytes) -> bytes:
    nonce = secrets.token_bytes(NONCE_SIZE)
    return nonce + AESGCM(_key(home)).encrypt(nonce, pdf, sha256.encode())


def store(home: Home, pdf: bytes) -> str:
    """Keep a material's PDF; returns its SHA-256 (the address). Blocking (disk or database)."""
    sha256 = hashlib.sha256(pdf).hexdigest()
    db = _shared(home)
    if db is not None:
        _store_row(db, sha256, _seal(home, sha256, pdf))
        return sha256
    path = _path(home, sha256)
    if path.exists():
        return sha256
    path.parent.mkdir(parents=True, exist_ok=True)
    sealed = _seal(home, sha256, pdf)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "wb") as out:
        out.write(sealed)
        out.flush()
        os.fsync(out.fileno())  # a power cut must not leave half a scan behind a recorded hash
    tmp.replace(path)
    return sha256


def _store_row(db: Database, sha256: str, sealed: bytes) -> None:
    with db.unit_of_work(write=True) as uow:
        uow.shared.put_material(sha256, sealed)


def _sealed(home: Home, sha256: str) -> bytes:
    db = _shared(home)
    if db is not None:
        with db.unit_of_work() as uow:
            row = uow.shared.material(sha256)
        if row is not None:
            return row
    path = _path(home, sha256)
    if path.exists():
        return path.read_bytes()
    raise MaterialStoreError("material.missing_shared" if db is not None else "material.missing", sha=_short(sha256))


def load(home: Home, sha256: str) -> bytes:
    """The plain PDF, checked against its hash. Blocking (disk or database)."""
    sealed = _sealed(home, sha256)
    try:
        pdf = AESGCM(_key(home)).decrypt(sealed[:NONCE_SIZE], sealed[NONCE_SIZE:], sha256.encode())
    except Exception as exc:
        code = "material.damaged_shared" if _shared(home) is not None else "material.damaged"
        raise MaterialStoreError(code, sha=_short(sha256)) from exc
    if hashlib.sha256(pdf).hexdigest() != sha256:
        raise MaterialStoreError("material.hash_mismatch", sha=_short(sha256))
    return pdf


def _short(sha256: str) -> str:
    """Enough of the address for a technician to find the scan (hashes of scans, never personal data)."""
    return f"{sha256[:12]}…"


def measure(home: Home, hashes: set[str]) -> tuple[int, int]:
    """How many of these scans are kept (database rows and this PC's files) and their sealed bytes."""
    count, size = 0, 0
    db = _shared(home)
    if db is not None and hashes:
        with db.unit_of_work() as uow:
            count, size = uow.shared.measure_materials(hashes)
    files = [p for p in (_path(home, h) for h in hashes) if p.is_file()]
    return count + len(files), size + sum(p.stat().st_size for p in files)


def remove(home: Home, hashes: set[str]) -> tuple[int, int]:
    """Delete these scans wherever they are kept; returns (how many, sealed bytes)."""
    counted = measure(home, hashes)
    db = _shared(home)
    if db is not None and hashes:
        with db.unit_of_work(write=True) as uow:
            uow.shared.delete_materials(hashes)
    for path in (_path(home, h) for h in hashes):
        path.unlink(missing_ok=True)
    return counted
