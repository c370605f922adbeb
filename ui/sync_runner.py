"""Runs the window's sync in a child process (`hallapp sync --for-window`, hallapp/sending/window_feed.py)
and brings its events to the GUI thread. In the window's own process the engine's lanes held the
interpreter lock the GUI thread waited for (docs/benchmarks.md, GUI stall); a child has its own.
In demo mode the child runs the platform simulator on loopback and says its address first, so
accepted cases really travel and the window's licence and catalog fetches find the same platform.

The child ends when its stdin closes: `stop()` closes it, and so does the OS when the window dies.
A child that ends on its own is said in the status bar and started again after a back-off."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO, Any

from PySide6.QtCore import QObject, QTimer, Signal

from hallapp.bootstrap import AppContext
from hallapp.domain.changes import Area, Changes
from hallapp.storage import backup
from ui import changes
from ui.errors import describe, describe_stored
from ui.events import EventBridge
from ui.tasks import Task

log = logging.getLogger(__name__)

STOP_WAIT_S = 5.0  # after stdin is closed, before the child is terminated
RESTART_FIRST_S, RESTART_MAX_S = 5, 60  # back-off of restarts after the child ended on its own
ERR_KEEP_BYTES = 1_000_000  # sync-window.err beyond this is moved to .err.1
ANNOUNCE_S = 0.25  # a burst of moved entries is one announcement (a single shot) this much later


class ChildExitedError(Exception):
    """The window's sync process ended by itself (worded in ui/errors.py)."""

    code = "sync.window_child_exited"

    def __init__(self, status: int, seconds: int) -> None:
        super().__init__(f"the window's sync process ended (exit {status}); restarted in {seconds} s")
        self.params = {"status": str(status), "seconds": str(seconds)}


def child_command(app: AppContext) -> list[str]:
    """The child's command line: the frozen bundle's own program, or this Python with the module."""
    options = ["--home", str(app.home.root), *(["--demo"] if app.demo else [])]
    if getattr(sys, "frozen", False):  # the bundle's exe is the `hallapp` console script (ui.launcher:main)
        return [sys.executable, *options, "sync", "--for-window"]
    return [sys.executable, "-m", "hallapp.sync", *options, "--for-window"]


