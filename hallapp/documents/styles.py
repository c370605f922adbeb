"""Paragraph styles for one font and one paper, and safe paragraphs from user text."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib import textsplit as rl_textsplit
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus import paragraph as rl_paragraph

# Marks that must not start a line in Chinese (GB/T 15834). reportlab's set is Japanese-minded and
# lacks ，；：？！” — without them a lone "；" can open a line. Both CJK wrappers (textsplit.wordSplit
# for one-fragment paragraphs, paragraph.cjkFragSplit otherwise) read a module-level
# ALL_CANNOT_START at call time; only hallapp.documents uses reportlab, so widening it is contained.
CHINESE_CANNOT_START = "，。、；：？！）》〉」』】”’"


def _teach_chinese_line_breaking() -> None:
    for module in (rl_textsplit, rl_paragraph):
        current = getattr(module, "ALL_CANNOT_START", None)
        if isinstance(current, str):
            module.ALL_CANNOT_START = current + "".join(c for c in CHINESE_CANNOT_START if c not in current)


_teach_chinese_line_breaking()


@dataclass(frozen=True)
class Styles:
    font: str
    base: float
    hall: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    cell: ParagraphStyle
    head: ParagraphStyle
    label: ParagraphStyle
    small: ParagraphStyle
    center: ParagraphStyle
    right: ParagraphStyle
    url: ParagraphStyle
    seal: ParagraphStyle


def make_styles(font: str, base: float) -> Styles:
    """Every style wraps CJK text anywhere (wordWrap='CJK'), so long names and addresses never overflow.

    reportlab lets one punctuation mark that may not start a line (，。）) hang past the right edge;
    a right indent of one character keeps that mark inside the column (and the printable area).
    Width arithmetic must add ``fit_width`` for this reserve.
    """

    def style(name: str, size: float, align: int = TA_LEFT, **extra: object) -> ParagraphStyle:
        # Centered text splits the reserve between both sides so it stays centered.
        indents = {"rightIndent": size / 2, "leftIndent": size / 2} if align == TA_CENTER else {"rightIndent": size}
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.4, alignment=align,
                              wordWrap="CJK", **indents, **extra)

    return Styles(
        font=font,
        base=base,
        hall=style("hall", base * 1.25, TA_CENTER, spaceAfter=base * 0.3),
        title=style("title", base * 1.9, TA_CENTER, spaceAfter=base * 0.5),
        heading=style("heading", base * 1.1, spaceBefore=base * 0.8, spaceAfter=base * 0.4),
        body=style("body", base, firstLineIndent=base * 2, spaceAfter=base * 0.4),
        cell=style("cell", base * 0.95),
        head=style("head", base * 0.95, TA_CENTER),
        label=style("label", base * 0.95),
        small=style("small", base * 0.85, spaceAfter=base * 0.2),
        center=style("center", base * 0.95, TA_CENTER),
        right=style("right", base, TA_RIGHT),
        url=style("url", base * 0.7, TA_CENTER),
        seal=style("seal", base * 0.8, TA_CENTER, textColor=colors.grey),
    )


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text: markup characters are escaped, line breaks kept."""
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def fit_width(text: str, style: ParagraphStyle) -> float:
    """The column width that prints ``text`` on one line in ``style`` (indents included, cell padding not)."""
    return stringWidth(text, style.fontName, style.fontSize) + style.leftIndent + style.rightIndent + 1
