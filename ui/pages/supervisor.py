"""Supervisor page: today's hall at a glance. Queue and sync figures arrive with those parts;
the audit trail (logins, locks, role changes, imports) is live now."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from hallapp.services import audit
from hallapp.storage import Database
from ui.tasks import Task
from ui.widgets.placeholder import panel_title, placeholder


class SupervisorPage(QWidget):
    def __init__(self, db: Database, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.db = db
        title = QLabel(self.tr("Hall overview"), objectName="pageTitle")
        tiles = placeholder(self.tr(
            "Tickets, waiting and service times, throughput and evaluations appear here once the "
            "queue is in use (not available yet in this version)."))
        self.table = QTableWidget(0, 4, objectName="auditTable")
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Who"), self.tr("Action"), self.tr("Subject")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.chain = QLabel(objectName="hint")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(tiles)
        layout.addWidget(panel_title(self.tr("Audit trail")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.chain)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        db = self.db
        Task(self, lambda: (audit.recent(db, 200), audit.broken_links(db))).on_success(self._show).run()

    def _show(self, result: tuple[list[audit.AuditRow], list[int]]) -> None:
        rows, broken = result
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            local = row.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            for c, text in enumerate((local, row.actor, row.action, row.subject)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if broken:
            self.chain.setObjectName("statusBad")
            self.chain.setText(self.tr("✖ Audit trail altered: {count} events fail the check").format(count=len(broken)))
        else:
            self.chain.setObjectName("statusOk")
            self.chain.setText(self.tr("✔ Audit trail intact"))
        self.chain.style().unpolish(self.chain)
        self.chain.style().polish(self.chain)
