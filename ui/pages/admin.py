"""Admin page: staff accounts (add, change role, unlock), the service item catalog and the holiday
calendar (from a file, or from the platform: ui/pages/admin_catalog.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hallapp.domain.changes import Area
from hallapp.domain.clock import hall_clock
from hallapp.domain.staff import Role
from hallapp.services import catalog, staff
from hallapp.services.staff import StaffSession
from hallapp.storage import Database
from ui.errors import describe
from ui.pages.admin_catalog import CalendarUpdatePanel, CatalogUpdatePanel
from ui.tasks import Task
from ui.widgets.titles import panel_title


class AdminPage(QWidget):
    def __init__(self, db: Database, session: StaffSession, parent=None, ctx=None) -> None:
        super().__init__(parent)
        self.db, self.session = db, session
        # The platform updates need the whole AppContext (settings, keys, home); the main window has it.
        context = (lambda: ctx) if ctx is not None else (lambda: getattr(self.window(), "ctx", None))
        self.catalog_update = CatalogUpdatePanel(context, session)
        self.calendar_update = CalendarUpdatePanel(context, session)
        self.role_names = {
            Role.CLERK: self.tr("Clerk"), Role.SUPERVISOR: self.tr("Supervisor"),
            Role.TECHNICIAN: self.tr("Technician"), Role.ADMIN: self.tr("Administrator"),
        }
        self.table = QTableWidget(0, 4, objectName="staffTable")
        self.table.setHorizontalHeaderLabels([self.tr("User name"), self.tr("Name"), self.tr("Role"), self.tr("State")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)

        self.new_user = QLineEdit(objectName="newUser")
        self.new_name = QLineEdit(objectName="newName")
        self.new_role = QComboBox(objectName="newRole")
        for role, name in self.role_names.items():
            self.new_role.addItem(name, role.value)
        self.new_password = QLineEdit(objectName="newPassword")
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        add = QPushButton(self.tr("Add account"), objectName="primary")
        add.clicked.connect(self.add_staff)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.new_user)
        form.addRow(self.tr("Name"), self.new_name)
        form.addRow(self.tr("Role"), self.new_role)
        form.addRow(self.tr("Initial password"), self.new_password)
        form.addRow("", add)

        unlock = QPushButton(self.tr("Unlock selected account"))
        unlock.clicked.connect(self.unlock_selected)
        set_role = QPushButton(self.tr("Give selected account the role above"))
        set_role.clicked.connect(self.change_selected_role)
        import_button = QPushButton(self.tr("Import catalog file…"))
        import_button.clicked.connect(self.import_catalog)
        self.message = QLabel(objectName="hint")
        self.message.setWordWrap(True)

        buttons = QHBoxLayout()
        for b in (unlock, set_role, import_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Administration"), objectName="pageTitle"))
        layout.addWidget(panel_title(self.tr("Staff accounts")))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(panel_title(self.tr("New account")))
        layout.addLayout(form)
        layout.addWidget(self.message)
        updates = QHBoxLayout()
        updates.addWidget(self.catalog_update, 3)
        updates.addWidget(self.calendar_update, 2)
        layout.addLayout(updates, 1)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        db, hall_id = self.db, self.session.hall_id
        Task(self, lambda: staff.list_staff(db, hall_id)).on_success(self._show).run()

    def _show(self, rows: list[dict]) -> None:
        now = hall_clock().now()
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            locked = row["locked_until"] is not None and row["locked_until"] > now
            state = self.tr("✖ locked") if locked else (self.tr("✔ active") if row["active"] else self.tr("disabled"))
            values = (row["username"], row["display_name"], self.role_names[Role(row["role"])], state)
            for c, text in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def _selected_username(self) -> str | None:
        row = self.table.currentRow()
        return self.table.item(row, 0).text() if row >= 0 else None

    def _run(self, fn, done_text: str) -> None:
        Task(self, fn).changes(Area.STAFF, Area.AUDIT).on_success(lambda _r: self._done(done_text)).on_failure(self._failed).run()

    def _done(self, text: str) -> None:
        self.message.setText(text)
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(describe(exc))

    def add_staff(self) -> None:
        db, actor, hall_id = self.db, self.session.username, self.session.hall_id
        user, name = self.new_user.text(), self.new_name.text()
        role, password = self.new_role.currentData(), self.new_password.text()
        self.new_password.clear()
        self._run(lambda: staff.create_staff(db, actor, hall_id, user, name, role, password),
                  self.tr("Account {user} added.").format(user=user))

    def unlock_selected(self) -> None:
        user = self._selected_username()
        if user:
            db, actor = self.db, self.session.username
            self._run(lambda: staff.unlock_account(db, actor, user), self.tr("Account {user} unlocked.").format(user=user))

    def change_selected_role(self) -> None:
        user = self._selected_username()
        if user:
            db, actor, role = self.db, self.session.username, self.new_role.currentData()
            self._run(lambda: staff.change_role(db, actor, user, role), self.tr("Role of {user} changed.").format(user=user))

    def import_catalog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import catalog"), "", self.tr("Catalog (*.yaml *.yml)"))
        if not path:
            return
        merge = QMessageBox.question(
            self, self.tr("Import catalog"),
            self.tr("Keep items that the file does not list (merge)?\nNo = the file replaces the catalog."),
        ) == QMessageBox.StandardButton.Yes
        db, actor = self.db, self.session.username
        Task(self, lambda: catalog.import_catalog(db, Path(path), merge=merge, actor=actor)).changes(
            Area.SETTINGS, Area.AUDIT).with_progress(
            self.tr("Importing catalog…")
        ).on_success(lambda c: self.message.setText(
            self.tr("Catalog imported: {added} added, {updated} updated, {withdrawn} withdrawn.").format(
                added=c.added, updated=c.updated, withdrawn=c.deactivated))
        ).on_failure(self._failed).run()
