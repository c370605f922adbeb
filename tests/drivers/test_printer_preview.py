"""Look at the ticket: the bytes a TCP printer received, parsed and drawn roughly as a thermal
printer would (font A 12x24 dots, GS ! multipliers, the printer's own wrap at the paper edge),
saved as /tmp/ticket-80.png and /tmp/ticket-58.png, and scanned back with zbarimg."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
import qrcode
from PIL import Image, ImageDraw, ImageFont

from drivers.printer import TicketContent, TicketPrinter
from tests.support.escpos_parse import Block, Item, Line, blocks, char_columns, parse, raster_image, zbar_decode
from tests.support.tcp_capture import TcpCapture

FONT_PATHS = ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
PAPER_DOTS = {58: 384, 80: 576}
CELL_W, CELL_H, LINE_GAP, MARGIN = 12, 24, 6, 24


def _font_path() -> str:
    for path in FONT_PATHS:
        if Path(path).exists():
            return path
    pytest.skip("no CJK font (fonts-wqy-microhei) to draw the preview")


@dataclass
class Preview:
    """A strip of thermal paper; `overflows` counts lines the printer would have wrapped itself."""

    width: int
    font_path: str
    canvas: Image.Image = field(init=False)
    y: int = MARGIN
    overflows: int = 0

    def __post_init__(self) -> None:
        self.canvas = Image.new("L", (self.width + 2 * MARGIN, 6000), 255)

    def glyph(self, char: str, run: Item) -> Image.Image:
        cell_w = CELL_W * char_columns(char)
        h = run.style.height
        font = ImageFont.truetype(self.font_path, int(CELL_H * h * (0.9 if cell_w > CELL_W else 0.8)))
        base = Image.new("L", (cell_w * h, CELL_H * h), 0 if run.style.reverse else 255)
        ink = 255 if run.style.reverse else 0
        ImageDraw.Draw(base).text((cell_w * h // 2, CELL_H * h // 2), char, font=font, fill=ink, anchor="mm",
                                  stroke_width=max(1, h // 4) if run.style.bold else 0, stroke_fill=ink)
        return base.resize((max(1, cell_w * run.style.width), CELL_H * h))

    def line(self, line: Line) -> None:
        glyphs = [self.glyph(c, run) for run in line.runs for c in run.text if char_columns(c)]
        rows: list[list[Image.Image]] = [[]]
        for glyph in glyphs:  # the printer starts a new row at the paper edge
            if sum(g.width for g in rows[-1]) + glyph.width > self.width:
                rows.append([])
                self.overflows += 1
            rows[-1].append(glyph)
        for row in rows:
            used = sum(g.width for g in row)
            x = MARGIN + {0: 0, 1: (self.width - used) // 2, 2: self.width - used}.get(line.align, 0)
            height = max((g.height for g in row), default=CELL_H)
            for glyph in row:
                self.canvas.paste(glyph, (x, self.y + height - glyph.height))
                x += glyph.width
            self.y += height + LINE_GAP

    def image(self, picture: Image.Image, align: int) -> None:
        x = MARGIN + (0 if align == 0 else (self.width - picture.width) // (1 if align == 2 else 2))
        self.canvas.paste(picture, (x, self.y))
        self.y += picture.height

    def qr(self, item: Item) -> None:
        code = qrcode.QRCode(box_size=item.args.get("size", 3), border=0,
                             error_correction=getattr(qrcode.constants, f"ERROR_CORRECT_{item.args.get('error_level', 'M')}"))
        code.add_data(item.args["raw_data"])
        self.image(code.make_image().get_image().convert("L"), item.style.align)

    def cut(self, item: Item) -> None:
        draw = ImageDraw.Draw(self.canvas)
        for x in range(0, self.canvas.width, 12):
            draw.line((x, self.y, x + 6, self.y), fill=0, width=2)
        draw.text((MARGIN, self.y + 4), "partial cut" if item.args["partial"] else "full cut", fill=96)
        self.y += 24

    def draw(self, block: Block) -> None:
        if block.kind == "line" and block.line is not None:
            self.line(block.line)
        elif block.kind == "feed":
            self.y += block.lines * (CELL_H + LINE_GAP)
        elif block.kind == "raster" and block.item is not None:
            self.image(raster_image(block.item), 0)
        elif block.kind == "qr" and block.item is not None:
            self.qr(block.item)
        elif block.kind == "cut" and block.item is not None:
            self.cut(block.item)

    def picture(self) -> Image.Image:
        return self.canvas.crop((0, 0, self.canvas.width, self.y + MARGIN))


def render_preview(data: bytes, width_mm: int, font_path: str) -> Preview:
    preview = Preview(PAPER_DOTS[width_mm], font_path)
    for block in blocks(parse(data)):
        preview.draw(block)
    return preview


CONTENT = TicketContent(
    hall_name="云南省红河哈尼族彝族自治州金平苗族瑶族傣族自治县政务服务中心跨省通办窗口",
    number="A012",
    category_name="社保医保",
    people_ahead=7,
    issued_at="2026-11-26 09:05",
    qr_payload="https://zwfw.example.gov.cn/queue?hall=5325&t=A012&d=20261126",
    green_channel=True,
    extra_lines=["请留意叫号屏和语音提示，凭本票到对应窗口办理业务"],
)


@pytest.mark.parametrize(("width_mm", "native_qr"), [(80, True), (58, False)])
def test_ticket_preview_fits_the_paper_and_its_qr_scans(width_mm: int, native_qr: bool) -> None:
    font = _font_path()
    with TcpCapture() as server:
        with TicketPrinter(server.uri, width_mm=width_mm, native_qr=native_qr, status_timeout=0.5) as printer:
            printer.print_ticket(CONTENT)
        data = server.received()
    preview = render_preview(data, width_mm, font)
    picture = preview.picture()
    picture.save(f"/tmp/ticket-{width_mm}.png")
    assert preview.overflows == 0, "a line ran past the paper edge and the printer would wrap it"
    assert zbar_decode(picture) == [CONTENT.qr_payload]
    assert 500 < picture.height < 2000
