"""The one way a widget runs slow work off the GUI thread (after Anki's QueryOp).

    Task(self, lambda: catalog.search(db, text)).on_success(self.show_hits).run()

`fn` runs on a QThreadPool worker and must not touch widgets. `on_success(result)` and
`on_failure(exc)` run on the GUI thread, and only while `parent` still exists: a page that was
closed never receives a late result. Database writes go through one single-thread pool, so two
writes from the GUI never race each other; everything else uses the shared pool.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from functools import partial
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)
T = TypeVar("T")

_write_pool: QThreadPool | None = None
_live: set[Task[Any]] = set()  # keeps running tasks alive until they report back


def write_pool() -> QThreadPool:
    global _write_pool
    if _write_pool is None:
        _write_pool = QThreadPool()
        _write_pool.setMaxThreadCount(1)
    return _write_pool


class _Relay(QObject):
    """Carries the result from the worker thread to the GUI thread (queued signals)."""

    succeeded = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        relay, self.relay, fn, self.fn = self.relay, None, self.fn, None  # nothing of ours dies with the runnable
        try:
            result = fn()
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI
            relay.failed.emit(exc)
        else:
            relay.succeeded.emit(result)


class Task(Generic[T]):
    def __init__(self, parent: QWidget | QObject, fn: Callable[[], T]) -> None:
        self.parent = parent
        self.fn = fn
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self._progress_label: str | None = None
        self._writes = False
        self._dialog: QProgressDialog | None = None

    def on_success(self, callback: Callable[[T], None]) -> Task[T]:
        self._success = callback
        return self

    def on_failure(self, callback: Callable[[BaseException], None]) -> Task[T]:
        self._failure = callback
        return self

    def with_progress(self, label: str, cancel: threading.Event | None = None) -> Task[T]:
        """Show a busy dialog if the work takes longer than a moment. With `cancel`, the dialog
        has a Cancel button that sets the event; `fn` must watch it and stop."""
        self._progress_label = label
        self._cancel = cancel
        return self

    def writes(self) -> Task[T]:
        """Serialise with every other database write started from the GUI."""
        self._writes = True
        return self

    def run(self) -> None:
        relay = _Relay()
        relay.succeeded.connect(self._done, type=_queued())
        relay.failed.connect(self._fail, type=_queued())
        self._relay = relay
        if self._progress_label and isinstance(self.parent, QWidget):
            cancel = getattr(self, "_cancel", None)
            button = QCoreApplication.translate("Task", "Cancel") if cancel is not None else None
            self._dialog = QProgressDialog(self._progress_label, button, 0, 0, self.parent)
            self._dialog.setMinimumDuration(400)
            self._dialog.setWindowTitle(self._progress_label)
            if cancel is not None:
                self._dialog.canceled.connect(cancel.set)
        _live.add(self)
        pool = write_pool() if self._writes else QThreadPool.globalInstance()
        pool.start(_Runnable(self.fn, relay))

    def _finish(self) -> bool:
        # We are inside a slot of our own relay: let go of it on the next turn of the event loop
        # rather than deleting the sender while it is still emitting.
        QTimer.singleShot(0, partial(_live.discard, self))
        # The relay lives on the GUI thread and must die there: left to reference counting, the
        # worker's runnable could drop the last reference and delete it on the worker thread
        # (a segfault with no Python frame).
        self._relay.deleteLater()
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.deleteLater()
        return _alive(self.parent)

    @Slot(object)
    def _done(self, result: T) -> None:
        if self._finish() and self._success:
            self._success(result)

    @Slot(object)
    def _fail(self, exc: BaseException) -> None:
        if not self._finish():
            return
        if self._failure:
            self._failure(exc)
        else:
            log.error("background task failed: %s", type(exc).__name__, exc_info=exc)


def _queued():  # noqa: ANN202
    from PySide6.QtCore import Qt

    return Qt.ConnectionType.QueuedConnection


def _alive(obj: QObject) -> bool:
    try:
        from shiboken6 import isValid
    except ImportError:  # pragma: no cover
        return True
    return isValid(obj)


def wait_for_all(timeout_ms: int = 5000) -> bool:
    """Tests and shutdown: wait until both pools are idle."""
    ok = QThreadPool.globalInstance().waitForDone(timeout_ms)
    return write_pool().waitForDone(timeout_ms) and ok
