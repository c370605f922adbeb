"""Status pull-back: the platform's updates for this hall's cases, fetched from a cursor kept in the
database, recorded once each, then applied through the case state machine (`cases.transition`).
Only updates for a submission the platform confirmed to us are applied (others wait, or are skipped
when they name no submission of ours); the cursor only moves forward over what the platform signed.

submitted → received → in_process → completed; returned (with the reason) from submitted, received or
in_process. `result_mailed`: for a case delivered by mail the result went straight to the applicant,
so the case becomes delivered (`cases.deliver_result` with the waybill); for collection at the window
the update is only recorded (the result travels to the hall, the clerk hands it over).
"""

from __future__ import annotations

import logging
from collections import deque
from typing import TYPE_CHECKING

from hallapp.domain.cases import TRANSITIONS, CaseError, CaseState
from hallapp.domain.outbox import OutboxState, coded
from hallapp.services import cases
from hallapp.sync.platform_port import PlatformAdapter, UntrustedAnswerError

if TYPE_CHECKING:
    from hallapp.storage import Database
    from hallapp.storage.repositories.sync import UpdateRow

log = logging.getLogger(__name__)
CURSOR_KEY = "status_cursor"
ACTOR = "platform"
TARGETS = {"received": CaseState.RECEIVED, "in_process": CaseState.IN_PROCESS, "returned": CaseState.RETURNED,
           "completed": CaseState.COMPLETED, "result_mailed": CaseState.COMPLETED}


def fetch(db: Database, client: PlatformAdapter, limit: int) -> int:
    """Record every new update (idempotent by sequence number); returns how many were new."""
    new = 0
    while True:
        with db.unit_of_work() as uow:
            cursor = int(uow.outbox.state_get(CURSOR_KEY, "0") or 0)
        updates, after = client.status_updates(cursor, limit)
        if after < cursor or any(u.seq <= cursor or u.seq > after for u in updates):  # any adapter's answer
            raise coded(UntrustedAnswerError(), "sync.updates_out_of_order")
        with db.unit_of_work(write=True) as uow:
            for u in updates:
                new += uow.outbox.add_update(seq=u.seq, client_id=u.client_id, case_number=u.case_number,
                                             status=u.status, reason=u.reason, waybill=u.waybill, at=u.at)
            if after > int(uow.outbox.state_get(CURSOR_KEY, "0") or 0):
                uow.outbox.state_set(CURSOR_KEY, str(after))
        if len(updates) < limit:
            return new


def path_to(current: CaseState, target: CaseState) -> list[CaseState] | None:
    """The shortest forward path in the state machine (never through returned unless it is the target)."""
    queue: deque[tuple[CaseState, list[CaseState]]] = deque([(current, [])])
    seen = {current}
    while queue:
        state, path = queue.popleft()
        for nxt in sorted(TRANSITIONS[state]):
            if nxt in seen or (nxt is CaseState.RETURNED and target is not CaseState.RETURNED):
                continue
            if nxt is target:
                return [*path, nxt]
            seen.add(nxt)
            queue.append((nxt, [*path, nxt]))
    return None


def apply_one(db: Database, update: UpdateRow) -> str | None:
    """Apply one recorded update; returns the outcome written beside it, or None to keep it pending
    (the platform has not yet confirmed that submission to us: apply it once it has)."""
    with db.unit_of_work() as uow:
        local = uow.outbox.case_state(update.case_number)
        ours = [r for r in uow.outbox.by_case_number(update.case_number) if r.client_id == update.client_id]
    if local is None:
        return "skipped: no such case here"
    if not ours:
        return "skipped: not a submission of ours"
    if not any(r.state == OutboxState.CONFIRMED for r in ours):
        return None
    current, delivery = CaseState(local[0]), local[1]
    target = TARGETS.get(update.status)
    if target is None:
        return f"skipped: unknown status {update.status}"[:40]
    if current is target and update.status != "result_mailed":
        return "already"
    steps = [] if current is target else path_to(current, target)
    if steps is None:
        return f"skipped: case is {current.value}"[:40]
    for step in steps:
        cases.transition(db, update.case_number, step, actor=ACTOR, reason=update.reason if step is CaseState.RETURNED else "")
    if update.status == "result_mailed":
        if delivery != "mail":
            return "recorded: result comes to the hall"
        cases.deliver_result(db, update.case_number, actor=ACTOR, waybill=update.waybill or "platform")
    return "applied"


def apply_pending(db: Database) -> int:
    """Apply every recorded update not yet applied, in sequence order; returns how many were applied."""
    with db.unit_of_work() as uow:
        pending = uow.outbox.pending_updates()
    applied = 0
    for update in pending:
        try:
            outcome = apply_one(db, update)
        except CaseError as exc:  # another counter moved it first, or the move is not allowed
            outcome = f"skipped: {type(exc).__name__}"
            log.info("status update %s for case %s not applied: %s", update.seq, update.case_number, exc)
        if outcome is None:
            continue
        with db.unit_of_work(write=True) as uow:
            uow.outbox.set_update_outcome(update.seq, outcome)
        applied += outcome == "applied"
    return applied


def pull(db: Database, client: PlatformAdapter, limit: int = 200) -> int:
    fetch(db, client, limit)
    return apply_pending(db)
