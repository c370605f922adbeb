"""Cases whose materials are still owed after 容缺 past their due date: the case, its item, the
applicant (masked: others may see the screen), the due date, how many days late, the clerk and
what is owed. Enter (or a double click) on a row opens the case. Read through ui/tasks.py Task."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from hallapp.services import supplements
from hallapp.services.supplements import OverdueSupplement
from hallapp.storage import Database
from ui.pages.supervisor_returned import _fill, _table
from ui.tasks import Task


class OverduePanel(QWidget):
    case_requested = Signal(str)
    counted = Signal(int)  # cases overdue, after each read: the page's tile shows it

    def __init__(self, db: Database, hall_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.hall_id = db, hall_id
        self.rows: list[OverdueSupplement] = []
        self.table = _table("overdueTable", [
            self.tr("Case"), self.tr("Item"), self.tr("Applicant"), self.tr("Due"), self.tr("Days overdue"),
            self.tr("Clerk"), self.tr("Still owed")])
        self.table.activated.connect(lambda index: self.open_case(index.row()))
        self.table.doubleClicked.connect(lambda index: self.open_case(index.row()))
        self.summary = QLabel(objectName="hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(self.tr("Enter on a row opens the case, where the material is supplied."),
                                objectName="hint"))

    def refresh(self) -> None:
        db, hall_id = self.db, self.hall_id
        Task(self, lambda: supplements.overdue(db, hall_id)).on_success(self._show).on_failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(self.tr("The overdue materials could not be read ({error}); they are read again when "
                                     "the page is shown.").format(error=type(exc).__name__))

    def _show(self, rows: list[OverdueSupplement]) -> None:
        self.rows = rows
        _fill(self.table, [[r.case_number, r.item_name, r.applicant, r.due.isoformat(), str(r.days_overdue), r.clerk,
                            "、".join(r.owed)] for r in rows])
        self.summary.setText(self.tr("Cases with materials overdue: {count}.").format(count=len(rows)))
        self.counted.emit(len(rows))

    def focus_list(self) -> None:
        self.table.setFocus()

    def open_case(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.case_requested.emit(self.rows[row].case_number)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.hasFocus():
            self.open_case(self.table.currentRow())
            return
        super().keyPressEvent(event)
