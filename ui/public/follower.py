"""A public screen's view of the shared queue: the core `EventFollower`, polled off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QTimer

from hallapp.domain.clock import hall_clock
from hallapp.services.queue import EventFollower
from ui.tasks import Task

Opened = TypeVar("Opened")
Looked = TypeVar("Looked")


class QueueFollower(QObject, Generic[Opened, Looked]):
    """Follows the queue every `poll_ms` for one screen, which needs no counter program running.

    `opening()` runs in a worker, starts the core follower (so nothing after it is missed) and returns
    it with what the screen shows first; `looking(follower)` runs in a worker on each tick. Never two
    looks at once: the core follower is used by one thread at a time. After a failure the next tick
    tries again (opening again if it never opened); with `daily`, the first tick of a new hall day opens
    afresh. `opened`, `polled` and `failed` run on the GUI thread.
    """

    def __init__(self, parent: QObject, opening: Callable[[], tuple[EventFollower, Opened]],
                 looking: Callable[[EventFollower], Looked], *, opened: Callable[[Opened], None],
                 polled: Callable[[Looked], None], failed: Callable[[BaseException], None],
                 poll_ms: int = 1000, daily: bool = False) -> None:
        super().__init__(parent)
        self._opening, self._looking = opening, looking
        self._opened_cb, self._polled_cb, self._failed_cb = opened, polled, failed
        self.daily = daily
        self._core: EventFollower | None = None
        self._busy = False
        self._day = hall_clock().today()
        self.polls = 0  # finished looks at the database (tests and diagnostics)
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.poll)

    @property
    def following(self) -> bool:
        """The first look is done: events from now on reach the screen."""
        return self._core is not None

    def start(self) -> None:
        self.poll()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def poll(self) -> None:
        """One look at the shared database; never two at once."""
        if self._busy:
            return
        self._busy = True
        core = self._core
        if core is None or (self.daily and hall_clock().today() != self._day):
            Task(self, self._opening).on_success(self._opened).on_failure(self._failed).run()
            return
        Task(self, lambda: self._looking(core)).on_success(self._polled).on_failure(self._failed).run()

    def _opened(self, result: tuple[EventFollower, Opened]) -> None:
        self._busy = False
        self._core, shown = result
        self._day = hall_clock().today()
        self._opened_cb(shown)

    def _polled(self, result: Looked) -> None:
        self._busy = False
        self.polls += 1
        self._polled_cb(result)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._failed_cb(exc)
