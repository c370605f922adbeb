"""The shared queue under real concurrency: several OS processes, each with its own `Database(url)`.

On PostgreSQL the counters of a hall call at the same time (row locks, SKIP LOCKED): no ticket may
go to two counters, none may be lost or passed over, and kiosks issuing at the same time get unique,
gap-free numbers. On SQLite (one machine) writers are serialised by BEGIN IMMEDIATE + busy_timeout:
several processes must still get no error and no duplicate.

PostgreSQL comes from the `postgres_cluster` fixture, which calls `need()`: without initdb/pg_ctl
these tests skip on a developer machine and fail under CI=true.

The workers are `python -c WORKER` subprocesses: they import hallapp, open the database, say
"ready", and start together when the test writes "go" to every one of them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import uuid
from collections import Counter as Tally
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select

from hallapp.services import queue, staff
from hallapp.services.hall import HallInfo, create_hall
from hallapp.services.queue import CounterRef
from hallapp.storage import Database
from hallapp.storage.models import CounterCategory, QueueCategory, Ticket, TicketEvent
from hallapp.storage.repositories.queue import QueueRepository
from tests.support.postgres import ThrowawayPostgres

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
WORKER_TIMEOUT = 45  # seconds for a whole group of workers; the suite budget is < 60 s for this file

WORKER = r"""
import json, os, sys, time
spec = json.loads(sys.argv[1])
from hallapp.services import queue
from hallapp.storage import Database
db = Database(spec["url"])
with db.unit_of_work() as uow:  # connect before the start line: the race is about the queue, not logins
    uow.queue.categories(spec["hall"])
print("ready", flush=True)
sys.stdin.readline()
out = {"pid": os.getpid(), "calls": [], "issued": [], "errors": []}
try:
    if spec["mode"] == "issue":
        for _ in range(spec["count"]):
            out["issued"].append(queue.issue_ticket(db, spec["hall"], spec["letter"]).number)
    else:
        ref = queue.CounterRef(spec["hall"], spec["counter"])
        while True:
            ticket = queue.call_next(db, ref)
            if ticket is None:
                marker = spec.get("until")
                if marker is None or os.path.exists(marker):
                    break  # everything issued, nothing waiting for this counter
                time.sleep(0.005)  # the kiosks are still issuing
                continue
            out["calls"].append([ticket.id, ticket.number, ticket.counter_number])
            queue.done(db, ref, ticket.id)
except Exception as exc:  # reported to the test, which fails with it
    out["errors"].append(f"{type(exc).__name__}: {exc}")
