"""Watchdog of one throwaway PostgreSQL cluster: stops it and deletes it when its owner has gone.

Run by tests/support/postgres.py as ``python pg_watchdog.py SPEC`` (SPEC: JSON with ``base``, the
cluster's folder, and ``stop``, the argv of ``pg_ctl ... stop``), in a session of its own so that a
signal to the test run's process group does not reach it. It blocks reading stdin, whose other
end only the owner holds: EOF means the owner has ended (normally, killed, crashed). Then the
server is stopped (pg_ctl, then SIGKILL of the postmaster) and the folder removed. A normal
``ThrowawayPostgres.stop()`` has done both already, so the watchdog finds nothing and exits.
Standard library only: it must not depend on the test code that died.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path


def _postmaster_pid(data: Path) -> int | None:
    try:
        return int((data / "postmaster.pid").read_text().splitlines()[0])
    except (OSError, ValueError, IndexError):
        return None


def _is_postgres(pid: int) -> bool:
    try:
        return b"postgres" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def _wait_gone(pid: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)


def reap(base: Path, stop: list[str]) -> None:
    """Stop the cluster in `base` (if it runs) and remove the folder."""
    data = base / "data"
    if (data / "postmaster.pid").exists():
        try:
            subprocess.run(stop, stdin=subprocess.DEVNULL, capture_output=True, timeout=30, check=False)
        except (OSError, subprocess.SubprocessError):
            pass
        pid = _postmaster_pid(data)
        if pid is not None and _is_postgres(pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            _wait_gone(pid, 10)
    shutil.rmtree(base, ignore_errors=True)


def main() -> int:
    spec = json.loads(sys.argv[1])
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is for the owner; we act on its end
    while sys.stdin.buffer.read(4096):
        pass  # nothing is ever written: we only wait for EOF
    reap(Path(spec["base"]), list(spec["stop"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
