"""SW3 status codes of the SAM protocol: the error code and the English message of each.

The clerk's wording, in the window's language, is keyed on the code (ui/errors.py)."""

from __future__ import annotations

from drivers.errors import DeviceError, register

OK = 0x90
CARD_FOUND = 0x9F
FIND_FAILED = 0x80
NO_CONTENT = 0x91

MESSAGES = register({
    "card.no_card": "No card found: place the ID card flat on the reader (status {status}).",
    "card.select_failed": "The card could not be selected: place the ID card on the reader again (status {status}).",
    "card.read_failed": "The card could not be read: place the ID card on the reader again (status {status}).",
    "card.unknown_type": "The card type is not recognised: check that it is an ID card or a residence permit (status {status}).",
    "card.no_content": "The card does not hold this item (status {status}).",
    "card.reader_transmission": "The reader reports a transmission error (status {status}): try again; "
                                "if it keeps happening, check the reader's cable.",
    "card.reader_refused": "The reader refused the command (status {status}): ask the technician to check "
                           "the reader's model and settings.",
    "card.reader_retry": "The reader could not complete the command (status {status}): try again.",
    "card.authentication_failed": "The card and the reader's security module did not authenticate each other "
                                  "(status {status}): place the ID card on the reader again.",
    "card.fingerprint_invalid": "The fingerprint data on the card could not be verified (status {status}): "
                                "place the ID card on the reader again.",
    "card.sam_self_test_failed": "The reader's security module failed its self-test (status {status}): ask the "
                                 "technician to have the reader repaired.",
    "card.sam_not_authorized": "The reader's security module is not authorised (status {status}): ask the technician.",
    "card.reader_status_unknown": "The reader answered with an unexpected status {status}: try again; if it keeps "
                                  "happening, ask the technician.",
})

# SW3 -> code (domain.md §4); 0x90 and 0x9F are errors only where another status was expected.
CODES: dict[int, str] = {
    0x80: "card.no_card",
    0x81: "card.select_failed",
    0x41: "card.read_failed",
    0x40: "card.unknown_type",
    0x91: "card.no_content",
    0x10: "card.reader_transmission",
    0x11: "card.reader_transmission",
    0x3F: "card.reader_transmission",
    0x21: "card.reader_refused",
    0x23: "card.reader_refused",
    0x24: "card.reader_retry",
    0x47: "card.reader_retry",
    0x31: "card.authentication_failed",
    0x32: "card.authentication_failed",
    0x33: "card.authentication_failed",
    0x37: "card.fingerprint_invalid",
    0x60: "card.sam_self_test_failed",
    0x66: "card.sam_not_authorized",
}
UNKNOWN = "card.reader_status_unknown"


def code_for(sw3: int) -> str:
    """The error code of an SW3 status; unknown ones (and 90/9F where unexpected) share one."""
    return CODES.get(sw3, UNKNOWN)


def describe(sw3: int) -> str:
    """The English message of an SW3 status, with the status in it."""
    return MESSAGES[code_for(sw3)].format(status=f"0x{sw3:02X}")


class SamError(DeviceError):
    """The SAM answered with a status other than the one expected; `.sw3` is that status."""

    def __init__(self, sw3: int) -> None:
        self.sw3 = sw3
        super().__init__(code_for(sw3), status=f"0x{sw3:02X}")
