"""First-run set-up of a real hall: hall name, hall code, region code, counters, first admin."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from hallapp.domain.changes import Area
from hallapp.domain.regions import default_regions
from hallapp.services import hall
from hallapp.storage import Database
from ui.errors import describe
from ui.tasks import Task


class SetupDialog(QDialog):
    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.info: hall.HallInfo | None = None
        self.setWindowTitle(self.tr("hallapp — first-run set-up"))
        self.setMinimumWidth(560)

        intro = QLabel(self.tr("This computer has no hall yet. Enter the hall's details and the first administrator."))
        intro.setWordWrap(True)
        self.name = QLineEdit(objectName="hallName")
        self.code = QLineEdit(objectName="hallCode")
        self.region = QLineEdit(objectName="regionCode")
        self.region.setMaxLength(6)
        self.region_name = QLabel(objectName="hint")
        self.region.textChanged.connect(self._show_region)
        self.counters = QSpinBox(objectName="counters")
        self.counters.setRange(1, 99)
        self.counters.setValue(3)
        self.admin = QLineEdit("admin", objectName="adminUser")
        self.admin_name = QLineEdit(self.tr("Administrator"), objectName="adminName")
        self.password = QLineEdit(objectName="adminPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit(objectName="adminPassword2")
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)

        form = QFormLayout()
        form.addRow(self.tr("Hall name"), self.name)
        form.addRow(self.tr("Hall code"), self.code)
        form.addRow(self.tr("Region code (6 digits)"), self.region)
        form.addRow("", self.region_name)
        form.addRow(self.tr("Number of counters"), self.counters)
        form.addRow(self.tr("Administrator user name"), self.admin)
        form.addRow(self.tr("Administrator name"), self.admin_name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.password2)

        self.message = QLabel(objectName="error")
        self.message.setWordWrap(True)
        self.ok = QPushButton(self.tr("Create hall"), objectName="primary")
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.create)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.ok)

    def _show_region(self, code: str) -> None:
        region = default_regions().lookup(code) if len(code) == 6 and code.isdigit() else None
        self.region_name.setText(region.full_name if region else "")

    def create(self) -> None:
        if self.password.text() != self.password2.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        problem = hall.setup_problem(self.name.text(), self.code.text(), self.region.text())
        if problem:
            self.message.setText(describe(problem))
            return
        values = dict(
            name=self.name.text(), code=self.code.text(), region_code=self.region.text(),
            counters=self.counters.value(), admin_username=self.admin.text(),
            admin_name=self.admin_name.text(), admin_password=self.password.text(),
        )
        self.ok.setEnabled(False)
        self.message.setText(self.tr("Creating the hall…"))
        Task(self, lambda: hall.create_hall(self.db, **values)).changes(*Area).on_success(self._created).on_failure(
            self._failed
        ).run()

    def _created(self, info: hall.HallInfo) -> None:
        self.info = info
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        self.message.setText(describe(exc) if isinstance(exc, hall.SetupError) else self.tr("Set-up failed: %s") % exc)
