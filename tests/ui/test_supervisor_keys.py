"""The supervisor's day by keys alone, from the program's own start and the login dialog: Ctrl+Tab and
Ctrl+Shift+Tab through the page's six tabs, Tab to a tile and to a chart's bar, Space/Enter to open
the rows behind them, Enter on a row to the case, Esc back; a follow-up recorded; the day's report
saved as PDF through the file dialog and read back with pdftotext. Every key goes where the focus
is: the test picks no widget (tab_to only presses Tab until the focus gets there) and never clicks."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from sqlalchemy import text

from hallapp.domain.clock import hall_clock
from hallapp.domain.staff import Page
from hallapp.services import evaluation, hall, queue
from hallapp.services.demo import seed_cases
from tests.ui.clerk_keys import drill_dialog, focused, press, tab_to, type_text, wait_until
from tests.ui.sign_in import real_hall_home, started_and_signed_in  # noqa: F401 - a fixture, by name
from ui.pages.supervisor_followups import FollowUpDialog
from ui.print_pdf import PreviewDialog

pytestmark = pytest.mark.acceptance
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
ITEM = "002011004000"  # 社会保障卡申领
TABS = 6


@pytest.fixture
def hall_day(request: pytest.FixtureRequest) -> dict[str, str]:
    """Today so far: two visits done at counter 1, two cases accepted, one rated 非常不满意 with its reason."""
    from hallapp.bootstrap import open_app

    request.getfixturevalue("real_hall_home")
    ctx = open_app()
    try:
        info = hall.hall_info(ctx.db)
        ref = queue.CounterRef(info.id, 1)
        tickets = [queue.issue_ticket(ctx.db, info.id, "A") for _ in range(2)]
        numbers = seed_cases(ctx, 2, plan="complete", item_code=ITEM)
        for ticket, number in zip(tickets, numbers, strict=True):
            assert queue.call_next(ctx.db, ref).id == ticket.id
            with ctx.db.engine.begin() as conn:
                conn.execute(text("update case_file set ticket_id = :t where number = :n"),
                             {"t": ticket.id, "n": number})
            queue.done(ctx.db, ref, ticket.id)
        evaluation.record(ctx.db, tickets[0].id, 5, "等候时间长")
        return {"hall": info.name, "rated_case": numbers[0]}
    finally:
        ctx.close()


def _escape_from(qtbot, dialog, back_to) -> None:
    press(Qt.Key.Key_Escape)
    wait_until(qtbot, lambda: not dialog.isVisible(), what="Esc to close")
    wait_until(qtbot, lambda: QApplication.focusWidget() is back_to, what=f"the keys back on {back_to.objectName()!r}")


def _walk_the_tabs(qtbot, page) -> None:
    """From where the page puts the keys, Ctrl+Tab shows each tab in turn (and wraps); Ctrl+Shift+Tab back."""
    tabs = page.tabs
    start = tabs.currentIndex()
    seen = []
    for _ in range(TABS):
        press(Qt.Key.Key_Tab, CTRL)
        seen.append(tabs.currentIndex())
    assert seen == [(start + n) % TABS for n in range(1, TABS + 1)], f"Ctrl+Tab showed tabs {seen}"
    back = []
    for _ in range(TABS):
        press(Qt.Key.Key_Backtab, CTRL | SHIFT)
        back.append(tabs.currentIndex())
    assert back == [(start - n) % TABS for n in range(1, TABS + 1)], f"Ctrl+Shift+Tab showed tabs {back}"
    assert page.isAncestorOf(focused()), "the keys stay on the page"


def test_the_supervisors_day_by_keys(hall_day, qtbot, qapp, tmp_path: Path) -> None:
    with started_and_signed_in(qtbot, qapp, "supervisor") as (window, _ctx):
        assert window.current_page() is Page.SUPERVISOR
        page = window.pages[Page.SUPERVISOR]
        wait_until(qtbot, lambda: page.tiles["cases_accepted"].text() == "2", what="today's tiles")
        assert page.isAncestorOf(focused()), "the page has the keys when it opens"
        _walk_the_tabs(qtbot, page)

        # a tile: Tab reaches it, Space opens its cases, Esc goes back to it; Enter opens it too
        tile = page.tile_buttons["cases_accepted"]
        tab_to(tile, limit=40)
        press(Qt.Key.Key_Space)
        dialog = drill_dialog(qtbot)
        assert dialog.model.rowCount() == 2
        _escape_from(qtbot, dialog, tile)
        press(Qt.Key.Key_Return)
        dialog = drill_dialog(qtbot)
        number = dialog.cell(0, 0)
        press(Qt.Key.Key_Return)  # the row's case, on the cases page
        wait_until(qtbot, lambda: window.current_page() is Page.CASES, what="Enter on a row to open its case")
        cases_page = window.pages[Page.CASES]
        wait_until(qtbot, lambda: cases_page.current_number() == number, what="the case shown")
        assert cases_page.isAncestorOf(focused()), "the keys on the case's page"
        press(Qt.Key.Key_1, CTRL)  # back to the supervisor page
        assert window.current_page() is Page.SUPERVISOR and page.isAncestorOf(focused())

        # a chart's bar: Tab into the arrivals chart, Right to a bar, Enter for its tickets, Esc back
        chart = page.charts["hour"]
        page_tabs_to(page, 0)
        tab_to(chart, limit=40)
        for _ in range(16):  # one bar an hour from the hall's opening: on to this hour's
            press(Qt.Key.Key_Right)
            if chart.chart().title().endswith(": 2"):
                break
        assert chart.chart().title().endswith(": 2"), f"no bar with the two tickets reached: {chart.chart().title()!r}"
        press(Qt.Key.Key_Return)
        dialog = drill_dialog(qtbot)
        assert dialog.model.rowCount() == 2
        _escape_from(qtbot, dialog, chart)

        # a follow-up: Ctrl+Tab to its tab, Tab to the list, Enter, type, Enter saves
        panel = page.followups
        page_tabs_to(page, page.tabs.indexOf(panel))
        wait_until(qtbot, lambda: panel.table.rowCount() == 1, what="the bad rating listed")
        tab_to(panel.table, limit=10)
        press(Qt.Key.Key_Return)
        wait_until(qtbot, lambda: isinstance(QApplication.activeModalWidget(), FollowUpDialog), what="the form")
        form = QApplication.activeModalWidget()
        wait_until(qtbot, lambda: focused() is form.outcome, what="the keys in the form")
        press(Qt.Key.Key_Tab)
        type_text("apologised, explained the rush hour")
        press(Qt.Key.Key_Return)
        wait_until(qtbot, lambda: not form.isVisible(), what="Enter saves the follow-up")
        wait_until(qtbot, lambda: panel.table.rowCount() == 0, what="the rating off the list of those owed")
        wait_until(qtbot, lambda: focused() is panel.table, what="the keys back on the list")
        wait_until(qtbot, lambda: page.tiles["bad_evaluations"].text() == "0", what="the tile counts it as done")

        # the day's report saved as PDF: Ctrl+Shift+S, the file name typed, Enter
        out = tmp_path / "daily.pdf"
        press(Qt.Key.Key_S, CTRL | SHIFT)
        wait_until(qtbot, lambda: isinstance(QApplication.activeModalWidget(), QFileDialog), what="the file dialog")
        file_dialog = QApplication.activeModalWidget()
        wait_until(qtbot, lambda: file_dialog.isAncestorOf(focused()), what="the keys in the file dialog")
        press(Qt.Key.Key_A, CTRL)
        type_text(str(out))
        press(Qt.Key.Key_Return)
        wait_until(qtbot, lambda: out.exists() and str(out) in page.stamp.text(), timeout=30_000,
                   what="the report saved, and said so")
        wait_until(qtbot, lambda: page.isAncestorOf(focused()), what="the keys back on the page")
        assert shutil.which("pdftotext"), "pdftotext (poppler-utils) reads the saved report"
        words = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                               check=True).stdout
        assert hall_day["hall"] in words
        today = hall_clock().today()
        assert hall_day["hall"] in words and "跨省通办窗口日报" in words
        assert f"统计期间：{today.year}年{today.month}月{today.day}日" in words
        assert re.search(r"受理\s+2\b", words), "the two cases accepted today"
        assert re.search(r"实名差评回访率\s+100\.0%", words), "the follow-up typed above counts in the report"

        # and printed: Ctrl+P opens the preview of the same report, Esc closes it, the keys come back
        back_on = focused()
        press(Qt.Key.Key_P, CTRL)
        wait_until(qtbot, lambda: isinstance(page.report.preview, PreviewDialog) and page.report.preview.isVisible(),
                   timeout=30_000, what="Ctrl+P to open the print preview")
        preview = page.report.preview
        wait_until(qtbot, lambda: QApplication.activeModalWidget() is preview, what="the preview active")
        assert preview.document.pageCount() == 1, "the daily report is one page"
        press(Qt.Key.Key_Escape)
        wait_until(qtbot, lambda: not preview.isVisible(), what="Esc to close the preview")
        wait_until(qtbot, lambda: focused() is back_on, what="the keys back where they were")


def page_tabs_to(page, index: int) -> None:
    """Ctrl+Tab until the tab `index` shows (at most one round)."""
    for _ in range(TABS):
        if page.tabs.currentIndex() == index:
            return
        press(Qt.Key.Key_Tab, CTRL)
    assert page.tabs.currentIndex() == index, f"Ctrl+Tab never showed tab {index}"
