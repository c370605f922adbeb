"""The hall queue's rules, as behaviour, on SQLite and on a real PostgreSQL.

Every test sets up a real hall through `create_hall` (3 counters; categories A 社保医保, B 住房公积金,
C 户籍证明, D 综合业务; counter n serves its own category first, then D) and drives it through
`hallapp.services.queue` only, the way the counter page, the kiosk and the hall display do.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from argon2 import PasswordHasher

from hallapp.domain.evaluation import EvaluationError
from hallapp.domain.queue import QueueError, TicketState
from hallapp.services import evaluation, queue, staff
from hallapp.services.hall import HallInfo, create_hall
from hallapp.services.queue import CounterRef
from hallapp.storage import Database
from hallapp.storage.models import Applicant, Appointment, Case, Evaluation, Ticket
from tests.support.refusals import refused

CHINESE = re.compile(r"[\u4e00-\u9fff]")


# -- set-up ---------------------------------------------------------------------------------------


class Clock:
    """A settable clock for `hallapp.services.queue._now` (aware UTC, like the real one)."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC).replace(microsecond=0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def hall(any_db: Database, monkeypatch: pytest.MonkeyPatch) -> HallInfo:
    # argon2 at its production cost is the slowest part of create_hall; the queue doesn't care.
    monkeypatch.setattr(staff, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    return create_hall(any_db, name="测试县政务服务中心", code="T510104", region_code="510104", counters=3,
                       admin_username="admin", admin_name="管理员", admin_password="Admin2026x")


@pytest.fixture
def db(any_db: Database, hall: HallInfo) -> Database:
    return any_db


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(queue, "_now", fake)
    return fake


def counter(hall: HallInfo, number: int, staff_id: int | None = None) -> CounterRef:
    return CounterRef(hall.id, number, staff_id)


def issue(db: Database, hall: HallInfo, *letters: str, green_channel: bool = False) -> list[str]:
    return [queue.issue_ticket(db, hall.id, letter, green_channel=green_channel).number for letter in letters]


def call(db: Database, ref: CounterRef) -> str | None:
    """Call next and finish it at once; the number called (None when nobody waits)."""
    ticket = queue.call_next(db, ref)
    if ticket is None:
        return None
    queue.done(db, ref, ticket.id)
    return ticket.number


def drain(db: Database, ref: CounterRef) -> list[str]:
    numbers = []
    while (number := call(db, ref)) is not None:
        numbers.append(number)
    return numbers


def ticket_row(db: Database, ticket_id: int) -> Ticket:
    with db.unit_of_work() as uow:
        return uow.queue.ticket(ticket_id)


def add_appointment(db: Database, hall: HallInfo, code: str, letter: str, start: datetime, end: datetime,
                    id_number: str = "") -> None:
    with db.unit_of_work(write=True) as uow:
        uow.add(Appointment(hall_id=hall.id, code=code, category=letter, slot_start=start, slot_end=end,
                            id_number_hash=queue.id_number_hash(hall.id, id_number) if id_number else ""))


def events(db: Database, hall: HallInfo, ticket_id: int) -> list[str]:
    return [e.action for e in queue.events_since(db, hall.id, 0) if e.ticket_id == ticket_id]


# -- configuration ----------------------------------------------------------------------------------


def test_a_new_hall_has_the_four_default_categories(db: Database, hall: HallInfo) -> None:
    assert [(c.letter, c.name, c.waiting) for c in queue.categories(db, hall.id)] == [
        ("A", "社保医保", 0), ("B", "住房公积金", 0), ("C", "户籍证明", 0), ("D", "综合业务", 0)]
    queue.ensure_default_categories(db, hall.id)  # a second run adds nothing
    assert len(queue.categories(db, hall.id)) == 4


def test_each_counter_serves_its_own_category_then_general(db: Database, hall: HallInfo) -> None:
    with db.unit_of_work() as uow:
        served = {c.number: uow.queue.counter_categories(c.id) for c in uow.halls.counters(hall.id)}
    assert served == {1: [("A", 0), ("D", 1)], 2: [("B", 0), ("D", 1)], 3: [("C", 0), ("D", 1)]}


def test_policy_defaults_and_changes(db: Database, hall: HallInfo) -> None:
    with db.unit_of_work() as uow:
        assert queue.policy(uow, hall.id).max_recalls == 2
    changed = queue.set_policy(db, hall.id, "admin", max_recalls=1, green_priority=50)
    assert (changed.max_recalls, changed.green_priority, changed.returned_priority) == (1, 50, 10)
    with refused(QueueError, "queue.unknown_settings"):
        queue.set_policy(db, hall.id, "admin", max_recals=3)


# -- numbering ----------------------------------------------------------------------------------------


def test_numbering_is_per_category(db: Database, hall: HallInfo) -> None:
    assert issue(db, hall, "A", "B", "A", "D", "B", "A") == ["A001", "B001", "A002", "D001", "B002", "A003"]


def test_numbering_restarts_the_next_day(db: Database, hall: HallInfo, monkeypatch: pytest.MonkeyPatch) -> None:
    today = date(2026, 11, 26)
    monkeypatch.setattr(queue, "_today", lambda: today)
    assert issue(db, hall, "A", "A", "B") == ["A001", "A002", "B001"]
    monkeypatch.setattr(queue, "_today", lambda: today + timedelta(days=1))
    assert issue(db, hall, "A", "B", "A") == ["A001", "B001", "A002"]


def test_yesterdays_waiting_tickets_are_not_called_today(db: Database, hall: HallInfo,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    today = date(2026, 11, 26)
    monkeypatch.setattr(queue, "_today", lambda: today)
    issue(db, hall, "A", "A")
    monkeypatch.setattr(queue, "_today", lambda: today + timedelta(days=1))
    assert queue.waiting_list(db, hall.id) == []
    assert queue.call_next(db, counter(hall, 1)) is None
    issue(db, hall, "A")
    assert call(db, counter(hall, 1)) == "A001"
    assert queue.call_next(db, counter(hall, 1)) is None


def test_an_unknown_category_is_refused(db: Database, hall: HallInfo) -> None:
    with refused(QueueError, "queue.unknown_category", letter="Z"):
        queue.issue_ticket(db, hall.id, "Z")


def test_people_ahead_counts_the_same_category_in_calling_order(db: Database, hall: HallInfo) -> None:
    tickets = [queue.issue_ticket(db, hall.id, letter) for letter in "AABA"]
    assert [(t.number, t.people_ahead) for t in tickets] == [("A001", 0), ("A002", 1), ("B001", 0), ("A003", 2)]
    green = queue.issue_ticket(db, hall.id, "A", green_channel=True)
    assert (green.number, green.people_ahead) == ("A004", 0)
    assert [(t.number, t.people_ahead) for t in queue.waiting_list(db, hall.id, ["A"])] == [
        ("A004", 0), ("A001", 1), ("A002", 2), ("A003", 3)]
    assert call(db, counter(hall, 1)) == "A004"
    assert call(db, counter(hall, 1)) == "A001"
    assert [(t.number, t.people_ahead) for t in queue.waiting_list(db, hall.id, ["A"])] == [("A002", 0), ("A003", 1)]
    assert [c.waiting for c in queue.categories(db, hall.id)] == [2, 1, 0, 0]


def test_people_ahead_breaks_issue_time_ties_by_ticket_order(db: Database, hall: HallInfo, clock: Clock) -> None:
    # On Windows, Python 3.11's clock ticks every ~15.6 ms: two kiosks can issue in the same tick.
    first = queue.issue_ticket(db, hall.id, "A")
    second = queue.issue_ticket(db, hall.id, "A")
    assert second.people_ahead == 1
    assert [(t.number, t.people_ahead) for t in queue.waiting_list(db, hall.id, ["A"])] == [("A001", 0), ("A002", 1)]
    assert first.people_ahead == 0


# -- calling: which ticket, for which counter ------------------------------------------------------------


def test_tickets_are_called_in_issue_order(db: Database, hall: HallInfo) -> None:
    issue(db, hall, "A", "A", "A")
    assert drain(db, counter(hall, 1)) == ["A001", "A002", "A003"]


def test_a_counter_never_calls_a_category_it_does_not_serve(db: Database, hall: HallInfo) -> None:
    issue(db, hall, "B", "C", "B", "C")
    assert queue.call_next(db, counter(hall, 1)) is None
    assert drain(db, counter(hall, 2)) == ["B001", "B002"]
    assert queue.call_next(db, counter(hall, 2)) is None
    assert drain(db, counter(hall, 3)) == ["C001", "C002"]


def test_a_counter_calls_its_own_category_before_general(db: Database, hall: HallInfo) -> None:
    issue(db, hall, "D", "D", "A", "B", "A")
    assert drain(db, counter(hall, 1)) == ["A001", "A002", "D001", "D002"]
    assert drain(db, counter(hall, 2)) == ["B001"]


def test_general_tickets_go_to_whichever_counter_calls_first(db: Database, hall: HallInfo) -> None:
    issue(db, hall, "D", "D", "D")
    assert call(db, counter(hall, 3)) == "D001"
    assert call(db, counter(hall, 1)) == "D002"
    assert call(db, counter(hall, 2)) == "D003"


def test_green_channel_is_called_before_earlier_normal_tickets(db: Database, hall: HallInfo) -> None:
    issue(db, hall, "A", "A")
    green = queue.issue_ticket(db, hall.id, "A", green_channel=True)
    assert green.green_channel and green.number == "A003"
    assert drain(db, counter(hall, 1)) == ["A003", "A001", "A002"]


def test_green_channel_outranks_the_counters_category_order(db: Database, hall: HallInfo) -> None:
    issue(db, hall, "A")
    issue(db, hall, "D", green_channel=True)
    assert drain(db, counter(hall, 1)) == ["D001", "A001"]


def test_appointment_inside_its_slot_is_called_before_earlier_normal_tickets(db: Database, hall: HallInfo) -> None:
    issue(db, hall, "A", "A")
    now = datetime.now(UTC)
    add_appointment(db, hall, "YY2026112601", "A", now - timedelta(minutes=10), now + timedelta(minutes=20))
    booked = queue.check_in(db, hall.id, code="yy2026112601 ")
    assert booked.appointment and booked.number == "A003"
    assert drain(db, counter(hall, 1)) == ["A003", "A001", "A002"]


def test_green_channel_outranks_an_appointment_in_its_slot(db: Database, hall: HallInfo) -> None:
    now = datetime.now(UTC)
    add_appointment(db, hall, "YY1", "A", now - timedelta(minutes=10), now + timedelta(minutes=20))
    queue.check_in(db, hall.id, code="YY1")
    issue(db, hall, "A", green_channel=True)
    assert drain(db, counter(hall, 1)) == ["A002", "A001"]


def test_appointment_checked_in_before_its_slot_waits_like_everyone(db: Database, hall: HallInfo) -> None:
    issue(db, hall, "A")
    now = datetime.now(UTC)
    add_appointment(db, hall, "YY2", "A", now + timedelta(minutes=10), now + timedelta(minutes=40))
    assert queue.check_in(db, hall.id, code="YY2").number == "A002"  # 10 min early: allowed (15)
    issue(db, hall, "A")
    assert drain(db, counter(hall, 1)) == ["A001", "A002", "A003"]


def test_appointment_whose_slot_has_ended_waits_like_everyone(db: Database, hall: HallInfo, clock: Clock) -> None:
    issue(db, hall, "A")
    add_appointment(db, hall, "YY3", "A", clock.now - timedelta(minutes=5), clock.now + timedelta(minutes=25))
    queue.check_in(db, hall.id, code="YY3")
    clock.advance(hours=1)  # the slot ended while the applicant was waiting
    assert drain(db, counter(hall, 1)) == ["A001", "A002"]


def test_appointment_check_in_by_id_card_and_twice(db: Database, hall: HallInfo) -> None:
    now = datetime.now(UTC)
    add_appointment(db, hall, "YY4", "B", now - timedelta(minutes=1), now + timedelta(minutes=29),
                    id_number="11010519491231002x")
    first = queue.check_in(db, hall.id, id_number="11010519491231002X")
    again = queue.check_in(db, hall.id, code="YY4")
    assert (first.number, first.category, first.appointment) == ("B001", "B", True)
    assert again.id == first.id  # checking in twice gives the same ticket, not a second one
    assert issue(db, hall, "B") == ["B002"]


def test_appointment_check_in_by_id_card_finds_the_current_booking(db: Database, hall: HallInfo) -> None:
    now = datetime.now(UTC)
    card = "11010519491231002X"
    add_appointment(db, hall, "MORNING", "A", now - timedelta(hours=3), now - timedelta(hours=2), id_number=card)
    add_appointment(db, hall, "NOW", "B", now - timedelta(minutes=5), now + timedelta(minutes=25), id_number=card)
    ticket = queue.check_in(db, hall.id, id_number=card)
    assert (ticket.category, ticket.appointment) == ("B", True)


def test_appointment_check_in_refusals(db: Database, hall: HallInfo) -> None:
    now = datetime.now(UTC)
    add_appointment(db, hall, "EARLY", "A", now + timedelta(hours=1), now + timedelta(hours=2))
    add_appointment(db, hall, "LATE", "A", now - timedelta(hours=2), now - timedelta(hours=1))
    with refused(QueueError, "queue.appointment_too_early", minutes=15):
        queue.check_in(db, hall.id, code="EARLY")
    with refused(QueueError, "queue.appointment_expired"):
        queue.check_in(db, hall.id, code="LATE")
    with refused(QueueError, "queue.appointment_not_found"):
        queue.check_in(db, hall.id, code="NOPE")
    assert queue.waiting_list(db, hall.id) == []


def test_people_ahead_of_an_appointment_in_its_slot_matches_the_calling_order(db: Database, hall: HallInfo) -> None:
    issue(db, hall, "A", "A")
    now = datetime.now(UTC)
    add_appointment(db, hall, "YY5", "A", now - timedelta(minutes=10), now + timedelta(minutes=20))
    booked = queue.check_in(db, hall.id, code="YY5")
    assert queue.call_next(db, counter(hall, 1)).number == booked.number  # called first ...
    assert booked.people_ahead == 0  # ... so nobody was ahead of it


# -- the counter's moves ------------------------------------------------------------------------------------


def test_call_next_gives_a_called_ticket_at_this_counter(db: Database, hall: HallInfo) -> None:
    clerk = staff.create_staff(db, "admin", hall.id, "clerk1", "张三", "clerk", "Clerk2026x").staff_id
    issue(db, hall, "A")
    ref = counter(hall, 1, clerk)
    ticket = queue.call_next(db, ref)
    assert (ticket.number, ticket.state, ticket.counter_number, ticket.recalls) == ("A001", "called", 1, 0)
    assert ticket.called_at is not None and ticket.called_at >= ticket.issued_at
    assert queue.current(db, ref) == ticket
    assert ticket_row(db, ticket.id).staff_id == clerk
    assert queue.waiting_list(db, hall.id) == []


def test_cannot_call_next_while_a_ticket_is_open_at_the_counter(db: Database, hall: HallInfo) -> None:
    issue(db, hall, "A", "A")
    ref = counter(hall, 1)
    first = queue.call_next(db, ref)
    with refused(QueueError, "queue.finish_before_next", ticket="A001"):
        queue.call_next(db, ref)
    queue.start_serving(db, ref, first.id)
    with refused(QueueError, "queue.finish_before_next", ticket="A001"):
        queue.call_next(db, ref)
    queue.done(db, ref, first.id)
    assert queue.call_next(db, ref).number == "A002"


def test_other_counters_call_while_one_is_busy(db: Database, hall: HallInfo) -> None:
    issue(db, hall, "D", "D")
    assert queue.call_next(db, counter(hall, 1)).number == "D001"
    assert queue.call_next(db, counter(hall, 2)).number == "D002"
    assert queue.call_next(db, counter(hall, 3)) is None


def test_recall_up_to_the_limit_then_no_show(db: Database, hall: HallInfo) -> None:
    issue(db, hall, "A")
    ref = counter(hall, 1)
    ticket = queue.call_next(db, ref)
    assert queue.recall(db, ref, ticket.id).recalls == 1
    again = queue.recall(db, ref, ticket.id)
    assert (again.recalls, again.state) == (2, "called")  # max_recalls = 2 recalls are allowed
    gone = queue.recall(db, ref, ticket.id)
    assert gone.state == TicketState.NO_SHOW
    assert events(db, hall, ticket.id) == ["issue", "call", "recall", "recall", "no_show"]
    assert ticket_row(db, ticket.id).finished_at is not None
    assert queue.current(db, ref) is None
    assert [r.number for r in queue.recent_calls(db, hall.id)] == ["A001", "A001", "A001"]


def test_the_recall_limit_is_a_hall_setting(db: Database, hall: HallInfo) -> None:
    queue.set_policy(db, hall.id, "admin", max_recalls=1)
    issue(db, hall, "A")
    ref = counter(hall, 1)
    ticket = queue.call_next(db, ref)
    assert queue.recall(db, ref, ticket.id).state == "called"
    assert queue.recall(db, ref, ticket.id).state == "no_show"


def test_no_show_frees_the_counter(db: Database, hall: HallInfo) -> None:
    issue(db, hall, "A", "A")
    ref = counter(hall, 1)
    ticket = queue.call_next(db, ref)
    assert queue.no_show(db, ref, ticket.id).state == "no_show"
    assert call(db, ref) == "A002"
    assert queue.call_next(db, ref) is None  # a no-show is not called again


def test_hold_then_resume(db: Database, hall: HallInfo) -> None:
    issue(db, hall, "A", "A")
    ref = counter(hall, 1)
    first = queue.call_next(db, ref)
    held = queue.hold(db, ref, first.id)
    assert held.state == TicketState.HELD and queue.current(db, ref) is None
    assert [t.number for t in queue.held(db, ref)] == ["A001"]
    second = queue.call_next(db, ref)  # the counter serves others meanwhile
    assert second.number == "A002"
    with refused(QueueError, "queue.finish_or_hold_first", ticket="A002"):
        queue.resume(db, ref, first.id)
    queue.done(db, ref, second.id)
    resumed = queue.resume(db, ref, first.id)
    assert resumed.state == TicketState.SERVING and queue.current(db, ref).number == "A001"
    assert queue.held(db, ref) == []
    assert ticket_row(db, first.id).serving_at is not None
    assert queue.done(db, ref, first.id).state == "done"
    assert events(db, hall, first.id) == ["issue", "call", "hold", "resume", "done"]


def test_hold_while_serving_keeps_the_service_start(db: Database, hall: HallInfo, clock: Clock) -> None:
    issue(db, hall, "A")
    ref = counter(hall, 1)
    ticket = queue.call_next(db, ref)
    clock.advance(minutes=1)
    queue.start_serving(db, ref, ticket.id)
    started = clock.now
    queue.hold(db, ref, ticket.id)
    clock.advance(minutes=10)
    queue.resume(db, ref, ticket.id)
    assert ticket_row(db, ticket.id).serving_at == started


def test_transfer_with_come_back_returns_to_the_first_counter_ahead_of_the_queue(db: Database, hall: HallInfo) -> None:
    issue(db, hall, "A", "B", "A", "A")
    first, second = counter(hall, 1), counter(hall, 2)
    ticket = queue.call_next(db, first)
    assert ticket.number == "A001"
    moved = queue.transfer(db, first, ticket.id, to_counter=2, come_back=True)
    assert moved.state == TicketState.WAITING and moved.counter_number is None
    assert queue.current(db, first) is None
    # Counter 2 takes it ahead of its own B001, issued earlier; counter 1 never sees it meanwhile.
    assert call(db, first) == "A002"
    at_second = queue.call_next(db, second)
    assert at_second.number == "A001"
    back = queue.done(db, second, at_second.id)
    assert back.state == TicketState.WAITING  # not done: it goes back to counter 1
    assert queue.call_next(db, counter(hall, 3)) is None
    assert queue.call_next(db, second).number == "B001"
    assert drain(db, first) == ["A001", "A003"]  # ahead of A003, which was issued later but never left
    row = ticket_row(db, ticket.id)
    assert row.state == "done" and row.finished_at is not None
    assert events(db, hall, ticket.id) == ["issue", "call", "transfer", "call", "returned", "call", "done"]


def test_transfer_to_a_category_is_called_ahead_of_that_category(db: Database, hall: HallInfo) -> None:
    issue(db, hall, "B", "A", "B")
    first = counter(hall, 1)
    ticket = queue.call_next(db, first)
    assert ticket.number == "A001"
    moved = queue.transfer(db, first, ticket.id, to_category="B")
    assert (moved.state, moved.category) == ("waiting", "B")
    assert queue.call_next(db, first) is None  # counter 1 doesn't serve B
    assert drain(db, counter(hall, 2)) == ["A001", "B001", "B002"]
    assert ticket_row(db, ticket.id).state == "done"  # no come_back: finished at counter 2


def test_transfer_to_a_category_with_come_back_returns_to_the_first_counter(db: Database, hall: HallInfo) -> None:
    issue(db, hall, "A", "A")
    first = counter(hall, 1)
    ticket = queue.call_next(db, first)
    queue.transfer(db, first, ticket.id, to_category="C", come_back=True)
    assert call(db, counter(hall, 3)) == "A001"
    assert drain(db, first) == ["A001", "A002"]


def test_a_transferred_ticket_keeps_a_higher_priority(db: Database, hall: HallInfo) -> None:
    issue(db, hall, "A", "B")
    issue(db, hall, "A", green_channel=True)
    first = counter(hall, 1)
    green = queue.call_next(db, first)
    assert green.number == "A002"
    queue.transfer(db, first, green.id, to_counter=2)
    with db.unit_of_work() as uow:
        assert uow.queue.ticket(green.id).priority == 30  # max(green, returned), not lowered to 10
    assert call(db, counter(hall, 2)) == "A002"


def test_transfer_refusals(db: Database, hall: HallInfo) -> None:
    issue(db, hall, "A")
    ref = counter(hall, 1)
    ticket = queue.call_next(db, ref)
    with refused(QueueError, "queue.transfer_target_missing"):
        queue.transfer(db, ref, ticket.id)
    with refused(QueueError, "queue.transfer_target_missing"):
        queue.transfer(db, ref, ticket.id, to_counter=2, to_category="B")
    with refused(QueueError, "queue.cannot_transfer_to", counter=1):
        queue.transfer(db, ref, ticket.id, to_counter=1)
    with refused(QueueError, "queue.cannot_transfer_to", counter=9):
        queue.transfer(db, ref, ticket.id, to_counter=9)
    with refused(QueueError, "queue.unknown_category", letter="Z"):
        queue.transfer(db, ref, ticket.id, to_category="Z")
    assert queue.current(db, ref).number == "A001"  # a refused transfer leaves the ticket where it was


@pytest.mark.parametrize(("moves", "attempt", "code", "params"), [
    ((), "start_serving", "queue.not_at_counter", {"ticket": "A001"}),  # still waiting: at no counter
    (("done",), "done", "queue.bad_move", {"ticket_state": "done", "move": "done"}),
    (("done",), "recall", "queue.bad_move", {"ticket_state": "done", "move": "recall"}),
    (("start_serving",), "recall", "queue.bad_move", {"ticket_state": "serving", "move": "recall"}),
    (("start_serving",), "no_show", "queue.bad_move", {"ticket_state": "serving", "move": "no_show"}),
    (("start_serving",), "start_serving", "queue.bad_move", {"ticket_state": "serving", "move": "start"}),
    (("no_show",), "hold", "queue.bad_move", {"ticket_state": "no_show", "move": "hold"}),
    (("hold",), "done", "queue.bad_move", {"ticket_state": "held", "move": "done"}),
    (("hold",), "transfer", "queue.bad_move", {"ticket_state": "held", "move": "transfer"}),
    ((), "resume", "queue.bad_move", {"ticket_state": "waiting", "move": "resume"}),
    (("done",), "resume", "queue.bad_move", {"ticket_state": "done", "move": "resume"}),
])
def test_illegal_moves_are_refused_with_the_state_and_the_move(db: Database, hall: HallInfo, moves: tuple[str, ...],
                                                               attempt: str, code: str, params: dict[str, str]) -> None:
    issue(db, hall, "A", "A")
    ref = counter(hall, 1)
    ticket = queue.call_next(db, ref) if moves else queue.waiting_list(db, hall.id)[0]
    for move in moves:
        getattr(queue, move)(db, ref, ticket.id)
    before = ticket_row(db, ticket.id)
    action = getattr(queue, attempt)
    with refused(QueueError, code, **params):
        if attempt == "transfer":
            action(db, ref, ticket.id, to_counter=2)
        else:
            action(db, ref, ticket.id)
    after = ticket_row(db, ticket.id)
    assert (after.state, after.counter_id, after.recalls) == (before.state, before.counter_id, before.recalls)


def test_a_counter_cannot_act_on_another_counters_ticket(db: Database, hall: HallInfo) -> None:
    issue(db, hall, "D")
    ticket = queue.call_next(db, counter(hall, 1))
    for action in (queue.done, queue.recall, queue.no_show, queue.hold, queue.start_serving):
        with refused(QueueError, "queue.not_at_counter", ticket="D001"):
            action(db, counter(hall, 2), ticket.id)
    assert queue.current(db, counter(hall, 1)).state == "called"


def test_unknown_counter_and_ticket_are_refused(db: Database, hall: HallInfo) -> None:
    with refused(QueueError, "queue.no_counter", counter=9):
        queue.call_next(db, counter(hall, 9))
    with refused(QueueError, "queue.no_ticket"):
        queue.done(db, counter(hall, 1), 424242)


# -- times --------------------------------------------------------------------------------------------------


def test_wait_and_service_times_are_recorded(db: Database, hall: HallInfo, clock: Clock) -> None:
    ticket = queue.issue_ticket(db, hall.id, "A")
    ref = counter(hall, 1)
    clock.advance(minutes=7)
    queue.call_next(db, ref)
    clock.advance(minutes=2)
    queue.start_serving(db, ref, ticket.id)
    clock.advance(minutes=13)
    queue.done(db, ref, ticket.id)
    row = ticket_row(db, ticket.id)
    assert row.called_at - row.issued_at == timedelta(minutes=7)  # wait time
    assert row.finished_at - row.serving_at == timedelta(minutes=13)  # service time
    assert row.finished_at - row.called_at == timedelta(minutes=15)  # at the counter, walking up included
    assert row.issued_at.tzinfo is not None


def test_a_no_show_records_when_it_was_given_up(db: Database, hall: HallInfo, clock: Clock) -> None:
    ticket = queue.issue_ticket(db, hall.id, "A")
    ref = counter(hall, 1)
    clock.advance(minutes=3)
    queue.call_next(db, ref)
    clock.advance(minutes=2)
    queue.no_show(db, ref, ticket.id)
    row = ticket_row(db, ticket.id)
    assert (row.called_at - row.issued_at, row.finished_at - row.called_at) == (timedelta(minutes=3), timedelta(minutes=2))
    assert row.serving_at is None


def test_wait_time_of_a_transferred_ticket_is_the_wait_before_its_first_call(db: Database, hall: HallInfo,
                                                                             clock: Clock) -> None:
    ticket = queue.issue_ticket(db, hall.id, "A")
    first = counter(hall, 1)
    clock.advance(minutes=5)
    queue.call_next(db, first)
    clock.advance(minutes=20)  # served 20 minutes at counter 1, then sent to counter 2
    queue.transfer(db, first, ticket.id, to_counter=2)
    clock.advance(minutes=1)
    queue.call_next(db, counter(hall, 2))
    row = ticket_row(db, ticket.id)
    assert row.called_at - row.issued_at == timedelta(minutes=5)


# -- the display's feed -------------------------------------------------------------------------------------


def test_events_since_returns_the_calls_in_order(db: Database, hall: HallInfo) -> None:
    start = queue.last_event_id(db, hall.id)
    issue(db, hall, "A", "B", "C", "D")
    called = [(call(db, counter(hall, n)), n) for n in (2, 1, 3, 1)]
    assert called == [("B001", 2), ("A001", 1), ("C001", 3), ("D001", 1)]
    calls = queue.events_since(db, hall.id, start, actions=("call",))
    assert [(e.number, e.counter_number) for e in calls] == called
    assert [e.id for e in calls] == sorted(e.id for e in calls)
    assert all(e.at.tzinfo is not None for e in calls)
    # A poller that remembers the last id sees each event once.
    assert queue.events_since(db, hall.id, calls[-1].id, actions=("call",)) == []
    seen = queue.last_event_id(db, hall.id)
    issue(db, hall, "A")
    call(db, counter(hall, 1))
    later = queue.events_since(db, hall.id, seen)
    assert [(e.action, e.number) for e in later] == [("issue", "A002"), ("call", "A002"), ("done", "A002")]
    only_first = queue.events_since(db, hall.id, start, actions=("call",), counter_number=1)
    assert [e.number for e in only_first] == ["A001", "D001", "A002"]


def test_recent_calls_newest_first(db: Database, hall: HallInfo) -> None:
    issue(db, hall, "A", "B", "A")
    call(db, counter(hall, 1))
    call(db, counter(hall, 2))
    ticket = queue.call_next(db, counter(hall, 1))
    queue.recall(db, counter(hall, 1), ticket.id)
    assert [(r.number, r.counter_number) for r in queue.recent_calls(db, hall.id)] == [
        ("A002", 1), ("A002", 1), ("B001", 2), ("A001", 1)]
    assert len(queue.recent_calls(db, hall.id, limit=2)) == 2


# -- evaluation and the case -------------------------------------------------------------------------------


def _served(db: Database, hall: HallInfo) -> int:
    issue(db, hall, "A")
    ref = counter(hall, 1)
    ticket = queue.call_next(db, ref)
    queue.start_serving(db, ref, ticket.id)
    queue.done(db, ref, ticket.id)
    return ticket.id


def test_one_evaluation_per_visit(db: Database, hall: HallInfo) -> None:
    ticket_id = _served(db, hall)
    evaluation.record(db, ticket_id, 1)
    with refused(EvaluationError, "evaluation.already_given"):
        evaluation.record(db, ticket_id, 5, "等候时间长")
    with db.unit_of_work() as uow:
        assert uow.queue.evaluation_of(ticket_id).level == 1


def test_no_answer_is_recorded_as_none(db: Database, hall: HallInfo) -> None:
    ticket_id = _served(db, hall)
    evaluation.record(db, ticket_id, None)
    with db.unit_of_work() as uow:
        assert uow.queue.evaluation_of(ticket_id).level is None


def test_a_bad_level_needs_a_reason(db: Database, hall: HallInfo) -> None:
    ticket_id = _served(db, hall)
    with refused(EvaluationError, "evaluation.reason_missing"):
        evaluation.record(db, ticket_id, 4, "  ")
    with refused(EvaluationError, "evaluation.bad_level"):
        evaluation.record(db, ticket_id, 6)
    with refused(EvaluationError, "evaluation.no_ticket"):
        evaluation.record(db, 424242, 1)
    evaluation.record(db, ticket_id, 4, "等候时间长")  # the refusals stored nothing
    with db.unit_of_work() as uow:
        assert (uow.queue.evaluation_of(ticket_id).level, uow.queue.evaluation_of(ticket_id).reason) == (4, "等候时间长")


def test_a_case_opened_while_serving_is_linked_to_the_ticket_and_its_evaluation(db: Database, hall: HallInfo) -> None:
    # There is no case service yet: the counter page stores the case with the ticket it is serving.
    clerk = staff.create_staff(db, "admin", hall.id, "clerk1", "张三", "clerk", "Clerk2026x").staff_id
    issue(db, hall, "A")
    ref = counter(hall, 1, clerk)
    ticket = queue.call_next(db, ref)
    queue.start_serving(db, ref, ticket.id)
    serving = queue.current(db, ref)
    with db.unit_of_work(write=True) as uow:
        applicant = Applicant(name="欧阳建国", certificate_number="11010519491231002X")
        uow.add(applicant)
        uow.flush()
        item = uow.catalog.by_code("002011004000")
        uow.add(Case(number="T510104-20261126-0001", hall_id=hall.id, item_id=item.id, applicant_id=applicant.id,
                     counter_id=ticket_row(db, ticket.id).counter_id, staff_id=clerk, ticket_id=serving.id))
    queue.done(db, ref, ticket.id)
    evaluation.record(db, ticket.id, 2)
    with db.unit_of_work() as uow:
        case_id = uow.queue.case_of(ticket.id)
        assert case_id is not None
        stored = uow.session.get(Evaluation, uow.queue.evaluation_of(ticket.id).id)
        assert (stored.case_id, stored.staff_id, stored.ticket_id) == (case_id, clerk, ticket.id)
