"""Hall-wide settings on a shared PostgreSQL database (issue 11): one `config set` on one PC, and every
counter uses the value without a file; a SQLite hall keeps them in its file. A database server that
accepts a connection and never answers is reported within seconds.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from hallapp import config
from hallapp.home import Home
from hallapp.services import audit, staff
from hallapp.services.hall import ensure_demo_hall
from hallapp.storage import Database, DatabaseError

HALLAPP = [sys.executable, "-m", "ui.launcher"]  # what the `hallapp` console script runs


def run(home: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith("HALLAPP_")}
    return subprocess.run([*HALLAPP, *args], capture_output=True, text=True, timeout=120,
                          env={**base, "HALLAPP_HOME": str(home), **(env or {})})


def pc(root: Path, url: str, extra: str = "") -> Home:
    root.mkdir(parents=True)
    (root / "settings.toml").write_text(f'[database]\nurl = "{url}"\n{extra}', encoding="utf-8")
    return Home(root).ensure()


@pytest.fixture
def shared_url(postgres_cluster, home: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A shared database with a hall in it (set up from a first PC's home)."""
    monkeypatch.setattr(staff, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    url = postgres_cluster.create_database(f"t_{uuid.uuid4().hex[:12]}")
    db = Database(url, keys_dir=home / "keys")
    db.upgrade()
    ensure_demo_hall(db)
    db.dispose()
    return url


def test_a_hall_wide_key_set_on_one_pc_is_used_by_another_without_a_file(shared_url: str, tmp_path: Path) -> None:
    pc_a = pc(tmp_path / "pc-a", shared_url)
    pc_b = pc(tmp_path / "pc-b", shared_url, "[evaluation]\nfollow_up_days = 3\n")  # a stale copy of its own

    saved = run(pc_a.root, "config", "set", "evaluation.follow_up_days", "7")
    assert saved.returncode == 0, saved.stderr
    assert "hall's database" in saved.stdout
    assert "follow_up_days" not in pc_a.settings_file.read_text()  # not in A's file: in the database

    shown = run(pc_b.root, "config", "show")
    assert shown.returncode == 0, shown.stderr
    assert "evaluation.follow_up_days = 7  # [hall]" in shown.stdout
    assert "counter.number = 1  # The counter" in shown.stdout  # per-PC keys stay this PC's, unmarked
    assert config.load_settings(pc_b.settings_file).evaluation.follow_up_days == 7  # what the app opens with
    assert config.load_settings(pc_b.settings_file, hall_wide=False).evaluation.follow_up_days == 3

    again = run(pc_b.root, "config", "set", "evaluation.follow_up_days", "7")
    assert again.returncode == 0 and "nothing changed" in again.stdout
    assert "no longer used" in again.stderr  # B's own file line is named as dead

    db = Database(shared_url, keys_dir=pc_a.keys_dir)
    try:
        audit.attach(db, pc_a)
        events = audit.recent(db, action="hall_setting_changed")
        assert [(e.actor, e.subject) for e in events] == [("cli", "setting:evaluation.follow_up_days")]
    finally:
        db.dispose()


def test_a_refused_hall_wide_value_changes_nothing(shared_url: str, tmp_path: Path) -> None:
    pc_a = pc(tmp_path / "pc-a", shared_url)
    refused = run(pc_a.root, "config", "set", "retention.days", "0")
    assert refused.returncode == 2 and "retention.days" in refused.stderr, refused.stderr
    assert config.load_settings(pc_a.settings_file).retention.days == 180


def test_per_pc_keys_stay_in_the_file_on_a_shared_database(shared_url: str, tmp_path: Path) -> None:
    pc_a = pc(tmp_path / "pc-a", shared_url)
    pc_b = pc(tmp_path / "pc-b", shared_url)
    assert run(pc_a.root, "config", "set", "ticket_printer.width_mm", "58").returncode == 0
    assert "width_mm = 58" in pc_a.settings_file.read_text()
    assert config.load_settings(pc_b.settings_file).ticket_printer.width_mm == 80


def test_on_sqlite_the_file_stays_the_source(home: Path) -> None:
    saved = run(home, "config", "set", "evaluation.follow_up_days", "9")
    assert saved.returncode == 0, saved.stderr
    assert "follow_up_days = 9" in (home / "settings.toml").read_text()
    assert "[hall]" not in run(home, "config", "show").stdout


@pytest.fixture
def silent_server():
    """A port that accepts a TCP connection and never says a word (a hung database server)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    yield listener.getsockname()[1]
    listener.close()


def test_a_database_server_that_never_answers_is_reported_within_seconds(silent_server: int, home: Path) -> None:
    url = f"postgresql+psycopg://hall:Zq7-secret@127.0.0.1:{silent_server}/hall"
    db = Database(url, keys_dir=home / "keys", connect_timeout_s=2)
    started = time.monotonic()
    try:
        with pytest.raises(DatabaseError) as away, db.unit_of_work() as uow:
            uow.halls.the_hall()
    finally:
        db.dispose()
    assert time.monotonic() - started < 6
    assert f"127.0.0.1:{silent_server}" in str(away.value) and "no answer within 2 s" in str(away.value)
    assert "Zq7-secret" not in str(away.value)


def test_settings_fall_back_to_the_file_quickly_when_the_shared_database_hangs(silent_server: int,
                                                                               tmp_path: Path) -> None:
    url = f"postgresql+psycopg://hall:pw@127.0.0.1:{silent_server}/hall"
    place = pc(tmp_path / "pc", url, "connect_timeout_s = 1\n[evaluation]\nfollow_up_days = 4\n")
    started = time.monotonic()
    assert config.load_settings(place.settings_file).evaluation.follow_up_days == 4
    assert time.monotonic() - started < 5
