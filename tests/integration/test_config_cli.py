"""`hallapp config show | export | import` as a technician rolls settings out: real processes, a home each.

A secret never reaches the screen or an export file; an import changes every key it names or none."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

HALLAPP = [sys.executable, "-m", "ui.launcher"]  # what the `hallapp` console script runs
PASSWORD = "Zq7-hall-secret"  # noqa: S105 - a test database password that must never be printed
URL = f"postgresql+psycopg://hall:{PASSWORD}@db-host/hall"


def run(home: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith("HALLAPP_")}
    return subprocess.run([*HALLAPP, *args], capture_output=True, text=True, timeout=120,
                          env={**base, "HALLAPP_HOME": str(home), **(env or {})})


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, (result.stdout, result.stderr)
    return result.stdout


def refused(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    return result.stderr


def configure(home: Path, **values: str) -> None:
    """Settings as a technician's earlier `config set` left them (written directly: each run costs seconds)."""
    sections: dict[str, list[str]] = {}
    for key, value in values.items():
        section, name = key.split("__")
        sections.setdefault(section, []).append(f"{name} = {value if value.isdigit() else repr(value)}")
    home.mkdir(parents=True, exist_ok=True)
    (home / "settings.toml").write_text("".join(f"[{s}]\n" + "\n".join(lines) + "\n" for s, lines in sections.items()),
                                        encoding="utf-8")


def test_show_hides_the_database_password_from_the_file_and_from_the_environment(tmp_path: Path) -> None:
    home = tmp_path / "pc1"
    configure(home, database__url=URL)
    for env in ({}, {"HALLAPP_DATABASE_URL": URL.replace("db-host", "db2")}):
        result = run(home, "config", "show", env=env)
        out = ok(result)
        assert PASSWORD not in out + result.stderr
        host = "db2" if env else "db-host"
        assert f"database.url = 'postgresql+psycopg://hall:***@{host}/hall'" in out
    assert "counter.number = 1" in out  # everything else as before


def test_settings_file_is_private_to_its_user(tmp_path: Path) -> None:
    if sys.platform == "win32":
        pytest.skip("POSIX file modes")
    home = tmp_path / "pc1"
    ok(run(home, "config", "set", "database.url", URL))
    assert PASSWORD not in (home / "logs" / "hallapp.log").read_text(encoding="utf-8")
    assert (home / "settings.toml").stat().st_mode & 0o077 == 0


def test_export_then_import_carries_hall_wide_settings_and_keeps_each_pcs_own(tmp_path: Path) -> None:
    source, target, exported = tmp_path / "pc1", tmp_path / "pc2", tmp_path / "hall-settings.toml"
    configure(source, database__url=URL, counter__number="3", ui__language="en", sync__batch="12",
              security__idle_lock_minutes="15", devices__idcard_port="/dev/ttyUSB0",
              ticket_printer__uri="tcp://10.0.0.9:9100", ticket_printer__width_mm="58")
    configure(target, counter__number="5", devices__idcard_port="COM3", sync__batch="8")

    out = ok(run(source, "config", "export", str(exported)))
    text = exported.read_text(encoding="utf-8")
    assert PASSWORD not in text + out and "db-host" not in text
    header = "".join(line for line in text.splitlines(keepends=True) if line.startswith("#"))
    for key in ("database.url", "counter.number", "devices.idcard_port", "ticket_printer.uri"):
        assert f"#   {key}\n" in header  # named as left out
    assert tomllib.loads(text) == {"ui": {"language": "en"}, "security": {"idle_lock_minutes": 15},
                                   "sync": {"batch": 12}, "ticket_printer": {"width_mm": 58}}

    out = ok(run(target, "config", "import", str(exported)))
    assert "4 of 4 settings changed" in out
    shown = ok(run(target, "config", "show"))
    for line in ("ui.language = 'en'", "sync.batch = 12", "security.idle_lock_minutes = 15",
                 "ticket_printer.width_mm = 58", "counter.number = 5", "devices.idcard_port = 'COM3'",
                 "ticket_printer.uri = ''", "database.url = ''"):
        assert line in shown
    assert "  sync.batch: 8 -> 12" in out and "counter.number" not in out
    again = ok(run(target, "config", "import", str(exported)))
    assert "nothing changed" in again


def test_import_with_one_bad_value_changes_nothing(tmp_path: Path) -> None:
    home, bad = tmp_path / "pc2", tmp_path / "bad.toml"
    configure(home, counter__number="2", ui__language="en")
    before = (home / "settings.toml").read_bytes()
    bad.write_text('[ui]\nlanguage = "zh_CN"\n\n[sync]\nbatch = 12\nlease_s = 1\n', encoding="utf-8")
    err = refused(run(home, "config", "import", str(bad)))
    assert "sync.lease_s" in err and "nothing changed" in err
    assert (home / "settings.toml").read_bytes() == before
    assert "ui.language = 'en'" in ok(run(home, "config", "show"))


@pytest.mark.parametrize(("content", "named"), [
    ("[counter]\nnumber = 4\n", "counter.number"),
    ('[database]\nurl = "sqlite:////tmp/other.sqlite3"\n', "database.url"),
    ('[devices]\nscanner = "test:0"\n', "devices.scanner"),
    ("[sync]\nbatchsize = 4\n", "sync.batchsize"),
    ("[sync\nbatch = 4\n", "not valid TOML"),
    ("# only a comment\n", "holds no settings"),
])
def test_import_refuses_per_pc_secret_unknown_or_broken_files(tmp_path: Path, content: str, named: str) -> None:
    home, file = tmp_path / "pc2", tmp_path / "in.toml"
    configure(home, counter__number="2")
    before = (home / "settings.toml").read_bytes()
    file.write_text(content, encoding="utf-8")
    assert named in refused(run(home, "config", "import", str(file)))
    assert (home / "settings.toml").read_bytes() == before


def test_export_never_writes_into_the_home_or_over_a_file_without_force(tmp_path: Path) -> None:
    home = tmp_path / "pc1"
    configure(home, sync__batch="12")
    before = (home / "settings.toml").read_bytes()
    assert "inside the hallapp home" in refused(run(home, "config", "export", str(home / "settings.toml")))
    assert (home / "settings.toml").read_bytes() == before
    target = tmp_path / "existing.toml"
    target.write_text("keep me\n", encoding="utf-8")
    assert "--force" in refused(run(home, "config", "export", str(target)))
    assert target.read_text(encoding="utf-8") == "keep me\n"
    ok(run(home, "config", "export", str(target), "--force"))
    assert tomllib.loads(target.read_text(encoding="utf-8")) == {"sync": {"batch": 12}}


def test_set_accepts_a_number_from_a_list_of_choices(tmp_path: Path) -> None:
    home = tmp_path / "pc1"
    ok(run(home, "config", "set", "ticket_printer.width_mm", "58"))  # was refused: "Input should be 58 or 80"
    assert "ticket_printer.width_mm = 58" in ok(run(home, "config", "show"))
