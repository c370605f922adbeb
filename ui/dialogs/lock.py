"""The idle lock: the window hides its content until the same clerk's password is given."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QVBoxLayout

from hallapp.config import SecuritySettings
from hallapp.domain.changes import Area
from hallapp.services import staff
from hallapp.storage import Database
from ui.errors import describe
from ui.tasks import Task


class LockDialog(QDialog):
    def __init__(self, db: Database, session: staff.StaffSession, security: SecuritySettings, parent=None) -> None:
        super().__init__(parent)
        self.db, self.session, self.security = db, session, security
        self.setWindowTitle(self.tr("Window locked"))
        self.setModal(True)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        title = QLabel(self.tr("Locked — %s") % session.display_name, objectName="pageTitle")
        hint = QLabel(self.tr("The window locked itself after a period without use. Enter your password to continue."))
        hint.setWordWrap(True)
        self.password = QLineEdit(objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(objectName="error")
        self.unlock_button = QPushButton(self.tr("Unlock"), objectName="primary")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.attempt)
        layout = QVBoxLayout(self)
        for widget in (title, hint, self.password, self.message, self.unlock_button):
            layout.addWidget(widget)

    def reject(self) -> None:  # Esc must not unlock
        pass

    def attempt(self) -> None:
        password = self.password.text()
        self.unlock_button.setEnabled(False)
        Task(self, lambda: staff.login(self.db, self.session.username, password, self.security)).changes(
            Area.STAFF, Area.AUDIT).on_success(
            lambda _s: self.accept()
        ).on_failure(self._refused).run()

    def _refused(self, exc: BaseException) -> None:
        self.unlock_button.setEnabled(True)
        self.password.clear()
        self.message.setText(describe(exc) if isinstance(exc, staff.LoginError) else self.tr("Cannot check the password now."))
