"""`hallapp config show | export | import` as a technician rolls settings out: real processes, a home each.

A secret never reaches the screen or an export file; an import changes every key it names or none."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
import uuid
from pathlib import Path

import pytest

HALLAPP = [sys.executable, "-m", "ui.launcher"]  # what the `hallapp` console script runs
PASSWORD = "Zq7-hall-secret"
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


@pytest.fixture
def shared_url(postgres_cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A shared PostgreSQL database with a hall in it, as a first PC's `hallapp setup` leaves it."""
    from argon2 import PasswordHasher

    from hallapp.services import staff
    from hallapp.services.hall import ensure_demo_hall
    from hallapp.storage import Database

    monkeypatch.setattr(staff, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    url = postgres_cluster.create_database(f"t_{uuid.uuid4().hex[:12]}")
    db = Database(url, keys_dir=tmp_path / "first-pc" / "keys")
    db.upgrade()
    ensure_demo_hall(db)
    db.dispose()
    return url


def test_import_on_a_shared_database_puts_hall_wide_keys_in_the_database(shared_url: str, tmp_path: Path) -> None:
    pc2, pc3, file = tmp_path / "pc2", tmp_path / "pc3", tmp_path / "hall-settings.toml"
    configure(pc2, database__url=shared_url, counter__number="2", evaluation__follow_up_days="3")
    configure(pc3, database__url=shared_url, counter__number="3")
    file.write_text("[evaluation]\nfollow_up_days = 7\n\n[retention]\ndays = 90\n\n[ui]\nfont_size_pt = 16\n",
                    encoding="utf-8")

    result = run(pc2, "config", "import", str(file))
    out = ok(result)
    assert "3 of 3 settings changed" in out
    assert "  retention.days: 180 -> 90  (hall's database: every counter)" in out
    assert "  ui.font_size_pt: 14 -> 16\n" in out  # this PC's own file
    assert "evaluation.follow_up_days" in result.stderr and "no longer used" in result.stderr  # its stale line
    stored = tomllib.loads((pc2 / "settings.toml").read_text(encoding="utf-8"))
    assert "retention" not in stored and stored["ui"] == {"font_size_pt": 16}

    shown = ok(run(pc3, "config", "show"))  # another counter, without the file
    assert "evaluation.follow_up_days = 7  # [hall]" in shown and "retention.days = 90  # [hall]" in shown
    assert "ui.font_size_pt = 14" in shown  # a per-file key stays on the PC that imported it
    hall_only = tmp_path / "hall-only.toml"  # the same hall-wide values, imported on another counter
    hall_only.write_text("[evaluation]\nfollow_up_days = 7\n\n[retention]\ndays = 90\n", encoding="utf-8")
    assert "nothing changed" in ok(run(pc3, "config", "import", str(hall_only)))
    _audited(shared_url, pc2 / "keys", ["evaluation.follow_up_days", "retention.days"])  # once each


def _audited(url: str, keys_dir: Path, keys: list[str]) -> None:
    from hallapp.home import Home
    from hallapp.services import audit
    from hallapp.storage import Database

    db = Database(url, keys_dir=keys_dir)
    try:
        audit.attach(db, Home(keys_dir.parent))
        events = audit.recent(db, action="hall_setting_changed")
        assert sorted((e.actor, e.subject) for e in events) == [("cli", f"setting:{key}") for key in sorted(keys)]
    finally:
        db.dispose()


def test_import_on_a_shared_database_with_one_bad_value_changes_nothing(shared_url: str, tmp_path: Path) -> None:
    pc2, file = tmp_path / "pc2", tmp_path / "bad.toml"
    configure(pc2, database__url=shared_url, counter__number="2")
    before = (pc2 / "settings.toml").read_bytes()
    file.write_text("[retention]\ndays = 90\n\n[sync]\nlease_s = 1\n", encoding="utf-8")
    assert "sync.lease_s" in refused(run(pc2, "config", "import", str(file)))
    assert (pc2 / "settings.toml").read_bytes() == before
    assert "retention.days = 180  # [hall]" in ok(run(pc2, "config", "show"))  # not in the database either


def test_import_of_hall_wide_keys_while_the_database_is_away_changes_nothing(tmp_path: Path) -> None:
    pc2, file = tmp_path / "pc2", tmp_path / "hall.toml"
    configure(pc2, database__url="postgresql+psycopg://hall@127.0.0.1:1/hall", ui__font_size_pt="14")
    before = (pc2 / "settings.toml").read_bytes()
    file.write_text("[retention]\ndays = 90\n\n[ui]\nfont_size_pt = 16\n", encoding="utf-8")
    err = refused(run(pc2, "config", "import", str(file)))
    assert "hall's database" in err and "nothing changed" in err and "once the database is back" in err
    assert (pc2 / "settings.toml").read_bytes() == before
