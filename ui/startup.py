"""The first window, painted as soon as Qt is up, and the bring-up behind it.

The heavy part of a start (SQLAlchemy, pydantic, the database and its migrations, the demo
sign-in's argon2, the pages' modules) runs on a worker thread while a clerk already sees the
hallapp window saying it is starting. Only the PySide6 widgets, the style and the translation are
loaded before the first paint: this module imports nothing heavier, and neither may its callers
before `StartupWindow` is shown.

With HALLAPP_EXIT_AFTER_PAINT=1 (bench/startup.py) the process prints `painted <unix time>` at the
first paint of this window, `ready <unix time>` once the counter can read a card (main window
shown on the counter page, the reader open), and quits.
"""

from __future__ import annotations

import os
import time
import tomllib
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QVBoxLayout, QWidget

BENCH_ENV = "HALLAPP_EXIT_AFTER_PAINT"  # bench/startup.py: print the paint and ready times, then quit
LANGUAGES = ("zh_CN", "en")
DEFAULT_LOOK = ("zh_CN", 14)  # hallapp.config.UiSettings' defaults


def bench_mark(name: str) -> None:
    """Under the bench, one line with the time of `name` ("painted", "ready")."""
    if os.environ.get(BENCH_ENV):
        print(f"{name} {time.time():.6f}", flush=True)


def peek_look() -> tuple[str, int]:
    """The language and font size the settings will give, read without loading them (pydantic is
    slow to import). Both are per-PC keys of settings.toml (never hall-wide); a file that cannot be
    read gives the defaults here and is refused properly once the settings are loaded."""
    from hallapp.home import current_home  # small: platformdirs only

    language, size = DEFAULT_LOOK
    try:
        with current_home().settings_file.open("rb") as file:
            ui = tomllib.load(file).get("ui", {})
        if ui.get("language") in LANGUAGES:
            language = ui["language"]
        if isinstance(ui.get("font_size_pt"), int) and 9 <= ui["font_size_pt"] <= 32:
            size = ui["font_size_pt"]
    except (OSError, ValueError, AttributeError):  # missing, a folder, not UTF-8, not TOML
        pass
    if os.environ.get("HALLAPP_LANGUAGE") in LANGUAGES:
        language = os.environ["HALLAPP_LANGUAGE"]
    return language, size


class StartupWindow(QMainWindow):
    """The hallapp window before the main window exists: its title, a word and a busy bar."""

    painted = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("hallapp")
        self.setMinimumSize(1280, 720)  # the main window's, so the frame does not jump when it takes over
        self.message = QLabel(objectName="pageTitle")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.retranslate()
        self.busy = busy = QProgressBar()
        busy.setRange(0, 0)  # no known length: a busy indicator
        busy.setTextVisible(False)
        busy.setFixedWidth(320)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(busy, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.setCentralWidget(central)
        self._seen = False
        self.installEventFilter(self)

    def retranslate(self) -> None:
        self.message.setText(self.tr("Starting…"))

    def waiting(self, text: str) -> None:
        """Behind a set-up or login dialog: no longer starting, waiting for a person (`text`: the hall's name)."""
        self.message.setText(text)
        self.busy.hide()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is self and event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            bench_mark("painted")
            QTimer.singleShot(0, self.painted.emit)  # after this paint is on the screen
        return False


def after_first_paint(shell: StartupWindow, start: Callable[[], None], fallback_ms: int = 1000) -> None:
    """Run `start` once the shell has painted (the bring-up's imports would otherwise compete with
    that first paint for the interpreter), or after `fallback_ms` if it never paints (minimised)."""
    done = [False]

    def once() -> None:
        if not done[0]:
            done[0] = True
            start()

    shell.painted.connect(once)
    QTimer.singleShot(fallback_ms, once)
