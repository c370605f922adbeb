"""Cases that need a supervisor: returned by the platform for correction (the reason, the applicant to
call, resubmission as the next revision, or closing with a reason), and outbox entries that need
attention (what the platform said, retry, or closing with a reason).

Resubmission puts the corrected case in the outbox under a new client id (`case:N:r2`, r3, …) in the
same transaction that records the step and moves the case back to submitted (the state machine's only
way out of returned). Closing records why and takes the case or entry off this list; the case stays
returned and the entry stays needs-attention in the outbox (no state exists for "closed" there).
Every step is audited with the case number and no personal data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from hallapp.domain.cases import CaseError, CaseState, check_transition
from hallapp.domain.clock import Clock, hall_clock
from hallapp.domain.errors import CodedError, register
from hallapp.domain.outbox import OutboxState
from hallapp.storage import Database
from hallapp.storage.models.followup import CaseFollowUp
from hallapp.storage.repositories.followups import FollowUpQueries, StepRow
from hallapp.sync.outbox import enqueue_case

if TYPE_CHECKING:
    from hallapp.storage import UnitOfWork
    from hallapp.storage.models import Case, OutboxEntry

CONTACT_OUTCOMES = ("reached", "unreachable")
_REVISION = re.compile(r":r(\d+)$")
MAX_TEXT = 400


class ReturnedCaseError(CodedError):
    """A step that cannot be taken; worded for the supervisor at the edge (ui/refusals.py)."""


register({
    "returned.not_found": "There is no case {number}.",
    "returned.not_returned": "Case {number} is no longer returned for correction: refresh the list.",
    "returned.outcome_missing": "Choose the outcome of the call.",
    "returned.note_missing": "Write down what was agreed with the applicant.",
    "returned.changes_missing": "Write down what was corrected, then send the case again.",
    "returned.cannot_resubmit": "Case {number} cannot be sent again.",
    "returned.reason_missing": "Write down why it is closed.",
    "returned.entry_done": "This sync entry needs nothing more: refresh the list.",
})


@dataclass(frozen=True)
class ReturnedCase:
    case_id: int
    number: str
    item_name: str
    clerk: str
    saved_at: datetime
    returned_at: datetime  # the case's last change: when the return was applied
    reason: str
    applicant_name: str  # personal data: for the supervisor's call only
    phone: str  # the applicant's, else the agent's
    steps: tuple[StepRow, ...]


@dataclass(frozen=True)
class AttentionEntry:
    entry_id: int
    case_number: str
    kind: str
    said: str  # what the platform (or the link) said last
    attempts: int
    since: datetime
    steps: tuple[StepRow, ...]


@dataclass(frozen=True)
class Worklist:
    returned: tuple[ReturnedCase, ...]
    attention: tuple[AttentionEntry, ...]


def closed_since_return(steps: list[StepRow]) -> bool:
    """Closed since its last return: a close before a resubmission belongs to an earlier return."""
    last = max((i for i, s in enumerate(steps) if s.action == "resubmitted"), default=-1)
    return any(s.action == "closed" for s in steps[last + 1:])



def worklist(db: Database, hall_id: int) -> Worklist:
    """Returned cases and entries needing attention that nobody has closed, oldest first."""
    with db.unit_of_work() as uow:
        q = FollowUpQueries(uow.session)
        cases, entries = q.returned_cases(hall_id), q.attention_entries()
        steps = q.steps(case_ids=[c[0] for c in cases], entry_ids=[e[0] for e in entries])
    by_case = {c[0]: [s for s in steps if s.case_id == c[0]] for c in cases}
    by_entry = {e[0]: [s for s in steps if s.outbox_entry_id == e[0] and s.case_id is None] for e in entries}
    returned = tuple(ReturnedCase(i, number, item, clerk or "", saved, changed, reason or "", name, phone or agent or "",
                                  tuple(by_case[i]))
                     for i, number, item, clerk, saved, changed, reason, name, phone, agent in cases
                     if not closed_since_return(by_case[i]))
    attention = tuple(AttentionEntry(i, number, kind, error or "", attempts, since, tuple(by_entry[i]))
                      for i, number, kind, error, attempts, since in entries if not closed_since_return(by_entry[i]))
    return Worklist(returned, attention)


def _text(value: str, what: str) -> str:
    text = value.strip()[:MAX_TEXT]
    if not text:
        raise ReturnedCaseError(what)
    return text


def _returned_case(uow: UnitOfWork, number: str) -> Case:
    case = uow.cases.by_number(number.strip(), for_update=True)
    if case is None:
        raise ReturnedCaseError("returned.not_found", number=number)
    if case.state != CaseState.RETURNED.value:
        raise ReturnedCaseError("returned.not_returned", number=case.number)
    return case


def record_contact(db: Database, number: str, *, outcome: str, note: str, actor: str, staff_id: int | None,
                   clock: Clock | None = None) -> None:
    """The applicant of a returned case was called (reached or not), with what was agreed."""
    if outcome not in CONTACT_OUTCOMES:
        raise ReturnedCaseError("returned.outcome_missing")
    text = _text(note, "returned.note_missing")
    with db.unit_of_work(write=True) as uow:
        case = _returned_case(uow, number)
        FollowUpQueries(uow.session).add(CaseFollowUp(case_id=case.id, action="contacted", outcome=outcome, note=text,
                                                      staff_id=staff_id, at=(clock or hall_clock()).now()))
        uow.audit.append("returned_contacted", actor=actor, subject=f"case:{case.number}", outcome=outcome)


class _AsAccepted:
    """The returned case seen as the acceptance it was, so the outbox builds the same kind of record
    (enqueue_case sends only accepted states; a 容缺 record keeps its gap while materials are owed)."""

    def __init__(self, case: Case) -> None:
        self._case = case

    def __getattr__(self, name: str) -> Any:
        return getattr(self._case, name)

    @property
    def state(self) -> str:
        owed = any(m.status != "captured" for m in self._case.materials)
        gap = self._case.gap_due_date is not None and owed
        return CaseState.ACCEPTED_WITH_GAP.value if gap else CaseState.ACCEPTED.value


def next_revision(client_ids: list[str]) -> int:
    """One more than the highest revision already in the outbox for the case (1 if none)."""
    revisions = [int(m.group(1)) for m in (_REVISION.search(c) for c in client_ids) if m]
    return max(revisions, default=0) + 1


def resubmit(db: Database, number: str, *, changes: str, actor: str, staff_id: int | None,
             clock: Clock | None = None) -> str:
    """Send the corrected case again as its next revision; returns the new client id."""
    text = _text(changes, "returned.changes_missing")
    with db.unit_of_work(write=True) as uow:
        case = _returned_case(uow, number)
        check_transition(case.state, CaseState.SUBMITTED)
        revision = next_revision([r.client_id for r in uow.outbox.by_case_number(case.number)])
        try:
            client_id = enqueue_case(uow, cast("Case", _AsAccepted(case)), revision=revision)
        except CaseError as exc:  # the record lacks a field the platform needs: nothing is saved
            raise ReturnedCaseError(exc.code, **exc.params) from exc
        if client_id is None:  # _AsAccepted is always a sendable state: a guard, not a path
            raise ReturnedCaseError("returned.cannot_resubmit", number=case.number)
        case.state = CaseState.SUBMITTED.value
        FollowUpQueries(uow.session).add(CaseFollowUp(case_id=case.id, action="resubmitted", note=text,
                                                      revision=revision, staff_id=staff_id,
                                                      at=(clock or hall_clock()).now()))
        uow.audit.append("case_resubmitted", actor=actor, subject=f"case:{case.number}", revision=revision)
        return client_id


def close_case(db: Database, number: str, *, reason: str, actor: str, staff_id: int | None,
               clock: Clock | None = None) -> None:
    """Take a returned case off the list with the reason (withdrawn by the applicant, handled elsewhere…)."""
    text = _text(reason, "returned.reason_missing")
    with db.unit_of_work(write=True) as uow:
        case = _returned_case(uow, number)
        FollowUpQueries(uow.session).add(CaseFollowUp(case_id=case.id, action="closed", note=text, staff_id=staff_id,
                                                      at=(clock or hall_clock()).now()))
        uow.audit.append("returned_closed", actor=actor, subject=f"case:{case.number}")


def _attention_entry(uow: UnitOfWork, entry_id: int) -> OutboxEntry:
    entry = FollowUpQueries(uow.session).entry(entry_id)
    if entry is None or entry.state != OutboxState.NEEDS_ATTENTION:
        raise ReturnedCaseError("returned.entry_done")
    return entry


def retry_entry(db: Database, entry_id: int, *, actor: str, staff_id: int | None, clock: Clock | None = None) -> None:
    """Send an entry that needs attention again now (after the cause was fixed)."""
    now = (clock or hall_clock()).now()
    with db.unit_of_work(write=True) as uow:
        entry = _attention_entry(uow, entry_id)
        number = entry.case_number
        if not uow.outbox.retry(entry_id, now):
            raise ReturnedCaseError("returned.entry_done")
        FollowUpQueries(uow.session).add(CaseFollowUp(outbox_entry_id=entry_id, action="retried", staff_id=staff_id,
                                                      at=now))
        uow.audit.append("sync_retried", actor=actor, subject=f"case:{number}", entry=entry_id)


def close_entry(db: Database, entry_id: int, *, reason: str, actor: str, staff_id: int | None,
                clock: Clock | None = None) -> None:
    """Take an entry needing attention off the list with the reason (sent on media, a duplicate…)."""
    text = _text(reason, "returned.reason_missing")
    with db.unit_of_work(write=True) as uow:
        entry = _attention_entry(uow, entry_id)
        FollowUpQueries(uow.session).add(CaseFollowUp(outbox_entry_id=entry_id, action="closed", note=text,
                                                      staff_id=staff_id, at=(clock or hall_clock()).now()))
        uow.audit.append("sync_closed", actor=actor, subject=f"case:{entry.case_number}", entry=entry_id)
