"""Queue rules: ticket states and their moves, priority classes, numbering. Plain data, no storage.

Priority classes (higher is called first): green channel (elderly, disabled, military families),
then an appointment inside its slot, then a ticket coming back from a transfer, then the rest in
the order they were issued. The figures are configurable per hall (QueuePolicy).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class TicketState(StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    DONE = "done"
    NO_SHOW = "no_show"
    HELD = "held"
    TRANSFERRED = "transferred"  # left this counter for another; a new waiting turn exists


class QueueError(ValueError):
    """A refused queue action; the message is for the clerk."""


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

ACTION_WORDS = {
    "call": "叫号", "recall": "重呼", "start": "开始办理", "no_show": "过号", "hold": "挂起",
    "resume": "恢复", "transfer": "转移", "done": "办结",
}

STATE_WORDS = {
    TicketState.WAITING: "等候中", TicketState.CALLED: "已叫号", TicketState.SERVING: "办理中",
    TicketState.DONE: "已办结", TicketState.NO_SHOW: "已过号", TicketState.HELD: "已挂起",
    TicketState.TRANSFERRED: "已转移",
}


def check_move(action: str, state: str) -> None:
    if TicketState(state) not in MOVES[action]:
        raise QueueError(f"号票{STATE_WORDS[TicketState(state)]}，不能{ACTION_WORDS[action]}")


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
