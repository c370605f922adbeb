"""A virtual social security card (社会保障卡) for vsmartcard's vpcd reader driver.

The card connects to vpcd's TCP port and speaks its framing: 2-byte big-endian
length + payload. A 1-byte payload is a control (0 power off, 1 power on,
2 reset, 4 send ATR: answered with the framed ATR); anything else is a command
APDU, answered with a framed response APDU. Closing the connection is a card
removal.

It behaves like a T=0 card: SELECT answers ``61 xx`` (FCI waiting for GET
RESPONSE), READ RECORD with a wrong Le answers ``6C xx``. Records are
tag-length-value (tag = record number); the name is GBK, dates and codes are
BCD ("cn"), other text is ASCII. Independent of ``drivers``: it models the
card, not what the driver expects.

In a test::

    with VirtualSscCard(port=daemon.vpcd_port):
        ...  # the card is in the reader

From a shell::

    python -m tests.support.vpcd_card --port 35963 --name 张三
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import signal
import socket
import struct
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Self

log = logging.getLogger(__name__)

DEFAULT_PORT = 35963
SSC_AID = b"sx1.sh." + "社会保障".encode("gbk")
# Made-up but well-formed T=0 ATR: TS 3B, T0 6C (TB1, TC1, 12 historical bytes).
SSC_ATR = bytes.fromhex("3B6C0000") + b"HALLAPP-SSC3"
# The PC/SC part 3 ATR of a contactless MIFARE Classic 1K: no social security application.
UNKNOWN_ATR = bytes.fromhex("3B8F8001804F0CA000000306030001000000006A")

# Where each data element lives: (SFI, record number). The common layout.
STANDARD_RECORDS: dict[str, tuple[int, int]] = {
    "card_identifier": (5, 0x01),
    "card_type": (5, 0x02),
    "version": (5, 0x03),
    "card_number": (5, 0x07),
    "social_security_number": (6, 0x08),
    "name": (6, 0x09),
    "sex_code": (6, 0x0A),
    "nation_code": (6, 0x0B),
    "birthplace": (6, 0x0C),
    "birth_date": (6, 0x0D),
}

SW_OK = b"\x90\x00"
SW_WRONG_LENGTH = b"\x67\x00"
SW_NOT_ALLOWED = b"\x69\x85"
SW_FILE_NOT_FOUND = b"\x6a\x82"
SW_RECORD_NOT_FOUND = b"\x6a\x83"
SW_WRONG_P1P2 = b"\x6a\x86"
SW_INS_NOT_SUPPORTED = b"\x6d\x00"
SW_CLA_NOT_SUPPORTED = b"\x6e\x00"


@dataclass
class CardHolder:
    """Synthetic holder data (the ID number is the GB 11643 specimen)."""

    name: str = "张三"
    social_security_number: str = "11010519491231002X"
    card_number: str = "A01234567"
    sex_code: str = "1"
    nation_code: str = "01"
    birthplace: str = "110105"
    birth_date: str = "19491231"
    card_identifier: bytes = bytes.fromhex("110000D1560000050123456789ABCDEF")
    card_type: str = "3"
    version: str = "3.00"


def _bcd(digits: str) -> bytes:
    if len(digits) % 2:
        digits += "F"  # cn format: pad with F on the right
    return bytes.fromhex(digits)


def encode_elements(holder: CardHolder) -> dict[str, bytes]:
    """The raw value of each data element as the card stores it."""
    return {
        "card_identifier": holder.card_identifier,
        "card_type": holder.card_type.encode("ascii"),
        "version": holder.version.encode("ascii"),
        "card_number": holder.card_number.encode("ascii"),
        "social_security_number": holder.social_security_number.encode("ascii"),
        "name": holder.name.encode("gbk").ljust(30, b"\x00"),  # an..30, zero padded
        "sex_code": holder.sex_code.encode("ascii"),
        "nation_code": _bcd(holder.nation_code),
        "birthplace": _bcd(holder.birthplace),
        "birth_date": _bcd(holder.birth_date),
    }


def build_records(holder: CardHolder, layout: Mapping[str, tuple[int, int]] = STANDARD_RECORDS) -> dict[tuple[int, int], bytes]:
    """Records keyed by (SFI, record number); each is tag (= record number), length, value."""
    records: dict[tuple[int, int], bytes] = {}
    for name, value in encode_elements(holder).items():
        if name not in layout:
            continue  # element absent on this card
        sfi, number = layout[name]
        records[(sfi, number)] = bytes([number, len(value)]) + value
    return records


class VirtualSscCard:
    """A social security card plugged into a vpcd reader, served from a thread (or ``run()``)."""

    def __init__(
        self,
        holder: CardHolder | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = DEFAULT_PORT,
        layout: Mapping[str, tuple[int, int]] = STANDARD_RECORDS,
        records: Mapping[tuple[int, int], bytes] | None = None,
        unknown: bool = False,
        atr: bytes | None = None,
        get_response_chunk: int | None = None,
        reconnect: bool = False,
    ) -> None:
        """``unknown``: refuse the SELECT (not a social security card). ``records``: replaces the
        built records. ``get_response_chunk``: READ RECORD data comes through ``61 xx`` + GET
        RESPONSE in pieces of at most this many bytes. ``reconnect``: after vpcd goes away
        (pcscd restart), keep trying to connect again until stopped."""
        self.holder = holder or CardHolder()
        self.host = host
        self.port = port
        self.unknown = unknown
        self.atr = atr if atr is not None else (UNKNOWN_ATR if unknown else SSC_ATR)
        self.records = dict(records) if records is not None else build_records(self.holder, layout)
        self.get_response_chunk = get_response_chunk
        self.reconnect = reconnect
        self.commands: list[bytes] = []  # every APDU received, for assertions
        self.connected = threading.Event()
        self._selected = False
        self._pending = b""  # data waiting for GET RESPONSE
        self._stop = threading.Event()
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    # -- APDU processing (pure, no I/O) --------------------------------------------------------

    def reset(self) -> None:
        self._selected = False
        self._pending = b""

    def respond(self, apdu: bytes) -> bytes:
        """Response APDU (data + SW1 SW2) to one command APDU."""
        self.commands.append(apdu)
        if len(apdu) < 4:
            return SW_WRONG_LENGTH
        cla, ins, p1, p2 = apdu[:4]
        if cla != 0x00:
            return SW_CLA_NOT_SUPPORTED
        if ins == 0xC0:
            return self._get_response(apdu)
        self._pending = b""
        if ins == 0xA4:
            return self._select(p1, apdu[5 : 5 + apdu[4]] if len(apdu) > 5 else b"")
        if ins == 0xB2 and not self.unknown:
            return self._read_record(p1, p2, apdu[4] if len(apdu) == 5 else None)
        return SW_INS_NOT_SUPPORTED

    def _select(self, p1: int, data: bytes) -> bytes:
        if self.unknown or p1 != 0x04 or data != SSC_AID:
            self._selected = False
            return SW_FILE_NOT_FOUND
        self._selected = True
        fci = bytes([0x6F, len(SSC_AID) + 2, 0x84, len(SSC_AID)]) + SSC_AID
        self._pending = fci
        return bytes([0x61, len(fci)])

    def _read_record(self, number: int, p2: int, le: int | None) -> bytes:
        if not self._selected:
            return SW_NOT_ALLOWED
        if p2 & 0x07 != 0x04:
            return SW_WRONG_P1P2
        sfi = p2 >> 3
        if not any(key[0] == sfi for key in self.records):
            return SW_FILE_NOT_FOUND
        record = self.records.get((sfi, number))
        if record is None:
            return SW_RECORD_NOT_FOUND
        if self.get_response_chunk:
            self._pending = record
            return bytes([0x61, self._waiting()])
        if le is None or (le or 256) != len(record):
            return bytes([0x6C, len(record) & 0xFF])  # T=0: resend with the right Le
        return record + SW_OK

    def _waiting(self) -> int:
        # Bytes announced by the next "61 xx".
        return min(len(self._pending), self.get_response_chunk or 0xFF, 0xFF)

    def _get_response(self, apdu: bytes) -> bytes:
        if not self._pending:
            return SW_NOT_ALLOWED
        le = (apdu[4] if len(apdu) == 5 else 0) or 256
        if le > self._waiting():
            return bytes([0x6C, self._waiting()])
        chunk, self._pending = self._pending[:le], self._pending[le:]
        if self._pending:
            return chunk + bytes([0x61, self._waiting()])
        return chunk + SW_OK

    # -- vpcd connection -----------------------------------------------------------------------

    def _connect(self) -> socket.socket | None:
        while not self._stop.is_set():
            try:
                sock = socket.create_connection((self.host, self.port), timeout=1.0)
            except OSError:
                time.sleep(0.05)
                continue
            sock.settimeout(None)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            return sock
        return None

    @staticmethod
    def _recv_exact(sock: socket.socket, size: int) -> bytes | None:
        data = b""
        while len(data) < size:
            try:
                # vpcd writes length and payload separately: without quick ACKs, Nagle on its
                # side and delayed ACK on ours cost 40 ms per APDU. Linux resets it: set each time.
                if hasattr(socket, "TCP_QUICKACK"):
                    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
                chunk = sock.recv(size - len(data))
            except OSError:
                return None
            if not chunk:
                return None
            data += chunk
        return data

    def _serve(self, sock: socket.socket) -> None:
        while not self._stop.is_set():
            header = self._recv_exact(sock, 2)
            if header is None:
                return
            (length,) = struct.unpack(">H", header)
            payload = self._recv_exact(sock, length)
            if payload is None:
                return
            if length == 1:
                control = payload[0]
                if control in (0, 1, 2):  # power off / on / reset: no answer
                    self.reset()
                    continue
                if control == 4:
                    answer = self.atr
                else:
                    continue
            else:
                answer = self.respond(payload)
            try:
                sock.sendall(struct.pack(">H", len(answer)) + answer)
            except OSError:
                return

    def run(self) -> None:
        """Serve until stopped (or until vpcd disconnects, unless ``reconnect``)."""
        while not self._stop.is_set():
            sock = self._connect()
            if sock is None:
                return
            with self._lock:
                self._sock = sock
            self.connected.set()
            self.reset()
            try:
                self._serve(sock)
            finally:
                self.connected.clear()
                with self._lock:
                    self._sock = None
                sock.close()
            if not self.reconnect:
                return

    def start(self, timeout: float = 5.0) -> Self:
        """Insert the card: serve from a thread; returns once connected to vpcd."""
        self._stop.clear()
        self._thread = threading.Thread(target=self.run, name="vpcd-card", daemon=True)
        self._thread.start()
        if not self.connected.wait(timeout):
            self.stop()
            raise TimeoutError(f"vpcd is not listening on {self.host}:{self.port}")
        return self

    def stop(self) -> None:
        """Remove the card: close the connection and end the thread."""
        self._stop.set()
        with self._lock:
            sock = self._sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        if self._thread is not None:
            self._thread.join(5.0)
            self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    defaults = CardHolder()
    parser = argparse.ArgumentParser(description="Virtual social security card for vpcd")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--name", default=defaults.name)
    parser.add_argument("--ssn", default=defaults.social_security_number)
    parser.add_argument("--card-number", default=defaults.card_number)
    parser.add_argument("--birth-date", default=defaults.birth_date)
    parser.add_argument("--sex", default=defaults.sex_code)
    parser.add_argument("--nation", default=defaults.nation_code)
    parser.add_argument("--birthplace", default=defaults.birthplace)
    parser.add_argument("--unknown", action="store_true", help="refuse SELECT: not a social security card")
    parser.add_argument("--reconnect", action="store_true", help="reconnect after vpcd goes away")
    args = parser.parse_args(argv)
    holder = CardHolder(
        name=args.name,
        social_security_number=args.ssn,
        card_number=args.card_number,
        birth_date=args.birth_date,
        sex_code=args.sex,
        nation_code=args.nation,
        birthplace=args.birthplace,
    )
    card = VirtualSscCard(holder, host=args.host, port=args.port, unknown=args.unknown, reconnect=args.reconnect)
    signal.signal(signal.SIGTERM, lambda *_: card.stop())
    try:
        card.run()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
