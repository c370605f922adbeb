"""Vendor native code (SANE, the WLT photo library) runs in a child process, never in the window's.

Why: native libraries do things behind Python's back. libsane's ``sanei_thread`` sets SIGPIPE back
to SIG_DFL during a scan, so a later write to a dropped connection kills the whole program
(exit 141) instead of raising BrokenPipeError; vendor WLT libraries write ``zp.bmp`` into the
current directory, some ``chdir``, and any of them can crash. In a child none of that reaches us:
the parent gets a clear error and starts a new child next time.

Parent side: ``Worker(name, target).start()`` spawns a fresh interpreter (the "spawn" context: no
copy of the parent's threads, locks or Qt state) that runs ``target(conn)`` with one duplex pipe.
``send``/``poll``/``recv`` raise ``WorkerDiedError`` as soon as the child has gone. Log records of the
child come through the pipe and are logged here. A Worker is used by one thread at a time.

Child side (``_child_main``): a private temporary working directory (removed at exit), Ctrl+C
ignored (the parent handles it and closes the pipe), and a watchdog thread that ends the child
when the parent is gone, even while a native call hangs.

Frozen builds (PyInstaller) must call ``multiprocessing.freeze_support()`` first in the entry script.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from drivers.errors import DeviceError, register

__all__ = ["Worker", "WorkerDiedError", "describe_exit", "ignore_sigpipe", "sigpipe_ignored"]

_log = logging.getLogger(__name__)
_CONTEXT = multiprocessing.get_context("spawn")
_SIGPIPE = getattr(signal, "SIGPIPE", None)  # absent on Windows
_LOG = "log"  # message kind of a forwarded log record: ("log", level, logger name, text)


register({
    "device.worker_died": "The {name} worker process ended ({reason}): try again; if it keeps happening, ask the "
                          "technician.",
})


class WorkerDiedError(DeviceError, RuntimeError):
    """The child process has gone (crashed, killed, or never started). `reason` says how."""

    code = "device.worker_died"

    def __init__(self, name: str, exitcode: int | None) -> None:
        self.name = name
        self.exitcode = exitcode
        self.reason = describe_exit(exitcode)
        super().__init__(name=name, reason=self.reason)


def describe_exit(exitcode: int | None) -> str:
    """'killed by signal 11 (SIGSEGV)', 'exit code 3', or 'still running / unknown'."""
    if exitcode is None:
        return "exit status unknown"
    if exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = "?"
        return f"killed by signal {-exitcode} ({name})"
    return f"exit code {exitcode}"


_libc_signal: Any = None


def _signal_function() -> Any:
    """libc's ``signal``, looked up once. Not per call: a dlopen while libsane's reader thread
    holds the loader lock deadlocked the scanner worker (seen under load)."""
    global _libc_signal
    if _libc_signal is None:
        function = ctypes.CDLL(None, use_errno=True).signal
        function.restype = ctypes.c_void_p
        function.argtypes = [ctypes.c_int, ctypes.c_void_p]
        _libc_signal = function
    return _libc_signal


def ignore_sigpipe() -> None:
    """Set SIGPIPE to SIG_IGN again, from any thread (libc ``signal``; Python's table already says SIG_IGN)."""
    if _SIGPIPE is None:
        return
    _signal_function()(int(_SIGPIPE), 1)  # 1 == SIG_IGN


def sigpipe_ignored() -> bool | None:
    """What the kernel says about SIGPIPE (``signal.getsignal`` only knows what Python set). None off Linux."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("SigIgn:"):
                    return bool(int(line.split()[1], 16) >> (int(signal.SIGPIPE) - 1) & 1)
    except (OSError, AttributeError):
        pass
    return None


class Worker:
    """One child process and the pipe to it. See the module docstring."""

    def __init__(self, name: str, target: Callable[[Connection], None]) -> None:
        self.name = name
        self._target = target
        self._conn: Connection | None = None
        self._process: Any = None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    @property
    def alive(self) -> bool:
        return self._process is not None and self._process.is_alive()

    def start(self) -> Worker:
        ours, theirs = _CONTEXT.Pipe(duplex=True)
        process = _CONTEXT.Process(target=_child_main, args=(self._target, theirs), name=f"hallapp-{self.name}", daemon=True)
        try:
            process.start()
        except Exception as exc:
            ours.close()
            theirs.close()
            raise WorkerDiedError(self.name, None) from exc
        theirs.close()  # the child has its own copy: EOF reaches us when the child dies
        self._conn, self._process = ours, process
        return self

    def send(self, message: object) -> None:
        try:
            self._require().send(message)
        except (OSError, EOFError, ValueError):
            raise self._died() from None

    def poll(self, timeout: float) -> bool:
        """True when a message is ready; WorkerDiedError if the child has gone with nothing left to read."""
        conn = self._require()
        try:
            if conn.poll(timeout):
                return True
        except (OSError, EOFError, ValueError):
            raise self._died() from None
        if self._process.exitcode is not None:  # also when a grandchild still holds the pipe open
            raise self._died()
        return False

    def recv(self, timeout: float | None = None) -> Any:
        """The next message (log records are logged and skipped). TimeoutError after `timeout` seconds."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            while not self.poll(0.2 if deadline is None else max(0.0, min(0.2, deadline - time.monotonic()))):
                if deadline is not None and time.monotonic() >= deadline:
                    raise TimeoutError(f"{self.name} worker did not answer within {timeout} s")
            try:
                message = self._require().recv()
            except (OSError, EOFError, ValueError):
                raise self._died() from None
            except Exception as exc:
                raise self._died() from exc
            if isinstance(message, tuple) and message and message[0] == _LOG:
                _relog(message)
                continue
            return message

    def request(self, message: object, timeout: float | None = None) -> Any:
        self.send(message)
        return self.recv(timeout)

    def stop(self, timeout: float = 3.0) -> None:
        """Ask the child to quit, then terminate and kill it if it does not. Idempotent."""
        conn, process, self._conn, self._process = self._conn, self._process, None, None
        if conn is not None:
            with contextlib.suppress(OSError, ValueError):
                conn.send(None)  # None = quit
            conn.close()
        if process is None:
            return
        process.join(timeout)
        if process.is_alive():
            _log.warning("%s worker did not quit in %.1f s: killing it", self.name, timeout)
            process.kill()
            process.join(5)
        with contextlib.suppress(ValueError):
            process.close()

    def kill(self) -> None:
        """End the child at once (it hangs in a native call)."""
        if self._process is not None and self._process.is_alive():
            self._process.kill()
        self.stop(timeout=5)

    def _require(self) -> Connection:
        if self._conn is None:
            raise WorkerDiedError(self.name, None)
        return self._conn

    def _died(self) -> WorkerDiedError:
        process = self._process
        if process is not None:
            process.join(2)  # a crash closes the pipe just before the exit status is there
        died = WorkerDiedError(self.name, process.exitcode if process is not None else None)
        _log.error("%s", died)
        self.stop(timeout=1)
        return died


def _relog(message: tuple[Any, ...]) -> None:
    _kind, level, name, text = message
    logging.getLogger(str(name)).log(int(level), "%s", text)


# --- child side ------------------------------------------------------------------------------


class _PipeLogHandler(logging.Handler):
    """Sends the child's log records to the parent. The child sends from its main thread only."""

    def __init__(self, conn: Connection) -> None:
        super().__init__(logging.INFO)
        self._conn = conn

    def emit(self, record: logging.LogRecord) -> None:
        if threading.current_thread() is not threading.main_thread():
            return  # one writer on the pipe
        with contextlib.suppress(Exception):
            self._conn.send((_LOG, record.levelno, record.name, record.getMessage()))


def _watch_parent() -> None:
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    parent.join()  # returns when the parent has gone, however it went
    os._exit(3)


def _child_main(target: Callable[[Connection], None], conn: Connection) -> None:
    """Entry of every worker process (see the module docstring)."""
    if hasattr(signal, "SIGINT"):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    ignore_sigpipe()  # looks libc's signal() up now, before any vendor library starts threads
    threading.Thread(target=_watch_parent, name="parent-watch", daemon=True).start()
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(_PipeLogHandler(conn))
    workdir = tempfile.mkdtemp(prefix="hallapp-native-")  # 0700; vendor libraries may write into the cwd
    os.chdir(workdir)
    try:
        target(conn)
    finally:
        os.chdir(tempfile.gettempdir())
        shutil.rmtree(workdir, ignore_errors=True)
        conn.close()
    sys.exit(0)
