"""Code128 for the case number and QR for the status address, sized to fit the column."""

from __future__ import annotations

from reportlab.graphics.barcode.code128 import Code128
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm

QUIET_MODULES = 10  # Code128 needs at least 10 module widths of white either side


def code128(value: str, max_width: float, bar_height: float, bar_width: float = 0.3 * mm) -> Code128:
    """A Code128 barcode no wider than ``max_width`` (quiet zones included).

    Bars get thinner when the value is long; the value is printed as text beside it anyway.
    """
    probe = Code128(value, barWidth=1, humanReadable=False, quiet=False)
    modules = probe.width
    fitted = min(bar_width, max_width / (modules + 2 * QUIET_MODULES))
    quiet = QUIET_MODULES * fitted
    code = Code128(value, barWidth=fitted, barHeight=bar_height, humanReadable=False, quiet=True,
                   lquiet=quiet, rquiet=quiet)
    code.hAlign = "CENTER"
    return code


def qr(value: str, size: float, font: str) -> Drawing:
    """A QR code ``size`` wide and high, its quiet zone (4 modules) inside that square.

    ``font`` is the drawing's initial font: without it reportlab's renderer references Helvetica,
    which is not embedded.
    """
    widget = QrCodeWidget(value, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.initialFontName = font
    drawing.add(widget)
    drawing.hAlign = "CENTER"
    return drawing
