"""Scanned materials on disk: content-addressed by the PDF's SHA-256 and encrypted at rest.

Each file is AES-256-GCM with a key kept in the home's keys/ folder (mode 0600, never in the
database); the recorded hash is that of the plain PDF, which is what the platform checks.
Storing the same PDF twice is harmless: same address, same file.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from hallapp.home import Home

KEY_FILE = "materials.key"
NONCE_SIZE = 12


class MaterialStoreError(RuntimeError):
    """A stored material is missing or does not match its hash."""


def _key(home: Home) -> bytes:
    path = home.keys_dir / KEY_FILE
    if not path.exists():
        key = AESGCM.generate_key(bit_length=256)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(key)
    return path.read_bytes()


def _path(home: Home, sha256: str) -> Path:
    return home.root / "materials" / sha256[:2] / f"{sha256}.pdf.enc"


def store(home: Home, pdf: bytes) -> str:
    """Keep a material's PDF; returns its SHA-256 (the address)."""
    sha256 = hashlib.sha256(pdf).hexdigest()
    path = _path(home, sha256)
    if path.exists():
        return sha256
    path.parent.mkdir(parents=True, exist_ok=True)
    nonce = secrets.token_bytes(NONCE_SIZE)
    sealed = nonce + AESGCM(_key(home)).encrypt(nonce, pdf, sha256.encode())
    tmp = path.with_suffix(".tmp")
    with open(tmp, "wb") as out:
        out.write(sealed)
        out.flush()
        os.fsync(out.fileno())  # a power cut must not leave half a scan behind a recorded hash
    tmp.replace(path)
    return sha256


def load(home: Home, sha256: str) -> bytes:
    path = _path(home, sha256)
    if not path.exists():
        raise MaterialStoreError(f"材料文件缺失 ({sha256[:12]}…)")
    sealed = path.read_bytes()
    try:
        pdf = AESGCM(_key(home)).decrypt(sealed[:NONCE_SIZE], sealed[NONCE_SIZE:], sha256.encode())
    except Exception as exc:  # noqa: BLE001 - InvalidTag and friends: the file was altered
        raise MaterialStoreError(f"材料文件已损坏或被改动 ({sha256[:12]}…)") from exc
    if hashlib.sha256(pdf).hexdigest() != sha256:
        raise MaterialStoreError(f"材料文件与记录的哈希不符 ({sha256[:12]}…)")
    return pdf
