"""Follows the folder where a vendor's scan tool (TWAIN/WIA) saves files: each new complete file
becomes the pages of the material selected in the checklist. The folder is polled on its own
thread; files are read and cleaned there too; results reach the GUI through the event bridge."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from drivers.scanner.folder import WatchedFolder
from hallapp.services import scanning
from ui.errors import describe
from ui.events import EventBridge

log = logging.getLogger(__name__)


class ScanFolderWatcher(QObject):
    captured = Signal(object)  # scanning.CapturedMaterial
    failed = Signal(str)

    def __init__(self, folder: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = WatchedFolder(Path(folder))
        self.events = EventBridge(self)
        self.stop_event = threading.Event()
        self.thread = threading.Thread(target=self._run, name="scan-folder", daemon=True)

    def start(self) -> ScanFolderWatcher:
        self.folder.path.mkdir(parents=True, exist_ok=True)
        self.thread.start()
        return self

    def _run(self) -> None:
        for path in self.folder.watch(self.stop_event):
            try:
                material = scanning.from_file(path)
            except Exception as exc:  # noqa: BLE001 - a bad file goes to failed/, the watch goes on
                self.folder.mark_failed(path)
                self.events.post(lambda e=exc: self.failed.emit(describe(e)))  # worded on the GUI thread
                continue
            self.folder.mark_done(path)
            self.events.post(lambda m=material: self.captured.emit(m))

    def stop(self) -> None:
        self.stop_event.set()
        if self.thread.is_alive():
            self.thread.join(timeout=2)
