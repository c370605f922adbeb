"""The queue ticket: its content and the ESC/POS bytes that print it.

Layout, all centred: hall name (bold, double height), a rule, the ticket number as large as fits,
the service category (double size), the green-channel mark, people waiting ahead, the time, the QR
code, extra lines, the notice; then a feed and a cut. Every line is wrapped by display width for
its character size, so nothing is cut off and no line wraps on the printer by itself.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Literal

from escpos.printer import Dummy

from drivers.printer.paper import PaperSpec, escpos_profile, paper_spec
from drivers.printer.qr import ERROR_LEVEL, module_dots, qr_image
from drivers.printer.text import check_encoding, display_width, encode_line, wrap

log = logging.getLogger(__name__)

ESC_INIT = b"\x1b\x40"
ESC_ALIGN_CENTRE = b"\x1ba\x01"
LF = b"\n"
MAX_SCALE = 8  # GS ! allows 1..8 times the normal width and height
MAX_QR_BYTES = 300  # more would print too small to scan on a ticket
QR_LEVELS = {"L": 0, "M": 1, "Q": 2, "H": 3}
CutMode = Literal["partial", "full"]
PaperWidth = Literal[58, 80]
GREEN_CHANNEL_MARK = "★ 绿色通道 ★"


@dataclass
class TicketContent:
    hall_name: str
    number: str  # e.g. "A012": category letter + 3 digits
    category_name: str  # e.g. "社保医保"
    people_ahead: int
    issued_at: str  # already formatted, e.g. "2026-11-26 09:05"
    notice: str = "过号请重新取号"
    qr_payload: str | None = None
    green_channel: bool = False
    extra_lines: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Style:
    width: int = 1  # GS ! multipliers
    height: int = 1
    bold: bool = False
    reverse: bool = False

    def commands(self) -> bytes:
        size = ((self.width - 1) << 4) | (self.height - 1)
        return b"\x1d!" + bytes([size]) + b"\x1bE" + bytes([self.bold]) + b"\x1dB" + bytes([self.reverse])


NORMAL = Style()
HALL = Style(height=2, bold=True)
CATEGORY = Style(width=2, height=2, bold=True)
MARK = Style(width=2, height=2, bold=True, reverse=True)
AHEAD = Style(width=2, height=2)


def number_style(number: str, paper: PaperSpec) -> Style:
    """The largest size at which the number fits on one line with a column to spare each side."""
    scale = max(1, min(MAX_SCALE, (paper.columns - 2) // max(1, display_width(number))))
    return Style(width=scale, height=scale, bold=True)


class _Writer:
    """Collects the ticket's bytes on a python-escpos Dummy (QR, image and cut come from there)."""

    def __init__(self, paper: PaperSpec, encoding: str) -> None:
        self.paper, self.encoding = paper, encoding
        self.printer = Dummy(profile=escpos_profile(paper.width_mm))
        self.replaced = 0
        self._style: Style | None = None

    def raw(self, data: bytes) -> None:
        self.printer._raw(data)

    def style(self, style: Style) -> None:
        if style != self._style:
            self.raw(style.commands())
            self._style = style

    def text(self, text: str, style: Style = NORMAL) -> None:
        """The text wrapped to the paper at that character size, one ESC/POS line each."""
        self.style(style)
        for line in wrap(text, self.paper.columns // style.width):
            encoded = encode_line(line, self.encoding)
            self.replaced += encoded.replaced
            self.raw(encoded.data + LF)

    def rule(self) -> None:
        self.text("-" * self.paper.columns)

    def feed(self, lines: int = 1) -> None:
        self.raw(b"\x1bd" + bytes([lines]))


def _qr(writer: _Writer, payload: str, native: bool) -> None:
    """The QR code with a blank line above and below: the quiet zone scanners need."""
    module = module_dots(payload, writer.paper)
    writer.style(NORMAL)
    writer.feed(1)
    if native:
        writer.printer.qr(payload, ec=QR_LEVELS[ERROR_LEVEL], size=module, model=2, native=True)
    else:
        writer.printer.image(qr_image(payload, module), impl="bitImageRaster", center=True)
    writer.feed(1)


def _check(content: TicketContent) -> None:
    if content.qr_payload is not None and len(content.qr_payload.encode("utf-8")) > MAX_QR_BYTES:
        raise ValueError(f"QR payload longer than {MAX_QR_BYTES} bytes")
    if content.people_ahead < 0:
        raise ValueError("people_ahead cannot be negative")


def render_ticket(
    content: TicketContent,
    width_mm: PaperWidth = 80,
    encoding: str = "GB18030",
    native_qr: bool = True,
    cut: CutMode = "partial",
) -> bytes:
    """The ESC/POS bytes of one ticket. Chinese text goes in Chinese mode (`FS &` ... `FS .`) in
    `encoding`, or as plain bytes when the encoding is UTF-8. Characters the encoding lacks
    become '?' (counted in the log, never shown there)."""
    _check(content)
    writer = _Writer(paper_spec(width_mm), check_encoding(encoding))
    writer.raw(ESC_INIT + ESC_ALIGN_CENTRE)
    writer.text(content.hall_name, HALL)
    writer.rule()
    writer.text(content.number, number_style(content.number, writer.paper))
    writer.text(content.category_name, CATEGORY)
    if content.green_channel:
        writer.feed(1)
        writer.text(GREEN_CHANNEL_MARK, MARK)
    writer.feed(1)
    writer.text(f"前面还有 {content.people_ahead} 人", AHEAD)
    writer.text(f"取号时间 {content.issued_at}")
    if content.qr_payload:
        _qr(writer, content.qr_payload, native_qr)
    for line in content.extra_lines:
        writer.text(line)
    writer.rule()
    writer.text(content.notice, Style(bold=True))
    writer.style(NORMAL)
    writer.printer.cut(mode="PART" if cut == "partial" else "FULL")
    if writer.replaced:
        log.warning("ticket text: %d character(s) not in %s printed as '?'", writer.replaced, encoding)
    return writer.printer.output

