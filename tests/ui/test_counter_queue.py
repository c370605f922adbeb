"""The counter's queue bar: F1 calls the next ticket this counter serves, F2/F4/F6/F8 move it,
reading the applicant's card starts the service clock, and the panel clears after F8. Every key
goes to whatever has the focus in the window as it opened (also run under Xvfb: `acceptance`)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hallapp.services import hall, queue
from tests.ui.clerk_keys import counter_as_started, press, wait_until

pytestmark = pytest.mark.acceptance


@pytest.fixture
def counter(ctx, qtbot, qapp):
    info = hall.hall_info(ctx.db)
    with counter_as_started(ctx, qtbot, qapp) as (_window, page):  # counter.number = 1, serving A then D
        yield ctx, info, page


def _press(qtbot, page, key) -> None:
    wait_until(qtbot, lambda: not page.queue.busy, what="the queue bar to finish its last step")
    press(key)


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
    press(Qt.Key.Key_F3)
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
    _press(qtbot, page, Qt.Key.Key_F6)  # nobody at the counter: F6 offers the held tickets in a menu
    wait_until(qtbot, lambda: QApplication.activePopupWidget() is not None, what="F6 to offer the held ticket")
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Return)
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
