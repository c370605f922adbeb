"""The counter's queue bar: F1 calls the next ticket this counter serves, F2/F4/F6/F8 move it,
reading the applicant's card starts the service clock, and the panel clears after F8."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from hallapp.domain.staff import Page
from hallapp.services import hall, queue


@pytest.fixture
def counter(ctx, open_window, qtbot):
    info = hall.hall_info(ctx.db)
    window = open_window("clerk1")  # settings: counter.number = 1, serving A then D
    page = window.pages[Page.COUNTER]
    qtbot.waitUntil(lambda: window.card_reader.handle is not None, timeout=10_000)
    return ctx, info, page


def _press(qtbot, page, key) -> None:
    qtbot.waitUntil(lambda: not page.queue.busy)
    qtbot.keyClick(page, key)


def test_f1_calls_the_first_ticket_of_this_counters_category(counter, qtbot) -> None:
    ctx, info, page = counter
    queue.issue_ticket(ctx.db, info.id, "B")  # counter 1 does not serve B
    queue.issue_ticket(ctx.db, info.id, "D")
    first_a = queue.issue_ticket(ctx.db, info.id, "A")
    _press(qtbot, page, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: page.queue.current is not None, timeout=5000)
    assert page.queue.current.number == first_a.number == "A001"
    assert "A001" in page.queue.current_label.text()
    assert not page.queue.buttons["F1"].isEnabled() and page.queue.buttons["F8"].isEnabled()


def test_card_read_starts_service_and_f8_ends_the_visit(counter, qtbot) -> None:
    ctx, info, page = counter
    queue.issue_ticket(ctx.db, info.id, "A")
    _press(qtbot, page, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: page.queue.current is not None, timeout=5000)
    qtbot.keyClick(page, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: page.applicant.identity is not None, timeout=10_000)
    qtbot.waitUntil(lambda: page.queue.current is not None and page.queue.current.state == "serving", timeout=5000)
    with qtbot.waitSignal(page.queue.visit_done, timeout=5000) as done:
        _press(qtbot, page, Qt.Key.Key_F8)
    assert done.args[0].state == "done"
    qtbot.waitUntil(lambda: page.queue.current is None)
    assert page.applicant.identity is None  # the next applicant starts with an empty panel


def test_f6_holds_and_offers_the_held_ticket_back(counter, qtbot) -> None:
    ctx, info, page = counter
    queue.issue_ticket(ctx.db, info.id, "A")
    _press(qtbot, page, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: page.queue.current is not None, timeout=5000)
    held_id = page.queue.current.id
    _press(qtbot, page, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: page.queue.current is None and bool(page.queue.held), timeout=5000)
    assert "A001" in page.queue.waiting_label.text()
    page.queue.resume(held_id)
    qtbot.waitUntil(lambda: page.queue.current is not None and page.queue.current.id == held_id, timeout=5000)


def test_recalls_run_out_into_a_no_show(counter, qtbot) -> None:
    ctx, info, page = counter
    queue.issue_ticket(ctx.db, info.id, "A")
    _press(qtbot, page, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: page.queue.current is not None, timeout=5000)
    messages: list[str] = []
    page.queue.message.connect(messages.append)
    for _ in range(3):  # two recalls allowed by default; the third marks a no-show
        _press(qtbot, page, Qt.Key.Key_F2)
        qtbot.waitUntil(lambda: not page.queue.busy, timeout=5000)
    qtbot.waitUntil(lambda: page.queue.current is None, timeout=5000)
    assert any("A001" in m for m in messages)


def test_nobody_waiting_is_said_plainly(counter, qtbot) -> None:
    _ctx, _info, page = counter
    messages: list[str] = []
    page.queue.message.connect(messages.append)
    _press(qtbot, page, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: bool(messages), timeout=5000)
    assert "Nobody is waiting" in messages[0]
