"""Brings events from non-Qt threads (device pollers, the sync scheduler) onto the GUI thread.

Those threads are plain Python threads and stay free of Qt, like the drivers they run: they
`post()` a callable into a thread-safe queue, and a timer on the GUI thread runs it.
"""

from __future__ import annotations

import logging
import queue
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

DRAIN_INTERVAL_MS = 30


class EventBridge(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._timer = QTimer(self)
        self._timer.setInterval(DRAIN_INTERVAL_MS)
        self._timer.timeout.connect(self.drain)
        self._timer.start()

    def post(self, fn: Callable[[], None]) -> None:
        """Run `fn` on the GUI thread soon. Safe from any thread."""
        self._queue.put(fn)

    def drain(self) -> None:
        while True:
            try:
                fn = self._queue.get_nowait()
            except queue.Empty:
                return
            try:
                fn()
            except Exception:  # noqa: BLE001 - one bad event must not stop the others
                log.exception("event handler failed")
