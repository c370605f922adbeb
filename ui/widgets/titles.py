"""Titles over a page's panels: one objectName, so the stylesheet (#panelTitle) sets them all alike."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def panel_title(text: str) -> QLabel:
    """A bold label over a panel; `text` is already translated."""
    return QLabel(text, objectName="panelTitle")
