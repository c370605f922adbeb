"""Removable media: unsent submissions carried to another hall machine that has a link.

A bundle is a folder `hallapp-bundle-<hall>-<time>/` with `manifest.json` (signed with the hall's SM2
key: `manifest.sig`, public key inside), and every payload and material encrypted with SM4-CTR +
HMAC-SM3 under a key derived (scrypt) from the bundle passphrase (`HALLAPP_BUNDLE_PASSPHRASE` or the
caller's). Importing enqueues each submission under its own client id, so a second import, or the
same case also sent by the first machine, is harmless: the platform sees one submission.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.hmac import HMAC
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from hallapp.services import material_store
from hallapp.sync import crypto, records
from hallapp.sync.adapters import hall_identity, load_key

FORMAT = "hallapp-bundle/1"
PASSPHRASE_ENV = "HALLAPP_BUNDLE_PASSPHRASE"  # noqa: S105 - the variable's name, not a secret
SCRYPT_N = 2**14
CHECK = b"hallapp-bundle-passphrase-check"


class BundleError(ValueError):
    """A bundle that cannot be written or read; the message is for the user."""


def _passphrase(passphrase: str | None) -> bytes:
    value = passphrase if passphrase is not None else os.environ.get(PASSPHRASE_ENV, "")
    if len(value) < 8:
        raise BundleError(f"请设置至少 8 个字符的导出口令（环境变量 {PASSPHRASE_ENV}）")
    return value.encode("utf-8")


def _keys(passphrase: bytes, salt: bytes) -> tuple[bytes, bytes]:
    okm = Scrypt(salt=salt, length=48, n=SCRYPT_N, r=8, p=1).derive(passphrase)
    return okm[:16], okm[16:]


def _tag(key: bytes, data: bytes) -> bytes:
    mac = HMAC(key, hashes.SM3())
    mac.update(data)
    return mac.finalize()


def _seal(keys: tuple[bytes, bytes], data: bytes) -> bytes:
    iv = secrets.token_bytes(16)
    body = iv + crypto.sm4_ctr(keys[0], iv, data, 0)
    return body + _tag(keys[1], body)


def _open(keys: tuple[bytes, bytes], sealed: bytes) -> bytes:
    body, tag = sealed[:-32], sealed[-32:]
    if not hmac.compare_digest(_tag(keys[1], body), tag):
        raise BundleError("导出包内容已被改动，或口令不对")
    return crypto.sm4_ctr(keys[0], body[:16], body[16:], 0)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())


def export_unsent(app: Any, directory: Path | str, *, passphrase: str | None = None) -> dict[str, Any]:  # noqa: ANN401
    """Write every unconfirmed case submission (and its materials) into a new bundle under `directory`."""
    secret, key, hall = _passphrase(passphrase), load_key(app), hall_identity(app.db)
    with app.db.unit_of_work() as uow:
        rows = uow.outbox.unsent(kind="case")
    salt = secrets.token_bytes(16)
    keys = _keys(secret, salt)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    folder = Path(directory) / f"hallapp-bundle-{hall.code}-{stamp}"
    if folder.exists():
        raise BundleError(f"{folder} 已存在")
    entries, written = [], set()
    for index, row in enumerate(rows):
        _write(folder / "entries" / f"{index:05d}.bin", _seal(keys, row.payload.encode("utf-8")))
        hashes = records.material_hashes(json.loads(row.payload))
        for sha in hashes:
            if sha not in written:
                _write(folder / "materials" / f"{sha}.bin", _seal(keys, material_store.load(app.home, sha)))
                written.add(sha)
        entries.append({"client_id": row.client_id, "kind": row.kind, "case_number": row.case_number,
                        "payload_sha256": row.payload_sha256, "file": f"entries/{index:05d}.bin", "materials": hashes})
    manifest = json.dumps({"format": FORMAT, "hall": {"code": hall.code, "name": hall.name}, "key_id": key.key_id,
                           "public_key_pem": key.public_pem, "created_at": stamp,
                           "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": 8, "p": 1, "salt": base64.b64encode(salt).decode()},
                           "check": _tag(keys[1], CHECK).hex(),
                           "entries": entries}, ensure_ascii=False, indent=1).encode("utf-8")
    _write(folder / "manifest.json", manifest)
    _write(folder / "manifest.sig", key.sign(manifest).encode("ascii"))
    with app.db.unit_of_work(write=True) as uow:
        uow.outbox.mark_exported([r.id for r in rows], datetime.now(UTC))
    return {"path": str(folder), "entries": len(entries), "materials": len(written)}


def _bundles(directory: Path) -> list[Path]:
    if (directory / "manifest.json").exists():
        return [directory]
    found = sorted(p for p in directory.glob("hallapp-bundle-*") if (p / "manifest.json").exists())
    if not found:
        raise BundleError(f"{directory} 中没有导出包")
    return found


def _manifest(folder: Path) -> dict[str, Any]:
    raw = (folder / "manifest.json").read_bytes()
    try:
        manifest = json.loads(raw)
        signature = (folder / "manifest.sig").read_text(encoding="ascii").strip()
    except (OSError, ValueError) as exc:
        raise BundleError(f"{folder.name}: 清单无法读取") from exc
    if manifest.get("format") != FORMAT or not crypto.verify(manifest.get("public_key_pem", ""), signature, raw):
        raise BundleError(f"{folder.name}: 签名无效，包已被改动")
    return manifest


def import_bundle(app: Any, directory: Path | str, *, passphrase: str | None = None) -> dict[str, Any]:  # noqa: ANN401
    """Enqueue every submission of the bundle(s) in `directory` not already in this outbox."""
    secret = _passphrase(passphrase)
    summary = {"bundles": 0, "enqueued": 0, "already": 0, "materials": 0}
    for folder in _bundles(Path(directory)):
        manifest = _manifest(folder)
        kdf = manifest["kdf"]
        keys = _keys(secret, base64.b64decode(kdf["salt"]))
        if not hmac.compare_digest(_tag(keys[1], CHECK).hex(), str(manifest.get("check", ""))):
            raise BundleError(f"{folder.name}: 导出口令不对")
        for entry in manifest["entries"]:
            summary["enqueued" if _import_entry(app, folder, keys, entry, summary) else "already"] += 1
        summary["bundles"] += 1
    return summary


def _import_entry(app: Any, folder: Path, keys: tuple[bytes, bytes], entry: dict[str, Any],  # noqa: ANN401
                  summary: dict[str, Any]) -> bool:
    with app.db.unit_of_work() as uow:
        if uow.outbox.exists(entry["client_id"]):
            return False
    payload = _open(keys, (folder / entry["file"]).read_bytes())
    if hashlib.sha256(payload).hexdigest() != entry["payload_sha256"]:
        raise BundleError(f"{folder.name}: 办件 {entry['case_number']} 的内容与清单不符")
    for sha in entry["materials"]:
        pdf = _open(keys, (folder / "materials" / f"{sha}.bin").read_bytes())
        if material_store.store(app.home, pdf) != sha:
            raise BundleError(f"{folder.name}: 材料 {sha[:12]}… 的哈希与清单不符")
        summary["materials"] += 1
    with app.db.unit_of_work(write=True) as uow:
        return uow.outbox.enqueue(case_id=None, case_number=entry["case_number"], kind=entry["kind"],
                                  client_id=entry["client_id"], payload=payload.decode("utf-8"),
                                  payload_sha256=entry["payload_sha256"], bytes_total=0, now=datetime.now(UTC))
