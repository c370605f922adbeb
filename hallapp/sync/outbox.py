"""Writing to the outbox in the caller's transaction (the intake's, so case and entry commit as one).

A one-time notice (一次性告知) sends nothing: no application was accepted, so GB/T 39046 has no
acceptance record to carry, and the notice is the applicant's paper. Accepted cases (with or
without a gap) are enqueued, and only with every field GB/T 39046 needs filled in: an incomplete
record refuses the intake rather than wait in the outbox for a 422.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

from hallapp.domain.clock import hall_clock
from hallapp.domain.outbox import OutboxState
from hallapp.sync import records

if TYPE_CHECKING:
    from hallapp.storage import UnitOfWork
    from hallapp.storage.models import Case, Evaluation, Hall, Material

SENDABLE_STATES = ("accepted", "accepted_with_gap")
BLOCKED_KEY = "blocked"  # sync_state key: why sending stopped (written by the engine, shown by outbox_view)
STATES = tuple(OutboxState)  # hallapp/domain/outbox.py
KIND_CASE = records.KIND_CASE


def _the_hall(uow: UnitOfWork) -> Hall:
    """The hall every record names; none (a database never set up) refuses the record as incomplete."""
    hall = uow.halls.the_hall()
    if hall is None:
        raise records.IncompleteRecordError([f"hall.{name}" for name in records.REQUIRED["hall"]])
    return hall


def client_id_for(case_number: str, revision: int = 1) -> str:
    """The idempotency key of a case submission: stable across resends, exports and machines."""
    return f"case:{case_number}:r{revision}"


def enqueue_case(uow: UnitOfWork, case: Case, *, revision: int = 1) -> str | None:
    """Add the case's submission to the outbox; returns its client id, or None when nothing is sent."""
    if case.state not in SENDABLE_STATES:
        return None
    client_id = client_id_for(case.number, revision)
    staff = uow.staff.get(case.staff_id) if case.staff_id else None
    record = records.case_record(
        client_id=client_id, case=case, hall=_the_hall(uow), item=uow.cases.item_of(case),
        applicant=uow.cases.applicant(case.applicant_id), agent=uow.cases.applicant(case.agent_id),
        clerk=staff.display_name if staff else "",  # the receipt's 受理人
    )
    records.check_complete(record)  # raises: the caller's transaction (the intake) saves nothing
    payload = records.canonical(record)
    uow.outbox.enqueue(case_id=case.id, case_number=case.number, kind=KIND_CASE, client_id=client_id,
                       payload=payload.decode("utf-8"), payload_sha256=records.sha256_hex(payload), bytes_total=0,
                       now=hall_clock().now())
    return client_id


# --- the case's other records: same outbox, same idempotency, each with its own stable client id ----

def evaluation_client_id(case_number: str) -> str:
    return f"case:{case_number}:eval"  # one evaluation per visit (一次一评), the visit that opened the case


def courier_client_id(case_number: str, serial: int) -> str:
    return f"case:{case_number}:courier:{serial}"


def collection_client_id(case_number: str) -> str:
    return f"case:{case_number}:collected"


def supplement_client_id(case_number: str, position: int) -> str:
    return f"case:{case_number}:supplied:{position}"  # a deferred material is supplied once


def clerk_name(uow: UnitOfWork, staff_id: int | None = None, username: str = "") -> str:
    """The staff member's name as the hall's papers print it (the user name if no account matches)."""
    staff = uow.staff.get(staff_id) if staff_id else None
    if staff is None and username:
        staff = uow.staff.by_username(username)
    return staff.display_name if staff else username


def _sent_case(uow: UnitOfWork, case: Case) -> bool:
    """Only a case the outbox carries to the platform gets records there (not a one-time notice)."""
    return any(r.kind == KIND_CASE for r in uow.outbox.by_case_number(case.number))


def enqueue_record(uow: UnitOfWork, case: Case, kind: str, client_id: str, record: dict[str, Any],
                   materials: list[dict[str, Any]] | None = None) -> str | None:
    """Add one record of the case to the outbox in the caller's transaction; None if the case was
    never sent (nothing to attach it to) or the client id is already there (the same record)."""
    if not _sent_case(uow, case):
        return None
    entry = records.envelope(client_id=client_id, kind=kind, case_number=case.number, hall=_the_hall(uow),
                             record=record, materials=materials)
    records.check_record_complete(entry)  # raises: the caller's transaction saves nothing
    payload = records.canonical(entry)
    added = uow.outbox.enqueue(case_id=case.id, case_number=case.number, kind=kind, client_id=client_id,
                               payload=payload.decode("utf-8"), payload_sha256=records.sha256_hex(payload),
                               bytes_total=0, now=hall_clock().now())
    return client_id if added else None


def enqueue_evaluation(uow: UnitOfWork, case: Case, evaluation: Evaluation, level_name: str) -> str | None:
    record = records.evaluation_record(
        case_number=case.number, level=evaluation.level, level_name=level_name, reason=evaluation.reason,
        channel=evaluation.channel, at=evaluation.created_at or hall_clock().now(),
        clerk=clerk_name(uow, case.staff_id or evaluation.staff_id))
    return enqueue_record(uow, case, records.KIND_EVALUATION, evaluation_client_id(case.number), record)


def enqueue_courier(uow: UnitOfWork, case: Case, *, leg: str, carrier: str, waybill: str, sent_on: date | None,
                    receiver: str) -> str | None:
    """A courier record; the same waybill told again adds nothing, a corrected one is the next serial."""
    hall = _the_hall(uow)
    record = records.courier_record(case_number=case.number, leg=leg, carrier=carrier, waybill=waybill,
                                    sent_on=sent_on, sender=hall.name, receiver=receiver)
    earlier = [r for r in uow.outbox.by_case_number(case.number) if r.kind == records.KIND_COURIER]
    if any(json.loads(r.payload).get("record") == record for r in earlier):
        return None
    return enqueue_record(uow, case, records.KIND_COURIER, courier_client_id(case.number, len(earlier) + 1), record)


def enqueue_collection(uow: UnitOfWork, case: Case, *, collected_by: str, actor: str) -> str | None:
    record = records.collection_record(case_number=case.number, at=hall_clock().now(), collected_by=collected_by,
                                       clerk=clerk_name(uow, username=actor))
    return enqueue_record(uow, case, records.KIND_COLLECTION, collection_client_id(case.number), record)


def enqueue_supplement(uow: UnitOfWork, case: Case, material: Material, *, actor: str) -> str | None:
    """补交: the record names the material's scan, which goes up through the materials path like the case's."""
    record = records.supplement_record(case_number=case.number, m=material, at=hall_clock().now(),
                                       clerk=clerk_name(uow, username=actor))
    brought = [records.material(material)]
    return enqueue_record(uow, case, records.KIND_SUPPLEMENT, supplement_client_id(case.number, material.position),
                          record, brought)
