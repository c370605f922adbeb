"""The applicant panel at the counter: a card on the (simulated) reader fills it, photo, badges and
all, while the window keeps responding; manual entry applies the card's own checks. The keys go
to whatever has the focus in the window as it opened (also run under Xvfb: `acceptance`)."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from hallapp.domain.staff import Page
from tests.ui.clerk_keys import counter_as_started, focused, press, tab_to, type_text, wait_until
from ui.intake.flow import ITEM


@pytest.fixture
def counter(ctx, qtbot, qapp):
    with counter_as_started(ctx, qtbot, qapp) as (window, page):
        yield window, page


@pytest.mark.acceptance
def test_f3_fills_the_panel_without_blocking_the_window(counter, qtbot) -> None:
    window, page = counter
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    press(Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: page.applicant.identity is not None, timeout=10_000)
    qtbot.wait(150)  # a fast read must still leave enough ticks to judge the gaps by
    timer.stop()
    identity = page.applicant.identity
    # The first demo card: a Sichuan applicant whose number ends in X, at a Sichuan hall.
    assert page.applicant.name.text() == identity.name == "陈思雨"
    assert identity.id_number.endswith("X")
    shown = {page.applicant.details.itemAt(r, page.applicant.details.ItemRole.FieldRole).widget().text()
             for r in range(page.applicant.details.rowCount())}
    assert "5101**********004X" in shown and identity.id_number not in shown
    assert page.applicant.badge_texts() == []  # same province as the hall, valid card
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert len(ticks) > 3 and max(gaps) < 0.25, f"GUI thread stalled for {max(gaps):.3f} s"


@pytest.mark.acceptance
def test_badges_for_cross_province_expired_and_agent(counter, qtbot) -> None:
    window, page = counter
    for _ in range(3):  # demo cards 1-3: Henan 长期, then an expired Hubei card
        before = page.applicant.identity
        press(Qt.Key.Key_F3)
        qtbot.waitUntil(lambda b=before: page.applicant.identity is not b, timeout=10_000)
    assert page.applicant.identity.name == "刘建国"
    assert page.applicant.badge_texts() == ["Cross-province 湖北", "✖ Expired"]
    assert not page.agent.isVisible()
    press(Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: page.agent.identity is not None, timeout=10_000)
    assert page.agent.isVisible() and page.agent.identity.name == "关若琳"
    assert page.applicant.identity.name == "刘建国"  # the applicant stays


def test_reader_not_connected_says_so(home, ctx, open_window, qtbot) -> None:
    from hallapp.config import load_settings, set_value

    set_value(ctx.home.settings_file, "devices.idcard_port", "/dev/hallapp-no-such-reader")
    ctx.settings = load_settings(ctx.home.settings_file)
    window = open_window("clerk1")
    page = window.pages[Page.COUNTER]
    qtbot.waitUntil(lambda: "/dev/hallapp-no-such-reader is not connected" in page.applicant.message.text(), timeout=10_000)
    assert "Card reader: not connected" in window.statusBar().devices.text()


@pytest.mark.acceptance
def test_manual_entry_refuses_a_bad_check_digit_and_accepts_a_good_one(counter, qtbot) -> None:
    """Ctrl+M, then Tab from field to field as a clerk does; Enter submits wherever the focus is."""
    from ui.dialogs.manual_identity import ManualIdentityDialog

    window, page = counter
    press(Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    wait_until(qtbot, lambda: isinstance(QApplication.activeWindow(), ManualIdentityDialog), what="Ctrl+M to open")
    dialog = QApplication.activeWindow()
    assert focused() is dialog.name
    type_text("欧阳建国")
    tab_to(dialog.id_number)
    type_text("110105194912310021")
    tab_to(dialog.long_term)
    press(Qt.Key.Key_Space)
    assert dialog.long_term.isChecked()
    press(Qt.Key.Key_Return)
    assert dialog.isVisible() and "校验位错误" in dialog.message.text()
    assert "✖" in dialog.derived.text()
    tab_to(dialog.id_number, back=True)  # Tab into a line edit selects its text: typing replaces it
    type_text("11010519491231002x")
    assert dialog.derived.text().startswith("✔ 女")
    press(Qt.Key.Key_Return)
    wait_until(qtbot, lambda: page.applicant.identity is not None, what="Enter to take the typed identity")
    assert page.applicant.identity.source == "manual" and page.applicant.identity.name == "欧阳建国"
    assert "Typed by hand" in page.applicant.badge_texts()


@pytest.mark.acceptance
def test_after_manual_entry_the_keys_are_back_on_the_counter(counter, qtbot) -> None:
    from ui.dialogs.manual_identity import ManualIdentityDialog

    _window, page = counter
    press(Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    wait_until(qtbot, lambda: isinstance(QApplication.activeWindow(), ManualIdentityDialog), what="Ctrl+M to open")
    dialog = QApplication.activeWindow()
    type_text("欧阳建国")
    tab_to(dialog.id_number)
    type_text("11010519491231002x")
    tab_to(dialog.long_term)
    press(Qt.Key.Key_Space)
    press(Qt.Key.Key_Return)
    wait_until(qtbot, lambda: page.applicant.identity is not None, what="Enter to take the typed identity")
    wait_until(qtbot, lambda: QApplication.focusWidget() is not None, timeout=2000,
               what="the keys back on the counter after manual entry")
    press(Qt.Key.Key_Return)  # the intake moves on to the item, as after a card
    assert page.flow.step() == ITEM
