"""The dashboard's report and overdue materials from the keyboard: Tab past the period to Print report,
Enter opens Qt's print preview of the day's report (Esc closes it); Ctrl+Shift+S saves the period as
CSV through Qt's file dialog; a 容缺 case past its due date is listed masked and Enter opens it.
Hall time: Beijing."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from hallapp.domain.clock import FixedClock, using
from hallapp.services import hall, queue
from hallapp.services.demo import seed_cases
from tests.ui.clerk_keys import focused, press, type_text, wait_until
from ui.print_pdf import PreviewDialog

ITEM = "002011004000"  # 社会保障卡申领: a gap leaves a required material owed


@pytest.fixture
def morning(ctx) -> Iterator[FixedClock]:
    """Dec 8 09:00 Beijing: two tickets, one case accepted with a gap (due five working days later)."""
    clock = FixedClock.at_local(2026, 12, 8, 9, 0)
    with using(clock):
        info = hall.hall_info(ctx.db)
        for letter in ("A", "D"):
            queue.issue_ticket(ctx.db, info.id, letter)
        seed_cases(ctx, 1, plan="gap", item_code=ITEM)
        clock.set_local(2026, 12, 8, 10, 0)
        yield clock


def test_tab_reaches_print_report_and_enter_opens_the_preview(supervisor_page, qtbot, morning) -> None:
    page = supervisor_page("2")
    page.last.setFocus()
    for _ in range(3):  # Tab walks the date's year, month and day, then leaves it
        if focused() is not page.last:
            break
        press(Qt.Key.Key_Tab)
    assert focused() is page.report.print_button, "after the period's dates, Tab reaches Print report"
    press(Qt.Key.Key_Return)
    wait_until(qtbot, lambda: isinstance(page.report.preview, PreviewDialog) and page.report.preview.isVisible(),
               what="the print preview")
    preview = page.report.preview
    assert preview.document.pageCount() == 1, "the daily report is one page"
    if shutil.which("pdftotext"):
        words = subprocess.run(["pdftotext", "-", "-"], input=preview.data, capture_output=True, check=True).stdout
        assert "日报" in words.decode() and "2026年12月8日" in words.decode()
    wait_until(qtbot, lambda: QApplication.activeModalWidget() is preview, what="the preview on top")
    press(Qt.Key.Key_Escape)
    wait_until(qtbot, lambda: not preview.isVisible(), what="Esc closes the preview")


def _save_as(page, qtbot, target: Path) -> None:
    """Ctrl+Shift+S on the period, then the file name typed into Qt's file dialog and Enter."""
    page.period.setFocus()
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_until(qtbot, lambda: isinstance(QApplication.activeModalWidget(), QFileDialog), what="the file dialog")
    dialog = QApplication.activeModalWidget()
    wait_until(qtbot, lambda: dialog.isAncestorOf(QApplication.focusWidget()), what="the keys in the dialog")
    focused().selectAll()
    type_text(str(target))
    press(Qt.Key.Key_Return)


def test_ctrl_shift_s_saves_the_period_as_csv(supervisor_page, qtbot, morning, tmp_path: Path) -> None:
    page = supervisor_page("2")
    target = tmp_path / "day.csv"
    _save_as(page, qtbot, target)
    wait_until(qtbot, lambda: target.exists() and target.stat().st_size > 0, what="the report written")
    text = target.read_bytes().decode("utf-8-sig")
    assert "跨省通办窗口日报" in text and "取号,2" in text.replace('"', "")
    wait_until(qtbot, lambda: str(target) in page.stamp.text(), what="where it went, said on the page")


def test_the_save_dialog_refuses_a_file_in_the_hallapp_home(supervisor_page, qtbot, morning, ctx) -> None:
    """As `hallapp report --out` does: a file of the home is the program's own; nothing is written there."""
    page = supervisor_page("2")
    target = ctx.home.root / "day.csv"
    _save_as(page, qtbot, target)
    wait_until(qtbot, lambda: "own files" in page.stamp.text(), what="the refusal, said on the page")
    assert str(target) in page.stamp.text() and "elsewhere" in page.stamp.text()
    assert not target.exists() and not list(ctx.home.root.glob(".day.csv.*")), "nothing written in the home"


def test_an_overdue_material_is_listed_masked_and_opens_its_case(supervisor_page, qtbot, morning) -> None:
    morning.set_local(2026, 12, 28, 9, 0)  # well past the due date (five working days after Dec 8)
    page = supervisor_page()
    asked: list[str] = []
    page.case_requested.connect(asked.append)
    wait_until(qtbot, lambda: page.tiles["overdue"].text() == "1", what="the overdue tile counting the case")
    page.tile_buttons["overdue"].setFocus()
    press(Qt.Key.Key_Space)  # the tile opens the Materials overdue tab, its list focused
    assert page.tabs.currentWidget() is page.overdue
    table = page.overdue.table
    wait_until(qtbot, lambda: table.rowCount() == 1, what="the overdue case listed")
    assert table.item(0, 2).text().endswith("*") and len(table.item(0, 2).text()) > 1, "the applicant masked"
    assert int(table.item(0, 4).text()) > 0
    page.overdue.focus_list()
    press(Qt.Key.Key_Return)
    assert asked == [table.item(0, 0).text()]
