"""Baseline for bench/startup.py: a bare PySide6 QMainWindow with a label.

With HALLAPP_EXIT_AFTER_PAINT=1 it prints `painted <unix time>` at its first paint and quits,
exactly as ui/app.py does for the real main window.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class _FirstPaint(QObject):
    seen = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            print(f"painted {time.time():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.setCentralWidget(QLabel("bare PySide6 window"))
    window.resize(1280, 720)  # the main window's minimum size
    if os.environ.get("HALLAPP_EXIT_AFTER_PAINT"):
        window.installEventFilter(first_paint := _FirstPaint(window))  # noqa: F841 - kept alive by parent
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
