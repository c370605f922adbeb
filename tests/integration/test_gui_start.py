"""The real program opens its demo window on a real X server (Xvfb), not only offscreen:
this is what catches a missing xcb library or font on a fresh machine."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support.requirements import need


def test_demo_window_paints_under_xvfb(home: Path) -> None:
    need(shutil.which("xvfb-run") is not None, "Xvfb (xvfb-run)")
    env = {**os.environ, "HALLAPP_HOME": str(home), "QT_QPA_PLATFORM": "xcb", "HALLAPP_EXIT_AFTER_PAINT": "1"}
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", sys.executable, "-m", "ui.launcher", "--demo"],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "painted" in result.stdout
    assert (home / "demo.sqlite3").exists()
    assert not (home / "hallapp.sqlite3").exists()  # demo never touches the real hall's file
    log = (home / "logs" / "hallapp.log").read_text(encoding="utf-8")
    assert "catalog starter.yaml imported" in log


def test_the_ui_font_draws_chinese_names(qapp) -> None:
    """Without a CJK font every Chinese glyph is a box: the set-up must have installed one."""
    from PySide6.QtGui import QFontDatabase, QFontMetrics

    from ui import style

    need(any(f in QFontDatabase.families() for f in style.CJK_FAMILIES), "a CJK font (fonts-wqy-microhei)")
    style.apply(qapp, 14)
    metrics = QFontMetrics(qapp.font())
    # inFont() takes a QChar that PySide6 mangles for non-Latin-1 text; the UCS-4 form is exact.
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "欧阳建国跨省通办窗口")
