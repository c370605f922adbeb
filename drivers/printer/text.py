"""Text for ESC/POS: display width, wrapping by width, and encoding with Chinese mode.

A CJK (wide or full-width) character takes two columns, any other printable character one.
In a double-byte encoding (GB18030 default, GBK, GB2312, Big5) a line holding any non-ASCII
character is sent in Chinese mode: `FS &` + encoded text + `FS .`. In UTF-8 the bytes go as they
are (printers that take UTF-8 have no Chinese mode to switch).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

FS_CHINESE_ON = b"\x1c\x26"  # FS &
FS_CHINESE_OFF = b"\x1c\x2e"  # FS .
REPLACEMENT = "?"

_TOKEN = re.compile(r"[A-Za-z0-9_.,:;/@%+\-]+|\s+|.", re.DOTALL)


def char_width(char: str) -> int:
    """Columns one character takes on the printer: 2 for wide/full-width, 0 for combining marks."""
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    return sum(char_width(c) for c in text)


def clean_text(text: str) -> str:
    """The text with control characters (which a printer would take as commands) made spaces."""
    return "".join(" " if unicodedata.category(c) in ("Cc", "Cs") else c for c in text)


def _split_long(token: str, columns: int) -> list[str]:
    pieces, current = [], ""
    for char in token:
        if current and display_width(current + char) > columns:
            pieces.append(current)
            current = ""
        current += char
    return [*pieces, current] if current else pieces


def wrap(text: str, columns: int) -> list[str]:
    """Lines of at most `columns` display columns. Nothing is cut: ASCII words stay whole when
    they fit on a line; CJK text breaks between any two characters. Never returns no line."""
    if columns < 2:
        raise ValueError("a line needs at least two columns")
    lines: list[str] = []
    current = ""
    for token in _TOKEN.findall(clean_text(text)):
        if token.isspace() and not current:
            continue  # no blank at the start of a line
        if display_width(current + token) <= columns:
            current += token
            continue
        if current.strip():
            lines.append(current.rstrip())
        current = ""
        if token.isspace():
            continue
        *full, current = _split_long(token, columns)
        lines.extend(full)
    if current.strip() or not lines:
        lines.append(current.rstrip())
    return lines


def is_utf8(encoding: str) -> bool:
    return codecs.lookup(encoding).name == "utf-8"


def check_encoding(encoding: str) -> str:
    """The codec's canonical name; ValueError for an unknown encoding or one a printer cannot
    take (ASCII must stay one byte per character, as in GB18030, GBK, Big5 and UTF-8)."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        name = ""
    if not name or "A0".encode(name) != b"A0":
        raise ValueError(f"unusable printer encoding {encoding!r} (use GB18030, GBK, Big5 or UTF-8)")
    return name


@dataclass
class EncodedLine:
    data: bytes
    replaced: int  # characters the encoding has no code for, sent as '?'


def _encode_chars(text: str, encoding: str) -> EncodedLine:
    try:
        return EncodedLine(text.encode(encoding), 0)
    except UnicodeEncodeError:
        pass
    parts, replaced = [], 0
    for char in text:
        try:
            parts.append(char.encode(encoding))
        except UnicodeEncodeError:
            parts.append(REPLACEMENT.encode("ascii"))
            replaced += 1
    return EncodedLine(b"".join(parts), replaced)


def encode_line(text: str, encoding: str) -> EncodedLine:
    """Bytes for one line of text (without LF), with Chinese mode around non-ASCII text."""
    text = clean_text(text)
    if text.isascii():
        return EncodedLine(text.encode("ascii"), 0)
    if is_utf8(encoding):
        return EncodedLine(text.encode("utf-8"), 0)
    line = _encode_chars(text, encoding)
    return EncodedLine(FS_CHINESE_ON + line.data + FS_CHINESE_OFF, line.replaced)
