"""Runs the sync engine beside the window: its own thread (no Qt inside), events brought to the
GUI thread through the event bridge. In demo mode the platform simulator runs on loopback first,
so accepted cases really travel and come back through the states."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from hallapp.bootstrap import AppContext
from hallapp.storage import backup
from ui.events import EventBridge
from ui.tasks import Task

log = logging.getLogger(__name__)


class SyncRunner(QObject):
    link_changed = Signal(str, str)  # state: up | down | blocked | off, and a message
    entry_changed = Signal(dict)

    def __init__(self, app: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.events = EventBridge(self)
        self.engine = None
        self.simulator = None
        self.state = "off"

    def start(self) -> None:
        """Off the GUI thread: the simulator, key registration and the engine all touch disk/network."""
        Task(self, lambda: backup.daily(self.app)).run()  # today's backup of a SQLite hall, if nobody made it yet
        if not self.app.settings.platform.url and not self.app.demo:
            self._set("off", "")
            return
        self._set("connecting", "")
        Task(self, self._boot).on_success(lambda _r: None).on_failure(
            lambda exc: self._set("blocked", str(exc) or type(exc).__name__)).run()

    def _boot(self) -> None:
        from hallapp.sync import commands, engine

        if self.app.demo and not self.app.settings.platform.url:
            from hallapp.sync.simulator import serve

            self.simulator = serve(0, auto_progress=True)
            self.app.settings.platform.url = self.simulator.url  # in memory only: the demo's own platform
            commands.platform_register(self.app, _NoArgs())
        self.engine = engine.SyncEngine(self.app, on_event=lambda event: self.events.post(lambda: self._event(event)))
        self.engine.start()

    def _event(self, event: dict) -> None:
        kind = event.get("type")
        if kind == "link":
            self._set("up" if event.get("up") else "down", "")
        elif kind == "blocked":
            self._set("blocked", str(event.get("error", "")))
        elif kind == "entry":
            self.entry_changed.emit(event)

    def _set(self, state: str, message: str) -> None:
        self.state = state
        self.link_changed.emit(state, message)

    def stop(self) -> None:
        if self.engine is not None:
            self.engine.stop(timeout=5)
            self.engine = None
        if self.simulator is not None:
            self.simulator.close()
            self.simulator = None


class _NoArgs:
    """`platform register` needs no options from the window."""

    def __getattr__(self, _name: str) -> None:
        return None
