"""Client ids: an identical resend returns the same answer; different data under a known id is a
conflict that goes to needs-attention and never overwrites what the platform holds."""

from __future__ import annotations

import json

from hallapp.domain import outbox
from hallapp.sending import engine
from hallapp.sync import outbox_view
from hallapp.sync.options import SyncOptions
from hallapp.sync.platform_clients import create_adapter
from tests.sync.helpers import get_json, make_cases, sha256

FAST = SyncOptions(backoff_base_s=0.01, backoff_cap_s=0.05)


def _entry(app, number):
    with app.db.unit_of_work() as uow:
        return uow.outbox.by_case_number(number)[0]


def test_identical_resend_returns_the_same_result(synced_app, sim) -> None:
    (number,) = make_cases(synced_app, 1)
    row = _entry(synced_app, number)
    client = create_adapter(synced_app, FAST)
    try:
        first = client.put_case(row.client_id, row.payload.encode())
        second = client.put_case(row.client_id, row.payload.encode())
    finally:
        client.close()
    assert first == second and first.payload_sha256 == row.payload_sha256
    assert engine.run_once(synced_app, options=FAST)["confirmed"] == 1
    stats = sim.stats()
    assert stats["replays"] == 2 and stats["cases_received"] == 1 and stats["duplicates"] == 0


def test_changed_payload_under_known_id_needs_attention(synced_app, sim) -> None:
    (number,) = make_cases(synced_app, 1)
    row = _entry(synced_app, number)
    other = json.loads(row.payload)
    other["application"]["item_name"] = "被改动的事项名称"
    other_bytes = json.dumps(other, ensure_ascii=False).encode()
    client = create_adapter(synced_app, FAST)
    try:
        client.put_case(row.client_id, other_bytes)  # the platform holds something else under this id
    finally:
        client.close()
    summary = engine.run_once(synced_app, options=FAST)
    assert summary["needs_attention"] == 1 and summary["confirmed"] == 0
    (view,) = outbox_view.entries(synced_app.db, "needs_attention")
    said = outbox.read(view["last_error"])  # stored as code and params, worded by whoever reads it
    assert said.code == "sync.conflict" and "holds different data" in str(said)
    assert sim.stats()["conflicts"] == 1
    held = get_json(sim.url + "_sim/cases")["cases"]
    assert [c["state"] for c in held] == ["open"]  # never overwritten, never committed
    with sim.platform.store.lock:
        stored = sim.platform.store.one("SELECT payload_sha256 FROM sim_case")[0]
    assert stored == sha256(other_bytes)
    # nothing leaves needs-attention on its own
    assert engine.run_once(synced_app, options=FAST)["needs_attention"] == 0
    assert outbox_view.sync_status(synced_app.db)["counts"]["needs_attention"] == 1
