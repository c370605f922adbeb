"""The scheduler: back-off timing (injected clock), leases between engines on one database."""

from __future__ import annotations

import random
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from hallapp.sending.engine import SyncEngine
from hallapp.sync import backoff, outbox_view
from hallapp.sync.options import SyncOptions
from tests.sync.fakes import FakePlatform, bare_app, enqueue


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_delay_doubles_with_jitter_and_is_capped() -> None:
    rng = random.Random(1)
    for attempts, ceiling in ((1, 5), (2, 10), (3, 20), (4, 40), (9, 600), (40, 600)):
        for _ in range(50):
            assert ceiling / 2 <= backoff.delay_s(attempts, 5, 600, rng) <= ceiling
    samples = {round(backoff.delay_s(3, 5, 600, rng), 3) for _ in range(20)}
    assert len(samples) > 10  # jitter: counters that failed together do not retry together


def test_engine_backs_off_on_the_injected_clock(any_db, tmp_path: Path) -> None:
    app = bare_app(any_db, tmp_path)
    clock, platform = Clock(), FakePlatform(fail=True)
    enqueue(any_db, 1, now=clock.now)
    options = SyncOptions(backoff_base_s=10, backoff_cap_s=60, probe_tries=1, request_retries=0)
    engine = SyncEngine(app, options=options, adapter_factory=platform.adapter, clock=clock, rng=random.Random(3))
    waits = []
    for attempt in range(1, 6):
        clock.now = clock.now + timedelta(hours=1) if attempt > 1 else clock.now
        started = clock.now
        summary = engine.run_once()
        assert summary["retrying"] == 1 and summary["confirmed"] == 0
        (entry,) = outbox_view.entries(any_db)
        assert entry["attempts"] == attempt and entry["state"] == "retrying" and "503" in entry["last_error"]
        wait = (datetime.fromisoformat(entry["next_attempt_at"]) - started).total_seconds()
        ceiling = min(60, 10 * 2 ** (attempt - 1))
        assert ceiling / 2 <= wait <= ceiling
        waits.append(wait)
        assert engine.run_once()["retrying"] == 0  # not due yet: nothing sent
    assert max(waits) <= 60
    platform.fail = False
    clock.now += timedelta(minutes=2)
    assert engine.run_once()["confirmed"] == 1


@pytest.mark.timeout(60)
def test_two_engines_never_send_the_same_entry(any_db, tmp_path: Path) -> None:
    app = bare_app(any_db, tmp_path)
    ids = enqueue(any_db, 60)
    platform = FakePlatform(delay_s=0.003)
    # One lane each: two daemons on one database, each sending one case at a time (lanes would let the first
    # engine take every entry before the second starts, which proves nothing about two engines).
    options = SyncOptions(batch=3, backoff_base_s=0.01, backoff_cap_s=0.02, lanes=1)
    engines = [SyncEngine(app, options=options, adapter_factory=platform.adapter) for _ in range(2)]
    results: list[dict] = []
    threads = [threading.Thread(target=lambda e=e: results.append(e.run_once())) for e in engines]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(platform.puts) == sorted(ids)
    assert set(platform.puts.values()) == {1} and set(platform.commits.values()) == {1}
    assert all(r["confirmed"] > 0 for r in results), results  # both engines did work
    assert outbox_view.sync_status(any_db)["counts"]["confirmed"] == 60


def test_expired_lease_is_taken_over(any_db, tmp_path: Path) -> None:
    app = bare_app(any_db, tmp_path)
    enqueue(any_db, 1)
    now = datetime.now(UTC)
    with any_db.unit_of_work(write=True) as uow:
        (row,) = uow.outbox.claim("dead-process", now, now + timedelta(seconds=30), 5)
    platform = FakePlatform()
    engine = SyncEngine(app, options=SyncOptions(), adapter_factory=platform.adapter)
    assert engine.run_once()["confirmed"] == 0  # still leased by the dead process
    engine.clock = lambda: now + timedelta(seconds=31)
    assert engine.run_once()["confirmed"] == 1
    with any_db.unit_of_work(write=True) as uow:  # the dead owner can no longer change it
        assert not uow.outbox.finish(row.id, "dead-process", state="retrying")


def test_retry_makes_an_entry_due_now(any_db, tmp_path: Path) -> None:
    enqueue(any_db, 1)
    (entry,) = outbox_view.entries(any_db)
    with any_db.unit_of_work(write=True) as uow:
        uow.outbox.claim("x", datetime.now(UTC), datetime.now(UTC) + timedelta(seconds=5), 1)
        uow.outbox.finish(entry["id"], "x", state="needs_attention", error="conflict")
    outbox_view.retry(any_db, entry["id"])
    (again,) = outbox_view.entries(any_db)
    assert again["state"] == "queued"
    with pytest.raises(outbox_view.SyncStatusError):
        outbox_view.retry(any_db, 999)
