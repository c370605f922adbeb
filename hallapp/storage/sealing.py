"""Personal fields sealed at rest: SM4-GCM per value (random nonce, the column's name as associated
data, so a value cannot be moved to another column unnoticed) and a keyed blind index (HMAC-SM3 of
the normalised ID number) so an ID-number search still finds a case.

The key never enters the database. `keys/personal.key` (0600) says where it is: in the file itself,
in the OS keyring (when the optional `keyring` package finds a running one) or, on Windows,
protected by DPAPI for the logged-in account. The database records only the key's id, so a PC
holding another key is refused before it writes values nobody else could read (one PostgreSQL
database shared by several PCs needs the same key file on each of them).

The key belongs to an engine (one home, one key), not to the process: tests and tools open several
homes side by side.
"""

from __future__ import annotations

import base64
import binascii
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeGuard
from weakref import WeakKeyDictionary

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Text
from sqlalchemy.engine import Dialect, Engine
from sqlalchemy.types import TypeDecorator

from hallapp.storage.key_files import write_once

KEY_FILE = "personal.key"
KEY_HEADER = "hallapp-personal-key/1"
KEYRING_SERVICE = "hallapp personal data"
PREFIX = "s1:"  # version of the sealed form: "s1:" + base64(nonce 12 | ciphertext | tag 16)
NONCE_BYTES = 12
TAG_BYTES = 16
MASTER_BYTES = 32


class SealingError(RuntimeError):
    """The personal-data key is missing, unreadable or not this database's; the message says what to do."""


def normalise_id(number: str) -> str:
    """The form an ID number is indexed under: no spaces, upper-case X (a clerk types x, a card says X)."""
    return "".join(number.split()).upper()


class Sealer:
    """Seals and opens values with one hall's key; `blind()` gives the searchable index of an ID number."""

    def __init__(self, master: bytes) -> None:
        if len(master) != MASTER_BYTES:
            raise SealingError(f"the personal-data key must be {MASTER_BYTES} bytes")
        self._cipher_key = _derive(master, b"hallapp-personal|seal", 16)
        self._index_key = _derive(master, b"hallapp-personal|index", 32)
        self.key_id = _derive(master, b"hallapp-personal|id", 16).hex()

    def seal(self, text: str, context: str) -> str:
        nonce = os.urandom(NONCE_BYTES)
        enc = Cipher(algorithms.SM4(self._cipher_key), modes.GCM(nonce)).encryptor()
        enc.authenticate_additional_data(context.encode("ascii"))
        sealed = enc.update(text.encode("utf-8")) + enc.finalize()
        return PREFIX + base64.b64encode(nonce + sealed + enc.tag).decode("ascii")

    def open(self, token: str, context: str) -> str:
        try:
            raw = base64.b64decode(token[len(PREFIX):], validate=True)
            nonce, body, tag = raw[:NONCE_BYTES], raw[NONCE_BYTES:-TAG_BYTES], raw[-TAG_BYTES:]
            dec = Cipher(algorithms.SM4(self._cipher_key), modes.GCM(nonce, tag)).decryptor()
            dec.authenticate_additional_data(context.encode("ascii"))
            return (dec.update(body) + dec.finalize()).decode("utf-8")
        except (InvalidTag, ValueError, binascii.Error) as exc:
            raise SealingError(f"a sealed value in {context} does not open with this hall's key: it was altered, "
                               f"or {KEY_FILE} is not the one it was sealed with") from exc

    def blind(self, number: str) -> str:
        mac = hmac.HMAC(self._index_key, hashes.SM3())
        mac.update(normalise_id(number).encode("utf-8"))
        return mac.finalize().hex()


