"""The hall's SM2 key (signatures with SM3 digest, default ID 1234567812345678), SM3 hashes and
SM4-CTR for material payloads. Keys live in the home's keys/ folder (0700), files 0600, never in
the database.
"""

from __future__ import annotations

import base64
import os
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from tongsuopy.crypto import hashes as ts_hashes
from tongsuopy.crypto import serialization
from tongsuopy.crypto.asymciphers import ec
from tongsuopy.crypto.exceptions import InvalidSignature

from hallapp.domain.errors import register
from hallapp.domain.outbox import coded

PRIVATE_FILE = "hall_sm2.pem"
PUBLIC_FILE = "hall_sm2.pub.pem"
TRANSPORT_FILE = "platform_transport.key"  # SM4 material transport key issued at registration
PLATFORM_FILE = "platform_sm2.pub.pem"  # the platform's answer-signing key, pinned at registration
TRANSPORT_KEY_BYTES = 16
SM4_BLOCK = 16


NO_HALL_KEY = "sync.no_hall_key"  # worded at the edge (ui/errors.py)

register({NO_HALL_KEY: "This PC has no signing key for the hall yet: the technician runs hallapp platform register."})


class KeyMissingError(RuntimeError):
    """The hall has no key pair yet (`hallapp platform register`); carries the code NO_HALL_KEY."""


def sm3_hex(data: bytes) -> str:
    digest = hashes.Hash(hashes.SM3())
    digest.update(data)
    return digest.finalize().hex()


class HallKey:
    """The hall's SM2 private key, with its public half and key id."""

    def __init__(self, private_key: ec.EllipticCurvePrivateKey) -> None:
        self._key = private_key
        self.public_pem = private_key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")
        self.key_id = key_id(self.public_pem)

    @classmethod
    def generate(cls) -> HallKey:
        return cls(ec.generate_private_key(ec.SM2()))

    def private_pem(self) -> bytes:
        return self._key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption())

    def sign(self, data: bytes) -> str:
        """DER SM2 signature over SM3(Z || data), base64."""
        return base64.b64encode(self._key.sign(data, ec.ECDSA(ts_hashes.SM3()))).decode("ascii")


class PublicKey:
    """An SM2 public key loaded once (answers are verified many times a run)."""

    def __init__(self, public_pem: str) -> None:
        try:
            key = serialization.load_pem_public_key(public_pem.encode("ascii"))
        except (ValueError, TypeError, UnicodeEncodeError) as exc:
            raise ValueError("not an SM2 public key") from exc
        if not isinstance(key, ec.EllipticCurvePublicKey) or not isinstance(key.curve, ec.SM2):
            raise ValueError("not an SM2 public key")
        self._key, self.pem = key, public_pem.strip() + "\n"
        self.key_id = key_id(public_pem)

    def verify(self, signature_b64: str, data: bytes) -> bool:
        try:
            self._key.verify(base64.b64decode(signature_b64, validate=True), data, ec.ECDSA(ts_hashes.SM3()))
        except (InvalidSignature, ValueError, TypeError):
            return False
        return True


def key_id(public_pem: str) -> str:
    return sm3_hex(public_pem.strip().encode("ascii"))[:32]


def verify(public_pem: str, signature_b64: str, data: bytes) -> bool:
    try:
        public = _loaded(public_pem)
    except (ValueError, TypeError, UnicodeEncodeError):
        return False
    return public.verify(signature_b64, data)


@lru_cache(maxsize=64)
def _loaded(public_pem: str) -> PublicKey:
    """A verifier checks many requests of few keys: each PEM is parsed once (a bad one is not kept)."""
    return PublicKey(public_pem)


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)


def _keys_dir(keys_dir: Path) -> Path:
    keys_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    tighten(keys_dir)
    return keys_dir


def tighten(keys_dir: Path) -> None:
    """The folder 0700 and every file in it 0600, as the contract says (a home made before the
    public key was written 0600 is corrected the next time its keys are used)."""
    os.chmod(keys_dir, 0o700)
    for path in keys_dir.iterdir():
        if path.is_file() and not path.is_symlink() and path.stat().st_mode & 0o777 != 0o600:
            os.chmod(path, 0o600)


def load_key(keys_dir: Path) -> HallKey:
    path = keys_dir / PRIVATE_FILE
    if not path.exists():
        raise coded(KeyMissingError(), NO_HALL_KEY)
    tighten(keys_dir)
    return HallKey(serialization.load_pem_private_key(path.read_bytes(), None))


def load_or_create_key_file(path: Path) -> HallKey:
    """An SM2 private key kept in one 0600 file (the simulator's platform key)."""
    if path.exists():
        return HallKey(serialization.load_pem_private_key(path.read_bytes(), None))
    key = HallKey.generate()
    _write_private(path, key.private_pem())
    return key


def load_or_create_key(keys_dir: Path) -> tuple[HallKey, bool]:
    """The hall key, created (0600) if missing; True when it was created now."""
    folder = _keys_dir(keys_dir)
    if (folder / PRIVATE_FILE).exists():
        return load_key(folder), False
    key = HallKey.generate()
    _write_private(folder / PRIVATE_FILE, key.private_pem())
    _replace_private(folder / PUBLIC_FILE, key.public_pem.encode("ascii"))  # 0600 like every file in keys/
    return key, True


def save_transport_key(keys_dir: Path, key: bytes) -> None:
    if len(key) != TRANSPORT_KEY_BYTES:
        raise ValueError("an SM4 transport key is 16 bytes")
    _replace_private(_keys_dir(keys_dir) / TRANSPORT_FILE, key)


def _replace_private(path: Path, data: bytes) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    _write_private(tmp, data)
    tmp.replace(path)


def save_platform_key(keys_dir: Path, public_pem: str) -> None:
    """Pin the platform's answer-signing key (0600: nobody else may swap it)."""
    _replace_private(_keys_dir(keys_dir) / PLATFORM_FILE, PublicKey(public_pem).pem.encode("ascii"))


def load_platform_key(keys_dir: Path) -> PublicKey | None:
    path = keys_dir / PLATFORM_FILE
    return PublicKey(path.read_text("ascii")) if path.exists() else None


def load_transport_key(keys_dir: Path) -> bytes | None:
    path = keys_dir / TRANSPORT_FILE
    return path.read_bytes() if path.exists() else None


def material_key(transport_key: bytes, sha256: str) -> tuple[bytes, bytes]:
    """(SM4 key, initial counter) for one material: unique per material, so CTR never repeats."""
    okm = HKDF(hashes.SM3(), 32, None, b"hallapp-material|" + sha256.encode("ascii")).derive(transport_key)
    return okm[:16], okm[16:]


def sm4_ctr(key: bytes, counter0: bytes, data: bytes, offset: int) -> bytes:
    """SM4-CTR over `data` placed at byte `offset` of the stream (offset a multiple of 16)."""
    if offset % SM4_BLOCK:
        raise ValueError("SM4-CTR chunks must start on a 16-byte boundary")
    block = (int.from_bytes(counter0, "big") + offset // SM4_BLOCK) % (1 << 128)
    cipher = Cipher(algorithms.SM4(key), modes.CTR(block.to_bytes(16, "big"))).encryptor()
    return cipher.update(data) + cipher.finalize()
