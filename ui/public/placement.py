"""Where a public screen goes: full screen, or (`--windowed`) a window that fits the screen's free area."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

WINDOWED_SIZE = QSize(1280, 800)  # the preferred `--windowed` size, where the screen has room for it
FRAME_ALLOWANCE = QSize(16, 48)  # a title bar and borders, until the window manager says


def show_public_screen(window: QWidget, *, windowed: bool) -> None:
    """Full screen, or (`--windowed`) a window that fits the screen's free area, frame included."""
    if not windowed:
        window.showFullScreen()
        return
    fit_to_screen(window, FRAME_ALLOWANCE)
    window.show()
    # Once shown, the real frame is known: fit again with it (a window manager may take a moment).
    QTimer.singleShot(250, window, lambda: fit_to_screen(window, _frame_of(window)))


def fit_to_screen(window: QWidget, frame: QSize, free: QRect | None = None) -> None:
    """Size and place `window` (plus its `frame`) inside `free`: by default the screen's available area."""
    if free is None:
        screen = window.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            window.resize(WINDOWED_SIZE)
            return
        free = screen.availableGeometry()
    room = QSize(max(320, free.width() - frame.width()), max(240, free.height() - frame.height()))
    size = WINDOWED_SIZE.boundedTo(room)
    window.resize(size)
    left = free.left() + (free.width() - size.width() - frame.width()) // 2
    top = free.top() + (free.height() - size.height() - frame.height()) // 2
    window.move(max(free.left(), left), max(free.top(), top))


def _frame_of(window: QWidget) -> QSize:
    return window.frameGeometry().size() - window.geometry().size()
