"""Python's cycle collector runs in whichever thread happens to allocate when a threshold is
crossed. A Qt object it frees there (a widget left in a reference cycle) is destroyed off the GUI
thread, and PySide's destructor then waits for the interpreter lock while holding one of Qt's
signal mutexes, which the GUI thread (holding the lock, in a Python override such as a chart's
resizeEvent) wants next: both wait for ever (seen in CI: a Task's database read collected a
window's garbage while the supervisor page was being laid out).

So a program with windows turns automatic collection off and the GUI thread collects on a timer,
generation by generation as the thresholds would have; `collect_due` is the same check, for a
caller without an event loop (the tests between two cases)."""

from __future__ import annotations

import gc

INTERVAL_MS = 1000  # a second of garbage at most between two checks; no wake-up more often (tests/ui/test_change_event.py)
_thresholds: tuple[int, int, int] = gc.get_threshold()


def collect_due() -> int:
    """The generation the collector would have collected by now (-1: none), collected here."""
    c0, c1, c2 = gc.get_count()
    t0, t1, t2 = _thresholds
    if c0 <= t0:
        return -1
    generation = 2 if c1 >= t1 and c2 >= t2 else 1 if c1 >= t1 else 0
    gc.collect(generation)
    return generation


def install(app: object) -> None:
    """Once per process, with the QApplication: collection moves to a timer on the GUI thread."""
    from PySide6.QtCore import QTimer

    global _thresholds
    if getattr(app, "_hallapp_gc_timer", None) is not None:
        return
    if gc.isenabled():
        _thresholds = gc.get_threshold()
        gc.disable()
    timer = QTimer(app, interval=INTERVAL_MS)  # type: ignore[call-overload]
    timer.timeout.connect(collect_due)
    timer.start()
    app._hallapp_gc_timer = timer  # type: ignore[attr-defined]
