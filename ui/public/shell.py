"""The full-screen shell every public screen is built on.

A public screen is read from a distance or touched by strangers: its type scales with the window
(`apply_sizes`, called on every resize), its look comes from resources/styles/public.qss (scoped
by the window's object name), and its pages sit in one stack it switches between.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QLabel, QLayout, QStackedWidget, QVBoxLayout, QWidget

from hallapp.resources import resource_path


@cache
def public_stylesheet() -> str:
    return resource_path("styles", "public.qss").read_text(encoding="utf-8")


def set_px(widget: QWidget, pixels: int, bold: bool = False) -> None:
    """Type in pixels (a screen's size, not the PC's font setting, decides how big it reads)."""
    font = QFont(widget.font())
    font.setPixelSize(max(8, pixels))
    font.setBold(bold)
    widget.setFont(font)


def text_label(text: str = "", name: str = "", align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter,
          wrap: bool = True) -> QLabel:
    widget = QLabel(text, objectName=name)
    widget.setAlignment(align)
    widget.setWordWrap(wrap)
    return widget


def restyle(widget: QWidget, children: bool = False) -> None:
    """Apply the stylesheet again after a property or object name it selects on has changed."""
    for each in (widget, *(widget.findChildren(QWidget) if children else ())):
        each.style().unpolish(each)
        each.style().polish(each)


class PublicScreen(QWidget):
    """A full-screen public window; subclasses build their pages and size them in `apply_sizes`."""

    def __init__(self, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName=name)
        self.setWindowTitle(title)
        self.setStyleSheet(public_stylesheet())
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}

    def outer_layout(self) -> QVBoxLayout:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # A full-screen window takes the screen it is given: the layout does not grow it past the screen
        # (wrapped text would ask for height computed at an unrealistically narrow width).
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        outer.setSpacing(0)
        return outer

    def add_pages(self, builders: Iterable[tuple[str, Callable[[], QWidget]]]) -> QStackedWidget:
        for name, build in builders:
            self.pages[name] = build()
            self.stack.addWidget(self.pages[name])
        return self.stack

    def page(self) -> str:
        return next(name for name, widget in self.pages.items() if widget is self.stack.currentWidget())

    def set_page(self, name: str) -> None:
        self.stack.setCurrentWidget(self.pages[name])

    def timer(self, slot: Callable[[], None], ms: int | None = None, *, single: bool = False) -> QTimer:
        """A timer owned by the window: stopped and gone with it."""
        timer = QTimer(self, singleShot=single)
        if ms is not None:
            timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    def apply_sizes(self) -> None:
        """Scale type and touch targets to the window's size (every resize)."""

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.apply_sizes()
