"""An ESC/POS byte-stream parser for tests, written from the Epson reference, not from the driver.

`parse(data, encoding)` splits a stream into `Item`s: text runs (Chinese runs between `FS &` and
`FS .` decoded with `encoding`, others with `plain_encoding`) carrying the character style in force,
and commands (ESC @, ESC a, ESC E, ESC !, ESC d, GS !, GS B, GS V, GS v 0, GS ( k, DLE EOT, ...).
Unknown or truncated bytes become `unknown` items: the parser never raises.

`blocks(items)` groups them as the printer prints them: `Line`s (ended by LF or a feed), QR
symbols, raster images, feeds and cuts, in order. `raster_image` and `zbar_decode` turn a
`GS v 0` raster back into a picture and the QR payloads in it.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

ESC, GS, FS, DLE = 0x1B, 0x1D, 0x1C, 0x10

# commands with a fixed number of parameter bytes: (prefix, byte) -> (kind, parameter count)
FIXED: dict[tuple[int, int], tuple[str, int]] = {
    (ESC, ord("@")): ("init", 0), (ESC, ord("a")): ("align", 1), (ESC, ord("E")): ("bold", 1),
    (ESC, ord("!")): ("print_mode", 1), (ESC, ord("d")): ("feed", 1), (ESC, ord("J")): ("feed_dots", 1),
    (ESC, ord("t")): ("code_table", 1), (ESC, ord("2")): ("line_spacing", 0), (ESC, ord("3")): ("line_spacing", 1),
    (ESC, ord("-")): ("underline", 1), (ESC, ord("M")): ("font", 1), (ESC, ord("G")): ("double_strike", 1),
    (ESC, ord("{")): ("upside_down", 1), (ESC, ord("R")): ("charset", 1), (ESC, ord("V")): ("rotate", 1),
    (ESC, ord(" ")): ("right_spacing", 1), (ESC, ord("p")): ("cash_drawer", 3), (ESC, ord("B")): ("beep", 2),
    (GS, ord("!")): ("size", 1), (GS, ord("B")): ("reverse", 1), (GS, ord("h")): ("barcode_height", 1),
    (GS, ord("w")): ("barcode_width", 1), (GS, ord("H")): ("hri_position", 1), (GS, ord("f")): ("hri_font", 1),
    (GS, ord("a")): ("asb", 1), (GS, ord("r")): ("transmit_status", 1), (GS, ord("I")): ("printer_id", 1),
    (GS, ord("b")): ("smoothing", 1), (GS, ord("L")): ("left_margin", 2), (GS, ord("W")): ("print_width", 2),
    (GS, ord("P")): ("motion_units", 2), (FS, ord("&")): ("chinese_on", 0), (FS, ord(".")): ("chinese_off", 0),
    (FS, ord("!")): ("kanji_mode", 1), (FS, ord("-")): ("kanji_underline", 1), (FS, ord("C")): ("kanji_code", 1),
    (FS, ord("S")): ("kanji_spacing", 2), (FS, ord("W")): ("kanji_quad", 1), (FS, ord("p")): ("nv_image", 2),
    (DLE, 0x04): ("status_query", 1), (DLE, 0x05): ("realtime_request", 1), (DLE, 0x14): ("realtime_command", 3),
}
SINGLE = {0x0A: "lf", 0x0D: "cr", 0x09: "tab", 0x0C: "form_feed"}


@dataclass(frozen=True)
class Style:
    width: int = 1
    height: int = 1
    bold: bool = False
    reverse: bool = False
    align: int = 0  # 0 left, 1 centre, 2 right
    chinese: bool = False


@dataclass
class Item:
    kind: str
    raw: bytes
    text: str = ""
    style: Style = field(default_factory=Style)
    args: dict[str, Any] = field(default_factory=dict)


class _Parser:
    def __init__(self, data: bytes, encoding: str, plain_encoding: str) -> None:
        self.data, self.encoding, self.plain_encoding = data, encoding, plain_encoding
        self.pos = 0
        self.style = Style()
        self.qr: dict[str, Any] = {}
        self.items: list[Item] = []

    def emit(self, kind: str, start: int, **args: Any) -> None:
        self.items.append(Item(kind, self.data[start:self.pos], style=self.style, args=args))

    def need(self, count: int) -> bool:
        """True when `count` more bytes are there; else the rest becomes an unknown item."""
        if self.pos + count <= len(self.data):
            return True
        start, self.pos = self.pos, len(self.data)
        self.emit("unknown", start, truncated=True)
        return False

    def run(self) -> list[Item]:
        while self.pos < len(self.data):
            byte = self.data[self.pos]
            if byte >= 0x20:
                self.text()
            elif byte in (ESC, GS, FS, DLE):
                self.command(byte)
            else:
                self.pos += 1
                self.emit(SINGLE.get(byte, "unknown"), self.pos - 1)
        return self.items

    def text(self) -> None:
        start = self.pos
        while self.pos < len(self.data) and self.data[self.pos] >= 0x20:
            self.pos += 1
        raw = self.data[start:self.pos]
        codec = self.encoding if self.style.chinese else self.plain_encoding
        self.items.append(Item("text", raw, raw.decode(codec, errors="replace"), self.style))

    def command(self, prefix: int) -> None:
        start = self.pos
        if not self.need(2):
            return
        code = self.data[self.pos + 1]
        self.pos += 2
        if (prefix, code) in FIXED:
            kind, count = FIXED[(prefix, code)]
            if self.need(count):
                params = self.data[self.pos:self.pos + count]
                self.pos += count
                self.fixed(kind, start, params)
            return
        handler = {(GS, ord("V")): self.cut, (GS, ord("v")): self.raster, (GS, ord("(")): self.extended,
                   (GS, ord("k")): self.barcode, (ESC, ord("*")): self.column_image}.get((prefix, code))
        if handler is None:
            self.emit("unknown", start)
        else:
            handler(start)

    def fixed(self, kind: str, start: int, params: bytes) -> None:
        n = params[0] if params else 0
        self.style = _restyle(self.style, kind, n)
        self.emit(kind, start, n=n, params=params)

    def cut(self, start: int) -> None:
        if not self.need(1):
            return
        mode = self.data[self.pos]
        self.pos += 1
        feed = 0
        if mode >= 65:
            if not self.need(1):
                return
            feed = self.data[self.pos]
            self.pos += 1
        self.emit("cut", start, mode=mode, partial=mode in (1, 49, 66, 98, 104), feed=feed)

    def raster(self, start: int) -> None:
        if not self.need(6):
            return
        m, xl, xh, yl, yh = self.data[self.pos + 1:self.pos + 6]
        width_bytes, height = xl + 256 * xh, yl + 256 * yh
        self.pos += 6
        if not self.need(width_bytes * height):
            return
        bits = self.data[self.pos:self.pos + width_bytes * height]
        self.pos += width_bytes * height
        self.emit("raster", start, mode=m, width_bytes=width_bytes, width=width_bytes * 8, height=height, bits=bits)

    def extended(self, start: int) -> None:
        """GS ( fn pL pH payload; QR (GS ( k, cn 49) is decoded."""
        if not self.need(3):
            return
        fn, pl, ph = self.data[self.pos:self.pos + 3]
        self.pos += 3
        if not self.need(pl + 256 * ph):
            return
        payload = self.data[self.pos:self.pos + pl + 256 * ph]
        self.pos += len(payload)
        if fn == ord("k") and len(payload) >= 2 and payload[0] == 49:
            self.qr_function(start, payload[1], payload[2:])
        else:
            self.emit("extended", start, function=chr(fn), payload=payload)

    def qr_function(self, start: int, fn: int, params: bytes) -> None:
        if fn == 65 and params:
            self.qr["model"] = params[0] - 48
        elif fn == 67 and params:
            self.qr["size"] = params[0]
        elif fn == 69 and params:
            self.qr["error_level"] = "LMQH"[params[0] - 48] if 48 <= params[0] <= 51 else params[0]
        elif fn == 80:
            self.qr["data"] = params[1:]
        if fn == 81:
            data = self.qr.get("data", b"")
            self.emit("qr", start, **{**self.qr, "data": data.decode("utf-8", errors="replace"), "raw_data": data})
        else:
            self.emit("qr_setup", start, function=fn, params=params)

    def barcode(self, start: int) -> None:
        if not self.need(1):
            return
        m = self.data[self.pos]
        self.pos += 1
        if m <= 6:
            end = self.data.find(b"\x00", self.pos)
            end = len(self.data) if end == -1 else end + 1
            data, self.pos = self.data[start + 3:end - 1], end
        else:
            if not self.need(1) or not self.need(1 + self.data[self.pos]):
                return
            count = self.data[self.pos]
            data = self.data[self.pos + 1:self.pos + 1 + count]
            self.pos += 1 + count
        self.emit("barcode", start, system=m, data=data)

    def column_image(self, start: int) -> None:
        if not self.need(3):
            return
        m, nl, nh = self.data[self.pos:self.pos + 3]
        self.pos += 3
        count = (nl + 256 * nh) * (1 if m in (0, 1) else 3)
        if self.need(count):
            self.pos += count
            self.emit("column_image", start, mode=m, width=nl + 256 * nh)


def _restyle(style: Style, kind: str, n: int) -> Style:
    if kind == "init":
        return Style(chinese=style.chinese)
    if kind == "size":
        return replace(style, width=(n >> 4 & 0x07) + 1, height=(n & 0x07) + 1)
    if kind == "print_mode":
        return replace(style, bold=bool(n & 0x08), width=2 if n & 0x20 else 1, height=2 if n & 0x10 else 1)
    changes = {"bold": {"bold": bool(n & 1)}, "reverse": {"reverse": bool(n & 1)},
               "align": {"align": n - 48 if n >= 48 else n}, "chinese_on": {"chinese": True},
               "chinese_off": {"chinese": False}}.get(kind)
    return replace(style, **changes) if changes else style


def parse(data: bytes, encoding: str = "GB18030", plain_encoding: str = "ascii") -> list[Item]:
    """The items of an ESC/POS stream. Text outside Chinese mode is decoded with `plain_encoding`
    (ASCII by default: anything else there shows as U+FFFD, which a test will notice)."""
    return _Parser(bytes(data), encoding, plain_encoding).run()


def char_columns(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


@dataclass
class Line:
    runs: list[Item]
    align: int

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    @property
    def columns(self) -> int:
        """Font-A columns the line takes on paper: display width times each run's width factor."""
        return sum(char_columns(c) * run.style.width for run in self.runs for c in run.text)

    @property
    def height(self) -> int:
        return max((run.style.height for run in self.runs), default=1)

    @property
    def style(self) -> Style:
        return self.runs[0].style if self.runs else Style()


@dataclass
class Block:
    kind: str  # "line", "qr", "raster", "feed", "cut"
    line: Line | None = None
    item: Item | None = None
    lines: int = 0  # for "feed"


def blocks(items: list[Item]) -> list[Block]:
    """What the printer puts on paper, in order: LF ends a line, `ESC d n` ends one and feeds n."""
    out: list[Block] = []
    runs: list[Item] = []
    align = 0

    def flush(always: bool) -> None:
        nonlocal runs
        if runs or always:
            out.append(Block("line", Line(runs, runs[0].style.align if runs else align)))
        runs = []

    for item in items:
        align = item.style.align
        if item.kind == "text":
            runs.append(item)
        elif item.kind == "lf":
            flush(always=True)
        elif item.kind in ("feed", "qr", "raster", "cut"):
            flush(always=False)
            out.append(Block(item.kind, item=item, lines=item.args.get("n", 0)))
    flush(always=False)
    return out


def lines(items: list[Item]) -> list[Line]:
    return [b.line for b in blocks(items) if b.kind == "line" and b.line is not None]


def raster_image(item: Item) -> Any:
    """A `GS v 0` raster as a Pillow image, black where the printer would burn a dot."""
    from PIL import Image

    bits = Image.frombytes("1", (item.args["width"], item.args["height"]), item.args["bits"])
    return Image.eval(bits.convert("L"), lambda v: 255 - v)


def zbar_decode(image: Any, border: int = 0) -> list[str]:
    """QR/barcode payloads zbarimg finds in a Pillow image (saved as PNG on the way)."""
    from PIL import ImageOps

    zbarimg = shutil.which("zbarimg")
    if zbarimg is None:
        raise RuntimeError("zbarimg not found (Debian package zbar-tools)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "raster.png"
        ImageOps.expand(image, border=border, fill=255).save(path)
        result = subprocess.run([zbarimg, "--raw", "-q", str(path)], capture_output=True, timeout=20)
    return result.stdout.decode("utf-8").splitlines()
