"""Removable media: unsent submissions carried to another hall machine that has a link.

A bundle is a folder `hallapp-bundle-<hall>-<time>/` with `manifest.json` (signed with the hall's SM2
key: `manifest.sig`, public key inside), and every payload and material encrypted with SM4-CTR +
HMAC-SM3 under a key derived (scrypt) from the bundle passphrase (`HALLAPP_BUNDLE_PASSPHRASE` or the
caller's). Importing enqueues each submission under its own client id, so a second import, or the
same case also sent by the first machine, is harmless: the platform sees one submission.

Importing checks everything first — the signature, that the signing key is this hall's own or one an
administrator trusted (`hallapp bundle trust KEYFILE`: keys/bundle_trust_<key id>.pub.pem), every
file's hash, each payload's client id and case number against the manifest, file names confined to
the bundle — and only then stores the materials and enqueues every case in one transaction: a bundle
with one bad part is refused as a whole.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.hmac import HMAC
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from hallapp.domain.errors import CodedError, register
from hallapp.storage import material_store
from hallapp.sync import crypto, records
from hallapp.sync.platform_clients import hall_identity, load_key

if TYPE_CHECKING:
    from hallapp.sync.hall_context import HallContext

FORMAT = "hallapp-bundle/1"
PASSPHRASE_ENV = "HALLAPP_BUNDLE_PASSPHRASE"  # noqa: S105 - the variable's name, not a secret
SCRYPT_N = 2**14
CHECK = b"hallapp-bundle-passphrase-check"
TRUST_PREFIX = "bundle_trust_"
ENTRY_FILE = re.compile(r"entries/[0-9]{5}\.bin")
SHA256 = re.compile(r"[0-9a-f]{64}")


class BundleError(CodedError):
    """A bundle that cannot be written or read: coded, worded at the edge (str() is English)."""


_NOTHING = "nothing was imported"
register({
    "bundle.passphrase_missing": "Set an export passphrase of at least 8 characters (environment variable {variable}).",
    "bundle.altered": "The bundle's content was altered, or the passphrase is wrong; " + _NOTHING + ".",
    "bundle.exists": "{folder} already exists: export again in a minute, or into another folder.",
    "bundle.none": "There is no bundle in {directory}: choose the folder the bundle was copied to.",
    "bundle.manifest_unreadable": "{bundle}: the manifest cannot be read; " + _NOTHING + ": copy the whole bundle "
                                  "folder again.",
    "bundle.bad_signature": "{bundle}: the signature is not valid, the bundle was altered; " + _NOTHING + ".",
    "bundle.signer_not_sm2": "{bundle}: the bundle's signing key is not an SM2 key; " + _NOTHING + ".",
    "bundle.untrusted_signer": "{bundle}: signed by key {key}, which is not a key of this hall; " + _NOTHING + ". "
                               "If that PC belongs to this hall, an administrator runs `hallapp bundle trust "
                               "ITS_keys/hall_sm2.pub.pem` first.",
    "bundle.other_hall": "{bundle}: the bundle is from hall {hall}, not this hall {this_hall}; " + _NOTHING + ": "
                         "carry it to a PC of that hall.",
    "bundle.no_key_derivation": "{bundle}: the manifest has no valid key derivation; " + _NOTHING + ".",
    "bundle.wrong_passphrase": "{bundle}: the export passphrase is wrong; " + _NOTHING + ".",
    "bundle.no_entries": "{bundle}: the manifest lists no entries; " + _NOTHING + ".",
    "bundle.outside": "{bundle}: case {case}: the manifest names a file outside the bundle's entries/ folder; "
                      + _NOTHING + ": the bundle was altered, export it again.",
    "bundle.payload_differs": "{bundle}: case {case}: the content differs from the manifest; " + _NOTHING + ".",
    "bundle.unreadable_case": "{bundle}: case {case}: the case record cannot be read; " + _NOTHING + ".",
    "bundle.ids_differ": "{bundle}: case {case}: the manifest's client id or case number differs from the case "
                         "inside; " + _NOTHING + ": the bundle was altered, export it again.",
    "bundle.materials_differ": "{bundle}: case {case}: the manifest's materials differ from the case's; "
                               + _NOTHING + ".",
    "bundle.file_missing": "{bundle}: {file} is missing or unreadable; " + _NOTHING + ": copy the whole bundle "
                           "folder again.",
    "bundle.material_differs": "{bundle}: the hash of material {material}… differs from the manifest; "
                               + _NOTHING + ".",
})


def _passphrase(passphrase: str | None) -> bytes:
    value = passphrase if passphrase is not None else os.environ.get(PASSPHRASE_ENV, "")
    if len(value) < 8:
        raise BundleError("bundle.passphrase_missing", variable=PASSPHRASE_ENV)
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
        raise BundleError("bundle.altered")
    return crypto.sm4_ctr(keys[0], body[:16], body[16:], 0)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())


def export_unsent(app: HallContext, directory: Path | str, *, passphrase: str | None = None) -> dict[str, Any]:
    """Write every unconfirmed case submission (and its materials) into a new bundle under `directory`."""
    secret, key, hall = _passphrase(passphrase), load_key(app), hall_identity(app.db)
    with app.db.unit_of_work() as uow:
        rows = uow.outbox.unsent(kind="case")
    salt = secrets.token_bytes(16)
    keys = _keys(secret, salt)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    folder = Path(directory) / f"hallapp-bundle-{hall.code}-{stamp}"
    if folder.exists():
        raise BundleError("bundle.exists", folder=folder)
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
        raise BundleError("bundle.none", directory=directory)
    return found


def _manifest(folder: Path) -> dict[str, Any]:
    try:
        raw = (folder / "manifest.json").read_bytes()
        manifest = json.loads(raw)
        signature = (folder / "manifest.sig").read_text(encoding="ascii").strip()
    except (OSError, ValueError) as exc:
        raise BundleError("bundle.manifest_unreadable", bundle=folder.name) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT \
            or not crypto.verify(str(manifest.get("public_key_pem", "")), signature, raw):
        raise BundleError("bundle.bad_signature", bundle=folder.name)
    return manifest


# --- trust: the hall's own key and the keys an administrator listed ---------------------------------

def trust_key(keys_dir: Path, pem: str) -> str:
    """List another machine's hall key (its keys/hall_sm2.pub.pem) as a signer of bundles; its key id."""
    public = crypto.PublicKey(pem)  # ValueError for anything but an SM2 public key
    path = keys_dir / f"{TRUST_PREFIX}{public.key_id}.pub.pem"
    keys_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(public.pem)
    tmp.replace(path)
    return public.key_id


