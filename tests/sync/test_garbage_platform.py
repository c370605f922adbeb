"""Only the platform can confirm: a captive portal, a meddling proxy or a broken server on loopback
(every mode of tests/sync/garbage.py) gets no case marked confirmed, no status applied, no key
replaced; once the real simulator is back every case arrives exactly once."""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from hallapp import cli
from hallapp.commands import platform as platform_command
from hallapp.commands import sync as sync_command
from hallapp.sending import engine, pullback
from hallapp.services import cases
from hallapp.sync import crypto, outbox_view
from hallapp.sync.options import SyncOptions
from hallapp.sync.platform_port import StatusUpdate
from tests.sync.garbage import GarbageServer
from tests.sync.helpers import get_json, make_cases, post_json

# Long back-off so one run tries each entry once; each run's clock is an hour on, so all are due again.
PATIENT = SyncOptions(backoff_base_s=60, backoff_cap_s=60, timeout_s=1.5, run_timeout_s=20, request_retries=0,
                      probe_tries=1)
MODES = ("redirect", "html", "empty", "unauthorized", "fake_committed", "fake_committed_hash", "wrong_types",
         "tampered", "drip", "huge", "huge_declared", "inject_updates")


@pytest.fixture
def garbage(sim: Any) -> Iterator[GarbageServer]:
    server = GarbageServer(sim.url, signer=sim.platform.key)
    yield server
    server.close()


def _keys(app: Any) -> dict[str, bytes]:
    folder = app.home.keys_dir
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _run(app: Any, hours: int, options: SyncOptions = PATIENT) -> dict[str, Any]:
    return engine.SyncEngine(app, options=options, clock=lambda: datetime.now(UTC) + timedelta(hours=hours)).run_once()


def _states(app: Any, numbers: list[str]) -> list[str]:
    return [cases.show(app.db, n)["state"] for n in numbers]


def test_garbage_confirms_nothing_and_the_real_platform_gets_every_case_once(synced_app, sim, garbage) -> None:
    numbers = make_cases(synced_app, 6, materials=1, size=4_000)
    client_ids = [outbox_view.case_sync_state(synced_app.db, n)["sync"]["client_id"] for n in numbers]
    garbage.injected = [{"seq": i + 1, "client_id": client_ids[i], "case_number": numbers[i], "status": s,
                         "reason": "", "waybill": "SF1", "at": "20260101T120000"}
                        for i, s in enumerate(("completed", "result_mailed", "returned"))]
    keys_before = _keys(synced_app)
    synced_app.settings.platform.url = garbage.url
    for hour, mode in enumerate(MODES, start=1):
        garbage.mode = mode
        summary = _run(synced_app, hour)
        assert summary["confirmed"] == 0, mode
        assert _states(synced_app, numbers) == ["accepted"] * 6, mode
        assert outbox_view.sync_status(synced_app.db)["counts"]["confirmed"] == 0, mode
        assert not outbox_view.sync_status(synced_app.db)["blocked"], mode  # a stranger's 401 blocks nothing
    with synced_app.db.unit_of_work() as uow:
        assert int(uow.outbox.state_get(pullback.CURSOR_KEY, "0") or 0) == 0  # never poisoned
    for mode in ("lying_registration", "short_key_signed"):
        garbage.mode = mode
        assert cli.guarded(platform_command.run, synced_app, argparse.Namespace()) == 1
    assert _keys(synced_app) == keys_before  # neither the transport key nor the pinned key replaced

    # a real, signed update for a case the platform holds but never confirmed to us: kept, not applied
    garbage.mode = "tampered"
    _run(synced_app, 50)
    post_json(sim.url + f"_sim/cases/{client_ids[0]}/status", {"status": "received"})
    _run(synced_app, 51)
    assert _states(synced_app, numbers) == ["accepted"] * 6
    assert [u["outcome"] for u in outbox_view.case_sync_state(synced_app.db, numbers[0])["platform_updates"]] == [""]

    synced_app.settings.platform.url = sim.url  # the real platform is back
    summary = _run(synced_app, 100)
    assert summary["confirmed"] == 6 and summary["waiting"] == 0, summary
    assert _states(synced_app, numbers) == ["received"] + ["submitted"] * 5
    held = get_json(sim.url + "_sim/cases")["cases"]
    assert sorted(c["case_number"] for c in held) == sorted(numbers)  # each exactly once
    assert all(c["state"] == "committed" and all(c["materials"].values()) for c in held)
    stats = sim.stats()
    assert stats["duplicates"] == 0 and stats["conflicts"] == 0 and stats["hash_mismatches"] == 0, stats
    receipts = {e["receipt"] for e in outbox_view.entries(synced_app.db, "confirmed")}
    assert len(receipts) == 6 and "FAKE-RECEIPT" not in receipts
    assert _keys(synced_app) == keys_before


