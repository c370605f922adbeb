"""The 256-byte text block of the three card types, and the answer to a read command.

The block is UCS-2 little-endian, each field space-padded. Byte 248 tells the type: `I` foreign
permanent residence card (2017 layout), `J` Hong Kong/Macao/Taiwan residence permit, a space or NUL
(or any non-letter) a resident ID card. Values are returned raw: checking them is hallapp's job.
What does not decode cleanly raises `UnknownLayout`; this module never guesses.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass, fields

from drivers.errors import DeviceError, register
from drivers.idcard.frames import HEADER, FrameError, decode_frame
from drivers.idcard.status import OK, describe

TEXT_SIZE = 256
TYPE_SLOT = slice(248, 250)
PAD = " ".encode("utf-16-le")
RESIDENT, FOREIGN, HMT = "resident", "foreign_permanent_resident", "hmt_residence_permit"
MARKERS = {"I": FOREIGN, "J": HMT}
# Reportedly `Y` marks the 2023 foreign permanent residence card (unconfirmed): its layout is unknown.
NEW_FOREIGN_MARKER = "Y"
LONG_TERM = "长期"
_DATE = re.compile(r"[0-9]{8}")

Field = tuple[str, int, int]  # name, first byte, end byte

_PERSON = (("name", 0, 30), ("sex_code", 30, 32))
_RESIDENT_TAIL = (
    ("birth", 36, 52), ("address", 52, 122), ("id_number", 122, 158),
    ("issuer", 158, 188), ("valid_from", 188, 204), ("valid_to", 204, 220),
)
LAYOUTS: dict[str, tuple[Field, ...]] = {
    RESIDENT: (*_PERSON, ("nation_code", 32, 36), *_RESIDENT_TAIL),
    HMT: (*_PERSON, *_RESIDENT_TAIL, ("permit_number", 220, 238), ("issue_count", 238, 242)),
    FOREIGN: (
        ("name_en", 0, 120), ("sex_code", 120, 122), ("card_number", 122, 152), ("nationality", 152, 158),
        ("name", 158, 188), ("valid_from", 188, 204), ("valid_to", 204, 220), ("birth", 220, 236),
        ("version", 236, 240), ("authority_code", 240, 248),
    ),
}
_COMMON_MANDATORY = ("sex_code", "birth", "valid_from", "valid_to")
MANDATORY: dict[str, tuple[str, ...]] = {
    RESIDENT: (*_COMMON_MANDATORY, "name", "nation_code", "address", "id_number", "issuer"),
    HMT: (*_COMMON_MANDATORY, "name", "address", "id_number", "issuer"),
    FOREIGN: (*_COMMON_MANDATORY, "name_en", "card_number", "nationality"),  # a Chinese name is optional
}


MESSAGES = register({
    "card.type_not_supported": "This card type ({card}) cannot be read by this program yet: type the holder's "
                               "details by hand.",
    "card.type_unknown": "The card carries an unknown type mark {marker}: check that it is an ID card or a residence "
                         "permit, or type the holder's details by hand.",
    "card.text_undecodable": "The card's text could not be decoded ({reason}): place the card on the reader again, "
                             "or type the holder's details by hand.",
    "card.answer_malformed": "This is neither a reader's answer to a read command nor a 256-byte card text block "
                             "({reason}).",
    "card.answer_not_ok": "The saved answer is not a successful read (status {status}): {meaning}",
})


class CardDataError(DeviceError, ValueError):
    """Card data that cannot be decoded; the base of everything this module raises."""

    code = "card.text_undecodable"


class UnknownLayout(CardDataError):  # noqa: N818  (name fixed by the driver API)
    """A text block of a layout this driver does not know (or that does not decode cleanly)."""


class ReadAnswerError(CardDataError):
    """A read answer or raw file whose lengths, frame or status do not hold together."""

    code = "card.answer_malformed"


@dataclass(frozen=True)
class CardText:
    """The text of a card, raw strings as stored. Fields not in the card's layout are ""."""

    card_type: str = RESIDENT
    name: str = ""
    sex_code: str = ""
    nation_code: str = ""
    birth: str = ""
    address: str = ""
    id_number: str = ""
    issuer: str = ""
    valid_from: str = ""
    valid_to: str = ""
    permit_number: str = ""
    issue_count: str = ""
    name_en: str = ""
    card_number: str = ""
    nationality: str = ""
    version: str = ""
    authority_code: str = ""

    @property
    def masked(self) -> str:
        """Type and a masked number, the only form of a card allowed in log lines."""
        number = self.id_number or self.card_number
        return f"{self.card_type} {number[:2]}{'*' * max(len(number) - 3, 0)}{number[-1:]}"


@dataclass(frozen=True)
class CardRead:
    text: CardText
    photo_wlt: bytes
    fingerprint: bytes = b""


