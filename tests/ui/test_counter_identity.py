"""The applicant panel at the counter: a card on the (simulated) reader fills it, photo, badges and
all, while the window keeps responding; manual entry applies the card's own checks."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt, QTimer

from hallapp.domain.staff import Page


@pytest.fixture
def counter(open_window, qtbot):
    window = open_window("clerk1")
    page = window.pages[Page.COUNTER]
    qtbot.waitUntil(lambda: window.card_reader.handle is not None, timeout=10_000)
    yield window, page


def test_f3_fills_the_panel_without_blocking_the_window(counter, qtbot) -> None:
    window, page = counter
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    qtbot.keyClick(page, Qt.Key.Key_F3)
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


def test_badges_for_cross_province_expired_and_agent(counter, qtbot) -> None:
    window, page = counter
    for _ in range(3):  # demo cards 1-3: Henan 长期, then an expired Hubei card
        before = page.applicant.identity
        qtbot.keyClick(page, Qt.Key.Key_F3)
        qtbot.waitUntil(lambda b=before: page.applicant.identity is not b, timeout=10_000)
    assert page.applicant.identity.name == "刘建国"
    assert page.applicant.badge_texts() == ["Cross-province 湖北", "✖ Expired"]
    assert not page.agent.isVisible()
    qtbot.keyClick(page, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
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


def test_manual_entry_refuses_a_bad_check_digit_and_accepts_a_good_one(counter, qtbot) -> None:
    from ui.dialogs.manual_identity import ManualIdentityDialog

    window, page = counter
    page.manual_entry("applicant")
    dialog = page.findChild(ManualIdentityDialog)
    qtbot.waitExposed(dialog)
    dialog.name.setText("欧阳建国")
    dialog.id_number.setText("110105194912310021")
    dialog.long_term.setChecked(True)
    dialog.submit()
    assert dialog.isVisible() and "校验位错误" in dialog.message.text()
    assert "✖" in dialog.derived.text()
    dialog.id_number.setText("11010519491231002x")
    assert dialog.derived.text().startswith("✔ 女")
    dialog.submit()
    qtbot.waitUntil(lambda: page.applicant.identity is not None)
    assert page.applicant.identity.source == "manual"
    assert "Typed by hand" in page.applicant.badge_texts()
