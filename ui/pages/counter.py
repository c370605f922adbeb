"""The counter page: queue bar, applicant panel, the intake flow and the checklist.

Identity (card reading, manual entry, agent) is live; queue calling, intake and scanning fill the
other panels in their own issues and say so plainly until then.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from hallapp.domain.identity import Identity
from hallapp.services.hall import HallInfo
from hallapp.services.queue import CounterRef
from hallapp.services.staff import StaffSession
from hallapp.storage import Database
from ui.card_reader import CardReaderController, CardResult
from ui.dialogs.manual_identity import ManualIdentityDialog
from ui.widgets.applicant_panel import ApplicantPanel
from ui.widgets.placeholder import panel_title, placeholder
from ui.widgets.queue_bar import QueueBar

APPLICANT, AGENT = "applicant", "agent"


def _panel(title: str, body: QWidget, name: str) -> QFrame:
    frame = QFrame(objectName="panel")
    frame.setAccessibleName(name)
    layout = QVBoxLayout(frame)
    if title:
        layout.addWidget(panel_title(title))
    layout.addWidget(body, 1)
    return frame


class CounterPage(QWidget):
    def __init__(self, db: Database, session: StaffSession, counter_number: int, hall: HallInfo,
                 reader: CardReaderController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self.read_target = APPLICANT
        hall_region_code = hall.region_code
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        who = self.tr("Counter {number} · {name}").format(number=counter_number, name=session.display_name)
        self.queue = QueueBar(db, CounterRef(hall.id, counter_number, session.staff_id), who, hall.counters)
        self.queue.visit_done.connect(self._visit_done)
        self.queue.message.connect(self._queue_message)
        layout.addWidget(self.queue)
        row = QHBoxLayout()
        row.setContentsMargins(10, 10, 10, 10)
        scroll = QScrollArea(objectName="identityScroll")  # long addresses never squeeze lines into each other
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(480)
        scroll.setWidget(self._identity_column(hall_region_code))
        row.addWidget(_panel("", scroll, "applicant"), 3)
        row.addWidget(_panel(self.tr("Case"), self._flow(), "flow"), 5)
        row.addWidget(_panel(self.tr("Materials"), placeholder(self.tr(
            "The material checklist and scanning (F7) are not available yet in this version.")), "checklist"), 3)
        layout.addLayout(row, 1)
        reader.identity_read.connect(self.show_identity)
        reader.failed.connect(self.show_reader_error)
        self._shortcuts()

    def _identity_column(self, hall_region_code: str) -> QWidget:
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        self.applicant = ApplicantPanel(hall_region_code, self.tr("Applicant"))
        self.applicant.setObjectName("applicantPanel")
        self.agent = ApplicantPanel(hall_region_code, self.tr("Agent"), compact=True)
        self.agent.setObjectName("agentPanel")
        self.agent.setVisible(False)
        self.read_button = QPushButton(self.tr("Read card F3"), objectName="primary")
        self.read_button.clicked.connect(lambda: self.read_card(APPLICANT))
        manual = QPushButton(self.tr("Manual entry Ctrl+M"))
        manual.clicked.connect(lambda: self.manual_entry(APPLICANT))
        agent_read = QPushButton(self.tr("Agent card Shift+F3"))
        agent_read.clicked.connect(lambda: self.read_card(AGENT))
        agent_manual = QPushButton(self.tr("Agent typed Ctrl+Shift+M"))
        agent_manual.clicked.connect(lambda: self.manual_entry(AGENT))
        self.reader_state = QLabel(objectName="hint")
        self.reader_state.setWordWrap(True)
        buttons = QGridLayout()
        buttons.addWidget(self.read_button, 0, 0)
        buttons.addWidget(manual, 0, 1)
        buttons.addWidget(agent_read, 1, 0)
        buttons.addWidget(agent_manual, 1, 1)
        layout.addWidget(self.applicant)
        layout.addLayout(buttons)
        layout.addWidget(self.agent)
        layout.addWidget(self.reader_state)
        return column

    def _flow(self) -> QWidget:
        body = QWidget()
        layout = QVBoxLayout(body)
        steps = QLabel(self.tr("1 Applicant › 2 Item › 3 Handling place › 4 Materials › 5 Decision › 6 Print"), objectName="hint")
        layout.addWidget(steps)
        layout.addWidget(placeholder(self.tr(
            "Case intake is not available yet in this version. The service item catalog is loaded "
            "and can be searched from the command line: hallapp catalog search TEXT")), 1)
        return body

    def _shortcuts(self) -> None:
        for keys, slot in (("F3", lambda: self.read_card(APPLICANT)), ("Shift+F3", lambda: self.read_card(AGENT)),
                           ("Ctrl+M", lambda: self.manual_entry(APPLICANT)),
                           ("Ctrl+Shift+M", lambda: self.manual_entry(AGENT))):
            QShortcut(QKeySequence(keys), self, activated=slot)

    def read_card(self, target: str) -> None:
        self.read_target = target
        self.reader_state.setText(self.tr("Reading… place the card on the reader."))
        self.reader.read_now()

    def manual_entry(self, target: str) -> None:
        title = self.tr("Manual entry — applicant") if target == APPLICANT else self.tr("Manual entry — agent")
        dialog = ManualIdentityDialog(title, self)
        dialog.accepted.connect(lambda: self._place(target, dialog.identity))
        dialog.open()

    def _visit_done(self, _ticket: object) -> None:
        """F8: the next applicant starts with an empty panel."""
        self.applicant.clear()
        self.agent.clear()
        self.agent.setVisible(False)

    def _queue_message(self, text: str) -> None:
        self.reader_state.setText(text)

    def show_identity(self, result: CardResult) -> None:
        """A card was read: it goes where the clerk asked (applicant unless the agent key was used)."""
        self.queue.start_serving()
        photo = QImage.fromData(result.photo_bmp) if result.photo_bmp else None
        self._place(self.read_target, result.identity, photo)
        self.read_target = APPLICANT
        self.reader_state.setText("")

    def _place(self, target: str, identity: Identity | None, photo: QImage | None = None) -> None:
        if identity is None:
            return
        panel = self.agent if target == AGENT else self.applicant
        panel.setVisible(True)
        panel.show_identity(identity, photo)

    def show_reader_error(self, text: str) -> None:
        self.reader_state.setText("")
        self.applicant.show_error(text)
