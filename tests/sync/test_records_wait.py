"""A case's other records (evaluation, courier…) wait behind the case: claimed while their case is
still on its way, they count no failed attempt and go out in the same run once the platform confirmed
the case; another case is not held up meanwhile; and a lane writes its batch of confirmations in one
local transaction. Real simulator on loopback, real SQLite."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event

from hallapp.sending import engine
from hallapp.sending.sender import EntrySender
from hallapp.services import cases, evaluation, queue
from hallapp.services.hall import ensure_demo_hall
from hallapp.sync.options import SyncOptions, from_settings
from hallapp.sync.platform_clients import create_adapter
from tests.sync.helpers import make_cases

GATE_S = 10.0  # how long the held-back case waits for the other one (it never should, if lanes work)


class _Recording:
    """The real client, noting each record and commit request in the order the platform got them;
    `hold` may hold back one client id's commit (until it returns)."""

    def __init__(self, real: Any, calls: list[tuple[str, str]], hold: Callable[[str], None] | None = None) -> None:
        self.real, self.calls, self.hold = real, calls, hold

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def put_case(self, client_id: str, payload: bytes) -> Any:
        self.calls.append(("put", client_id))
        return self.real.put_case(client_id, payload)

    def commit(self, client_id: str, payload_sha256: str, materials: list[str]) -> Any:
        if self.hold is not None:
            self.hold(client_id)
        answer = self.real.commit(client_id, payload_sha256, materials)
        self.calls.append(("commit", client_id))
        return answer

    def put_record(self, client_id: str, payload: bytes) -> Any:
        self.calls.append(("put", client_id))
        return self.real.put_record(client_id, payload)

    def commit_record(self, client_id: str, payload_sha256: str, materials: list[str]) -> Any:
        self.calls.append(("commit", client_id))
        return self.real.commit_record(client_id, payload_sha256, materials)


def _options(app: Any, **overrides: Any) -> SyncOptions:
    return from_settings(app.settings, backoff_base_s=0.01, backoff_cap_s=0.02, poll_s=0.1, **overrides)


def _evaluate(app: Any, number: str, level: int) -> None:
    """The visit that opened the case is rated at the tablet."""
    ticket = queue.issue_ticket(app.db, ensure_demo_hall(app.db).id, "A")
    with app.db.unit_of_work(write=True) as uow:
        uow.cases.by_number(number).ticket_id = ticket.id
    evaluation.record(app.db, ticket.id, level, "")


def _entries(app: Any, number: str) -> dict[str, Any]:
    with app.db.unit_of_work() as uow:
        return {row.client_id: row for row in uow.outbox.by_case_number(number)}


def _mailed_case_with_records(app: Any) -> tuple[str, str, str]:
    """A mailed case rated at the tablet with its originals sent: (case, evaluation, courier) client ids."""
    number = make_cases(app, 1, materials=1, size=2_000, delivery="mail", seed=11)[0]
    _evaluate(app, number, 1)
    cases.record_originals_dispatch(app.db, number, carrier="EMS", waybill="EA123456789CN", sent_on=date.today(),
                                    actor="clerk1")
    return f"case:{number}:r1", f"case:{number}:eval", f"case:{number}:courier:1"


