"""The supervisor's follow-ups from the keyboard, keys sent to whatever has the focus: the bad-rating
tile leads to the overdue rating, Enter opens the form, Enter saves and the overdue mark is gone; the
returned-case tile leads to the case, which is sent again as revision 2 and waits in the outbox.
Hall time: Beijing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from hallapp.domain.clock import FixedClock, using
from hallapp.services import cases, evaluation, hall, queue
from hallapp.services.demo import seed_cases
from tests.ui.clerk_keys import focused, press, type_text, wait_until
from ui.main_window import Page
from ui.pages.supervisor_followups import FollowUpDialog
from ui.pages.supervisor_returned import StepDialog

ITEM = "002011004000"  # 社会保障卡申领


@pytest.fixture
def clock() -> Iterator[FixedClock]:
    fixed = FixedClock.at_local(2026, 12, 1, 10, 0)  # Tuesday
    with using(fixed):
        yield fixed


def _named_bad_rating(ctx, clock: FixedClock) -> str:
    """On Tue 1 December a visit with a case is rated 非常不满意; five working days end Tue 8 December."""
    info = hall.hall_info(ctx.db)
    ticket = queue.issue_ticket(ctx.db, info.id, "A")
    ref = queue.CounterRef(info.id, 1)
    queue.call_next(ctx.db, ref)
    (number,) = seed_cases(ctx, 1, plan="complete", item_code=ITEM)
    with ctx.db.engine.begin() as conn:
        conn.execute(text("update case_file set ticket_id = :t where number = :n"), {"t": ticket.id, "n": number})
    queue.done(ctx.db, ref, ticket.id)
    evaluation.record(ctx.db, ticket.id, 5, "等候时间长")
    clock.set_local(2026, 12, 10, 9, 0)  # Thursday of the next week: overdue
    return number


def _page(open_window, qtbot):
    window = open_window("supervisor")
    window.activateWindow()
    page = window.pages[Page.SUPERVISOR]
    wait_until(qtbot, lambda: page.summary is not None and page.tiles["issued"].text() != "–", what="the tiles")
    return page


def _dialog(qtbot, kind: type):
    wait_until(qtbot, lambda: isinstance(QApplication.activeModalWidget(), kind), what="the form")
    return QApplication.activeModalWidget()


def test_the_bad_rating_tile_leads_to_the_overdue_rating_and_a_follow_up_clears_it(
        ctx, open_window, qtbot, clock) -> None:
    number = _named_bad_rating(ctx, clock)
    page = _page(open_window, qtbot)
    wait_until(qtbot, lambda: page.tiles["bad_evaluations"].text() == "1", what="the rating still owed")
    assert page.tiles["bad_evaluations"].objectName() == "tileBad"
    page.tile_buttons["bad_evaluations"].setFocus()
    press(Qt.Key.Key_Space)
    panel = page.followups
    assert page.tabs.currentWidget() is panel
    wait_until(qtbot, lambda: panel.table.rowCount() == 1, what="the bad rating listed")
    assert focused() is panel.table
    assert panel.is_overdue(0)
    assert panel.table.item(0, 0).text() == "⚠ overdue since 2026-12-08"
    # the stored reason (Chinese) is worded in the window's language (English in tests)
    assert (panel.table.item(0, 3).text(), panel.table.item(0, 7).text()) == ("Long wait", number)

    press(Qt.Key.Key_Return)
    first = _dialog(qtbot, FollowUpDialog)
    wait_until(qtbot, lambda: QApplication.focusWidget() is first.outcome, what="the keys in the form")
    press(Qt.Key.Key_Escape)
    wait_until(qtbot, lambda: QApplication.focusWidget() is panel.table, what="Esc: back on the list")
    assert not first.isVisible() and panel.is_overdue(0), "Esc saves nothing"

    press(Qt.Key.Key_Return)
    dialog = _dialog(qtbot, FollowUpDialog)
    wait_until(qtbot, lambda: QApplication.focusWidget() is dialog.outcome, what="the keys in the form")
    assert dialog.outcome.currentData() == "resolved"
    assert dialog.by.currentText() == "陈主任", "the supervisor made the call unless told otherwise"
    press(Qt.Key.Key_Tab)  # outcome → what the applicant said
    assert focused() is dialog.note
    type_text("apologised, explained the rush hour")
    press(Qt.Key.Key_Tab)
    type_text("one more counter at rush hour")
    press(Qt.Key.Key_Return)
    wait_until(qtbot, lambda: not dialog.isVisible(), what="Enter saves the follow-up")
    wait_until(qtbot, lambda: panel.table.rowCount() == 0, what="the rating off the list of those owed")
    wait_until(qtbot, lambda: QApplication.focusWidget() is panel.table, what="the keys back on the list")
    wait_until(qtbot, lambda: page.tiles["bad_evaluations"].text() == "0", what="the tile counts it as done")

    panel.show_all.setCurrentIndex(1)  # every bad rating of a period that holds it: this month
    page.period.setCurrentIndex(page.period.findData("month"))
    wait_until(qtbot, lambda: panel.table.rowCount() == 1, what="the month's bad ratings")
    assert not panel.is_overdue(0) and not panel.table.item(0, 0).text().startswith("⚠")
    assert panel.table.item(0, 4).text().startswith("reached, problem solved (陈主任")


def test_a_returned_case_is_sent_again_as_revision_2_from_the_keyboard(ctx, open_window, qtbot, clock) -> None:
    (number,) = seed_cases(ctx, 1, plan="complete", item_code=ITEM)
    cases.transition(ctx.db, number, "submitted", actor="sync")
    cases.transition(ctx.db, number, "returned", actor="platform", reason="身份证复印件不清晰")
    page = _page(open_window, qtbot)
    wait_until(qtbot, lambda: page.tiles["returned"].text() == "1", what="the returned case counted")
    page.tile_buttons["returned"].setFocus()
    press(Qt.Key.Key_Space)
    panel = page.returned
    wait_until(qtbot, lambda: panel.returned.rowCount() == 1, what="the returned case listed")
    assert focused() is panel.returned
    assert panel.returned.item(0, 2).text() == "身份证复印件不清晰"

    press(Qt.Key.Key_Return)
    dialog = _dialog(qtbot, StepDialog)
    wait_until(qtbot, lambda: QApplication.focusWidget() is dialog.action, what="the keys in the form")
    press(Qt.Key.Key_Down)
    assert dialog.action.currentText() == "Send again as revision 2"
    press(Qt.Key.Key_Tab)  # the call's outcome: not needed for this step
    press(Qt.Key.Key_Tab)
    assert focused() is dialog.text
    press(Qt.Key.Key_Return)
    wait_until(qtbot, lambda: "corrected" in dialog.error.text() or "补正" in dialog.error.text(),
               what="a resubmission without saying what changed is refused")
    assert dialog.isVisible()
    dialog.text.setFocus()
    type_text("ID copy scanned again")
    press(Qt.Key.Key_Return)
    wait_until(qtbot, lambda: not dialog.isVisible(), what="Enter sends it again")
    wait_until(qtbot, lambda: panel.returned.rowCount() == 0, what="the case off the list")
    with ctx.db.unit_of_work() as uow:
        ids = [r.client_id for r in uow.outbox.by_case_number(number)]
    assert ids == [f"case:{number}:r1", f"case:{number}:r2"]
    assert cases.show(ctx.db, number)["state"] == "submitted"
    wait_until(qtbot, lambda: QApplication.focusWidget() is panel.returned, what="the keys back on the list")
