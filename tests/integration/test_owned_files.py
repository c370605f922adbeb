"""Files the program owns are safe: no command overwrites the database, the keys or a real hall's outbox."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.integration.test_cli import run


def _seed_notice() -> str:
    from hallapp.bootstrap import open_app
    from hallapp.services import demo

    app = open_app(demo=True)
    try:
        return demo.seed_cases(app, 1, plan="notice", item_code="002011002000")[0]
    finally:
        app.close()


def _render(home: Path, number: str, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return run(home, "--demo", "case", "render", number, "--doc", "notice", "--out", str(out), *extra)


@pytest.mark.parametrize("inside", ["demo.sqlite3", "hallapp.sqlite3", "keys/materials.key", "keys/hall_sm2.pem",
                                    "settings.toml", "new.pdf"])
def test_render_refuses_any_path_inside_the_home(home: Path, demo_db, inside: str) -> None:
    number = _seed_notice()
    target = home / inside
    target.parent.mkdir(parents=True, exist_ok=True)
    before = target.read_bytes() if target.exists() else None
    result = _render(home, number, target, "--force")
    assert result.returncode == 2, result.stderr
    assert "inside the hallapp home" in result.stderr and result.stderr.count("\n") == 1
    assert (target.read_bytes() if target.exists() else None) == before


def test_render_refuses_the_home_through_a_symlink(home: Path, demo_db, tmp_path: Path) -> None:
    number = _seed_notice()
    link = tmp_path / "innocent"
    link.symlink_to(home)
    before = (home / "demo.sqlite3").read_bytes()
    result = _render(home, number, link / "demo.sqlite3", "--force")
    assert result.returncode == 2 and "inside the hallapp home" in result.stderr
    assert (home / "demo.sqlite3").read_bytes() == before


def test_render_does_not_overwrite_without_force(home: Path, demo_db, tmp_path: Path) -> None:
    number = _seed_notice()
    out = tmp_path / "precious.pdf"
    out.write_bytes(b"the only copy")
    result = _render(home, number, out)
    assert result.returncode == 2 and "already exists" in result.stderr and "--force" in result.stderr
    assert out.read_bytes() == b"the only copy"
    forced = _render(home, number, out, "--force")
    assert forced.returncode == 0, forced.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_render_into_a_missing_folder_or_onto_a_folder_is_one_line(home: Path, demo_db, tmp_path: Path) -> None:
    number = _seed_notice()
    missing = _render(home, number, tmp_path / "no-such-folder" / "n.pdf")
    assert missing.returncode == 2 and "folder does not exist" in missing.stderr
    assert missing.stderr.count("\n") == 1
    (tmp_path / "a-folder").mkdir()
    folder = _render(home, number, tmp_path / "a-folder", "--force")
    assert folder.returncode == 2 and "is a folder" in folder.stderr
    assert folder.stderr.count("\n") == 1


@pytest.fixture
def tiny_disk(tmp_path: Path):
    """A 16 KiB tmpfs: a real full disk (needs root; skipped elsewhere, never under CI)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        if os.environ.get("CI") == "true":
            pytest.fail(f"cannot mount a tmpfs under CI: {done.stderr!r}")
        pytest.skip("mounting a tmpfs needs root")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_render_onto_a_full_disk_says_so_and_leaves_nothing(home: Path, demo_db, tiny_disk: Path) -> None:
    number = _seed_notice()
    (tiny_disk / "filler").write_bytes(b"x" * 12 * 1024)
    result = _render(home, number, tiny_disk / "n.pdf")
    assert result.returncode == 2, result.stderr
    assert "not enough space" in result.stderr and result.stderr.count("\n") == 1
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["filler"]


def _count(db_file: Path, sql: str) -> int:
    import sqlite3

    with sqlite3.connect(db_file) as con:
        return con.execute(sql).fetchone()[0]


