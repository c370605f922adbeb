"""A busy platform's `Retry-After` (429/503, seconds or HTTP-date) is honoured: a short one is waited
out inside the request, a long one moves the entry's next attempt at least that far; one policy
decides both."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import pytest

from hallapp.sending import engine
from hallapp.sync import backoff, outbox_view
from hallapp.sync.options import SyncOptions
from tests.sync.garbage import GarbageServer
from tests.sync.helpers import make_cases

QUICK = SyncOptions(backoff_base_s=1, backoff_cap_s=900, request_retries=2, probe_tries=1, timeout_s=5, run_timeout_s=30)


@pytest.fixture
def busy(sim: Any) -> Iterator[GarbageServer]:
    server = GarbageServer(sim.url, signer=sim.platform.key)
    server.mode = "busy"
    yield server
    server.close()


def _case_puts(server: GarbageServer) -> list[float]:
    return [at for at, method, path in server.seen if method == "PUT" and path.startswith("/v1/cases/")]


def test_a_short_retry_after_is_waited_out_and_the_case_arrives(synced_app: Any, busy: GarbageServer) -> None:
    (number,) = make_cases(synced_app, 1, materials=1, size=2_000)
    busy.busy_left, busy.busy_status, busy.retry_after = 1, 429, "1"
    synced_app.settings.platform.url = busy.url
    summary = engine.SyncEngine(synced_app, options=QUICK).run_once()
    assert summary["confirmed"] == 1
    first, second = _case_puts(busy)
    assert second - first >= 1.0, "resent no sooner than the platform asked (not 0.05 s later)"
    assert outbox_view.case_sync_state(synced_app.db, number)["sync"]["state"] == "confirmed"


@pytest.mark.parametrize("form", ["seconds", "http-date"])
def test_a_long_retry_after_moves_the_entry_not_the_request(synced_app: Any, busy: GarbageServer, form: str) -> None:
    (number,) = make_cases(synced_app, 1, materials=1, size=2_000)
    later = datetime.now(UTC) + timedelta(seconds=600)
    busy.busy_left, busy.busy_status = 5, 503
    busy.retry_after = "600" if form == "seconds" else format_datetime(later, usegmt=True)
    synced_app.settings.platform.url = busy.url
    started = datetime.now(UTC)
    summary = engine.SyncEngine(synced_app, options=QUICK).run_once()
    assert summary["confirmed"] == 0 and summary["retrying"] == 1
    assert len(_case_puts(busy)) == 1, "not resent in this run: the platform asked for ten minutes"
    entry = outbox_view.case_sync_state(synced_app.db, number)["sync"]
    due = datetime.fromisoformat(entry["next_attempt_at"])
    assert due >= started + timedelta(seconds=598), "the back-off (1 s base) did not cut the platform's pause short"
    assert due <= datetime.now(UTC) + timedelta(seconds=600 + 2)


def test_retry_after_forms_and_the_one_policy() -> None:
    now = datetime(2026, 12, 8, 7, 51, tzinfo=UTC)
    assert backoff.parse_retry_after("120", now) == 120
    assert backoff.parse_retry_after("Tue, 08 Dec 2026 07:53:00 GMT", now) == 120
    assert backoff.parse_retry_after("Tue, 08 Dec 2026 07:00:00 GMT", now) == 0, "a date past is now"
    for unreadable in ("", None, "soon", "-5", "１２"):
        assert backoff.parse_retry_after(unreadable, now) is None
    policy, rng = backoff.RetryPolicy(base_s=5, cap_s=900, quick_retries=2), random.Random(1)
    assert policy.quick_wait_s(0, None) == pytest.approx(0.05) and policy.quick_wait_s(1, None) == pytest.approx(0.1)
    assert policy.quick_wait_s(0, 1.5) == 1.5 and policy.quick_wait_s(0, 60) is None
    assert policy.quick_wait_s(2, None) is None, "the quick retries are spent: the entry backs off"
    assert policy.entry_delay_s(1, 600, rng) == 600
    assert policy.entry_delay_s(1, 10**9, rng) == 900, "never later than the cap"
    assert 2.5 <= policy.entry_delay_s(1, 0, rng) <= 5


def test_a_busy_probe_is_not_hammered(synced_app: Any, sim: Any, busy: GarbageServer) -> None:
    busy.mode = "busy_ping"
    busy.retry_after = "120"
    synced_app.settings.platform.url = busy.url
    options = SyncOptions(probe_tries=3, timeout_s=5, run_timeout_s=30, poll_s=600)
    eng = engine.SyncEngine(synced_app, options=options)
    started = time.monotonic()
    summary = eng.run_once()
    assert summary["offline"] and time.monotonic() - started < 5
    assert [path for _, _, path in busy.seen] == ["/v1/ping"], "one probe: the platform asked for two minutes"
    assert eng._idle_wait(summary) >= 120
