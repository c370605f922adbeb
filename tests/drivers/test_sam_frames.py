"""SAM frame codec: exact bytes out, and a decoder that survives whatever the serial line brings."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.idcard.frames import HEADER, BadFrame, Frame, FrameDecoder, checksum, encode_command, encode_response

FIND_CARD = bytes.fromhex("AA AA AA 96 69 00 03 20 01 22")
NOT_FOUND = encode_response(0x80)
READ_ANSWER = encode_response(0x90, b"\x01\x00\x04\x00" + bytes(range(256)) * 5)


def _frames(items: list[Frame | BadFrame]) -> list[bytes]:
    return [i.payload for i in items if isinstance(i, Frame)]


def test_find_card_encodes_to_the_documented_bytes() -> None:
    assert encode_command(0x20, 0x01) == FIND_CARD


def test_an_answer_carries_status_and_data_and_a_valid_checksum() -> None:
    frame = encode_response(0x9F, b"\x00\x00\x00\x00")
    assert frame == bytes.fromhex("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97")
    assert checksum(frame[5:]) == 0


def test_a_read_answer_is_1295_bytes_with_len_0508() -> None:
    assert len(READ_ANSWER) == 1295
    assert READ_ANSWER[5:7] == b"\x05\x08"


def test_decoder_gives_command_and_answer_fields() -> None:
    command, answer = FrameDecoder().feed(FIND_CARD + READ_ANSWER)
    assert command.command().cmd == 0x20 and command.command().para == 0x01
    assert answer.response().sw3 == 0x90 and len(answer.response().data) == 1284


def test_decoder_resynchronises_after_noise() -> None:
    noise = b"\x00\xff\xaa\xaa\xaa\x96\x13\x37\xaa\xaa\xaa\x96"
    decoder = FrameDecoder()
    assert _frames(decoder.feed(noise + NOT_FOUND + noise + READ_ANSWER + noise)) == [b"\x00\x00\x80", READ_ANSWER[7:-1]]
    assert decoder.skipped == 3 * len(noise) - 4  # the trailing AA AA AA 96 may start a header: kept


def test_a_frame_split_byte_by_byte_arrives_whole_once() -> None:
    decoder = FrameDecoder()
    out = [item for byte in READ_ANSWER for item in decoder.feed(bytes([byte]))]
    assert _frames(out) == [READ_ANSWER[7:-1]]


def test_a_bad_checksum_is_reported_and_the_next_frame_still_arrives() -> None:
    damaged = READ_ANSWER[:-1] + bytes([READ_ANSWER[-1] ^ 1])
    decoder = FrameDecoder()
    items = decoder.feed(damaged + NOT_FOUND)
    assert isinstance(items[0], BadFrame) and items[0].raw == damaged
    assert _frames(items) == [b"\x00\x00\x80"]
    assert decoder.bad_frames == 1


def test_an_absurd_length_is_garbage_not_a_wait_for_64k() -> None:
    fake = HEADER + b"\xff\xff\x00"
    assert _frames(FrameDecoder().feed(fake + NOT_FOUND)) == [b"\x00\x00\x80"]


def test_a_frame_swallowed_by_a_truncated_one_is_still_found() -> None:
    """A truncated read answer followed by enough answers to fill its declared length."""
    stream = READ_ANSWER[:700] + NOT_FOUND * 60
    items = FrameDecoder().feed(stream)
    assert any(isinstance(i, BadFrame) for i in items)
    assert _frames(items) == [b"\x00\x00\x80"] * 60  # every answer after the cut, the first one included


def test_reset_forgets_a_partial_frame() -> None:
    decoder = FrameDecoder()
    decoder.feed(READ_ANSWER[:100])
    decoder.reset()
    assert _frames(decoder.feed(NOT_FOUND)) == [b"\x00\x00\x80"]


# --- fuzzing: the decoder never raises, never invents a frame, and does not care how bytes are split

frames_st = st.lists(
    st.tuples(st.integers(0, 255), st.binary(max_size=300)).map(lambda t: encode_response(*t)), max_size=6
)
garbage_st = st.binary(max_size=40).filter(lambda g: HEADER not in g)


def _feed_in_chunks(stream: bytes, cuts: list[int]) -> list[Frame | BadFrame]:
    decoder = FrameDecoder()
    points = sorted({c % (len(stream) + 1) for c in cuts} | {0, len(stream)})
    return [item for a, b in zip(points, points[1:], strict=False) for item in decoder.feed(stream[a:b])]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=3000), st.lists(st.integers(0, 5000), max_size=20))
def test_random_bytes_never_break_the_decoder(stream: bytes, cuts: list[int]) -> None:
    items = _feed_in_chunks(stream, cuts)
    for item in items:
        if isinstance(item, Frame):
            assert _reframe(item) in stream


@settings(max_examples=200, deadline=None)
@given(frames_st, st.lists(garbage_st, min_size=7, max_size=7), st.lists(st.integers(0, 5000), max_size=20))
def test_frames_between_garbage_all_arrive_however_split(frames: list[bytes], garbage: list[bytes], cuts: list[int]) -> None:
    stream = b"".join(g + f for g, f in zip(garbage, [*frames, b""], strict=False))
    items = _feed_in_chunks(stream, cuts)
    assert _frames(items) == [f[7:-1] for f in frames]
    assert not any(isinstance(i, BadFrame) for i in items)


@settings(max_examples=200, deadline=None)
@given(frames_st, st.data())
def test_bit_flips_and_truncation_lose_frames_but_never_invent_one(frames: list[bytes], data: st.DataObject) -> None:
    stream = bytearray(b"".join(frames))
    for _ in range(data.draw(st.integers(0, 8))):
        if stream:
            stream[data.draw(st.integers(0, len(stream) - 1))] ^= 1 << data.draw(st.integers(0, 7))
    stream = stream[: data.draw(st.integers(0, len(stream)))]
    for item in _feed_in_chunks(bytes(stream), data.draw(st.lists(st.integers(0, 5000), max_size=10))):
        if isinstance(item, Frame):
            assert _reframe(item) in stream


def test_a_long_noisy_session_decodes_every_frame() -> None:
    rng = random.Random(7)
    frames = [encode_response(rng.randrange(256), rng.randbytes(rng.randrange(1500))) for _ in range(200)]
    stream = b"".join(rng.randbytes(rng.randrange(30)).replace(b"\xaa", b"") + f for f in frames)
    assert _frames(_feed_in_chunks(stream, [rng.randrange(len(stream)) for _ in range(3000)])) == [f[7:-1] for f in frames]


def _reframe(frame: Frame) -> bytes:
    body = (len(frame.payload) + 1).to_bytes(2, "big") + frame.payload
    return HEADER + body + bytes([checksum(body)])
