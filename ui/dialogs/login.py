"""Login dialog. The password check (argon2, a database write) runs off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from hallapp.config import SecuritySettings
from hallapp.domain.changes import Area
from hallapp.home import current_home
from hallapp.services import presence, staff
from hallapp.storage import Database
from ui.errors import describe
from ui.tasks import Task


class LoginDialog(QDialog):
    def __init__(self, db: Database, security: SecuritySettings, hall_name: str, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.security = security
        self.session: staff.StaffSession | None = None
        self.setWindowTitle(self.tr("hallapp — log in"))
        self.setMinimumWidth(460)

        title = QLabel(hall_name)
        title.setObjectName("pageTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle = QLabel(self.tr("Cross-province service window"))
        subtitle.setObjectName("hint")
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("&Password"), self.password)

        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.login_button = QPushButton(self.tr("Log in"))
        self.login_button.setObjectName("primary")
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self.attempt)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(14)
        for widget in (title, subtitle):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.login_button)

    def attempt(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.message.setText(self.tr("Enter your user name and password."))
            return
        self.login_button.setEnabled(False)
        self.message.setText(self.tr("Checking…"))
        db, security = self.db, self.security

        def check() -> staff.StaffSession:  # the installation id is a file read: off the GUI thread too
            return staff.login(db, username, password, security, installation=presence.installation_id(current_home()))

        Task(self, check).changes(Area.STAFF, Area.AUDIT).on_success(
            self._logged_in
        ).on_failure(self._refused).run()

    def _logged_in(self, session: staff.StaffSession) -> None:
        self.session = session
        if not session.elsewhere:
            self.accept()
            return
        # Not refused (a clerk who left a PC on must still work), but said before the window opens.
        self.message.setText(self.tr("You are also logged in on PC {hosts}. Log out there, or tell the supervisor; "
                                     "press Continue to work here.").format(hosts="、".join(session.elsewhere)))
        self.login_button.setText(self.tr("Continue"))
        self.login_button.setEnabled(True)
        self.login_button.clicked.disconnect()
        self.login_button.clicked.connect(self.accept)

    def _refused(self, exc: BaseException) -> None:
        self.login_button.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        if isinstance(exc, staff.LoginError):
            self.message.setText(describe(exc))
        else:
            self.message.setText(self.tr("The database cannot be reached. Check the network cable or ask the technician."))
