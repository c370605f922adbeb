"""The document camera (高拍仪) through Qt Multimedia: a live picture, Space takes a page, Enter
finishes; the pages are cleaned and turned into the material's PDF in a worker."""

from __future__ import annotations

import io

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession, QMediaDevices
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from hallapp.services import scanning
from ui.errors import describe
from ui.tasks import Task


def qimage_to_pil(image: QImage) -> Image.Image:
    """Through PNG bytes: exact, and independent of Qt's in-memory pixel formats."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")


def cameras() -> list:
    return list(QMediaDevices.videoInputs())


class CameraDialog(QDialog):
    def __init__(self, title: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(960, 720)
        self.pages: list[Image.Image] = []
        self.material: scanning.CapturedMaterial | None = None
        self.status = QLabel(objectName="hint")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        devices = cameras()
        if not devices:
            hint = self.tr("No document camera found. Check its USB cable, or scan (F7) or import (Ctrl+I) instead.")
            self.status.setText(hint)
            layout.addWidget(self.status)
            return
        self.camera = QCamera(devices[0], self)
        self.capture = QImageCapture(self)
        self.session = QMediaCaptureSession(self)
        self.view = QVideoWidget(self)
        self.session.setCamera(self.camera)
        self.session.setImageCapture(self.capture)
        self.session.setVideoOutput(self.view)
        self.capture.imageCaptured.connect(self._page_taken)
        self.capture.errorOccurred.connect(lambda _id, _err, text: self.status.setText(text))
        take = QPushButton(self.tr("Take a page Space"), objectName="primary")
        take.clicked.connect(self.take)
        done = QPushButton(self.tr("Done Enter"))
        done.clicked.connect(self.finish)
        QShortcut(QKeySequence("Space"), self, activated=self.take)
        buttons = QHBoxLayout()
        buttons.addWidget(take)
        buttons.addWidget(done)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.camera.start()

    def take(self) -> None:
        if self.capture.isReadyForCapture():
            self.capture.capture()

    def _page_taken(self, _request_id: int, image: QImage) -> None:
        self.pages.append(qimage_to_pil(image))
        self.status.setText(self.tr("{n} page(s) taken.").format(n=len(self.pages)))

    def finish(self) -> None:
        if not self.pages:
            self.status.setText(self.tr("Take at least one page (Space)."))
            return
        pages = list(self.pages)
        Task(self, lambda: scanning.from_images(pages)).on_success(self._built).on_failure(
            lambda exc: self.status.setText(describe(exc))).run()

    def _built(self, material: scanning.CapturedMaterial) -> None:
        self.material = material
        self.camera.stop()
        self.accept()
