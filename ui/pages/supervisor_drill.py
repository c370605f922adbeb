"""The rows behind a dashboard number or bar: tickets, cases or evaluations, in the hall's time.
Enter (or a double click) on a case row asks for that case; Esc closes. On a ticket held at a
counter (its PC may have died), R releases it back to waiting and Shift+R sends it to another counter."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QInputDialog,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hallapp.domain.changes import Area
from hallapp.domain.clock import hall_clock
from hallapp.services import queue
from hallapp.services.dashboard import CaseRow, Drill, TicketRow
from hallapp.storage import Database
from ui import words
from ui.errors import describe
from ui.tasks import Task
from ui.words import state_word

HELD_AT_COUNTER = ("called", "serving", "held")


def _time(at) -> str:
    return hall_clock().format(at, "%m-%d %H:%M") if at else ""


def _minutes(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


class DrillModel(QAbstractTableModel):
    """The rows as a model: a cell's words are made when the view paints it, so a drill-down of a
    busy day (20 000 tickets) opens at once instead of filling a widget item per cell first."""

    def __init__(self, headers: list[str], rows: Sequence, cells: Callable[[object], list[str]]) -> None:
        super().__init__()
        self.headers, self.rows, self.cells = headers, rows, cells
        self.made: dict[int, list[str]] = {}

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def text(self, row: int, column: int) -> str:
        if row not in self.made:
            self.made[row] = self.cells(self.rows[row])
        return self.made[row][column]

    def set_text(self, row: int, column: int, text: str) -> None:
        self.text(row, column)
        self.made[row][column] = text
        self.dataChanged.emit(self.index(row, column), self.index(row, column))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) and index.isValid():
            return self.text(index.row(), index.column())
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class DrillDialog(QDialog):
    case_requested = Signal(str)
    ticket_released = Signal(object)  # TicketView: a supervisor took the ticket back from its counter

    def __init__(self, title: str, drill: Drill, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 480)
        self.drill = drill
        self.opener = QApplication.focusWidget()  # the tile or bar it was opened from: the keys go back there
        self.table = QTableView(objectName="drillTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda index: self._open(index.row()))  # Enter on the table
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        self.opened = False
        self._release: tuple[Database, int, str, int | None] | None = None
        headers, cells = self._content()
        rows = drill.rows
        self.model = DrillModel(headers, rows, cells)
        self.table.setModel(self.model)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setResizeContentsPrecision(200)  # widths from the first rows, not all
        self.table.resizeColumnsToContents()
        self._fit_columns()
        hint = self.tr("{count} rows. Enter opens the case; Esc closes.").format(count=len(rows)) \
            if drill.kind != "tickets" else self.tr("{count} tickets. Esc closes.").format(count=len(rows))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(title, objectName="panelTitle"))
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(hint, objectName="hint"))
        self.release_line = QLabel(objectName="hint")
        self.release_line.setWordWrap(True)
        layout.addWidget(self.release_line)
        if rows:
            self.table.selectRow(0)
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.table.setFocus()

    def _fit_columns(self) -> None:
        """As wide as its columns (a state such as 已一次性告知 is not cut off), within the screen."""
        header = self.table.horizontalHeader()
        wanted = header.length() + self.table.verticalHeader().width() + 60  # frame, scroll bar, margins
        screen = self.screen().availableGeometry().width() if self.screen() else 1366
        self.resize(max(900, min(wanted, screen - 40)), 480)

    def cell(self, row: int, column: int) -> str:
        """The words shown in a cell (what a test reads)."""
        return self.model.text(row, column)

    def _content(self) -> tuple[list[str], Callable[[object], list[str]]]:
        kind = self.drill.kind
        if kind == "tickets":
            return ([self.tr("Ticket"), self.tr("Taken"), self.tr("Called"), self.tr("Done"), self.tr("Wait (min)"),
                     self.tr("Service (min)"), self.tr("Counter"), self.tr("Clerk"), self.tr("State")],
                    lambda t: [t.number, _time(t.issued_at), _time(t.called_at), _time(t.finished_at),
                               _minutes(t.wait_min), _minutes(t.service_min), str(t.counter or ""), t.clerk,
                               self._ticket_state(t)])
        if kind == "cases":
            return ([self.tr("Case"), self.tr("Saved"), self.tr("Item"), self.tr("State"), self.tr("Counter"),
                     self.tr("Clerk"), self.tr("Receipt printed"), self.tr("Returned because")],
                    lambda c: [c.number, _time(c.saved_at), c.item_name, state_word(c.state), str(c.counter or ""),
                               c.clerk, _time(c.printed_at), c.returned_reason])
        return ([self.tr("Time"), self.tr("Rating"), self.tr("Reason"), self.tr("Clerk")],
                lambda e: [_time(e.at), words.level_word(e.level), words.reason_word(e.reason or ""), e.clerk])

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

    def enable_release(self, db: Database, hall_id: int, actor: str, staff_id: int | None = None) -> None:
        """Let R / Shift+R on a ticket row release or reassign it (the supervisor page calls this)."""
        if self.drill.kind == "tickets":
            self._release = (db, hall_id, actor, staff_id)
            self.release_line.setText(self.tr("A ticket stuck at a counter whose PC is off: R sends it back to "
                                              "waiting, Shift+R to another counter."))

    def ticket_at(self, row: int) -> TicketRow | None:
        if self.drill.kind != "tickets" or not 0 <= row < len(self.drill.rows):
            return None
        return self.drill.rows[row]

    def release(self, row: int, to_counter: int | None = None) -> None:
        ticket = self.ticket_at(row)
        if self._release is None or ticket is None:
            return
        if ticket.state not in HELD_AT_COUNTER:
            self.release_line.setText(self.tr("{number} is not held at a counter: nothing to release.")
                                      .format(number=ticket.number))
            return
        db, hall_id, actor, staff_id = self._release
        Task(self, lambda: queue.release(db, hall_id, ticket.id, actor=actor, staff_id=staff_id,
                                         to_counter=to_counter)).changes(Area.QUEUE, Area.AUDIT) \
            .on_success(lambda view: self._released(row, view, to_counter)) \
            .on_failure(lambda exc: self.release_line.setText(describe(exc))).run()

    def _released(self, row: int, view: queue.TicketView, to_counter: int | None) -> None:
        text = (self.tr("{number} is waiting again, ahead of its queue.").format(number=view.number) if to_counter is None
                else self.tr("{number} goes to counter {counter}: it is called there next.")
                .format(number=view.number, counter=to_counter))
        self.release_line.setText(text)
        self.model.set_text(row, self.model.columnCount() - 1, self.tr("waiting"))
        self.ticket_released.emit(view)

    def _ask_counter(self, row: int) -> None:
        ticket = self.ticket_at(row)
        if self._release is None or ticket is None:
            return
        number, chosen = QInputDialog.getInt(self, self.tr("Reassign {number}").format(number=ticket.number),
                                             self.tr("Counter number"), 1, 1, 999)
        if chosen:
            self.release(row, to_counter=number)

    def done(self, result: int) -> None:
        """Closed (Esc, or a case opened): the keys go back to the window, on the tile or bar still shown.
        Without a window manager nothing else activates the window again, and the keys would go nowhere."""
        super().done(result)
        parent = self.parentWidget()
        if parent is not None:
            parent.window().activateWindow()
        try:
            if self.opener is not None and self.opener.isVisible():
                self.opener.setFocus()
        except RuntimeError:  # the opener is gone (the page was rebuilt): the window keeps its own focus
            pass

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._open(self.table.currentIndex().row())
            return
        if event.key() == Qt.Key.Key_R and self._release is not None:
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self._ask_counter(self.table.currentIndex().row())
            else:
                self.release(self.table.currentIndex().row())
            return
        super().keyPressEvent(event)
