"""The supervisor page from the keyboard: tiles that count cases and visits apart, the period
control, a tile and a chart bar opened down to their rows and on to the case, the page following
the queue without a refresh, and the audit trail in words with a filter. Hall time: Beijing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from hallapp.domain.clock import FixedClock, using
from hallapp.services import hall, queue
from hallapp.services.demo import seed_cases
from tests.ui.clerk_keys import drill_dialog, focused, press, wait_until

ITEM = "002011004000"  # 社会保障卡申领


@pytest.fixture
def morning(ctx) -> Iterator[FixedClock]:
    """10:00 Beijing: three tickets (A001 done at counter 1), three cases accepted without a ticket."""
    clock = FixedClock.at_local(2026, 12, 8, 9, 0)
    with using(clock):
        info = hall.hall_info(ctx.db)
        ids = [queue.issue_ticket(ctx.db, info.id, letter).id for letter in ("A", "A", "D")]
        clock.set_local(2026, 12, 8, 9, 30)
        ref = queue.CounterRef(info.id, 1)
        queue.call_next(ctx.db, ref)
        queue.done(ctx.db, ref, ids[0])
        seed_cases(ctx, 3, plan="complete", item_code=ITEM)
        clock.set_local(2026, 12, 8, 10, 0)
        yield clock


def test_cases_accepted_stand_beside_visits_finished(supervisor_page, qtbot, morning) -> None:
    page = supervisor_page("3")
    assert (page.tiles["done"].text(), page.tiles["cases_accepted"].text()) == ("1", "3")
    assert page.tiles["waiting"].text() == "2" and page.tiles["avg_wait_min"].text() == "30"


def test_a_tile_opens_its_cases_and_enter_asks_for_the_case(supervisor_page, qtbot, morning) -> None:
    page = supervisor_page("3")
    asked: list[str] = []
    page.case_requested.connect(asked.append)
    page.tile_buttons["cases_accepted"].setFocus()
    press(Qt.Key.Key_Space)
    dialog = drill_dialog(qtbot)
    assert dialog.model.rowCount() == 3
    assert dialog.cell(0, 1) == "12-08 09:30", "saved at, in the hall's time"
    press(Qt.Key.Key_Return)
    assert asked == [dialog.cell(0, 0)]
    assert asked[0].startswith("DEMO510104-20261208-")


def test_a_bar_is_reached_and_opened_by_keys(supervisor_page, qtbot, morning) -> None:
    page = supervisor_page("3")
    page.charts["hour"].setFocus()
    for _ in range(2):  # hours start at 8: the second bar is 9 o'clock
        press(Qt.Key.Key_Right)
    assert "9: 3" in page.charts["hour"].chart().title()
    press(Qt.Key.Key_Return)
    dialog = drill_dialog(qtbot)
    assert [dialog.cell(r, 0) for r in range(dialog.model.rowCount())] == ["A001", "A002", "D001"]
    press(Qt.Key.Key_Escape)
    wait_until(qtbot, lambda: not dialog.isVisible(), what="Esc closes the list")


def test_the_period_is_chosen_by_keys(supervisor_page, qtbot, morning) -> None:
    page = supervisor_page("3")
    page.period.setFocus()
    press(Qt.Key.Key_Down)  # Today → Yesterday
    wait_until(qtbot, lambda: page.tiles["issued"].text() == "0", what="yesterday's figures")
    assert page.tiles["waiting"].text() == "–", "nobody waits in the past"
    assert page.first.date().day() == 7 and page.last.date().day() == 7
    press(Qt.Key.Key_Tab)
    assert focused() is page.first, "the dates follow the period choice in the tab order"


def test_the_page_follows_the_queue(ctx, supervisor_page, qtbot, morning) -> None:
    page = supervisor_page("3")
    queue.issue_ticket(ctx.db, hall.hall_info(ctx.db).id, "B")
    wait_until(qtbot, lambda: page.tiles["issued"].text() == "4", what="the new ticket counted")


def test_the_audit_trail_in_words_and_filtered(supervisor_page, qtbot, morning) -> None:
    page = supervisor_page("3")
    audit = page.audit
    wait_until(qtbot, lambda: audit.table.rowCount() > 3 and audit.action.count() > 2, what="the audit list")
    subjects = {audit.table.item(r, 3).text() for r in range(audit.table.rowCount())}
    assert "Account supervisor" in subjects and not any(s.startswith("staff:") for s in subjects)
    audit.action.setCurrentIndex(audit.action.findText("staff account created"))
    wait_until(qtbot, lambda: {audit.table.item(r, 2).text() for r in range(audit.table.rowCount())}
               == {"staff account created"}, what="the filter applied")
    assert audit.table.rowCount() >= 6  # the demo hall's clerks, supervisor, tech, admin


def test_the_waiting_time_bars_open_their_tickets(supervisor_page, qtbot, morning) -> None:
    page = supervisor_page("3")
    page.tabs.setCurrentIndex(0)
    page.charts["wait"].setFocus()
    for _ in range(5):  # 0–5, 5–10, 10–20, 20–30, 30–60: A001 waited 30 minutes (09:00 → 09:30)
        press(Qt.Key.Key_Right)
    assert "30–60: 1" in page.charts["wait"].chart().title()
    press(Qt.Key.Key_Return)
    dialog = drill_dialog(qtbot)
    assert [dialog.cell(r, 0) for r in range(dialog.model.rowCount())] == ["A001"]
    press(Qt.Key.Key_Escape)
