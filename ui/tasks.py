"""The one way a widget runs slow work off the GUI thread (after Anki's QueryOp).

    Task(self, lambda: catalog.search(db, text)).on_success(self.show_hits).run()

`fn` runs on a QThreadPool worker and must not touch widgets. `on_success(result)` and
`on_failure(exc)` run on the GUI thread, and only while `parent` still exists: a page that was
closed never receives a late result.

A task that changes the hall's data says so, and that one word does both jobs of a mutation:

    Task(self, lambda: queue.call_next(db, ref)).changes(Area.QUEUE).on_success(self.show).run()

it runs on the one database-writer thread (two writes from the GUI never race each other), and
when it succeeds every page hears `operation_did_execute(changes, origin=self)` (ui/changes.py).
A result that is or carries a hallapp.domain.changes.Changes adds to the declared areas. There is
no other way to mark a mutation, so none can forget to say what it changed (`.changes()` with no
area: serialised, nobody told — a heartbeat).
Everything else (reads, devices, images, the network) uses the shared pool: writes are not the
default because a card read or a scan waits for seconds and would hold every write behind it.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from hallapp.domain.changes import NOTHING, Area, Changes, carried
from ui import changes as change_event

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
    """Carries results from worker threads to the GUI thread (queued signals). One for the whole
    process, made on the GUI thread and never deleted: a relay per task, deleted once its result
    arrived, could be freed while the worker was still inside `emit()` on a loaded machine (a
    segfault with no Python frame, seen in the one-process suite)."""

    succeeded = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self) -> None:
        super().__init__()
        self.succeeded.connect(self._succeeded, type=_queued())
        self.failed.connect(self._failed, type=_queued())

    @Slot(int, object)
    def _succeeded(self, token: int, result: object) -> None:
        task = _pending.pop(token, None)
        if task is not None:
            task._done(result)

    @Slot(int, object)
    def _failed(self, token: int, exc: BaseException) -> None:
        task = _pending.pop(token, None)
        if task is not None:
            task._fail(exc)


_relay: _Relay | None = None
_pending: dict[int, Task[Any]] = {}  # keeps each running task (and its callbacks) alive until its result arrives
_tokens = itertools.count(1)


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
    return _relay


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], Any], token: int, relay: _Relay) -> None:
        super().__init__()
        self.fn: Callable[[], Any] | None = fn
        self.token = token
        self.relay = relay

    def run(self) -> None:
        fn, self.fn = self.fn, None  # nothing of ours dies with the runnable
        assert fn is not None
        try:
            result = fn()
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI
            self.relay.failed.emit(self.token, exc)
        else:
            self.relay.succeeded.emit(self.token, result)


class Task(Generic[T]):
    def __init__(self, parent: QWidget | QObject, fn: Callable[[], T]) -> None:
        self.parent = parent
        self.fn = fn
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self._progress_label: str | None = None
        self._writes = False
        self._changes: Changes | None = None  # the areas a mutation names; None: it names none
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

    def changes(self, *areas: Area) -> Task[T]:
        """A mutation: serialised with every other write from the GUI, and announced to every page
        once it succeeded (these areas, and whatever its result carries)."""
        self._writes = True
        self._changes = Changes.of(*areas)
        return self

    def _announced(self, result: object) -> Changes:
        if not self._writes or self._changes is None:
            return NOTHING  # a read changed nothing
        return carried(result) | self._changes

    def run(self) -> None:
        relay = _the_relay()  # first use is on the GUI thread, as every Task.run is
        if self._progress_label and isinstance(self.parent, QWidget):
            cancel = getattr(self, "_cancel", None)
            button = QCoreApplication.translate("Task", "Cancel") if cancel is not None else None
            self._dialog = QProgressDialog(self._progress_label, button, 0, 0, self.parent)
            self._dialog.setMinimumDuration(400)
            self._dialog.setWindowTitle(self._progress_label)
            if cancel is not None:
                self._dialog.canceled.connect(cancel.set)
        token = next(_tokens)
        _pending[token] = self
        pool = write_pool() if self._writes else QThreadPool.globalInstance()
        pool.start(_Runnable(self.fn, token, relay))

    def _finish(self) -> bool:
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.deleteLater()
        return _alive(self.parent)

    def _done(self, result: T) -> None:
        alive = self._finish()
        if alive and self._success:
            self._success(result)
        # Announced even when the page that started it has closed: the data changed all the same.
        change_event.announce(self._announced(result), self.parent if alive else None)

    def _fail(self, exc: BaseException) -> None:
        if not self._finish():
            return
        if self._failure:
            self._failure(exc)
        else:
            log.error("background task failed: %s", type(exc).__name__, exc_info=exc)


def _queued():
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
