"""Look: Fusion, one restrained stylesheet, a CJK font large enough to read across a counter."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from hallapp.resources import resource_path

CJK_FAMILIES = ("Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "SimSun")


def apply(app: QApplication, font_size_pt: int) -> None:
    app.setStyle("Fusion")
    available = set(QFontDatabase.families())
    family = next((f for f in CJK_FAMILIES if f in available), None)
    font = QFont(family) if family else app.font()
    font.setPointSize(font_size_pt)
    app.setFont(font)
    app.setStyleSheet(resource_path("styles", "hallapp.qss").read_text(encoding="utf-8"))
    app.setWindowIcon(QIcon(str(resource_path("icons", "hallapp.png"))))  # the task bar and Alt+Tab show the hall's icon
