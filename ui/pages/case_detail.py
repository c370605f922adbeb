"""The right half of the case search: one case, its materials and what the clerk can do with it
later — print its papers again, look at a scan, record a material supplied later (补交).
Every action has a key; the keys themselves live on the page (ui/pages/cases.py)."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hallapp.bootstrap import AppContext
from hallapp.domain.changes import Area
from hallapp.domain.clock import hall_clock
from hallapp.domain.outbox import OutboxState
from hallapp.services import case_view, scanning, supplements, visit_times
from hallapp.services.staff import StaffSession
from hallapp.sync import outbox_view as sync_status
from ui.errors import describe, describe_stored
from ui.print_pdf import preview_and_print
from ui.tasks import Task
from ui.words import platform_word, state_word


class CaseDetailPane(QWidget):
    state_changed = Signal(str, str)  # case number, new state (after a supplement)

    def __init__(self, app: AppContext, session: StaffSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app, self.session = app, session
        self.case: case_view.CaseDetail | None = None
        self._wanted = ""  # the case the clerk is on now: late answers for another one are dropped
        self._keep_row = True
        self.header = QLabel(objectName="caseDetail")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.materials = QTableWidget(0, 3, objectName="caseMaterials")
        self.materials.setHorizontalHeaderLabels([self.tr("Material"), self.tr("State"), self.tr("Pages")])
        self.materials.verticalHeader().setVisible(False)
        self.materials.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.materials.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.materials.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.materials.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.materials.setWordWrap(True)
        header = self.materials.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.materials.currentCellChanged.connect(lambda *_: self._update_buttons())
        self.materials.activated.connect(lambda *_: self.view_material())  # Enter on a material shows it
        self.papers = QGridLayout()
        # Short labels (the full words in the tooltip): the three fit one row of a pane narrow enough
        # that the results beside it still show the item's name at 1366 px.
        self.view_button = QPushButton(self.tr("View Ctrl+G"), objectName="viewMaterial",
                                       toolTip=self.tr("View the pages of the selected material"))
        self.scan_button = QPushButton(self.tr("Scan F7"), objectName="scanSupplement",
                                       toolTip=self.tr("Scan a supplement for the selected material"))
        self.import_button = QPushButton(self.tr("Import Ctrl+I"), objectName="importSupplement",
                                         toolTip=self.tr("Import a supplement for the selected material from a file"))
        for button, slot in ((self.view_button, self.view_material), (self.scan_button, self.scan_supplement),
                             (self.import_button, self.import_supplement)):
            button.clicked.connect(slot)
        actions = QHBoxLayout()
        for button in (self.view_button, self.scan_button, self.import_button):
            actions.addWidget(button)
        self.message = QLabel(objectName="hint")
        self.message.setWordWrap(True)
        self.error = QLabel(objectName="error")
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(QLabel(self.tr("Materials F6"), objectName="panelTitle"))
        layout.addWidget(self.materials, 1)
        layout.addLayout(actions)
        layout.addWidget(QLabel(self.tr("Print again"), objectName="panelTitle"))
        layout.addLayout(self.papers)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        self.clear("")

    # -- showing a case ----------------------------------------------------------------------------
    def clear(self, text: str) -> None:
        self.case, self._wanted = None, ""
        self.header.setText(text)
        self.materials.setRowCount(0)
        self._offer_papers(())
        self.message.clear()
        self.error.clear()
        self._update_buttons()

    def load(self, number: str, *, keep_message: bool = False, keep_row: bool = True) -> None:
        """Fetch the case off the GUI thread; only the newest request is shown."""
        self._wanted, self._keep_row = number, keep_row
        if not keep_message:
            self.message.clear()
            self.error.clear()
        db = self.app.db
        Task(self, lambda: (case_view.detail(db, number), sync_status.case_sync_state(db, number))).on_success(
            self._loaded).on_failure(self._failed).run()

    def _loaded(self, result: tuple[case_view.CaseDetail, dict]) -> None:
        detail, sync = result
        if detail.number != self._wanted:
            return
        previous = self.case.number if self.case else None
        self.case = detail
        self.header.setText("\n".join(self._header_lines(detail, sync)))
        self._fill_materials(detail, keep_row=self._keep_row and previous == detail.number)
        self._offer_papers(detail.documents)
        self._update_buttons()

    def _header_lines(self, case: case_view.CaseDetail, sync: dict) -> list[str]:
        lines = [f"{case.number}  ·  {state_word(case.state)}", f"{case.item_name} ({case.item_code})",
                 self.tr("Applicant: {name}  {id_number}").format(name=case.applicant_name, id_number=case.applicant_masked)]
        if case.agent_name:
            lines.append(self.tr("Agent: {name}").format(name=case.agent_name))
        dates = []
        if case.accepted_at:
            dates.append(self.tr("accepted {day}").format(day=hall_clock().day_of(case.accepted_at).isoformat()))
        if case.promised_date:
            dates.append(self.tr("promised {day}").format(day=case.promised_date.isoformat()))
        if dates:
            lines.append(" · ".join(dates))
        if case.owed and case.gap_due_date:
            lines.append("◐ " + self.tr("{n} material(s) owed, due by {day}").format(
                n=len(case.owed), day=case.gap_due_date.isoformat()))
        if case.returned_reason:
            lines.append("✖ " + self.tr("Returned for correction: {reason}").format(reason=case.returned_reason))
        entry = sync.get("sync")
        if entry and entry.get("kind", "case") != "case":  # the case's own submission, not its latest record
            entry = None
        if entry or case.submission:
            state = platform_word(entry["state"] if entry else case.submission.state)
            lines.append(self.tr("Platform: {state} ({percent}%)").format(
                state=state, percent=entry["percent"] if entry else 100 if case.submission.state == OutboxState.CONFIRMED else 0))
            error = entry.get("last_error") if entry else case.submission.last_error
            if error:
                lines.append("  " + describe_stored(error))  # stored as code|params, worded in the window's language
        names = self.record_names()
        for record in case.other_records:
            lines.append("  " + self.tr("{record}: {state}").format(
                record=names.get(record.kind, record.kind), state=platform_word(record.state)))
        for update in sync.get("platform_updates", []):
            reason = f" — {update['reason']}" if update.get("reason") else ""
            lines.append(f"  {update['status']}{reason}")
        return lines

    def record_names(self) -> dict[str, str]:
        """The case's records besides its submission, as the clerk calls them."""
        return {"evaluation": self.tr("Evaluation"), "courier": self.tr("Courier record"),
                "collection": self.tr("Result collected at the window"), "supplement": self.tr("Supplied material")}

    def material_word(self, m: case_view.MaterialView) -> str:
        """Icon and word, never colour alone; an optional material not brought is not a fault."""
        if m.status == "captured":
            if m.supplied_on:
                return "✔ " + self.tr("supplied {day}").format(day=m.supplied_on.isoformat())
            return "✔ " + self.tr("received")
        if m.status == "incorrect":
            return "✖ " + self.tr("incorrect")
        if not m.required:
            return "– " + self.tr("not given (optional)")
        if m.owed:
            return "◐ " + self.tr("owed (may defer)")
        return "✖ " + self.tr("missing")

    def _fill_materials(self, case: case_view.CaseDetail, *, keep_row: bool) -> None:
        row = self.materials.currentRow()
        self.materials.setRowCount(len(case.materials))
        for r, m in enumerate(case.materials):
            for c, text in enumerate((m.name, self.material_word(m), str(m.pages) if m.pages else "")):
                self.materials.setItem(r, c, QTableWidgetItem(text))
        self.materials.resizeRowsToContents()
        if not case.materials:
            return
        if not keep_row or not 0 <= row < len(case.materials):
            # Start on what the clerk most likely came for: an owed material, else the first scan.
            row = next((i for i, m in enumerate(case.materials) if m.owed),
                       next((i for i, m in enumerate(case.materials) if m.has_file), 0))
        self.materials.setCurrentCell(row, 0)

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(self.tr("The case could not be loaded: {error}").format(error=str(exc) or type(exc).__name__))

    def selected(self) -> case_view.MaterialView | None:
        row = self.materials.currentRow()
        return self.case.materials[row] if self.case and 0 <= row < len(self.case.materials) else None

    def _update_buttons(self) -> None:
        m = self.selected()
        self.view_button.setEnabled(bool(m and m.has_file))
        for button in (self.scan_button, self.import_button):
            button.setEnabled(bool(m and m.owed))

    # -- print again --------------------------------------------------------------------------------
    def paper_names(self) -> dict[str, str]:
        return {"receipt": self.tr("Receipt"), "notice": self.tr("One-time notice"),
                "commitment": self.tr("Commitment"), "consent": self.tr("Consent form")}

    def _offer_papers(self, kinds: tuple[str, ...]) -> None:
        while self.papers.count():
            widget = self.papers.takeAt(0).widget()
            if widget:
                widget.hide()  # at once: a hidden button's Alt+N no longer competes with the new one
                widget.deleteLater()
        names = self.paper_names()
        for index, kind in enumerate(kinds):
            button = QPushButton(self.tr("{document} Alt+{key}").format(document=names[kind], key=index + 1),
                                 objectName=f"reprint_{kind}")
            button.clicked.connect(lambda _=False, k=kind: self.reprint(k))
            QShortcut(QKeySequence(f"Alt+{index + 1}"), button, activated=button.click)
            self.papers.addWidget(button, index // 2, index % 2)

    def reprint(self, kind: str) -> None:
        if self.case is None or kind not in self.case.documents:
            return
        db, number, settings, actor = self.app.db, self.case.number, self.app.settings.documents, self.session.username
        title = f"{number} {self.paper_names()[kind]}"

        def render() -> bytes:
            from hallapp.services import case_documents  # reportlab: loaded by the first paper, on the worker

            pdf = case_documents.render(db, number, kind, settings)
            case_view.record_reprint(db, number, kind, actor=actor)
            visit_times.record_printed(db, number, kind, reprint=True)
            return pdf

        self.error.clear()
        self.message.setText(self.tr("Preparing {document}…").format(document=self.paper_names()[kind]))
        Task(self, render).changes(Area.PRINTS, Area.AUDIT, Area.CASES).with_progress(self.message.text()).on_success(
            lambda pdf: self._print(pdf, title)).on_failure(self._action_failed).run()

    def _print(self, pdf: bytes, title: str) -> None:
        self.message.setText(self.tr("Print preview opened: {title}").format(title=title))
        preview_and_print(pdf, title, self)

    # -- look at a scan -----------------------------------------------------------------------------
    def view_material(self) -> None:
        m = self.selected()
        if self.case is None or m is None:
            return
        if not m.has_file:
            self.error.setText(self.tr("No scan is stored for this material.") + (
                " " + self.tr("Press F7 to scan it when the applicant brings it.") if m.owed else ""))
            return
        db, home, number, actor = self.app.db, self.app.home, self.case.number, self.session.username
        title = f"{number} — {m.name}"
        self.error.clear()
        Task(self, lambda: case_view.open_material(db, home, number, m.position, actor=actor)).changes(Area.AUDIT).on_success(
            lambda pdf: self._show_pages(title, pdf)).on_failure(self._action_failed).run()

    def _show_pages(self, title: str, pdf: bytes, confirm: str = ""):
        from ui.dialogs.material_viewer import MaterialViewer

        self.viewer = MaterialViewer(title, pdf, self, confirm=confirm)
        self.viewer.finished.connect(lambda _: self._back_from_viewer())
        self.viewer.open()
        return self.viewer

    def _back_from_viewer(self) -> None:
        """The keys go back to the materials, in the window the clerk works in."""
        self.window().activateWindow()
        self.materials.setFocus()

    # -- 补交 ----------------------------------------------------------------------------------------
    def _owed_selection(self) -> case_view.MaterialView | None:
        m = self.selected()
        if self.case is None or m is None:
            return None
        if not m.owed:
            self.error.setText(self.tr("Nothing is owed for this material: only a material deferred under the "
                                       "commitment can be supplied later.") if not self.case.owed else
                               self.tr("This material is not owed. Choose an owed one (◐) with F6 and the arrows."))
            return None
        self.error.clear()
        return m

    def scan_supplement(self) -> None:
        m = self._owed_selection()
        if m is None:
            return
        devices, cancel = self.app.devices, threading.Event()
        self.message.setText(self.tr("Scanning…"))
        Task(self, lambda: scanning.capture(devices.scanner(), cancel=cancel)).with_progress(
            self.tr("Scanning…"), cancel=cancel).on_success(lambda c: self._check_capture(m, c)).on_failure(
            self._action_failed).run()

    def import_supplement(self) -> None:
        m = self._owed_selection()
        if m is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import supplied material"), "",
                                              self.tr("Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)"))
        if not path:
            return
        self.message.setText(self.tr("Importing…"))
        Task(self, lambda: scanning.from_file(Path(path))).on_success(lambda c: self._check_capture(m, c)).on_failure(
            self._action_failed).run()

    def _check_capture(self, m: case_view.MaterialView, captured: scanning.CapturedMaterial) -> None:
        """The clerk sees the pages before they become part of the case."""
        if self.case is None:
            return
        number = self.case.number
        self.message.setText(self.tr("{pages} page(s) captured: check them, then Enter records them.").format(
            pages=captured.pages))
        viewer = self._show_pages(f"{number} — {m.name}", captured.pdf,
                                  confirm=self.tr("Record as supplied Enter"))
        viewer.accepted.connect(lambda: self._record(number, m, captured))
        viewer.rejected.connect(lambda: self.message.setText(self.tr("Not recorded: the pages were dropped.")))

    def _record(self, number: str, m: case_view.MaterialView, captured: scanning.CapturedMaterial) -> None:
        db, home, actor = self.app.db, self.app.home, self.session.username
        pdf, pages = captured.pdf, captured.pages
        Task(self, lambda: supplements.record_supplement(db, home, number, m.position, pdf, pages, actor=actor)).changes(
            Area.CASES, Area.OUTBOX, Area.AUDIT).with_progress(self.tr("Recording…")).on_success(
            lambda r: self._recorded(m, r)).on_failure(self._action_failed).run()

    def _recorded(self, m: case_view.MaterialView, result: supplements.SupplementResult) -> None:
        text = self.tr("{material}: recorded as supplied ({pages} page(s)).").format(material=m.name, pages=result.pages)
        if result.gap_closed:
            text += " " + self.tr("Every owed material is in; the case is now {state}.").format(
                state=state_word(result.state))
        else:
            text += " " + self.tr("Still owed: {n}.").format(n=len(result.still_owed))
        text += " " + self.tr("The platform is told with the case's next sync.")
        self.message.setText(text)
        self.state_changed.emit(result.number, result.state)
        self.load(result.number, keep_message=True, keep_row=False)  # on to the next owed material

    def _action_failed(self, exc: BaseException) -> None:
        if isinstance(exc, scanning.ScanCancelledError):
            self.message.setText(self.tr("Scanning cancelled; nothing was recorded."))
            return
        self.message.clear()
        self.error.setText(describe(exc))
