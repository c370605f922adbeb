"""Finding a case later: by case number, ID number or name, day and state; its materials, its
way to the platform and what the handling authority said; its papers printed again, its scans
looked at, a deferred material recorded when the applicant brings it (补交).

From the keys: type in the search box and press Enter; the arrows (there or in the list) move
through the results and the details follow; F6 goes to the materials; every action's key is on
its button."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hallapp.bootstrap import AppContext
from hallapp.domain.cases import CaseState
from hallapp.domain.clock import hall_clock
from hallapp.services import cases
from hallapp.services.staff import StaffSession
from ui.pages.case_detail import CaseDetailPane
from ui.tasks import Task
from ui.words import state_word

NUMBER, ITEM, APPLICANT, STATE, PROMISED = range(5)
# Until the global stylesheet shows focus, this page does: a clerk must see where the keys go.
FOCUS_STYLE = """
QLineEdit:focus, QComboBox:focus, QDateEdit:focus, QTableWidget:focus { border: 2px solid #d97706; }
QCheckBox:focus { background: #fff4e0; }
QPushButton:focus { border: 2px solid #d97706; border-radius: 4px; }
"""
NAVIGATION_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


class CasesPage(QWidget):
    def __init__(self, app: AppContext, session: StaffSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app, self.session = app, session
        self.found: list[cases.CaseSummary] = []
        self.setStyleSheet(FOCUS_STYLE)
        self.text = QLineEdit(objectName="caseSearch")
        self.text.setPlaceholderText(self.tr("Case number, ID number or name (Ctrl+F)"))
        self.text.returnPressed.connect(self.search)
        self.text.installEventFilter(self)
        self.state = QComboBox(objectName="caseState")
        self.state.addItem(self.tr("Any state"), None)
        for state in CaseState:
            self.state.addItem(state_word(state.value), state.value)
        self.on_day = QCheckBox(self.tr("On"))
        today = hall_clock().today()  # the hall's day, not the PC's zone
        self.day = QDateEdit(QDate(today.year, today.month, today.day), objectName="caseDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        find = QPushButton(self.tr("Search Enter"), objectName="primary")
        find.clicked.connect(self.search)
        self.table = self._results_table()
        self.details = CaseDetailPane(app, session)
        self.details.state_changed.connect(self._state_changed)
        self.count = QLabel(objectName="hint")
        bar = QHBoxLayout()
        bar.addWidget(self.text, 1)
        for widget in (self.state, self.on_day, self.day, find):
            bar.addWidget(widget)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count)
        split = QSplitter()
        split.setChildrenCollapsible(False)
        split.addWidget(left)
        split.addWidget(self.details)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 1)
        # Scaled to the real width: at 1366 px the results' columns fit, case numbers with their station part included.
        split.setSizes([800, 380])
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Cases"), objectName="pageTitle"))
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self._shortcuts()

    def _results_table(self) -> QTableWidget:
        table = QTableWidget(0, 5, objectName="caseTable")
        table.setHorizontalHeaderLabels([self.tr("Case number"), self.tr("Item"), self.tr("Applicant"),
                                         self.tr("State"), self.tr("Promised")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Everything the clerk needs fits the width: the item name gives way (elided, full in the tooltip).
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        for column in (NUMBER, APPLICANT, STATE, PROMISED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ITEM, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)  # the item column gives way (elided, full name in the tooltip)
        table.currentCellChanged.connect(lambda row, _col, old, _old_col: row != old and self.show_case(row))
        table.activated.connect(lambda *_: self.details.materials.setFocus())  # Enter on a case: to its materials
        return table

    def _shortcuts(self) -> None:
        for keys, slot in (("Ctrl+F", self.focus_search), ("F6", self.toggle_materials),
                           ("Ctrl+G", self.details.view_material), ("F7", self.details.scan_supplement),
                           ("Ctrl+I", self.details.import_supplement)):
            QShortcut(QKeySequence(keys), self, activated=slot)

    # -- focus -------------------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        # Arriving on the page (Ctrl+N or the list): the keys go to the search box, not the nav list.
        QTimer.singleShot(0, self._focus_if_outside)

    def _focus_if_outside(self) -> None:
        current = QApplication.focusWidget()
        if self.isVisible() and (current is None or not self.isAncestorOf(current)):
            self.focus_search()

    def focus_search(self) -> None:
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text.selectAll()

    def toggle_materials(self) -> None:
        """F6: between the results and the case's materials."""
        if self.details.materials.hasFocus():
            self.table.setFocus()
        elif self.details.materials.rowCount():
            self.details.materials.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Up/Down/PgUp/PgDn in the search box move through the results: search, then browse."""
        if watched is self.text and event.type() == QEvent.Type.KeyPress and event.key() in NAVIGATION_KEYS \
                and not event.modifiers() and self.table.rowCount():
            step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -10, Qt.Key.Key_PageDown: 10}[event.key()]
            row = max(0, min(self.table.rowCount() - 1, self.table.currentRow() + step))
            self.table.setCurrentCell(row, self.table.currentColumn() if self.table.currentColumn() >= 0 else 0)
            return True
        return super().eventFilter(watched, event)

    # -- searching ---------------------------------------------------------------------------------
    def open_case(self, number: str) -> None:
        """Show one case (from the supervisor's drill-down): searched by its number."""
        self.on_day.setChecked(False)
        self.state.setCurrentIndex(0)
        self.text.setText(number)
        self.search()
        self.text.setFocus()

    def search(self) -> None:
        db, text, state = self.app.db, self.text.text(), self.state.currentData()
        day = self.day.date().toPython() if self.on_day.isChecked() else None
        self.count.setText(self.tr("Searching…"))
        Task(self, lambda: cases.search(db, text, state=state, on=day)).on_success(self._show_found).on_failure(
            lambda exc: self.count.setText(self.tr("The search failed: {error}").format(
                error=str(exc) or type(exc).__name__))).run()

    def _show_found(self, found: list[cases.CaseSummary]) -> None:
        self.found = found
        self.table.blockSignals(True)  # one explicit show below, whatever row was current before
        self.table.setRowCount(0)
        self.table.setRowCount(len(found))
        for r, case in enumerate(found):
            self._fill_row(r, case.number, case.item_name, case.applicant_name, case.state, case.promised_date)
        self.table.blockSignals(False)
        self.count.setText(self.tr("{n} case(s) found.").format(n=len(found)) if found else "")
        if not found:
            self.details.clear(self.tr("No case found. Change the search and press Enter."))
            return
        self.table.setCurrentCell(0, 0)
        self.show_case(0)

    def _fill_row(self, row: int, number: str, item: str, name: str, state: str, promised) -> None:
        values = (number, item, name, state_word(state), promised.isoformat() if promised else "")
        for column, text in enumerate(values):
            cell = QTableWidgetItem(text)
            if column == ITEM:
                cell.setToolTip(text)
            self.table.setItem(row, column, cell)

    def show_case(self, row: int) -> None:
        if 0 <= row < len(self.found):
            self.details.load(self.found[row].number)

    def current_number(self) -> str | None:
        row = self.table.currentRow()
        return self.found[row].number if 0 <= row < len(self.found) else None

    def _state_changed(self, number: str, state: str) -> None:
        for row, case in enumerate(self.found):
            if case.number == number:
                self.found[row] = replace(case, state=state)
                self.table.item(row, STATE).setText(state_word(state))
