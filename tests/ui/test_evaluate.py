"""The evaluation screen at a counter: it asks when the clerk finishes a visit, asks why for the two
bad levels, stores one evaluation with ticket and clerk, records no answer as none, and goes idle."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from hallapp.services import hall as hall_service
from hallapp.services import queue, staff
from hallapp.services.queue import CounterRef
from ui.evaluate.window import IDLE, RATE, REASON, THANKS, EvaluationWindow


@pytest.fixture
def hall(ctx):
    return hall_service.hall_info(ctx.db)


@pytest.fixture
def clerk(ctx):
    return staff.login(ctx.db, "clerk1", hall_service.DEMO_PASSWORD, ctx.settings.security)


@pytest.fixture
def open_screen(ctx, hall, qtbot):
    windows = []

    def _open(counter: int = 1, **options) -> EvaluationWindow:
        options.setdefault("poll_ms", 40)
        options.setdefault("thanks_s", 0.2)
        window = EvaluationWindow(ctx, hall, counter, **options)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.following)
        windows.append(window)
        return window

    yield _open
    for window in windows:
        window.close()


def serve_one(ctx, hall, clerk, counter: int = 1, letter: str = "A"):
    """A whole visit at the counter: ticket, call, done (as the clerk's F1 … F8)."""
    queue.issue_ticket(ctx.db, hall.id, letter)
    ref = CounterRef(hall.id, counter, clerk.staff_id)
    called = queue.call_next(ctx.db, ref)
    assert called is not None
    return queue.done(ctx.db, ref, called.id)


def stored(ctx, ticket_id: int):
    with ctx.db.unit_of_work() as uow:
        found = uow.queue.evaluation_of(ticket_id)
        return None if found is None else (found.level, found.reason, found.staff_id, found.channel)


def tap(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_a_finished_visit_asks_and_a_bad_level_needs_a_reason(ctx, hall, clerk, open_screen, qtbot) -> None:
    screen = open_screen()
    assert screen.page() == IDLE
    assert screen.idle_counter.text() == "Counter 1"

    ticket = serve_one(ctx, hall, clerk)
    qtbot.waitUntil(lambda: screen.page() == RATE)
    assert [b.text() for b in screen.face_buttons.values()] == [
        "Very satisfied", "Satisfied", "Basically satisfied", "Dissatisfied", "Very dissatisfied"]
    assert all(b.isVisible() and b.isEnabled() and b.height() >= 150 for b in screen.face_buttons.values())

    tap(qtbot, screen.face_buttons[4])  # 不满意
    assert screen.page() == REASON
    assert not screen.submit_button.isEnabled()  # no reason yet
    tap(qtbot, screen.reason_buttons["等候时间长"])
    tap(qtbot, screen.reason_buttons["需要多次跑腿"])
    assert screen.submit_button.isEnabled()
    tap(qtbot, screen.submit_button)

    qtbot.waitUntil(lambda: screen.page() == THANKS)
    assert stored(ctx, ticket.id) == (4, "等候时间长、需要多次跑腿", clerk.staff_id, "hall_tablet")
    qtbot.waitUntil(lambda: screen.page() == IDLE)  # by itself, after thanks_s
    qtbot.waitUntil(lambda: screen.polls >= 3)
    assert screen.page() == IDLE  # the same visit is not asked about twice


def test_a_good_level_is_stored_at_once(ctx, hall, clerk, open_screen, qtbot) -> None:
    screen = open_screen()
    ticket = serve_one(ctx, hall, clerk)
    qtbot.waitUntil(lambda: screen.page() == RATE)
    tap(qtbot, screen.face_buttons[1])
    qtbot.waitUntil(lambda: screen.page() == THANKS)
    assert stored(ctx, ticket.id) == (1, "", clerk.staff_id, "hall_tablet")
    qtbot.waitUntil(lambda: screen.page() == IDLE)


def test_no_answer_in_time_is_recorded_as_none_and_the_screen_goes_idle(ctx, hall, clerk, open_screen, qtbot) -> None:
    screen = open_screen(timeout_s=0.4)
    ticket = serve_one(ctx, hall, clerk)
    qtbot.waitUntil(lambda: screen.page() == RATE)
    qtbot.waitUntil(lambda: screen.page() == IDLE, timeout=3000)
    qtbot.waitUntil(lambda: stored(ctx, ticket.id) is not None)
    assert stored(ctx, ticket.id) == (None, "", clerk.staff_id, "hall_tablet")


def test_leaving_at_the_reason_list_is_no_answer_not_a_good_one(ctx, hall, clerk, open_screen, qtbot) -> None:
    screen = open_screen(timeout_s=0.4)
    ticket = serve_one(ctx, hall, clerk)
    qtbot.waitUntil(lambda: screen.page() == RATE)
    tap(qtbot, screen.face_buttons[5])
    assert screen.page() == REASON
    qtbot.waitUntil(lambda: screen.page() == IDLE, timeout=3000)
    qtbot.waitUntil(lambda: stored(ctx, ticket.id) is not None)
    assert stored(ctx, ticket.id)[0] is None


def test_only_visits_at_its_own_counter_and_after_it_opened_are_asked_about(ctx, hall, clerk, open_screen, qtbot) -> None:
    earlier = serve_one(ctx, hall, clerk, counter=2, letter="B")
    screen = open_screen(counter=2)
    serve_one(ctx, hall, clerk, counter=1, letter="A")  # another counter's visit
    qtbot.waitUntil(lambda: screen.polls >= 3)
    assert screen.page() == IDLE
    assert stored(ctx, earlier.id) is None

    mine = serve_one(ctx, hall, clerk, counter=2, letter="B")
    qtbot.waitUntil(lambda: screen.page() == RATE)
    assert "B002" in screen.rate_visit.text()
    tap(qtbot, screen.face_buttons[2])
    qtbot.waitUntil(lambda: stored(ctx, mine.id) is not None)
    assert stored(ctx, mine.id)[0] == 2