def _sending_counts(events: list[dict[str, Any]]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for e in events:
        if e.get("type") == "entry" and e.get("state") == "sending":
            counts[e["entry_id"]] = counts.get(e["entry_id"], 0) + 1
    return counts


def test_records_claimed_before_their_case_is_confirmed_follow_it_in_the_same_run(synced_app: Any, sim: Any) -> None:
    app = synced_app
    case_id, eval_id, courier_id = _mailed_case_with_records(app)
    other = make_cases(app, 1, materials=1, size=2_000, seed=12)[0]
    calls: list[tuple[str, str]] = []
    events: list[dict[str, Any]] = []
    options = _options(app, lanes=1, batch=8)  # one claim takes all four: the records come before the case is confirmed
    summary = engine.SyncEngine(app, options=options, on_event=events.append,
                                adapter_factory=lambda: _Recording(create_adapter(app, options), calls)).run_once()

    assert summary["confirmed"] == 4 and summary["waiting"] == 0, summary
    entries = _entries(app, case_id.split(":")[1])
    for client_id in (eval_id, courier_id):
        row = entries[client_id]
        assert (row.state, row.attempts) == ("confirmed", 1), "one attempt, the one that went through: the wait is none"
        # Tried behind its case first (2), or — on a slow machine the lane writes the case's confirmation at
        # once (one waited over a second) — sent straight after it (1): either way, in this run.
        assert _sending_counts(events)[row.id] in (1, 2), "sent in the same run as its case"
        assert calls.index(("put", client_id)) > calls.index(("commit", case_id)), "never before its case"
    assert ("commit", f"case:{other}:r1") in calls
    held = {r["client_id"]: r for r in sim.platform.store.records()}
    assert {eval_id, courier_id} <= set(held) and all(held[c]["state"] == "committed" for c in (eval_id, courier_id))


def test_a_case_in_flight_does_not_hold_up_an_unrelated_one(synced_app: Any, sim: Any) -> None:
    """Two lanes: the first case's commit is held until the second case is committed, which can only
    happen if the other lane sent it meanwhile; its record waits and follows within the run."""
    app = synced_app
    case_id, eval_id, courier_id = _mailed_case_with_records(app)
    other_id = f"case:{make_cases(app, 1, materials=1, size=2_000, seed=13)[0]}:r1"
    calls: list[tuple[str, str]] = []
    other_done, waited = threading.Event(), []

    def hold(client_id: str) -> None:
        if client_id == case_id:
            waited.append(other_done.wait(GATE_S))

    def factory() -> Any:
        return _Recording(create_adapter(app, options), calls, hold)

    original = _Recording.commit

    def commit_and_tell(self: _Recording, client_id: str, sha: str, materials: list[str]) -> Any:
        answer = original(self, client_id, sha, materials)
        if client_id == other_id:
            other_done.set()
        return answer

    options = _options(app, lanes=2, batch=2)  # one entry per claim and lane
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_Recording, "commit", commit_and_tell)
        summary = engine.SyncEngine(app, options=options, adapter_factory=factory).run_once()

    assert waited == [True], "the unrelated case went out while the first one was in flight"
    assert calls.index(("commit", other_id)) < calls.index(("commit", case_id))
    assert summary["confirmed"] == 4 and summary["waiting"] == 0, summary
    entries = _entries(app, case_id.split(":")[1])
    for client_id in (eval_id, courier_id):
        assert (entries[client_id].state, entries[client_id].attempts) == ("confirmed", 1)
        assert calls.index(("put", client_id)) > calls.index(("commit", case_id))


@pytest.fixture
def confirming_transactions(synced_app: Any) -> Iterator[list[int]]:
    """For each committed transaction on the app's engine that marked outbox entries confirmed, how many."""
    db_engine = synced_app.db.engine
    seen: list[int] = []

    def begin(conn: Any) -> None:
        conn.info["confirmed_in_txn"] = 0

    def statement(conn: Any, _cursor: Any, sql: str, params: Any, _context: Any, _many: bool) -> None:
        values = params.values() if isinstance(params, dict) else params or ()
        if sql.lstrip().upper().startswith("UPDATE OUTBOX_ENTRY SET STATE") and "confirmed" in values:
            conn.info["confirmed_in_txn"] = conn.info.get("confirmed_in_txn", 0) + 1

    def commit(conn: Any) -> None:
        if conn.info.get("confirmed_in_txn"):
            seen.append(conn.info["confirmed_in_txn"])
        conn.info["confirmed_in_txn"] = 0

    listeners = (("begin", begin), ("before_cursor_execute", statement), ("commit", commit))
    for name, fn in listeners:
        event.listen(db_engine, name, fn)
    yield seen
    for name, fn in listeners:
        event.remove(db_engine, name, fn)


def test_a_lane_writes_its_batch_of_confirmations_in_one_transaction(synced_app: Any, sim: Any,
                                                                    confirming_transactions: list[int],
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    app = synced_app
    numbers = make_cases(app, 6, materials=1, size=1_000, seed=14)
    # "a fast link": the lane's confirmations are not flushed early for a slow case on a busy test machine
    monkeypatch.setattr(EntrySender, "fresh_s", lambda self: 30.0)
    summary = engine.SyncEngine(app, options=_options(app, lanes=1, batch=6)).run_once()

    assert summary["confirmed"] == 6, summary
    assert confirming_transactions == [6], "six cases, one claim: their confirmations written together"
    with app.db.unit_of_work() as uow:
        assert all(uow.cases.by_number(n).state == "submitted" for n in numbers)
