"""The item's material checklist: the heart of the counter. Each line shows what is required,
what is key (a non-key material may be deferred under a commitment), the pages captured, and
its state with an icon and a word — never colour alone.

A material the platform can supply (电子证照, hallapp/domain/licences.py) has "Fetch e-licence"
(F9): the clerk asks the applicant's consent, the licence is fetched in a worker, shown, and the
line counts as captured, marked 电子证照. Offline or refused, the clerk scans the paper as before.

The lines themselves are the visit's (CounterSession.materials): the panel shows them, and changes
them only through the session; the selected row is the panel's own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hallapp.domain.identity import Identity
from hallapp.domain.licences import LicenceError, licence_for
from hallapp.services.catalog import ChecklistLine, ItemChecklist
from hallapp.services.counter_materials import LineStatus, MaterialLine
from hallapp.services.counter_session import Change, CounterSession
from hallapp.services.scanning import CapturedMaterial
from ui.counter_session import observe
from ui.errors import describe
from ui.tasks import Task

if TYPE_CHECKING:
    from hallapp.services.licences import FetchedLicence


@dataclass(frozen=True)
class LicenceSource:
    """What a licence fetch needs from the counter: the app (database, home, platform settings), the
    clerk, and the applicant being served."""

    app: object  # hallapp.bootstrap.AppContext
    staff_username: str
    holder: Callable[[], Identity | None]
    clerk_name: str = ""


class ChecklistPanel(QWidget):
    def __init__(self, session: CounterSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.title = QLabel(self.tr("No item chosen yet."), objectName="hint")
        self.title.setWordWrap(True)
        self.table = QTableWidget(0, 2, objectName="checklist")
        self.table.setHorizontalHeaderLabels([self.tr("Material"), self.tr("Pages")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        self.source: LicenceSource | None = None
        self.licence_button = QPushButton(self.tr("Fetch e-licence (F9)"), objectName="fetchLicence")
        self.licence_button.clicked.connect(self.fetch_licence)
        self.licence_note = QLabel(objectName="hint")
        self.licence_note.setWordWrap(True)
        layout.addWidget(self.licence_button)
        layout.addWidget(self.licence_note)
        QShortcut(QKeySequence("F9"), self, activated=self.fetch_licence)
        self.table.currentCellChanged.connect(lambda *_: self._offer_licence())
        self._offer_licence()
        observe(self, session, self._on_session)
        self._show_item(session.item)

    @property
    def item(self) -> ItemChecklist | None:
        return self.session.item

    @property
    def lines(self) -> tuple[MaterialLine, ...]:
        """The visit's material lines, in checklist order (read-only here: change them through the session)."""
        return self.session.materials.lines

    def _on_session(self, change: Change) -> None:
        if change in (Change.ITEM, Change.CASE, Change.ENDED):
            self._show_item(self.session.item)
        elif change is Change.MATERIALS:
            self._render()

    def _show_item(self, item: ItemChecklist | None) -> None:
        if item is None:
            self.title.setText(self.tr("No item chosen yet."))
        else:
            sample = " " + self.tr("(sample checklist)") if item.sample else ""
            self.title.setText(f"{item.name}{sample}")
        self._render()

    def _state_text(self, state: MaterialLine) -> str:
        words = {
            "pending": "○ " + self.tr("not yet"), "captured": "✔ " + self.tr("received"),
            "missing": "✖ " + self.tr("missing"), "incorrect": "✖ " + self.tr("incorrect"),
        }
        if state.status == "captured" and state.licence is not None:
            return "✔ " + self.tr("received · e-licence")
        if state.status == "missing" and not state.line.key and state.line.required:
            return "◐ " + self.tr("missing (may defer)")
        return words[state.status]

    def _requirement_text(self, line: ChecklistLine) -> str:
        need = self.tr("required") if line.required else self.tr("optional")
        key = self.tr("key") if line.key else self.tr("non-key")
        form = {"original": self.tr("original"), "copy": self.tr("copy"), "electronic": self.tr("electronic")}[line.form]
        return f"{line.name}\n{need} · {key} · {form}" + (f" · {line.note}" if line.note else "")

    def _render(self) -> None:
        current = self.table.currentRow()
        self.table.setRowCount(len(self.lines))
        for row, state in enumerate(self.lines):
            # State first, as icon and word, then what the material is: fits a narrow column.
            described = f"{self._state_text(state)}  {self._requirement_text(state.line)}"
            for col, text in enumerate((described, str(state.pages) if state.pages else "")):
                cell = QTableWidgetItem(text)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, cell)
        self.table.resizeRowsToContents()
        if self.lines:
            self.table.selectRow(max(0, min(current, len(self.lines) - 1)))

    def selected(self) -> MaterialLine | None:
        row = self.table.currentRow()
        return self.lines[row] if 0 <= row < len(self.lines) else None

    def set_captured(self, pdf: bytes, pages: int, material: CapturedMaterial | None = None, *,
                     advance: bool = True) -> None:
        """The selected material's pages (F7, Ctrl+I, the camera; `advance=False`: its pages edited)."""
        state = self.selected()
        if state and self.session.capture(state, pdf, pages, material) and advance:
            self._advance_from(state)

    def set_lacking(self, status: str, how_to_supply: str = "") -> None:
        """Ctrl+D / Ctrl+E: the selected material is missing or incorrect."""
        state = self.selected()
        if state is None:
            return
        how = how_to_supply or self.tr("Please bring: {name}").format(name=state.line.name)
        if self.session.lack(state, LineStatus(status), how):
            self._advance_from(state)

    def _advance_from(self, state: MaterialLine) -> None:
        """After marking a line, move to the next one still open: the clerk keeps typing."""
        row = self.lines.index(state)
        following = [i for i in range(row + 1, len(self.lines)) if self.lines[i].status == LineStatus.PENDING]
        self.table.selectRow(following[0] if following else row)

    # -- 电子证照 ----------------------------------------------------------------------------------
    def set_licence_source(self, source: LicenceSource | None) -> None:
        """The counter page's hook: without a source the action stays off (e.g. a page with no platform)."""
        self.source = source
        self._offer_licence()

    def _offer_licence(self) -> None:
        state = self.selected()
        kind = licence_for(state.line.name) if state else None
        self.licence_button.setEnabled(self.source is not None and kind is not None)
        self.licence_button.setToolTip(self.tr("The national platform can supply {licence} as an electronic licence.")
                                       .format(licence=kind.name) if kind else "")

    def fetch_licence(self) -> None:
        """F9: ask the applicant's consent, then fetch the selected material's licence in a worker."""
        state = self.selected()
        kind = licence_for(state.line.name) if state else None
        if state is None or kind is None or self.source is None:
            return
        holder = self.source.holder()
        if holder is None:
            self.licence_note.setText(describe(LicenceError("licence.no_holder_number")))
            return
        given = self._ask_consent(kind.name)
        source = self.source
        app = source.app

        def fetch() -> FetchedLicence:
            from hallapp.services import licences  # httpx and the platform client: loaded by the first fetch, here

            consent = licences.Consent(given, source.staff_username, source.clerk_name)
            return licences.fetch(app.db, app.home, licences.opener_for(app), holder=holder,  # type: ignore[attr-defined]
                                  licence_type=kind.code, consent=consent)
        self.licence_note.setText(self.tr("Fetching {licence} from the national platform…").format(licence=kind.name))
        Task(self, fetch).with_progress(
            self.tr("Fetching the e-licence…")).on_success(lambda fetched: self._licence_fetched(state, fetched)).on_failure(
            self._licence_failed).run()

    def _ask_consent(self, licence_name: str) -> bool:
        """The clerk reads the question out; Yes only with the applicant's agreement (Tab to Yes, Enter)."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Applicant's consent"), self.tr(
            "Ask the applicant: \"May this hall fetch your {licence} from the national platform by your ID number, "
            "for this case only?\"\n\nYes: the applicant agrees (recorded). No: nothing is fetched; scan the "
            "paper instead.").format(licence=licence_name), QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self)
        box.setObjectName("licenceConsent")
        box.setDefaultButton(QMessageBox.StandardButton.No)  # consent is given on purpose, never by a stray Enter
        return box.exec() == QMessageBox.StandardButton.Yes

    def _licence_fetched(self, state: MaterialLine, fetched: FetchedLicence) -> None:
        if not self.session.capture(state, fetched.pdf, fetched.pages, licence=fetched):
            return  # the visit moved on while the worker ran
        self.licence_note.setText(self.tr("E-licence {licence} No. {number}, issued by {issuer} on {day}.").format(
            licence=fetched.licence_name, number=fetched.number, issuer=fetched.issuer,
            day=fetched.issued_on.isoformat()))
        self._advance_from(state)

    def _licence_failed(self, exc: BaseException) -> None:
        # Worded by ui/refusals.py (licence.* codes): what happened, and that scanning the paper still works.
        self.licence_note.setText(describe(exc))
