"""Self-tests that need Qt (hallapp.devices.selftest reports them as not_supported): the hall
display's test pattern on a screen, a sample call spoken by the hall voice, a camera frame, the
system's receipt printer. Each reports one TestResult through `done`, never blocking the GUI.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QScreen
from PySide6.QtWidgets import QWidget

from hallapp.config import Settings
from hallapp.devices.roles import TestResult, message_for
from hallapp.domain.queue import call_announcement

Done = Callable[[TestResult], None]
QtTest = Callable[[QWidget, Settings, Done], None]
PATTERN_MS = 3000
VOICE_TIMEOUT_MS = 20_000
CAMERA_TIMEOUT_MS = 10_000
BARS = ("#ffffff", "#ffff00", "#00ffff", "#00ff00", "#ff00ff", "#ff0000", "#0000ff", "#000000")


def result(role: str, cause: str, **details: object) -> TestResult:
    return TestResult(role, cause == "ok", cause, message_for(cause), dict(details), datetime.now(UTC))


def chosen_screen(name: str = "") -> QScreen:
    """The screen called `name`, else the last one (a second screen is the hall's TV)."""
    screens = QGuiApplication.screens()
    return next((s for s in screens if s.name() == name), screens[-1])


class PatternWindow(QWidget):
    """Colour bars and the screen's name, full screen for a few seconds."""

    def __init__(self, screen: QScreen) -> None:
        super().__init__(None, Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("displayTestPattern")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.label = f"hallapp {screen.name()} {screen.size().width()}×{screen.size().height()}"
        self.setGeometry(screen.geometry())

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        width = self.width() / len(BARS)
        for index, colour in enumerate(BARS):
            painter.fillRect(int(index * width), 0, int(width) + 1, self.height(), QColor(colour))
        font = painter.font()
        font.setPointSize(max(24, self.height() // 12))
        painter.setFont(font)
        painter.setPen(QColor("#1f4e79"))
        painter.fillRect(0, self.height() // 3, self.width(), self.height() // 3, QColor(255, 255, 255, 220))
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.label)


def check_display(page: QWidget, settings: Settings, done: Done, screen_name: str = "") -> None:
    screen = chosen_screen(screen_name or getattr(page, "display_screen", ""))
    pattern = PatternWindow(screen)
    page.test_pattern = pattern  # type: ignore[attr-defined] - tests and the screenshot look at it
    pattern.show()
    details = {"screen": screen.name(), "size": f"{screen.size().width()}x{screen.size().height()}",
               "screens": len(QGuiApplication.screens())}
    QTimer.singleShot(PATTERN_MS, pattern.close)
    done(result("display", "ok", **details))


def check_voice(page: QWidget, settings: Settings, done: Done) -> None:
    from ui.voice import SilentSpeaker, make_speaker

    engine = settings.display.voice
    if engine == "silent":
        done(result("voice", "not_configured", engine=engine))
        return
    speaker = make_speaker(engine, page)
    if isinstance(speaker, SilentSpeaker):
        speaker.deleteLater()
        done(result("voice", "not_supported", engine=engine, reason="no text-to-speech engine works here"))
        return
    timer = QTimer(speaker, singleShot=True, interval=VOICE_TIMEOUT_MS)
    outcome: list[str] = []

    def finish(cause: str) -> None:
        if outcome:
            return
        outcome.append(cause)
        timer.stop()
        speaker.deleteLater()
        done(result("voice", cause, engine=speaker.name))

    speaker.finished.connect(lambda _text: finish("ok"))
    timer.timeout.connect(lambda: finish("timeout"))
    timer.start()
    speaker.announce(call_announcement("A001", settings.counter.number))


def check_camera(page: QWidget, settings: Settings, done: Done) -> None:
    try:
        from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession, QMediaDevices
    except ImportError:
        done(result("camera", "not_supported", reason="Qt Multimedia is not installed"))
        return
    inputs = QMediaDevices.videoInputs()
    if not inputs:
        done(result("camera", "port_absent", cameras=0))
        return
    camera, session, capture = QCamera(inputs[0], page), QMediaCaptureSession(page), QImageCapture(page)
    session.setCamera(camera)
    session.setImageCapture(capture)
    name = inputs[0].description()
    outcome: list[str] = []

    def finish(cause: str, **details: object) -> None:
        if outcome:
            return
        outcome.append(cause)
        camera.stop()
        for obj in (capture, session, camera):
            obj.deleteLater()
        done(result("camera", cause, camera=name, **details))

    capture.imageCaptured.connect(lambda _id, image: finish("ok", thumbnail_png=_png(image)))
    capture.errorOccurred.connect(lambda *_: finish("device_error"))
    camera.errorOccurred.connect(lambda *_: finish("port_busy"))
    capture.readyForCaptureChanged.connect(lambda ready: ready and capture.capture())
    QTimer.singleShot(CAMERA_TIMEOUT_MS, page, lambda: finish("timeout"))
    camera.start()


def _png(image: QImage) -> bytes:
    small = image.scaled(160, 160, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    small.save(buffer, "PNG")
    return bytes(data.data())


def check_receipt_printer(page: QWidget, settings: Settings, done: Done) -> None:
    from PySide6.QtPrintSupport import QPrinterInfo

    default = QPrinterInfo.defaultPrinter()
    if default.isNull():
        names = QPrinterInfo.availablePrinterNames()
        done(result("receipt-printer", "not_configured" if not names else "ok", printers=", ".join(names)))
        return
    done(result("receipt-printer", "ok", printer=default.printerName(), state=str(default.state().name)))


QT_TESTS: dict[str, QtTest] = {
    "display": check_display, "voice": check_voice, "camera": check_camera, "receipt-printer": check_receipt_printer,
}


def qt_test_for(role: str) -> QtTest | None:
    return QT_TESTS.get(role)
