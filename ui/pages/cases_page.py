"""Finding a case later: by case number, ID number or name, day and state; its materials, its
way to the platform and what the handling authority said (returned for correction: why)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hallapp.domain.cases import STATE_WORDS, CaseState
from hallapp.services import cases
from hallapp.storage import Database
from hallapp.sync import status as sync_status
from ui.tasks import Task


class CasesPage(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.found: list[cases.CaseSummary] = []
        self.text = QLineEdit(objectName="caseSearch")
        self.text.setPlaceholderText(self.tr("Case number, ID number or name"))
        self.text.returnPressed.connect(self.search)
        self.state = QComboBox(objectName="caseState")
        self.state.addItem(self.tr("Any state"), None)
        for state in CaseState:
            self.state.addItem(STATE_WORDS[state], state.value)
        self.on_day = QCheckBox(self.tr("On"))
        self.day = QDateEdit(QDate.currentDate(), objectName="caseDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        find = QPushButton(self.tr("Search Enter"), objectName="primary")
        find.clicked.connect(self.search)
        self.table = QTableWidget(0, 5, objectName="caseTable")
        self.table.setHorizontalHeaderLabels([self.tr("Case number"), self.tr("Item"), self.tr("Applicant"),
                                              self.tr("State"), self.tr("Promised")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda row, *_: self.show_case(row))
        self.detail = QLabel(objectName="caseDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(self.detail.textFormat().PlainText)
        bar = QHBoxLayout()
        for widget in (self.text, self.state, self.on_day, self.day, find):
            bar.addWidget(widget)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([700, 500])
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Cases"), objectName="pageTitle"))
        layout.addLayout(bar)
        layout.addWidget(split, 1)

    def search(self) -> None:
        db, text, state = self.db, self.text.text(), self.state.currentData()
        day = self.day.date().toPython() if self.on_day.isChecked() else None
        Task(self, lambda: cases.search(db, text, state=state, on=day)).on_success(self._show_found).run()

    def _show_found(self, found: list[cases.CaseSummary]) -> None:
        self.found = found
        self.table.setRowCount(len(found))
        for r, case in enumerate(found):
            values = (case.number, case.item_name, case.applicant_masked, STATE_WORDS.get(case.state, case.state),
                      case.promised_date.isoformat() if case.promised_date else "")
            for c, text in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.detail.setText(self.tr("No case found.") if not found else "")
        if found:
            self.table.selectRow(0)

    def show_case(self, row: int) -> None:
        if not 0 <= row < len(self.found):
            return
        db, number = self.db, self.found[row].number
        Task(self, lambda: (cases.show(db, number), sync_status.case_sync_state(db, number))).on_success(self._detail).run()

    def _detail(self, result: tuple[dict, dict]) -> None:
        case, sync = result
        state = STATE_WORDS.get(case["state"], case["state"])
        lines = [f"{case['number']}  {state}", f"{case['item_name']} ({case['item_code']})"]
        if case["returned_reason"]:
            lines.append("✖ " + self.tr("Returned for correction: {reason}").format(reason=case["returned_reason"]))
        lines.append(self.tr("Materials:"))
        for m in case["materials"]:
            mark = "✔" if m["status"] == "captured" else "✖"
            pages = self.tr("{n} page(s)").format(n=m["pages"]) if m["pages"] else ""
            lines.append(f"  {mark} {m['name']}  {pages}")
        entry = sync.get("sync")
        if entry:
            lines.append(self.tr("Platform: {state} ({percent}%)").format(state=entry["state"], percent=entry["percent"]))
            if entry.get("last_error"):
                lines.append("  " + entry["last_error"])
        for update in sync.get("platform_updates", []):
            reason = f" — {update['reason']}" if update.get("reason") else ""
            lines.append(f"  {update['status']}{reason}")
        self.detail.setText("\n".join(lines))
