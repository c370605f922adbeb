"""Printed documents of the cross-province window, rendered to PDF with an embedded CJK font.

    fonts = load_fonts(settings.documents.font_paths)      # once; FontNotFoundError if none
    pdf = render_receipt(case_document, fonts, size="A4")   # or size="thermal80"

Builders take a ``CaseDocument`` (masked ID numbers only) and return PDF bytes:
受理回执 ``render_receipt``, 一次性告知书 ``render_notice``, 容缺受理承诺书 ``render_commitment``,
服务同意书 ``render_consent``. reportlab is imported nowhere else in hallapp.
Which document applies to which case is not decided here: see ``hallapp.domain.documents``
(and docs/documents.md, which also explains what the receipt's QR holds).
"""

from __future__ import annotations

from hallapp.documents.commitment import render_commitment
from hallapp.documents.consent import render_consent
from hallapp.documents.fonts import DocumentFonts, FontNotFoundError, load_fonts
from hallapp.documents.links import status_url
from hallapp.documents.model import CaseDocument, HallHeader, MaterialLine
from hallapp.documents.notice import render_notice
from hallapp.documents.pages import PaperSize
from hallapp.documents.receipt import render_receipt

__all__ = [
    "CaseDocument",
    "DocumentFonts",
    "FontNotFoundError",
    "HallHeader",
    "MaterialLine",
    "PaperSize",
    "load_fonts",
    "render_commitment",
    "render_consent",
    "render_notice",
    "render_receipt",
    "status_url",
]
