"""`--windowed` public screens on an old 1366×768 monitor: the window fits the free screen area
with its frame, and every page of the kiosk, the hall display and the evaluation screen shows all
of itself in it (nothing outside the window, outside its parent, or under another button)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QAbstractButton, QWidget

from hallapp.services.hall import hall_info
from ui.display.window import DisplayWindow
from ui.evaluate.window import EvaluationWindow
from ui.kiosk.window import KioskWindow
from ui.public import fit_to_screen
from ui.voice import SilentSpeaker

FRAME = QSize(16, 48)  # a title bar and borders
SCREENS = {"1366x768 with a taskbar": QRect(0, 0, 1366, 728), "1366x768": QRect(0, 0, 1366, 768),
           "1280x800": QRect(0, 0, 1280, 800), "1024x600": QRect(0, 0, 1024, 600)}


def _open(kind: str, ctx):
    info = hall_info(ctx.db)
    if kind == "kiosk":
        return KioskWindow(ctx, info)
    if kind == "display":
        return DisplayWindow(ctx, info, SilentSpeaker(), poll_ms=3_600_000)
    return EvaluationWindow(ctx, info, 1, 30, poll_ms=3_600_000)


def _pages(window) -> list[str]:
    return list(getattr(window, "pages", {"display": None}))


def _problems(window: QWidget) -> list[str]:
    found = []
    shown = [w for w in window.findChildren(QWidget) if w.isVisible() and w.width() > 0 and w.height() > 0]
    for widget in shown:
        name = widget.objectName() or type(widget).__name__
        text = getattr(widget, "text", lambda: "")()
        rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        if not window.rect().contains(rect):
            found.append(f"{name} {text!r} {rect} outside the window {window.rect()}")
        parent = widget.parentWidget()
        if parent is not None and parent is not window and not parent.rect().contains(widget.geometry()):
            found.append(f"{name} {text!r} {widget.geometry()} outside its parent {parent.rect()}")
    buttons = [(w, QRect(w.mapTo(window, QPoint(0, 0)), w.size())) for w in shown if isinstance(w, QAbstractButton)]
    for index, (a, ra) in enumerate(buttons):
        for b, rb in buttons[index + 1:]:
            if ra.intersects(rb) and not (a.isAncestorOf(b) or b.isAncestorOf(a)):
                found.append(f"{a.text()!r} overlaps {b.text()!r}")
    return found


@pytest.mark.parametrize("kind", ["kiosk", "display", "evaluate"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_a_windowed_public_screen_shows_all_of_itself(ctx, qtbot, kind: str, screen: str) -> None:
    free = SCREENS[screen]
    window = _open(kind, ctx)
    qtbot.addWidget(window)
    fit_to_screen(window, FRAME, free)
    window.show()
    qtbot.waitExposed(window)
    if kind == "kiosk":
        qtbot.waitUntil(lambda: "D" in window.category_buttons)
    assert window.width() + FRAME.width() <= free.width() and window.height() + FRAME.height() <= free.height()
    assert free.contains(QRect(window.pos(), window.size() + FRAME))

    problems = {}
    for page in _pages(window):
        if page != "display":
            window._show(page)
        qtbot.wait(30)  # layouts and the font fitting settle
        if kind == "kiosk" and page == "checkin":
            for pad_page in (0, 1):  # digits and letters
                window.pad.setCurrentIndex(pad_page)
                qtbot.wait(30)
                problems[f"{page}/{pad_page}"] = _problems(window)
        else:
            problems[page] = _problems(window)
    assert {page: found for page, found in problems.items() if found} == {}
    window.close()
