"""Backups of a SQLite hall and the way back from one.

A backup is taken with SQLite's online backup API (a consistent copy while counters keep working),
checked with `PRAGMA quick_check` and only then renamed into `<home>/backups/hallapp-<hall day>.sqlite3`;
only after that are older ones rotated out (keep `keep_daily` days and the first backup of each of
the last `keep_monthly` months), so a bad copy never costs a good one. Once per hall day, by whoever
runs first (the window at start-up, the `hallapp sync` daemon): cheap when today's file exists.

Personal fields inside are sealed with `keys/personal.key`, which is not in the database: a backup is
restorable only in a home that holds that key. PostgreSQL halls back up with pg_dump; nothing here.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from hallapp.domain.clock import hall_clock
from hallapp.home import Home
from hallapp.storage import sealing
from hallapp.storage.database import SQLITE_BUSY_TIMEOUT_MS, Database

log = logging.getLogger(__name__)

FOLDER = "backups"
HALL_FILE = "hall-code"  # which hall this home's backups belong to, for a restore after the database is gone
_NAME = re.compile(r"^hallapp-(\d{4}-\d{2}-\d{2})\.sqlite3$")


class BackupError(RuntimeError):
    """A backup that cannot be made or used; the message says what to do and holds no personal data."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    hall_code: str
    revision: str
    key_id: str | None  # the personal-data key its sealed fields need (None: nothing sealed)
    cases: int


class _App(Protocol):
    db: Database
    home: Home
    settings: Any
    demo: bool


def folder_of(home: Home) -> Path:
    return home.root / FOLDER


def name_for(day: date) -> str:
    return f"hallapp-{day.isoformat()}.sqlite3"


def backups(folder: Path) -> list[tuple[date, Path]]:
    """The daily backups in `folder`, oldest first (a kept `…-before-restore-…` copy is not one)."""
    found = []
    for path in folder.glob("hallapp-*.sqlite3") if folder.is_dir() else ():
        match = _NAME.match(path.name)
        if match and path.is_file():
            found.append((date.fromisoformat(match.group(1)), path))
    return sorted(found)


def latest(folder: Path) -> Path | None:
    found = backups(folder)
    return found[-1][1] if found else None


# --- making ---------------------------------------------------------------------------------------


def daily(app: _App) -> Path | None:
    """Today's backup of the app's SQLite hall if none exists yet; never raises (a failure is logged)."""
    if app.demo or app.db.sqlite_file is None:
        return None  # the demo hall needs none; PostgreSQL: pg_dump (docs/reliability.md)
    folder, day = folder_of(app.home), hall_clock().today()
    if (folder / name_for(day)).is_file():
        return None
    keep = app.settings.backup
    try:
        return make(app.db.sqlite_file, folder, day, keep_daily=keep.keep_daily, keep_monthly=keep.keep_monthly)
    except (BackupError, OSError, sqlite3.Error) as exc:
        log.warning("daily backup not made: %s", exc)
        return None


def make(source: Path, folder: Path, day: date, *, keep_daily: int, keep_monthly: int) -> Path:
    """Copy `source` into `folder` as the backup of `day` (replacing that day's), then rotate."""
    _private_folder(folder)
    target = folder / name_for(day)
    part = folder / f".{target.name}.{os.getpid()}.part"
    try:
        _online_copy(source, part)
        problems = quick_check(part)
        if problems:
            raise BackupError(f"the copy of {source.name} failed quick_check ({problems[0]}); older backups kept")
        code = hall_code_of(part)
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)
    if code:
        _write_private(folder / HALL_FILE, code)
    removed = rotate(folder, keep_daily=keep_daily, keep_monthly=keep_monthly)
    log.info("backup %s made (%d bytes); %d older removed", target.name, target.stat().st_size, len(removed))
    return target


def _online_copy(source: Path, target: Path) -> None:
    if not source.is_file() or source.stat().st_size == 0:
        raise BackupError(f"there is no database at {source} to back up")
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        src.backup(dst)  # one step: a consistent snapshot, writers go on meanwhile (WAL)
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
    with open(target, "rb+") as handle:
        os.fsync(handle.fileno())