def test_drip_is_cut_at_the_request_and_run_deadlines(synced_app, garbage) -> None:
    make_cases(synced_app, 1)
    synced_app.settings.platform.url = garbage.url
    garbage.mode = "drip"
    started = time.monotonic()
    summary = engine.run_once(synced_app, options=SyncOptions(timeout_s=1, probe_tries=3, backoff_base_s=60))
    assert summary["offline"] and time.monotonic() - started < 4.5  # 3 probes of at most 1 s each
    started = time.monotonic()
    summary = engine.run_once(synced_app, options=SyncOptions(timeout_s=5, run_timeout_s=1.5, backoff_base_s=60))
    assert summary["deadline"] and time.monotonic() - started < 2.5
    assert "time limit" in engine.summary_line(summary)
    assert outbox_view.sync_status(synced_app.db)["counts"]["queued"] == 1  # untouched, not counted as an attempt


@pytest.mark.parametrize("mode", ["huge", "huge_declared"])
def test_a_huge_answer_is_not_read(synced_app, garbage, mode) -> None:
    import tracemalloc

    from hallapp.sync.platform_clients import create_adapter
    from hallapp.sync.platform_port import UntrustedAnswerError

    synced_app.settings.platform.url = garbage.url
    garbage.mode = mode
    client = create_adapter(synced_app, SyncOptions(max_answer_bytes=256 * 1024))
    tracemalloc.start()
    try:
        with pytest.raises(UntrustedAnswerError, match="byte limit"):
            client.ping()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        client.close()
    assert peak < 8 * 1024 * 1024
    time.sleep(0.3)
    assert garbage.sent_bytes < 64 * 1024 * 1024  # we hung up long before 300 MB


def test_a_jumping_signed_cursor_is_refused(synced_app, garbage) -> None:
    from hallapp.sync.platform_clients import create_adapter
    from hallapp.sync.platform_port import UntrustedAnswerError

    synced_app.settings.platform.url = garbage.url
    garbage.mode = "signed_canned"
    update = {"seq": 3, "client_id": "a", "case_number": "b", "status": "completed", "reason": "", "waybill": "", "at": ""}
    client = create_adapter(synced_app, SyncOptions())
    try:
        for canned in ({"updates": [], "next": 42}, {"updates": [update], "next": 42},
                       {"updates": [update, {**update, "seq": 2}], "next": 2}):
            garbage.canned = canned
            with pytest.raises(UntrustedAnswerError):
                client.status_updates(0, 200)
        garbage.canned = {"updates": [update], "next": 3}
        assert client.status_updates(0, 200) == ([StatusUpdate(3, "a", "b", "completed")], 3)
    finally:
        client.close()


def test_a_home_without_the_pinned_platform_key_is_told_to_register(synced_app, capsys) -> None:
    make_cases(synced_app, 1)
    (synced_app.home.keys_dir / crypto.PLATFORM_FILE).unlink()
    code = cli.guarded(sync_command.run, synced_app, argparse.Namespace(once=True, status=False))
    assert code == 1 and "platform register" in capsys.readouterr().err
    assert platform_command.run(synced_app, argparse.Namespace()) == 0  # re-registering pins it again
    assert engine.run_once(synced_app, options=PATIENT)["confirmed"] == 1


def test_first_registration_refuses_a_3_byte_key_and_pins_nothing(synced_app, garbage) -> None:
    keys = synced_app.home.keys_dir
    for name in (crypto.PLATFORM_FILE, crypto.TRANSPORT_FILE):
        (keys / name).unlink()
    synced_app.settings.platform.url = garbage.url
    garbage.mode = "lying_registration"  # self-consistent: signed by the key it names
    assert cli.guarded(platform_command.run, synced_app, argparse.Namespace()) == 1
    assert not (keys / crypto.PLATFORM_FILE).exists() and not (keys / crypto.TRANSPORT_FILE).exists()


@pytest.mark.parametrize("canned", [
    {"client_id": 5, "state": ["committed"], "payload_sha256": None, "receipt": 1},
    {"client_id": "case:X:r1", "state": "committed", "payload_sha256": "", "receipt": "R"},
    {"client_id": "case:X:r1", "state": "committed", "payload_sha256": "a" * 64, "receipt": ""},
    {"client_id": "case:Y:r1", "state": "committed", "payload_sha256": "a" * 64, "receipt": "R"},
    {"client_id": "case:X:r1", "state": "done", "payload_sha256": "a" * 64, "receipt": "R"},
])
def test_a_signed_answer_that_does_not_fit_the_contract_is_no_answer(synced_app, garbage, canned) -> None:
    from hallapp.sync.platform_clients import create_adapter
    from hallapp.sync.platform_port import UntrustedAnswerError

    synced_app.settings.platform.url = garbage.url
    garbage.mode, garbage.canned = "signed_canned", canned
    client = create_adapter(synced_app, SyncOptions())
    try:
        with pytest.raises(UntrustedAnswerError):
            client.commit("case:X:r1", "a" * 64, [])
    finally:
        client.close()
