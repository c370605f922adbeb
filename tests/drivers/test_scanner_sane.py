"""SaneScanner against SANE's real `test` backend (libsane + python-sane, no mock).

The backend draws 80 x 100 mm pages (its default geometry); its ADF runs empty after 10 pages
and its `read-return-value` option makes sane_read fail with a chosen SANE status.
"""

from __future__ import annotations

import re
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from drivers.scanner.errors import ScannerError, ScannerUnavailable
from drivers.scanner.sane_scanner import SaneScanner, ScanMode, ScanSettings, ScanSource, StopReason
from drivers.scanner.sane_status import SaneStatus
from hallapp.imaging.pdf import pages_to_pdf
from hallapp.imaging.processing import clean_page
from tests.support import sane_test
from tests.support.requirements import need, which_or_none

WIDTH_MM, HEIGHT_MM = 80.0, 100.0


def _pixels(mm: float, dpi: int) -> int:
    return int(mm / 25.4 * dpi)


@pytest.fixture(scope="module")
def sane_env() -> dict[str, str]:
    need(sane_test.backend_available(), "SANE test backend (libsane1 + python-sane)")
    env = sane_test.process_env()  # read by each scanner worker process at its start
    names = [device.name for device in SaneScanner.devices()]
    need(sane_test.TEST_DEVICE in names, f"SANE test device {sane_test.TEST_DEVICE}")
    return env


@pytest.fixture
def scanner(sane_env: dict[str, str]) -> Iterator[SaneScanner]:
    with SaneScanner().open(sane_test.TEST_DEVICE) as opened:
        # The test backend keeps option values across open/close for the life of its (worker) process.
        opened.set_option("read-return-value", "Default")
        opened.set_option("read-delay", 0)
        opened.set_option("read-limit", 0)
        opened.set_option("test-picture", "Color pattern")
        # libsane's test backend can hang in sane_cancel after an injected error (its reader thread
        # is cancelled mid-start): the driver replaces such a worker; don't wait 90 s for it here.
        opened.page_silence_s = 8
        yield opened


def test_lists_the_test_devices(sane_env: dict[str, str]) -> None:
    devices = {device.name: device for device in SaneScanner.devices()}
    assert {"test:0", "test:1"} <= set(devices)
    assert devices["test:0"].label == "Noname frontend-tester"


def test_capabilities_of_the_test_device(scanner: SaneScanner) -> None:
    offered = scanner.capabilities()
    assert set(offered.modes) == {ScanMode.COLOR, ScanMode.GRAY, ScanMode.LINEART}
    assert offered.sources == (ScanSource.FLATBED, ScanSource.ADF)
    assert offered.resolution_range == (1, 1200)


def test_three_pages_from_the_feeder_at_the_set_resolution(scanner: SaneScanner) -> None:
    applied = scanner.configure(ScanSettings(resolution=150, mode=ScanMode.COLOR, source=ScanSource.ADF))
    assert applied.resolution == 150
    done: list[int] = []
    lines: list[tuple[int, int]] = []
    pages = list(scanner.scan_pages(done.append, page_progress=lambda line, total: lines.append((line, total)), max_pages=3))
    assert len(pages) == 3
    assert done == [1, 2, 3]
    assert scanner.last_stop is StopReason.PAGE_LIMIT
    for page in pages:
        assert page.mode == "RGB"
        assert page.size == (_pixels(WIDTH_MM, 150), _pixels(HEIGHT_MM, 150))
        assert page.info["dpi"] == (150, 150)
        assert len(np.unique(np.asarray(page).reshape(-1, 3), axis=0)) > 4  # the colour pattern, not a blank
    height = _pixels(HEIGHT_MM, 150)
    assert lines[-1] == (height, height)
    assert len(lines) == 3 * height


def test_resolution_changes_the_page_size(scanner: SaneScanner) -> None:
    scanner.configure(ScanSettings(resolution=75, mode=ScanMode.GRAY, source=ScanSource.FLATBED))
    (page,) = scanner.scan_pages()
    assert page.mode == "L"
    assert page.size == (_pixels(WIDTH_MM, 75), _pixels(HEIGHT_MM, 75))
    assert scanner.last_stop is StopReason.SINGLE_PAGE


def test_flatbed_gives_one_page(scanner: SaneScanner) -> None:
    scanner.configure(ScanSettings(resolution=100, mode=ScanMode.COLOR, source=ScanSource.FLATBED))
    done: list[int] = []
    assert len(list(scanner.scan_pages(done.append))) == 1
    assert done == [1]


def test_lineart_gives_one_bit_pages(scanner: SaneScanner) -> None:
    scanner.set_option("test-picture", "Grid")
    scanner.configure(ScanSettings(resolution=100, mode=ScanMode.LINEART, source=ScanSource.FLATBED))
    (page,) = scanner.scan_pages()
    assert page.mode == "1"
    values = set(np.unique(np.asarray(page.convert("L"))))
    assert values == {0, 255}


