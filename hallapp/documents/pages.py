"""Paper and page furniture: A4 with page numbers, and the 80 mm thermal roll cut to length.

A builder hands over a story factory (content width → flowables); this module lays it out and
returns the PDF bytes. Every canvas starts in the embedded CJK font, so reportlab never adds its
default, non-embedded Helvetica to a page.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, Literal

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from hallapp.documents.fonts import DocumentFonts

PaperSize = Literal["A4", "thermal80"]
StoryFactory = Callable[[float], list[Flowable]]

THERMAL_WIDTH = 80 * mm
THERMAL_MARGIN = 4 * mm  # an 80 mm head prints about 72 mm
THERMAL_FEED = 8 * mm  # blank paper after the last line, so the cutter does not touch it
A4_BASE_SIZE = 10.5  # 五号
THERMAL_BASE_SIZE = 9.0
_MAX_THERMAL_TRIES = 4


@dataclass(frozen=True)
class Paper:
    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float

    @property
    def content_width(self) -> float:
        return self.width - self.left - self.right


A4_PAPER = Paper(A4[0], A4[1], left=20 * mm, right=20 * mm, top=15 * mm, bottom=18 * mm)


def thermal_paper(content_height: float) -> Paper:
    margin = THERMAL_MARGIN
    return Paper(THERMAL_WIDTH, content_height + margin + THERMAL_FEED, left=margin, right=margin, top=margin,
                 bottom=THERMAL_FEED)


def base_size(size: PaperSize) -> float:
    return A4_BASE_SIZE if size == "A4" else THERMAL_BASE_SIZE


class NumberedCanvas(Canvas):
    """Holds pages back until the end so each can say "第 i 页 共 N 页" (only when N > 1)."""

    def __init__(self, *args: Any, footer_font: str, footer_y: float, **kwargs: Any) -> None:
        super().__init__(*args, **{**kwargs, "initialFontName": footer_font})
        self._footer = (footer_font, footer_y)
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        for state in self._held:
            self.__dict__.update(state)
            if total > 1:
                font, y = self._footer
                self.setFont(font, 9)
                self.drawCentredString(self._pagesize[0] / 2, y, f"第 {self._pageNumber} 页 共 {total} 页")
            super().showPage()
        super().save()


def _build(story: list[Flowable], paper: Paper, fonts: DocumentFonts, meta: dict[str, str]) -> tuple[bytes, int]:
    buffer = io.BytesIO()
    frame = Frame(paper.left, paper.bottom, paper.content_width, paper.height - paper.top - paper.bottom,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc = BaseDocTemplate(buffer, pagesize=(paper.width, paper.height), pageTemplates=[PageTemplate("page", [frame])],
                          initialFontName=fonts.name, title=meta["title"], author=meta["author"],
                          subject=meta["title"], creator="hallapp", lang="zh-CN")
    doc.build(story, canvasmaker=partial(NumberedCanvas, footer_font=fonts.name, footer_y=paper.bottom / 2))
    return buffer.getvalue(), doc.page


def _story_height(story: list[Flowable], width: float, fonts: DocumentFonts) -> float:
    scratch = Canvas(io.BytesIO(), initialFontName=fonts.name)
    height = 0.0
    for flowable in story:
        _w, h = flowable.wrapOn(scratch, width, 100_000)
        height += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return height


def render(make_story: StoryFactory, fonts: DocumentFonts, size: PaperSize, *, title: str, author: str) -> bytes:
    """Lay out the story on A4 (as many pages as needed) or on one thermal page cut to length."""
    meta = {"title": title, "author": author}
    if size == "A4":
        return _build(make_story(A4_PAPER.content_width), A4_PAPER, fonts, meta)[0]
    if size != "thermal80":
        raise ValueError(f"paper size must be 'A4' or 'thermal80', got {size!r}")
    width = THERMAL_WIDTH - 2 * THERMAL_MARGIN
    height = _story_height(make_story(width), width, fonts) + 2 * mm
    for _ in range(_MAX_THERMAL_TRIES):
        pdf, pages = _build(make_story(width), thermal_paper(height), fonts, meta)
        if pages == 1:
            return pdf
        height *= 1.25  # measured short (rare): a longer roll, never a second ticket
    raise RuntimeError("the thermal receipt did not fit on one length of paper")
