"""Materials: resumable chunked upload (asking the platform first), SHA-256 at both ends, SM4."""

from __future__ import annotations

import json

import pytest

from hallapp.sending import engine
from hallapp.storage import material_store
from hallapp.sync import records
from hallapp.sync.options import SyncOptions
from hallapp.sync.platform_clients import create_adapter
from hallapp.sync.platform_port import HashMismatchError
from tests.sync.helpers import get_json, make_cases

FAST = SyncOptions(backoff_base_s=0.01, backoff_cap_s=0.05, chunk_bytes=16 * 1024)


def _material(app, number):
    with app.db.unit_of_work() as uow:
        row = uow.outbox.by_case_number(number)[0]
    sha = records.material_hashes(json.loads(row.payload))[0]
    return row, sha, material_store.load(app.home, sha)


def test_half_uploaded_material_resumes_where_the_platform_stopped(synced_app, sim) -> None:
    (number,) = make_cases(synced_app, 1, materials=1, size=100_000)
    row, sha, data = _material(synced_app, number)
    client = create_adapter(synced_app, FAST)
    try:
        client.put_case(row.client_id, row.payload.encode())
        client.put_chunk(sha, 0, len(data), data[:40_000], encrypted=False)
        held = client.material_status(sha)
    finally:
        client.close()
    assert held.received == 40_000 and not held.complete
    before = sim.stats()["material_bytes"]
    assert engine.run_once(synced_app, options=FAST)["confirmed"] == 1
    others = sum(1 for c in get_json(sim.url + "_sim/cases")["cases"][0]["materials"]) - 1
    sent_now = sim.stats()["material_bytes"] - before
    assert sent_now == len(data) - 40_000 + 64 * others  # only the rest (plus the small other materials)
    assert sim.stats()["hash_mismatches"] == 0


def test_wrong_bytes_are_refused_and_discarded(synced_app, sim) -> None:
    (number,) = make_cases(synced_app, 1, materials=1, size=20_000)
    _, sha, data = _material(synced_app, number)
    client = create_adapter(synced_app, FAST)
    try:
        with pytest.raises(HashMismatchError):
            client.put_chunk(sha, 0, len(data), data[:-1] + b"X", encrypted=False)
        assert client.material_status(sha) is None
    finally:
        client.close()
    assert sim.stats()["hash_mismatches"] == 1
    assert engine.run_once(synced_app, options=FAST)["confirmed"] == 1


def test_sm4_encrypted_materials_arrive_byte_exact(synced_app, sim, tmp_path) -> None:
    numbers = make_cases(synced_app, 2, materials=2, size=50_000)
    options = SyncOptions(backoff_base_s=0.01, backoff_cap_s=0.05, chunk_bytes=8 * 1024, encrypt_materials=True)
    assert engine.run_once(synced_app, options=options)["confirmed"] == 2
    for number in numbers:
        _, sha, data = _material(synced_app, number)
        stored = tmp_path / "platform" / "materials" / "DEMO510104" / f"{sha}.pdf"
        assert stored.read_bytes() == data
    assert sim.stats()["hash_mismatches"] == 0
