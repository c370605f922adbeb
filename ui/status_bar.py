"""Status bar: platform link, sync backlog and its age, device health. Read off the GUI thread
whenever the change event says the outbox moved (or a minute passed: the backlog's age)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

from hallapp.config import Settings
from hallapp.domain.changes import Area, Changes
from hallapp.domain.clock import hall_clock
from hallapp.services import status_snapshot
from hallapp.storage import Database
from ui import changes as change_event
from ui.card_reader import CardReaderController, ReaderState
from ui.sync_runner import SyncRunner
from ui.tasks import Task
from ui.words import age_words


class ElidedLabel(QLabel):
    """One line that gives way: a long reason ("Sync stopped: …") is cut with "…" at the width left
    beside the backlog and the devices (which stay whole), the full words in its tooltip."""

    def __init__(self, objectName: str) -> None:  # noqa: N803 - Qt's keyword
        super().__init__(objectName=objectName)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self.fontMetrics().horizontalAdvance(self.text()) + 8, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self.fontMetrics().horizontalAdvance("✖ …") * 4, super().minimumSizeHint().height())

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(text)
        self.setToolTip(text)

    def shown_text(self) -> str:
        """What the person sees at the label's width."""
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         self.shown_text())


def _set(label: QLabel, text: str, state: str) -> None:
    if label.text() == text and label.objectName() == state:
        return  # a drain reads the status several times a second: no relayout, no restyle for nothing
    label.setText(text)
    if label.objectName() != state:
        label.setObjectName(state)
        label.style().unpolish(label)
        label.style().polish(label)


class HallStatusBar(QStatusBar):
    def __init__(self, db: Database, settings: Settings, card_reader: CardReaderController, sync: SyncRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sync = sync
        self.db, self.settings = db, settings
        self.link = ElidedLabel("statusWarn")
        self.backlog = QLabel(objectName="statusOk")
        self.devices = QLabel(objectName="statusWarn")
        self.reading = self.again = False  # one read at a time, one more after it
        self.addWidget(self.link, 1)  # gives way to the two beside it
        for label in (self.backlog, self.devices):
            self.addWidget(label)
        card_reader.state_changed.connect(self.show_reader_state)
        sync.link_changed.connect(self.show_link)
        change_event.follow(self.changed)
        self.show_link(sync.state, sync.message or "")  # a rebuilt bar (language change) keeps the reason
        self.show_reader_state(card_reader.state)
        self.refresh()

    def changed(self, changes: Changes, _origin: object) -> None:
        if changes.touches(Area.OUTBOX, Area.CLOCK):
            self.refresh()

    def show_reader_state(self, state: str) -> None:
        if state in (ReaderState.READY, ReaderState.READING):
            _set(self.devices, "● " + self.tr("Card reader"), "statusOk")
        elif state == ReaderState.CONNECTING:
            _set(self.devices, "◐ " + self.tr("Card reader: connecting"), "statusWarn")
        else:
            _set(self.devices, "✖ " + self.tr("Card reader: not connected"), "statusBad")

    def refresh(self) -> None:
        if self.reading:  # a burst of changes (a drain): the read after this one sees them all
            self.again = True
            return
        self.reading = True
        db, settings = self.db, self.settings
        Task(self, lambda: status_snapshot.snapshot(db, settings)).on_success(self._read).on_failure(
            self._unreadable).run()

    def _read_done(self) -> None:
        self.reading = False
        if self.again:
            self.again = False
            self.refresh()

    def _read(self, snap: status_snapshot.StatusSnapshot) -> None:
        self.show_snapshot(snap)
        self._read_done()

    def _unreadable(self, _exc: BaseException) -> None:
        _set(self.link, "✖ " + self.tr("Database unreachable"), "statusBad")
        self._read_done()

    def show_link(self, state: str, message: str) -> None:
        self.link_state = (state, message)
        if state == "up":
            _set(self.link, "● " + self.tr("Platform online"), "statusOk")
        elif state == "down":
            _set(self.link, "◐ " + self.tr("Platform unreachable: cases wait safely and are sent later"), "statusWarn")
        elif state == "connecting":
            _set(self.link, "◐ " + self.tr("Connecting to the platform…"), "statusWarn")
        elif state == "blocked":
            _set(self.link, "✖ " + self.tr("Sync stopped: {reason}").format(reason=message), "statusBad")
        elif state == "elsewhere":  # counter.window_sends off: the backlog label shows whether cases move
            _set(self.link, "○ " + self.tr("Platform: cases are sent by the hall's sync PC"), "statusOk")
        else:
            _set(self.link, "○ " + self.tr("Platform: not configured"), "statusWarn")

    def show_snapshot(self, snap: status_snapshot.StatusSnapshot) -> None:
        if self.sync.state == "off" and not snap.platform_configured:
            self.show_link("off", "")
        else:
            self.show_link(*self.link_state)  # takes back "Database unreachable" once a read works again
        if snap.backlog == 0:
            _set(self.backlog, "✔ " + self.tr("Nothing waiting to sync"), "statusOk")
        else:
            minutes = (hall_clock().now() - snap.oldest_unsent).total_seconds() / 60 if snap.oldest_unsent else 0
            _set(self.backlog, "◐ " + self.tr("Waiting to sync: {count} (oldest {age} ago)").format(
                count=snap.backlog, age=age_words(minutes)), "statusWarn")
