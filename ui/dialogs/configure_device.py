"""Configure one device role: detection runs in a worker and offers what it found; the technician
picks one (or types an address) and it is saved as `hallapp config set` saves it.

Keys: Up/Down pick, Enter saves the picked or typed address, Alt+A to the address field, Esc
closes without saving.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hallapp.bootstrap import AppContext
from hallapp.config import SettingsError, set_value
from hallapp.devices.detect import detect
from hallapp.devices.roles import Found
from ui.device_causes import found_label
from ui.tasks import Task

# The setting each role's address is saved in; roles without one are chosen elsewhere (see report).
SETTING_KEYS = {
    "card-reader": "devices.idcard_port", "sscard-reader": "devices.pcsc_reader",
    "ticket-printer": "ticket_printer.uri", "scanner": "devices.scanner", "voice": "display.voice",
    "platform": "platform.url", "display": "",  # the screen is kept for this session (no setting yet)
    "camera": "", "receipt-printer": "",
}
VOICE_ENGINES = {"espeak": "espeak", "speechd": "qt"}  # what detection found -> display.voice


def _offers(role: str, found: list[Found]) -> list[tuple[str, str, dict[str, str]]]:
    """(label, value to save, details) for the role, from detection and from Qt's own lists."""
    offers = []
    for item in found:
        if item.role != role or not item.address or item.details.get("cause") == "not_supported":
            continue
        value = VOICE_ENGINES.get(item.driver, item.address) if role == "voice" else item.address
        label = found_label(item.label_code, item.params, item.label)
        offers.append((f"{label} — {item.address}", value, dict(item.details)))
    if role == "display":
        offers += [(f"{s.name()} {s.size().width()}×{s.size().height()}", s.name(), {})
                   for s in QGuiApplication.screens()]
    if role == "camera":
        try:
            from PySide6.QtMultimedia import QMediaDevices
        except ImportError:
            return offers
        offers += [(camera.description(), camera.description(), {}) for camera in QMediaDevices.videoInputs()]
    if role == "voice":
        offers += [(engine, engine, {}) for engine in ("auto", "silent")]
    return offers


def _save(path, key: str, value: str, details: dict[str, str]) -> None:
    set_value(path, key, value)
    if key == "devices.idcard_port" and details.get("baud"):
        set_value(path, "devices.idcard_baud", details["baud"])  # the speed the reader answered at


class ConfigureDeviceDialog(QDialog):
    saved = Signal(str)  # the setting key

    def __init__(self, ctx: AppContext, role: str, role_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.role = ctx, role
        self.key = SETTING_KEYS.get(role, "")
        self.setWindowTitle(self.tr("Configure: {device}").format(device=role_name))
        self.setMinimumWidth(640)
        self.status = QLabel(self.tr("Looking for devices… (this can take a few seconds)"), objectName="hint")
        self.status.setWordWrap(True)
        self.found = QListWidget(objectName="foundList")
        self.found.currentItemChanged.connect(self._picked)
        self.address = QLineEdit(objectName="addressEdit")
        self.address.setPlaceholderText(self.tr("or type an address, e.g. /dev/ttyUSB0 or tcp://192.168.1.50:9100"))
        address_label = QLabel(self.tr("&Address (saved in {key})").format(key=self.key) if self.key
                               else self.tr("&Address (not saved: this role has no setting yet)"))
        address_label.setBuddy(self.address)
        self.message = QLabel(objectName="configureMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save (Enter)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel (Esc)"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Found on this PC"), objectName="panelTitle"))
        layout.addWidget(self.status)
        layout.addWidget(self.found, 1)
        layout.addWidget(address_label)
        layout.addWidget(self.address)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.found.installEventFilter(self)
        self.saving = False  # Enter in the address field also presses the default button: save once
        self.found.setFocus()
        self.detect()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is self.found and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
            return True
        return super().eventFilter(obj, event)

    def detect(self) -> None:
        from ui.pages.devices import current_settings

        ctx = self.ctx
        Task(self, lambda: detect(current_settings(ctx))).on_success(self._found).on_failure(self._detect_failed).run()

    def _found(self, found: list[Found]) -> None:
        offers = _offers(self.role, found)
        for label, value, details in offers:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, (value, details))
            self.found.addItem(item)
        if offers:
            self.status.setText(self.tr("{count} found: pick one with Up/Down and press Enter, or type an address.")
                                .format(count=len(offers)))
            self.found.setCurrentRow(0)
        else:
            self.status.setText(self.tr("Nothing was found: check that the device is plugged in and switched on, "
                                        "or type its address below (Alt+A)."))
            self.address.setFocus()

    def _detect_failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Detection failed ({problem}): type the address below (Alt+A).").format(
            problem=type(exc).__name__))
        self.address.setFocus()

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.address.setText(item.data(Qt.ItemDataRole.UserRole)[0])

    def _details(self) -> dict[str, str]:
        item = self.found.currentItem()
        if item is None or item.data(Qt.ItemDataRole.UserRole)[0] != self.address.text():
            return {}
        return item.data(Qt.ItemDataRole.UserRole)[1]

    def save(self) -> None:
        if self.saving:
            return
        value = self.address.text().strip()
        if not value:
            self._error(self.tr("Pick a device in the list or type its address, then press Enter."))
            return
        if self.role == "display":
            self.parent().display_screen = value  # the Devices page shows the test pattern there
            self.saved.emit("")
            self.accept()
            return
        if not self.key:
            self._error(self.tr("This device cannot be chosen here yet: the system's default is used."))
            return
        path, key, details = self.ctx.home.settings_file, self.key, self._details()
        self.saving = True
        Task(self, lambda: _save(path, key, value, details)).on_success(lambda _r: self._saved()).on_failure(
            self._refused).run()

    def _saved(self) -> None:
        self.saved.emit(self.key)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.saving = False
        if isinstance(exc, SettingsError):
            self._error(self.tr("Not saved: {reason}. Correct the address and press Enter again.").format(
                reason=str(exc).removeprefix("refused: ")))
        else:
            self._error(self.tr("Not saved: settings.toml could not be written ({problem}). Check that the home "
                                "folder is writable.").format(problem=type(exc).__name__))

    def _error(self, text: str) -> None:
        self.message.setStyleSheet("color: #b42318; font-weight: 600;")
        self.message.setText("✖ " + text)
