"""LoginDialog against the demo hall: what the person at the counter sees after each attempt."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from hallapp.config import SecuritySettings
from hallapp.domain.staff import Role
from hallapp.services import audit, hall, staff
from ui.dialogs.login import LoginDialog


@pytest.fixture
def dialog(demo_db, qtbot) -> LoginDialog:
    d = LoginDialog(demo_db, SecuritySettings(), "演示县政务服务中心")
    qtbot.addWidget(d)
    d.open()
    qtbot.waitExposed(d)
    return d


def attempt(qtbot, d: LoginDialog, username: str, password: str) -> None:
    d.username.setText(username)
    d.password.setText(password)
    qtbot.mouseClick(d.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: d.result() == QDialog.DialogCode.Accepted or d.login_button.isEnabled(), timeout=5000)


@pytest.mark.parametrize(("username", "role"), [("clerk1", Role.CLERK), ("supervisor", Role.SUPERVISOR),
                                                ("admin", Role.ADMIN)])
def test_right_password_accepts_with_the_role(dialog: LoginDialog, qtbot, username: str, role: Role) -> None:
    attempt(qtbot, dialog, username, hall.DEMO_PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.isVisible()
    assert dialog.session is not None
    assert (dialog.session.username, dialog.session.role) == (username, role)


def test_wrong_password_says_so_without_telling_whether_the_name_exists_and_stays_open(dialog: LoginDialog, qtbot) -> None:
    attempt(qtbot, dialog, "clerk2", "wrong-password1")
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.session is None
    assert dialog.message.text() == "Wrong user name or password."  # the same words as for an unknown name
    assert dialog.password.text() == "", "the wrong password must be cleared"
    attempt(qtbot, dialog, "clerk2", "wrong-password2")
    assert dialog.message.text() == "Wrong user name or password."
    assert dialog.isVisible()


def test_five_wrong_passwords_lock_the_account(dialog: LoginDialog, qtbot, demo_db) -> None:
    for n in range(5):
        attempt(qtbot, dialog, "clerk3", f"wrong-password{n}")
    assert "locked for 5 minutes" in dialog.message.text()
    # Locked means locked: even the right password is now refused.
    attempt(qtbot, dialog, "clerk3", hall.DEMO_PASSWORD)
    assert dialog.isVisible()
    assert dialog.session is None
    assert "The account is locked" in dialog.message.text()
    assert [e.subject for e in audit.recent(demo_db, action="account_locked")] == ["staff:clerk3"]


@pytest.mark.parametrize(("username", "password"), [("", ""), ("clerk1", ""), ("", "x"), ("   ", hall.DEMO_PASSWORD)])
def test_empty_fields_hint_without_asking_the_database(dialog: LoginDialog, qtbot, monkeypatch,
                                                       username: str, password: str) -> None:
    calls: list = []
    monkeypatch.setattr(staff, "login", lambda *a, **k: calls.append(a))
    dialog.username.setText(username)
    dialog.password.setText(password)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    # No translator installed: the UI's own text is English.
    assert dialog.message.text() == "Enter your user name and password."
    assert dialog.login_button.isEnabled()
    qtbot.wait(50)
    assert calls == []
    assert dialog.isVisible()
