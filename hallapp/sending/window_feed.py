"""`hallapp sync --for-window`: the window's sync engine in a child process of the window.

In the window's own process the engine's lanes held the interpreter lock the GUI thread needed
(67-231 ms stalls, docs/benchmarks.md); here they hold a lock of their own. The window reads the
engine's events as JSON lines on this process's stdout, and ends it by closing its stdin: EOF is
the one parent-death signal every OS gives a pipe. The window backs up itself and never purges,
so this engine runs without the daily chores, as the window's thread did.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any

from hallapp import logs
from hallapp.domain.outbox import stored
from hallapp.sending.engine import Event, SyncEngine
from hallapp.sync.options import SyncOptions

if TYPE_CHECKING:
    from hallapp.bootstrap import AppContext

log = logging.getLogger(__name__)
ENTRY_EVERY_S = 0.25  # "entries moved" at most this often: each line wakes the window's GUI thread
GRACE_S = 2.0  # after EOF or SIGTERM: a round in progress is cut (leases make that safe) after this long
NICE = 10  # below the window, which shares the counter PC's 2 cores with it
DEMO_PLATFORM_DIR = "demo-platform"  # in the home: the demo platform's key and cases outlive a restart
PASSED = ("link", "blocked", "run", "platform")  # every one of these reaches the window


class Feed:
    """The engine's events as JSON lines on `out`; a burst of entry events is one line."""

    def __init__(self, out: IO[str], on_broken: Callable[[], None],
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.out, self.on_broken, self.clock = out, on_broken, clock
        self._lock = threading.Lock()
        self._last_entry = float("-inf")
        self._pending = False  # entries moved since the last "entry" line

    def write(self, event: Event) -> None:
        kind = event.get("type")
        if kind == "entry":
            with self._lock:
                now = self.clock()
                if now - self._last_entry < ENTRY_EVERY_S:
                    self._pending = True
                    return
                self._last_entry, self._pending = now, False
            self._line({"type": "entry"})
        elif kind in PASSED:
            with self._lock:
                pending, self._pending = self._pending, False
            if pending:  # the end of a burst is said before the round's summary
                self._line({"type": "entry"})
            self._line(event)

    def _line(self, event: dict[str, Any]) -> None:
        text = json.dumps(event, default=str) + "\n"  # ASCII: a Windows pipe's code page cannot garble it
        with self._lock:
            try:
                self.out.write(text)
                self.out.flush()
            except (OSError, ValueError):  # the window is gone (a broken or closed pipe)
                self.on_broken()


class Stopper:
    """Stops the engine's loop; if a round is still running GRACE_S later, ends the process."""

    def __init__(self, stop: threading.Event, grace_s: float = GRACE_S) -> None:
        self.stop, self.grace_s = stop, grace_s
        self._armed = threading.Lock()

    def __call__(self, *_: object) -> None:
        self.stop.set()
        if self._armed.acquire(blocking=False):
            threading.Thread(target=self._deadline, name="sync-window-deadline", daemon=True).start()

    def _deadline(self) -> None:
        time.sleep(self.grace_s)
        log.info("the window's sync ended in the middle of a round (its leases expire, nothing is lost)")
        logging.shutdown()
        os._exit(0)


def watch_stdin(on_eof: Callable[[], None], fd: int = 0) -> threading.Thread:
    """Calls `on_eof` when the window closes our stdin or dies (the OS closes its end)."""

    def watch() -> None:
        try:
            while os.read(fd, 4096):
                pass
        except OSError:
            pass
        on_eof()

    thread = threading.Thread(target=watch, name="sync-window-stdin", daemon=True)
    thread.start()
    return thread


def lower_priority() -> None:
    """POSIX: nice NICE (at least). Windows: the window starts us BELOW_NORMAL_PRIORITY_CLASS."""
    if not hasattr(os, "nice"):
        return
    try:
        os.nice(max(0, NICE - os.nice(0)))
    except OSError as exc:
        log.debug("sync priority unchanged: %s", exc)


def run(app: AppContext, options: SyncOptions) -> int:
    """Until stdin closes or SIGTERM. Nothing but the engine's events goes to stdout."""
    out, sys.stdout = sys.stdout, sys.stderr  # a stray print must not corrupt the window's feed
    # its own log file: two processes rotating one hallapp.log lose lines (and fail on Windows)
    logs.configure(app.home.logs_dir, app.settings.logging.level, name=logs.SYNC_WINDOW_LOG)
    stop = threading.Event()
    stopper = Stopper(stop)
    lower_priority()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, stopper)
    watch_stdin(stopper)
    feed = Feed(out, on_broken=stopper)
    simulator = _demo_platform(app, feed) if app.demo and not app.settings.platform.url else None
    try:
        SyncEngine(app, options=options, on_event=feed.write).run_forever(stop, daily=False)
    finally:
        if simulator is not None:
            simulator.close()
    return 0


def _demo_platform(app: AppContext, feed: Feed) -> Any:
    """The demo's own platform on loopback, its address told to the window first (licences, catalog)."""
    from hallapp.simulator.server import serve
    from hallapp.sync import registration

    data_dir = app.home.root / DEMO_PLATFORM_DIR  # kept: its signing key is pinned at the first registration
    data_dir.mkdir(mode=0o700, exist_ok=True)
    simulator = serve(0, auto_progress=True, data_dir=data_dir)
    app.settings.platform.url = simulator.url  # in memory only: the demo's own platform
    feed.write({"type": "platform", "url": simulator.url})
    try:
        registration.register(app)
    except Exception as exc:  # noqa: BLE001 - the engine keeps trying; the window shows why meanwhile
        log.warning("demo platform: the hall's key not registered: %s", type(exc).__name__)
        feed.write({"type": "blocked", "error": stored(exc)})
    return simulator

