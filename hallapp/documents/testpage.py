"""A one-line test page: checks a printer and the embedded font, and is the bench's baseline."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from hallapp.documents.fonts import DocumentFonts

DEFAULT_LINE = "打印测试页：中文字体已嵌入"


def render_test_page(fonts: DocumentFonts, line: str = DEFAULT_LINE) -> bytes:
    """One line of text on A4 in the document font, nothing else."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, initialFontName=fonts.name)
    canvas.setFont(fonts.name, 12)
    canvas.drawString(72, A4[1] - 72, line)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
