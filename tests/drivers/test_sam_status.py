"""Every SW3 code of the SAM protocol has a message a clerk can act on."""

from __future__ import annotations

import re

import pytest

from drivers.idcard.status import MESSAGES, SamError, describe

# domain.md §4, in its order
DOCUMENTED = [0x90, 0x9F, 0x80, 0x81, 0x41, 0x40, 0x91, 0x10, 0x11, 0x21, 0x23, 0x24,
              0x31, 0x32, 0x33, 0x37, 0x3F, 0x47, 0x60, 0x66]
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("code", DOCUMENTED, ids=lambda c: f"0x{c:02X}")
def test_every_documented_code_has_a_chinese_message(code: int) -> None:
    assert CJK.search(MESSAGES[code])


def test_messages_are_distinct() -> None:
    assert len(set(MESSAGES.values())) == len(MESSAGES)


def test_error_shows_message_and_code() -> None:
    err = SamError(0x41)
    assert err.code == 0x41
    assert str(err) == "读卡失败，请重新放置身份证 (状态码 0x41)"
    assert str(SamError(0x80)) == "未找到卡片，请将身份证放稳在读卡器上 (状态码 0x80)"
    assert describe(0x10) == "校验和错误"


def test_an_unknown_code_still_reads_as_an_error_with_its_code() -> None:
    assert str(SamError(0xEE)) == "读卡器返回未知状态 (状态码 0xEE)"
