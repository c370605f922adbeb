"""Adapters from the drivers to the ports: each owns its device's one I/O thread.

Only `hallapp.devices.manager` builds these; everything else receives them through `Devices`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from drivers.idcard.reader import SamReader
from drivers.idcard.simulator import ReaderSimulator
from drivers.io_thread import IoThread, Repeating, runs_on_io_thread

if TYPE_CHECKING:
    from PIL import Image

    from drivers.idcard.pcsc import SocialSecurityCard
    from hallapp.config import DeviceSettings

log = logging.getLogger(__name__)


@dataclass
class IdCardReaderHandle:
    """An opened ID card reader, and its simulator in demo mode.

    In demo mode each explicit read (F3) first places the next sample card on the simulated
    reader, as an applicant would hand over their card.
    """

    reader: SamReader
    simulator: ReaderSimulator | None = None
    _next_card: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def port(self) -> str:
        return self.reader.port

    @property
    def io_thread(self) -> IoThread:
        return self.reader.io_thread

    def present_next_sample_card(self) -> None:
        if self.simulator is None:
            return
        with self._lock:
            self.simulator.place(self._next_card % self.simulator.card_count)
            self._next_card += 1

    def close(self) -> None:
        self.reader.close()
        if self.simulator is not None:
            self.simulator.stop()


class SaneScannerDevice:
    """The configured SANE scanner (`devices.scanner`; empty = the first found). A SaneScanner
    belongs to the thread that opened it: open, scan and close all run on this device's thread."""

    def __init__(self, settings: DeviceSettings) -> None:
        self.settings = settings
        self.io_thread = IoThread("scanner")

    @runs_on_io_thread
    def scan_pages(self, progress: Callable[[int], None] | None = None,
                   cancel: threading.Event | None = None) -> list[Image.Image]:
        from drivers.scanner import ScannerUnavailable
        from drivers.scanner.sane_scanner import SaneScanner, ScanMode, ScanSettings, ScanSource

        device = self.settings.scanner or next((d.name for d in SaneScanner.devices()), None)
        if device is None:
            raise ScannerUnavailable("scanner.none_found")
        source = ScanSource.ADF if self.settings.scanner_source == "adf" else ScanSource.FLATBED
        scanner = SaneScanner()
        try:
            scanner.open(device)
            scanner.configure(ScanSettings(resolution=self.settings.scanner_dpi, mode=ScanMode.GRAY, source=source))
            return list(scanner.scan_pages(progress, cancel))
        finally:
            scanner.close()

    def close(self) -> None:
        self.io_thread.close(wait=False)


class PcscSocialSecurityReader:
    """Social security cards over PC/SC. A fresh PC/SC context per read: after an unplugged reader
    the old one stays broken (pyscard issues #13, #27)."""

    def __init__(self) -> None:
        self.io_thread = IoThread("sscard-reader")

    @runs_on_io_thread
    def read_card(self, reader: str | None, timeout: float) -> SocialSecurityCard:
        from drivers.idcard.pcsc import PcscService

        with PcscService() as service:
            return service.read_social_security_card(reader, timeout)

    def close(self) -> None:
        self.io_thread.close(wait=False)


class FolderWatch:
    """Follows the folder a vendor's scan tool (TWAIN/WIA) saves into, on its own thread. Each
    complete new file goes to `on_file` (called on that thread); its return says where the file
    goes: True to done/, False to failed/."""

    def __init__(self, folder: Path, on_file: Callable[[Path], bool]) -> None:
        from drivers.scanner.folder import WatchedFolder

        self.folder = WatchedFolder(folder)
        self.on_file = on_file
        self.io_thread = IoThread("scan-folder")
        self._polling: Repeating | None = None

    @property
    def path(self) -> Path:
        return self.folder.path

    def start(self) -> FolderWatch:
        self.folder.path.mkdir(parents=True, exist_ok=True)
        self._polling = self.io_thread.repeat(self.folder.poll_interval, self._poll)
        return self

    @property
    def running(self) -> bool:
        return self._polling is not None and self._polling.active

    def _poll(self) -> None:
        for path in self.folder.poll():
            done = self.on_file(path)
            (self.folder.mark_done if done else self.folder.mark_failed)(path)

    def stop(self) -> None:
        if self._polling is not None:
            self._polling.cancel(timeout=2)
        self.io_thread.close(wait=False)
