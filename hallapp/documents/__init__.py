"""Printed documents of the cross-province window, rendered to PDF with an embedded CJK font.

    fonts = load_fonts(settings.documents.font_paths)      # once; FontNotFoundError if none
    pdf = render_receipt(case_document, fonts, size="A4")   # or size="thermal80"

Builders take a ``CaseDocument`` (masked ID numbers only) and return PDF bytes:
受理回执 ``render_receipt``, 一次性告知书 ``render_notice``, 容缺受理承诺书 ``render_commitment``,
服务同意书 ``render_consent``. reportlab is imported nowhere else in hallapp, and only when a name
that needs it is first used: importing the package (or ``model``, ``links``) stays cheap.
Which document applies to which case is not decided here: see ``hallapp.domain.documents``
(and docs/documents.md, which also explains what the receipt's QR holds).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hallapp.documents.commitment import render_commitment
    from hallapp.documents.consent import render_consent
    from hallapp.documents.fonts import DocumentFonts, FontNotFoundError, load_fonts
    from hallapp.documents.links import status_url
    from hallapp.documents.model import CaseDocument, HallHeader, MaterialLine
    from hallapp.documents.notice import render_notice
    from hallapp.documents.pages import PaperSize
    from hallapp.documents.receipt import render_receipt

# Each name loads its submodule on first use (PEP 562), so importing the package or a reportlab-free
# submodule (model, links) does not load reportlab (0.1-0.5 s) on a start-up path. (fonts and pages,
# PaperSize's home, draw with reportlab: those names load it.)
_HOME: dict[str, str] = {
    "CaseDocument": "model", "HallHeader": "model", "MaterialLine": "model",
    "DocumentFonts": "fonts", "FontNotFoundError": "fonts", "load_fonts": "fonts",
    "PaperSize": "pages", "status_url": "links",
    "render_commitment": "commitment", "render_consent": "consent", "render_notice": "notice",
    "render_receipt": "receipt",
}


def __getattr__(name: str) -> object:
    home = _HOME.get(name)
    if home is None:  # also how `from hallapp.documents import blocks` falls through to the submodule
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # found once; later reads do not come here
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


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
