"""Capturing materials through the service and the device manager's scanner: SANE test backend
scans become cleaned PDFs; a scan cancelled before the first page says so instead of producing an
empty material."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from hallapp.config import DeviceSettings, Settings
from hallapp.devices import Devices
from hallapp.services import scanning
from tests.support import sane_test
from tests.support.requirements import need


@pytest.fixture
def devices() -> Iterator[Devices]:
    need(sane_test.backend_available(), "SANE test backend and python-sane")
    sane_test.process_env()
    sane = DeviceSettings(scanner=sane_test.TEST_DEVICE, scanner_source="flatbed", scanner_dpi=100)
    manager = Devices(Settings(devices=sane), demo=True)  # a scanner that is set wins over the demo's pages
    yield manager
    manager.close()


def test_a_flatbed_scan_becomes_one_pdf_page(devices: Devices) -> None:
    material = scanning.capture(devices.scanner())
    assert material.pages == 1 and material.pdf.startswith(b"%PDF") and len(material.thumbnails) == 1


def test_a_scan_cancelled_before_the_first_page_is_refused_plainly(devices: Devices) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(scanning.ScanCancelledError, match="cancelled") as caught:
        scanning.capture(devices.scanner(), cancel=cancel)
    assert caught.value.code == "scan.cancelled"
