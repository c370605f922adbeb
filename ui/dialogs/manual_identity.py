"""Manual entry (手工录入) for an applicant whose card cannot be read: the same checks as a card."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from hallapp.domain import codes
from hallapp.domain.clock import hall_clock
from hallapp.domain.identity import Identity, ManualEntryError, manual_identity
from hallapp.domain.idnumber import validate_id_number


class ManualIdentityDialog(QDialog):
    def __init__(self, title: str, parent=None) -> None:
        super().__init__(parent)
        self.identity: Identity | None = None
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.name = QLineEdit(objectName="name")
        self.id_number = QLineEdit(objectName="idNumber")
        self.id_number.setMaxLength(18)
        self.id_number.textChanged.connect(self._check_number)
        self.derived = QLabel(objectName="hint")
        self.nation = QComboBox(objectName="nation")
        for code, label in codes.NATION_CODES.items():
            self.nation.addItem(codes.nation_label(code) or label, code)
        self.address = QLineEdit(objectName="address")
        self.issuer = QLineEdit(objectName="issuer")
        self.valid_to = QDateEdit(objectName="validTo")
        self.valid_to.setCalendarPopup(True)
        self.valid_to.setDisplayFormat("yyyy-MM-dd")
        today = hall_clock().today()
        self.valid_to.setDate(QDate(today.year, today.month, today.day).addYears(10))
        self.long_term = QCheckBox(self.tr("Long-term"), objectName="longTerm")
        self.long_term.toggled.connect(lambda on: self.valid_to.setEnabled(not on))
        self.message = QLabel(objectName="error")
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("ID number"), self.id_number)
        form.addRow("", self.derived)
        form.addRow(self.tr("Ethnic group"), self.nation)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Issued by"), self.issuer)
        form.addRow(self.tr("Valid until"), self.valid_to)
        form.addRow("", self.long_term)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        hint = self.tr("Only when the card cannot be read. Check the card with your own eyes.")
        layout.addWidget(QLabel(hint, objectName="hint"))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _check_number(self, text: str) -> None:
        if len(text.strip()) < 18:
            self.derived.setText("")
            return
        check = validate_id_number(text)
        if check.valid:
            self.derived.setText(f"✔ {codes.sex_label(check.sex_code)}  {check.birth_date}  {check.province_name or ''}")
        else:
            self.derived.setText("✖ " + "、".join(check.messages))

    def submit(self) -> None:
        try:
            self.identity = manual_identity(
                name=self.name.text(), id_number=self.id_number.text(), today=hall_clock().today(),
                nation_code=self.nation.currentData(), address=self.address.text(), issuer=self.issuer.text(),
                valid_to=self.valid_to.date().toPython(), long_term=self.long_term.isChecked(),
            )
        except ManualEntryError as exc:
            self.message.setText("\n".join(exc.problems.values()))
            return
        self.accept()
