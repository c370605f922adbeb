"""Daily backups of a SQLite hall and `hallapp db restore` (issue 10 item 7), and the retention purge
run once a day by the sync daemon (item 4): real SQLite files, real CLI processes, the hall's clock."""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from hallapp.domain.clock import FixedClock, hall_clock, using
from hallapp.sending import engine
from hallapp.services import retention
from hallapp.storage import backup
from hallapp.storage.models import OutboxEntry
from tests.integration.test_cli import run
from tests.support.demo_home import install_demo_database
from tests.sync.helpers import make_cases


@pytest.fixture
def hall_app(home: Path, _demo_template: Path) -> Iterator[Any]:
    """The demo hall opened as a real hall's home (hallapp.sqlite3), as the window and the daemon open it."""
    from hallapp.bootstrap import open_app

    install_demo_database(_demo_template, home)
    app = open_app()
    yield app
    app.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".sqlite3"))


def test_one_backup_per_hall_day_and_midnight_starts_the_next(hall_app: Any, home: Path) -> None:
    folder = home / "backups"
    with using(FixedClock.at_local(2026, 12, 1, 23, 59)):
        first = backup.daily(hall_app)
        assert first == folder / "hallapp-2026-12-01.sqlite3"
        stamp = first.stat().st_mtime_ns
        assert backup.daily(hall_app) is None  # the same hall day: nothing new, the file untouched
        assert first.stat().st_mtime_ns == stamp
        hall_clock().set_local(2026, 12, 2, 0, 1)
        assert backup.daily(hall_app) == folder / "hallapp-2026-12-02.sqlite3"
    assert names(folder) == ["hallapp-2026-12-01.sqlite3", "hallapp-2026-12-02.sqlite3"]
    assert folder.stat().st_mode & 0o777 == 0o700
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in folder.iterdir())
    info = backup.inspect(first)  # a whole database of this hall, not a half-copied one
    assert info.hall_code == backup.hall_code_of(hall_app.db.sqlite_file) and backup.quick_check(first) == []


def test_rotation_keeps_the_newest_days_and_each_months_first(hall_app: Any, home: Path) -> None:
    hall_app.settings.backup.keep_daily, hall_app.settings.backup.keep_monthly = 3, 2
    clock = FixedClock.at_local(2026, 10, 25, 8, 30)
    with using(clock):
        for _day in range(42):  # 2026-10-25 … 2026-12-05
            assert backup.daily(hall_app) is not None
            clock.advance(days=1)
    assert names(home / "backups") == [f"hallapp-2026-{d}.sqlite3" for d in ("11-01", "12-01", "12-03", "12-04", "12-05")]


