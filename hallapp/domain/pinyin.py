"""Pinyin keys for finding items by initials (`sbk` → 社会保障卡申领)."""

from __future__ import annotations

from pypinyin import Style, lazy_pinyin


def initials(text: str) -> str:
    """First letters of each syllable; non-Chinese characters are kept as lower-case letters."""
    return "".join(part[0] for part in lazy_pinyin(text, style=Style.FIRST_LETTER) if part).lower()


def full(text: str) -> str:
    return "".join(lazy_pinyin(text)).lower()
