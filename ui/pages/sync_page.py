"""The sync page: what has reached the national platform and what has not, and why. One-click
retry; a supervisor sees the entries that need attention first."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hallapp.storage import Database
from hallapp.sync import status as sync_status
from ui.tasks import Task

REFRESH_MS = 3000


class SyncPage(QWidget):
    def __init__(self, db: Database, *, attention_first: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.rows: list[dict] = []
        self.words = {
            "queued": "○ " + self.tr("waiting to send"), "sending": "◐ " + self.tr("sending"),
            "sent": "◐ " + self.tr("sent, awaiting confirmation"), "retrying": "◐ " + self.tr("will retry"),
            "needs_attention": "✖ " + self.tr("needs attention"), "confirmed": "✔ " + self.tr("confirmed by the platform"),
        }
        self.filter = QComboBox(objectName="syncFilter")
        self.filter.addItem(self.tr("Not yet confirmed"), "unconfirmed")
        for state, word in self.words.items():
            self.filter.addItem(word, state)
        if attention_first:
            self.filter.setCurrentIndex(self.filter.findData("needs_attention"))
        self.filter.currentIndexChanged.connect(self.refresh)
        self.summary = QLabel(objectName="hint")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 6, objectName="syncTable")
        self.table.setHorizontalHeaderLabels([self.tr("Case"), self.tr("Record"), self.tr("State"), self.tr("Sent"),
                                              self.tr("Attempts"), self.tr("Why")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        retry = QPushButton(self.tr("Retry selected Ctrl+R"), objectName="primary")
        retry.setShortcut("Ctrl+R")
        retry.clicked.connect(self.retry_selected)
        self.message = QLabel(objectName="hint")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Sync with the national platform"), objectName="pageTitle"), 1)
        top.addWidget(self.filter)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(retry)
        bottom.addWidget(self.message, 1)
        layout.addLayout(bottom)
        self.timer = QTimer(self, interval=REFRESH_MS)
        self.timer.timeout.connect(self.refresh)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        self.refresh()
        self.timer.start()

    def hideEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        self.timer.stop()
        super().hideEvent(event)

    def refresh(self) -> None:
        db, wanted = self.db, self.filter.currentData()

        def load() -> tuple[dict, list[dict]]:
            rows = sync_status.entries(db, None if wanted == "unconfirmed" else wanted, limit=500)
            if wanted == "unconfirmed":
                rows = [r for r in rows if r["state"] != "confirmed"]
            return sync_status.sync_status(db), rows

        Task(self, load).on_success(self._show).run()

    def _show(self, result: tuple[dict, list[dict]]) -> None:
        status, self.rows = result
        counts = status["counts"]
        parts = [f"{self.words.get(state, state)} {n}" for state, n in counts.items() if n]
        age = status["oldest_unconfirmed_age_s"]
        oldest = self.tr("oldest unconfirmed: {minutes} min").format(minutes=int(age // 60)) if age is not None else ""
        blocked = ("✖ " + status["blocked"]) if status.get("blocked") else ""
        self.summary.setText("   ".join(p for p in (*parts, oldest, blocked) if p) or self.tr("Nothing to send."))
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            values = (row["case_number"] or "", row["kind"], self.words.get(row["state"], row["state"]), f"{row['percent']}%",
                      str(row["attempts"]), row["last_error"] or "")
            for c, text in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def retry_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            self.message.setText(self.tr("Select an entry first."))
            return
        entry_id, db = self.rows[row]["id"], self.db
        Task(self, lambda: sync_status.retry(db, entry_id)).writes().on_success(
            lambda _r: (self.message.setText(self.tr("It will be sent again now.")), self.refresh())).on_failure(
            lambda exc: self.message.setText(str(exc))).run()
