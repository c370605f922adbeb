"""Diagnostic, not a bench (run_all.py skips `_*.py`): where `hallapp --demo` spends its startup.

Repeats ui.app.run_gui's steps with a clock and peak RSS after each one: the big imports, opening
the home and database, the QApplication, the demo sign-in, the main window, its first paint. Runs
once cold (new temp home) and once warm (same home again), each in a fresh process.

    .venv/bin/python bench/_startup_phases.py [--platform offscreen|xcb]

Keep it in step with ui/app.py:run_gui if that changes; bench/startup.py is the figure of record.
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
    started = time.perf_counter()
    import PySide6.QtWidgets  # noqa: F401

    _mark("import PySide6.QtWidgets")
    import sqlalchemy.orm  # noqa: F401

    _mark("import sqlalchemy + orm")
    import alembic.command  # noqa: F401

    _mark("import alembic")
    import pypinyin  # noqa: F401

    _mark("import pypinyin")
    from PySide6.QtCore import QEvent, QObject, QTimer

    from ui import app as ui_app

    _mark("import the rest of ui.app")
    ctx = ui_app.open_app(demo=True)
    _mark("open_app: home, settings, database")
    app = ui_app.make_application(ctx)
    _mark("make_application: style, translation")
    signed_in = ui_app.sign_in(ctx)
    assert signed_in is not None
    _mark("sign_in: demo hall, clerk login")
    window = ui_app.MainWindow(ctx, *signed_in)
    _mark("MainWindow()")

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint and not self.seen:
                self.seen = True
                _mark("show -> first paint")
                QTimer.singleShot(0, app.quit)
            return False

    window.installEventFilter(FirstPaint(window))
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
