"""From the program's own start to a receipt, by keys alone: the start-up window (ui/startup.py), the
bring-up behind it (ui/start_chain.py), the login dialog a real hall shows, then the counter: F1,
F3 (the simulated reader's sample card), the item, F7 scans, Enter to accept, Alt+1 for the
receipt. Every key goes where the focus is; the test picks no widget and never clicks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QApplication

from hallapp.domain.staff import Page
from hallapp.services import cases
from tests.ui.clerk_keys import call_and_choose_item, press, wait_until
from tests.ui.sign_in import (  # noqa: F401 - fixtures
    captured,
    real_hall_home,
    started_and_signed_in,
    waiting_hall,
)
from ui.intake.flow import DECISION, DONE

pytestmark = pytest.mark.acceptance
ALT = Qt.KeyboardModifier.AltModifier


def _close_preview(qtbot) -> None:
    wait_until(qtbot, lambda: isinstance(QApplication.activeModalWidget(), QPrintPreviewDialog)
               and QApplication.activeModalWidget().isVisible(), what="the receipt's print preview")
    preview = QApplication.activeModalWidget()
    qtbot.wait(300)  # the preview paints its pages
    press(Qt.Key.Key_Escape)
    wait_until(qtbot, lambda: not preview.isVisible(), what="Esc to close the preview")
    wait_until(qtbot, lambda: QApplication.focusWidget() is not None, timeout=2000, what="the keys back on the window")


@pytest.mark.usefixtures("waiting_hall")
def test_from_the_login_dialog_to_a_receipt_by_keys(qtbot, qapp) -> None:
    with started_and_signed_in(qtbot, qapp, "clerk1") as (window, ctx):
        assert window.current_page() is Page.COUNTER and window.session.username == "clerk1"
        page = window.pages[Page.COUNTER]
        wait_until(qtbot, lambda: window.card_reader.handle is not None, what="the card reader")
        wait_until(qtbot, lambda: bool(page.queue.categories), what="the queue bar's first load")
        call_and_choose_item(qtbot, page)
        for _ in range(3):  # 居民身份证, 登记表, 照片: one flatbed page each from SANE's test scanner
            before = captured(page)
            press(Qt.Key.Key_F7)
            wait_until(qtbot, lambda b=before: captured(page) > b, timeout=20_000, what="F7 to scan")
        press(Qt.Key.Key_Return)
        assert page.flow.step() == DECISION
        with qtbot.waitSignal(page.flow.case_saved, timeout=10_000) as saved:
            press(Qt.Key.Key_Return)
        number = saved.args[0].number
        assert page.flow.step() == DONE and cases.show(ctx.db, number)["state"] == "accepted"
        press(Qt.Key.Key_1, ALT)
        _close_preview(qtbot)
        press(Qt.Key.Key_F8)
        wait_until(qtbot, lambda: page.queue.current is None, what="F8 to end the visit")


@pytest.mark.usefixtures("waiting_hall")
def test_a_wrong_password_is_typed_again_without_the_mouse(qtbot, qapp) -> None:
    """The refusal leaves the keys in the emptied password field: the clerk types it again and Enter."""
    with started_and_signed_in(qtbot, qapp, "clerk2", wrong_first=True) as (window, _ctx):
        assert window.session.username == "clerk2"
