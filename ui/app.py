"""Starting the window: settings, translation, look, the demo hall or a real hall's set-up and
login, then the main window."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from hallapp.bootstrap import AppContext, LostDatabaseError, open_app
from hallapp.config import SettingsError
from hallapp.services import hall, staff
from ui import i18n, style
from ui.dialogs.login import LoginDialog
from ui.dialogs.setup import SetupDialog
from ui.main_window import MainWindow

BENCH_ENV = "HALLAPP_EXIT_AFTER_PAINT"  # bench/startup.py: print paint time and quit


def make_application(ctx: AppContext) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("hallapp")
    app.setOrganizationName("hallapp")
    style.apply(app, ctx.settings.ui.font_size_pt)
    i18n.install(ctx.settings.ui.language)
    return app


def sign_in(ctx: AppContext) -> tuple[hall.HallInfo, staff.StaffSession] | None:
    """Demo: the demo hall, logged in as a clerk. Real hall: set-up on first run, then login."""
    if ctx.demo:
        info = hall.ensure_demo_hall(ctx.db)
        hall.ensure_demo_queue(ctx.db, info.id)
        return info, staff.login(ctx.db, "clerk1", hall.DEMO_PASSWORD, ctx.settings.security)
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


class _FirstPaint(QObject):
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and not getattr(self, "seen", False):
            self.seen = True
            print(f"painted {time.time():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)
        return False


def run_gui(*, demo: bool = False) -> int:
    try:
        ctx = open_app(demo=demo)
    except SettingsError as exc:
        return settings_refused(exc)
    except LostDatabaseError as exc:
        return database_lost(exc)
    app = make_application(ctx)
    signed_in = sign_in(ctx)
    if signed_in is None:
        return 0
    window = MainWindow(ctx, *signed_in)
    app.installEventFilter(window.idle)
    if os.environ.get(BENCH_ENV):
        window.installEventFilter(_first_paint := _FirstPaint(window))
    window.show()
    code = app.exec()
    ctx.close()
    return code
