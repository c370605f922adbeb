"""A technician's roll-out script: `hallapp setup`, `staff ...`, `counters ...` and the counter.number
check, each through the real command in its own process, on a private home."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hallapp.config import SecuritySettings
from hallapp.domain.queue import QueueError
from hallapp.services import audit, queue, staff
from hallapp.services.queue import CounterRef
from hallapp.storage import Database

HALLAPP = [sys.executable, "-m", "ui.launcher"]  # what the `hallapp` console script runs
PASSWORD = "Kaishi2026x"
SETUP = ("setup", "--hall-name", "锦江区政务服务中心", "--hall-code", "JJ510104", "--region", "510104",
         "--counters", "3", "--admin", "chief")


def run(home: Path, *args: str, env: dict | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith("HALLAPP_")}
    full_env = {**base, "HALLAPP_HOME": str(home), **(env or {})}
    return subprocess.run([*HALLAPP, *args], capture_output=True, text=True, env=full_env, input=stdin,
                          timeout=120)


def one_line_refusal(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    return result.stderr


@pytest.fixture
def hall_home(home: Path) -> Path:
    """A home set up by `hallapp setup` with 3 counters and the administrator `chief`."""
    result = run(home, *SETUP, env={"HALLAPP_ADMIN_PASSWORD": PASSWORD})
    assert result.returncode == 0, result.stderr
    return home


def open_db(home: Path) -> Database:
    return Database(f"sqlite:///{home / 'hallapp.sqlite3'}")


def can_log_in(db: Database, user: str, password: str) -> bool:
    try:
        staff.login(db, user, password, SecuritySettings())
    except staff.LoginError:
        return False
    return True


def test_setup_on_an_empty_home_then_catalog_search_finds_sbk(home: Path) -> None:
    result = run(home, *SETUP, env={"HALLAPP_ADMIN_PASSWORD": PASSWORD})
    assert result.returncode == 0, result.stderr
    assert "JJ510104" in result.stdout and "3 counters" in result.stdout
    found = run(home, "catalog", "search", "sbk")
    assert found.returncode == 0, found.stderr
    assert found.stdout.splitlines()[0].split("\t")[:2] == ["社会保障卡申领", "002011004000"]
    db = open_db(home)
    try:
        assert can_log_in(db, "chief", PASSWORD)
        assert [e.subject for e in audit.recent(db, action="hall_created")] == ["hall:JJ510104"]
        assert [plan.number for plan in queue.counter_plans(db, 1)] == [1, 2, 3]
    finally:
        db.dispose()
    logs = "".join(p.read_text(encoding="utf-8") for p in (home / "logs").glob("*.log*"))
    assert PASSWORD not in logs + result.stdout + result.stderr


def test_setup_reads_the_password_from_a_file_or_stdin(home: Path, tmp_path: Path) -> None:
    secret = tmp_path / "pw"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    assert run(home, *SETUP, "--admin-password-file", str(secret)).returncode == 0
    other = tmp_path / "other"
    assert run(other, *SETUP, "--admin-password-file", "-", stdin=PASSWORD + "\n").returncode == 0
    for where in (home, other):
        db = open_db(where)
        try:
            assert can_log_in(db, "chief", PASSWORD)
        finally:
            db.dispose()


def test_a_password_on_the_command_line_is_refused_without_repeating_it(home: Path) -> None:
    err = one_line_refusal(run(home, *SETUP, "--admin-password", PASSWORD))
    assert "--admin-password-file" in err and PASSWORD not in err
    assert not (home / "hallapp.sqlite3").exists()  # refused before anything was opened


def test_setup_without_a_password_says_how_to_give_one(home: Path) -> None:
    err = one_line_refusal(run(home, *SETUP))
    assert "HALLAPP_ADMIN_PASSWORD" in err


@pytest.mark.parametrize(("option", "value", "said"), [
    ("--region", "999999", "999999"),
    ("--hall-code", "J1", "hall code"),
    ("--counters", "0", "at least 1 counter"),
])
def test_a_bad_value_is_refused_and_leaves_no_hall(home: Path, option: str, value: str, said: str) -> None:
    args = list(SETUP)
    args[args.index(option) + 1] = value
    err = one_line_refusal(run(home, *args, env={"HALLAPP_ADMIN_PASSWORD": PASSWORD}))
    assert said in err
    assert run(home, *SETUP, env={"HALLAPP_ADMIN_PASSWORD": PASSWORD}).returncode == 0  # the script can re-run


def test_setup_refuses_a_weak_password(home: Path) -> None:
    err = one_line_refusal(run(home, *SETUP, env={"HALLAPP_ADMIN_PASSWORD": "short"}))
    assert "password" in err and "short" not in err


def test_setup_twice_is_refused_and_the_hall_is_unchanged(hall_home: Path) -> None:
    args = list(SETUP)
    args[args.index("--hall-code") + 1] = "OTHER510104"
    err = one_line_refusal(run(hall_home, *args, env={"HALLAPP_ADMIN_PASSWORD": PASSWORD}))
    assert "already has a hall (JJ510104" in err
    assert run(hall_home, "staff", "list").stdout.splitlines() == ["chief\t系统管理员\tadmin\tactive"]


def test_staff_add_disable_reset_password(hall_home: Path, tmp_path: Path) -> None:
    added = run(hall_home, "staff", "add", "zhang", "--name", "张晓梅", "--role", "clerk",
                env={"HALLAPP_STAFF_PASSWORD": "Chuangkou01"})
    assert added.returncode == 0, added.stderr
    tech = run(hall_home, "staff", "add", "zhao", "--name", "赵工", "--role", "tech", "--password-file", "-",
               stdin="Yunwei2026\n")
    assert tech.returncode == 0, tech.stderr
    assert run(hall_home, "staff", "list").stdout.splitlines() == [
        "chief\t系统管理员\tadmin\tactive", "zhang\t张晓梅\tclerk\tactive", "zhao\t赵工\ttechnician\tactive"]
    one_line_refusal(run(hall_home, "staff", "add", "ZHANG", "--name", "x", "--role", "clerk",
                         env={"HALLAPP_STAFF_PASSWORD": "Chuangkou01"}))  # user names ignore case

    db = open_db(hall_home)
    try:
        assert can_log_in(db, "zhang", "Chuangkou01")
        assert run(hall_home, "staff", "reset-password", "zhang", "--password-file", "-",
                   stdin="Xinmima2026\n").returncode == 0
        assert can_log_in(db, "zhang", "Xinmima2026") and not can_log_in(db, "zhang", "Chuangkou01")
        assert run(hall_home, "staff", "disable", "zhang").returncode == 0
        assert not can_log_in(db, "zhang", "Xinmima2026")
        assert "zhang\t张晓梅\tclerk\tdisabled" in run(hall_home, "staff", "list").stdout
        actions = {(e.action, e.actor, e.subject) for e in audit.recent(db)}
        assert {("staff_created", "cli", "staff:zhang"), ("password_reset", "cli", "staff:zhang"),
                ("staff_disabled", "cli", "staff:zhang")} <= actions
    finally:
        db.dispose()


def test_staff_refusals_are_one_line(hall_home: Path) -> None:
    assert "last active administrator" in one_line_refusal(run(hall_home, "staff", "disable", "chief"))
    assert "nobody" in one_line_refusal(run(hall_home, "staff", "disable", "nobody"))
    assert "password" in one_line_refusal(run(hall_home, "staff", "reset-password", "chief", "--password-file", "-",
                                          stdin="abc\n"))
    err = one_line_refusal(run(hall_home, "staff", "add", "li", "--name", "李", "--role", "clerk",
                               "--password", "Chuangkou01"))
    assert "Chuangkou01" not in err


def test_staff_commands_need_a_hall(home: Path) -> None:
    assert "hallapp setup" in one_line_refusal(run(home, "staff", "list"))


def test_counters_add_and_set_categories_change_who_f1_calls(hall_home: Path) -> None:
    added = run(hall_home, "counters", "add", "2")
    assert added.returncode == 0 and "counters 4–5 added" in added.stdout, added.stderr
    changed = run(hall_home, "counters", "set-categories", "5", "b,C")
    assert changed.returncode == 0, changed.stderr
    assert run(hall_home, "counters", "list").stdout.splitlines() == [
        "1\t1号窗口\tA,D", "2\t2号窗口\tB,D", "3\t3号窗口\tC,D", "4\t4号窗口\tA,D", "5\t5号窗口\tB,C"]
    db = open_db(hall_home)
    try:
        c_ticket = queue.issue_ticket(db, 1, "C")
        queue.issue_ticket(db, 1, "A")
        called = queue.call_next(db, CounterRef(1, 5))
        assert called is not None and called.number == c_ticket.number  # no B waiting: C next, never A
        assert queue.call_next(db, CounterRef(1, 4)) is not None  # the new counter calls at once
        with pytest.raises(QueueError):
            queue.call_next(db, CounterRef(1, 6))
        assert {e.action for e in audit.recent(db)} >= {"counters_added", "counter_categories_changed"}
    finally:
        db.dispose()


def test_counters_refusals_are_one_line(hall_home: Path) -> None:
    assert "Z" in one_line_refusal(run(hall_home, "counters", "set-categories", "2", "A,Z"))
    assert "9" in one_line_refusal(run(hall_home, "counters", "set-categories", "9", "A"))
    assert "99" in one_line_refusal(run(hall_home, "counters", "add", "97"))
    assert run(hall_home, "counters", "list").stdout.count("\n") == 3  # nothing changed


def test_counter_number_of_a_counter_the_hall_lacks_is_refused(hall_home: Path) -> None:
    err = one_line_refusal(run(hall_home, "config", "set", "counter.number", "4"))
    assert "counters 1–3, no counter 4" in err and "hallapp counters add" in err
    assert "counter.number = 1" in run(hall_home, "config", "show").stdout  # the file is unchanged
    assert run(hall_home, "counters", "add", "1").returncode == 0
    assert run(hall_home, "config", "set", "counter.number", "4").returncode == 0
    assert "counter.number = 4" in run(hall_home, "config", "show").stdout


def test_counter_number_is_saved_with_a_warning_when_the_database_is_away(home: Path) -> None:
    result = run(home, "config", "set", "counter.number", "4",
                 env={"HALLAPP_DATABASE_URL": "postgresql+psycopg://x@127.0.0.1:1/none"})
    assert result.returncode == 0 and "warning: cannot reach the database" in result.stderr
    assert "counter.number = 4" in run(home, "config", "show").stdout


def test_roll_out_on_a_shared_postgresql_database(home: Path, tmp_path: Path, postgres_cluster) -> None:
    """Two PCs' homes, one database: set up once on the first, the second sees the same hall."""
    url = postgres_cluster.create_database("setup_cli")
    shared = {"HALLAPP_DATABASE_URL": url, "HALLAPP_ADMIN_PASSWORD": PASSWORD,
              "HALLAPP_STAFF_PASSWORD": "Chuangkou01"}
    second = tmp_path / "second-pc"
    assert run(home, *SETUP, env=shared).returncode == 0
    one_line_refusal(run(second, *SETUP, env=shared))
    assert run(second, "counters", "add", "1", env=shared).returncode == 0
    assert run(second, "staff", "add", "zhang", "--name", "张晓梅", "--role", "clerk", env=shared).returncode == 0
    assert run(home, "config", "set", "counter.number", "4", env=shared).returncode == 0
    one_line_refusal(run(home, "config", "set", "counter.number", "5", env=shared))
    assert run(home, "catalog", "search", "sbk", env=shared).stdout.startswith("社会保障卡申领")
    assert "zhang\t张晓梅\tclerk\tactive" in run(home, "staff", "list", env=shared).stdout
