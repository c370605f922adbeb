"""The 256-byte text block of resident cards, HK/Macao/Taiwan permits and foreign permanent
residence cards; read answers and raw files."""

from __future__ import annotations

import struct
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.idcard.frames import encode_response
from drivers.idcard.layouts import (
    LAYOUTS,
    MANDATORY,
    CardDataError,
    CardRead,
    CardText,
    ReadAnswerError,
    UnknownLayout,
    decode_raw_file,
    decode_text,
    encode_text,
    parse_read_answer,
)
from drivers.idcard.sample import card_from, load_cards

SAMPLES = [card_from(c)[0] for c in load_cards()]
RESIDENT, PERMIT, FOREIGN = SAMPLES[0], SAMPLES[4], SAMPLES[5]
PHOTO = bytes(range(256)) * 4


def _answer(card: CardText, fingerprint: bytes | None = None) -> bytes:
    text = encode_text(card)
    if fingerprint is None:
        return struct.pack(">HH", 256, 1024) + text + PHOTO
    return struct.pack(">HHH", 256, 1024, len(fingerprint)) + text + PHOTO + fingerprint


def test_resident_block_has_fields_at_the_documented_bytes() -> None:
    block = encode_text(RESIDENT)
    assert len(block) == 256
    assert block[0:6].decode("utf-16-le") == "陈思雨"
    assert block[122:158].decode("utf-16-le") == "51010419900307004X"
    assert block[204:220].decode("utf-16-le") == "20350410"
    assert block[248] == 0x20


def test_permit_and_foreign_cards_carry_their_type_letter_at_byte_248() -> None:
    assert encode_text(PERMIT)[248:250] == b"J\x00"
    assert encode_text(FOREIGN)[248:250] == b"I\x00"
    assert encode_text(FOREIGN)[0:36].decode("utf-16-le") == "MILLER, ANNA MARIE"


@pytest.mark.parametrize("card", SAMPLES, ids=lambda c: c.card_type)
def test_sample_cards_round_trip(card: CardText) -> None:
    assert decode_text(encode_text(card)) == card


def test_padding_spaces_and_nuls_are_trimmed() -> None:
    block = bytearray(encode_text(RESIDENT))
    block[6:30] = "\x00".encode("utf-16-le") * 12
    assert decode_text(bytes(block)).name == "陈思雨"


# --- what is not understood is reported, never guessed

def _with_marker(block: bytes, marker: str) -> bytes:
    return block[:248] + marker.encode("utf-16-le") + block[250:]


def test_a_2023_foreign_card_is_reported_as_unknown() -> None:
    with pytest.raises(UnknownLayout, match="2023"):
        decode_text(_with_marker(encode_text(FOREIGN), "Y"))


def test_an_unexpected_type_letter_is_unknown() -> None:
    with pytest.raises(UnknownLayout, match="'Q'"):
        decode_text(_with_marker(encode_text(RESIDENT), "Q"))


def test_invalid_ucs2_is_unknown() -> None:
    block = encode_text(RESIDENT)
    broken = block[:52] + "\ud800".encode("utf-16-le", "surrogatepass") + block[54:]
    with pytest.raises(UnknownLayout, match="address"):
        decode_text(broken)


def test_an_empty_mandatory_field_is_unknown() -> None:
    block = encode_text(RESIDENT)
    blank_number = block[:122] + " ".encode("utf-16-le") * 18 + block[158:]
    with pytest.raises(UnknownLayout, match="id_number"):
        decode_text(blank_number)


def test_a_foreign_block_read_as_resident_is_unknown_not_garbage() -> None:
    """A foreign card whose type byte was lost must not come out as a resident card."""
    with pytest.raises(UnknownLayout):
        decode_text(_with_marker(encode_text(FOREIGN), " "))


def test_unknown_layout_is_a_value_error() -> None:
    assert issubclass(UnknownLayout, CardDataError) and issubclass(CardDataError, ValueError)


def test_encoding_refuses_what_does_not_fit() -> None:
    with pytest.raises(ValueError, match="name"):
        encode_text(replace(RESIDENT, name="欧" * 16))
    with pytest.raises(ValueError, match="permit_number"):
        encode_text(replace(RESIDENT, permit_number="H12345678"))


