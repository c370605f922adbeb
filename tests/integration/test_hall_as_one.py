"""One hall, several PCs, one shared PostgreSQL database (issue 11 item 5): scans reachable from any PC,
the hall's keys carried by `hallapp keys export|import`, two PCs on one counter and one clerk on two
PCs noticed, a ticket stuck at a dead PC released by a supervisor.

Each "PC" is a home of its own (its own keys/, installation id and settings) pointing at one database.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from hallapp.config import SecuritySettings
from hallapp.domain.clock import hall_clock
from hallapp.domain.queue import QueueError
from hallapp.home import Home
from hallapp.services import audit, presence, queue, staff
from hallapp.services.hall import DEMO_PASSWORD, ensure_demo_hall
from hallapp.storage import Database, material_store
from hallapp.storage.models import Ticket

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "hall-keys-2026"


def pc_home(root: Path, url: str) -> Home:
    """A PC of the hall: its own home, its settings naming the shared database."""
    root.mkdir(parents=True)
    (root / "settings.toml").write_text(f'[database]\nurl = "{url}"\n', encoding="utf-8")
    return Home(root).ensure()


def keys_cli(home: Home, *args: str, passphrase: str = PASSPHRASE) -> subprocess.CompletedProcess:
    """`hallapp keys …` as a technician types it, the passphrase on stdin (a real process)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HALLAPP_")}
    env["HALLAPP_HOME"] = str(home.root)
    return subprocess.run([sys.executable, "-m", "hallapp", "keys", *args], input=passphrase + "\n", env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=60)


@pytest.fixture
def keys_here(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture):
    """The same command in this process (a process start costs seconds on a shared machine)."""
    from hallapp import cli

    def run(home: Home, *args: str, passphrase: str = PASSPHRASE) -> subprocess.CompletedProcess:
        monkeypatch.setenv("HALLAPP_HOME", str(home.root))
        monkeypatch.setattr(sys, "stdin", io.StringIO(passphrase + "\n"))
        code = cli.main(["keys", *args])
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(["hallapp", "keys", *args], code, out, err)
    return run


@pytest.fixture
def shared_url(postgres_cluster, home: Path) -> str:
    return postgres_cluster.create_database(f"t_{uuid.uuid4().hex[:12]}")