def _corrupt(database: Path) -> None:
    """Garbage over the middle of the file, page 1 (the header) left intact: what a failing disk does."""
    data = bytearray(database.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    start, end = page * 2, max(page * 3, len(data) // 2)
    data[start:end] = bytes((i * 151 + 7) % 256 for i in range(end - start))
    database.write_bytes(bytes(data))


def test_a_corrupted_backup_never_replaces_a_good_one(hall_app: Any, home: Path,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    hall_app.settings.backup.keep_daily, hall_app.settings.backup.keep_monthly = 1, 0
    with using(FixedClock.at_local(2026, 12, 1, 9, 0)) as clock:
        good = backup.daily(hall_app)
        before = digest(good)
        database = hall_app.db.sqlite_file
        hall_app.db.dispose()
        _corrupt(database)
        clock.set_local(2026, 12, 2, 9, 0)
        with caplog.at_level(logging.WARNING, logger="hallapp.storage.backup"):
            assert backup.daily(hall_app) is None
    assert names(home / "backups") == ["hallapp-2026-12-01.sqlite3"] and digest(good) == before
    assert not [p for p in (home / "backups").iterdir() if p.name.endswith(".part")]
    assert "daily backup not made" in caplog.text
    shutil.copyfile(good, database)  # the fixture closes a sound database


def test_restore_latest_brings_the_cases_back_after_the_file_was_deleted(hall_app: Any, home: Path) -> None:
    numbers = make_cases(hall_app, 2, materials=1, size=200)
    hall_app.close()
    made = run(home, "db", "backup")
    assert made.returncode == 0, made.stderr
    assert "personal.key" in made.stdout
    database = home / "hallapp.sqlite3"
    for each in (database, home / "hallapp.sqlite3-wal", home / "hallapp.sqlite3-shm"):
        each.unlink(missing_ok=True)

    lost = run(home, "db", "upgrade")
    assert lost.returncode == 2 and "hallapp db restore --latest" in lost.stderr

    restored = run(home, "db", "restore", "--latest")
    assert restored.returncode == 0, restored.stderr
    assert "2 cases" in restored.stdout and "keys/personal.key" in restored.stdout
    for number in numbers:
        shown = run(home, "case", "show", number)
        assert shown.returncode == 0, shown.stderr
        assert json.loads(shown.stdout)["number"] == number
    # The events after the backup are gone on purpose: the restore is itself recorded and the trail verifies.
    verified = run(home, "audit", "verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert list(home.glob("audit-anchor-before-restore-*.jsonl")), "the old anchors are kept as evidence"

    again = run(home, "db", "restore", "--latest")  # over a sound database: only on purpose
    assert again.returncode == 2 and "--force" in again.stderr
    forced = run(home, "db", "restore", "--latest", "--force")
    assert forced.returncode == 0, forced.stderr
    kept = [p for p in (home / "backups").iterdir() if "before-restore" in p.name]
    assert len(kept) == 1 and backup.inspect(kept[0]).cases == 2 and str(kept[0]) in forced.stdout


def test_restore_refuses_another_halls_backup_and_a_database_in_use(hall_app: Any, home: Path,
                                                                    tmp_path: Path) -> None:
    make_cases(hall_app, 1, materials=1, size=200)
    other = tmp_path / "other-hall.sqlite3"
    with closing(sqlite3.connect(hall_app.db.sqlite_file)) as src, closing(sqlite3.connect(other)) as dst:
        src.backup(dst)
        dst.execute("UPDATE hall SET code = 'OTHER0001'")
        dst.commit()
    database = hall_app.db.sqlite_file
    assert run(home, "db", "backup").returncode == 0

    # The window (this process) still has the database open: a restore now would pull it from under it.
    busy = run(home, "db", "restore", "--latest", "--force")
    assert busy.returncode == 2 and "in use by process" in busy.stderr
    hall_app.close()
    before = digest(database)

    refused = run(home, "db", "restore", str(other), "--force")
    assert refused.returncode == 2, refused.stdout
    assert "hall OTHER0001" in refused.stderr and "Traceback" not in refused.stderr
    assert digest(database) == before  # nothing touched

    damaged = tmp_path / "damaged.sqlite3"
    shutil.copyfile(other, damaged)
    _corrupt(damaged)
    result = run(home, "db", "restore", str(damaged), "--force")
    assert result.returncode == 2 and "damaged" in result.stderr and digest(database) == before


class _Days(threading.Event):
    """The daemon's stop event: `runs` turns of the loop, the hall's clock 12 hours on at every wait."""

    def __init__(self, clock: FixedClock, runs: int) -> None:
        super().__init__()
        self.clock, self.left = clock, runs

    def is_set(self) -> bool:
        self.left -= 1
        return self.left < 0

    def wait(self, timeout: float | None = None) -> bool:
        self.clock.advance(hours=12)
        return False


def test_the_daemon_purges_once_per_hall_day(hall_app: Any, home: Path, monkeypatch: pytest.MonkeyPatch,
                                            caplog: pytest.LogCaptureFixture) -> None:
    old = make_cases(hall_app, 1, materials=1, size=200)[0]
    with hall_app.db.unit_of_work(write=True) as uow:
        uow.session.execute(update(OutboxEntry).where(OutboxEntry.case_number == old).values(
            state="confirmed", confirmed_at=hall_clock().now() - timedelta(days=400)))
    calls = []
    real = retention.purge
    monkeypatch.setattr(retention, "purge", lambda *a, **k: calls.append(k) or real(*a, **k))
    clock = FixedClock.at_local(2026, 12, 1, 10, 0)
    with using(clock), caplog.at_level(logging.INFO):
        engine.SyncEngine(hall_app).run_forever(_Days(clock, runs=4))  # 10:00, 22:00, 10:00, 22:00
    assert len(calls) == 2 and calls[0]["actor"] == "sync"
    assert "retention: 1 cases purged" in caplog.text  # one line with the counts, the first day
    assert names(home / "backups") == ["hallapp-2026-12-01.sqlite3", "hallapp-2026-12-02.sqlite3"]

    calls.clear()
    engine.SyncEngine(hall_app).run_forever(_Days(clock, runs=2), daily=False)  # as the window's thread runs it
    assert calls == []
