"""Writing to the outbox in the caller's transaction (the intake's, so case and entry commit as one).

A one-time notice (一次性告知) sends nothing: no application was accepted, so GB/T 39046 has no
acceptance record to carry, and the notice is the applicant's paper. Accepted cases (with or
without a gap) are enqueued, and only with every field GB/T 39046 needs filled in: an incomplete
record refuses the intake rather than wait in the outbox for a 422.
"""

from __future__ import annotations

from typing import Any

from hallapp.domain.clock import hall_clock
from hallapp.sync import records

SENDABLE_STATES = ("accepted", "accepted_with_gap")
STATES = ("queued", "sending", "sent", "retrying", "needs_attention", "confirmed")
KIND_CASE = "case"


def client_id_for(case_number: str, revision: int = 1) -> str:
    """The idempotency key of a case submission: stable across resends, exports and machines."""
    return f"case:{case_number}:r{revision}"


def enqueue_case(uow: Any, case: Any, *, revision: int = 1) -> str | None:  # noqa: ANN401 - UnitOfWork, Case
    """Add the case's submission to the outbox; returns its client id, or None when nothing is sent."""
    if case.state not in SENDABLE_STATES:
        return None
    client_id = client_id_for(case.number, revision)
    staff = uow.staff.get(case.staff_id) if case.staff_id else None
    record = records.case_record(
        client_id=client_id, case=case, hall=uow.halls.the_hall(), item=uow.cases.item(case.item_id),
        applicant=uow.cases.applicant(case.applicant_id), agent=uow.cases.applicant(case.agent_id),
        clerk=staff.display_name if staff else "",  # the receipt's 受理人
    )
    records.check_complete(record)  # raises: the caller's transaction (the intake) saves nothing
    payload = records.canonical(record)
    uow.outbox.enqueue(case_id=case.id, case_number=case.number, kind=KIND_CASE, client_id=client_id,
                       payload=payload.decode("utf-8"), payload_sha256=records.sha256_hex(payload), bytes_total=0,
                       now=hall_clock().now())
    return client_id