class SyncRunner(QObject):
    link_changed = Signal(str, str)  # state: up | down | blocked | connecting | elsewhere | off, and a message

    def __init__(self, app: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.events = EventBridge(self)
        self.sends = app.settings.counter.window_sends
        configured = bool(app.settings.platform.url or app.demo)
        # What the status bar shows until start() runs (after the counter is ready at a start).
        self.state = ("connecting" if self.sends else "elsewhere") if configured else "off"
        self.message: str | None = None  # with `state`: what the status bar was last told
        self.process: subprocess.Popen[bytes] | None = None
        self.platform_url: str | None = None  # the demo platform the child runs, once it said so
        self.moved = False  # entries moved since the last announcement (set on the reader thread)
        self._lock = threading.Lock()  # process, _stopped, moved: the GUI, start and reader threads
        self._stopped = False
        self._restart_s = RESTART_FIRST_S
        self._started_at = 0.0
        self._restart = QTimer(self, singleShot=True)
        self._restart.timeout.connect(self._spawn)

    def start(self) -> None:
        """The child is started off the GUI thread (a fork and exec, and the demo's first start)."""
        Task(self, lambda: backup.daily(self.app)).run()  # today's backup of a SQLite hall, if nobody made it yet
        if not self.app.settings.platform.url and not self.app.demo:
            self._set("off", "")
            return
        if not self.sends:  # another PC's sync daemon sends this hall's cases
            self._set("elsewhere", "")
            return
        self._spawn()

    def _spawn(self) -> None:
        self._set("connecting", "")
        Task(self, self._start_child).on_failure(lambda exc: self._ended(None, describe(exc))).run()

    def _start_child(self) -> None:
        """On a task's thread. Under the lock: a stop() that came first wins, one that comes later finds the child."""
        env = dict(os.environ)
        url = self.app.settings.platform.url
        if url and url != self.platform_url:  # the window's address (a dead demo platform's is not passed on)
            env["HALLAPP_PLATFORM_URL"] = url
        self.app.home.logs_dir.mkdir(parents=True, exist_ok=True)
        with self._lock:
            if self._stopped:
                return
            with _error_file(self.app.home.logs_dir / "sync-window.err") as err:
                # its own session: a Ctrl+C in the terminal that started the window is not the child's to obey
                proc = subprocess.Popen(child_command(self.app), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=err, env=env, creationflags=_creation_flags(),
                                        start_new_session=os.name == "posix")
            self.process, self._started_at = proc, time.monotonic()
        threading.Thread(target=self._read, args=(proc,), name="hallapp-sync-feed", daemon=True).start()

    def _read(self, proc: subprocess.Popen[bytes]) -> None:
        """On the reader thread: each line an event; at EOF the child has ended (or is ending)."""
        stream: IO[bytes] = proc.stdout  # type: ignore[assignment]
        for line in stream:
            try:
                event = json.loads(line)
            except ValueError:
                continue
            if isinstance(event, dict):
                self._from_child(event)
        status = proc.wait()
        self.events.post(lambda: self._exited(proc, status))

    def _from_child(self, event: dict[str, Any]) -> None:
        """On the reader thread. Each post wakes the GUI thread: a burst of entry events is one post,
        and one announcement a quarter second later."""
        kind = event.get("type")
        if kind == "entry":
            with self._lock:
                if self.moved:
                    return
                self.moved = True
            self.events.post(lambda: QTimer.singleShot(int(ANNOUNCE_S * 1000), self, self._announce))
        elif kind in ("link", "blocked", "platform", "run"):
            self.events.post(lambda: self._event(event))

    def _event(self, event: dict[str, Any]) -> None:
        kind = event.get("type")
        if kind == "link":
            self._set("up" if event.get("up") else "down", "")
        elif kind == "blocked":
            self._set("blocked", describe_stored(str(event.get("error", ""))))
        elif kind == "platform":
            self.platform_url = str(event.get("url", ""))
            self.app.settings.platform.url = self.platform_url  # in memory only: the demo's own platform
        elif kind == "run" and time.monotonic() - self._started_at >= RESTART_MAX_S:
            self._restart_s = RESTART_FIRST_S  # a child that has worked a while is a working one

    def _announce(self) -> None:
        with self._lock:
            self.moved = False
        changes.announce(Changes.of(Area.OUTBOX, Area.CASES), changes.SYNC)  # a confirmation can move the case

    def _exited(self, proc: subprocess.Popen[bytes], status: int) -> None:
        with self._lock:
            if self._stopped or proc is not self.process:
                return
            self.process = None
        log.warning("the window's sync process ended by itself (exit %s)", status)
        self._ended(status, None)

    def _ended(self, status: int | None, reason: str | None) -> None:
        """The child is gone (or never started): say so, and start another after the back-off."""
        if self._stopped:
            return
        seconds = self._restart_s
        self._restart_s = min(RESTART_MAX_S, 2 * seconds)
        self._set("blocked", reason or describe(ChildExitedError(-1 if status is None else status, seconds)))
        self._restart.start(seconds * 1000)

    def _set(self, state: str, message: str) -> None:
        if (state, message) == (self.state, self.message):
            return  # every run of the engine says "link up" again: nothing new to show
        self.state, self.message = state, message
        self.link_changed.emit(state, message)

    def stop(self) -> None:
        """Closes the child's stdin (it stops within a few seconds), then terminates it if it has not."""
        with self._lock:
            self._stopped = True
            proc, self.process = self.process, None
        self._restart.stop()
        if proc is not None:  # the window is closing: it need not wait for the child's last round
            threading.Thread(target=end_child, args=(proc,), name="hallapp-sync-stop").start()


def end_child(proc: subprocess.Popen[bytes], wait_s: float = STOP_WAIT_S) -> None:
    try:
        if proc.stdin is not None:
            proc.stdin.close()
        proc.wait(wait_s)
        return
    except (OSError, subprocess.TimeoutExpired):
        pass
    log.warning("the window's sync process did not stop in %.0f s: terminated", wait_s)
    proc.terminate()
    try:
        proc.wait(2)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _error_file(path: Path) -> IO[bytes]:
    """The children's stderr, appended (a dead child's traceback outlives its restart), kept short."""
    try:
        if path.stat().st_size > ERR_KEEP_BYTES:
            path.replace(path.with_name(path.name + ".1"))
    except OSError:
        pass
    return open(path, "ab")  # closed by the caller's with


def _creation_flags() -> int:
    """Windows: below the window's priority and without a console window of its own; elsewhere 0
    (the child lowers its own nice value)."""
    return getattr(subprocess, "BELOW_NORMAL_PRIORITY_CLASS", 0) | getattr(subprocess, "CREATE_NO_WINDOW", 0)