def decode_text(block: bytes) -> CardText:
    """Decode a 256-byte text block; raises UnknownLayout when it does not decode cleanly."""
    if len(block) != TEXT_SIZE:
        raise UnknownLayout(reason=f"text block of {len(block)} bytes, expected {TEXT_SIZE}")
    card_type = _card_type(block)
    values = {name: _field(block, name, start, end) for name, start, end in LAYOUTS[card_type]}
    card = CardText(card_type=card_type, **values)
    _check_shape(card)
    return card


def _card_type(block: bytes) -> str:
    marker = chr(block[248])
    if marker in MARKERS:
        return MARKERS[marker]
    if marker == NEW_FOREIGN_MARKER:
        raise UnknownLayout("card.type_not_supported", card="2023 foreign permanent residence card, type Y")
    if marker.isascii() and marker.isalpha():
        raise UnknownLayout("card.type_unknown", marker=repr(marker))
    return RESIDENT


def _field(block: bytes, name: str, start: int, end: int) -> str:
    try:
        return block[start:end].decode("utf-16-le").strip(" \x00")
    except UnicodeDecodeError:
        raise UnknownLayout(reason=f"field {name} (bytes {start}..{end}) is not valid UCS-2") from None


def _check_shape(card: CardText) -> None:
    """Mandatory fields present and dates shaped YYYYMMDD: a misaligned layout fails here."""
    empty = [name for name in MANDATORY[card.card_type] if not getattr(card, name)]
    if empty:
        raise UnknownLayout(reason=f"{card.card_type} text block with empty mandatory fields: {', '.join(empty)}")
    for name in ("birth", "valid_from", "valid_to"):
        value = getattr(card, name)
        if not _DATE.fullmatch(value) and not (name == "valid_to" and value == LONG_TERM):
            raise UnknownLayout(reason=f"{card.card_type} text block: {name} is not a YYYYMMDD date")


def encode_text(card: CardText) -> bytes:
    """The 256-byte block for a card (simulator, tests). ValueError if a value does not fit."""
    layout = LAYOUTS.get(card.card_type)
    if layout is None:
        raise ValueError(f"unknown card type {card.card_type!r}")
    _check_no_stray_fields(card, layout)
    block = bytearray(PAD * (TEXT_SIZE // 2))
    for name, start, end in layout:
        value = getattr(card, name).encode("utf-16-le")
        if len(value) > end - start:
            raise ValueError(f"{name} is {len(value) // 2} characters, at most {(end - start) // 2} fit")
        block[start : start + len(value)] = value
    marker = next((m for m, t in MARKERS.items() if t == card.card_type), " ")
    block[TYPE_SLOT] = marker.encode("utf-16-le")
    return bytes(block)


def _check_no_stray_fields(card: CardText, layout: tuple[Field, ...]) -> None:
    allowed = {name for name, _, _ in layout} | {"card_type"}
    stray = [f.name for f in fields(card) if f.name not in allowed and getattr(card, f.name)]
    if stray:
        raise ValueError(f"{card.card_type} cards have no {', '.join(stray)}")


def parse_read_answer(data: bytes) -> CardRead:
    """The data of a `30 01` answer (text len, photo len, text, photo) or of a `30 10` answer
    (a third length and the fingerprint follow). Lengths are big-endian."""
    if len(data) < 4:
        raise ReadAnswerError(reason=f"read answer of {len(data)} bytes")
    text_len, photo_len = struct.unpack_from(">HH", data)
    if 4 + text_len + photo_len == len(data):
        start, fp_len = 4, 0
    elif len(data) >= 6 and 6 + text_len + photo_len + struct.unpack_from(">H", data, 4)[0] == len(data):
        start, fp_len = 6, struct.unpack_from(">H", data, 4)[0]
    else:
        raise ReadAnswerError(reason=f"lengths {text_len}+{photo_len} do not match a read answer of {len(data)} bytes")
    photo_at = start + text_len
    fp_at = photo_at + photo_len
    text = decode_text(data[start:photo_at])
    return CardRead(text, bytes(data[photo_at:fp_at]), bytes(data[fp_at : fp_at + fp_len]))


def decode_raw_file(raw: bytes) -> CardRead:
    """A saved answer frame to `30 01`/`30 10`, or a bare 256-byte text block (no photo then)."""
    if len(raw) == TEXT_SIZE and not raw.startswith(HEADER):
        return CardRead(decode_text(raw), b"")
    try:
        answer = decode_frame(raw).response()
    except FrameError as exc:
        raise ReadAnswerError(reason=str(exc)) from None
    if answer.sw3 != OK:
        raise ReadAnswerError("card.answer_not_ok", status=f"0x{answer.sw3:02X}", meaning=describe(answer.sw3))
    return parse_read_answer(answer.data)