def trusted_keys(keys_dir: Path) -> set[str]:
    """Key ids whose bundles this hall accepts: its own and each listed one (a file named by its own id)."""
    ids = set()
    own = keys_dir / crypto.PUBLIC_FILE
    for path in [own, *sorted(keys_dir.glob(f"{TRUST_PREFIX}*.pub.pem"))]:
        try:
            ids.add(crypto.PublicKey(path.read_text("ascii")).key_id)
        except (OSError, ValueError):
            continue  # unreadable: trusts nothing
    return ids


def _check_signer(app: HallContext, folder: Path, manifest: dict[str, Any], hall_code: str) -> None:
    try:
        signer = crypto.PublicKey(str(manifest.get("public_key_pem", ""))).key_id
    except ValueError as exc:
        raise BundleError("bundle.signer_not_sm2", bundle=folder.name) from exc
    if signer not in trusted_keys(app.home.keys_dir):
        raise BundleError("bundle.untrusted_signer", bundle=folder.name, key=signer)
    code = (manifest.get("hall") or {}).get("code") if isinstance(manifest.get("hall"), dict) else None
    if code != hall_code:
        raise BundleError("bundle.other_hall", bundle=folder.name, hall=code, this_hall=hall_code)


# --- import: everything checked, then everything enqueued -----------------------------------------------

@dataclass(frozen=True)
class _Entry:
    folder: Path
    client_id: str
    case_number: str
    kind: str
    payload: bytes
    payload_sha256: str
    materials: tuple[str, ...]


def import_bundle(app: HallContext, directory: Path | str, *, passphrase: str | None = None) -> dict[str, Any]:
    """Enqueue every submission of the bundle(s) in `directory` not already in this outbox; a bundle
    with any fault is refused before anything is stored or enqueued."""
    secret, hall_code = _passphrase(passphrase), hall_identity(app.db).code
    checked: list[tuple[_Entry, tuple[bytes, bytes]]] = []
    folders = _bundles(Path(directory))
    for folder in folders:
        manifest = _manifest(folder)
        _check_signer(app, folder, manifest, hall_code)
        keys = _bundle_keys(folder, manifest, secret)
        checked.extend((entry, keys) for entry in _checked_entries(folder, manifest, keys, hall_code))
    return _apply(app, checked, len(folders))