def test_demo_seed_refuses_a_fresh_home_and_creates_no_demo_admin(home: Path) -> None:
    result = run(home, "demo", "seed-cases", "3")
    assert result.returncode == 2 and "--demo" in result.stderr and result.stderr.count("\n") == 1
    db_file = home / "hallapp.sqlite3"
    assert not db_file.exists() or _count(db_file, "select count(*) from staff") == 0


def test_demo_seed_refuses_a_real_hall_and_sends_nothing(home: Path) -> None:
    from hallapp.bootstrap import open_app
    from hallapp.services.hall import create_hall

    app = open_app()
    create_hall(app.db, name="某县政务服务中心", code="REAL510104", region_code="510104", counters=2,
                admin_username="boss", admin_name="管理员", admin_password="a-long-Secret-9")
    app.close()
    result = run(home, "demo", "seed-cases", "3")
    assert result.returncode == 2 and "real hall" in result.stderr
    db_file = home / "hallapp.sqlite3"
    assert _count(db_file, "select count(*) from outbox_entry") == 0
    assert _count(db_file, "select count(*) from case_file") == 0
    assert _count(db_file, "select count(*) from staff where username = 'admin'") == 0


def test_demo_seed_in_the_demo_home_still_works(home: Path, demo_db) -> None:
    result = run(home, "--demo", "demo", "seed-cases", "1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("DEMO510104-")


_SETUP = """
from hallapp.bootstrap import open_app
from hallapp.services.hall import create_hall
app = open_app()
create_hall(app.db, name="某县政务服务中心", code="REAL510104", region_code="510104", counters=2,
            admin_username="boss", admin_name="管理员", admin_password="a-long-Secret-9")
print("done")
"""


def _has_reader(fifo: Path) -> bool:
    """Whether a process has opened the FIFO for reading (opening its write end then succeeds)."""
    import errno

    try:
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            return False
        raise
    os.close(fd)  # the reader now sees end-of-file: kill before it gets further than that
    return True


def test_a_kill_during_first_run_setup_leaves_nothing_and_setup_runs_again(home: Path, tmp_path: Path) -> None:
    import signal
    import sys
    import time

    # The starter catalog is a FIFO nobody writes to: set-up stops right where it reads the catalog.
    resources = tmp_path / "resources"
    (resources / "catalog").mkdir(parents=True)
    os.mkfifo(resources / "catalog" / "starter.yaml")
    env = {**os.environ, "HALLAPP_HOME": str(home), "HALLAPP_RESOURCES": str(resources)}
    proc = subprocess.Popen([sys.executable, "-c", _SETUP], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    db_file = home / "hallapp.sqlite3"
    deadline = time.monotonic() + 60
    while not _has_reader(resources / "catalog" / "starter.yaml"):
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
        time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert _count(db_file, "select count(*) from hall") == 0
    assert _count(db_file, "select count(*) from staff") == 0

    again = subprocess.run([sys.executable, "-c", _SETUP], env={**env, "HALLAPP_RESOURCES": ""},
                           capture_output=True, text=True, timeout=120)
    assert again.returncode == 0 and again.stdout.strip() == "done", again.stderr
    assert _count(db_file, "select count(*) from service_item where active") >= 28
    assert _count(db_file, "select count(*) from queue_category") > 0


def test_a_broken_starter_catalog_leaves_no_half_hall(home: Path, tmp_path: Path) -> None:
    resources = tmp_path / "resources"
    (resources / "catalog").mkdir(parents=True)
    (resources / "catalog" / "starter.yaml").write_text("version: 1\nitems:\n  - code: \"12\"\n", encoding="utf-8")
    import sys

    env = {**os.environ, "HALLAPP_HOME": str(home), "HALLAPP_RESOURCES": str(resources)}
    failed = subprocess.run([sys.executable, "-c", _SETUP], env=env, capture_output=True, text=True, timeout=120)
    assert failed.returncode != 0
    assert _count(home / "hallapp.sqlite3", "select count(*) from hall") == 0
