"""The Chinese font every document embeds, found at run time from a configurable search list.

Only TrueType outlines can be embedded by reportlab (as a subset): a CFF/OpenType-outline font
(Noto CJK, Source Han) is skipped with its reason, and so is a font without Chinese glyphs.
The non-embedded ``UnicodeCIDFont('STSong-Light')`` is never used: a viewer or printer without
that font would show boxes, so a missing font is an error, not a silent fallback.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

# Characters every document prints; a font must have all of them.
PROBE_TEXT = "受理回执办件编号申请人年月日"

_TRUETYPE_TAGS = (b"\x00\x01\x00\x00", b"true")
_FIX = (
    "Install a TrueType Chinese font (Debian/Ubuntu: apt-get install fonts-wqy-microhei) or set "
    "documents.font_paths to one (.ttf/.ttc, e.g. C:/Windows/Fonts/simsun.ttc)"
)


class FontNotFoundError(RuntimeError):
    """No usable TrueType CJK font in the search list; the message names each path and why."""


@dataclass(frozen=True)
class DocumentFonts:
    """The registered font: ``name`` is what styles and canvases use."""

    name: str
    path: Path
    subfont_index: int = 0


_registered: dict[tuple[str, int], DocumentFonts] = {}


def load_fonts(paths: Iterable[str | Path]) -> DocumentFonts:
    """Register the first usable font in ``paths`` (once per process) and return it."""
    reasons: list[str] = []
    for entry in paths:
        path = Path(entry).expanduser()
        key = (str(path), 0)
        if key in _registered:
            return _registered[key]
        font = _file_problem(path) or _open_font(path)
        if isinstance(font, str):
            reasons.append(f"{path}: {font}")
            continue
        pdfmetrics.registerFont(font)
        _registered[key] = DocumentFonts(font.fontName, path, 0)
        return _registered[key]
    tried = "; ".join(reasons) if reasons else "the list is empty"
    raise FontNotFoundError(f"No usable Chinese font for documents. Tried: {tried}. {_FIX}.")


def _file_problem(path: Path) -> str | None:
    """Why the file cannot be our font, judged from its header; None if it looks like TrueType."""
    if not path.is_file():
        return "missing"
    try:
        with path.open("rb") as handle:
            head = handle.read(16)
            tag = head[:4]
            if tag == b"ttcf":
                (offset,) = struct.unpack(">I", head[12:16])
                handle.seek(offset)
                tag = handle.read(4)
    except (OSError, struct.error) as exc:
        return f"unreadable ({exc})"
    if tag == b"OTTO":
        return "CFF (PostScript) outlines, which reportlab cannot embed"
    if tag in (b"wOFF", b"wOF2"):
        return "a web font (WOFF), not TrueType"
    if tag not in _TRUETYPE_TAGS:
        return "not a TrueType font file"
    return None


def _open_font(path: Path) -> TTFont | str:
    """The reportlab font, or the reason it cannot serve."""
    # One name per file: two fonts with the same file name in different folders must not collide.
    name = f"HallCJK-{path.stem}-{hashlib.blake2s(str(path).encode(), digest_size=4).hexdigest()}"
    try:
        font = TTFont(name, str(path), subfontIndex=0)
    except (TTFError, OSError, ValueError) as exc:
        return f"reportlab cannot load it ({exc})"
    glyphs = font.face.charToGlyph
    absent = [ch for ch in PROBE_TEXT if ord(ch) not in glyphs]
    if absent:
        return f"has no Chinese glyphs (lacks {''.join(absent)})"
    return font
