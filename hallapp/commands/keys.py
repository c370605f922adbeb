"""`hallapp keys export FILE` / `keys import FILE`: one hall, one set of keys on every PC.

On a shared database every PC must open what any other sealed: personal data (keys/personal.key),
the audit chain (keys/audit.key) and scanned materials (keys/materials.key). The technician exports
them once from the first PC and imports them on each other one, before its first start. The file is
sealed (AES-256-GCM under a scrypt key) with a passphrase read from HALLAPP_KEYS_PASSPHRASE or
from the first line of stdin, never from argv. The hall's platform signing key is not carried:
only the PC that runs the sync daemon registers with the platform.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import secrets
import sys
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from hallapp.commands import UserError
from hallapp.home import Home, current_home
from hallapp.storage import material_store, sealing
from hallapp.storage.repositories import audit as audit_chain

NAME = "keys"
NEEDS_APP = False  # a PC imports the hall's keys before its first start
PASSPHRASE_ENV = "HALLAPP_KEYS_PASSPHRASE"  # noqa: S105 - the variable's name, not a secret
FORMAT = "hallapp-keys/1"
MIN_PASSPHRASE = 8
SCRYPT_N = 2**15
CARRIED = (sealing.KEY_FILE, audit_chain.KEY_FILE, material_store.KEY_FILE)


def add_parser(sub: argparse._SubParsersAction) -> None:
    keys = sub.add_parser(NAME, help="carry the hall's keys to another PC of the same hall").add_subparsers(
        dest="action", required=True)
    out = keys.add_parser("export", help=f"write this PC's keys, sealed with a passphrase ({PASSPHRASE_ENV} or stdin)")
    out.add_argument("file", type=Path, metavar="FILE")
    out.add_argument("--force", action="store_true", help="replace FILE if it exists")
    into = keys.add_parser("import", help="take the hall's keys from FILE into this PC's home")
    into.add_argument("file", type=Path, metavar="FILE")
    into.add_argument("--replace", action="store_true",
                      help="replace this PC's own different keys (the old ones are kept beside, renamed)")


def run(app: None, args: argparse.Namespace) -> int:
    home = current_home()
    if args.action == "export":
        return export_keys(home, args.file, read_passphrase(), force=args.force)
    return import_keys(home, args.file, read_passphrase(), replace=args.replace)


def read_passphrase() -> str:
    value = os.environ.get(PASSPHRASE_ENV) or sys.stdin.readline().rstrip("\r\n")
    if len(value) < MIN_PASSPHRASE:
        raise UserError(f"give a passphrase of at least {MIN_PASSPHRASE} characters in {PASSPHRASE_ENV} "
                        "or on the first line of stdin (never on the command line)")
    return value


def _secrets_of(home: Home) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    try:
        personal = sealing.load_key(home.keys_dir)
    except sealing.SealingError as exc:
        raise UserError(str(exc)) from exc
    if personal is not None:
        found[sealing.KEY_FILE] = personal  # the key itself, wherever this PC keeps it (file, keyring, DPAPI)
    for name in (audit_chain.KEY_FILE, material_store.KEY_FILE):
        if (home.keys_dir / name).is_file():
            found[name] = (home.keys_dir / name).read_bytes()
    return found


def _cipher(passphrase: str, salt: bytes) -> AESGCM:
    return AESGCM(Scrypt(salt=salt, length=32, n=SCRYPT_N, r=8, p=1).derive(passphrase.encode("utf-8")))


def export_keys(home: Home, target: Path, passphrase: str, *, force: bool = False) -> int:
    if sealing.load_key(home.keys_dir) is not None:
        material_store.key_id(home)  # made now if this PC has scanned nothing yet: the others must get the same one
    found = _secrets_of(home)
    if not found:
        raise UserError(f"{home.keys_dir} holds no hall keys yet: start hallapp once (or run hallapp setup) on this PC first")
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    plain = json.dumps({name: value.hex() for name, value in found.items()}).encode("ascii")
    body = {"format": FORMAT, "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": 8, "p": 1},
            "salt": base64.b64encode(salt).decode(), "nonce": base64.b64encode(nonce).decode(),
            "sealed": base64.b64encode(_cipher(passphrase, salt).encrypt(nonce, plain, FORMAT.encode())).decode()}
    if target.exists() and not force:
        raise UserError(f"{target} already exists: choose another name, or add --force to replace it")
    target.unlink(missing_ok=True)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # sealed, but still nobody else's
    with os.fdopen(fd, "w", encoding="ascii") as out:
        json.dump(body, out, indent=1)
    print(f"keys: {', '.join(sorted(found))} written to {target}; import them on every other PC of this hall "
          "with `hallapp keys import FILE`, then delete the file")
    return 0


def _read_export(source: Path, passphrase: str) -> dict[str, bytes]:
    try:
        body = json.loads(source.read_text("ascii"))
        if body.get("format") != FORMAT:
            raise ValueError(body.get("format"))
        salt, nonce = base64.b64decode(body["salt"]), base64.b64decode(body["nonce"])
        sealed = base64.b64decode(body["sealed"])
    except FileNotFoundError as exc:
        raise UserError(f"{source} does not exist: give the file `hallapp keys export` wrote") from exc
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise UserError(f"{source} is not a hallapp keys file: give the file `hallapp keys export` wrote") from exc
    try:
        plain = _cipher(passphrase, salt).decrypt(nonce, sealed, FORMAT.encode())
    except InvalidTag as exc:
        raise UserError(f"wrong passphrase for {source}, or the file was changed: nothing imported") from exc
    values = {name: bytes.fromhex(value) for name, value in json.loads(plain).items() if name in CARRIED}
    return values


def import_keys(home: Home, source: Path, passphrase: str, *, replace: bool = False) -> int:
    wanted, have = _read_export(source, passphrase), _secrets_of(home)
    differing = sorted(name for name, value in wanted.items() if name in have and have[name] != value)
    if differing and not replace:
        raise UserError(f"this PC already has its own {', '.join(differing)}, different from the hall's: nothing "
                        "imported. If this PC's own data does not matter (a new counter PC), add --replace")
    home.keys_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    changed = [name for name, value in wanted.items() if have.get(name) != value]
    for name in changed:
        _install(home.keys_dir, name, wanted[name])
    unchanged = sorted(set(wanted) - set(changed))
    print(f"keys: imported {', '.join(sorted(changed)) or 'nothing new'}"
          + (f"; already the hall's: {', '.join(unchanged)}" if unchanged else ""))
    return 0


def _install(keys_dir: Path, name: str, value: bytes) -> None:
    path = keys_dir / name
    if path.exists():
        path.replace(path.with_name(f"{name}.replaced-{secrets.token_hex(4)}"))  # never lose a key outright
    data = f"{sealing.KEY_HEADER} file {value.hex()}\n".encode("ascii") if name == sealing.KEY_FILE else value
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
