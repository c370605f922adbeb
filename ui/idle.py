"""Watches keyboard and mouse input application-wide and says when the user has been idle."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

# The filter sees every event of the application: one set lookup, and nothing more for the rest.
# A mouse move (the most frequent input event) is not a clerk at work: a press, a key or the wheel is.
_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
})


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None, clock=time.monotonic) -> None:
        super().__init__(parent)
        self.limit_s = minutes * 60
        self.clock = clock
        self.last_input = clock()
        self.paused = False
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.check)
        if self.limit_s > 0:
            self.timer.start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in _INPUT_EVENTS:
            self.last_input = self.clock()
        return False

    def check(self) -> None:
        if not self.paused and self.limit_s > 0 and self.clock() - self.last_input >= self.limit_s:
            self.paused = True
            self.idle.emit()

    def resume(self) -> None:
        self.last_input = self.clock()
        self.paused = False
