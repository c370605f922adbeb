"""The Qt side of hallapp.services.counter_session: a widget observes the visit for as long as it lives."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from hallapp.services.counter_session import CounterSession, Listener


def observe(widget: QWidget, session: CounterSession, listener: Listener) -> None:
    """Call `listener` on each change of `session` until `widget` is destroyed (a session may
    outlive its widgets, e.g. in tests; a call into a deleted widget would raise)."""
    stop = session.subscribe(listener)
    widget.destroyed.connect(lambda *_: stop())
