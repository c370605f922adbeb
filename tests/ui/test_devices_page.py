"""The Devices page as a technician uses it: keys to whatever has the focus, a real ESC/POS
printer protocol on loopback, settings saved to settings.toml as `hallapp config set` does."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hallapp.config import set_value
from hallapp.devices.roles import ROLES
from tests.support.tcp_capture import STATUS_OK, STATUS_PAPER_OUT, TcpCapture
from tests.ui.clerk_keys import focused, press, type_text, wait_until
from ui.pages.devices import DevicesPage

PRINTER_ROW = ROLES.index("ticket-printer")


@pytest.fixture
def page(ctx, qtbot, qapp) -> Iterator[DevicesPage]:
    """The Devices page as the technician's window shows it (style, 1366×768), active, keys on its list."""
    from ui import style

    style.apply(qapp, ctx.settings.ui.font_size_pt)
    widget = DevicesPage(ctx)
    widget.resize(1366 - 180, 768)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    wait_until(qtbot, lambda: QApplication.activeWindow() is widget, what="the page to be active")
    widget.take_focus()
    wait_until(qtbot, lambda: widget.table.item(PRINTER_ROW, 3) is not None, what="the device rows")
    yield widget
    widget.close()
    widget.deleteLater()


def _select(role: str) -> None:
    assert focused().objectName() == "devicesTable"
    press(Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(ROLES.index(role)):
        press(Qt.Key.Key_Down)


def _test_printer_by_keys(qtbot, page: DevicesPage) -> str:
    _select("ticket-printer")
    press(Qt.Key.Key_T)
    wait_until(qtbot, lambda: "ticket-printer" not in page.running, timeout=20_000, what="the printer test")
    return page.result_text("ticket-printer")


def test_ticket_printer_out_of_paper_says_so_in_its_row(ctx, qtbot, page) -> None:
    with TcpCapture(STATUS_PAPER_OUT) as printer:
        set_value(ctx.home.settings_file, "ticket_printer.uri", printer.uri)
        press(Qt.Key.Key_F5)
        wait_until(qtbot, lambda: page.table.item(PRINTER_ROW, 2).text() == printer.uri, what="the address shown")
        text = _test_printer_by_keys(qtbot, page)
        assert text == "✖ The printer is out of paper: load a new roll and test again."
        assert "failed" in page.table.item(PRINTER_ROW, 4).text()
        assert focused() is page.table, "the keys stay on the list for the next test"

        printer.status = STATUS_OK
        assert _test_printer_by_keys(qtbot, page).startswith("✔ The device works.")


def test_configure_saves_the_typed_printer_address(ctx, qtbot, page) -> None:
    with TcpCapture(STATUS_OK) as printer:
        _select("ticket-printer")
        press(Qt.Key.Key_C)
        dialog = page.configure_dialog
        wait_until(qtbot, lambda: dialog.isVisible() and not dialog.status.text().startswith("Looking"),
                   timeout=30_000, what="detection to finish")
        press(Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
        assert focused() is dialog.address
        press(Qt.Key.Key_Return)
        assert dialog.message.text() == "✖ Pick a device in the list or type its address, then press Enter."
        assert dialog.isVisible() and focused() is dialog.address
        type_text(printer.uri)
        press(Qt.Key.Key_Return)
        wait_until(qtbot, lambda: not dialog.isVisible(), what="the dialog to close after saving")
        saved = tomllib.loads(ctx.home.settings_file.read_text(encoding="utf-8"))
        assert saved["ticket_printer"]["uri"] == printer.uri
        wait_until(qtbot, lambda: page.table.item(PRINTER_ROW, 2).text() == printer.uri, what="the new address")
        wait_until(qtbot, lambda: focused() is page.table, what="the keys back on the list")


def test_display_test_shows_a_pattern_on_a_screen(qtbot, page) -> None:
    _select("display")
    press(Qt.Key.Key_Return)
    wait_until(qtbot, lambda: page.result_text("display").startswith("✔"), what="the display test")
    assert page.test_pattern.isVisible()
    assert page.test_pattern.label.startswith("hallapp ")
    page.test_pattern.close()


def test_every_role_has_a_row_with_test_and_configure(page) -> None:
    assert page.table.rowCount() == len(ROLES)
    for role in ROLES:
        assert page.findChild(object, f"test-{role}") is not None
        assert page.findChild(object, f"configure-{role}") is not None


def test_d_saves_a_diagnostics_zip_without_personal_data(ctx, qtbot, page, tmp_path, monkeypatch) -> None:
    import json
    import zipfile

    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "diagnostics.zip"
    asked: list[str] = []

    def save_dialog(_parent, title, default, _filter):
        asked.append(default)
        return str(target), "ZIP (*.zip)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    press(Qt.Key.Key_D)  # from the device list, where the focus is
    wait_until(qtbot, target.exists, timeout=90_000, what="the diagnostics zip")
    assert asked and asked[0].endswith(".zip")
    wait_until(qtbot, lambda: str(target) in page.diagnostics_state.text(), what="the saved line")
    names = zipfile.ZipFile(target).namelist()
    assert any(name.endswith(".json") or name.endswith(".txt") for name in names), names
    cards = json.loads((Path(__file__).resolve().parents[2] / "drivers" / "idcard" / "sample_cards.json").read_text())
    text = b"".join(zipfile.ZipFile(target).read(n) for n in names).decode("utf-8", "replace")
    numbers = [c.get("id_number") for c in (cards if isinstance(cards, list) else cards.get("cards", []))]
    assert not [n for n in numbers if n and n in text]


def test_diagnostics_into_the_data_folder_is_refused_in_words(ctx, qtbot, page) -> None:
    page.write_diagnostics(ctx.home.root / "diagnostics.zip")
    wait_until(qtbot, lambda: "could not be saved" in page.diagnostics_state.text(), timeout=90_000,
               what="the refusal")
    assert not (ctx.home.root / "diagnostics.zip").exists()
