"""At a counter PC's 1366×768, in both languages, nothing on the counter page is cut off: every
visible one-line label and button is at least as wide as its text needs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from hallapp.domain.staff import Page
from tests.ui.clerk_keys import press, type_text, wait_until, window_as_started
from ui.intake.flow import DECISION, MATERIALS


def clipped(root: QWidget) -> list[str]:
    """Visible labels and buttons narrower than their text (word-wrapped labels reflow instead)."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or not isinstance(widget, QLabel | QAbstractButton):
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.text()):
            continue
        if isinstance(widget, QAbstractButton) and not widget.text():
            continue
        if widget.width() < widget.sizeHint().width():
            found.append(f"{widget.text()!r}: {widget.width()} < {widget.sizeHint().width()} px")
        seen = widget.visibleRegion().boundingRect()  # cut by a scroll area's edge (it scrolls only vertically)
        needed = widget.width() if isinstance(widget, QAbstractButton) else widget.sizeHint().width()
        if not seen.isEmpty() and seen.width() < needed:
            found.append(f"{widget.text()!r}: {seen.width()} of {widget.width()} px in view")
    return found


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_nothing_on_the_counter_page_is_cut_off(language, ctx, qtbot, qapp) -> None:
    with window_as_started(ctx, qtbot, qapp, language) as window:
        _walk_and_check(window, qtbot)


def _walk_and_check(window, qtbot) -> None:
    wait_until(qtbot, lambda: window.card_reader.handle is not None, what="the card reader")
    page = window.pages[Page.COUNTER]
    qtbot.wait(200)
    assert not clipped(window), "at start"
    press(Qt.Key.Key_F1)
    wait_until(qtbot, lambda: page.queue.current is not None, what="F1")
    for target in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):  # applicant, then agent
        before = page.agent.identity
        press(Qt.Key.Key_F3, target)
        wait_until(qtbot, lambda b=before, t=target: page.applicant.identity is not None and (
            t == Qt.KeyboardModifier.NoModifier or page.agent.identity is not b), what="F3")
    qtbot.wait(100)
    assert not clipped(window), "with a ticket, an applicant and an agent"
    press(Qt.Key.Key_Return)
    type_text("sbk")
    wait_until(qtbot, lambda: page.flow.results.count() > 0, what="hits")
    press(Qt.Key.Key_Return)
    wait_until(qtbot, lambda: page.checklist.item is not None, what="the item")
    press(Qt.Key.Key_Return)
    assert page.flow.step() == MATERIALS
    assert not clipped(window), "at the checklist"
    press(Qt.Key.Key_Return)
    assert page.flow.step() == DECISION
    qtbot.wait(50)
    assert not clipped(window), "at the decision"