def rotate(folder: Path, *, keep_daily: int, keep_monthly: int) -> list[Path]:
    """Remove backups that are neither among the newest `keep_daily` nor the first of one of the
    newest `keep_monthly` months; returns what was removed."""
    found = backups(folder)
    keep = {path for _day, path in found[-keep_daily:]} if keep_daily > 0 else set()
    firsts: dict[tuple[int, int], Path] = {}
    for day, path in found:
        firsts.setdefault((day.year, day.month), path)
    keep.update(path for _month, path in sorted(firsts.items())[-keep_monthly:] if keep_monthly > 0)
    removed = [path for _day, path in found if path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


# --- checking ------------------------------------------------------------------------------------


def quick_check(path: Path) -> list[str]:
    """SQLite's quick_check of a file: [] when it is sound, else the first problems."""
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as con:
            rows = [row[0] for row in con.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def inspect(path: Path) -> BackupInfo:
    """What a candidate file holds; BackupError if it is damaged or not a hallapp database with a hall."""
    if not path.is_file() or path.stat().st_size == 0:
        raise BackupError(f"{path} is not a file or is empty: give a backup file (hallapp-YYYY-MM-DD.sqlite3)")
    problems = quick_check(path)
    if problems:
        raise BackupError(f"{path.name} is damaged ({problems[0]}): choose another backup")
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as con:
            tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not {"alembic_version", "hall", "case_file"} <= tables:
                raise BackupError(f"{path.name} is not a hallapp database: choose a backup from <home>/{FOLDER}")
            revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
            halls = [row[0] for row in con.execute("SELECT code FROM hall")]
            cases = con.execute("SELECT count(*) FROM case_file").fetchone()[0]
            key_id = _sealed_with(con, tables)
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path.name} cannot be read ({exc}): choose another backup") from exc
    if len(halls) != 1:
        raise BackupError(f"{path.name} holds no hall (a database before set-up): choose another backup")
    return BackupInfo(path, halls[0], revision[0] if revision else "", key_id, cases)


def _sealed_with(con: sqlite3.Connection, tables: set[str]) -> str | None:
    if "sealing_key" not in tables:
        return None
    sealed = con.execute("SELECT (SELECT count(*) FROM applicant) + (SELECT count(*) FROM outbox_entry)").fetchone()
    row = con.execute("SELECT key_id FROM sealing_key").fetchone()
    return row[0] if row and sealed and sealed[0] else None


def hall_code_of(path: Path) -> str:
    """The hall code in a SQLite file, "" if it has none or cannot be read."""
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as con:
            row = con.execute("SELECT code FROM hall").fetchone()
    except sqlite3.DatabaseError:
        return ""
    return row[0] if row else ""


def home_hall_code(database: Path, folder: Path) -> str | None:
    """The hall this home belongs to: its database's, or (the database gone) the one its backups recorded."""
    if database.is_file() and database.stat().st_size and not quick_check(database):
        code = hall_code_of(database)
        if code:
            return code
    try:
        return (folder / HALL_FILE).read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def check_key(info: BackupInfo, keys_dir: Path) -> None:
    """Refuse a backup whose personal fields this home cannot open (keys/personal.key is not in it)."""
    if info.key_id is None:
        return
    key = sealing.load_key(keys_dir)
    if key is None or sealing.Sealer(key).key_id != info.key_id:
        raise BackupError(f"{info.path.name} is sealed with personal-data key {info.key_id}, which "
                          f"{keys_dir / sealing.KEY_FILE} is not: a backup is restorable only with the key of its "
                          f"hall: copy keys/{sealing.KEY_FILE} from a PC of this hall, then restore again")


# --- restoring -----------------------------------------------------------------------------------


def holders(database: Path) -> list[int]:
    """Other processes that have the database (or its -wal) open: Linux /proc; [] where there is none."""
    names = {str(each.resolve()) for each in _companions(database)} | {str(database.resolve())}
    pids = []
    for proc in Path("/proc").glob("[0-9]*"):
        if proc.name == str(os.getpid()):
            continue
        try:
            if any(os.readlink(fd) in names for fd in (proc / "fd").iterdir()):
                pids.append(int(proc.name))
        except OSError:  # another user's process, or gone meanwhile
            continue
    return pids


def restore(info: BackupInfo, database: Path, kept_dir: Path, *, now: datetime | None = None) -> Path | None:
    """Put the backup in place of `database`, atomically; the current file (if any) is kept in
    `kept_dir` as hallapp-before-restore-<time>.sqlite3, which is returned."""
    busy = holders(database)
    if busy:
        raise BackupError(f"the database is in use by process {', '.join(map(str, busy))} (the window or "
                          "`hallapp sync`): close them, then restore again")
    part = database.with_name(f".{database.name}.{os.getpid()}.restore")
    try:
        _online_copy(info.path, part)
        if quick_check(part):
            raise BackupError(f"the copy of {info.path.name} failed quick_check: nothing was changed")
        kept = _keep_current(database, kept_dir, now or hall_clock().now())
        for each in _companions(database):
            each.unlink(missing_ok=True)  # a -wal of the old file must never be applied to the new one
        os.replace(part, database)
    finally:
        part.unlink(missing_ok=True)
    log.info("database restored from %s (hall %s)", info.path.name, info.hall_code)
    return kept


def _keep_current(database: Path, kept_dir: Path, now: datetime) -> Path | None:
    if not database.is_file() or database.stat().st_size == 0:
        return None
    _private_folder(kept_dir)
    kept = kept_dir / f"hallapp-before-restore-{hall_clock().local(now):%Y%m%dT%H%M%S}.sqlite3"
    if not quick_check(database):
        _take_lock_and_copy(database, kept)
        return kept
    _raw_copy([database, _companions(database)[0]], kept)  # a damaged file is kept as it is, -wal included
    return kept


def _take_lock_and_copy(database: Path, kept: Path) -> None:
    """A writer in the middle of a transaction means someone still works here: refuse, else copy."""
    with closing(sqlite3.connect(database, timeout=0.5)) as con:
        try:
            con.execute("BEGIN EXCLUSIVE")
            con.execute("ROLLBACK")
        except sqlite3.OperationalError as exc:
            raise BackupError("the database is in use (a transaction is open): close the window and "
                              "`hallapp sync`, then restore again") from exc
        os.close(os.open(kept, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
        with closing(sqlite3.connect(kept)) as dst:
            con.backup(dst)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _raw_copy(files: Iterable[Path], kept: Path) -> None:
    for each in files:
        if each.is_file():
            suffix = each.name[-4:] if each.name.endswith("-wal") else ""
            _write_private(kept.with_name(kept.name + suffix), each.read_bytes())


def _companions(database: Path) -> list[Path]:
    return [database.with_name(database.name + "-wal"), database.with_name(database.name + "-shm")]


def _private_folder(folder: Path) -> None:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if folder.stat().st_mode & 0o777 != 0o700:
        os.chmod(folder, 0o700)


def _write_private(path: Path, data: str | bytes) -> None:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(raw)
