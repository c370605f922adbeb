"""One app-wide change event (after Anki's `operation_did_execute`).

Every mutation started from the window ends with `operation_did_execute(changes, origin)` on the
window's `ChangeHub`: `changes` is a hallapp.domain.changes.Changes, `origin` the widget that
started it (or "poll" / "sync" for changes found elsewhere). Each page follows the signal and
refreshes only when the change touches what it shows:

    changes.follow(self._changed)          # in the page's __init__; a bound method, gone with the page

    def _changed(self, changes: Changes, origin: object) -> None:
        if changes.touches(Area.QUEUE):
            self.refresh()
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from hallapp.domain.changes import Changes

POLL = "poll"  # origin of changes found by the change-mark poll (other PCs, other processes)
SYNC = "sync"  # origin of the sync engine's own changes in this process

_hubs: list[ChangeHub] = []


class ChangeHub(QObject):
    operation_did_execute = Signal(object, object)  # Changes, origin

    def announce(self, changes: Changes, origin: object = None) -> None:
        if changes:
            self.operation_did_execute.emit(changes, origin)


def install(hub: ChangeHub) -> None:
    """The composition root's hub; pages built after this follow it."""
    _hubs.append(hub)


def _live() -> list[ChangeHub]:
    from shiboken6 import isValid

    _hubs[:] = [hub for hub in _hubs if isValid(hub)]
    return _hubs


def current() -> ChangeHub | None:
    hubs = _live()
    return hubs[-1] if hubs else None


def announce(changes: Changes, origin: object = None) -> None:
    """Tell every window of this process (they share the database). Without a window: nobody."""
    for hub in list(_live()):
        hub.announce(changes, origin)


def follow(slot: Callable[[Changes, object], None]) -> None:
    """Connect a page's bound method to the current hub (no hub, e.g. a page alone in a test: no-op)."""
    hub = current()
    if hub is not None:
        hub.operation_did_execute.connect(slot)
