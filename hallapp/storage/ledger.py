"""The home's numbering ledger (`numbering.json`): which installation this home is, and the highest
case serial it has issued per station and day.

It lives beside the database, not in it, so that a database restored from an older backup goes on
from the last number this home really issued instead of issuing it again (docs/case-numbers.md).
A home copied to another PC notices the other machine and becomes a new installation, so the copy
numbers under a station of its own.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import platform
import sys
import uuid
from datetime import date
from pathlib import Path

log = logging.getLogger(__name__)

KEEP_DAYS = 8  # a clock set back a few days still finds its high-water mark
_MACHINE_ID_FILES = (Path("/etc/machine-id"), Path("/var/lib/dbus/machine-id"))


def machine_fingerprint() -> str:
    """A short hash of this PC's identity (the raw id is never written anywhere)."""
    raw = ""
    for path in _MACHINE_ID_FILES:
        try:
            raw = path.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            continue
        if raw:
            break
    if not raw and os.name == "nt":
        raw = _windows_machine_guid()
    raw = raw or platform.node()
    return hashlib.sha256(f"hallapp-machine:{raw}".encode()).hexdigest()[:16]


def _windows_machine_guid() -> str:
    if sys.platform != "win32":  # winreg exists only there (and mypy then skips the rest elsewhere)
        return ""
    try:
        import winreg

        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, r"SOFTWARE\Microsoft\Cryptography") as key:
            return str(winreg.QueryValueEx(key, "MachineGuid")[0])
    except OSError:
        return ""


class NumberingLedger:
    """Read on every use, written atomically (temporary file, fsync, rename) before the case commits."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _read(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            # Unreadable: start a new installation (a new station, so no number repeats); keep the old file.
            log.warning("numbering ledger %s unreadable; a new numbering station will be used", self.path.name)
            self.path.replace(self.path.with_suffix(".unreadable"))
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self, data: dict) -> None:
        tmp = self.path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=1, sort_keys=True)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, self.path)

    def installation(self) -> str:
        """This home's installation id; a new one when the file is new or the home moved to another PC."""
        data, machine = self._read(), machine_fingerprint()
        if isinstance(data.get("installation"), str) and data.get("machine") == machine:
            return data["installation"]
        if data.get("installation"):
            log.info("home is on another machine than its numbering ledger says; numbering under a new station")
        data.update(installation=uuid.uuid4().hex, machine=machine)
        self._write(data)
        return data["installation"]

    def high_water(self, station: str, day: date) -> int:
        value = self._read().get("issued", {}).get(station, {}).get(day.isoformat(), 0)
        return value if isinstance(value, int) else 0

    def record(self, station: str, day: date, serial: int) -> None:
        data = self._read()
        issued = data.setdefault("issued", {})
        days = issued.setdefault(station, {})
        days[day.isoformat()] = max(serial, days.get(day.isoformat(), 0))
        issued[station] = dict(sorted(days.items())[-KEEP_DAYS:])
        self._write(data)

    def has_issued(self) -> bool:
        return any(self._read().get("issued", {}).values())
