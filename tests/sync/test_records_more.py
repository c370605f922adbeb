"""Every record the hall owes the platform besides the case — evaluation, courier (originals and
result), collection at the window, a material supplied after 容缺 — goes through the same outbox:
each arrives exactly once at the simulator (with its scan, for a supplement), survives a sync killed
in the middle, and shows on the case."""

from __future__ import annotations

import random
import time
from datetime import UTC, date, datetime
from typing import Any

import pytest

from hallapp.domain.cases import Decision, MaterialStatus
from hallapp.domain.identity import manual_identity
from hallapp.sending import engine
from hallapp.services import case_view, cases, catalog, evaluation, queue, supplements
from hallapp.services.hall import ensure_demo_hall
from hallapp.storage import material_store
from hallapp.storage.models import OutboxEntry
from hallapp.sync import outbox_view
from hallapp.sync.options import SyncOptions, from_settings
from tests.sync.helpers import demo_clerk, fake_pdf, make_cases

TUNING = {"backoff_base_s": 0.01, "backoff_cap_s": 0.02, "lease_s": 0.3, "poll_s": 0.1}
ID_NUMBER = "11010519491231002X"


def _fast(app: Any) -> SyncOptions:
    return from_settings(app.settings, **TUNING)


def _sync(app: Any) -> dict[str, Any]:
    """Sync until nothing waits (a record in flight beside its case backs off and goes next round)."""
    total: dict[str, Any] = {"confirmed": 0, "needs_attention": 0}
    for _ in range(40):
        summary = engine.run_once(app, options=_fast(app))
        total["confirmed"] += summary["confirmed"]
        total["needs_attention"] += summary["needs_attention"]
        if not summary["waiting"]:
            return total
        time.sleep(0.03)
    raise AssertionError(f"still waiting: {outbox_view.entries(app.db)}")


def _records(sim: Any) -> dict[str, dict[str, Any]]:
    return {r["client_id"]: r for r in sim.platform.store.records()}


def _gap_case(app: Any) -> tuple[str, int]:
    """A case accepted with its first required material deferred (容缺); returns (number, position)."""
    info = ensure_demo_hall(app.db)
    clerk_id, clerk = demo_clerk(app)
    rng = random.Random(5)
    item = next(i for i in (catalog.checklist(app.db, hit.code) for hit in catalog.search(app.db, "0", 200))
                if any(line.required and not line.key for line in i.lines))  # one that may defer a material
    required = [line for line in item.lines if line.required and not line.key]
    owed = required[0].position
    inputs = [cases.MaterialInput(line.position, MaterialStatus.MISSING if line.position == owed else MaterialStatus.CAPTURED,
                                  None if line.position == owed else fake_pdf(rng, 1_500), 0 if line.position == owed else 1)
              for line in item.lines if line.required]
    applicant = manual_identity(name="容缺申请人", id_number=ID_NUMBER, today=date.today(), valid_to=date(2035, 1, 1))
    intake = cases.IntakeInput(applicant=applicant, item_code=item.code, handling_region_code="110105", materials=inputs,
                               decision=Decision.ACCEPT_WITH_GAP, counter_number=1, staff_id=clerk_id,
                               staff_username=clerk, gap_due_date=date(2030, 1, 1))
    return cases.submit_intake(app.db, app.home, info.id, intake).number, owed


def _complete(app: Any, number: str) -> None:
    for state in ("received", "completed"):
        cases.transition(app.db, number, state, actor="platform")


def _evaluate(app: Any, number: str, level: int | None) -> None:
    """The visit that opened the case is rated (or not answered in time) at the tablet."""
    ticket = queue.issue_ticket(app.db, ensure_demo_hall(app.db).id, "A")
    with app.db.unit_of_work(write=True) as uow:
        uow.cases.by_number(number).ticket_id = ticket.id
    evaluation.record(app.db, ticket.id, level, "等候时间长" if level in (4, 5) else "")