@pytest.fixture
def hall_db(shared_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(staff, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    first = pc_home(tmp_path / "pc1", shared_url)
    db = Database(shared_url, keys_dir=first.keys_dir)
    db.upgrade()
    audit.attach(db, first)  # as open_app does: the hall's audit key is made on the first PC
    ensure_demo_hall(db)
    yield db, first
    material_store.detach(first)
    db.dispose()


def test_a_scan_from_one_pc_is_read_on_another_once_the_hall_keys_are_imported(hall_db, tmp_path: Path,
                                                                                shared_url: str) -> None:
    db, first = hall_db
    pdf = b"%PDF-1.4\n" + os.urandom(5000)
    sha = material_store.store(first, pdf)
    assert not (first.root / "materials").exists()  # in the shared database, not on the scanning PC
    with db.unit_of_work() as uow:
        assert uow.shared.material(sha) is not None and pdf not in uow.shared.material(sha)  # sealed, never plain

    other = pc_home(tmp_path / "pc-daemon", shared_url)
    with pytest.raises(material_store.MaterialStoreError, match="hallapp keys import"):
        material_store.load(other, sha)  # its own key: the message says what to do
    assert keys_cli(first, "export", str(tmp_path / "hall.keys")).returncode == 0
    refused = keys_cli(other, "import", str(tmp_path / "hall.keys"))
    assert refused.returncode == 2 and "--replace" in refused.stderr  # a different own key is never overwritten silently
    done = keys_cli(other, "import", "--replace", str(tmp_path / "hall.keys"))
    assert done.returncode == 0, done.stderr
    assert material_store.load(other, sha) == pdf
    for name in ("personal.key", "audit.key", "materials.key"):
        assert (other.keys_dir / name).stat().st_mode & 0o777 == 0o600
        assert (other.keys_dir / name).read_bytes() == (first.keys_dir / name).read_bytes() or name == "personal.key"
    assert not (other.keys_dir / "hall_sm2.pem").exists()  # the signing identity stays on the daemon's PC


def test_keys_file_needs_its_passphrase_and_says_so(hall_db, tmp_path: Path, shared_url: str, keys_here) -> None:
    _db, first = hall_db
    material_store.store(first, b"%PDF-1.4\nx")  # makes materials.key
    exported = keys_here(first, "export", str(tmp_path / "hall.keys"))
    assert exported.returncode == 0, exported.stderr
    assert PASSPHRASE not in (tmp_path / "hall.keys").read_text()
    assert (first.keys_dir / "audit.key").read_bytes().hex() not in (tmp_path / "hall.keys").read_text()
    fresh = pc_home(tmp_path / "pc2", shared_url)
    wrong = keys_here(fresh, "import", str(tmp_path / "hall.keys"), passphrase="not-the-one")
    assert wrong.returncode == 2 and "wrong passphrase" in wrong.stderr
    assert not (fresh.keys_dir / "audit.key").exists()
    short = keys_here(fresh, "import", str(tmp_path / "hall.keys"), passphrase="short")
    assert short.returncode == 2 and "HALLAPP_KEYS_PASSPHRASE" in short.stderr
    assert keys_here(fresh, "import", str(tmp_path / "hall.keys")).returncode == 0
    assert (fresh.keys_dir / "audit.key").read_bytes() == (first.keys_dir / "audit.key").read_bytes()


def test_a_sqlite_hall_keeps_its_scans_in_files(home: Path) -> None:
    place = Home(home).ensure()
    sha = material_store.store(place, b"%PDF-1.4\nsingle PC")
    assert material_store.path_of(place, sha).is_file()
    assert material_store.load(place, sha) == b"%PDF-1.4\nsingle PC"


def test_two_pcs_on_one_counter_and_one_clerk_on_two_pcs_are_noticed(hall_db) -> None:
    db, _first = hall_db
    presence.beat(db, "pc-a", counter_number=2, staff_username="clerk1", host="counter-a")
    presence.beat(db, "pc-b", counter_number=2, staff_username="clerk2", host="counter-b")
    presence.beat(db, "pc-c", counter_number=3, staff_username=None, host="counter-c")
    assert [p.host for p in presence.same_counter(db, "pc-a", 2)] == ["counter-b"]
    assert presence.same_counter(db, "pc-c", 3) == []
    assert sorted(presence.doubled_counters(db)) == [2]
    later = hall_clock().now() + timedelta(seconds=presence.STALE_SECONDS + 5)
    assert presence.same_counter(db, "pc-a", 2, now=later) == []  # a PC that stopped beating is gone

    session = staff.login(db, "clerk1", DEMO_PASSWORD, SecuritySettings(), installation="pc-c")
    assert session.elsewhere == ("counter-a",)
    assert staff.login(db, "clerk1", DEMO_PASSWORD, SecuritySettings(), installation="pc-a").elsewhere == ()


def test_a_supervisor_releases_or_reassigns_a_ticket_held_by_a_dead_pc(hall_db) -> None:
    db, _first = hall_db
    hall = ensure_demo_hall(db)
    first = queue.issue_ticket(db, hall.id, "A")
    dead = queue.CounterRef(hall.id, 1)
    assert queue.call_next(db, dead).id == first.id
    released = queue.release(db, hall.id, first.id, actor="supervisor")
    assert released.state == "waiting" and released.counter_number is None
    second = queue.issue_ticket(db, hall.id, "A")
    assert queue.call_next(db, dead).id == first.id  # ahead of the one taken after it
    moved = queue.release(db, hall.id, first.id, actor="supervisor", to_counter=3)
    assert moved.state == "waiting"
    with db.unit_of_work() as uow:
        target = uow.session.get(Ticket, first.id).target_counter_id
        assert target == uow.halls.counter_by_number(hall.id, 3).id
    assert queue.call_next(db, dead).id == second.id  # counter 1 no longer gets it
    assert queue.call_next(db, queue.CounterRef(hall.id, 3)).id == first.id  # counter 3 calls it next
    queue.release(db, hall.id, first.id, actor="supervisor")
    with pytest.raises(QueueError) as refused:
        queue.release(db, hall.id, first.id, actor="supervisor")  # waiting: nothing to release
    assert refused.value.code == "queue.bad_move"
    assert [e.action for e in queue.events_since(db, hall.id, 0)].count("transfer") == 3  # the display lets go


def test_counters_list_warns_about_doubled_counters_clerks_on_two_pcs_and_missing_counters(
        hall_db, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    from hallapp import cli

    db, first = hall_db
    presence.beat(db, "pc-a", counter_number=2, staff_username="clerk1", host="counter-a")
    presence.beat(db, "pc-b", counter_number=2, staff_username="clerk2", host="counter-b")
    presence.beat(db, "pc-c", counter_number=4, staff_username="clerk1", host="counter-c")  # a 3-counter hall
    presence.beat(db, "pc-d", counter_number=3, staff_username="clerk3", host="counter-d")
    monkeypatch.setenv("HALLAPP_HOME", str(first.root))
    assert cli.main(["counters", "list"]) == 0
    out, err = capsys.readouterr()
    assert [line.split("\t")[0] for line in out.splitlines()] == ["1", "2", "3"]  # the list itself unchanged
    warnings = [line for line in err.splitlines() if line.startswith("hallapp: warning:")]
    assert len(warnings) == 3, err
    assert "counter 2 is set on 2 PCs at once (counter-a, counter-b)" in warnings[0]
    assert "clerk1 is logged in on 2 PCs (counter-a, counter-c)" in warnings[1]
    assert "PC counter-c is set to counter 4, which this hall does not have" in warnings[2]
    assert "counter-d" not in err

    later = hall_clock().now() + timedelta(seconds=presence.STALE_SECONDS + 5)
    assert presence.problems(db, (1, 2, 3), now=later) == []  # PCs that stopped beating warn no more


def test_sync_once_on_a_pc_without_the_hall_key_names_the_daemon_pc(
        hall_db, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    from hallapp import cli

    db, first = hall_db
    presence.beat(db, "0123456789abcdef", role="sync", host="backoffice")
    monkeypatch.setenv("HALLAPP_HOME", str(first.root))
    assert not (first.keys_dir / "hall_sm2.pem").exists()  # a counter PC: the signing identity is the daemon's
    assert cli.main(["sync", "--once"]) == 2
    _out, err = capsys.readouterr()
    assert err.count("\n") == 1, err
    assert "sync daemon on backoffice (installation 0123456789abcdef, seen " in err
    assert "nothing was sent" in err and "hallapp sync --once` on that PC" in err
