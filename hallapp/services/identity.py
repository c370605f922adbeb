"""Reading an applicant's identity: ID cards over the SAM serial protocol, raw card files,
social security cards over PC/SC, and manual entry with the same checks."""

from __future__ import annotations

import dataclasses
import logging
import time
from datetime import date
from pathlib import Path

from hallapp.devices.ports import (
    CardRead,
    DeviceError,
    IdCardReader,
    PhotoDecoder,
    SocialSecurityReader,
    decode_raw_file,
    register,
)
from hallapp.domain.clock import hall_clock
from hallapp.domain.identity import Identity, identity_from_fields

log = logging.getLogger(__name__)

POLL_INTERVAL_S = 0.2
WLT_SIZE = 1024


register({
    "card.none_in_time": "No ID card was placed on the reader within {seconds} s: place the card flat on the reader "
                         "and read again.",
})


class NoCardError(DeviceError, TimeoutError):
    """No card was placed on the reader in time."""

    code = "card.none_in_time"


def identity_of(read: CardRead, today: date | None = None) -> Identity:
    fields = {k: v for k, v in dataclasses.asdict(read.text).items() if isinstance(v, str)}
    identity = identity_from_fields(fields, read.photo_wlt, today or hall_clock().today())
    log.info("card read: %r", identity)  # Identity.__repr__ is masked
    return identity


def wait_and_read(reader: IdCardReader, timeout: float, today: date | None = None) -> Identity:
    """Wait up to `timeout` seconds for a card, then read it once."""
    deadline = time.monotonic() + timeout
    while not reader.find_card():
        if time.monotonic() >= deadline:
            raise NoCardError(seconds=f"{timeout:g}")
        time.sleep(POLL_INTERVAL_S)
    reader.select_card()
    return identity_of(reader.read(), today)


def photo_bmp(identity: Identity, decoder: PhotoDecoder | None) -> bytes | None:
    """The card photo as a BMP when the vendor's decoder is available; None shows a placeholder."""
    if decoder is None or len(identity.photo_wlt) != WLT_SIZE:
        return None
    try:
        return decoder.decode(identity.photo_wlt)
    except DeviceError as exc:  # the decoder's PhotoDecoderError: its library failed or died
        log.warning("photo not decoded: %s", exc)
        return None


def decode_file(path: Path, today: date | None = None) -> Identity:
    """A raw answer to 30 01 / 30 10, or a bare 256-byte text block, from a file."""
    return identity_of(decode_raw_file(path.read_bytes()), today)


def read_social_security(reader: str | None, timeout: float, source: SocialSecurityReader | None = None) -> dict:
    """Read a social security card over PC/SC; the JSON object of `hallapp card pcsc`.
    `source` is the device manager's reader (`app.devices.sscard_reader()`); without it a
    reader of its own is used (hallapp/cli.py until it passes one)."""
    from hallapp.domain import codes
    from hallapp.domain.identity import parse_card_date
    from hallapp.domain.idnumber import validate_id_number

    if source is None:
        from hallapp.devices.adapters import PcscSocialSecurityReader

        source = PcscSocialSecurityReader()
    card = source.read_card(reader, timeout)
    birth = parse_card_date(card.birth_date)
    check = validate_id_number(card.social_security_number) if card.social_security_number else None
    return {
        "card_type": "social_security",
        "name": card.name,
        "sex_code": card.sex_code,
        "sex": codes.sex_label(card.sex_code) or "",
        "nation_code": card.nation_code,
        "nation": codes.nation_label(card.nation_code) or "",
        "birth_date": birth.isoformat() if birth else None,
        "birthplace": card.birthplace,
        "social_security_number": card.social_security_number,
        "id_number_valid": bool(check and check.valid),
        "card_number": card.card_number,
        "card_identifier": card.card_identifier,
        "card_version": card.version,
        "atr": card.atr,
        "reader": card.reader,
    }
