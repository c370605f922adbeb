"""Keys as a clerk types them: each one goes to whatever has the keyboard focus right now
(`QApplication.focusWidget()`), never to a widget the test picked."""

from __future__ import annotations

from collections.abc import Callable

import pytestqt.exceptions
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

NO_MOD = Qt.KeyboardModifier.NoModifier


def focused() -> QWidget:
    """Where the next key goes. A clerk's key always lands somewhere; None is a bug."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus: the clerk's keys go nowhere"
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MOD) -> QWidget:
    """One key to the focused widget, like a real keyboard; returns the widget that got it."""
    widget = focused()
    QTest.keyClick(widget, key, modifier)
    return widget


def type_text(text: str) -> None:
    for char in text:
        QTest.keyClicks(focused(), char)


def wait_until(qtbot, condition: Callable[[], bool], timeout: int = 10_000, what: str = "") -> None:  # noqa: ANN001
    try:
        qtbot.waitUntil(condition, timeout=timeout)
    except (AssertionError, TimeoutError, pytestqt.exceptions.TimeoutError) as exc:  # name where the clerk was stuck at
        where = QApplication.focusWidget()
        name = f"{type(where).__name__}({where.objectName()!r})" if where else "None"
        raise AssertionError(f"stuck waiting for {what or condition}; focus on {name}") from exc
