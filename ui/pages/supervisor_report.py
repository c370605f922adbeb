"""The dashboard's report of the period shown: printed through Qt's print preview (Ctrl+P) or saved as
PDF, CSV or XLSX (Ctrl+Shift+S, the suffix picks the format). One day gives the daily report (the
page a supervisor signs), a longer period the monthly one (per day). The report is built and
rendered by hallapp/services/reports.py in a worker (ui/tasks.py Task); only the preview and
the file dialog live on the GUI thread. reports (reportlab, openpyxl) is imported in that worker, by
the first report made, never when the page is built: a supervisor's first paint does not pay for it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QHBoxLayout, QPushButton, QWidget

from hallapp.config import Settings
from hallapp.home import Home, current_home
from hallapp.services import hall, output
from hallapp.services.dashboard import Period
from hallapp.storage import Database
from ui.print_pdf import PreviewDialog, preview_and_print
from ui.tasks import Task


class OwnFileError(ValueError):
    """The file chosen is the program's own (in its home, or its database): refused before any work."""


class NoFormatError(ValueError):
    """The file name ends in none of .pdf, .csv, .xlsx (its name is the message): refused before any work."""


class ReportRefusedError(ValueError):
    """reports.ReportError, its message kept: raised in the worker so the page need not import reports."""


def report_kind(period: Period) -> str:
    return "daily" if period.first == period.last else "monthly"


def make_report(db: Database, hall_id: int, period: Period, fmt: str, settings: Settings) -> tuple[str, bytes]:
    """(the report's title, its bytes in `fmt`). Blocking: database, calendar files and rendering.
    Follow-ups fall due by the hall's own rule, as on the follow-up page."""
    from hallapp.services import reports
    from hallapp.services.cases import load_calendar

    info = hall.hall_info(db)
    rule = reports.FollowUpRule(settings.evaluation.follow_up_days,
                                load_calendar(list(settings.documents.holiday_calendars)))
    try:
        doc = reports.build(db, hall_id, info.name if info else "", period, report_kind(period), rule=rule)
        return f"{doc.title} {doc.period_words}", reports.render(doc, fmt, tuple(settings.documents.font_paths))
    except reports.ReportError as exc:
        raise ReportRefusedError(str(exc)) from exc


def format_of(name: str) -> str:
    """The format a file name asks for (reports.fmt_of). Blocking: the first call imports reports."""
    from hallapp.services import reports

    try:
        return reports.fmt_of(name)
    except reports.ReportError as exc:
        raise NoFormatError(name) from exc


class ReportActions(QWidget):
    """Two buttons (Tab reaches them after the period) and their shortcuts."""

    said = Signal(str, bool)  # a line for the page's status: text, is it a problem

    def __init__(self, db: Database, hall_id: int, period: Callable[[], Period], settings: Callable[[], Settings],
                 parent: QWidget | None = None, home: Home | None = None) -> None:
        super().__init__(parent)
        self.db, self.hall_id, self.period, self.settings = db, hall_id, period, settings
        self.home = home  # None: the home this process runs in (HALLAPP_HOME or the default)
        self.preview: PreviewDialog | None = None
        self.dialog: QFileDialog | None = None
        self.print_button = QPushButton(self.tr("&Print report"), objectName="printReport")
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.setToolTip(self.tr("The report of the period shown, in the print preview (Ctrl+P)"))
        self.save_button = QPushButton(self.tr("Sa&ve report…"), objectName="saveReport")
        self.save_button.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.save_button.setToolTip(self.tr("Save the report of the period shown as PDF, CSV or XLSX (Ctrl+Shift+S)"))
        for button in (self.print_button, self.save_button):
            button.setAutoDefault(True)  # Enter presses it, as Space does, outside a dialog too
        self.print_button.clicked.connect(self.print_report)
        self.save_button.clicked.connect(self.ask_file)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.print_button)
        layout.addWidget(self.save_button)
        self.setTabOrder(self.print_button, self.save_button)

    def print_report(self) -> None:
        db, hall_id, period, settings = self.db, self.hall_id, self.period(), self.settings()
        self.said.emit(self.tr("Preparing the report…"), False)
        Task(self, lambda: make_report(db, hall_id, period, "pdf", settings)).on_success(self._show_preview) \
            .on_failure(self._failed).run()

    def _show_preview(self, result: tuple[str, bytes]) -> None:
        title, data = result
        self.said.emit(self.tr("Print preview opened: {title}").format(title=title), False)
        self.preview = preview_and_print(data, title, self)
        self._give_back_keys(self.preview)

    def ask_file(self) -> None:
        """Qt's own file dialog (not the desktop's): the same keys on every PC, and testable."""
        period = self.period()
        name = f"{report_kind(period)}-{period.first.isoformat()}" + (
            "" if period.first == period.last else f"-{period.last.isoformat()}")
        dialog = QFileDialog(self, self.tr("Save the report"), str(Path.home() / f"{name}.pdf"))
        dialog.setObjectName("saveReportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setNameFilters([self.tr("PDF (*.pdf)"), self.tr("CSV (*.csv)"), self.tr("Excel (*.xlsx)")])
        dialog.fileSelected.connect(lambda path: self.save(Path(path), period))
        self.dialog = dialog
        self._give_back_keys(dialog)
        dialog.open()

    def _give_back_keys(self, dialog: QDialog) -> None:
        """When `dialog` closes the keys go back where they were (without a window manager nothing
        activates the window again, and they would go nowhere)."""
        opener = QApplication.focusWidget() or self.save_button

        def back() -> None:
            self.window().activateWindow()
            if opener.isVisible():
                opener.setFocus()
        dialog.finished.connect(lambda _r: back())

    def save(self, path: Path, period: Period) -> None:
        db, hall_id, settings, chosen = self.db, self.hall_id, self.settings(), self.home

        def write() -> Path:  # the dialog asked before replacing a file; the program's own files never
            fmt = format_of(path.name)
            home = chosen or current_home()
            try:
                output.refuse_own_file(home, path, db.sqlite_file)
            except output.OutputError as exc:
                raise OwnFileError(str(path)) from exc
            output.write_output(home, path, make_report(db, hall_id, period, fmt, settings)[1], overwrite=True,
                                database=db.sqlite_file)
            return path
        Task(self, write).on_success(lambda done: self.said.emit(
            self.tr("Report saved to {path}").format(path=str(done)), False)).on_failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, NoFormatError):
            text = self.tr("{name}: end the file name in .pdf, .csv or .xlsx, then save again.").format(name=str(exc))
        elif isinstance(exc, OwnFileError):
            text = self.tr("{path} is one of hallapp's own files (in its home folder, or its database): nothing "
                           "was saved. Choose a file elsewhere and save again.").format(path=str(exc))
        elif isinstance(exc, output.OutputError):
            text = self.tr("The report was not saved ({error}): choose another file and save again.") \
                .format(error=str(exc))
        elif isinstance(exc, ReportRefusedError):
            text = str(exc)
        elif isinstance(exc, OSError):
            text = self.tr("The report could not be written ({error}): choose another folder and save again.") \
                .format(error=exc.strerror or type(exc).__name__)
        else:
            text = self.tr("The report could not be made ({error}); try again, and if it fails again tell the "
                           "technician.").format(error=type(exc).__name__)
        self.said.emit(text, True)
