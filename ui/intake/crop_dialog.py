"""Cropping one page by hand: drag a rectangle over the page, Enter keeps it."""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QRubberBand, QVBoxLayout

VIEW = 640  # the page is shown at most this many pixels high or wide


class _Canvas(QLabel):
    def __init__(self, pixmap: QPixmap) -> None:
        super().__init__()
        self.setPixmap(pixmap)
        self.setFixedSize(pixmap.size())
        self.band = QRubberBand(QRubberBand.Shape.Rectangle, self)
        self.origin = QPoint()
        self.selection = QRect()

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.origin = event.position().toPoint()
        self.band.setGeometry(QRect(self.origin, QSize()))
        self.band.show()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.band.setGeometry(QRect(self.origin, event.position().toPoint()).normalized())

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.selection = QRect(self.origin, event.position().toPoint()).normalized().intersected(self.rect())


class CropDialog(QDialog):
    def __init__(self, page: Image.Image, thumbnail_png: bytes, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Crop the page"))
        self.page = page
        self.cropped: Image.Image | None = None
        pixmap = QPixmap()
        pixmap.loadFromData(thumbnail_png)
        pixmap = pixmap.scaled(VIEW, VIEW, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        self.canvas = _Canvas(pixmap)
        self.scale = page.width / pixmap.width()
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.finish)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Drag over the part of the page to keep, then press Enter."), objectName="hint"))
        layout.addWidget(self.canvas)
        layout.addWidget(box)

    def select(self, rect: QRect) -> None:
        """The selection in view coordinates (the mouse sets it; tests may too)."""
        self.canvas.selection = rect.intersected(self.canvas.rect())

    def box(self) -> tuple[int, int, int, int] | None:
        rect = self.canvas.selection
        if rect.width() < 10 or rect.height() < 10:
            return None
        s = self.scale
        return (int(rect.left() * s), int(rect.top() * s), int(rect.right() * s), int(rect.bottom() * s))

    def finish(self) -> None:
        box = self.box()
        if box is None:
            self.reject()
            return
        self.cropped = self.page.crop(box)
        self.accept()
