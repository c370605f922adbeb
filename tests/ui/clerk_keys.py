"""Keys as a clerk types them: each one goes to whatever has the keyboard focus right now
(`QApplication.focusWidget()`), never to a widget the test picked."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

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


def wait_until(qtbot, condition: Callable[[], bool], timeout: int = 10_000, what: str = "") -> None:
    try:
        qtbot.waitUntil(condition, timeout=timeout)
    except (AssertionError, TimeoutError, pytestqt.exceptions.TimeoutError) as exc:  # name where the clerk was stuck at
        where = QApplication.focusWidget()
        name = f"{type(where).__name__}({where.objectName()!r})" if where else "None"
        raise AssertionError(f"stuck waiting for {what or condition}; focus on {name}") from exc


@contextmanager
def window_as_started(ctx, qtbot, qapp, language: str = "zh_CN", username: str | None = None) -> Iterator[QWidget]:
    """The main window as `make run` opens it (style, language, demo sign-in or `username`), at a
    counter PC's 1366×768, active, nothing focused by the test; closed without questions after."""
    from hallapp.services import hall, staff
    from ui import i18n, style
    from ui.app import sign_in
    from ui.main_window import MainWindow

    style.apply(qapp, ctx.settings.ui.font_size_pt)
    i18n.install(language)
    if username is None:
        info, session = sign_in(ctx)
    else:
        info = hall.ensure_demo_hall(ctx.db)
        hall.ensure_demo_queue(ctx.db, info.id)
        session = staff.login(ctx.db, username, hall.DEMO_PASSWORD, ctx.settings.security)
    window = MainWindow(ctx, info, session)
    qapp.installEventFilter(window.idle)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    wait_until(qtbot, lambda: QApplication.activeWindow() is window, what="the window to be active")
    try:
        yield window
    finally:
        qapp.removeEventFilter(window.idle)
        window._close_confirmed = True  # the test is over: no question about an unsaved intake
        window.close()
        window.deleteLater()
