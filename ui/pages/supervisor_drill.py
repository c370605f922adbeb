"""The rows behind a dashboard number or bar: tickets, cases or evaluations, in the hall's time.
Enter (or a double click) on a case row asks for that case; Esc closes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QDialog, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from hallapp.domain.clock import hall_clock
from hallapp.domain.evaluation import LEVELS
from hallapp.services.dashboard import CaseRow, Drill, TicketRow
from ui.words import state_word


def _time(at) -> str:  # noqa: ANN001
    return hall_clock().format(at, "%m-%d %H:%M") if at else ""


def _minutes(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


class DrillDialog(QDialog):
    case_requested = Signal(str)

    def __init__(self, title: str, drill: Drill, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 480)
        self.drill = drill
        self.table = QTableWidget(0, 0, objectName="drillTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda index: self._open(index.row()))  # Enter on the table
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        self.opened = False
        headers, rows = self._content()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        hint = self.tr("{count} rows. Enter opens the case; Esc closes.").format(count=len(rows)) \
            if drill.kind != "tickets" else self.tr("{count} tickets. Esc closes.").format(count=len(rows))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(title, objectName="panelTitle"))
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(hint, objectName="hint"))
        if rows:
            self.table.selectRow(0)
        self.table.setFocus()

    def _content(self) -> tuple[list[str], list[list[str]]]:
        kind = self.drill.kind
        if kind == "tickets":
            return ([self.tr("Ticket"), self.tr("Taken"), self.tr("Called"), self.tr("Done"), self.tr("Wait (min)"),
                     self.tr("Service (min)"), self.tr("Counter"), self.tr("Clerk"), self.tr("State")],
                    [[t.number, _time(t.issued_at), _time(t.called_at), _time(t.finished_at), _minutes(t.wait_min),
                      _minutes(t.service_min), str(t.counter or ""), t.clerk, self._ticket_state(t)]
                     for t in self.drill.rows])
        if kind == "cases":
            return ([self.tr("Case"), self.tr("Saved"), self.tr("Item"), self.tr("State"), self.tr("Counter"),
                     self.tr("Clerk"), self.tr("Receipt printed"), self.tr("Returned because")],
                    [[c.number, _time(c.saved_at), c.item_name, state_word(c.state), str(c.counter or ""), c.clerk,
                      _time(c.printed_at), c.returned_reason] for c in self.drill.rows])
        return ([self.tr("Time"), self.tr("Rating"), self.tr("Reason"), self.tr("Clerk")],
                [[_time(e.at), LEVELS.get(e.level, self.tr("no answer")) if e.level else self.tr("no answer"),
                  e.reason, e.clerk] for e in self.drill.rows])

    def _ticket_state(self, ticket: TicketRow) -> str:
        words = {"waiting": self.tr("waiting"), "called": self.tr("called"), "serving": self.tr("being served"),
                 "held": self.tr("stepped aside"), "done": self.tr("done"), "no_show": self.tr("no-show")}
        return words.get(ticket.state, ticket.state)

    def case_number(self, row: int) -> str | None:
        if not 0 <= row < len(self.drill.rows):
            return None
        item = self.drill.rows[row]
        return item.number if isinstance(item, CaseRow) else None

    def _open(self, row: int) -> None:
        number = self.case_number(row)
        if number and not self.opened:  # a double click may also report the row as activated
            self.opened = True
            self.case_requested.emit(number)
            self.accept()

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._open(self.table.currentRow())
            return
        super().keyPressEvent(event)
