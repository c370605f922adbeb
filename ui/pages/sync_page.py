"""The sync page: what has reached the national platform and what has not, and why. One-click
retry; a supervisor sees the entries that need attention first. While shown, it reads again
whenever the change event says the outbox moved."""

from __future__ import annotations

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

from hallapp.domain.changes import Area, Changes
from hallapp.domain.outbox import OutboxState
from hallapp.storage import Database
from hallapp.sync import outbox_view as sync_status
from ui import changes as change_event
from ui import words as state_words
from ui.errors import describe_stored
from ui.tasks import Task

MARKS = {OutboxState.QUEUED: "○", OutboxState.SENDING: "◐", OutboxState.SENT: "◐", OutboxState.RETRYING: "◐",
         OutboxState.NEEDS_ATTENTION: "✖", OutboxState.CONFIRMED: "✔"}


class SyncPage(QWidget):
    def __init__(self, db: Database, *, attention_first: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.rows: list[dict] = []
        self.loading = self.again = False  # a burst of changes: one read at a time, one more after it
        self.words = {state: f"{MARKS[state]} {word}" for state, word in state_words.outbox_words().items()}
        self.filter = QComboBox(objectName="syncFilter")
        self.filter.addItem(self.tr("Not yet confirmed"), "unconfirmed")
        for state, word in self.words.items():
            self.filter.addItem(word, state.value)
        if attention_first:
            self.filter.setCurrentIndex(self.filter.findData(OutboxState.NEEDS_ATTENTION.value))
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
        change_event.follow(self.changed)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()

    def changed(self, changes: Changes, _origin: object) -> None:
        if self.isVisible() and changes.touches(Area.OUTBOX, Area.CLOCK):  # hidden: showEvent reads anyway
            self.refresh()

    def refresh(self) -> None:
        if self.loading:
            self.again = True
            return
        self.loading = True
        db, wanted = self.db, self.filter.currentData()

        def load() -> tuple[dict, list[dict]]:
            rows = sync_status.entries(db, None if wanted == "unconfirmed" else wanted, limit=500)
            if wanted == "unconfirmed":
                rows = [r for r in rows if r["state"] != OutboxState.CONFIRMED]
            return sync_status.sync_status(db), rows

        Task(self, load).on_success(self._show).on_failure(self._read_failed).run()

    def _read_done(self) -> None:
        self.loading = False
        if self.again:
            self.again = False
            self.refresh()

    def _read_failed(self, exc: BaseException) -> None:
        self.summary.setText(self.tr("The sync list cannot be read now ({error}); it is read again at the next "
                                     "change.").format(error=type(exc).__name__))
        self._read_done()

    def _show(self, result: tuple[dict, list[dict]]) -> None:
        status, self.rows = result
        counts = status["counts"]
        parts = [f"{self.words.get(state, state)} {n}" for state, n in counts.items() if n]
        age = status["oldest_unconfirmed_age_s"]
        oldest = self.tr("oldest unconfirmed: {minutes} min").format(minutes=int(age // 60)) if age is not None else ""
        blocked = ("✖ " + describe_stored(status.get("blocked_error"))) if status.get("blocked_error") else ""
        self.summary.setText("   ".join(p for p in (*parts, oldest, blocked) if p) or self.tr("Nothing to send."))
        self.table.setRowCount(len(self.rows))
        why: dict[str, str] = {}  # a few distinct errors over hundreds of rows: each worded once
        for r, row in enumerate(self.rows):
            error = row["last_error"] or ""
            if error not in why:
                why[error] = describe_stored(error) if error else ""
            values = (row["case_number"] or "", row["kind"], self.words.get(row["state"], row["state"]), f"{row['percent']}%",
                      str(row["attempts"]), why[error])
            for c, text in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self._read_done()

    def retry_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            self.message.setText(self.tr("Select an entry first."))
            return
        entry_id, db = self.rows[row]["id"], self.db
        Task(self, lambda: sync_status.retry(db, entry_id)).changes(Area.OUTBOX).on_success(
            lambda _r: self.message.setText(self.tr("It will be sent again now."))).on_failure(
            lambda exc: self.message.setText(str(exc))).run()
