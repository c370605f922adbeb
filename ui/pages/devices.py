"""Devices page (technician): one row per device role, with its driver and state."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from ui.widgets.placeholder import placeholder


class DevicesPage(QWidget):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        roles = [
            self.tr("ID card reader"), self.tr("Social security card reader (PC/SC)"),
            self.tr("Ticket printer"), self.tr("Receipt printer"), self.tr("Scanner / document camera"),
            self.tr("Hall display"),
        ]
        table = QTableWidget(len(roles), 3, objectName="devicesTable")
        table.setHorizontalHeaderLabels([self.tr("Device"), self.tr("Driver"), self.tr("State")])
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, role in enumerate(roles):
            table.setItem(row, 0, QTableWidgetItem(role))
            table.setItem(row, 1, QTableWidgetItem(self.tr("not configured")))
            table.setItem(row, 2, QTableWidgetItem("○ " + self.tr("not available yet")))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Devices"), objectName="pageTitle"))
        layout.addWidget(table, 1)
        layout.addWidget(placeholder(self.tr(
            "Device drivers, tests and diagnostics are not available yet in this version.")))
