"""The counter page: queue bar, applicant panel, the intake flow and the checklist.

The frame is here; queue calling, card reading, intake and scanning fill it in their own issues.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from hallapp.services.staff import StaffSession
from ui.widgets.placeholder import panel_title, placeholder


def _panel(title: str, body: QWidget, stretch_name: str) -> QFrame:
    frame = QFrame(objectName="panel")
    frame.setAccessibleName(stretch_name)
    layout = QVBoxLayout(frame)
    layout.addWidget(panel_title(title))
    layout.addWidget(body, 1)
    return frame


class CounterPage(QWidget):
    def __init__(self, session: StaffSession, counter_number: int, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        bar = QFrame(objectName="counterBar")
        bar_layout = QHBoxLayout(bar)
        who = QLabel(self.tr("Counter {number} · {name}").format(number=counter_number, name=session.display_name))
        who.setObjectName("counterWho")
        bar_layout.addWidget(who)
        bar_layout.addWidget(QLabel(self.tr("Current: none")), 1)
        self.queue_buttons = []
        for label, key in (
            (self.tr("Call"), "F1"), (self.tr("Recall"), "F2"), (self.tr("No-show"), "F4"),
            (self.tr("Transfer"), "F5"), (self.tr("Hold"), "F6"), (self.tr("Done"), "F8"),
        ):
            button = QPushButton(f"{label} {key}")
            button.setEnabled(False)
            button.setToolTip(self.tr("Queue calling is not available yet in this version."))
            bar_layout.addWidget(button)
            self.queue_buttons.append(button)

        applicant = placeholder(self.tr(
            "Reading ID cards (F3) and manual entry are not available yet in this version."))
        steps = QLabel(self.tr("1 Applicant › 2 Item › 3 Handling place › 4 Materials › 5 Decision › 6 Print"))
        steps.setObjectName("hint")
        flow_body = QWidget()
        flow_layout = QVBoxLayout(flow_body)
        flow_layout.addWidget(steps)
        flow_layout.addWidget(placeholder(self.tr(
            "Case intake is not available yet in this version. The service item catalog is loaded "
            "and can be searched from the command line: hallapp catalog search TEXT")), 1)
        checklist = placeholder(self.tr("The material checklist and scanning (F7) are not available yet in this version."))

        row = QHBoxLayout()
        row.addWidget(_panel(self.tr("Applicant"), applicant, "applicant"), 2)
        row.addWidget(_panel(self.tr("Case"), flow_body, "flow"), 5)
        row.addWidget(_panel(self.tr("Materials"), checklist, "checklist"), 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(bar)
        inner = QVBoxLayout()
        inner.setContentsMargins(10, 10, 10, 10)
        inner.addLayout(row, 1)
        layout.addLayout(inner, 1)