def test_feeder_runs_empty_after_ten_pages_without_an_error(scanner: SaneScanner) -> None:
    scanner.configure(ScanSettings(resolution=50, mode=ScanMode.GRAY, source=ScanSource.ADF))
    pages = list(scanner.scan_pages())
    assert len(pages) == 10
    assert scanner.last_stop is StopReason.FEEDER_EMPTY


def test_empty_feeder_before_the_first_page_is_a_clear_error(scanner: SaneScanner) -> None:
    scanner.configure(ScanSettings(resolution=50, mode=ScanMode.GRAY, source=ScanSource.ADF))
    scanner.set_option("read-return-value", "SANE_STATUS_NO_DOCS")
    with pytest.raises(ScannerError) as caught:
        list(scanner.scan_pages())
    assert caught.value.status is SaneStatus.NO_DOCS
    assert caught.value.code == "scanner.feeder_empty" and "no pages in the document feeder" in str(caught.value)


def test_cancel_between_pages_stops_early(scanner: SaneScanner) -> None:
    scanner.configure(ScanSettings(resolution=50, mode=ScanMode.GRAY, source=ScanSource.ADF))
    cancel = threading.Event()

    def progress(done: int) -> None:
        if done == 2:
            cancel.set()

    pages = list(scanner.scan_pages(progress, cancel))
    assert len(pages) == 2
    assert scanner.last_stop is StopReason.CANCELLED


def test_cancel_within_a_page_stops_reading_at_once_and_leaves_the_scanner_usable(scanner: SaneScanner) -> None:
    # A slow scanner: the backend hands over 4 KiB every 0.1 s, so one 123 KB grey page takes ~3 s.
    scanner.configure(ScanSettings(resolution=100, mode=ScanMode.GRAY, source=ScanSource.ADF))
    scanner.set_option("read-limit", 1)
    scanner.set_option("read-limit-size", 4096)
    scanner.set_option("read-delay", 1)
    scanner.set_option("read-delay-duration", 100_000)
    cancel = threading.Event()
    seen: list[int] = []

    def page_progress(line: int, total: int) -> None:
        seen.append(line)
        if line == 30:  # ~9 KB into the page
            cancel.set()

    started = time.monotonic()
    pages = list(scanner.scan_pages(None, cancel, page_progress=page_progress))
    elapsed = time.monotonic() - started
    assert pages == []
    assert max(seen) == 30
    assert scanner.last_stop is StopReason.CANCELLED
    assert elapsed < 1.5, f"cancel took {elapsed:.2f} s: the rest of the page was read"
    scanner.set_option("read-delay", 0)
    scanner.set_option("read-limit", 0)
    assert len(list(scanner.scan_pages(max_pages=1))) == 1


def test_a_raising_progress_callback_does_not_stop_or_crash_the_scan(scanner: SaneScanner) -> None:
    scanner.configure(ScanSettings(resolution=50, mode=ScanMode.GRAY, source=ScanSource.ADF))

    def broken(*_: int) -> None:
        raise ValueError("bug in the UI")

    pages = list(scanner.scan_pages(broken, page_progress=broken, max_pages=2))
    assert len(pages) == 2


def test_progress_is_reported_on_the_scanning_thread(scanner: SaneScanner) -> None:
    scanner.configure(ScanSettings(resolution=50, mode=ScanMode.GRAY, source=ScanSource.ADF))
    threads: set[int] = set()
    result: list[int] = []

    def work() -> None:
        pages = scanner.scan_pages(lambda _: threads.add(threading.get_ident()), max_pages=3)
        result.append(sum(1 for _ in pages))

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(timeout=30)
    assert result == [3]
    assert threads == {worker.ident}


@pytest.mark.parametrize(
    ("status", "code"),
    [
        ("SANE_STATUS_JAMMED", "scanner.jam"),
        ("SANE_STATUS_COVER_OPEN", "scanner.cover_open"),
        ("SANE_STATUS_DEVICE_BUSY", "scanner.busy"),
        ("SANE_STATUS_IO_ERROR", "scanner.io_error"),
        ("SANE_STATUS_ACCESS_DENIED", "scanner.access_denied"),
        ("SANE_STATUS_NO_MEM", "scanner.out_of_memory"),
    ],
)
def test_device_errors_become_coded_errors(scanner: SaneScanner, status: str, code: str) -> None:
    scanner.configure(ScanSettings(resolution=50, mode=ScanMode.GRAY, source=ScanSource.FLATBED))
    scanner.set_option("read-return-value", status)
    with pytest.raises(ScannerError) as caught:
        list(scanner.scan_pages())
    assert caught.value.status is SaneStatus[status.removeprefix("SANE_STATUS_")]
    assert caught.value.code == code  # through the worker's pipe: the code survives pickling
    assert not isinstance(caught.value, ScannerUnavailable)
    scanner.set_option("read-return-value", "Default")
    assert len(list(scanner.scan_pages())) == 1  # the error did not wedge the device


