"""差评回访 on the supervisor page: the bad ratings with their reasons, clerk, item and case, each
with its due day (working days) and the last follow-up; overdue ones marked with a word and red.
Enter on a row opens the follow-up form (Enter saves, Esc goes back); Ctrl+O opens the case.

Reads and writes go through ui/tasks.py Task; the form keeps its values if saving fails."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hallapp.domain.changes import Area
from hallapp.domain.clock import hall_clock
from hallapp.domain.workdays import HolidayCalendar
from hallapp.services import followups
from hallapp.services.cases import load_calendar
from hallapp.services.dashboard import Period
from hallapp.services.followups import BadRating, FollowUpError, FollowUpInput, Rates
from hallapp.storage import Database
from ui import words
from ui.errors import describe
from ui.tasks import Task

OVERDUE = QColor("#fde2e2")


@dataclass(frozen=True)
class Who:
    """Who works on the page and by which rules (from the window's session and settings)."""

    staff_id: int | None
    username: str
    days: int
    calendar_paths: tuple[str, ...]


def outcome_words() -> dict[str, str]:
    return {"resolved": QCoreApplication.translate("FollowUpWords", "reached, problem solved"),
            "explained": QCoreApplication.translate("FollowUpWords", "reached, explained"),
            "unreachable": QCoreApplication.translate("FollowUpWords", "not reached"),
            "no_contact": QCoreApplication.translate("FollowUpWords", "no contact possible, rectified")}


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:g} %"


class FollowUpDialog(QDialog):
    """The follow-up record of one bad rating."""

    saved = Signal()

    def __init__(self, db: Database, rating: BadRating, who: Who, staff: list[tuple[int, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.rating, self.who = db, rating, who
        self.setWindowTitle(self.tr("Follow-up of a bad rating"))
        self.resize(640, 420)
        self.outcome = QComboBox(objectName="followUpOutcome")
        for key, word in outcome_words().items():
            if key != "no_contact" or not rating.named:  # a named rating is followed up by calling
                self.outcome.addItem(word, key)
        local = hall_clock().local(hall_clock().now()).replace(tzinfo=None, second=0, microsecond=0)
        self.when = QDateTimeEdit(QDateTime(local), objectName="followUpWhen")
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.by = QComboBox(objectName="followUpBy")
        for staff_id, name in staff:
            self.by.addItem(name, staff_id)
        self.by.setCurrentIndex(max(0, self.by.findData(who.staff_id)))
        self.note = QLineEdit(objectName="followUpNote", maxLength=followups.MAX_TEXT)
        self.note.setPlaceholderText(self.tr("What the applicant said"))
        self.rectification = QLineEdit(objectName="followUpRectification", maxLength=followups.MAX_TEXT)
        self.rectification.setPlaceholderText(self.tr("What the hall changed (rectification)"))
        self.error = QLabel(objectName="statusBad")
        self.error.setWordWrap(True)
        form = QFormLayout()
        # the texts right after the outcome: Tab inside the time field walks its sections, so it comes last
        form.addRow(self.tr("&Outcome"), self.outcome)
        form.addRow(self.tr("&Applicant said"), self.note)
        form.addRow(self.tr("&Rectification"), self.rectification)
        form.addRow(self.tr("Contacted &by"), self.by)
        form.addRow(self.tr("Contacted &at"), self.when)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self._summary(), objectName="panelTitle", wordWrap=True))
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Enter saves; Esc goes back without saving."), objectName="hint"))
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.outcome.setFocus()

    def _summary(self) -> str:
        r = self.rating
        case = r.case_number or self.tr("no case: the applicant is not known")
        return self.tr("{level} on {time} — {reason}\nClerk {clerk} · {item} · case {case} · due {due}").format(
            level=words.level_word(r.level), time=hall_clock().format(r.at, "%Y-%m-%d %H:%M"),
            reason=words.reason_word(r.reason) if r.reason else "–", clerk=r.clerk or "–", item=r.item_name or "–", case=case,
            due=r.due_on.isoformat())

    def entry(self) -> FollowUpInput:
        outcome = self.outcome.currentData()
        if outcome == "no_contact":
            return FollowUpInput(self.rating.evaluation_id, outcome, None, None, self.note.text(),
                                 self.rectification.text())
        value = self.when.dateTime()
        day, wall = value.date().toPython(), value.time().toPython()
        return FollowUpInput(self.rating.evaluation_id, outcome, hall_clock().at(day, wall), self.by.currentData(),
                             self.note.text(), self.rectification.text())

    def save(self) -> None:
        db, entry, who = self.db, self.entry(), self.who
        self.error.clear()
        Task(self, lambda: followups.record(db, entry, actor=who.username, recorded_by_id=who.staff_id)) \
            .changes(Area.EVALUATIONS, Area.AUDIT).on_success(self._saved).on_failure(self._failed).run()

    def _saved(self, _id: int) -> None:
        self.saved.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, FollowUpError):
            self.error.setText(describe(exc))  # says what is missing
        else:
            self.error.setText(self.tr("The follow-up could not be saved ({error}). Try again; if it keeps "
                                       "failing, ask the technician.").format(error=type(exc).__name__))
        self.outcome.setFocus()


