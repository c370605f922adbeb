"""Follows the folder where a vendor's scan tool (TWAIN/WIA) saves files: each new complete file
becomes the pages of the material selected in the checklist. The device manager polls the folder
on its own thread; files are read and cleaned there too; results reach the GUI through the event
bridge."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from hallapp.devices import Devices
from hallapp.devices.adapters import FolderWatch
from hallapp.services import scanning
from ui.errors import describe
from ui.events import EventBridge

log = logging.getLogger(__name__)


class ScanFolderWatcher(QObject):
    captured = Signal(object)  # scanning.CapturedMaterial
    failed = Signal(str)

    def __init__(self, folder: str, parent: QObject | None = None, devices: Devices | None = None) -> None:
        super().__init__(parent)
        self.folder_path = folder
        # Until ui/pages/counter.py passes `devices`, the page's AppContext (`parent.app`) has them.
        self.devices = devices or getattr(getattr(parent, "app", None), "devices", None)
        if self.devices is None:
            raise TypeError("ScanFolderWatcher needs the device manager (devices=app.devices)")
        self.events = EventBridge(self)
        self.watch: FolderWatch | None = None

    def start(self) -> ScanFolderWatcher:
        self.watch = self.devices.scan_folder(self._file_arrived, self.folder_path)
        return self

    def _file_arrived(self, path: Path) -> bool:
        """On the folder's thread: True moves the file to done/, False to failed/."""
        try:
            material = scanning.from_file(path)
        except Exception as exc:  # noqa: BLE001 - a bad file goes to failed/, the watch goes on
            self.events.post(lambda e=exc: self.failed.emit(describe(e)))  # worded on the GUI thread
            return False
        self.events.post(lambda m=material: self.captured.emit(m))
        return True

    def stop(self) -> None:
        if self.watch is not None:
            self.watch.stop()
            self.watch = None
