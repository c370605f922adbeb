"""The window's sync process (`python -m hallapp.sync --home H --demo --for-window`): what it writes
on stdout for the window, and that it ends when its window does, however the window goes."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hallapp.sending import window_feed
from hallapp.sync.__main__ import command_line
from tests.support.children import kill, spawn

ROOT = Path(__file__).resolve().parents[2]


def _child(home: Path) -> list[str]:
    return [sys.executable, "-m", "hallapp.sync", "--home", str(home), "--demo", "--for-window"]


def _gone(pid: int) -> bool:
    """Ended (a zombie left to a PID 1 that does not reap counts as ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state in ("Z", "X")


def _wait_gone(pid: int, timeout_s: float) -> float:
    started = time.monotonic()
    while not _gone(pid):
        assert time.monotonic() - started < timeout_s, f"the window's sync process {pid} is still running"
        time.sleep(0.05)
    return time.monotonic() - started


def test_global_options_come_before_the_command() -> None:
    assert command_line(["--home", "/h", "--demo", "--for-window"]) == ["--home", "/h", "--demo", "sync", "--for-window"]
    assert command_line(["--once", "--lease-s", "2"]) == ["sync", "--once", "--lease-s", "2"]


def test_a_burst_of_entry_events_is_one_line_and_its_end_is_said_before_the_summary() -> None:
    out, now = io.StringIO(), [100.0]
    feed = window_feed.Feed(out, on_broken=lambda: None, clock=lambda: now[0])
    for _ in range(50):
        feed.write({"type": "entry", "entry_id": 1, "case_number": "X", "state": "sending"})
    feed.write({"type": "progress", "entry_id": 1})  # nobody shows progress: not sent
    now[0] += 0.1
    feed.write({"type": "run", "confirmed": 50, "error": None})
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert lines == [{"type": "entry"}, {"type": "entry"}, {"type": "run", "confirmed": 50, "error": None}]


def test_a_window_gone_stops_the_feed() -> None:
    broken = []

    class Gone(io.StringIO):
        def write(self, _text: str) -> int:
            raise BrokenPipeError

    window_feed.Feed(Gone(), on_broken=lambda: broken.append(1)).write({"type": "link", "up": True})
    assert broken == [1]


def test_the_process_says_the_demo_platform_first_and_ends_when_its_stdin_closes(home: Path, demo_db) -> None:
    proc = spawn(_child(home), stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=ROOT)
    try:
        first = json.loads(proc.stdout.readline())
        assert first["type"] == "platform" and first["url"].startswith("http://127.0.0.1:")
        kinds = {json.loads(proc.stdout.readline())["type"] for _ in range(2)}
        assert "link" in kinds, kinds
        proc.stdin.close()
        assert proc.wait(10) == 0
    finally:
        kill(proc)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_process_ends_when_its_window_is_killed(home: Path, demo_db) -> None:
    """The window's process killed outright: the OS closes its end of the pipe, the child sees EOF."""
    window = ("import subprocess, sys\n"
              f"child = subprocess.Popen({_child(home)!r}, stdin=subprocess.PIPE, stdout=subprocess.PIPE)\n"
              "print(child.pid, flush=True)\n"
              "print(child.stdout.readline().decode().strip(), flush=True)\n"
              "sys.stdin.read()\n")
    proc = spawn([sys.executable, "-c", window], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    pid = 0
    try:
        pid = int(proc.stdout.readline())
        assert '"platform"' in proc.stdout.readline()  # the child is up and serving
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(5)
        assert _wait_gone(pid, 8.0) < 8.0
    finally:
        kill(proc)
        if pid and not _gone(pid):
            os.kill(pid, signal.SIGKILL)
