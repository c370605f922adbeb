"""Supervisor page: today's hall at a glance (tiles refreshed off the GUI thread) and the audit
trail (logins, locks, role changes, imports, case moves)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGridLayout, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from hallapp.domain.clock import hall_clock
from hallapp.services import audit, dashboard
from hallapp.storage import Database
from ui.tasks import Task
from ui.widgets.placeholder import panel_title
from ui.words import action_word


class SupervisorPage(QWidget):
    def __init__(self, db: Database, hall_id: int, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.db, self.hall_id = db, hall_id
        title = QLabel(self.tr("Hall overview"), objectName="pageTitle")
        self.tiles: dict[str, QLabel] = {}
        tiles = QWidget()
        grid = QGridLayout(tiles)
        for index, (key, label) in enumerate((
            ("issued", self.tr("Tickets issued")), ("done", self.tr("Visits done")), ("waiting", self.tr("Waiting now")),
            ("avg_wait_min", self.tr("Average wait (min)")), ("avg_service_min", self.tr("Average service (min)")),
            ("backlog", self.tr("Waiting to sync")), ("bad_evaluations", self.tr("Bad ratings to follow up")),
            ("no_show", self.tr("No-shows")),
        )):
            value = QLabel("–", objectName="tileValue")
            grid.addWidget(value, (index // 4) * 2, index % 4)
            grid.addWidget(QLabel(label, objectName="tileLabel"), (index // 4) * 2 + 1, index % 4)
            self.tiles[key] = value
        self.by_counter = QLabel(objectName="hint")
        self.timer = QTimer(self, interval=10_000)
        self.timer.timeout.connect(self.refresh)
        self.table = QTableWidget(0, 4, objectName="auditTable")
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Who"), self.tr("Action"), self.tr("Subject")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.chain = QLabel(objectName="hint")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(tiles)
        layout.addWidget(self.by_counter)
        layout.addWidget(panel_title(self.tr("Audit trail")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.chain)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        self.refresh()

    def hideEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        self.timer.stop()
        super().hideEvent(event)

    def refresh(self) -> None:
        db, hall_id = self.db, self.hall_id
        self.timer.start()
        Task(self, lambda: (audit.recent(db, 200), audit.broken_links(db))).on_success(self._show).run()
        Task(self, lambda: dashboard.today(db, hall_id)).on_success(self._show_figures).run()

    def _show_figures(self, figures: dashboard.Figures) -> None:
        for key, label in self.tiles.items():
            value = getattr(figures, key)
            label.setText("–" if value is None else str(value))
        self.tiles["bad_evaluations"].setObjectName("tileBad" if figures.bad_evaluations else "tileValue")
        self.tiles["bad_evaluations"].style().polish(self.tiles["bad_evaluations"])
        counters = "  ".join(self.tr("Counter {n}: {done}").format(n=n, done=d) for n, d in figures.by_counter.items())
        self.by_counter.setText(counters)

    def _show(self, result: tuple[list[audit.AuditRow], list[int]]) -> None:
        rows, broken = result
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            local = hall_clock().format(row.at, "%Y-%m-%d %H:%M:%S")  # the hall's time, not the PC's zone
            for c, text in enumerate((local, row.actor, action_word(row.action), row.subject)):
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
