"""README's walk-through as a clerk does it: the real main window, every key sent to whatever has
the focus, the real print preview. Runs offscreen in the suite and again under Xvfb (xcb) in
`make test` (tests marked `acceptance`)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QApplication

from hallapp.domain.staff import Page
from hallapp.services import cases
from tests.ui.clerk_keys import call_and_choose_item, focused, press, type_text, wait_until, window_as_started
from ui.intake.flow import APPLICANT, DECISION, DONE, PLACE

pytestmark = pytest.mark.acceptance
ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def counter(ctx, qtbot, qapp):
    """The window as `make run` opens it (demo sign-in, style, Chinese): nothing focused by the test."""
    with window_as_started(ctx, qtbot, qapp) as window:
        wait_until(qtbot, lambda: window.card_reader.handle is not None, what="the card reader")
        page = window.pages[Page.COUNTER]
        wait_until(qtbot, lambda: bool(page.queue.categories), what="the queue bar's first load")
        yield window, page


def _captured(page) -> int:
    return sum(1 for s in page.checklist.lines if s.status == "captured")


def _close_preview(qtbot, page) -> None:
    wait_until(qtbot, lambda: isinstance(QApplication.activeModalWidget(), QPrintPreviewDialog)
               and QApplication.activeModalWidget().isVisible(), what=f"the print preview ({page.flow.error.text()})")
    preview = QApplication.activeModalWidget()
    qtbot.wait(300)  # the preview paints its pages: this is where it used to crash
    press(Qt.Key.Key_Escape)
    wait_until(qtbot, lambda: not preview.isVisible(), what="Esc to close the preview")
    wait_until(qtbot, lambda: QApplication.focusWidget() is not None, timeout=1000, what="the keys back on the window")


def test_the_readme_walkthrough_from_the_keys(counter, ctx, qtbot) -> None:
    """F1 → F3 → Enter → sbk → Enter → Enter → F7 ×3 → Enter → Enter → Alt+1 → F8."""
    window, page = counter
    call_and_choose_item(qtbot, page)
    for _ in range(3):  # 居民身份证, 登记表, 照片
        before = _captured(page)
        press(Qt.Key.Key_F7)
        wait_until(qtbot, lambda b=before: _captured(page) > b, what="F7 to scan")
    press(Qt.Key.Key_Return)
    assert page.flow.step() == DECISION, f"Enter at step 4 did nothing (focus on {type(focused()).__name__})"
    with qtbot.waitSignal(page.flow.case_saved, timeout=10_000) as saved:
        press(Qt.Key.Key_Return)
    number = saved.args[0].number
    assert page.flow.step() == DONE and cases.show(ctx.db, number)["state"] == "accepted"
    press(Qt.Key.Key_1, ALT)
    _close_preview(qtbot, page)
    assert window.isVisible() and page.flow.step() == DONE
    ticket = page.queue.current
    press(Qt.Key.Key_F8)
    wait_until(qtbot, lambda: page.queue.current is None, what="F8 to end the visit")
    assert page.flow.step() == APPLICANT and page.applicant.identity is None
    assert ticket is not None and cases.show(ctx.db, number)["number"] == number


def test_a_notice_and_an_acceptance_with_a_gap_from_the_keys(counter, ctx, qtbot) -> None:
    """Ctrl+D on the ID card (key) leaves only the notice; Ctrl+D on the form (non-key) allows 容缺."""
    _window, page = counter
    call_and_choose_item(qtbot, page)
    press(Qt.Key.Key_D, CTRL)  # 居民身份证 missing: a key material
    press(Qt.Key.Key_Return)
    assert [d for d, b in page.flow.decision_buttons.items() if b.isEnabled()] == ["notice"]
    with qtbot.waitSignal(page.flow.case_saved, timeout=10_000) as saved:
        press(Qt.Key.Key_Return)
    assert saved.args[0].state == "notified"
    press(Qt.Key.Key_1, ALT)  # the one-time notice
    _close_preview(qtbot, page)
    press(Qt.Key.Key_Return)  # next case, same applicant at the counter
    assert page.flow.step() == APPLICANT
    press(Qt.Key.Key_Return)
    type_text("sbk")
    wait_until(qtbot, lambda: page.flow.results.count() > 0, what="search hits")
    press(Qt.Key.Key_Return)
    wait_until(qtbot, lambda: page.flow.step() == PLACE, what="the item")
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_F7)
    wait_until(qtbot, lambda: _captured(page) == 1, what="F7")
    press(Qt.Key.Key_D, CTRL)  # 登记表 missing: non-key, may defer
    press(Qt.Key.Key_Return)
    assert page.flow.chosen_decision() == "accept_with_gap"
    with qtbot.waitSignal(page.flow.case_saved, timeout=10_000) as saved:
        press(Qt.Key.Key_Return)
    assert saved.args[0].state == "accepted_with_gap"
    for key in (Qt.Key.Key_1, Qt.Key.Key_2):  # the receipt, then the commitment
        press(key, ALT)
        _close_preview(qtbot, page)
    assert cases.show(ctx.db, saved.args[0].number)["gap_due_date"]
