"""The audit trail on the supervisor page: actions in words (ui/words.py), subjects readable,
filtered by action, person and day; the hash chain's check below."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hallapp.domain.clock import hall_clock
from hallapp.services import audit, audit_trail
from hallapp.storage import Database
from ui.tasks import Task
from ui.words import action_word


def subject_words(subject: str) -> str:
    """`case:DEMO…-0001` → `Case DEMO…-0001`; the code before the colon says what kind of thing it is."""
    kind, _, name = subject.partition(":")
    kinds = {"case": QCoreApplication.translate("AuditPanel", "Case {name}"),
             "staff": QCoreApplication.translate("AuditPanel", "Account {name}"),
             "ticket": QCoreApplication.translate("AuditPanel", "Ticket {name}"),
             "hall": QCoreApplication.translate("AuditPanel", "Hall {name}"),
             "counter": QCoreApplication.translate("AuditPanel", "Counter {name}"),
             "catalog": QCoreApplication.translate("AuditPanel", "Catalog {name}")}
    return kinds[kind].format(name=name) if name and kind in kinds else subject


class AuditPanel(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.action = QComboBox(objectName="auditAction")
        self.actor = QComboBox(objectName="auditActor")
        self.on_day = QCheckBox(self.tr("On &day"), objectName="auditOnDay")
        today = hall_clock().today()
        self.day = QDateEdit(QDate(today.year, today.month, today.day), objectName="auditDay")
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setCalendarPopup(True)
        self._fill_choices([], [])
        for signal in (self.action.currentIndexChanged, self.actor.currentIndexChanged, self.on_day.toggled,
                       self.day.dateChanged):
            signal.connect(self.refresh)
        self.table = QTableWidget(0, 4, objectName="auditTable")
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Who"), self.tr("Action"), self.tr("Subject")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.chain = QLabel(objectName="hint")
        bar = QHBoxLayout()
        for label, widget in ((self.tr("&Action"), self.action), (self.tr("&Who"), self.actor)):
            buddy = QLabel(label)
            buddy.setBuddy(widget)
            bar.addWidget(buddy)
            bar.addWidget(widget)
        bar.addWidget(self.on_day)
        bar.addWidget(self.day)
        bar.addStretch(1)
        bar.addWidget(self.chain)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def _fill_choices(self, actions: list[str], actors: list[str]) -> None:
        for box, values, everyone, word in ((self.action, actions, self.tr("All actions"), action_word),
                                            (self.actor, actors, self.tr("Everyone"), str)):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(everyone, None)
            for value in sorted(values, key=word):
                box.addItem(word(value), value)
            box.setCurrentIndex(max(0, box.findData(current)))
            box.blockSignals(False)

    def wanted(self) -> audit_trail.AuditFilter:
        day = self.day.date()
        on = date(day.year(), day.month(), day.day()) if self.on_day.isChecked() else None
        return audit_trail.AuditFilter(self.action.currentData(), self.actor.currentData(), on, on)

    def refresh(self) -> None:
        db, wanted = self.db, self.wanted()
        Task(self, lambda: (audit_trail.search(db, wanted, 500), audit.broken_links(db), audit_trail.choices(db))) \
            .on_success(self._show).run()

    def _show(self, result: tuple[list[audit.AuditRow], list[int], tuple[list[str], list[str]]]) -> None:
        rows, broken, (actions, actors) = result
        self._fill_choices(actions, actors)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            local = hall_clock().format(row.at, "%Y-%m-%d %H:%M:%S")  # the hall's time, not the PC's zone
            for c, text in enumerate((local, row.actor, action_word(row.action), subject_words(row.subject))):
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
