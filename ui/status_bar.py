"""Status bar: platform link, sync backlog and its age, device health. Refreshed off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from hallapp.config import Settings
from hallapp.domain.clock import hall_clock
from hallapp.services import status
from hallapp.storage import Database
from ui.card_reader import CardReaderController, ReaderState
from ui.sync_runner import SyncRunner
from ui.tasks import Task

REFRESH_MS = 10_000


def _set(label: QLabel, text: str, state: str) -> None:
    label.setText(text)
    label.setObjectName(state)
    label.style().unpolish(label)
    label.style().polish(label)


class HallStatusBar(QStatusBar):
    def __init__(self, db: Database, settings: Settings, card_reader: CardReaderController, sync: SyncRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sync = sync
        self.db, self.settings = db, settings
        self.link = QLabel(objectName="statusWarn")
        self.backlog = QLabel(objectName="statusOk")
        self.devices = QLabel(objectName="statusWarn")
        for label in (self.link, self.backlog, self.devices):
            self.addWidget(label)
        card_reader.state_changed.connect(self.show_reader_state)
        sync.link_changed.connect(self.show_link)
        sync.entry_changed.connect(lambda _e: self.refresh())
        self.show_link(sync.state, "")
        self.show_reader_state(card_reader.state)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    def show_reader_state(self, state: str) -> None:
        if state in (ReaderState.READY, ReaderState.READING):
            _set(self.devices, "● " + self.tr("Card reader"), "statusOk")
        elif state == ReaderState.CONNECTING:
            _set(self.devices, "◐ " + self.tr("Card reader: connecting"), "statusWarn")
        else:
            _set(self.devices, "✖ " + self.tr("Card reader: not connected"), "statusBad")

    def refresh(self) -> None:
        db, settings = self.db, self.settings
        Task(self, lambda: status.snapshot(db, settings)).on_success(self.show_snapshot).on_failure(
            lambda _e: _set(self.link, "✖ " + self.tr("Database unreachable"), "statusBad")
        ).run()

    def show_link(self, state: str, message: str) -> None:
        if state == "up":
            _set(self.link, "● " + self.tr("Platform online"), "statusOk")
        elif state == "down":
            _set(self.link, "◐ " + self.tr("Platform unreachable: cases wait safely and are sent later"), "statusWarn")
        elif state == "connecting":
            _set(self.link, "◐ " + self.tr("Connecting to the platform…"), "statusWarn")
        elif state == "blocked":
            _set(self.link, "✖ " + self.tr("Sync stopped: {reason}").format(reason=message), "statusBad")
        else:
            _set(self.link, "○ " + self.tr("Platform: not configured"), "statusWarn")

    def show_snapshot(self, snap: status.StatusSnapshot) -> None:
        if self.sync.state == "off" and not snap.platform_configured:
            self.show_link("off", "")
        if snap.backlog == 0:
            _set(self.backlog, "✔ " + self.tr("Nothing waiting to sync"), "statusOk")
        else:
            minutes = int((hall_clock().now() - snap.oldest_unsent).total_seconds() // 60) if snap.oldest_unsent else 0
            _set(self.backlog, "◐ " + self.tr("Waiting to sync: {count} (oldest {minutes} min ago)").format(
                count=snap.backlog, minutes=minutes), "statusWarn")
