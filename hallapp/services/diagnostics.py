"""A diagnostics zip a technician can send to support: versions, OS, settings (secrets hidden),
devices, their last tests, outbox counts and the last log lines — and no personal data.

Logs should never carry personal data, but the zip must be safe even when one does: every file in
it goes through `scrub` (ID numbers, card and permit numbers, phone numbers, Chinese text — names and
addresses — and name/address values). `collect` never fails for a missing part: the manifest says
what could not be collected and why. The window's Diagnostics button calls `collect` in a Task,
then `write_output` with the file the technician chose.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import io
import json
import logging
import os
import platform
import re
import sys
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from hallapp import __version__
from hallapp.config import Settings, SettingsError, flat_items, load_settings, shown_value
from hallapp.domain.clock import hall_clock
from hallapp.home import Home
from hallapp.logs import SYNC_WINDOW_LOG

if TYPE_CHECKING:
    from hallapp.storage import Database

log = logging.getLogger(__name__)
T = TypeVar("T")

FOLDER = "hallapp-diagnostics"
DEFAULT_LOG_LINES = 500
DEVICE_TIMEOUT_S = 60.0  # detection probes serial ports at two speeds; a hung probe must not hang the zip
PACKAGES = ("PySide6-Essentials", "PySide6-Addons", "PySide6", "SQLAlchemy", "alembic", "pydantic", "psycopg",
            "cryptography", "gmssl", "reportlab", "pyserial", "python-escpos", "pyscard", "python-sane")
REMOVED = "[removed]"


# --- scrubbing ----------------------------------------------------------------------------------

_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")  # valid check digit or not
_OLD_ID = re.compile(r"(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])")  # first-generation 15-digit cards
_FOREIGN_CARD = re.compile(r"(?<![0-9A-Za-z])[A-Z]{3}\d{12}(?![0-9A-Za-z])")  # foreigner's permanent residence
_PERMIT = re.compile(r"(?<![0-9A-Za-z])[HM]\d{8}(\d{2})?(?![0-9A-Za-z])")  # HK/Macao travel permit
_MOBILE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f·]+")
_PERSONAL_KEYS = r"name|name_en|full_name|applicant|address|delivery_address|phone|mobile|birth|id_number|" \
                 r"certificate_number|card_number|permit_number"
_JSON_VALUE = re.compile(rf'("(?:{_PERSONAL_KEYS})"\s*:\s*)"(?:[^"\\]|\\.)*"', re.IGNORECASE)
_KV_VALUE = re.compile(rf"(?<![A-Za-z_])((?:{_PERSONAL_KEYS})\s*[=:]\s*)('[^']*'|\"[^\"]*\"|[^\s,;}}\]]+)",
                       re.IGNORECASE)


def scrub(text: str) -> str:
    """`text` with every piece of personal data a log line or device answer could hold replaced.

    Chinese text goes as a whole: log messages are English by rule, so Chinese in one is data
    (a name, an address, a hall or item name) and support does not need it.
    """
    text = _JSON_VALUE.sub(rf'\1"{REMOVED}"', text)
    text = _KV_VALUE.sub(rf"\1{REMOVED}", text)
    for pattern in (_ID_NUMBER, _FOREIGN_CARD, _PERMIT, _OLD_ID, _MOBILE, _CJK):
        text = pattern.sub(REMOVED, text)
    return text


# --- the parts ----------------------------------------------------------------------------------

def versions() -> dict[str, Any]:
    """hallapp, Python and the libraries that matter; Qt's through package metadata (no Qt import here)."""
    found = {}
    for name in PACKAGES:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue
    return {"hallapp": __version__, "python": sys.version.split()[0], "python_build": platform.python_implementation(),
            "executable_frozen": bool(getattr(sys, "frozen", False)), "packages": found}


def system() -> dict[str, Any]:
    return {"os": platform.platform(), "system": platform.system(), "release": platform.release(),
            "machine": platform.machine(), "cpus": os.cpu_count(), "hall_time": _now_text(),
            "os_zone": _os_zone(), "qt_platform": os.environ.get("QT_QPA_PLATFORM", "")}


def _now_text() -> str:
    clock = hall_clock()
    return clock.local(clock.now()).isoformat(timespec="seconds")


def _os_zone() -> str:
    import time

    return f"{time.tzname[0]} (UTC{-time.timezone // 3600:+d})"


def settings_text(settings: Settings) -> str:
    """`config show` with secrets hidden."""
    return "".join(f"{key} = {shown_value(key, value)!r}  # {description}\n"
                   for key, value, description in flat_items(settings))


def devices(settings: Settings, demo: bool) -> dict[str, Any]:
    """Detection and the configured roles' overview, from hallapp.devices.detect when this build has it."""
    detect = importlib.import_module("hallapp.devices.detect")
    return {"detected": _bounded(lambda: detect.detect(settings), DEVICE_TIMEOUT_S),
            "overview": _bounded(lambda: detect.overview(settings, demo=demo), DEVICE_TIMEOUT_S)}