def test_each_record_arrives_once_and_shows_on_the_case(synced_app: Any, sim: Any) -> None:
    app = synced_app
    mailed, at_window = (make_cases(app, 1, materials=1, size=2_000, delivery=d, seed=s)[0]
                         for d, s in (("mail", 1), ("window", 2)))
    gap, owed = _gap_case(app)
    _evaluate(app, at_window, 2)
    _evaluate(app, mailed, None)  # no answer in time
    cases.record_originals_dispatch(app.db, mailed, carrier="EMS", waybill="EA123456789CN", sent_on=date.today(),
                                    actor="clerk1")
    cases.record_originals_dispatch(app.db, mailed, carrier="EMS", waybill="EA123456789CN", sent_on=date.today(),
                                    actor="clerk1")  # told twice: still one record
    first = _sync(app)
    assert first["confirmed"] == 3 + 3, (first, [(e["client_id"], e["state"]) for e in outbox_view.entries(app.db)])
    for number in (mailed, at_window):
        _complete(app, number)
    cases.deliver_result(app.db, mailed, actor="clerk1", waybill="SF1234567890", carrier="顺丰速运")
    cases.deliver_result(app.db, at_window, actor="clerk2", collected_by_id_number=_applicant_id(app, at_window))
    assert supplements.record_supplement(app.db, app.home, gap, owed, b"%PDF-1.4 supplied later", 1,
                                         actor="clerk1").gap_closed

    summary = _sync(app)
    assert summary["confirmed"] == 3 and summary["needs_attention"] == 0
    held = _records(sim)
    assert set(held) == {f"case:{at_window}:eval", f"case:{mailed}:eval", f"case:{mailed}:courier:1",
                         f"case:{mailed}:courier:2", f"case:{at_window}:collected", f"case:{gap}:supplied:{owed}"}
    assert all(r["state"] == "committed" for r in held.values())
    rated, unanswered = held[f"case:{at_window}:eval"]["record"], held[f"case:{mailed}:eval"]["record"]
    assert (rated["answered"], rated["level"], rated["level_name"]) == (True, "2", "满意") and rated["clerk"]
    assert (unanswered["answered"], unanswered["level"]) == (False, "")  # never counted as a level
    originals, result_leg = held[f"case:{mailed}:courier:1"]["record"], held[f"case:{mailed}:courier:2"]["record"]
    assert (originals["leg"], originals["waybill"], originals["carrier"]) == ("originals", "EA123456789CN", "EMS")
    assert (result_leg["leg"], result_leg["waybill"], result_leg["carrier"]) == ("result", "SF1234567890", "顺丰速运")
    collected = held[f"case:{at_window}:collected"]["record"]
    assert collected["collected_by"] == "applicant" and collected["clerk"]
    supplied = held[f"case:{gap}:supplied:{owed}"]["record"]
    assert sim.platform.store.material_complete(_hall(app), supplied["sha256"])  # the scan went up too
    assert material_store.load(app.home, supplied["sha256"]) == b"%PDF-1.4 supplied later"

    assert _sync(app)["confirmed"] == 0  # nothing is sent twice
    assert sim.stats()["records_received"] == 6

    shown = case_view.detail(app.db, mailed)
    assert shown.submission is not None and shown.submission.state == "confirmed"
    assert [(r.kind, r.state) for r in shown.other_records] == [
        ("evaluation", "confirmed"), ("courier", "confirmed"), ("courier", "confirmed")]
    assert [(r.kind, r.state) for r in case_view.detail(app.db, gap).other_records] == [("supplement", "confirmed")]


def test_a_record_waits_until_its_case_is_confirmed(synced_app: Any, sim: Any) -> None:
    app = synced_app
    number = make_cases(app, 1, materials=1, size=1_000, seed=3)[0]
    _evaluate(app, number, 1)
    with app.db.unit_of_work(write=True) as uow:  # the case's own submission is not through yet
        entry = uow.session.get(OutboxEntry, uow.outbox.by_case_number(number)[0].id)
        entry.state, entry.next_attempt_at = "retrying", datetime(2099, 1, 1, tzinfo=UTC)
    assert engine.run_once(app, options=_fast(app))["confirmed"] == 0 and _records(sim) == {}
    assert [r.state for r in case_view.detail(app.db, number).other_records] == ["retrying"]
    with app.db.unit_of_work(write=True) as uow:  # the case goes through: the record follows it
        uow.outbox.retry(uow.outbox.by_case_number(number)[0].id, datetime.now(UTC))
    assert _sync(app)["confirmed"] == 2 and set(_records(sim)) == {f"case:{number}:eval"}


class Killed(BaseException):
    """The sync process dies here (like SIGKILL): nothing after this line of the engine runs."""


class _DiesAfterPut:
    """The real client, but the process dies once a record's PUT reached the platform."""

    def __init__(self, real: Any) -> None:
        self.real = real

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def put_record(self, client_id: str, payload: bytes) -> Any:
        from hallapp.sending.sender import put_record

        put_record(self.real, client_id, payload)
        raise Killed


def test_a_record_survives_a_kill_after_the_platform_took_it(synced_app: Any, sim: Any) -> None:
    from hallapp.sync.platform_clients import create_adapter

    app = synced_app
    number = make_cases(app, 1, materials=1, size=1_000, seed=4)[0]
    assert _sync(app)["confirmed"] == 1
    cases.record_originals_dispatch(app.db, number, carrier="EMS", waybill="EA1CN", sent_on=date.today(), actor="clerk1")
    with pytest.raises(Killed):
        engine.run_once(app, options=_fast(app), adapter_factory=lambda: _DiesAfterPut(create_adapter(app, _fast(app))))
    # The platform holds the record, this machine has no confirmation: it is still owed here.
    assert [r.state for r in case_view.detail(app.db, number).other_records] in (["sending"], ["queued"])
    assert sim.stats()["records_received"] == 1
    time.sleep(TUNING["lease_s"] + 0.05)
    assert _sync(app)["confirmed"] == 1
    assert sim.stats()["records_received"] == 1 and sim.stats()["record_replays"] == 1
    assert [r.state for r in case_view.detail(app.db, number).other_records] == ["confirmed"]
    assert outbox_view.sync_status(app.db)["counts"]["confirmed"] == 2
def _hall(app: Any) -> str:
    with app.db.unit_of_work() as uow:
        return uow.halls.the_hall().code


def _applicant_id(app: Any, number: str) -> str:
    with app.db.unit_of_work() as uow:
        case = uow.cases.by_number(number)
        return uow.cases.applicant(case.applicant_id).certificate_number
