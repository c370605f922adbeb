"""The one light poll for changes made elsewhere: another counter on the shared database, the sync
daemon on another PC. Every POLL_MS it reads the dashboard's change mark (a few aggregate queries)
and announces the areas that moved on the same signal as the window's own operations; it also
announces Area.CLOCK when the hall's minute turns, so "waited N min" labels move on without a
timer of their own."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QObject, QTimer

from hallapp.domain.changes import NOTHING, Area, Changes, Mark, between, dashboard_mark
from hallapp.domain.clock import hall_clock
from hallapp.services import dashboard
from hallapp.storage import Database
from ui.changes import POLL, ChangeHub
from ui.tasks import Task

log = logging.getLogger(__name__)

POLL_MS = 3000


class ChangeWatcher(QObject):
    def __init__(self, db: Database, hall_id: int, hub: ChangeHub, parent: QObject | None = None,
                 poll_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.db, self.hall_id, self.hub = db, hall_id, hub
        self.mark: Mark | None = None
        self.reachable = True
        self.minute: datetime | None = None
        self.reading = False
        self.timer = QTimer(self, interval=poll_ms)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        self.timer.start()
        self.poll()  # the first mark is the baseline: the pages have just read for themselves

    def stop(self) -> None:
        self.timer.stop()

    def poll(self) -> None:
        if self.reading:  # a slow database: never pile reads up
            return
        self.reading = True
        db, hall_id = self.db, self.hall_id
        Task(self, lambda: dashboard_mark(dashboard.change_mark(db, hall_id))).on_success(self._read) \
            .on_failure(self._failed).run()

    def _read(self, mark: Mark) -> None:
        self.reading = False
        changes = between(self.mark, mark) if self.mark is not None else NOTHING
        self.mark = mark
        if not self.reachable:  # back after an outage: whatever happened meanwhile, read it all
            self.reachable = True
            changes = Changes.everything()
        minute = hall_clock().now().replace(second=0, microsecond=0)
        if self.minute is not None and minute != self.minute:
            changes |= Changes.of(Area.CLOCK)
        self.minute = minute
        self.hub.announce(changes, POLL)

    def _failed(self, exc: BaseException) -> None:
        self.reading = False
        if self.reachable:  # once per outage: each page reads and says in its own words what it cannot show
            self.reachable = False
            log.warning("change mark unreadable: %s", type(exc).__name__)
            self.hub.announce(Changes.everything(), POLL)