db.dispose()
print(json.dumps(out), flush=True)
"""


# -- helpers --------------------------------------------------------------------------------------


def start_workers(specs: list[dict]) -> list[subprocess.Popen]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    return [
        subprocess.Popen([sys.executable, "-c", WORKER, json.dumps(spec)], cwd=ROOT, env=env, text=True,
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for spec in specs
    ]


def run_workers(specs: list[dict], *, after_start=None) -> list[dict]:
    """Start all workers, wait until each is ready, release them at once, collect their reports.

    `after_start(procs)` runs once they are released (e.g. waits for some, then sets a marker)."""
    procs = start_workers(specs)
    try:
        for proc in procs:
            line = proc.stdout.readline()
            assert line.strip() == "ready", f"worker failed to start: {line!r}\n{proc.stderr.read()}"
        for proc in procs:
            proc.stdin.write("go\n")
            proc.stdin.flush()
        if after_start is not None:
            after_start(procs)
        reports = []
        for proc in procs:
            stdout, stderr = proc.communicate(timeout=WORKER_TIMEOUT)
            assert proc.returncode == 0, f"worker exit {proc.returncode}:\n{stderr}"
            reports.append(json.loads(stdout.strip().splitlines()[-1]))
        return reports
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def shared_hall(db: Database, counters: int, monkeypatch: pytest.MonkeyPatch) -> HallInfo:
    """A hall whose every counter also serves category A (after its own category)."""
    monkeypatch.setattr(staff, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    hall = create_hall(db, name="并发测试政务服务中心", code="C510104", region_code="510104", counters=counters,
                       admin_username="admin", admin_name="管理员", admin_password="Admin2026x")
    with db.unit_of_work(write=True) as uow:
        a = uow.session.scalars(select(QueueCategory).where(QueueCategory.hall_id == hall.id,
                                                            QueueCategory.letter == "A")).one()
        for counter in uow.halls.counters(hall.id):
            if ("A", 0) not in uow.queue.counter_categories(counter.id):
                uow.add(CounterCategory(counter_id=counter.id, category_id=a.id, position=2))
    with db.unit_of_work() as uow:
        assert all("A" in dict(uow.queue.counter_categories(c.id)) for c in uow.halls.counters(hall.id))
    return hall


def call_events_per_ticket(db: Database, hall: HallInfo) -> dict[int, int]:
    with db.unit_of_work() as uow:
        rows = uow.session.execute(
            select(Ticket.id, func.count(TicketEvent.id))
            .outerjoin(TicketEvent, (TicketEvent.ticket_id == Ticket.id) & (TicketEvent.action == "call"))
            .where(Ticket.hall_id == hall.id).group_by(Ticket.id)
        )
        return {ticket_id: calls for ticket_id, calls in rows}


def assert_served_exactly_once(db: Database, hall: HallInfo, reports: list[dict], tickets: int) -> None:
    assert [r["errors"] for r in reports] == [[] for _ in reports]
    calls = [tuple(call) for report in reports for call in report["calls"]]
    taken = Tally(ticket_id for ticket_id, _, _ in calls)
    assert [t for t, n in taken.items() if n > 1] == [], "a ticket went to two counters"
    assert len(calls) == tickets
    # Each counter took the oldest free ticket every time: its own calls are in issue order.
    for report in reports:
        numbers = [number for _, number, _ in report["calls"]]
        assert numbers == sorted(numbers), f"counter passed over a waiting ticket: {numbers}"
    # The database agrees: one call each, all done, at the counter that reported it.
    assert set(call_events_per_ticket(db, hall).values()) == {1}
    with db.unit_of_work() as uow:
        rows = {t.id: t for t in uow.session.scalars(select(Ticket).where(Ticket.hall_id == hall.id))}
        counters = {c.id: c.number for c in uow.halls.counters(hall.id)}
    assert len(rows) == tickets
    assert {t.state for t in rows.values()} == {"done"}
    assert {ticket_id: counter for ticket_id, _, counter in calls} == {t.id: counters[t.counter_id] for t in rows.values()}
    assert queue.waiting_list(db, hall.id) == []


def expected_numbers(count: int) -> list[str]:
    return [f"A{n:03d}" for n in range(1, count + 1)]


# -- fixtures ---------------------------------------------------------------------------------------


@pytest.fixture
def pg_db(postgres_cluster: ThrowawayPostgres):
    db = Database(postgres_cluster.create_database(f"q_{uuid.uuid4().hex[:12]}"))
    db.upgrade()
    yield db
    db.dispose()


@pytest.fixture
def sqlite_db(home: Path):
    home.mkdir(parents=True, exist_ok=True)
    db = Database(f"sqlite:///{home / 'queue.sqlite3'}")
    db.upgrade()
    yield db
    db.dispose()


# -- PostgreSQL: the hall's shared queue ---------------------------------------------------------------


@pytest.mark.postgres
def test_postgres_eight_counters_call_200_tickets_each_exactly_once(pg_db: Database,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    hall = shared_hall(pg_db, 8, monkeypatch)
    for _ in range(200):
        queue.issue_ticket(pg_db, hall.id, "A")
    url = pg_db.url.render_as_string(hide_password=False)
    reports = run_workers([{"mode": "serve", "url": url, "hall": hall.id, "counter": n} for n in range(1, 9)])
    assert_served_exactly_once(pg_db, hall, reports, 200)
    assert len({r["pid"] for r in reports}) == 8
    assert sum(1 for r in reports if r["calls"]) >= 2, "no concurrency happened: one counter took everything"


@pytest.mark.postgres
def test_postgres_four_kiosks_issue_unique_gap_free_numbers(pg_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    hall = shared_hall(pg_db, 1, monkeypatch)
    url = pg_db.url.render_as_string(hide_password=False)
    reports = run_workers([{"mode": "issue", "url": url, "hall": hall.id, "letter": "A", "count": 50}] * 4)
    assert [r["errors"] for r in reports] == [[]] * 4
    numbers = [n for r in reports for n in r["issued"]]
    assert sorted(numbers) == expected_numbers(200)  # unique and gap-free
    for report in reports:  # each kiosk's own numbers go up
        assert report["issued"] == sorted(report["issued"])
    assert sorted(t.number for t in queue.waiting_list(pg_db, hall.id)) == expected_numbers(200)
    assert queue.issue_ticket(pg_db, hall.id, "A").number == "A201"


@pytest.mark.postgres
def test_postgres_counters_call_while_kiosks_issue(pg_db: Database, monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    hall = shared_hall(pg_db, 4, monkeypatch)
    url = pg_db.url.render_as_string(hide_password=False)
    marker = tmp_path / "kiosks-done"
    kiosks = [{"mode": "issue", "url": url, "hall": hall.id, "letter": "A", "count": 40}] * 2
    counters = [{"mode": "serve", "url": url, "hall": hall.id, "counter": n, "until": str(marker)} for n in range(1, 5)]

    def when_kiosks_finish(procs: list[subprocess.Popen]) -> None:
        for proc in procs[:2]:
            proc.wait(timeout=WORKER_TIMEOUT)
        marker.touch()

    reports = run_workers(kiosks + counters, after_start=when_kiosks_finish)
    assert sorted(n for r in reports[:2] for n in r["issued"]) == expected_numbers(80)
    assert_served_exactly_once(pg_db, hall, reports, 80)


@pytest.mark.postgres
def test_postgres_display_following_the_queue_sees_every_call(pg_db: Database,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    hall = shared_hall(pg_db, 2, monkeypatch)
    queue.issue_ticket(pg_db, hall.id, "A")  # for counter 1
    queue.issue_ticket(pg_db, hall.id, "B")  # for counter 2
    follower = queue.EventFollower(pg_db, hall.id, actions=("call",))

    # Counter 1's call is slow between drawing its event id and committing (in the real code the
    # id is drawn by the autoflush in _view, then _view's queries and the COMMIT follow).
    flushed, release = threading.Event(), threading.Event()
    original = QueueRepository.add_event

    def add_event(self: QueueRepository, ticket: Ticket, action: str, *args: object) -> None:
        original(self, ticket, action, *args)
        if threading.current_thread().name == "counter-1" and action == "call":
            self.session.flush()
            flushed.set()
            release.wait(10)

    monkeypatch.setattr(QueueRepository, "add_event", add_event)
    slow = threading.Thread(target=queue.call_next, args=(pg_db, CounterRef(hall.id, 1)), name="counter-1")
    slow.start()
    try:
        assert flushed.wait(10)
        assert queue.call_next(pg_db, CounterRef(hall.id, 2)).number == "B001"  # commits first
        shown = follower.poll()  # the display polls
    finally:
        release.set()
        slow.join(10)
    assert queue.current(pg_db, CounterRef(hall.id, 1)).number == "A001"
    shown += follower.poll()  # and polls again
    assert sorted(e.number for e in shown) == ["A001", "B001"]


# -- SQLite: one machine, serialised writers ----------------------------------------------------------------


def test_sqlite_four_processes_call_without_errors_or_duplicates(sqlite_db: Database,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    hall = shared_hall(sqlite_db, 4, monkeypatch)
    for _ in range(60):
        queue.issue_ticket(sqlite_db, hall.id, "A")
    url = sqlite_db.url.render_as_string(hide_password=False)
    reports = run_workers([{"mode": "serve", "url": url, "hall": hall.id, "counter": n} for n in range(1, 5)])
    assert_served_exactly_once(sqlite_db, hall, reports, 60)


def test_sqlite_four_processes_issue_unique_gap_free_numbers(sqlite_db: Database,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    hall = shared_hall(sqlite_db, 1, monkeypatch)
    url = sqlite_db.url.render_as_string(hide_password=False)
    reports = run_workers([{"mode": "issue", "url": url, "hall": hall.id, "letter": "A", "count": 25}] * 4)
    assert [r["errors"] for r in reports] == [[]] * 4
    assert sorted(n for r in reports for n in r["issued"]) == expected_numbers(100)
