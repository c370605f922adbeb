"""Starting the window: settings, translation, look, the demo hall or a real hall's set-up and
login, then the main window."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from ui import gc_guard, i18n, style
from ui.startup import BENCH_ENV, StartupWindow, after_first_paint, peek_look

# Nothing heavier than Qt before the first window: the core, the database and the pages are
# imported by the bring-up (ui/start_chain.py) on a worker thread, or inside the functions here.
if TYPE_CHECKING:
    from hallapp.bootstrap import AppContext, LostDatabaseError
    from hallapp.config import SettingsError
    from hallapp.services import hall, staff

__all__ = ["BENCH_ENV", "database_lost", "make_application", "run_gui", "settings_refused", "sign_in"]


def make_application(ctx: AppContext) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    gc_guard.install(app)  # Qt objects are collected on the GUI thread only
    app.setApplicationName("hallapp")
    app.setOrganizationName("hallapp")
    style.apply(app, ctx.settings.ui.font_size_pt)
    i18n.install(ctx.settings.ui.language)
    return app


def sign_in(ctx: AppContext) -> tuple[hall.HallInfo, staff.StaffSession] | None:
    """Demo: the demo hall, logged in as a clerk. Real hall: set-up on first run, then login
    (modal dialogs; the window's own start, ui/start_chain.py, opens them without waiting)."""
    from hallapp.services import hall
    from ui.dialogs.login import LoginDialog
    from ui.dialogs.setup import SetupDialog

    if ctx.demo:
        return demo_sign_in(ctx)
    info = hall.hall_info(ctx.db)
    if info is None:
        setup = SetupDialog(ctx.db)
        if setup.exec() != QDialog.DialogCode.Accepted or setup.info is None:
            return None
        info = setup.info
    login = LoginDialog(ctx.db, ctx.settings.security, info.name)
    if login.exec() != QDialog.DialogCode.Accepted or login.session is None:
        return None
    return info, login.session


def demo_sign_in(ctx: AppContext) -> tuple[hall.HallInfo, staff.StaffSession]:
    """The demo hall and its queue, logged in as clerk1 (an argon2 verify: call it off the GUI thread)."""
    from hallapp.services import hall, staff

    info = hall.ensure_demo_hall(ctx.db)
    hall.ensure_demo_queue(ctx.db, info.id)
    return info, staff.login(ctx.db, "clerk1", hall.DEMO_PASSWORD, ctx.settings.security)


def settings_refused(exc: SettingsError) -> int:
    """A settings file that cannot be used: say so in a dialog and end cleanly (exit 2, a user error)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("hallapp")
    i18n.install(os.environ.get("HALLAPP_LANGUAGE") or "zh_CN")  # the settings that name the language are unreadable
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("Startup", "hallapp cannot start"),
                      QCoreApplication.translate("Startup", "The settings file cannot be used."))
    advice = QCoreApplication.translate("Startup", "{problem}\n\nCorrect or remove the file, then start hallapp again. "
                                                   "The problem is also written to the log.")
    box.setInformativeText(advice.format(problem=exc))
    box.exec()
    return 2


def database_lost(exc: LostDatabaseError) -> int:
    """A new, empty database where a hall already worked: the same kind of dialog, with the way back (exit 2)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("hallapp")
    i18n.install(os.environ.get("HALLAPP_LANGUAGE") or "zh_CN")  # no settings were applied yet
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("Startup", "hallapp cannot start"),
                      QCoreApplication.translate("Startup", "The hall's database is missing or empty."))
    advice = QCoreApplication.translate("Startup", "{problem}\n\nThe problem is also written to the log.")
    box.setInformativeText(advice.format(problem=exc))
    box.exec()
    return 2


def run_gui(*, demo: bool = False) -> int:
    """The window: the first one painted before anything heavy is imported, the rest brought up
    behind it (ui/start_chain.py). A failure of the bring-up other than the two refusals with
    their own dialogs is raised here, after the event loop, for the launcher to report."""
    from ui.start_chain import StartChain

    app = QApplication.instance() or QApplication(sys.argv[:1])
    gc_guard.install(app)  # Qt objects are collected on the GUI thread only
    app.setApplicationName("hallapp")
    app.setOrganizationName("hallapp")
    look = peek_look()
    style.apply(app, look[1])
    i18n.install(look[0])
    shell = StartupWindow()
    chain = StartChain(app, shell, look, demo=demo)
    after_first_paint(shell, chain.start)
    shell.show()
    code = app.exec()
    return chain.finish(code)
