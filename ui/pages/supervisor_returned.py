"""Cases that need a supervisor: returned by the platform (the reason, the applicant to call) and
outbox entries that need attention (what the platform said). Enter on a row opens its form: record a
call, resubmit as the next revision, retry, or close with a reason; Enter saves, Esc goes back.

Reads and writes go through ui/tasks.py Task; the form keeps its text if a step is refused."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hallapp.domain.changes import Area
from hallapp.domain.clock import hall_clock
from hallapp.services import returned_cases
from hallapp.services.returned_cases import ReturnedCaseError, StepRow, Worklist
from hallapp.storage import Database
from ui.errors import describe, describe_stored
from ui.pages.supervisor_followups import Who
from ui.tasks import Task


def _time(at) -> str:
    return hall_clock().format(at, "%m-%d %H:%M") if at else ""


def step_words(step: StepRow) -> str:
    """One step in words: `12-09 16:30 陈主任: called the applicant: reached — note`."""
    words = {"contacted": QCoreApplication.translate("ReturnedPanel", "called the applicant: {outcome}"),
             "resubmitted": QCoreApplication.translate("ReturnedPanel", "sent again as revision {revision}"),
             "retried": QCoreApplication.translate("ReturnedPanel", "sent again"),
             "closed": QCoreApplication.translate("ReturnedPanel", "closed")}
    outcomes = {"reached": QCoreApplication.translate("ReturnedPanel", "reached"),
                "unreachable": QCoreApplication.translate("ReturnedPanel", "not reached")}
    text = words.get(step.action, step.action).format(outcome=outcomes.get(step.outcome, step.outcome),
                                                      revision=step.revision)
    return f"{_time(step.at)} {step.staff}: {text}" + (f" — {step.note}" if step.note else "")


class StepDialog(QDialog):
    """One form for every step: choose what to do, say why or what, Enter saves."""

    saved = Signal()

    def __init__(self, title: str, lines: list[str], actions: list[tuple[str, str]], work: Callable[[str, str, str], object],
                 parent: QWidget | None = None, *, with_outcome: bool = False) -> None:
        super().__init__(parent)
        self.work = work
        self.setWindowTitle(title)
        self.resize(680, 420)
        self.action = QComboBox(objectName="stepAction")
        for key, label in actions:
            self.action.addItem(label, key)
        self.outcome = QComboBox(objectName="stepOutcome")
        self.outcome.addItem(self.tr("Reached"), "reached")
        self.outcome.addItem(self.tr("Not reached"), "unreachable")
        self.text = QLineEdit(objectName="stepText", maxLength=returned_cases.MAX_TEXT)
        self.error = QLabel(objectName="statusBad", wordWrap=True)
        form = QFormLayout()
        form.addRow(self.tr("&Step"), self.action)
        if with_outcome:
            form.addRow(self.tr("&Call"), self.outcome)
        form.addRow(self.tr("&Note"), self.text)
        self.action.currentIndexChanged.connect(self._hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(title, objectName="panelTitle"))
        for line in lines:
            layout.addWidget(QLabel(line, wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse))
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Enter saves; Esc goes back without saving."), objectName="hint"))
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._hint()
        self.action.setFocus()

    def _hint(self) -> None:
        hints = {"contact": self.tr("What was agreed with the applicant"),
                 "resubmit": self.tr("What was corrected before sending again"),
                 "retry": self.tr("Optional: what was fixed"), "close": self.tr("Why it is closed")}
        self.text.setPlaceholderText(hints.get(self.action.currentData(), ""))

    def save(self) -> None:
        action, outcome, text = self.action.currentData(), self.outcome.currentData(), self.text.text()
        self.error.clear()
        work = self.work
        Task(self, lambda: work(action, outcome, text)).changes(Area.CASES, Area.OUTBOX, Area.AUDIT).on_success(self._saved) \
            .on_failure(self._failed).run()

    def _saved(self, _result: object) -> None:
        self.saved.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ReturnedCaseError):
            self.error.setText(describe(exc))
        else:
            self.error.setText(self.tr("The step could not be saved ({error}). Try again; if it keeps failing, "
                                       "ask the technician.").format(error=type(exc).__name__))
        self.action.setFocus()


def _back_to(table: QTableWidget) -> None:
    """After a form closes the keys go back to the list it came from (the window active again)."""
    table.window().activateWindow()
    table.setFocus()


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(False)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    current = table.currentRow()
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()
    if rows:
        table.selectRow(min(max(current, 0), len(rows) - 1))


class ReturnedPanel(QWidget):
    changed = Signal()  # a step was taken: the page's tiles read again

    def __init__(self, db: Database, hall_id: int, who: Callable[[], Who], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.hall_id, self.who = db, hall_id, who
        self.work = Worklist((), ())
        self.dialog: StepDialog | None = None
        self.returned = _table("returnedTable", [
            self.tr("Case"), self.tr("Returned"), self.tr("Because"), self.tr("Item"), self.tr("Clerk"),
            self.tr("Applicant"), self.tr("Phone"), self.tr("Last step")])
        self.attention = _table("attentionTable", [
            self.tr("Case"), self.tr("Since"), self.tr("Attempts"), self.tr("What the platform said"), self.tr("Last step")])
        self.returned.activated.connect(lambda index: self.open_returned(index.row()))
        self.attention.activated.connect(lambda index: self.open_attention(index.row()))
        self.summary = QLabel(objectName="hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Returned by the platform for correction"), objectName="panelTitle"))
        layout.addWidget(self.returned, 1)
        layout.addWidget(QLabel(self.tr("Sync needs attention"), objectName="panelTitle"))
        layout.addWidget(self.attention, 1)
        layout.addWidget(QLabel(self.tr("Enter on a row: call, send again, retry or close. Tab moves between the "
                                        "lists."), objectName="hint"))

    def refresh(self) -> None:
        db, hall_id = self.db, self.hall_id
        Task(self, lambda: returned_cases.worklist(db, hall_id)).on_success(self._show).on_failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(self.tr("The cases could not be read ({error}); they are read again when the page "
                                     "is shown.").format(error=type(exc).__name__))

    def _show(self, work: Worklist) -> None:
        self.work = work
        last = lambda steps: step_words(steps[-1]) if steps else self.tr("none yet")  # noqa: E731
        _fill(self.returned, [[c.number, _time(c.returned_at), c.reason, c.item_name, c.clerk, c.applicant_name,
                               c.phone or self.tr("no phone recorded"), last(c.steps)] for c in work.returned])
        _fill(self.attention, [[e.case_number, _time(e.since), str(e.attempts), describe_stored(e.said), last(e.steps)]
                               for e in work.attention])
        self.summary.setText(self.tr("Returned cases: {returned}. Sync entries needing attention: {attention}.").format(
            returned=len(work.returned), attention=len(work.attention)))

    def focus_list(self) -> None:
        table = self.returned if self.work.returned or not self.work.attention else self.attention
        table.setFocus()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.returned.hasFocus():
                self.open_returned(self.returned.currentRow())
                return
            if self.attention.hasFocus():
                self.open_attention(self.attention.currentRow())
                return
        super().keyPressEvent(event)

    def _busy(self) -> bool:
        return self.dialog is not None and self.dialog.isVisible()

    def open_returned(self, row: int) -> StepDialog | None:
        if not 0 <= row < len(self.work.returned) or self._busy():
            return None
        case, who, db = self.work.returned[row], self.who(), self.db
        revision = 1 + max((s.revision or 1 for s in case.steps if s.action == "resubmitted"), default=1)
        lines = [self.tr("Returned because: {reason}").format(reason=case.reason or "–"),
                 self.tr("{item} · accepted by {clerk} on {saved}").format(item=case.item_name, clerk=case.clerk or "–",
                                                                          saved=_time(case.saved_at)),
                 self.tr("Applicant: {name}, phone {phone}").format(name=case.applicant_name,
                                                                    phone=case.phone or self.tr("not recorded"))]
        lines += [step_words(s) for s in case.steps]
        actions = [("contact", self.tr("Record a call to the applicant")),
                   ("resubmit", self.tr("Send again as revision {n}").format(n=revision)),
                   ("close", self.tr("Close with a reason"))]

        def work(action: str, outcome: str, text: str) -> object:
            if action == "contact":
                return returned_cases.record_contact(db, case.number, outcome=outcome, note=text, actor=who.username,
                                                     staff_id=who.staff_id)
            if action == "resubmit":
                return returned_cases.resubmit(db, case.number, changes=text, actor=who.username, staff_id=who.staff_id)
            return returned_cases.close_case(db, case.number, reason=text, actor=who.username, staff_id=who.staff_id)
        title = self.tr("Case {number} returned").format(number=case.number)
        return self._open(StepDialog(title, lines, actions, work, self, with_outcome=True), self.returned)

    def open_attention(self, row: int) -> StepDialog | None:
        if not 0 <= row < len(self.work.attention) or self._busy():
            return None
        entry, who, db = self.work.attention[row], self.who(), self.db
        lines = [self.tr("The platform said: {said}").format(said=describe_stored(entry.said) or "–"),
                 self.tr("{attempts} attempts; needs attention since {since}").format(attempts=entry.attempts,
                                                                                     since=_time(entry.since))]
        lines += [step_words(s) for s in entry.steps]
        actions = [("retry", self.tr("Send again now")), ("close", self.tr("Close with a reason"))]

        def work(action: str, _outcome: str, text: str) -> object:
            if action == "retry":
                return returned_cases.retry_entry(db, entry.entry_id, actor=who.username, staff_id=who.staff_id)
            return returned_cases.close_entry(db, entry.entry_id, reason=text, actor=who.username,
                                              staff_id=who.staff_id)
        title = self.tr("Case {number}: sync needs attention").format(number=entry.case_number)
        return self._open(StepDialog(title, lines, actions, work, self), self.attention)

    def _open(self, dialog: StepDialog, table: QTableWidget) -> StepDialog:
        dialog.saved.connect(self._stepped)
        dialog.finished.connect(lambda _r: _back_to(table))
        dialog.setModal(True)
        dialog.show()
        dialog.activateWindow()
        dialog.action.setFocus()
        self.dialog = dialog
        return dialog

    def _stepped(self) -> None:
        self.refresh()
        self.changed.emit()
