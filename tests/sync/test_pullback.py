"""Status pull-back through the case state machine; the clerk sees why a case was returned."""

from __future__ import annotations

from hallapp.sending import engine
from hallapp.services import cases
from hallapp.sync import outbox_view
from hallapp.sync.options import SyncOptions
from tests.sync.helpers import post_json

FAST = SyncOptions(backoff_base_s=0.01, backoff_cap_s=0.05)


def test_returned_with_reason_is_applied(synced_app, sim) -> None:
    from tests.sync.helpers import make_cases

    (number,) = make_cases(synced_app, 1)
    engine.run_once(synced_app, options=FAST)
    client_id = outbox_view.case_sync_state(synced_app.db, number)["sync"]["client_id"]
    post_json(sim.url + f"_sim/cases/{client_id}/status", {"status": "received"})
    post_json(sim.url + f"_sim/cases/{client_id}/status", {"status": "returned", "reason": "户口簿复印件不清晰，请重新提供"})
    assert engine.run_once(synced_app, options=FAST)["updates_applied"] == 2
    shown = cases.show(synced_app.db, number)
    assert shown["state"] == "returned" and shown["returned_reason"] == "户口簿复印件不清晰，请重新提供"
    updates = outbox_view.case_sync_state(synced_app.db, number)["platform_updates"]
    assert [(u["status"], u["outcome"]) for u in updates] == [("received", "applied"), ("returned", "applied")]
    assert updates[1]["reason"] == "户口簿复印件不清晰，请重新提供"
    assert engine.run_once(synced_app, options=FAST)["updates_applied"] == 0  # cursor kept: nothing twice


def test_update_that_skips_steps_walks_the_machine(synced_app, sim) -> None:
    from tests.sync.helpers import make_cases

    (number,) = make_cases(synced_app, 1)
    engine.run_once(synced_app, options=FAST)
    client_id = outbox_view.case_sync_state(synced_app.db, number)["sync"]["client_id"]
    post_json(sim.url + f"_sim/cases/{client_id}/status", {"status": "completed"})
    engine.run_once(synced_app, options=FAST)
    assert cases.show(synced_app.db, number)["state"] == "completed"
