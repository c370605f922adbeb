"""The Chinese words documents print for coded values, and how dates are written."""

from __future__ import annotations

from datetime import date, datetime

FORM_WORDS = {"original": "原件", "copy": "复印件", "electronic": "电子件"}
STATUS_WORDS = {"captured": "已收取", "missing": "缺少", "incorrect": "需补正", "gap": "容缺后补"}
CASE_TYPE_WORDS = {"instant": "即办件", "promised": "承诺件"}
DELIVERY_WORDS = {"mail": "邮寄送达", "window": "窗口领取"}
INSTANT_DONE = "当场办结"


def cn_date(day: date) -> str:
    """2026年12月10日 (no leading zeros, as on official documents)."""
    return f"{day.year}年{day.month}月{day.day}日"


def cn_datetime(moment: datetime) -> str:
    """2026年11月26日 09:05"""
    return f"{cn_date(moment.date())} {moment:%H:%M}"


def blank_date() -> str:
    """A date for the signer to fill in by hand."""
    return "______年____月____日"


def counter_words(number: int) -> str:
    return f"{number}号窗口"