def is_sealed(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and value.startswith(PREFIX)


def _derive(master: bytes, info: bytes, length: int) -> bytes:
    return HKDF(hashes.SM3(), length, None, info).derive(master)


# --- where the key lives ---------------------------------------------------------------------------


def load_key(keys_dir: Path) -> bytes | None:
    """The key named by keys/personal.key, or None when this home has none yet."""
    path = keys_dir / KEY_FILE
    if not path.is_file():
        return None
    try:
        header, method, data = path.read_text("ascii").split()
        if header != KEY_HEADER:
            raise ValueError(header)
        if method == "file":
            return bytes.fromhex(data)
        if method == "dpapi":
            return _dpapi(base64.b64decode(data), protect=False)
        if method == "keyring":
            return _keyring_get(data)
    except (ValueError, UnicodeDecodeError, OSError) as exc:
        raise SealingError(f"{path} is not a readable personal-data key ({type(exc).__name__}): "
                           "restore it from the hall's backup of keys/") from exc
    raise SealingError(f"{path} names an unknown key store {method!r}: restore it from the hall's backup of keys/")


def create_key(keys_dir: Path) -> bytes:
    """A new key, kept in the best store this machine offers; refuses to replace an existing one."""
    keys_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    master = os.urandom(MASTER_BYTES)
    if sys.platform == "win32":
        line = f"dpapi {base64.b64encode(_dpapi(master, protect=True)).decode('ascii')}"
    elif (account := _keyring_put(keys_dir, master)) is not None:
        line = f"keyring {account}"
    else:
        line = f"file {master.hex()}"
    if not write_once(keys_dir / KEY_FILE, f"{KEY_HEADER} {line}\n".encode("ascii")):
        raise FileExistsError(keys_dir / KEY_FILE)
    return master


def _keyring_backend() -> Any:
    """The OS keyring when python `keyring` is installed and a real backend answers (not the null one)."""
    try:
        import keyring
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
        return backend if getattr(backend, "priority", 0) > 0 else None
    except Exception:  # noqa: BLE001 - a keyring daemon that is not running: fall back to the file
        return None


def _keyring_put(keys_dir: Path, master: bytes) -> str | None:
    backend = _keyring_backend()
    if backend is None:
        return None
    account = base64.urlsafe_b64encode(str(keys_dir.resolve()).encode("utf-8")).decode("ascii")
    try:
        backend.set_password(KEYRING_SERVICE, account, master.hex())
    except Exception:  # noqa: BLE001 - locked or refusing keyring: the 0600 file still protects it
        return None
    return account


def _keyring_get(account: str) -> bytes:
    backend = _keyring_backend()
    secret = backend.get_password(KEYRING_SERVICE, account) if backend is not None else None
    if not secret:
        raise SealingError("the personal-data key is kept in the OS keyring, which does not answer or has lost it: "
                           "unlock the keyring (log in to the desktop session) and start again")
    return bytes.fromhex(secret)


def _dpapi(data: bytes, *, protect: bool) -> bytes:
    """CryptProtectData / CryptUnprotectData for the logged-in Windows account (not testable on Linux)."""
    import ctypes
    from ctypes import wintypes

    class Blob(ctypes.Structure):
        _fields_ = [("cbData", wintypes.DWORD), ("pbData", ctypes.POINTER(ctypes.c_char))]

    buffer = ctypes.create_string_buffer(data, len(data))
    blob_in, blob_out = Blob(len(data), ctypes.cast(buffer, ctypes.POINTER(ctypes.c_char))), Blob()
    crypt32, ui_forbidden = ctypes.windll.crypt32, 0x1  # type: ignore[attr-defined]
    call = crypt32.CryptProtectData if protect else crypt32.CryptUnprotectData
    description = ctypes.c_wchar_p("hallapp personal data") if protect else None
    if not call(ctypes.byref(blob_in), description, None, None, None, ui_forbidden, ctypes.byref(blob_out)):
        raise SealingError("Windows could not open the personal-data key (DPAPI): start hallapp under the Windows "
                           "account that set it up, or restore keys/ from the hall's backup")
    try:
        return ctypes.string_at(blob_out.pbData, blob_out.cbData)
    finally:
        ctypes.windll.kernel32.LocalFree(blob_out.pbData)  # type: ignore[attr-defined]


# --- the key of an engine, and the column types ------------------------------------------------------

_PROVIDERS: WeakKeyDictionary[Dialect, Callable[[], Sealer]] = WeakKeyDictionary()


def bind(engine: Engine, provider: Callable[[], Sealer]) -> None:
    """Give `engine` its key: `provider` is called when a value is first sealed or opened (it caches)."""
    _PROVIDERS[engine.dialect] = provider


def sealer_of(dialect: Dialect) -> Sealer:
    provider = _PROVIDERS.get(dialect)
    if provider is None:
        raise SealingError("this database was opened without the hall's personal-data key")
    return provider()


class SealedText(TypeDecorator[str]):
    """A text column stored sealed. An empty value stays empty (nothing to hide; a purged field is empty);
    a value without the sealed prefix is read as it is (a row an older version wrote, sealed at upgrade)."""

    impl = Text
    cache_ok = True

    def __init__(self, context: str) -> None:
        super().__init__()
        self.context = context

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None or value == "":
            return value
        return sealer_of(dialect).seal(value, self.context)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        if not is_sealed(value):
            return value
        return sealer_of(dialect).open(value, self.context)


class SealedDate(TypeDecorator[date]):
    """A date stored as a sealed ISO string (a birth date is personal, and an index on it would leak it)."""

    impl = Text
    cache_ok = True

    def __init__(self, context: str) -> None:
        super().__init__()
        self.context = context

    def process_bind_param(self, value: date | None, dialect: Dialect) -> str | None:
        return None if value is None else sealer_of(dialect).seal(value.isoformat(), self.context)

    def process_result_value(self, value: str | None, dialect: Dialect) -> date | None:
        if value is None or value == "":
            return None
        return date.fromisoformat(sealer_of(dialect).open(value, self.context) if is_sealed(value) else value)
