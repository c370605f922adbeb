"""Renders resources/icons/hallapp.svg to the PNG beside it (window, Linux menus) and to
installer/icons/hallapp.ico (Windows).

Run after changing the SVG: `.venv/bin/python installer/make_icons.py`. The outputs are committed,
so building a bundle or package needs neither Qt's SVG renderer nor Pillow at that moment.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICO = Path(__file__).resolve().parent / "icons" / "hallapp.ico"
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def render(size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    QSvgRenderer(str(ICONS / "hallapp.svg")).render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data())))


def main() -> None:
    QGuiApplication([])
    big = render(256)
    big.save(ICONS / "hallapp.png")
    big.save(ICO, sizes=ICO_SIZES)


if __name__ == "__main__":
    main()
