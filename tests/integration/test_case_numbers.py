"""Case numbers unique for good: two PCs of one hall on their own SQLite files, a bundle carried
between them, a database restored from an older copy, and a lost database that is refused."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from hallapp.sending import engine
from hallapp.sync import bundle, crypto
from hallapp.sync.options import SyncOptions
from tests.integration.test_bad_input import _closing_the_first_dialog
from tests.integration.test_cli import run
from tests.support.demo_home import install_demo_database
from tests.sync.helpers import make_cases, register

NUMBER = re.compile(r"^(?P<hall>[0-9A-Z]+)-(?P<day>\d{8})-(?P<station>[A-HJ-NPR-Y]{3})-(?P<serial>\d{4})$")
FAST = SyncOptions(backoff_base_s=0.01, backoff_cap_s=0.05)


@pytest.fixture
def open_home(tmp_path: Path, _demo_template: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Opens the demo hall (one hall code) in a home of its own SQLite file, as a second PC would."""
    from hallapp.bootstrap import open_app

    opened = []

    def opener(name: str, *, copy_template: bool = True) -> Any:
        root = tmp_path / name
        root.mkdir(exist_ok=True)
        if copy_template and not (root / "hallapp.sqlite3").exists():
            install_demo_database(_demo_template, root)
        monkeypatch.setenv("HALLAPP_HOME", str(root))
        opened.append(open_app())
        return opened[-1]

    yield opener
    for context in opened:
        context.close()


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[Any]:
    from hallapp.simulator import server as simulator

    server = simulator.serve(0, data_dir=tmp_path / "platform")
    yield server
    server.close()


def _parts(number: str) -> dict[str, str]:
    match = NUMBER.match(number)
    assert match, number
    return match.groupdict()


def _backup(app: Any, target: Path) -> None:
    """An online copy of the home's database, as a backup tool would take it."""
    with closing(sqlite3.connect(app.db.sqlite_file)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def test_two_pcs_of_one_hall_issue_different_numbers_the_same_day(open_home) -> None:
    first, second = open_home("pc1"), open_home("pc2")
    numbers = make_cases(first, 3, materials=1, size=200) + make_cases(second, 4, materials=1, size=200)
    assert len(set(numbers)) == 7
    parts = [_parts(n) for n in numbers]
    assert {p["hall"] for p in parts} == {"DEMO510104"} and len({p["day"] for p in parts}) == 1
    assert [p["serial"] for p in parts] == ["0001", "0002", "0003", "0001", "0002", "0003", "0004"]
    assert parts[0]["station"] != parts[3]["station"]  # each PC numbers under its own station


def test_a_bundle_from_one_pc_brings_every_case_into_the_other(open_home, sim, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(bundle.PASSPHRASE_ENV, "county-usb-2026")
    first, second = open_home("pc1"), open_home("pc2")
    register(first, sim.url)
    register(second, sim.url)
    carried = make_cases(first, 3, materials=1, size=500)
    own = make_cases(second, 4, materials=1, size=500, seed=8)
    folder = bundle.export_unsent(first, tmp_path / "usb")["path"]
    # The administrator lists the first PC's key on the second (`hallapp bundle trust`): only then is its bundle taken.
    bundle.trust_key(second.home.keys_dir, (first.home.keys_dir / crypto.PUBLIC_FILE).read_text())
    imported = bundle.import_bundle(second, folder)
    assert (imported["enqueued"], imported["already"]) == (3, 0)
    assert engine.run_once(second, options=FAST)["confirmed"] == 7
    stats = sim.stats()
    assert stats["cases_received"] == 7 and stats["duplicates"] == 0
    held = sorted(c["case_number"] for c in sim.platform.store.cases())
    assert held == sorted(carried + own)


def test_a_database_restored_from_an_older_copy_does_not_hand_out_a_number_again(open_home, tmp_path: Path) -> None:
    app = open_home("pc1")
    before = make_cases(app, 2, materials=1, size=200)
    _backup(app, tmp_path / "backup.sqlite3")
    after = make_cases(app, 2, materials=1, size=200, seed=8)
    app.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{app.db.sqlite_file}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(tmp_path / "backup.sqlite3", app.db.sqlite_file)
    restored = open_home("pc1")
    again = make_cases(restored, 1, materials=1, size=200, seed=9)
    assert _parts(again[0])["serial"] == "0005" and _parts(again[0])["station"] == _parts(before[0])["station"]
    assert len(set(before + after + again)) == 5


def _lose_database(home: Path, how: str) -> Path:
    database = home / "hallapp.sqlite3"
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    if how == "deleted":
        database.unlink()
    else:
        database.write_bytes(b"")
    return database


@pytest.mark.parametrize("how", ["deleted", "zero-length"])
def test_a_lost_database_in_a_home_with_keys_and_scans_is_refused(open_home, tmp_path: Path, how: str) -> None:
    app = open_home("pc1")
    make_cases(app, 1, materials=1, size=200)
    app.close()
    home = tmp_path / "pc1"
    database = _lose_database(home, how)
    for args in (("db", "upgrade"), ("catalog", "search", "sbk")):
        result = run(home, *args)
        assert result.returncode == 2, result.stderr
        assert result.stderr.count("\n") == 1 and "missing or empty" in result.stderr
        assert "Restore the database file from the backup" in result.stderr and "--accept-new-database" in result.stderr
        assert "keys" in result.stderr and "scanned materials" in result.stderr
    assert not database.exists() or database.stat().st_size == 0  # nothing was created over the loss
    assert "refused to start: new database" in (home / "logs" / "hallapp.log").read_text(encoding="utf-8")
    assert run(home, "db", "upgrade", env={"HALLAPP_ACCEPT_NEW_DATABASE": "1"}).returncode == 0
    assert run(home, "db", "upgrade").returncode == 0  # the new database was accepted once, for good


def test_a_first_start_in_a_new_home_is_not_refused(home: Path) -> None:
    assert run(home, "db", "upgrade").returncode == 0
    assert (home / "hallapp.sqlite3").stat().st_size > 0


def test_the_window_shows_the_refusal_in_a_dialog_and_exits_2(open_home, tmp_path: Path, qapp,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.app import run_gui

    app = open_home("pc1")
    make_cases(app, 1, materials=1, size=200)
    app.close()
    home = tmp_path / "pc1"
    _lose_database(home, "zero-length")
    monkeypatch.setenv("HALLAPP_LANGUAGE", "en")
    seen: list[str] = []
    _closing_the_first_dialog(qapp, seen)
    assert run_gui() == 2
    assert len(seen) == 1 and "missing or empty" in seen[0] and "--accept-new-database" in seen[0]
    assert str(home / "hallapp.sqlite3") in seen[0]
    assert (home / "hallapp.sqlite3").stat().st_size == 0


def test_demo_mode_is_never_refused(open_home, tmp_path: Path) -> None:
    app = open_home("pc1")
    make_cases(app, 1, materials=1, size=200)
    app.close()
    result = run(tmp_path / "pc1", "--demo", "db", "upgrade")
    assert result.returncode == 0, result.stderr
    assert os.path.getsize(tmp_path / "pc1" / "demo.sqlite3") > 0
