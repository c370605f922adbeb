"""The window's start behind the first painted window (ui/startup.py), one step at a time.

1. Off the GUI thread (a Task): the core's imports, settings, database and migrations, the demo
   sign-in (argon2) or the hall row, and the main window's modules.
2. On the GUI thread, each step short: the look of the real settings; a real hall's set-up and
   login dialogs (opened, never waited on); the main window, which takes the first window's place.
3. Ready: the main window painted and, when it opens on the counter page, the card reader open.
4. After ready: the sync (the demo's platform, the engine) and the other pages' modules, so that
   neither takes the CPU from the steps above on a counter PC's 2 cores.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from ui.startup import BENCH_ENV, StartupWindow, bench_mark

if TYPE_CHECKING:
    from hallapp.bootstrap import AppContext
    from hallapp.services.hall import HallInfo
    from hallapp.services.staff import StaffSession
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)
READER_UNAVAILABLE_EXIT = 3  # under the bench only: the window opened but the counter cannot read a card
BACKGROUND_LATEST_MS = 5000  # after the main window's paint, the sync starts even if the reader is still opening


@dataclass
class Opened:
    ctx: AppContext
    info: HallInfo | None  # None: a real hall's first start (set-up)
    session: StaffSession | None  # the demo's clerk; None: a person logs in


def open_and_sign_in(demo: bool) -> Opened:
    """Worker thread: everything slow that needs no person."""
    from hallapp.bootstrap import open_app

    ctx = open_app(demo=demo)
    try:
        if demo:
            from ui.app import demo_sign_in

            info, session = demo_sign_in(ctx)
        else:
            from hallapp.services import hall

            info, session = hall.hall_info(ctx.db), None
        from hallapp.domain.staff import Role
        from ui.main_window import preload, startup_pages

        # The modules of the pages built at once load here, not on the GUI thread (a person who
        # logs in: a clerk's); the other pages' load after ready (MainWindow.start_background).
        preload(startup_pages(session.role if session is not None else Role.CLERK))
    except BaseException:
        ctx.close()
        raise
    return Opened(ctx, info, session)


class StartChain(QObject):
    def __init__(self, app: QApplication, shell: StartupWindow, look: tuple[str, int], *, demo: bool) -> None:
        super().__init__(shell)
        self.app, self.shell, self.look, self.demo = app, shell, look, demo
        self.ctx: AppContext | None = None
        self.window: MainWindow | None = None
        self.error: BaseException | None = None
        self.started = time.perf_counter()

    def start(self) -> None:
        from ui.tasks import Task

        demo = self.demo
        Task(self.shell, lambda: open_and_sign_in(demo)).on_success(self._opened).on_failure(self._failed).run()

    def finish(self, code: int) -> int:
        """After the event loop: close what was opened; a failure the launcher reports is raised."""
        if self.ctx is not None:
            self.ctx.close()
        if self.error is not None:
            raise self.error
        return code

    def _failed(self, exc: BaseException) -> None:
        from hallapp.bootstrap import LostDatabaseError
        from hallapp.config import SettingsError
        from ui.app import database_lost, settings_refused

        if isinstance(exc, SettingsError):
            code = settings_refused(exc)
        elif isinstance(exc, LostDatabaseError):
            code = database_lost(exc)
        else:
            self.error, code = exc, 1
        self.app.exit(code)

    def _opened(self, opened: Opened) -> None:
        self.ctx = ctx = opened.ctx
        if (ctx.settings.ui.language, ctx.settings.ui.font_size_pt) != self.look:
            from ui.app import make_application

            make_application(ctx)
            self.shell.retranslate()
        if opened.session is not None and opened.info is not None:
            self._show_main(opened.info, opened.session)
        elif opened.info is None:
            self._set_up()
        else:
            self._log_in(opened.info)

    def _set_up(self) -> None:
        from ui.dialogs.setup import SetupDialog

        assert self.ctx is not None
        dialog = SetupDialog(self.ctx.db, self.shell)
        self.shell.waiting("")

        def done(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and dialog.info is not None:
                self._log_in(dialog.info)
            else:
                self.app.exit(0)
        dialog.finished.connect(done)
        dialog.open()

    def _log_in(self, info: HallInfo) -> None:
        from ui.dialogs.login import LoginDialog

        assert self.ctx is not None
        dialog = LoginDialog(self.ctx.db, self.ctx.settings.security, info.name, self.shell)
        self.shell.waiting(info.name)

        def done(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and dialog.session is not None:
                self._show_main(info, dialog.session)
            else:
                self.app.exit(0)
        dialog.finished.connect(done)
        dialog.open()

    def _show_main(self, info: HallInfo, session: StaffSession) -> None:
        from ui.main_window import MainWindow

        assert self.ctx is not None
        self.window = window = MainWindow(self.ctx, info, session, defer_sync=True)
        self.app.installEventFilter(window.idle)
        ReadyWatch(window, self.started)
        window.resize(self.shell.size())
        window.move(self.shell.pos())
        if self.shell.isMaximized():
            window.showMaximized()
        else:
            window.show()
        self.shell.close()  # after the main window is shown: the last window closing would quit
        window.activateWindow()  # the keys on it: without a window manager nothing else activates it


class ReadyWatch(QObject):
    """Marks "ready": the main window painted, and the counter page's reader open when it opens there.
    Then (or once the reader has failed, or at the latest BACKGROUND_LATEST_MS after the paint) the
    window's background work starts: the sync and the other pages' modules."""

    def __init__(self, window: MainWindow, started: float) -> None:
        super().__init__(window)
        self.window, self.started = window, started
        self.painted = self.done = self.background = False
        window.installEventFilter(self)
        window.card_reader.state_changed.connect(lambda _state: self.check())

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is self.window and event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            self.window.removeEventFilter(self)  # one paint is all it waits for
            QTimer.singleShot(0, self.check)
            QTimer.singleShot(BACKGROUND_LATEST_MS, self, self._start_background)
        return False

    def _start_background(self) -> None:
        if not self.background and not _bench():  # the bench quits at ready: nothing more to start
            self.background = True
            self.window.start_background()

    def check(self) -> None:
        from hallapp.domain.staff import Page
        from ui.card_reader import ReaderState

        if self.done or not self.painted:
            return
        state = self.window.card_reader.state
        if self.window.current_page() is Page.COUNTER and state != ReaderState.READY:
            if state == ReaderState.UNAVAILABLE and _bench():
                log.warning("start-up: the card reader did not open")
                QApplication.instance().exit(READER_UNAVAILABLE_EXIT)
            elif state == ReaderState.UNAVAILABLE:
                QTimer.singleShot(0, self, self._start_background)  # as ready as it gets: the clerk types the ID in
            return
        self.done = True
        log.info("start-up: ready %.0f ms after the start-up window was made", (time.perf_counter() - self.started) * 1000)
        bench_mark("ready")
        if _bench():
            QTimer.singleShot(0, QApplication.instance().quit)
        else:
            QTimer.singleShot(0, self, self._start_background)


def _bench() -> bool:
    return bool(os.environ.get(BENCH_ENV))
