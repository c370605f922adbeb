"""Printing our PDFs through Qt with a preview (QPageSize A4), or saving them. Rendering the PDF
itself happens in a worker; this only paints its pages on the printer."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSize
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget


def load_pdf(data: bytes, parent: QWidget | None = None) -> QPdfDocument:
    document = QPdfDocument(parent)
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    document._buffer = buffer  # keep the bytes alive as long as the document
    return document


def paint(document: QPdfDocument, printer: QPrinter) -> None:
    painter = QPainter(printer)
    try:
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            target = printer.pageLayout().paintRectPixels(printer.resolution())
            image = document.render(index, QSize(target.width(), target.height()))
            painter.drawImage(QPointF(0, 0), image)
    finally:
        painter.end()


def preview_and_print(data: bytes, title: str, parent: QWidget) -> None:
    """Qt's print preview (A4, portrait); the clerk picks the printer there."""
    document = load_pdf(data, parent)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      printer.pageLayout().margins()))
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(title)
    dialog.paintRequested.connect(lambda p: paint(document, p))
    dialog.open()
