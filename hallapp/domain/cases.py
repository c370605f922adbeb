"""Cases (办件): numbers, the state machine, and what the checklist allows the clerk to decide.

States follow the case from the window to the handling authority and back:
draft → accepted | accepted_with_gap (容缺) | notified (一次性告知, not accepted)
accepted(_with_gap) → submitted → received → in_process → completed → delivered,
with returned (for correction) from the authority, and back to submitted once corrected.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum

from hallapp.domain.errors import CodedError, register


class CaseState(StrEnum):
    DRAFT = "draft"
    ACCEPTED = "accepted"
    ACCEPTED_WITH_GAP = "accepted_with_gap"
    NOTIFIED = "notified"  # one-time notice given; nothing accepted
    SUBMITTED = "submitted"  # sent to the platform
    RECEIVED = "received"  # the handling authority has it
    IN_PROCESS = "in_process"
    RETURNED = "returned"  # for correction, with a reason
    COMPLETED = "completed"
    DELIVERED = "delivered"  # result mailed (waybill) or collected at the window


class Decision(StrEnum):
    ACCEPT = "accept"  # 受理
    ACCEPT_WITH_GAP = "accept_with_gap"  # 容缺受理
    NOTICE = "notice"  # 一次性告知


class MaterialStatus(StrEnum):
    CAPTURED = "captured"
    MISSING = "missing"
    INCORRECT = "incorrect"


TRANSITIONS: dict[CaseState, frozenset[CaseState]] = {
    CaseState.DRAFT: frozenset({CaseState.ACCEPTED, CaseState.ACCEPTED_WITH_GAP, CaseState.NOTIFIED}),
    CaseState.ACCEPTED_WITH_GAP: frozenset({CaseState.ACCEPTED, CaseState.SUBMITTED}),
    CaseState.ACCEPTED: frozenset({CaseState.SUBMITTED}),
    CaseState.SUBMITTED: frozenset({CaseState.RECEIVED, CaseState.RETURNED}),
    CaseState.RECEIVED: frozenset({CaseState.IN_PROCESS, CaseState.RETURNED, CaseState.COMPLETED}),
    CaseState.IN_PROCESS: frozenset({CaseState.RETURNED, CaseState.COMPLETED}),
    CaseState.RETURNED: frozenset({CaseState.SUBMITTED}),
    CaseState.COMPLETED: frozenset({CaseState.DELIVERED}),
    CaseState.NOTIFIED: frozenset(),
    CaseState.DELIVERED: frozenset(),
}

MAX_CASE_NUMBER = 50


class CaseError(CodedError):
    """A refused case action; worded for the clerk at the edge (ui/errors.py)."""


register({
    "case.bad_transition": "A case that is {state} cannot become {target}.",
    "case.number_too_long": "The case number would be longer than {limit} characters: shorten the hall code.",
    "case.not_found": "There is no case {number}.",
    "case.item_not_in_catalog": "Item {item} is not in the current catalog.",
    "case.item_withdrawn": "Item {item} was withdrawn by the platform: it cannot start a new case.",
    "case.decision_not_allowed": "The checklist does not allow this decision: with a key material missing or wrong, "
                                 "only a one-time notice can be given.",
    "case.gap_due_date_missing": "Accepting with a gap needs the date by which the missing materials come.",
    "case.return_reason_missing": "Returning a case for correction needs a reason.",
    "case.courier_missing": "Fill in the courier company and the waybill number.",
    "case.waybill_missing": "Delivery by post needs the waybill number.",
    "case.collector_mismatch": "The person collecting is neither the applicant nor the agent: the result cannot be "
                               "handed over.",
    "case.no_scan": "This material has no scan.",
    "case.supplement_empty": "A supplied material needs at least one page.",
    "case.nothing_owed": "This case has no materials still to be supplied.",
    "case.material_not_owed": "This material is not among those still to be supplied.",
})


def check_transition(current: str, target: str) -> None:
    now, to = CaseState(current), CaseState(target)
    if to not in TRANSITIONS[now]:
        raise CaseError("case.bad_transition", state=now.value, target=to.value)


def case_number(hall_code: str, day: date, serial: int) -> str:
    """Hall code + date + daily serial: unique across every counter of a hall and every hall."""
    number = f"{hall_code}-{day:%Y%m%d}-{serial:04d}"
    if len(number) > MAX_CASE_NUMBER:
        raise CaseError("case.number_too_long", limit=MAX_CASE_NUMBER)
    return number


def allowed_decisions(materials: Iterable[tuple[bool, bool, str]]) -> list[Decision]:
    """What the checklist allows, from (required, key, status) per material.

    Complete → accept. Only non-key required materials missing → accept with a gap (or a notice).
    A key material missing or any material incorrect → notice only.
    """
    lacking = [(key, status) for required, key, status in materials
               if required and status != MaterialStatus.CAPTURED]
    if not lacking:
        return [Decision.ACCEPT]
    if all(not key and status == MaterialStatus.MISSING for key, status in lacking):
        return [Decision.ACCEPT_WITH_GAP, Decision.NOTICE]
    return [Decision.NOTICE]


def state_after(decision: Decision) -> CaseState:
    return {Decision.ACCEPT: CaseState.ACCEPTED, Decision.ACCEPT_WITH_GAP: CaseState.ACCEPTED_WITH_GAP,
            Decision.NOTICE: CaseState.NOTIFIED}[decision]
