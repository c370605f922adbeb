"""Guard against a PySide6 build that leaks references to None.

PySide6 6.12.0 returns None from every void C++ method without taking a reference. On Python
3.11, where None is still reference-counted, a running window aborts with "Fatal Python error:
none_dealloc" after a few thousand calls (seen here while the counter page read cards). The
pins in pyproject.toml avoid that build; this test fails if a future pin lets it back in.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_none_alive(qtbot, qapp) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("叫号")
        qapp.processEvents()
    # Other threads may hold or drop a few references meanwhile; a leak would lose 4000.
    assert sys.getrefcount(None) - before > -100
