"""Social security card (社会保障卡) data: where it lives (``SscLayout``), what it is
(``SocialSecurityCard``) and how its records are parsed. Pure Python, no PC/SC.

Every parser raises only :class:`RecordFormatError` on bad input.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, fields

from .pcsc_errors import RecordFormatError

# SELECT by name: "sx1.sh." + GBK "社会保障".
SSC_AID = bytes.fromhex("7378312E73682EC9E7BBE1B1A3D5CF")
_PADDING = b"\x00\xff "
_SSN = re.compile(r"\d{17}[\dX]|\d{15}")
_CARD_NUMBER = re.compile(r"[0-9A-Z]{9}")


@dataclass(frozen=True)
class SscLayout:
    """SFIs and record numbers of the data elements.

    Defaults: EF05 (SFI 5) records 01 card identifier, 02 card type, 03 version, 07 card number;
    EF06 (SFI 6) record 08 social security number. The EF06 numbers after 08 (name 09, sex 0A,
    nation 0B, birthplace 0C, birth date 0D) are the common layout, not confirmed for every
    generation and region: override them per region. ``None`` skips an optional element
    (its field is then ``""``).
    """

    aid: bytes = SSC_AID
    card_sfi: int = 5
    holder_sfi: int = 6
    card_identifier: int | None = 0x01
    card_type: int | None = 0x02
    version: int | None = 0x03
    card_number: int = 0x07
    social_security_number: int = 0x08
    name: int = 0x09
    sex_code: int | None = 0x0A
    nation_code: int | None = 0x0B
    birthplace: int | None = 0x0C
    birth_date: int | None = 0x0D

    def __post_init__(self) -> None:
        for required in ("card_number", "social_security_number", "name"):
            if getattr(self, required) is None:
                raise ValueError(f"{required} cannot be skipped")
        for sfi in (self.card_sfi, self.holder_sfi):
            if not 1 <= sfi <= 30:
                raise ValueError(f"SFI must be 1..30, not {sfi}")
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name not in ("aid", "card_sfi", "holder_sfi") and value is not None and not 1 <= value <= 254:
                raise ValueError(f"record number of {f.name} must be 1..254, not {value}")
        if not 1 <= len(self.aid) <= 16:
            raise ValueError("application name must be 1..16 bytes")

    @classmethod
    def from_mapping(cls, data: Mapping[str, int | str | None]) -> SscLayout:
        """From settings: record numbers as int, or as hex strings like on card documents
        (``"0A"`` or ``"0x0A"`` = 10); ``aid`` as hex."""
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown layout keys: {', '.join(sorted(unknown))}")
        values: dict[str, object] = {}
        for key, value in data.items():
            if key == "aid":
                values[key] = bytes.fromhex(str(value))
            elif isinstance(value, str):
                values[key] = int(value, 16)
            else:
                values[key] = value
        return cls(**values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class SocialSecurityCard:
    card_identifier: str  # hex
    card_type: str
    version: str
    card_number: str
    social_security_number: str
    name: str
    sex_code: str  # GB/T 2261.1: 1 male, 2 female
    nation_code: str  # GB 3304, two digits
    birthplace: str
    birth_date: str  # YYYYMMDD
    atr: str  # hex
    reader: str

    def __repr__(self) -> str:  # no personal data in logs and tracebacks
        return f"SocialSecurityCard(reader={self.reader!r}, atr={self.atr!r}, ...)"


def strip_record_tag(record: int, data: bytes) -> bytes:
    """The value of a record: drops a leading ``<record> <length>`` when it fits, else all of it.

    "Fits": the first byte is the record number and the length covers the rest exactly, or
    is shorter with only padding (00/FF) after it.
    """
    if len(data) >= 2 and data[0] == record:
        length = data[1]
        rest = data[2:]
        if length == len(rest) or (length < len(rest) and not rest[length:].strip(b"\x00\xff")):
            return rest[:length]
    return data


def trim(value: bytes) -> bytes:
    """Without 00/FF/space padding on either side."""
    return value.strip(_PADDING)


def decode_ascii(value: bytes) -> str:
    """Printable ASCII text, padding trimmed."""
    raw = trim(value)
    if not all(0x20 <= b < 0x7F for b in raw):
        raise RecordFormatError("not printable ASCII text")
    return raw.decode("ascii")


def decode_gbk(value: bytes) -> str:
    """GBK (read as GB 18030, its superset) text, padding trimmed."""
    raw = trim(value)
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise RecordFormatError("not GBK text") from exc
    # Control characters mean a wrong record; private-use characters are kept: issuers put
    # rare name characters (生僻字) in GBK's user-defined area.
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        raise RecordFormatError("text with control characters")
    return text.strip()


def decode_digits(value: bytes) -> str:
    """A number stored as ASCII digits or as BCD ("cn", right-padded with F)."""
    raw = trim(value)
    if raw and all(0x30 <= b <= 0x39 for b in raw):
        return raw.decode("ascii")
    digits = value.hex().upper().rstrip("F")  # BCD: 00 bytes are digits, only F pads
    if not digits or not digits.isdigit():
        raise RecordFormatError("not a number")
    return digits


def decode_code(value: bytes) -> str:
    """A short code (card type, version): printable ASCII, else BCD digits."""
    try:
        text = decode_ascii(value)
    except RecordFormatError:
        return decode_digits(value)
    if not text:
        raise RecordFormatError("empty")
    return text


def parse_social_security_number(value: bytes) -> str:
    text = decode_ascii(value).upper()
    if not _SSN.fullmatch(text):
        raise RecordFormatError("not an 18-character social security number")
    return text


def parse_name(value: bytes) -> str:
    text = decode_gbk(value)
    if not text or any(ch.isdigit() for ch in text):
        raise RecordFormatError("not a name")
    return text


def parse_card_number(value: bytes) -> str:
    text = decode_ascii(value).upper()
    if not _CARD_NUMBER.fullmatch(text):
        raise RecordFormatError("not a 9-character card number")
    return text


def parse_birth_date(value: bytes) -> str:
    """YYYYMMDD from ASCII or BCD."""
    digits = decode_digits(value)
    if len(digits) != 8:
        raise RecordFormatError("not a date (YYYYMMDD)")
    try:
        dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError as exc:
        raise RecordFormatError("not a date (YYYYMMDD)") from exc
    return digits


def parse_sex(value: bytes) -> str:
    digits = decode_digits(value)
    code = digits.lstrip("0") or "0"
    if code not in {"0", "1", "2", "9"}:
        raise RecordFormatError("not a sex code")
    return code


def parse_nation(value: bytes) -> str:
    digits = decode_digits(value)
    if len(digits) > 2:
        raise RecordFormatError("not an ethnic group code")
    return digits.zfill(2)


def parse_birthplace(value: bytes) -> str:
    """Region code (GB/T 2260, BCD or ASCII digits); some cards hold the place name (GBK)."""
    try:
        return decode_digits(value)
    except RecordFormatError:
        text = decode_gbk(value)
    if not text:
        raise RecordFormatError("empty")
    return text


def parse_card_identifier(value: bytes) -> str:
    if not value.strip(b"\x00\xff"):
        raise RecordFormatError("empty")
    return value.hex().upper()