def self_tests(home: Home) -> Any:
    selftest = importlib.import_module("hallapp.devices.selftest")
    return selftest.last_results(home)


def sync_counts(db: Database) -> dict[str, Any]:
    from hallapp.sync.outbox_view import sync_status

    return sync_status(db)


def log_tail(logs_dir: Path, lines: int, name: str = "hallapp.log") -> str:
    """The last `lines` lines of the log, reaching into the rotated file when the current one is short."""
    kept: list[str] = []
    for path in (logs_dir / name, logs_dir / f"{name}.1"):
        if len(kept) >= lines or not path.is_file():
            continue
        with open(path, encoding="utf-8", errors="replace") as handle:
            kept = handle.read().splitlines()[-(lines - len(kept)):] + kept
    return "\n".join(kept) + ("\n" if kept else "")


# --- the zip ------------------------------------------------------------------------------------

def collect(home: Home, *, demo: bool = False, log_lines: int = DEFAULT_LOG_LINES, db: Database | None = None) -> bytes:
    """The diagnostics zip as bytes. `db`: an open Database for the outbox counts (None: opened here
    without migrating, so a broken database is reported, not repaired)."""
    notes: dict[str, str] = {}
    files: dict[str, str] = {"versions.json": _json(versions()), "system.json": _json(system())}
    settings = _part(notes, "settings", lambda: load_settings(home.settings_file))
    if settings is not None:
        files["settings.txt"] = settings_text(settings)
        found = _part(notes, "devices", lambda: devices(settings, demo))
        if found is not None:
            files["devices.json"] = _json(found)
        counts = _part(notes, "sync", lambda: _with_db(home, settings, demo, db, sync_counts))
        if counts is not None:
            files["sync.json"] = _json(counts)
    results = _part(notes, "selftest", lambda: self_tests(home))
    if results is not None:
        files["selftest.json"] = _json(results)
    files["log.txt"] = _part(notes, "log", lambda: log_tail(home.logs_dir, log_lines)) or ""
    files["sync-window-log.txt"] = _part(notes, "sync-window log",  # the window's sync process logs apart
                                         lambda: log_tail(home.logs_dir, log_lines, SYNC_WINDOW_LOG)) or ""
    files["manifest.json"] = _json({"created": _now_text(), "demo": demo,
                                    "files": sorted(files), "not_collected": notes,
                                    "log_lines": log_lines, "personal_data": "removed (see scrub in "
                                    "hallapp/services/diagnostics.py)"})
    return _zip(files)


def _part(notes: dict[str, str], name: str, fn: Callable[[], T]) -> T | None:
    """One part, or None with a note: diagnostics are asked for when things are broken."""
    try:
        return fn()
    except ModuleNotFoundError as exc:
        notes[name] = f"not available in this build ({exc.name})"
    except (SettingsError, OSError, TimeoutError) as exc:
        notes[name] = f"{type(exc).__name__}: {exc}"
    except Exception as exc:  # noqa: BLE001 - any failure of one part is a finding, not a crash
        log.warning("diagnostics: %s not collected (%s)", name, type(exc).__name__)
        notes[name] = f"{type(exc).__name__}: {exc}"
    return None


def _with_db(home: Home, settings: Settings, demo: bool, db: Database | None, fn: Callable[[Database], T]) -> T:
    if db is not None:
        return fn(db)
    from hallapp.bootstrap import database_url
    from hallapp.storage import Database

    opened = Database(database_url(home, settings, demo), keys_dir=home.keys_dir)
    try:
        if opened.sqlite_file is not None and not opened.sqlite_file.is_file():
            raise FileNotFoundError(f"no database yet ({opened.sqlite_file.name})")
        return fn(opened)
    finally:
        opened.dispose()


def _bounded(fn: Callable[[], T], timeout_s: float) -> T | None:
    """fn() in a daemon thread, given up after timeout_s (a probe stuck in a driver call)."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=target, name="diagnostics-probe", daemon=True)
    worker.start()
    worker.join(timeout_s)
    if worker.is_alive():
        raise TimeoutError(f"no answer within {timeout_s:.0f} s")
    if "error" in box:
        raise box["error"]
    return box.get("value")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, default=_plain) + "\n"


def _plain(value: Any) -> Any:
    """Dataclasses, enums, paths and times from the device modules, as JSON can hold them."""
    import dataclasses
    import datetime
    import enum

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime.datetime):
        return hall_clock().local(value).isoformat() if value.tzinfo else value.isoformat()
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    if isinstance(value, (datetime.date, Path)):
        return str(value)
    return repr(value)


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(f"{FOLDER}/{name}", scrub(text))
    return buffer.getvalue()