class FollowUpsPanel(QWidget):
    case_requested = Signal(str)
    changed = Signal()  # a follow-up was recorded: the page's tiles read again

    def __init__(self, db: Database, hall_id: int, who: Callable[[], Who], period: Callable[[], Period],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.hall_id, self.who, self.period = db, hall_id, who, period
        self.ratings: list[BadRating] = []
        self.staff: list[tuple[int, str]] = []
        self.dialog: FollowUpDialog | None = None
        self.show_all = QComboBox(objectName="followUpsShow")
        self.show_all.addItem(self.tr("To follow up (any day)"), False)
        self.show_all.addItem(self.tr("All bad ratings of the period"), True)
        self.show_all.currentIndexChanged.connect(self.refresh)
        self.summary = QLabel(objectName="hint")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 8, objectName="followUpsTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Due"), self.tr("Given"), self.tr("Rating"), self.tr("Reason"), self.tr("Follow-up"), self.tr("Clerk"),
            self.tr("Item"), self.tr("Case")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.activated.connect(lambda index: self.open_row(index.row()))  # Enter or a double click
        open_case = QPushButton(self.tr("Open the case Ctrl+O"))
        open_case.clicked.connect(self.open_case)
        QShortcut(QKeySequence("Ctrl+O"), self, self.open_case, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        label = QLabel(self.tr("&Show"))
        label.setBuddy(self.show_all)
        bar = QHBoxLayout()
        for widget in (label, self.show_all):
            bar.addWidget(widget)
        bar.addWidget(self.summary, 1)
        bar.addWidget(open_case)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(self.tr("Enter records a follow-up; overdue ones are marked ⚠ and red."),
                                objectName="hint"))

    # -- reading -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        db, hall_id, who, period, everything = self.db, self.hall_id, self.who(), self.period(), self.show_all.currentData()

        def read() -> tuple[list[BadRating], Rates, list[tuple[int, str]]]:
            calendar = _calendar(who.calendar_paths)
            shown = followups.bad_ratings(db, period=period if everything else None, open_only=not everything,
                                          days=who.days, calendar=calendar)
            return shown, followups.rates(db, period, days=who.days, calendar=calendar), \
                followups.staff_choices(db, hall_id)
        Task(self, read).on_success(self._show).on_failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(self.tr("Bad ratings could not be read ({error}); they are read again when the page "
                                     "is shown.").format(error=type(exc).__name__))

    def _show(self, result: tuple[list[BadRating], Rates, list[tuple[int, str]]]) -> None:
        self.ratings, rates, self.staff = result
        today = hall_clock().today()
        current = self.table.currentRow()
        self.table.setRowCount(len(self.ratings))
        for r, rating in enumerate(self.ratings):
            self._fill_row(r, rating, today)
        self.table.resizeColumnsToContents()
        if self.ratings:
            self.table.selectRow(min(max(current, 0), len(self.ratings) - 1))
        overdue = sum(r.overdue(today) for r in self.ratings)
        self.summary.setText(self.tr(
            "{shown} shown, {overdue} overdue. In the period: satisfied {satisfied}, named bad ratings followed "
            "up {followed} ({done} of {named}).").format(
            shown=len(self.ratings), overdue=overdue, satisfied=_pct(rates.satisfaction_pct),
            followed=_pct(rates.follow_up_pct), done=rates.followed_up, named=rates.named_bad))

    def _fill_row(self, row: int, rating: BadRating, today: date) -> None:
        late = rating.overdue(today)
        due = ("⚠ " + self.tr("overdue since {day}") if late else self.tr("by {day}")).format(day=rating.due_on.isoformat())
        last = rating.last
        follow = self.tr("none yet") if last is None else self.tr("{outcome} ({who}, {time})").format(
            outcome=outcome_words().get(last.outcome, last.outcome), who=last.contacted_by or "–",
            time=hall_clock().format(last.contacted_at or last.recorded_at, "%m-%d %H:%M"))
        texts = [due, hall_clock().format(rating.at, "%m-%d %H:%M"), words.level_word(rating.level),
                 words.reason_word(rating.reason), follow, rating.clerk, rating.item_name,
                 rating.case_number or self.tr("(no case)")]
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if late:
                item.setBackground(QBrush(OVERDUE))
            self.table.setItem(row, column, item)

    def is_overdue(self, row: int) -> bool:
        return 0 <= row < len(self.ratings) and self.ratings[row].overdue(hall_clock().today())

    def focus_list(self) -> None:
        self.table.setFocus()
        if self.ratings and self.table.currentRow() < 0:
            self.table.selectRow(0)

    # -- acting ------------------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.hasFocus():
            self.open_row(self.table.currentRow())
            return
        super().keyPressEvent(event)

    def open_row(self, row: int) -> FollowUpDialog | None:
        if not 0 <= row < len(self.ratings) or (self.dialog is not None and self.dialog.isVisible()):
            return None
        dialog = FollowUpDialog(self.db, self.ratings[row], self.who(), self.staff, self)
        dialog.saved.connect(self._recorded)
        dialog.finished.connect(lambda _r: self._back())
        dialog.setModal(True)
        dialog.show()
        dialog.activateWindow()
        dialog.outcome.setFocus()
        self.dialog = dialog
        return dialog

    def _back(self) -> None:
        """After the form closes the keys go back to the list (the window active again)."""
        self.window().activateWindow()
        self.table.setFocus()

    def _recorded(self) -> None:
        self.refresh()
        self.changed.emit()

    def open_case(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.ratings) and self.ratings[row].case_number:
            self.case_requested.emit(self.ratings[row].case_number)


def _calendar(paths: tuple[str, ...]) -> HolidayCalendar:
    """The hall's holiday calendars (read on a worker: files)."""
    return load_calendar(list(paths))
