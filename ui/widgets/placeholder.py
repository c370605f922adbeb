from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def placeholder(text: str) -> QLabel:
    """A plain, honest note where a later part of hallapp will fill the page."""
    label = QLabel(text, objectName="placeholder")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def panel_title(text: str) -> QLabel:
    return QLabel(text, objectName="panelTitle")
