"""The contract round trip over real HTTP on loopback: register, send, commit, pull back."""

from __future__ import annotations

import json
import time
from pathlib import Path

from hallapp.sending import engine
from hallapp.services import cases
from hallapp.sync import outbox_view
from hallapp.sync.options import SyncOptions
from tests.sync.helpers import get_json, make_cases, sha256

FAST = SyncOptions(backoff_base_s=0.01, backoff_cap_s=0.05, poll_s=0.1)


def test_round_trip_byte_exact(synced_app, sim, tmp_path: Path) -> None:
    numbers = make_cases(synced_app, 3, materials=2)
    summary = engine.run_once(synced_app, options=FAST)
    assert summary["confirmed"] == 3 and summary["waiting"] == 0 and summary["error"] is None
    held = {c["case_number"]: c for c in get_json(sim.url + "_sim/cases")["cases"]}
    assert sorted(held) == sorted(numbers)
    for number in numbers:
        assert cases.show(synced_app.db, number)["state"] == "submitted"
        shown = cases.show(synced_app.db, number)
        for m in shown["materials"]:
            if m["sha256"]:
                stored = tmp_path / "platform" / "materials" / "DEMO510104" / f"{m['sha256']}.pdf"
                assert sha256(stored.read_bytes()) == m["sha256"]
        assert all(held[number]["materials"].values())
    with synced_app.db.unit_of_work() as uow:
        row = uow.outbox.by_case_number(numbers[0])[0]
    record = json.loads(row.payload)
    assert record["application"]["case_number"] == numbers[0]
    assert record["acceptance"]["document_number"] == numbers[0]
    assert len(record["application"]["application_time"]) == 15  # YYYYMMDDThhmmss
    stats = sim.stats()
    assert stats["cases_received"] == 3 and stats["duplicates"] == 0 and stats["bad_signatures"] == 0
    after = outbox_view.sync_status(synced_app.db)
    assert after["counts"]["confirmed"] == 3 and after["unconfirmed"] == 0 and after["oldest_unconfirmed_age_s"] is None


def test_notice_sends_nothing_and_status_counts(synced_app) -> None:
    make_cases(synced_app, 2)
    before = outbox_view.sync_status(synced_app.db)
    assert before["counts"]["queued"] == 2 and before["oldest_unconfirmed_age_s"] >= 0
    listed = outbox_view.entries(synced_app.db, "queued")
    assert [e["state"] for e in listed] == ["queued", "queued"] and listed[0]["percent"] == 0


def test_auto_progress_pulls_back_to_completed(app, tmp_path: Path) -> None:
    from hallapp.simulator import server as simulator
    from tests.sync.helpers import register

    with simulator.serve(0, data_dir=tmp_path / "p", auto_progress=True, progress_step_s=0.05) as server:
        register(app, server.url)
        (window,) = make_cases(app, 1, delivery="window")
        (mail,) = make_cases(app, 1, delivery="mail", seed=9)
        engine.run_once(app, options=FAST)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            engine.run_once(app, options=FAST)
            if cases.show(app.db, mail)["state"] == "delivered" and cases.show(app.db, window)["state"] == "completed":
                break
            time.sleep(0.1)
    assert cases.show(app.db, mail)["state"] == "delivered"
    assert cases.show(app.db, window)["state"] == "completed"
    seen = [u["status"] for u in outbox_view.case_sync_state(app.db, window)["platform_updates"]]
    assert seen == ["received", "in_process", "completed", "result_mailed"]


def test_openapi_and_simulator_agree() -> None:
    import yaml

    from hallapp.simulator.server import URLS

    spec = yaml.safe_load((Path(__file__).resolve().parents[2] / "docs" / "platform-api.openapi.yaml").read_text("utf-8"))
    documented = {(path, method.upper()) for path, item in spec["paths"].items()
                  for method in item if method in ("get", "put", "post")}
    served = {(rule.rule.replace("<", "{").replace(">", "}"), method) for rule in URLS.iter_rules()
              if rule.rule.startswith("/v1/") for method in rule.methods - {"HEAD", "OPTIONS"}}
    assert documented == served
