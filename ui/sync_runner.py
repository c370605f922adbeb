"""Runs the sync engine beside the window: its own thread (no Qt inside), events brought to the
GUI thread through the event bridge. In demo mode the platform simulator runs on loopback first,
so accepted cases really travel and come back through the states."""

from __future__ import annotations

import logging
import os
import threading

from PySide6.QtCore import QObject, QTimer, Signal

from hallapp.bootstrap import AppContext
from hallapp.domain.changes import Area, Changes
from hallapp.storage import backup
from ui import changes
from ui.errors import describe, describe_stored
from ui.events import EventBridge
from ui.tasks import Task

log = logging.getLogger(__name__)

SYNC_NICE = 10  # the sync's threads below the GUI thread (Linux: per thread, inherited by the threads they start)


class SyncRunner(QObject):
    link_changed = Signal(str, str)  # state: up | down | blocked | off, and a message

    def __init__(self, app: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.events = EventBridge(self)
        self.engine = None
        self.simulator = None
        # What the status bar shows until start() runs (after the counter is ready at a start).
        self.state = "connecting" if app.settings.platform.url or app.demo else "off"
        self.moved = False  # entries moved since the last announcement (set on the engine's thread)
        self._moved_lock = threading.Lock()
        self.message: str | None = None  # with `state`: what the status bar was last told

    def start(self) -> None:
        """Off the GUI thread: the simulator, key registration and the engine all touch disk/network."""
        Task(self, lambda: backup.daily(self.app)).run()  # today's backup of a SQLite hall, if nobody made it yet
        if not self.app.settings.platform.url and not self.app.demo:
            self._set("off", "")
            return
        self._set("connecting", "")
        Task(self, self._boot).on_success(lambda _r: None).on_failure(
            lambda exc: self._set("blocked", describe(exc))).run()

    def _boot(self) -> None:
        """On a counter PC's 2 cores the lanes' C work (SQLite, SM2/SM3, sockets) runs beside the GIL
        and took the CPU the GUI thread needed for 50-150 ms at a time: the engine (and the demo's
        platform) start from a thread of lower priority, so every thread they start inherits it."""
        failed: list[BaseException] = []
        starter = threading.Thread(target=self._boot_lowered, args=(failed,), name="hallapp-sync-start")
        starter.start()
        starter.join()
        if failed:
            raise failed[0]

    def _boot_lowered(self, failed: list[BaseException]) -> None:
        _lower_priority()
        try:
            self._start_engine()
        except BaseException as exc:  # noqa: BLE001 - handed to the task's on_failure
            failed.append(exc)

    def _start_engine(self) -> None:
        from hallapp.sending import engine
        from hallapp.sync import registration

        if self.app.demo and not self.app.settings.platform.url:
            from hallapp.simulator.server import serve

            self.simulator = serve(0, auto_progress=True)
            self.app.settings.platform.url = self.simulator.url  # in memory only: the demo's own platform
            registration.register(self.app)
        self.engine = engine.SyncEngine(self.app, on_event=self._from_engine)
        self.engine.start()

    def _from_engine(self, event: dict) -> None:
        """On the engine's thread. A drain makes several entry events a case; each one posted would
        wake the GUI thread and wait there for the GIL the lanes hold, so a burst of them is
        one post, and one announcement a quarter second later. Progress is shown by nobody."""
        kind = event.get("type")
        if kind == "entry":
            with self._moved_lock:
                if self.moved:
                    return
                self.moved = True
            self.events.post(lambda: QTimer.singleShot(250, self, self._announce))
        elif kind in ("link", "blocked"):
            self.events.post(lambda: self._event(event))

    def _event(self, event: dict) -> None:
        if event.get("type") == "link":
            self._set("up" if event.get("up") else "down", "")
        else:
            self._set("blocked", describe_stored(str(event.get("error", ""))))

    def _announce(self) -> None:
        with self._moved_lock:
            self.moved = False
        changes.announce(Changes.of(Area.OUTBOX, Area.CASES), changes.SYNC)  # a confirmation can move the case

    def _set(self, state: str, message: str) -> None:
        if (state, message) == (self.state, self.message):
            return  # every run of the engine says "link up" again: nothing new to show
        self.state, self.message = state, message
        self.link_changed.emit(state, message)

    def stop(self) -> None:
        if self.engine is not None:
            self.engine.stop(timeout=5)
            self.engine = None
        if self.simulator is not None:
            self.simulator.close()
            self.simulator = None


def _lower_priority() -> None:
    """This thread's nice value at least SYNC_NICE where the OS keeps one per thread (Linux);
    elsewhere nothing (Windows' thread priorities are not reachable from the standard library)."""
    try:
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, max(os.getpriority(os.PRIO_PROCESS, tid), SYNC_NICE))
    except (AttributeError, OSError) as exc:
        log.debug("sync priority unchanged: %s", exc)
