"""Diagnostic, not a bench (run_all.py skips `_*.py`): where `hallapp --demo` spends its startup.

Repeats the steps of ui.app.run_gui and ui.start_chain with a clock and peak RSS after each one:
Qt and the start-up window to its first paint, then what the window does on a worker thread (the
big imports, home and database, the demo sign-in, the pages' modules), then the main window to its
first paint and the card reader open ("ready"). Here every step runs on one thread, one after the
other, so each one's own cost shows. Runs once cold (new temp home) and once warm (same home
again), each in a fresh process.

    .venv/bin/python bench/_startup_phases.py [--platform offscreen|xcb]

Keep it in step with ui/app.py:run_gui and ui/start_chain.py if they change; bench/startup.py is the figure of record.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time

_marks: list[tuple[str, float, int]] = []


def _mark(step: str) -> None:
    _marks.append((step, time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024))


def child() -> None:
    """The steps of ui/app.py:run_gui and ui/start_chain.py, one after another on this thread
    (the window runs the middle ones on a worker while the start-up window is up)."""
    started = time.perf_counter()
    import PySide6.QtWidgets  # noqa: F401

    _mark("import PySide6.QtWidgets")
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from ui import i18n, style
    from ui.startup import StartupWindow, peek_look

    _mark("import ui.startup, style, i18n")
    app = QApplication(sys.argv[:1])
    language, size = peek_look()
    style.apply(app, size)
    i18n.install(language)
    shell = StartupWindow()
    shell.painted.connect(app.quit)
    shell.show()
    app.exec()
    _mark("QApplication, look, start-up window -> first paint")
    # From here on the window's worker thread (ui/start_chain.py:open_and_sign_in):
    import sqlalchemy.orm  # noqa: F401

    _mark("  worker: import sqlalchemy + orm")
    from hallapp import bootstrap

    _mark("  worker: import the rest of hallapp.bootstrap")
    ctx = bootstrap.open_app(demo=True)
    _mark("  worker: open_app: home, settings, database")
    from ui.app import demo_sign_in

    info, session = demo_sign_in(ctx)
    _mark("  worker: demo_sign_in: demo hall, clerk login")
    from ui.main_window import MainWindow

    _mark("  worker: import ui.main_window (pages)")
    window = MainWindow(ctx, info, session)
    _mark("MainWindow()")

    class Ready(QObject):
        painted = done = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint and not self.painted:
                self.painted = True
                _mark("show -> first paint of the main window")
                QTimer.singleShot(0, self.check)
            return False

        def check(self, _state: str = "") -> None:
            if self.painted and window.card_reader.state in ("ready", "unavailable") and not self.done:
                self.done = True
                _mark(f"card reader {window.card_reader.state}")
                QTimer.singleShot(0, app.quit)

    ready = Ready(window)
    window.installEventFilter(ready)
    window.card_reader.state_changed.connect(ready.check)
    shell.close()
    window.show()
    app.exec()
    ctx.close()
    previous = started
    for step, at, rss in _marks:
        print(f"{(at - previous) * 1000:7.0f} ms  {rss:5d} MiB peak  {step}")
        previous = at
    print(f"{(previous - started) * 1000:7.0f} ms  total after interpreter start")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--platform", choices=["offscreen", "xcb"], default="offscreen")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child()
        return 0
    with tempfile.TemporaryDirectory(prefix="hallapp-phases-") as home:
        env = {**os.environ, "HALLAPP_HOME": home, "QT_QPA_PLATFORM": args.platform}
        for label in ("cold (new home)", "warm (same home)"):
            print(f"-- {label}", flush=True)
            code = subprocess.call([sys.executable, __file__, "--child"], env=env, stderr=subprocess.DEVNULL)
            if code != 0:
                return code
    return 0


if __name__ == "__main__":
    sys.exit(main())
