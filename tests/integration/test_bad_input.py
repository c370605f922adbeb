"""Every bad input explained in one plain message, and nothing half-applied."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.test_cli import run


def _closing_the_first_dialog(qapp, seen: list[str]) -> None:
    """Read and close the first modal dialog as a person would (Enter on its default button)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def look() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text() + "\n" + box.informativeText())
            box.accept()
        else:
            QTimer.singleShot(50, look)

    QTimer.singleShot(50, look)


@pytest.mark.parametrize("damage", ["not-utf8", "folder"])
def test_a_damaged_settings_file_at_window_start_is_a_dialog_and_a_clean_exit(home: Path, qapp, damage: str) -> None:
    from ui.app import run_gui

    home.mkdir(parents=True)
    settings = home / "settings.toml"
    if damage == "folder":
        settings.mkdir()
    else:
        settings.write_bytes("[counter]\nnumber = 3 # 窗口\n".encode("gb18030"))
    seen: list[str] = []
    _closing_the_first_dialog(qapp, seen)
    assert run_gui() == 2
    assert len(seen) == 1 and str(settings) in seen[0]
    assert ("UTF-8" if damage == "not-utf8" else "folder") in seen[0]
    log = (home / "logs" / "hallapp.log").read_text(encoding="utf-8")
    assert "settings" in log and "Traceback" not in log


def test_a_damaged_settings_file_on_the_command_line_is_one_line_exit_2(home: Path) -> None:
    home.mkdir(parents=True)
    (home / "settings.toml").write_bytes(b"[counter]\nnumber = 3 # \xb4\xb0\xbf\xda\n")
    for args in (("config", "show"), ("db", "upgrade"), ("config", "set", "counter.number", "2")):
        result = run(home, *args)
        assert result.returncode == 2 and "UTF-8" in result.stderr and result.stderr.count("\n") == 1, args


@pytest.mark.parametrize(
    ("key", "value"),
    [("database.url", "not a url"), ("platform.url", "not a url"), ("devices.idcard_baud", "-9600"),
     ("documents.holiday_calendars", "../../../../etc/passwd")],
)
def test_config_set_refuses_values_that_break_later_commands(home: Path, key: str, value: str) -> None:
    result = run(home, "config", "set", key, value)
    assert result.returncode == 2 and key in result.stderr and result.stderr.count("\n") == 1
    assert not (home / "settings.toml").exists()
    assert run(home, "db", "upgrade").returncode == 0


def _damage_table(db_file: Path, table: str) -> None:
    """Garble one b-tree page of ``table`` the way a bad sector would."""
    import sqlite3

    with sqlite3.connect(db_file) as con:
        page_size = con.execute("pragma page_size").fetchone()[0]
        root = con.execute("select rootpage from sqlite_master where name = ?", (table,)).fetchone()[0]
    con.close()
    with open(db_file, "r+b") as handle:
        handle.seek((root - 1) * page_size + 8)
        handle.write(b"\xa5" * (page_size - 16))


def test_a_damaged_database_is_refused_before_anything_is_written(home: Path, demo_db) -> None:
    import hashlib

    demo_db.dispose()
    db_file = home / "demo.sqlite3"
    _damage_table(db_file, "service_item")
    before = hashlib.sha256(db_file.read_bytes()).hexdigest()
    result = run(home, "--demo", "demo", "seed-cases", "1")
    assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
    assert "damaged" in result.stderr and str(db_file) in result.stderr and "backup" in result.stderr
    assert hashlib.sha256(db_file.read_bytes()).hexdigest() == before
    assert not (home / "demo.sqlite3-wal").exists() or (home / "demo.sqlite3-wal").stat().st_size == 0


def test_a_file_that_is_no_database_is_not_blamed_on_database_url(home: Path) -> None:
    home.mkdir(parents=True)
    (home / "hallapp.sqlite3").write_bytes(b"this is a holiday photo, not a database" * 200)
    result = run(home, "db", "upgrade")
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "hallapp.sqlite3" in result.stderr and "database.url" not in result.stderr
