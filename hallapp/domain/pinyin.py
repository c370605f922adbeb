"""Pinyin keys for finding items by initials (`sbk` → 社会保障卡申领).

pypinyin loads a large dictionary (≈0.2 s, 50 MiB), so it is imported on first use: only a
catalog import needs it, never the start of the window.
"""

from __future__ import annotations


def initials(text: str) -> str:
    """First letters of each syllable; non-Chinese characters are kept as lower-case letters."""
    from pypinyin import Style, lazy_pinyin

    return "".join(part[0] for part in lazy_pinyin(text, style=Style.FIRST_LETTER) if part).lower()


def full(text: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(text)).lower()
