"""The counter page: queue bar, applicant panel, the intake flow and the checklist — one visit
from left to right, every action on a key. The visit itself is `self.session` (a CounterSession):
each part shows it and changes it through it, none reaches into another."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hallapp.bootstrap import AppContext
from hallapp.domain.identity import Identity
from hallapp.services import scanning
from hallapp.services.counter_session import Change, CounterSession, Role
from hallapp.services.hall import HallInfo
from hallapp.services.queue import CounterRef
from hallapp.services.staff import StaffSession
from ui.card_reader import CardReaderController, CardResult
from ui.counter_session import observe
from ui.dialogs.manual_identity import ManualIdentityDialog
from ui.errors import describe
from ui.intake.checklist import ChecklistPanel, LicenceSource
from ui.intake.flow import IntakeContext, IntakeFlow
from ui.intake.pages_dialog import PagesDialog
from ui.print_pdf import preview_and_print
from ui.scan_folder import ScanFolderWatcher
from ui.tasks import Task
from ui.widgets.applicant_panel import ApplicantPanel
from ui.widgets.queue_bar import QueueBar
from ui.widgets.titles import panel_title

APPLICANT, AGENT = Role.APPLICANT, Role.AGENT


def _panel(title: str, body: QWidget, name: str) -> QFrame:
    frame = QFrame(objectName="panel")
    frame.setAccessibleName(name)
    layout = QVBoxLayout(frame)
    if title:
        layout.addWidget(panel_title(title))
    layout.addWidget(body, 1)
    return frame


class CounterPage(QWidget):
    visit_ended = Signal()  # F8 went through: nothing of the last visit is on screen

    def __init__(self, app: AppContext, session: StaffSession, hall: HallInfo,
                 reader: CardReaderController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        db, counter_number = app.db, app.settings.counter.number
        self.app = app
        self.reader = reader
        self.session = CounterSession()
        hall_region_code = hall.region_code
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        who = self.tr("Counter {number} · {name}").format(number=counter_number, name=session.display_name)
        self.queue = QueueBar(db, CounterRef(hall.id, counter_number, session.staff_id), who, hall.counters,
                              session=self.session, home=app.home)
        self.queue.message.connect(self._queue_message)  # F8 asks the session about unsaved work itself
        layout.addWidget(self.queue)
        row = QHBoxLayout()
        row.setContentsMargins(10, 10, 10, 10)
        scroll = QScrollArea(objectName="identityScroll")  # long addresses never squeeze lines into each other
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(340)
        column = self._identity_column(hall_region_code)
        # As wide as the panel, never wider: it scrolls only vertically, so lines wrap instead of being cut.
        column.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        scroll.setWidget(column)
        identity = QWidget()
        identity_layout = QVBoxLayout(identity)
        identity_layout.setContentsMargins(0, 0, 0, 0)
        identity_layout.addWidget(scroll, 1)
        identity_layout.addWidget(self.identity_keys)
        row.addWidget(_panel("", identity, "applicant"), 4)
        self.checklist = ChecklistPanel(self.session)
        self.checklist.set_licence_source(LicenceSource(app, session.username, lambda: self.session.applicant,
                                                        session.display_name))  # 电子证照 (F9)
        self.flow = IntakeFlow(IntakeContext(
            db=db, home=app.home, hall_id=hall.id, counter_number=counter_number, staff_id=session.staff_id,
            staff_username=session.username,
            documents=app.settings.documents,
        ), self.session, self.checklist)
        self.flow.document_ready.connect(self._print_document)
        self.scan_folder: ScanFolderWatcher | None = None
        if app.settings.devices.scan_folder:
            self.scan_folder = ScanFolderWatcher(app.settings.devices.scan_folder, self, devices=app.devices).start()
            self.scan_folder.captured.connect(self._from_scan_folder)
            self.scan_folder.failed.connect(self._capture_failed)
        self.flow.message.connect(self._queue_message)
        row.addWidget(_panel(self.tr("Case"), self.flow, "flow"), 3)
        row.addWidget(_panel(self.tr("Materials"), self._checklist_column(), "checklist"), 4)
        layout.addLayout(row, 1)
        reader.identity_read.connect(self.show_identity)
        reader.failed.connect(self.show_reader_error)
        observe(self, self.session, self._on_session)  # after the parts: the page's turn comes last
        self._shortcuts()

    def _identity_column(self, hall_region_code: str) -> QWidget:
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        self.applicant = ApplicantPanel(hall_region_code, self.tr("Applicant"), session=self.session, role=APPLICANT)
        self.applicant.setObjectName("applicantPanel")
        self.agent = ApplicantPanel(hall_region_code, self.tr("Agent"), compact=True, session=self.session, role=AGENT)
        self.agent.setObjectName("agentPanel")
        self.agent.setVisible(False)
        self.read_button = QPushButton(self.tr("Read card F3"), objectName="primary")
        self.read_button.clicked.connect(lambda: self.read_card(APPLICANT))
        manual = QPushButton(self.tr("Type in Ctrl+M"))
        manual.clicked.connect(lambda: self.manual_entry(APPLICANT))
        agent_read = QPushButton(self.tr("Agent card ⇧F3"))
        agent_read.clicked.connect(lambda: self.read_card(AGENT))
        agent_manual = QPushButton(self.tr("Agent typed Ctrl+⇧M"))
        agent_manual.clicked.connect(lambda: self.manual_entry(AGENT))
        self.reader_state = QLabel(objectName="hint")
        self.reader_state.setWordWrap(True)
        layout.addWidget(self.applicant)
        layout.addWidget(self.agent)
        layout.addStretch(1)
        # The keys stay in view below the scrolling identities, however long an address is.
        self.identity_keys = QWidget(objectName="identityKeys")
        buttons = QGridLayout(self.identity_keys)
        buttons.setContentsMargins(0, 4, 0, 0)
        buttons.addWidget(self.read_button, 0, 0)
        buttons.addWidget(manual, 0, 1)
        buttons.addWidget(agent_read, 1, 0)
        buttons.addWidget(agent_manual, 1, 1)
        buttons.addWidget(self.reader_state, 2, 0, 1, 2)
        return column

    def _checklist_column(self) -> QWidget:
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.checklist, 1)
        grid = QGridLayout()
        for index, (label, slot) in enumerate((
            (self.tr("Scan F7"), self.scan), (self.tr("Import Ctrl+I"), self.import_file),
            (self.tr("Missing Ctrl+D"), lambda: self.checklist.set_lacking("missing")),
            (self.tr("Incorrect Ctrl+E"), lambda: self.checklist.set_lacking("incorrect")),
            (self.tr("Pages Ctrl+G"), self.edit_pages), (self.tr("Add scan ⇧F7"), self.add_scan),
            (self.tr("Camera Ctrl+K"), self.camera),
        )):
            button = QPushButton(label)
            button.clicked.connect(slot)
            grid.addWidget(button, index // 2, index % 2)
        layout.addLayout(grid)
        self.capture_state = QLabel(objectName="hint")
        self.capture_state.setWordWrap(True)
        layout.addWidget(self.capture_state)
        return column

    def scan(self) -> None:
        """F7: scan the selected material (off the GUI thread; the demo scans sample pages)."""
        if self.checklist.selected() is None:
            self.capture_state.setText(self.tr("Choose the item first, then the material to scan."))
            return
        devices, cancel = self.app.devices, threading.Event()
        self.capture_state.setText(self.tr("Scanning…"))
        Task(self, lambda: scanning.capture(devices.scanner(), cancel=cancel)).with_progress(
            self.tr("Scanning…"), cancel=cancel).on_success(self._captured).on_failure(self._capture_failed).run()

    def import_file(self) -> None:
        """Ctrl+I: a PDF or image the applicant brought on a phone or USB stick, or a vendor tool saved."""
        if self.checklist.selected() is None:
            self.capture_state.setText(self.tr("Choose the item first, then the material to import."))
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import material"), "",
                                              self.tr("Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)"))
        if path:
            self.capture_state.setText(self.tr("Importing…"))
            Task(self, lambda: scanning.from_file(Path(path))).on_success(self._captured).on_failure(
                self._capture_failed).run()

    def _print_document(self, kind: str, pdf: bytes) -> None:
        saved = self.session.saved
        dialog = preview_and_print(pdf, f"{saved.number if saved else ''} {kind}", self)
        dialog.finished.connect(lambda _r: self.back_from_dialog())

    def back_from_dialog(self) -> None:
        """A dialog closed: the counter window takes the keys again, at the step being worked."""
        self.window().activateWindow()
        self.flow.focus_step()

    def _captured(self, material: scanning.CapturedMaterial) -> None:
        self.checklist.set_captured(material.pdf, material.pages, material)
        self.capture_state.setText(self.tr("{pages} page(s) captured.").format(pages=material.pages))

    def camera(self) -> None:
        """Ctrl+K: pages from the document camera (高拍仪)."""
        if self.checklist.selected() is None:
            self.capture_state.setText(self.tr("Choose the item first, then the material to scan."))
            return
        from ui.intake.camera_dialog import CameraDialog  # Qt Multimedia loads only when used

        dialog = CameraDialog(self.checklist.selected().line.name, self)
        dialog.accepted.connect(lambda: self._captured(dialog.material))
        dialog.finished.connect(lambda _r: self.back_from_dialog())  # the keys come back to the step
        dialog.open()

    def _from_scan_folder(self, material: scanning.CapturedMaterial) -> None:
        if self.checklist.selected() is None:
            self.capture_state.setText(self.tr("A scan arrived but no material is selected: choose the item first."))
            return
        self._captured(material)

    def add_scan(self) -> None:
        """Shift+F7: scan more pages and append them to the selected material (a re-scan of a page
        is an added scan plus deleting the bad page in the page editor)."""
        state = self.checklist.selected()
        if state is None or state.material is None:
            self.scan()
            return
        devices, before = self.app.devices, list(state.material.images)

        def scan_more() -> scanning.CapturedMaterial:
            extra = scanning.capture(devices.scanner())
            return scanning.rebuild(before + list(extra.images))

        self.capture_state.setText(self.tr("Scanning…"))
        Task(self, scan_more).with_progress(self.tr("Scanning…")).on_success(self._recaptured).on_failure(
            self._capture_failed).run()

    def _recaptured(self, material: scanning.CapturedMaterial) -> None:
        self.checklist.set_captured(material.pdf, material.pages, material, advance=False)
        self.capture_state.setText(self.tr("{pages} page(s) captured.").format(pages=material.pages))

    def edit_pages(self) -> None:
        """Ctrl+G: the selected material's pages: rotate, reorder, delete."""
        state = self.checklist.selected()
        if state is None or state.material is None:
            self.capture_state.setText(self.tr("Scan or import this material first."))
            return
        dialog = PagesDialog(state.line.name, state.material, self)
        dialog.accepted.connect(lambda: self._recaptured(dialog.result_material))
        dialog.finished.connect(lambda _r: self.back_from_dialog())  # the keys come back to the step
        dialog.open()

    def _capture_failed(self, exc: BaseException | str) -> None:  # the scan folder sends text already worded
        self.capture_state.setText(exc if isinstance(exc, str) else describe(exc))

    def _shortcuts(self) -> None:
        for keys, slot in (("F3", lambda: self.read_card(APPLICANT)), ("Shift+F3", lambda: self.read_card(AGENT)),
                           ("Ctrl+M", lambda: self.manual_entry(APPLICANT)),
                           ("Ctrl+Shift+M", lambda: self.manual_entry(AGENT)),
                           ("F7", self.scan), ("Ctrl+I", self.import_file),
                           ("Ctrl+G", self.edit_pages), ("Shift+F7", self.add_scan), ("Ctrl+K", self.camera),
                           ("Ctrl+D", lambda: self.checklist.set_lacking("missing")),
                           ("Ctrl+E", lambda: self.checklist.set_lacking("incorrect"))):
            QShortcut(QKeySequence(keys), self, activated=slot)

    def read_card(self, target: str) -> None:
        """F3 / Shift+F3: read a card now for the applicant or the agent ("applicant" | "agent")."""
        self.session.expect_card(Role(target))
        self.reader_state.setText(self.tr("Reading… place the card on the reader."))
        self.reader.read_now()

    def manual_entry(self, target: str) -> None:
        """Ctrl+M / Ctrl+Shift+M: type the identity in for the applicant or the agent."""
        role = Role(target)
        title = self.tr("Manual entry — applicant") if role is APPLICANT else self.tr("Manual entry — agent")
        dialog = ManualIdentityDialog(title, self)
        dialog.accepted.connect(lambda: self._typed(role, dialog.identity))
        dialog.finished.connect(lambda _r: self.back_from_dialog())  # the keys come back to the step
        dialog.open()

    def _typed(self, role: Role, identity: Identity | None) -> None:
        if identity is not None:
            self.session.place(role, identity)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Enter advances the intake wherever the focus is on this page: the search box, the
        checklist in the right panel or a button all pass Enter up to here."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.flow.advance()
            return
        super().keyPressEvent(event)

    def take_focus(self) -> None:
        """The page was shown: the keys go to the step being worked."""
        self.flow.focus_step()

    def has_unsaved_work(self) -> bool:
        return self.session.has_unsaved_work()

    def _on_session(self, change: Change) -> None:
        """The agent's panel shows only with an agent; after F8 the next applicant finds the page
        empty (the panels and the flow clear themselves) and a fresh case."""
        if change in (Change.PEOPLE, Change.ENDED):
            self.agent.setVisible(self.session.agent is not None)
        if change is Change.ENDED:
            self.reader_state.clear()
            self.capture_state.clear()
            self.visit_ended.emit()

    def _queue_message(self, text: str) -> None:
        self.reader_state.setText(text)

    def show_identity(self, result: CardResult) -> None:
        """A card was read: it goes where the clerk asked (applicant unless the agent key was used)."""
        self.queue.start_serving()
        self.session.card_read(result.identity, result.photo_bmp)
        self.reader_state.setText("")

    def show_reader_error(self, text: str) -> None:
        self.reader_state.setText("")
        self.applicant.show_error(text)
