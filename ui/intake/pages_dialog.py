"""The pages of one material as thumbnails: rotate, reorder, delete, add a re-scan; OK rebuilds
the material's PDF in a worker. Every action has a key."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from hallapp.services import scanning
from ui.errors import describe
from ui.tasks import Task


class PagesDialog(QDialog):
    def __init__(self, title: str, material: scanning.CapturedMaterial, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 560)
        self.pages = list(material.images)
        self.result_material: scanning.CapturedMaterial | None = None
        self.list = QListWidget(objectName="pages")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(180, 180))
        self.list.setMovement(QListView.Movement.Static)
        self.list.setSpacing(8)
        buttons = QHBoxLayout()
        for label, keys, slot in (
            (self.tr("Rotate left"), "Ctrl+[", lambda: self.rotate(-1)),
            (self.tr("Rotate right"), "Ctrl+]", lambda: self.rotate(1)),
            (self.tr("Move left"), "Ctrl+Left", lambda: self.move(-1)),
            (self.tr("Move right"), "Ctrl+Right", lambda: self.move(1)),
            (self.tr("Delete page"), "Delete", self.delete),
            (self.tr("Crop"), "Ctrl+T", self.crop),
        ):
            button = QPushButton(f"{label} {keys}")
            button.clicked.connect(slot)
            buttons.addWidget(button)
            QShortcut(QKeySequence(keys), self, activated=slot)
        self.message = QLabel(objectName="error")
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.finish)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(box)
        self._render(0)

    def _render(self, current: int) -> None:
        self.list.clear()
        for index, page in enumerate(self.pages):
            thumb = scanning.thumbnail_png(page, 180)
            pixmap = QPixmap()
            pixmap.loadFromData(thumb)
            self.list.addItem(QListWidgetItem(QIcon(pixmap), self.tr("Page {n}").format(n=index + 1)))
        if self.pages:
            self.list.setCurrentRow(max(0, min(current, len(self.pages) - 1)))

    def rotate(self, quarter_turns: int) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.pages):
            self.pages[row] = scanning.rotated(self.pages[row], quarter_turns)
            self._render(row)

    def move(self, delta: int) -> None:
        row = self.list.currentRow()
        target = row + delta
        if 0 <= row < len(self.pages) and 0 <= target < len(self.pages):
            self.pages[row], self.pages[target] = self.pages[target], self.pages[row]
            self._render(target)

    def delete(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.pages):
            del self.pages[row]
            self._render(row)

    def crop(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.pages):
            return
        from ui.intake.crop_dialog import CropDialog

        dialog = CropDialog(self.pages[row], scanning.thumbnail_png(self.pages[row], 900), self)
        dialog.accepted.connect(lambda: self._cropped(row, dialog.cropped))
        dialog.finished.connect(lambda _r: self._back_from_crop())
        dialog.open()
        self.crop_dialog = dialog

    def _back_from_crop(self) -> None:
        """Without a window manager nothing gives the keys back: the pages list takes them again."""
        self.activateWindow()
        self.list.setFocus()

    def _cropped(self, row: int, page) -> None:
        if page is not None:
            self.pages[row] = page
            self._render(row)

    def finish(self) -> None:
        if not self.pages:
            self.message.setText(self.tr("A material needs at least one page; mark it missing instead (Ctrl+D)."))
            return
        pages = list(self.pages)
        Task(self, lambda: scanning.rebuild(pages)).on_success(self._built).on_failure(
            lambda exc: self.message.setText(describe(exc))).run()

    def _built(self, material: scanning.CapturedMaterial) -> None:
        self.result_material = material
        self.accept()
