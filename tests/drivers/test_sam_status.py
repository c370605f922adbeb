"""Every SW3 code of the SAM protocol has an error code the window words for the clerk."""

from __future__ import annotations

import re

import pytest

from drivers.idcard.status import CODES, MESSAGES, SamError, code_for, describe

# domain.md §4, in its order
DOCUMENTED = [0x90, 0x9F, 0x80, 0x81, 0x41, 0x40, 0x91, 0x10, 0x11, 0x21, 0x23, 0x24,
              0x31, 0x32, 0x33, 0x37, 0x3F, 0x47, 0x60, 0x66]
ERRORS = [code for code in DOCUMENTED if code not in (0x90, 0x9F)]  # success statuses, errors only where unexpected
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("sw3", ERRORS, ids=lambda c: f"0x{c:02X}")
def test_every_documented_error_status_has_its_own_code_and_an_english_message(sw3: int) -> None:
    assert sw3 in CODES
    message = describe(sw3)
    assert f"0x{sw3:02X}" in message and not CJK.search(message)


def test_messages_are_distinct() -> None:
    assert len(set(MESSAGES.values())) == len(MESSAGES)


def test_error_carries_status_code_and_english_message() -> None:
    err = SamError(0x41)
    assert (err.sw3, err.code, err.params) == (0x41, "card.read_failed", {"status": "0x41"})
    assert str(err) == "The card could not be read: place the ID card on the reader again (status 0x41)."
    assert SamError(0x80).code == "card.no_card"
    assert code_for(0x31) == code_for(0x32) == "card.authentication_failed"


def test_an_unknown_code_still_reads_as_an_error_with_its_code() -> None:
    err = SamError(0xEE)
    assert err.code == "card.reader_status_unknown" and "0xEE" in str(err)
