"""Asking before work is thrown away: a window-modal question whose safe answer is the default
and Esc. Non-blocking: the answer arrives as a callback, so no nested event loop runs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(parent: QWidget, title: str, text: str, go_label: str, on_go: Callable[[], None],
            *, keep_label: str = "") -> QMessageBox:
    """Ask; `on_go` runs only if the clerk picks `go_label`. Enter and Esc both keep the work."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("confirmDialog")
    box.setWindowModality(Qt.WindowModality.WindowModal)
    keep = box.addButton(keep_label or QCoreApplication.translate("Confirm", "Keep working"), QMessageBox.ButtonRole.RejectRole)
    go = box.addButton(go_label, QMessageBox.ButtonRole.AcceptRole)
    go.setObjectName("confirmGo")
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.finished.connect(lambda _r: on_go() if box.clickedButton() is go else None)
    box.open()
    return box