def test_a_missing_device_is_unavailable_and_named(sane_env: dict[str, str]) -> None:
    with pytest.raises(ScannerUnavailable) as caught:
        SaneScanner().open("test:9")
    assert caught.value.code == "scanner.not_found" and caught.value.params == {"device": "test:9"}
    assert "test:9" in caught.value.detail


def test_unknown_setting_is_refused_clearly(scanner: SaneScanner) -> None:
    with pytest.raises(ScannerError, match="does not support") as caught:
        scanner.configure(ScanSettings(source=ScanSource.ADF_DUPLEX))
    assert caught.value.code == "scanner.setting_unsupported" and caught.value.params == {"setting": "adf_duplex"}
    with pytest.raises(ScannerError, match="does not support"):
        scanner.set_option("no-such-option", 1)


def test_scanning_needs_an_open_device() -> None:
    with pytest.raises(ScannerError, match="has not been opened"):
        list(SaneScanner().scan_pages())


def test_without_python_sane_the_scanner_is_unavailable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # The worker process imports python-sane: give it modules that fail as a missing libsane.so.1 does.
    for name in ("sane", "_sane"):
        (tmp_path / f"{name}.py").write_text('raise ImportError("libsane.so.1: cannot open shared object file")\n')
    monkeypatch.syspath_prepend(str(tmp_path))  # the worker starts with this process's sys.path
    with pytest.raises(ScannerUnavailable) as caught:
        SaneScanner().open("test:0")
    assert "python-sane" in str(caught.value)
    assert "libsane.so.1" in caught.value.detail
    with pytest.raises(ScannerUnavailable):
        SaneScanner.devices()


def test_config_dir_enables_only_the_test_backend(tmp_path: Path) -> None:
    env = sane_test.make_config_dir(tmp_path / "cfg", overrides={"number_of_devices": "3"})
    assert (tmp_path / "cfg" / "dll.conf").read_text(encoding="utf-8").split() == ["test"]
    lines = (tmp_path / "cfg" / "test.conf").read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if line.startswith("number_of_devices")] == ["number_of_devices 3"]
    assert env["SANE_CONFIG_DIR"] == str(tmp_path / "cfg")


def test_scanned_pages_become_one_pdf(scanner: SaneScanner, tmp_path: Path) -> None:
    pdfinfo = which_or_none("pdfinfo")
    need(pdfinfo is not None, "pdfinfo (poppler-utils)")
    scanner.set_option("test-picture", "Grid")
    scanner.configure(ScanSettings(resolution=100, mode=ScanMode.GRAY, source=ScanSource.ADF))
    cleaned = [clean_page(page) for page in scanner.scan_pages(max_pages=2)]
    data = pages_to_pdf([c.image for c in cleaned], [c.mode for c in cleaned])
    (tmp_path / "material.pdf").write_bytes(data)
    out = subprocess.run([str(pdfinfo), str(tmp_path / "material.pdf")], capture_output=True, text=True, check=True, timeout=30)
    assert "Pages:           2" in out.stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", out.stdout)
    assert size is not None
    expected = (_pixels(WIDTH_MM, 100) * 0.72, _pixels(HEIGHT_MM, 100) * 0.72)  # pixels at 100 dpi, in points
    assert (float(size[1]), float(size[2])) == pytest.approx(expected, abs=0.05)


def test_a_driver_that_stops_answering_is_replaced_and_the_page_still_comes(scanner: SaneScanner) -> None:
    """A libsane that hangs mid-page (here: its worker frozen with SIGSTOP) costs one wait, not the scan."""
    import os
    import signal

    scanner.configure(ScanSettings(resolution=50, mode=ScanMode.GRAY, source=ScanSource.FLATBED))
    scanner.set_option("read-delay", 1)  # slow enough that the page is still being read when frozen
    scanner.page_silence_s = 3
    frozen: list[int] = []

    def freeze_once(_lines: int, _total: int) -> None:
        if not frozen and scanner.worker_pid:
            frozen.append(scanner.worker_pid)
            os.kill(scanner.worker_pid, signal.SIGSTOP)

    pages = list(scanner.scan_pages(page_progress=freeze_once))
    assert frozen and len(pages) == 1, "the frozen worker was replaced and the page read again"
    assert scanner.worker_pid != frozen[0]
    with pytest.raises(ProcessLookupError):
        os.kill(frozen[0], 0)  # the frozen one is gone, not left behind
