"""SAM serial framing: `AA AA AA 96 69` | LEN (2 bytes, big-endian) | payload | XOR checksum.

LEN counts the bytes after it, checksum included. The checksum is the XOR of every byte after the
5-byte header (LEN bytes included), so the XOR of everything after the header, checksum included,
is 0. A command payload is CMD PARA data; a response payload is SW1 SW2 SW3 data.
"""

from __future__ import annotations

from dataclasses import dataclass

HEADER = b"\xaa\xaa\xaa\x96\x69"
MIN_LEN = 3  # CMD PARA + checksum: the shortest frame that means anything
MAX_LEN = 4096  # the longest real answer is 2315 (text + photo + 1024 fingerprint): more is garbage


class FrameError(ValueError):
    """Bytes that are not one well-formed frame (see `decode_frame`, `Frame.response`)."""


@dataclass(frozen=True)
class Command:
    cmd: int
    para: int
    data: bytes = b""


@dataclass(frozen=True)
class Response:
    sw3: int
    data: bytes = b""
    sw1: int = 0
    sw2: int = 0


@dataclass(frozen=True)
class Frame:
    """A frame whose checksum held; `payload` is what lies between LEN and the checksum."""

    payload: bytes

    def command(self) -> Command:
        return Command(self.payload[0], self.payload[1], self.payload[2:])

    def response(self) -> Response:
        """Read as an answer; raises FrameError when too short to hold SW1 SW2 SW3."""
        if len(self.payload) < 3:
            raise FrameError(f"answer of {len(self.payload)} bytes has no status")
        return Response(self.payload[2], self.payload[3:], self.payload[0], self.payload[1])


@dataclass(frozen=True)
class BadFrame:
    """A frame dropped for a bad checksum, reported in order among the decoded frames."""

    raw: bytes
    reason: str = "bad checksum"


def checksum(data: bytes | bytearray) -> int:
    """XOR of all bytes, folded as one big integer (about 20x faster than a byte loop)."""
    size = len(data)
    value = int.from_bytes(data, "little")
    while size > 1:
        half = (size + 1) // 2
        value = (value >> (half * 8)) ^ (value & ((1 << (half * 8)) - 1))
        size = half
    return value


def _frame(payload: bytes) -> bytes:
    body = (len(payload) + 1).to_bytes(2, "big") + payload
    return HEADER + body + bytes([checksum(body)])


def encode_command(cmd: int, para: int, data: bytes = b"") -> bytes:
    """A request frame, e.g. find card: `encode_command(0x20, 0x01)` = AA AA AA 96 69 00 03 20 01 22."""
    return _frame(bytes([cmd, para]) + data)


def encode_response(sw3: int, data: bytes = b"") -> bytes:
    """An answer frame with SW1 SW2 = 00 00 (what a reader sends; used by the simulator)."""
    return _frame(bytes([0, 0, sw3]) + data)


def decode_frame(raw: bytes) -> Frame:
    """Exactly one frame, nothing before or after it; raises FrameError otherwise."""
    if not raw.startswith(HEADER) or len(raw) < 7:
        raise FrameError("does not start with a frame header")
    length = int.from_bytes(raw[5:7], "big")
    if not MIN_LEN <= length <= MAX_LEN or len(raw) != 7 + length:
        raise FrameError(f"LEN {length} does not match {len(raw)} bytes")
    if checksum(raw[5:]) != 0:
        raise FrameError("bad checksum")
    return Frame(bytes(raw[7:-1]))


class FrameDecoder:
    """Cuts a byte stream into frames; never raises on any input.

    `feed()` returns, in stream order, each `Frame` completed so far and a `BadFrame` for each frame
    dropped for its checksum. Bytes before a header, and headers with an absurd LEN, are skipped as
    garbage (counted in `skipped`). After a bad checksum the hunt restarts one byte after the bad
    header, so a real frame that a truncated one swallowed is still found. A frame split across
    reads waits for its remaining bytes: call `reset()` before a new exchange to forget them.
    """

    def __init__(self) -> None:
        self._buf = bytearray()
        self._need = 0  # bytes a pending frame needs before it is worth looking again
        self.skipped = 0
        self.bad_frames = 0

    def reset(self) -> None:
        self._buf.clear()
        self._need = 0

    def feed(self, data: bytes) -> list[Frame | BadFrame]:
        self._buf += data
        if len(self._buf) < self._need:
            return []
        items: list[Frame | BadFrame] = []
        while (item := self._next()) is not None:
            items.append(item)
        return items

    def _next(self) -> Frame | BadFrame | None:
        buf = self._buf
        while True:
            start = buf.find(HEADER)
            if start < 0:
                self._skip(len(buf) - _partial_header(buf))
                return None
            self._skip(start)
            if len(buf) < 7:
                return None
            length = int.from_bytes(buf[5:7], "big")
            if MIN_LEN <= length <= MAX_LEN:
                break
            self._skip(1)
        end = 7 + length
        if len(buf) < end:
            self._need = end
            return None
        self._need = 0
        if checksum(buf[5:end]) != 0:
            bad = BadFrame(bytes(buf[:end]))
            self._skip(1)
            self.bad_frames += 1
            return bad
        frame = Frame(bytes(buf[7 : end - 1]))
        del buf[:end]
        return frame

    def _skip(self, count: int) -> None:
        if count > 0:
            del self._buf[:count]
            self.skipped += count


def _partial_header(buf: bytearray) -> int:
    """Length of the longest tail of buf that could be the start of a header."""
    for size in range(min(len(HEADER) - 1, len(buf)), 0, -1):
        if buf.endswith(HEADER[:size]):
            return size
    return 0
