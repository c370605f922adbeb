"""Printing our PDFs through Qt with a preview (A4), or saving them. Rendering the PDF itself
happens in a worker; this only puts its pages on the printer.

Two lifetimes matter here, and both once crashed the program (segfault in QPicture::play):
the QPrinter must live exactly as long as the preview dialog that points at it, and pages are
painted at PRINT_DPI, not at the printer's 1200 dpi "high resolution" — one A4 page there is a
557 MB image, recorded into the preview's QPicture.

A printer that writes a PDF file (Qt's "print to file", or no printer installed) gets the
document itself: exact, vector, searchable. A real printer and the preview get painted pages.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

PRINT_DPI = 300  # sharp on paper, 35 MB a page in memory


def load_pdf(data: bytes, parent: QObject | None = None) -> QPdfDocument:
    document = QPdfDocument(parent)
    buffer = QBuffer(document)  # owned by the document: the bytes live exactly as long as it does
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    document._buffer = buffer  # and the Python wrapper with it
    return document


def a4_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(PRINT_DPI)
    # Our PDFs carry their own margins: the page is painted whole, edge to edge.
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF()))
    printer.setFullPage(True)
    return printer


def writes_pdf_file(printer: QPrinter) -> bool:
    """A real print job into a PDF file (not the preview, which records into a QPicture)."""
    engine = printer.paintEngine()
    return (printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and bool(printer.outputFileName())
            and (engine is None or engine.type() != QPaintEngine.Type.Picture))


def paint(document: QPdfDocument, printer: QPrinter, data: bytes | None = None) -> None:
    """Put every page on `printer`; into a PDF file the original bytes go as they are."""
    if data is not None and writes_pdf_file(printer):
        Path(printer.outputFileName()).write_bytes(data)
        return
    painter = QPainter(printer)
    try:
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            target = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
            dpi = min(printer.resolution(), PRINT_DPI)
            points = document.pagePointSize(index)  # 1/72 inch
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = document.render(index, size)
            painter.drawImage(target, image)
    finally:
        painter.end()


def print_to_pdf(data: bytes, path: Path, *, pages_as_images: bool = False) -> None:
    """Qt's printer path into a PDF file: the document itself, or (`pages_as_images`) the pages
    exactly as a real printer receives them."""
    document = load_pdf(data)
    printer = a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    paint(document, printer, None if pages_as_images else data)


class PreviewDialog(QPrintPreviewDialog):
    """Qt's print preview that owns its printer and document and is deleted when closed."""

    def __init__(self, data: bytes, title: str, parent: QWidget) -> None:
        self.printer = a4_printer()  # before the dialog, which keeps a raw pointer to it
        self.printer.setDocName(title)
        super().__init__(self.printer, parent)
        self.setObjectName("printPreview")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title)
        self.data = data
        self.document = load_pdf(data, self)
        self.paintRequested.connect(lambda printer: paint(self.document, printer, self.data))


def preview_and_print(data: bytes, title: str, parent: QWidget) -> PreviewDialog:
    """Qt's print preview (A4, portrait); the clerk picks the printer there. Esc closes it."""
    dialog = PreviewDialog(data, title, parent)
    dialog.open()
    return dialog
