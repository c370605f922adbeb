"""Devices page (technician, admin): one row per device role with its driver, address, state and
last test; a test runs in a worker and its row says the cause and the fix.

Keys on the list: Enter or T tests the selected device, C configures it, A tests them all, F5
reads the settings and the last results again.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
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
from hallapp.config import Settings, load_settings
from hallapp.devices.detect import overview
from hallapp.devices.roles import ROLES, RoleRow, TestResult
from hallapp.domain.clock import hall_clock
from ui.device_causes import address_text, cause_text, detail_text
from ui.pages import device_tests
from ui.tasks import Task

log = logging.getLogger(__name__)

COLUMNS = 8
TEST_COLUMN, CONFIGURE_COLUMN, RESULT_COLUMN = 6, 7, 5
THUMBNAIL = QSize(96, 72)
WIDTHS = {0: 140, 1: 100, 2: 180, 3: 140, 4: 120, TEST_COLUMN: 80, CONFIGURE_COLUMN: 130}  # the result takes the rest


def role_names() -> dict[str, str]:
    return {
        "card-reader": QCoreApplication.translate("DevicesPage", "ID card reader"),
        "sscard-reader": QCoreApplication.translate("DevicesPage", "Social security card reader (PC/SC)"),
        "ticket-printer": QCoreApplication.translate("DevicesPage", "Ticket printer"),
        "receipt-printer": QCoreApplication.translate("DevicesPage", "Receipt printer"),
        "scanner": QCoreApplication.translate("DevicesPage", "Scanner"),
        "camera": QCoreApplication.translate("DevicesPage", "Document camera"),
        "voice": QCoreApplication.translate("DevicesPage", "Voice"),
        "display": QCoreApplication.translate("DevicesPage", "Hall display"),
        "platform": QCoreApplication.translate("DevicesPage", "Platform"),
    }


def current_settings(ctx: AppContext) -> Settings:
    """The file's settings (Configure writes there); the demo keeps its in-memory platform."""
    settings = load_settings(ctx.home.settings_file)
    if ctx.demo and not settings.platform.url:
        settings.platform.url = ctx.settings.platform.url
    return settings


def _load(ctx: AppContext) -> tuple[list[RoleRow], dict[str, TestResult]]:
    from hallapp.devices.selftest import last_results

    return overview(current_settings(ctx), demo=ctx.demo), last_results(ctx.home)


def _run(ctx: AppContext, role: str) -> TestResult:
    from hallapp.devices.selftest import run_test

    return run_test(current_settings(ctx), role, home=ctx.home, demo=ctx.demo)


class _ListKeys(QObject):
    def __init__(self, page: DevicesPage) -> None:
        super().__init__(page)
        self.page = page

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        action = {
            Qt.Key.Key_Return: self.page.test_selected, Qt.Key.Key_Enter: self.page.test_selected,
            Qt.Key.Key_T: self.page.test_selected, Qt.Key.Key_C: self.page.configure_selected,
            Qt.Key.Key_A: self.page.test_all, Qt.Key.Key_F5: self.page.refresh,
            Qt.Key.Key_D: self.page.save_diagnostics,
        }.get(event.key())
        if action is None:
            return False
        action()
        return True


class DevicesPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: dict[str, RoleRow] = {}
        self.results: dict[str, TestResult] = {}
        self.running: set[str] = set()
        self.display_screen = ""  # picked in Configure: the hall display's screen, for this session
        self.table = QTableWidget(len(ROLES), COLUMNS, objectName="devicesTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Device"), self.tr("Driver"), self.tr("Address"), self.tr("State"), self.tr("Last test"),
            self.tr("Result: cause and fix"), "", ""])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setIconSize(THUMBNAIL)
        self.table.verticalHeader().setVisible(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # an address keeps its port in view
        self.table.horizontalHeader().setSectionResizeMode(RESULT_COLUMN, QHeaderView.ResizeMode.Stretch)
        for column, width in WIDTHS.items():
            self.table.setColumnWidth(column, width)
        self.table.installEventFilter(_ListKeys(self))
        names = role_names()
        for row, role in enumerate(ROLES):
            self.table.setItem(row, 0, QTableWidgetItem(names[role]))
            self.table.setCellWidget(row, TEST_COLUMN, self._button(self.tr("Test"), f"test-{role}",
                                                                    lambda _=False, r=role: self.test(r)))
            self.table.setCellWidget(row, CONFIGURE_COLUMN, self._button(
                self.tr("Configure…"), f"configure-{role}", lambda _=False, r=role: self.configure(r)))
        self.table.setCurrentCell(0, 0)
        hint = QLabel(self.tr("Enter or T: test the selected device · C: configure it · A: test all · F5: read again"
                              " · D: save diagnostics"), objectName="hint")
        self.diagnostics_button = self._button(self.tr("Save diagnostics… (D)"), "diagnostics", self.save_diagnostics)
        self.diagnostics_state = QLabel("", objectName="hint")
        self.diagnostics_state.setWordWrap(True)
        footer = QHBoxLayout()
        footer.addWidget(self.diagnostics_button)
        footer.addWidget(self.diagnostics_state, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Devices"), objectName="pageTitle"))
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(footer)

    def _button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay on the list (T, C)
        button.clicked.connect(slot)
        return button

    # --- reading --------------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()

    def take_focus(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self) -> None:
        ctx = self.ctx
        Task(self, lambda: _load(ctx)).on_success(self._loaded).on_failure(self._load_failed).run()

    def device_changed(self, _event: object) -> None:
        """A device connected or went away (the device manager's event): read the states again."""
        self.refresh()

    def _loaded(self, loaded: tuple[list[RoleRow], dict[str, TestResult]]) -> None:
        rows, results = loaded
        self.rows = {row.role: row for row in rows}
        for role, stored in results.items():  # the stored ones carry no thumbnail: keep a fresher one shown
            if role not in self.results or stored.at > self.results[role].at:
                self.results[role] = stored
        for role in ROLES:
            self._show_row(role)

    def _load_failed(self, exc: BaseException) -> None:
        text = self.tr("The device settings could not be read ({problem}): correct settings.toml and press F5.")
        self.table.setItem(0, RESULT_COLUMN, QTableWidgetItem("✖ " + text.format(problem=exc)))

    def _show_row(self, role: str) -> None:
        row, info = ROLES.index(role), self.rows.get(role)
        if info is not None:
            self._set(row, 1, info.driver)
            address = address_text(info.address_kind, info.address)
            self._set(row, 2, address or "—").setToolTip(address)
            self._set(row, 3, self._state_words(info.state))
        result = self.results.get(role)
        if role in self.running:
            self._set(row, 4, self.tr("testing…"))
            self._set(row, RESULT_COLUMN, "◐ " + self.tr("The test is running; the window stays usable."))
        elif result is None:
            self._set(row, 4, self.tr("never"))
            self._set(row, RESULT_COLUMN, "")
        else:
            self._show_result(row, result)
        self.table.resizeRowToContents(row)

    def _show_result(self, row: int, result: TestResult) -> None:
        when = hall_clock().format(result.at.astimezone(UTC), "%Y-%m-%d\n%H:%M:%S")
        mark = "✔ " + self.tr("works") if result.ok else "✖ " + self.tr("failed")
        self._set(row, 4, f"{when}\n{mark}")
        text = cause_text(result.cause, result.message)  # the window's words, never the core's English too
        details = detail_text(result.details)
        item = self._set(row, RESULT_COLUMN, ("✔ " if result.ok else "✖ ") + text + (f"\n{details}" if details else ""))
        item.setData(Qt.ItemDataRole.UserRole, result.cause)
        png = result.details.get("thumbnail_png")
        if isinstance(png, bytes | bytearray):
            pixmap = QPixmap()
            if pixmap.loadFromData(bytes(png)):
                item.setIcon(pixmap.scaled(THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation))

    def _set(self, row: int, column: int, text: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        self.table.setItem(row, column, item)
        return item

    def _state_words(self, state: str) -> str:
        return {
            "configured": "● " + self.tr("configured"), "not_configured": "○ " + self.tr("not configured"),
            "simulated": "◐ " + self.tr("simulated (demo)"), "auto": "◐ " + self.tr("found automatically"),
            "not_supported": "○ " + self.tr("not available on this PC"),
        }.get(state, state)

    def result_text(self, role: str) -> str:
        item = self.table.item(ROLES.index(role), RESULT_COLUMN)
        return item.text() if item else ""

    # --- testing --------------------------------------------------------------------------------

    def selected_role(self) -> str:
        return ROLES[max(0, self.table.currentRow())]

    def test_selected(self) -> None:
        self.test(self.selected_role())

    def test_all(self) -> None:
        for role in ROLES:
            self.test(role)

    def test(self, role: str) -> None:
        if role in self.running:
            return
        self.table.setCurrentCell(ROLES.index(role), 0)
        self.running.add(role)
        self._show_row(role)
        ctx = self.ctx
        qt_test = device_tests.qt_test_for(role)
        if qt_test is not None:  # display, voice, camera need Qt: the settings in a worker, the test here
            Task(self, lambda: current_settings(ctx)).on_success(
                lambda settings: qt_test(self, settings, lambda result: self._tested_here(role, result))).on_failure(
                lambda exc: self._test_crashed(role, exc)).run()
            return
        Task(self, lambda: _run(ctx, role)).on_success(lambda result: self._tested(role, result)).on_failure(
            lambda exc: self._test_crashed(role, exc)).run()

    def _tested(self, role: str, result: TestResult) -> None:
        self.running.discard(role)
        self.results[role] = result
        self._show_row(role)
        self.refresh()  # a test may change the state (a demo platform starts late, a port appears)

    def _tested_here(self, role: str, result: TestResult) -> None:
        """A test the window ran itself: shown now, kept as the role's last test by a worker."""
        from hallapp.devices.selftest import record

        home = self.ctx.home
        Task(self, lambda: record(home, result)).run()
        self._tested(role, result)

    def _test_crashed(self, role: str, exc: BaseException) -> None:
        details = {"crash": type(exc).__name__}  # worded by detail_text
        self._tested(role, TestResult(role, False, "device_error", "", details, datetime.now(UTC)))

    # --- configuring ----------------------------------------------------------------------------

    # --- diagnostics ----------------------------------------------------------------------------

    def save_diagnostics(self) -> None:
        """D: versions, settings without secrets, devices, test results, sync counts and the log's
        tail, as one zip the technician sends on (no personal data: the core scrubs it)."""
        default = Path.home() / f"hallapp-diagnostics-{hall_clock().today():%Y%m%d}.zip"
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save diagnostics"), str(default), "ZIP (*.zip)")
        if path:
            self.write_diagnostics(Path(path))

    def write_diagnostics(self, out: Path) -> None:
        """Collect and write in a worker; the save dialog already asked before replacing a file."""
        ctx = self.ctx

        def work() -> Path:
            from hallapp.services import diagnostics, output

            output.write_output(ctx.home, out, diagnostics.collect(ctx.home, demo=ctx.demo, db=ctx.db), overwrite=True,
                                database=ctx.db.sqlite_file)
            return out

        self.diagnostics_state.setText(self.tr("Collecting diagnostics…"))
        Task(self, work).on_success(lambda saved: self.diagnostics_state.setText(
            self.tr("Diagnostics saved to {path}. It holds no personal data: send it to the technician.").format(
                path=saved))).on_failure(self._diagnostics_failed).run()

    def _diagnostics_failed(self, exc: BaseException) -> None:
        log.warning("diagnostics not saved: %s", exc)
        self.diagnostics_state.setText(self.tr(
            "The diagnostics could not be saved there: choose a folder you may write to, outside the hallapp data "
            "folder, and press D again."))

    def configure_selected(self) -> None:
        self.configure(self.selected_role())

    def configure(self, role: str) -> None:
        from ui.dialogs.configure_device import ConfigureDeviceDialog

        self.table.setCurrentCell(ROLES.index(role), 0)
        dialog = ConfigureDeviceDialog(self.ctx, role, role_names()[role], self)
        dialog.saved.connect(lambda _key: self.refresh())
        dialog.finished.connect(lambda _code: self._back_from_dialog())
        dialog.open()
        self.configure_dialog = dialog  # tests and the screenshot reach it here

    def _back_from_dialog(self) -> None:
        self.window().activateWindow()  # the keys return to the list, whatever the window manager does
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