def _bundle_keys(folder: Path, manifest: dict[str, Any], secret: bytes) -> tuple[bytes, bytes]:
    try:
        keys = _keys(secret, base64.b64decode(manifest["kdf"]["salt"], validate=True))
    except (KeyError, TypeError, ValueError) as exc:
        raise BundleError("bundle.no_key_derivation", bundle=folder.name) from exc
    if not hmac.compare_digest(_tag(keys[1], CHECK).hex(), str(manifest.get("check", ""))):
        raise BundleError("bundle.wrong_passphrase", bundle=folder.name)
    return keys


def _checked_entries(folder: Path, manifest: dict[str, Any], keys: tuple[bytes, bytes],
                     hall_code: str) -> list[_Entry]:
    entries = manifest.get("entries")
    if not isinstance(entries, list):
        raise BundleError("bundle.no_entries", bundle=folder.name)
    checked = [_checked_entry(folder, entry, keys, hall_code) for entry in entries]
    for sha in sorted({sha for entry in checked for sha in entry.materials}):
        _material(folder, keys, sha)
    return checked


def _checked_entry(folder: Path, entry: Any, keys: tuple[bytes, bytes], hall_code: str) -> _Entry:
    refuse = {"bundle": folder.name, "case": entry.get("case_number") if isinstance(entry, dict) else "?"}
    if not isinstance(entry, dict) or not isinstance(entry.get("file"), str) or not ENTRY_FILE.fullmatch(entry["file"]):
        raise BundleError("bundle.outside", **refuse)
    payload = _open(keys, _read(folder, entry["file"]))
    if hashlib.sha256(payload).hexdigest() != entry.get("payload_sha256"):
        raise BundleError("bundle.payload_differs", **refuse)
    try:
        record = json.loads(payload)
        number = record["application"]["case_number"]
        materials = records.material_hashes(record)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BundleError("bundle.unreadable_case", **refuse) from exc
    if (record.get("client_id"), number) != (entry.get("client_id"), entry.get("case_number")) \
            or (record.get("hall") or {}).get("code") != hall_code:
        raise BundleError("bundle.ids_differ", **refuse)
    if entry.get("materials") != materials or not all(SHA256.fullmatch(sha) for sha in materials):
        raise BundleError("bundle.materials_differ", **refuse)
    return _Entry(folder, record["client_id"], number, str(entry.get("kind", "case")), payload,
                  entry["payload_sha256"], tuple(materials))


def _read(folder: Path, name: str) -> bytes:
    try:
        return (folder / name).read_bytes()
    except OSError as exc:
        raise BundleError("bundle.file_missing", bundle=folder.name, file=name) from exc


def _material(folder: Path, keys: tuple[bytes, bytes], sha: str) -> bytes:
    pdf = _open(keys, _read(folder, f"materials/{sha}.bin"))
    if hashlib.sha256(pdf).hexdigest() != sha:
        raise BundleError("bundle.material_differs", bundle=folder.name, material=sha[:12])
    return pdf


def _apply(app: HallContext, checked: list[tuple[_Entry, tuple[bytes, bytes]]], bundles: int) -> dict[str, Any]:
    """Materials first (content-addressed: storing one twice is harmless), then one transaction."""
    summary = {"bundles": bundles, "enqueued": 0, "already": 0, "materials": 0}
    with app.db.unit_of_work() as uow:
        new = [(e, k) for e, k in checked if not uow.outbox.exists(e.client_id)]
    stored: set[str] = set()
    for entry, keys in new:
        for sha in entry.materials:
            if sha not in stored and material_store.store(app.home, _material(entry.folder, keys, sha)) == sha:
                stored.add(sha)
    now = datetime.now(UTC)
    with app.db.unit_of_work(write=True) as uow:
        for entry, _ in checked:
            fresh = uow.outbox.enqueue(case_id=None, case_number=entry.case_number, kind=entry.kind,
                                       client_id=entry.client_id, payload=entry.payload.decode("utf-8"),
                                       payload_sha256=entry.payload_sha256, bytes_total=0, now=now)
            summary["enqueued" if fresh else "already"] += 1
        uow.audit.append("bundle_imported", actor="cli", bundles=bundles, enqueued=summary["enqueued"],
                         already=summary["already"])
    summary["materials"] = len(stored)
    return summary
