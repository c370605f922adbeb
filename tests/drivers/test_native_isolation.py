"""Vendor native code cannot take this process down: SANE runs in a worker process.

The bug (issue 9): libsane's reader thread sets SIGPIPE back to SIG_DFL during a scan, behind
Python's back (`signal.getsignal` still says SIG_IGN). After one scan in the window's process, a
write to a connection the peer had closed killed the whole program (exit 141) instead of raising
BrokenPipeError: a clerk scans, later the link drops during an upload, and the window vanishes.
The kernel's view of the disposition is read from /proc/self/status (SigIgn).
"""

from __future__ import annotations

import io
import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from drivers.isolation import describe_exit, sigpipe_ignored
from drivers.scanner.errors import ScannerUnavailable
from drivers.scanner.sane_scanner import SaneScanner, ScanMode, ScanSettings, ScanSource, StopReason
from tests.support import sane_test
from tests.support.requirements import need, which_or_none

ROOT = Path(__file__).resolve().parents[2]

# What the window did before the fix, in a second interpreter: python-sane in-process, then a write.
IN_PROCESS_SCAN = """
import socket, sane
sane.init(); d = sane.open("test:0"); d.mode = "Gray"; d.resolution = 50; d.scan(); d.close()
a, b = socket.socketpair(); b.close()
try:
    a.send(b"x" * 100000)
except BrokenPipeError:
    print("BrokenPipeError")
"""


@pytest.fixture(scope="module")
def sane_env() -> dict[str, str]:
    need(sane_test.backend_available(), "SANE test backend (libsane1 + python-sane)")
    need(sys.platform.startswith("linux"), "Linux (/proc/self/status)")
    return sane_test.process_env()


@pytest.fixture
def scanner(sane_env: dict[str, str]) -> Iterator[SaneScanner]:
    with SaneScanner().open(sane_test.TEST_DEVICE) as opened:
        opened.set_option("test-picture", "Color pattern")
        yield opened


def _scan_one_page(scanner: SaneScanner) -> Image.Image:
    scanner.configure(ScanSettings(resolution=50, mode=ScanMode.GRAY, source=ScanSource.FLATBED))
    (page,) = scanner.scan_pages()
    return page


def test_in_process_libsane_rearms_sigpipe_which_is_why_it_runs_in_a_worker(sane_env: dict[str, str]) -> None:
    """The reproduction: python-sane in the caller's process, then a write to a closed socket."""
    result = subprocess.run([sys.executable, "-c", IN_PROCESS_SCAN], env=sane_env, capture_output=True, text=True, timeout=60)
    assert result.returncode == -signal.SIGPIPE, (
        f"libsane no longer kills the caller ({describe_exit(result.returncode)}, {result.stdout!r}): "
        "update docs/stack.md; the worker process is still the right place for vendor code"
    )


def test_after_a_scan_sigpipe_is_still_ignored_in_this_process(scanner: SaneScanner) -> None:
    assert sigpipe_ignored() is True
    assert scanner.worker_pid not in (None, os.getpid())
    _scan_one_page(scanner)
    assert sigpipe_ignored() is True, "a scan set SIGPIPE back to SIG_DFL in the caller's process"


def test_after_a_scan_a_write_to_a_closed_socket_raises_broken_pipe(scanner: SaneScanner) -> None:
    _scan_one_page(scanner)
    scanner.close()
    # Guard: fail readably instead of killing the whole test run if the leak ever comes back.
    assert sigpipe_ignored() is True, "SIGPIPE is SIG_DFL after a scan: the next write would kill this process"
    ours, theirs = socket.socketpair()
    theirs.close()
    with ours, pytest.raises(BrokenPipeError):
        ours.send(b"x" * 100_000)


def test_pages_are_byte_identical_to_what_scanimage_reads(scanner: SaneScanner, sane_env: dict[str, str]) -> None:
    scanimage = which_or_none("scanimage")
    need(scanimage is not None, "scanimage (sane-utils)")
    page = _scan_one_page(scanner)
    pnm = subprocess.run(
        [str(scanimage), "-d", sane_test.TEST_DEVICE, "--mode", "Gray", "--resolution", "50",
         "--test-picture", "Color pattern", "--format=pnm"],
        env=sane_env, capture_output=True, check=True, timeout=60,
    ).stdout  # fmt: skip
    reference = Image.open(io.BytesIO(pnm))
    assert (page.mode, page.size) == (reference.mode, reference.size)
    assert page.tobytes() == reference.tobytes()


def test_a_worker_killed_mid_scan_is_a_clear_error_not_a_crash(scanner: SaneScanner) -> None:
    scanner.configure(ScanSettings(resolution=100, mode=ScanMode.GRAY, source=ScanSource.ADF))
    scanner.set_option("read-limit", 1)  # slow: 4 KiB every 0.1 s
    scanner.set_option("read-limit-size", 4096)
    scanner.set_option("read-delay", 1)
    scanner.set_option("read-delay-duration", 100_000)
    worker = scanner.worker_pid
    assert worker is not None

    def crash(line: int, _total: int) -> None:
        if line == 10:
            os.kill(worker, signal.SIGKILL)  # as a crashing backend would end

    with pytest.raises(ScannerUnavailable) as caught:
        list(scanner.scan_pages(page_progress=crash))
    assert caught.value.code == "scanner.driver_died" and "scan again" in str(caught.value)
    assert "SIGKILL" in caught.value.detail
    assert not scanner.is_open
    scanner.open(sane_test.TEST_DEVICE)  # a new worker: scanning goes on
    assert scanner.worker_pid != worker
    assert _scan_one_page(scanner).size[0] > 0


def test_cancel_from_another_thread_stops_a_slow_page(scanner: SaneScanner) -> None:
    scanner.configure(ScanSettings(resolution=100, mode=ScanMode.GRAY, source=ScanSource.ADF))
    scanner.set_option("read-limit", 1)
    scanner.set_option("read-limit-size", 4096)
    scanner.set_option("read-delay", 1)
    scanner.set_option("read-delay-duration", 100_000)
    cancel = threading.Event()
    timer = threading.Timer(0.5, cancel.set)  # the clerk presses Cancel in the progress dialog
    timer.start()
    try:
        pages = list(scanner.scan_pages(None, cancel))
    finally:
        timer.cancel()
    assert pages == []
    assert scanner.last_stop is StopReason.CANCELLED
    assert scanner.is_open


def test_an_early_closed_batch_ends_cleanly_and_the_scanner_stays_usable(scanner: SaneScanner) -> None:
    scanner.configure(ScanSettings(resolution=50, mode=ScanMode.GRAY, source=ScanSource.ADF))
    pages = scanner.scan_pages()
    first = next(pages)
    pages.close()  # the caller stops after one page of the feeder
    assert first.size[0] > 0
    assert len(list(scanner.scan_pages(max_pages=2))) == 2


def test_a_script_using_the_scanner_leaves_no_worker_behind(sane_env: dict[str, str], tmp_path: Path) -> None:
    script = tmp_path / "scan_once.py"
    script.write_text(
        "import os\n"
        "from drivers.scanner.sane_scanner import SaneScanner\n"
        "if __name__ == '__main__':\n"  # the rule for any script that starts worker processes
        "    s = SaneScanner().open('test:0')\n"
        "    print(s.worker_pid, flush=True)\n"
        "    os._exit(0)\n",  # not even a close(): the worker must notice on its own
        encoding="utf-8",
    )
    env = {**sane_env, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=60, check=True)
    worker = int(out.stdout.split()[0])
    from tests.support.children import wait_gone

    assert wait_gone(worker, 5.0), "the scanner worker outlived its parent"
