"""Capturing materials through the service: SANE test backend scans become cleaned PDFs; a scan
cancelled before the first page says so instead of producing an empty material."""

from __future__ import annotations

import threading

import pytest

from hallapp.config import DeviceSettings
from hallapp.services import scanning
from tests.support import sane_test
from tests.support.requirements import need


@pytest.fixture
def sane_device() -> DeviceSettings:
    need(sane_test.backend_available(), "SANE test backend and python-sane")
    sane_test.process_env()
    return DeviceSettings(scanner=sane_test.TEST_DEVICE, scanner_source="flatbed", scanner_dpi=100)


def test_a_flatbed_scan_becomes_one_pdf_page(sane_device: DeviceSettings) -> None:
    material = scanning.scan(sane_device, demo=False)
    assert material.pages == 1 and material.pdf.startswith(b"%PDF") and len(material.thumbnails) == 1


def test_a_scan_cancelled_before_the_first_page_is_refused_plainly(sane_device: DeviceSettings) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(scanning.ScanCancelledError, match="cancelled") as caught:
        scanning.scan(sane_device, demo=False, cancel=cancel)
    assert caught.value.code == "scan.cancelled"
