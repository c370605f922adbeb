"""Queue rules: ticket states and their moves, priority classes, numbering. Plain data, no storage.

Priority classes (higher is called first): green channel (elderly, disabled, military families),
then an appointment inside its slot, then a ticket coming back from a transfer, then the rest in
the order they were issued. The figures are configurable per hall (QueuePolicy).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from hallapp.domain.errors import CodedError, register


class TicketState(StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    DONE = "done"
    NO_SHOW = "no_show"
    HELD = "held"
    TRANSFERRED = "transferred"  # left this counter for another; a new waiting turn exists


class QueueAction(StrEnum):
    """What a queue event records (the event log the public screens follow)."""

    ISSUE = "issue"
    CALL = "call"
    RECALL = "recall"
    NO_SHOW = "no_show"
    START = "start"
    HOLD = "hold"
    RESUME = "resume"
    TRANSFER = "transfer"
    RETURNED = "returned"
    DONE = "done"


# What an event means for a screen that shows calls (the hall display).
CALLING = frozenset({QueueAction.CALL, QueueAction.RECALL})
# The ticket is no longer called at that counter.
LEAVING = frozenset({QueueAction.DONE, QueueAction.NO_SHOW, QueueAction.HOLD, QueueAction.TRANSFER,
                     QueueAction.RETURNED})
# The applicant has come to the counter: the call need not be said any more.
ARRIVED = frozenset({QueueAction.START})


class QueueError(CodedError):
    """A refused queue action; worded for the clerk at the edge (ui/errors.py)."""


register({
    "queue.bad_move": "A ticket that is {ticket_state} cannot be {move}.",
    "queue.no_categories": "Choose at least one ticket category.",
    "queue.duplicate_categories": "A ticket category is listed twice: {letters}.",
    "queue.unknown_categories": "There is no ticket category {unknown} (the hall has {known}).",
    "queue.unknown_settings": "Unknown queue settings: {keys}.",
    "queue.no_counter": "There is no counter {counter}: check this PC's counter number (counter.number).",
    "queue.unknown_category": "There is no ticket category {letter}.",
    "queue.appointment_not_found": "No appointment has this code: check the code, or take a ticket at the information desk.",
    "queue.appointment_expired": "The appointment's time slot has passed: take a new ticket.",
    "queue.appointment_too_early": "Check in at most {minutes} minutes before the appointment's time slot.",
    "queue.finish_before_next": "Finish {ticket} or mark it a no-show before calling the next one.",
    "queue.no_ticket": "There is no such ticket.",
    "queue.not_at_counter": "{ticket} is not at this counter.",
    "queue.finish_or_hold_first": "Finish or hold {ticket} first.",
    "queue.transfer_target_missing": "Choose the counter or the category to transfer to.",
    "queue.cannot_transfer_to": "Tickets cannot be transferred to counter {counter}.",
})


# Which action may move a ticket from which states.
MOVES: dict[str, tuple[TicketState, ...]] = {
    "call": (TicketState.WAITING,),
    "recall": (TicketState.CALLED,),
    "start": (TicketState.CALLED,),
    "no_show": (TicketState.CALLED,),
    "hold": (TicketState.CALLED, TicketState.SERVING),
    "resume": (TicketState.HELD,),
    "transfer": (TicketState.CALLED, TicketState.SERVING),
    "done": (TicketState.CALLED, TicketState.SERVING),
}


def check_move(action: str, state: str) -> None:
    if TicketState(state) not in MOVES[action]:
        raise QueueError("queue.bad_move", ticket_state=TicketState(state).value, move=action)


@dataclass(frozen=True)
class QueuePolicy:
    green_channel_age: int = 70  # applicants this old or older may take the green channel
    max_recalls: int = 2  # after this many recalls the next recall marks the ticket a no-show
    green_priority: int = 30
    appointment_priority: int = 20
    returned_priority: int = 10  # a ticket back from a transfer does not queue again from the end
    appointment_early_minutes: int = 15  # an appointment may be checked in this early


def ticket_number(letter: str, sequence: int) -> str:
    """A012: the category letter and a three-digit daily sequence (four digits past 999)."""
    return f"{letter}{sequence:03d}"


def is_elderly(birth_date: date, today: date, policy: QueuePolicy) -> bool:
    years = today.year - birth_date.year - ((today.month, today.day) < (birth_date.month, birth_date.day))
    return years >= policy.green_channel_age


def spoken_number(number: str) -> str:
    """How the hall voice reads a ticket: the letter, then digit by digit (A012 → A零一二)."""
    digits = "零一二三四五六七八九"
    return "".join(digits[int(ch)] if ch.isdigit() else ch for ch in number)


def call_announcement(number: str, counter_number: int) -> str:
    return f"请 {spoken_number(number)} 号到 {counter_number} 号窗口办理"


@dataclass(frozen=True)
class TicketView:
    """A ticket as pages, the kiosk and the display show it (no personal data)."""

    id: int
    number: str
    category: str
    category_name: str
    state: str
    green_channel: bool
    appointment: bool
    counter_number: int | None
    issued_at: datetime
    called_at: datetime | None
    recalls: int
    people_ahead: int = 0
