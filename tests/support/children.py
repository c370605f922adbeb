"""Processes started by tests die with the test process, however it ends (even SIGKILL).

``spawn(argv, **popen_kwargs)`` is ``subprocess.Popen`` plus:

* Linux: the kernel sends SIGKILL to the child when the thread that started it ends
  (``PR_SET_PDEATHSIG``, set by ``setpriv --pdeathsig KILL`` in the child before it execs
  ``argv``; a ctypes ``prctl`` in ``preexec_fn`` where setpriv is missing). So start children
  from the main thread, or from a thread that outlives them. The setting survives ``exec`` but not
  a change of user (runuser, setuid programs): the PostgreSQL helper has its own watchdog.
  Grandchildren are not covered: a child that starts its own must tie them too.
* anywhere: remembered, and killed at the exit of this interpreter if still running.

``wait_gone(pid)`` waits until a process has gone (a zombie counts as gone).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
import weakref
from collections.abc import Sequence
from pathlib import Path
from typing import Any

_PR_SET_PDEATHSIG = 1
_running: weakref.WeakSet[subprocess.Popen[Any]] = weakref.WeakSet()


def _set_pdeathsig() -> None:  # runs in the child between fork and exec
    import ctypes

    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)


def tie_to_this_process(argv: Sequence[str]) -> tuple[list[str], dict[str, Any]]:
    """argv and Popen keyword arguments that make the child die with its parent (Linux)."""
    if not sys.platform.startswith("linux"):
        return list(argv), {}
    setpriv = shutil.which("setpriv")
    if setpriv is not None:
        return [setpriv, "--pdeathsig", "KILL", "--", *argv], {}
    return list(argv), {"preexec_fn": _set_pdeathsig}


def spawn(argv: Sequence[str], **kwargs: Any) -> subprocess.Popen[Any]:
    """``subprocess.Popen(argv, **kwargs)`` for a child that must not outlive the test process."""
    if kwargs.get("preexec_fn") is not None:
        raise ValueError("spawn() sets the child up itself; pass no preexec_fn")
    command, extra = tie_to_this_process(argv)
    process = subprocess.Popen(command, **kwargs, **extra)
    _running.add(process)
    if command[:1] != list(argv[:1]):
        _wait_tied(process)
    return process


def _wait_tied(process: subprocess.Popen[Any], timeout: float = 5.0) -> None:
    """Popen returns once setpriv runs, before it has set the parent-death signal: a parent killed in
    that moment would leave the child behind. Wait until setpriv has exec'd the real program."""
    cmdline = Path(f"/proc/{process.pid}/cmdline")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            first = cmdline.read_bytes().split(b"\0", 1)[0]
        except OSError:
            return
        if not first.endswith(b"setpriv"):
            return
        time.sleep(0.001)


def kill(process: subprocess.Popen[Any], timeout: float = 10.0) -> None:
    """SIGKILL and reap. Idempotent."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout)
    _running.discard(process)


@atexit.register
def _kill_leftovers() -> None:
    for process in list(_running):
        kill(process, timeout=2.0)


def alive(pid: int) -> bool:
    """True while `pid` runs (a zombie does not: it has finished and waits to be reaped)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return not sys.platform.startswith("linux")  # gone in between; without /proc trust kill(0)
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def wait_gone(pid: int, timeout: float = 5.0) -> bool:
    """True as soon as `pid` no longer runs; False if it still runs after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while alive(pid):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)
    return True


def start_time(pid: int) -> str | None:
    """The kernel's start time of `pid` (tells a process from a later one with the same pid); None if gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None
