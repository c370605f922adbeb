"""SetupDialog on an empty database: refusals, then a working hall with its admin and catalog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from hallapp.config import SecuritySettings
from hallapp.domain.staff import Role
from hallapp.services import catalog, hall, staff
from hallapp.storage import Database
from ui.dialogs.setup import SetupDialog

PASSWORD = "Hall2026pass"


@pytest.fixture
def empty_db(home):
    home.mkdir(parents=True, exist_ok=True)
    db = Database(f"sqlite:///{home}/x.sqlite3")
    db.upgrade()
    yield db
    db.dispose()


@pytest.fixture
def dialog(empty_db: Database, qtbot) -> SetupDialog:
    d = SetupDialog(empty_db)
    qtbot.addWidget(d)
    d.open()
    qtbot.waitExposed(d)
    return d


def fill(d: SetupDialog, *, region: str = "510104", password: str = PASSWORD, password2: str | None = None,
         counters: int = 4) -> None:
    d.name.setText("锦江区政务服务中心")
    d.code.setText("51010400001")
    d.region.setText(region)
    d.counters.setValue(counters)
    d.password.setText(password)
    d.password2.setText(password if password2 is None else password2)


def submit(qtbot, d: SetupDialog) -> None:
    qtbot.mouseClick(d.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: d.result() == QDialog.DialogCode.Accepted or d.ok.isEnabled(), timeout=10_000)


def test_region_name_is_shown_while_typing(dialog: SetupDialog) -> None:
    dialog.region.setText("510104")
    assert dialog.region_name.text() == "四川省成都市锦江区"
    dialog.region.setText("999999")
    assert dialog.region_name.text() == ""


def test_unknown_region_is_refused(dialog: SetupDialog, qtbot, empty_db: Database) -> None:
    fill(dialog, region="999999")
    submit(qtbot, dialog)
    assert "999999" in dialog.message.text()
    assert dialog.isVisible() and dialog.info is None
    assert hall.hall_info(empty_db) is None


def test_mismatched_passwords_are_refused(dialog: SetupDialog, qtbot, empty_db: Database) -> None:
    fill(dialog, password2=PASSWORD + "x")
    submit(qtbot, dialog)
    assert dialog.message.text() == "The two passwords differ."
    assert dialog.isVisible() and dialog.info is None
    assert hall.hall_info(empty_db) is None


def test_valid_input_creates_a_working_hall(dialog: SetupDialog, qtbot, empty_db: Database) -> None:
    fill(dialog, counters=4)
    submit(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.message.text()
    assert not dialog.isVisible()
    info = dialog.info
    assert info is not None and hall.hall_info(empty_db) == info
    assert (info.name, info.code, info.region_code, info.demo) == ("锦江区政务服务中心", "51010400001", "510104", False)
    assert info.counters == (1, 2, 3, 4)
    session = staff.login(empty_db, "admin", PASSWORD, SecuritySettings())
    assert (session.role, session.hall_id) == (Role.ADMIN, info.id)
    for text in ("社会保障卡", "sbk", "公积金"):
        assert catalog.search(empty_db, text), f"starter catalog: nothing found for {text!r}"
    assert "社会保障卡申领" in [h.name for h in catalog.search(empty_db, "sbk")]


def test_starter_catalog_finds_items_by_alias(demo_db) -> None:
    assert "社会保障卡申领" in [h.name for h in catalog.search(demo_db, "社保卡")]


def test_a_weak_password_can_be_corrected(dialog: SetupDialog, qtbot, empty_db: Database) -> None:
    fill(dialog, password="short")
    submit(qtbot, dialog)
    assert dialog.info is None and "8" in dialog.message.text()
    fill(dialog)
    submit(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.message.text()
