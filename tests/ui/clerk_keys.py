"""Keys as a clerk types them: each one goes to whatever has the keyboard focus right now
(`QApplication.focusWidget()`), never to a widget the test picked."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytestqt.exceptions
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

NO_MOD = Qt.KeyboardModifier.NoModifier


def window_manager_running() -> bool:
    """A window manager activates a dialog's parent again when the dialog closes; offscreen and a
    bare Xvfb have none, so there only the program itself can give the keys back."""
    if os.environ.get("QT_QPA_PLATFORM") != "xcb":
        return False
    xprop = shutil.which("xprop")
    if xprop is None:
        return bool(os.environ.get("HALLAPP_TEST_WM"))
    out = subprocess.run([xprop, "-root", "_NET_SUPPORTING_WM_CHECK"], capture_output=True, text=True, check=False)
    return "window id" in out.stdout


def focused() -> QWidget:
    """Where the next key goes, chosen as Qt chooses for a real key (QWidgetWindow::handleKeyEvent):
    a keyboard grabber, else an open popup menu, else the focus widget. None is a bug a clerk meets."""
    widget = QWidget.keyboardGrabber()
    popup = QApplication.activePopupWidget()
    if widget is None and popup is not None:
        widget = popup.focusWidget() or popup
    widget = widget or QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus: the clerk's keys go nowhere"
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MOD) -> QWidget:
    """One key to the focused widget, like a real keyboard; returns the widget that got it."""
    widget = focused()
    QTest.keyClick(widget, key, modifier)
    return widget


def tab_to(widget: QWidget, back: bool = False, limit: int = 12) -> None:
    """Tab (or Shift+Tab) as a clerk does until `widget` has the focus; it must be reachable so."""
    modifier = Qt.KeyboardModifier.ShiftModifier if back else NO_MOD
    for _ in range(limit):
        if focused() is widget:
            return
        press(Qt.Key.Key_Backtab if back else Qt.Key.Key_Tab, modifier)
    assert focused() is widget, f"{limit} × {'Shift+' if back else ''}Tab never reached {widget.objectName()!r}"


def type_text(text: str) -> None:
    """ASCII as key presses; Chinese as the input method hands it over (a commit string)."""
    for char in text:
        if char.isascii():
            QTest.keyClicks(focused(), char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(focused(), event)


def activate(qtbot, window: QWidget) -> None:
    """A window just opened gets the keyboard, as the window manager gives it: no widget is picked."""
    window.activateWindow()
    wait_until(qtbot, lambda: QApplication.activeWindow() is window, what="the window to be active")


def wait_until(qtbot, condition: Callable[[], bool], timeout: int = 10_000, what: str = "") -> None:
    try:
        qtbot.waitUntil(condition, timeout=timeout)
    except (AssertionError, TimeoutError, pytestqt.exceptions.TimeoutError) as exc:  # name where the clerk was stuck at
        where = QApplication.focusWidget()
        name = f"{type(where).__name__}({where.objectName()!r})" if where else "None"
        raise AssertionError(f"stuck waiting for {what or condition}; focus on {name}") from exc


def call_and_choose_item(qtbot, page: QWidget, search: str = "sbk") -> None:
    """F1 calls a ticket, F3 reads the card, Enter, the item searched and chosen, the place kept:
    the counter at the materials step, by keys only."""
    from ui.intake.flow import APPLICANT, ITEM, MATERIALS, PLACE

    press(Qt.Key.Key_F1)
    wait_until(qtbot, lambda: page.queue.current is not None, what="F1 to call a ticket")
    press(Qt.Key.Key_F3)
    wait_until(qtbot, lambda: page.applicant.identity is not None, what="F3 to read the card")
    assert page.flow.step() == APPLICANT
    press(Qt.Key.Key_Return)
    assert page.flow.step() == ITEM, f"Enter on the applicant did nothing (focus on {type(focused()).__name__})"
    type_text(search)
    wait_until(qtbot, lambda: page.flow.results.count() > 0, what=f"search hits for {search}")
    press(Qt.Key.Key_Return)
    wait_until(qtbot, lambda: page.flow.step() == PLACE, what="Enter to choose the item")
    press(Qt.Key.Key_Return)
    assert page.flow.step() == MATERIALS


def drill_dialog(qtbot) -> QWidget:
    """The drill-down a key just opened, once the keys are in its list."""
    from ui.pages.supervisor_drill import DrillDialog

    wait_until(qtbot, lambda: isinstance(QApplication.activeModalWidget(), DrillDialog), what="the drill-down")
    dialog = QApplication.activeModalWidget()
    wait_until(qtbot, lambda: QApplication.focusWidget() is dialog.table, what="the keys in the drill-down's list")
    return dialog


@contextmanager
def window_as_started(ctx, qtbot, qapp, language: str = "zh_CN", username: str | None = None,
                      demo_queue: bool = True) -> Iterator[QWidget]:
    """The main window as `make run` opens it (style, language, demo sign-in or `username`), at a
    counter PC's 1366×768, active, nothing focused by the test; closed without questions after.
    `demo_queue=False` (with a username) leaves the queue as the test made it."""
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
        if demo_queue:
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


@contextmanager
def counter_as_started(ctx, qtbot, qapp, username: str = "clerk1", language: str = "en") -> Iterator[tuple[QWidget, QWidget]]:
    """(window, counter page) as a clerk finds them once the card reader and the queue bar are up;
    the queue holds only the tickets the test issues."""
    from hallapp.domain.staff import Page

    with window_as_started(ctx, qtbot, qapp, language=language, username=username, demo_queue=False) as window:
        wait_until(qtbot, lambda: window.card_reader.handle is not None, what="the card reader")
        page = window.pages[Page.COUNTER]
        wait_until(qtbot, lambda: bool(page.queue.categories), what="the queue bar's first load")
        yield window, page
