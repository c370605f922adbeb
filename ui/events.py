"""Brings events from non-Qt threads (device pollers, the sync scheduler) onto the GUI thread.

Those threads are plain Python threads and stay free of Qt, like the drivers they run: they
`post()` a callable, which travels as a queued signal: Qt hands it to the GUI thread's event loop
at once (no polling), and drops it if the bridge is gone by then.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)


class EventBridge(QObject):
    _posted = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Queued even when posted from the GUI thread itself: a handler never runs inside post().
        self._posted.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def post(self, fn: Callable[[], None]) -> None:
        """Run `fn` on the GUI thread soon. Safe from any thread."""
        try:
            self._posted.emit(fn)
        except RuntimeError:  # the bridge was deleted with its window: nobody is left to tell
            pass

    @Slot(object)
    def _run(self, fn: Callable[[], None]) -> None:
        try:
            fn()
        except Exception:  # one bad event must not stop the others
            log.exception("event handler failed")