# --- round trip of every layout with generated text

def _text(width_bytes: int, min_size: int = 0) -> st.SearchStrategy[str]:
    chars = st.characters(max_codepoint=0xFFFF, exclude_categories=("Cs",))
    return (st.text(chars, max_size=width_bytes // 2)
            .map(lambda s: s.strip(" \x00")).filter(lambda s: len(s) >= min_size))


DATE = st.dates().map(lambda d: d.strftime("%Y%m%d")).filter(lambda s: len(s) == 8)


@st.composite
def cards(draw: st.DrawFn, card_type: str) -> CardText:
    values = {}
    for name, start, end in LAYOUTS[card_type]:
        mandatory = name in MANDATORY[card_type]
        if name in ("birth", "valid_from"):
            values[name] = draw(DATE)
        elif name == "valid_to":
            values[name] = draw(DATE | st.just("长期"))
        else:
            values[name] = draw(_text(end - start, min_size=1 if mandatory else 0))
    return CardText(card_type=card_type, **values)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(list(LAYOUTS)).flatmap(cards))
def test_any_card_text_round_trips(card: CardText) -> None:
    assert decode_text(encode_text(card)) == card


# --- read answers and raw files

def test_read_answer_gives_text_and_photo() -> None:
    read = parse_read_answer(_answer(RESIDENT))
    assert read == CardRead(RESIDENT, PHOTO, b"")


def test_read_answer_with_fingerprint() -> None:
    fingerprint = bytes(range(200)) * 5 + bytes(24)
    assert parse_read_answer(_answer(PERMIT, fingerprint)).fingerprint == fingerprint
    assert parse_read_answer(_answer(PERMIT, b"")).fingerprint == b""


def test_read_answer_with_inconsistent_lengths_is_rejected() -> None:
    with pytest.raises(ReadAnswerError):
        parse_read_answer(_answer(RESIDENT)[:-1])


def test_raw_file_can_be_a_whole_answer_frame() -> None:
    assert decode_raw_file(encode_response(0x90, _answer(FOREIGN))).text == FOREIGN
    assert len(encode_response(0x90, _answer(FOREIGN))) == 1295


def test_raw_file_can_be_the_bare_text_block() -> None:
    assert decode_raw_file(encode_text(PERMIT)) == CardRead(PERMIT, b"")


def test_raw_file_of_a_failed_read_says_so() -> None:
    with pytest.raises(ReadAnswerError, match="0x41"):
        decode_raw_file(encode_response(0x41))


VALID_RAW = encode_response(0x90, _answer(RESIDENT, bytes(1024)))


def _decodes_or_says_why(raw: bytes) -> None:
    try:
        assert isinstance(decode_raw_file(raw), CardRead)
    except CardDataError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2500))
def test_random_raw_files_only_raise_card_data_errors(raw: bytes) -> None:
    _decodes_or_says_why(raw)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, len(VALID_RAW)), st.lists(st.tuples(st.integers(0, len(VALID_RAW) - 1), st.integers(0, 7)), max_size=6),
       st.booleans())
def test_damaged_raw_files_only_raise_card_data_errors(cut: int, flips: list[tuple[int, int]], fix_checksum: bool) -> None:
    raw = bytearray(VALID_RAW)
    for index, bit in flips:
        raw[index] ^= 1 << bit
    raw = raw[:cut]
    if fix_checksum and len(raw) > 7:  # so the damage reaches the lengths and the text block
        raw[5:7] = (len(raw) - 7).to_bytes(2, "big")
        raw[-1] = 0
        raw[-1] = _xor(raw[5:])
    _decodes_or_says_why(bytes(raw))


@settings(max_examples=200, deadline=None)
@given(st.binary(min_size=256, max_size=256))
def test_random_text_blocks_only_raise_unknown_layout(block: bytes) -> None:
    try:
        decode_text(block)
    except UnknownLayout:
        pass


def _xor(data: bytes) -> int:
    value = 0
    for byte in data:
        value ^= byte
    return value
