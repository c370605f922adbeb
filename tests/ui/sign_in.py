"""The program's own start up to the main window, signed in by keys in the login dialog.

`hallapp --demo` signs the demo clerk in by itself; a person types a name and a password only in a
real hall's start. So the home here is a real hall's: the demo hall's database as the hall's own,
the reader set to the simulator (the same sample cards on F3) and SANE's test scanner (F7)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from hallapp.services import hall
from tests.ui.clerk_keys import focused, press, type_text, wait_until


@pytest.fixture
def real_hall_home(home: Path, _demo_template: Path) -> Path:
    """A counter PC of a hall already set up (the demo hall's data as its own); nobody waits yet."""
    from tests.support import sane_test
    from tests.support.demo_home import install_demo_database
    from tests.support.requirements import need

    need(sane_test.backend_available(), "SANE test backend and python-sane")
    sane_test.process_env()
    install_demo_database(_demo_template, home, "hallapp.sqlite3")
    (home / "settings.toml").write_text(
        '[ui]\nlanguage = "zh_CN"\n\n'
        f'[devices]\nidcard_port = "simulator"\nscanner = "{sane_test.TEST_DEVICE}"\nscanner_source = "flatbed"\n',
        encoding="utf-8")
    return home


@pytest.fixture
def waiting_hall(real_hall_home: Path) -> Path:
    """The same hall with the demo's few people waiting for a counter."""
    from hallapp.storage import Database

    db = Database(f"sqlite:///{real_hall_home / 'hallapp.sqlite3'}")
    hall.ensure_demo_queue(db, hall.hall_info(db).id)
    db.dispose()
    return real_hall_home


def captured(page) -> int:
    return sum(1 for s in page.checklist.lines if s.status == "captured")


def _login_dialog(qtbot):
    from ui.dialogs.login import LoginDialog

    wait_until(qtbot, lambda: isinstance(QApplication.activeWindow(), LoginDialog), timeout=30_000,
               what="the login dialog to be the active window")
    return QApplication.activeWindow()


def _type_login(qtbot, dialog, username: str, password: str) -> None:
    """Where the dialog puts the keys: the user name first, Tab to the password, Enter logs in."""
    assert isinstance(focused(), QLineEdit) and focused() is dialog.username, \
        f"the login dialog opened with the keys on {focused().objectName()!r}, not the user name"
    type_text(username)
    press(Qt.Key.Key_Tab)
    assert focused() is dialog.password, "Tab from the user name goes to the password"
    type_text(password)
    press(Qt.Key.Key_Return)


@contextmanager
def started_and_signed_in(qtbot, qapp, username: str, *, wrong_first: bool = False) -> Iterator[tuple]:
    """(main window, AppContext) after the real start and a login typed as a person types it."""
    from ui import i18n, style
    from ui.start_chain import StartChain
    from ui.startup import StartupWindow, after_first_paint, peek_look

    look = peek_look()
    style.apply(qapp, look[1])
    i18n.install(look[0])
    shell = StartupWindow()
    shell.resize(1366, 768)
    chain = StartChain(qapp, shell, look, demo=False)
    after_first_paint(shell, chain.start)
    shell.show()
    window = None
    try:
        dialog = _login_dialog(qtbot)
        if wrong_first:
            _type_login(qtbot, dialog, username, "not-the-password")
            wait_until(qtbot, lambda: dialog.login_button.isEnabled(), what="the refusal")
            assert dialog.isVisible() and dialog.message.text()
            assert focused() is dialog.password and dialog.password.text() == ""
            type_text(hall.DEMO_PASSWORD)
            press(Qt.Key.Key_Return)
        else:
            _type_login(qtbot, dialog, username, hall.DEMO_PASSWORD)
        wait_until(qtbot, lambda: chain.window is not None and QApplication.activeWindow() is chain.window,
                   timeout=20_000, what="the main window, active, after Enter")
        window = chain.window
        wait_until(qtbot, lambda: QApplication.focusWidget() is not None, what="the keys somewhere in the main window")
        yield window, chain.ctx
    finally:
        if window is not None:
            qapp.removeEventFilter(window.idle)
            window._close_confirmed = True  # the test is over: no question about an unsaved intake
            window.close()
            window.deleteLater()
        shell.close()
        shell.deleteLater()
        from ui.tasks import wait_for_all

        wait_for_all(10_000)
        qapp.processEvents()
        chain.finish(0)
