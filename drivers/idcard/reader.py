"""`SamReader`: a SAM card reader on a serial port, all its I/O on its own thread; `detect_port`.

Errors: `SamError` (status.py) when the SAM answers a status other than the one expected;
`ReaderError` subclasses when the reader cannot be talked to. `CardDataError` (layouts.py) when
a card's text block has a layout this driver does not know.
"""

from __future__ import annotations

import logging
import time

import serial
from serial.tools import list_ports

from drivers.errors import DeviceError, register
from drivers.idcard.frames import BadFrame, Frame, FrameDecoder, FrameError, Response, encode_command
from drivers.idcard.layouts import CardRead, parse_read_answer
from drivers.idcard.poller import CardPoller
from drivers.idcard.status import CARD_FOUND, FIND_FAILED, OK, SamError
from drivers.io_thread import IoThread, runs_on_io_thread

try:
    import termios  # pyserial lets termios.error through from tcflush on a vanished device (pty, USB)

    PORT_ERRORS: tuple[type[Exception], ...] = (serial.SerialException, OSError, termios.error)
except ImportError:  # Windows
    PORT_ERRORS = (serial.SerialException, OSError)

_OPEN_ERRORS: tuple[type[Exception], ...] = (*PORT_ERRORS, ValueError)  # ValueError: a baud rate or port name the driver refuses

__all__ = [
    "CardPoller", "CorruptAnswerError", "ReaderError", "ReaderNotConnected", "ReaderTimeout", "SamReader",
    "detect_port", "format_sam_id",
]

log = logging.getLogger(__name__)

RESET, STATUS, SAM_ID = (0x10, 0xFF), (0x11, 0xFF), (0x12, 0xFF)
FIND, SELECT = (0x20, 0x01), (0x20, 0x02)
READ, READ_FINGERPRINT = (0x30, 0x01), (0x30, 0x10)
PROBE_BAUDS = (115200, 9600)
_SLICE = 0.05  # serial read timeout: how often a wait for an answer checks its deadline


MESSAGES = register({
    "card.reader_not_connected": "The ID card reader on {port} is not connected: check its USB cable, "
                                 "or set the reader's port (devices.idcard_port).",
    "card.reader_not_found": "No ID card reader answered on any serial port: check that it is plugged in, "
                             "or set its port (devices.idcard_port).",
    "card.reader_timeout": "The ID card reader on {port} did not answer within {seconds} s: unplug it, plug it in "
                           "again and read the card again.",
    "card.frame_bad_checksum": "The reader's answer arrived damaged (bad checksum): place the ID card on the "
                               "reader again; if it keeps happening, check the reader's cable.",
    "card.frame_incomplete": "The reader's answer was incomplete: place the ID card on the reader again.",
})


class ReaderError(DeviceError):
    """The reader could not be talked to."""


class ReaderNotConnected(ReaderError):  # noqa: N818  (name fixed by the driver API)
    """The port cannot be opened (or was closed); without a port: no reader found on any port."""

    def __init__(self, port: str | None = None) -> None:
        self.port = port or ""
        if port:
            super().__init__("card.reader_not_connected", port=port)
        else:
            super().__init__("card.reader_not_found")


class ReaderTimeout(ReaderError):  # noqa: N818  (name fixed by the driver API)
    """No complete answer within the reader's timeout."""

    code = "card.reader_timeout"


class CorruptAnswerError(ReaderError):
    """An answer arrived damaged (bad checksum, no status): line noise or a loose cable."""


class SamReader:
    """One SAM reader. Safe to call from any thread; each call blocks until the reader answers
    or `timeout` seconds pass. The port is opened at construction and reopened after a failure
    (unplugged and plugged back in)."""

    def __init__(self, port: str, baud: int = 115200, timeout: float = 3.0) -> None:
        self.port, self.baud, self.timeout = port, baud, timeout
        self._serial: serial.Serial | None = None
        self._decoder = FrameDecoder()
        self.io_thread = IoThread("idcard-reader")  # serial I/O of one reader never runs on two threads
        try:
            self._open()
        except ReaderError:
            self.io_thread.close(wait=False)
            raise

    def __repr__(self) -> str:
        return f"SamReader({self.port!r}, baud={self.baud})"

    def __enter__(self) -> SamReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _closed_error(self) -> ReaderError:
        return ReaderNotConnected(self.port)

    @runs_on_io_thread
    def _open(self) -> serial.Serial:
        if self._serial is None:
            try:
                self._serial = serial.Serial(self.port, self.baud, timeout=_SLICE, write_timeout=self.timeout)
            except _OPEN_ERRORS as exc:
                raise ReaderNotConnected(self.port) from exc
        return self._serial

    @runs_on_io_thread
    def _drop_port(self) -> None:
        if self._serial is not None:
            try:
                self._serial.close()
            except PORT_ERRORS:
                log.debug("closing %s failed", self.port, exc_info=True)
            self._serial = None

    def close(self) -> None:
        """Close the port and stop the reader's thread; later calls raise ReaderNotConnected."""
        try:
            self._drop_port()
        except ReaderError:
            return  # already closed
        self.io_thread.close()

    @runs_on_io_thread
    def reset(self) -> None:
        """Reset the SAM (`10 FF`)."""
        self._expect(RESET, OK)

    @runs_on_io_thread
    def sam_status(self) -> None:
        """Check the SAM (`11 FF`); raises SamError unless it reports OK."""
        self._expect(STATUS, OK)

    @runs_on_io_thread
    def sam_id(self) -> str:
        """The SAM's 16-byte id (`12 FF`), formatted by `format_sam_id`."""
        return format_sam_id(self._expect(SAM_ID, OK).data)

    @runs_on_io_thread
    def find_card(self) -> bool:
        """True when a card lies in the field and has not been read since it was placed."""
        answer = self._exchange(FIND)
        if answer.sw3 in (CARD_FOUND, FIND_FAILED):
            return answer.sw3 == CARD_FOUND
        raise SamError(answer.sw3)

    @runs_on_io_thread
    def select_card(self) -> None:
        self._expect(SELECT, OK)

    @runs_on_io_thread
    def read(self) -> CardRead:
        """Text and photo (`30 01`) of the selected card."""
        return self._read(READ)

    @runs_on_io_thread
    def read_with_fingerprint(self) -> CardRead:
        """Text, photo and fingerprint (`30 10`) of the selected card."""
        return self._read(READ_FINGERPRINT)

    @runs_on_io_thread
    def read_card(self) -> CardRead:
        """Find, select and read (text and photo) in one go; SamError 0x80 when no card is there."""
        if not self.find_card():
            raise SamError(FIND_FAILED)
        self.select_card()
        return self.read()

    def _read(self, command: tuple[int, int]) -> CardRead:
        card = parse_read_answer(self._expect(command, OK).data)
        log.info("card read on %s: %s", self.port, card.text.masked)
        return card

    def _expect(self, command: tuple[int, int], status: int) -> Response:
        answer = self._exchange(command)
        if answer.sw3 != status:
            raise SamError(answer.sw3)
        return answer

    def _exchange(self, command: tuple[int, int]) -> Response:
        port = self._open()
        self._decoder.reset()
        try:
            port.reset_input_buffer()  # a late answer to an earlier command is not this one's
            port.write(encode_command(*command))
            answer = self._await_answer(port, command)
        except serial.SerialTimeoutException:
            raise self._timeout_error(command) from None
        except PORT_ERRORS as exc:
            self._drop_port()
            raise ReaderNotConnected(self.port) from exc
        log.debug("%s %02X %02X -> %02X (%d bytes)", self.port, *command, answer.sw3, len(answer.data))
        return answer

    def _await_answer(self, port: serial.Serial, command: tuple[int, int]) -> Response:
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            for item in self._decoder.feed(port.read(max(1, port.in_waiting))):
                if isinstance(item, BadFrame):
                    raise CorruptAnswerError("card.frame_bad_checksum")
                try:
                    return item.response()
                except FrameError:
                    raise CorruptAnswerError("card.frame_incomplete") from None
        raise self._timeout_error(command)

    def _timeout_error(self, command: tuple[int, int]) -> ReaderTimeout:
        return ReaderTimeout(port=self.port, seconds=f"{self.timeout:g}", command=f"{command[0]:02X} {command[1]:02X}")


def format_sam_id(raw: bytes) -> str:
    """The SAM id as vendor tools show it: `05.01-20101111-012345678-123456789`.

    Bytes 0 and 2 as two digits, then three little-endian unsigned 32-bit numbers (bytes 4..8 as is,
    8..12 and 12..16 padded to 9 digits), as HslCommunication's SAMSerial renders it. Some vendors'
    tools pad differently; anything but 16 bytes is shown as upper-case hex.
    """
    if len(raw) != 16:
        return raw.hex().upper()
    a, b, c = (int.from_bytes(raw[i : i + 4], "little") for i in (4, 8, 12))
    return f"{raw[0]:02d}.{raw[2]:02d}-{a}-{b:09d}-{c:09d}"


def detect_port(candidates: list[str] | None = None, timeout: float = 0.3) -> tuple[str, int] | None:
    """The first (port, baud) where a SAM answers a status request with a valid frame.

    Tries every serial port of the system when candidates is None, each at 115200 then 9600 baud.
    Probing writes 10 bytes to each port tried."""
    ports = [p.device for p in list_ports.comports()] if candidates is None else candidates
    for port in ports:
        for baud in PROBE_BAUDS:
            answered = _probe(port, baud, timeout)
            if answered is None:
                break  # cannot be opened: no other baud will help
            if answered:
                return port, baud
    return None


def _probe(port: str, baud: int, timeout: float) -> bool | None:
    """True if a SAM answers on port at baud, False if not, None if the port cannot be opened."""
    try:
        link = serial.Serial(port, baud, timeout=_SLICE, write_timeout=timeout)
    except _OPEN_ERRORS:
        return None
    try:
        link.reset_input_buffer()
        link.write(encode_command(*STATUS))
        return _answers(link, timeout)
    except PORT_ERRORS:
        return False
    finally:
        link.close()


def _answers(link: serial.Serial, timeout: float) -> bool:
    decoder = FrameDecoder()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for item in decoder.feed(link.read(max(1, link.in_waiting))):
            if isinstance(item, Frame) and len(item.payload) >= 3:
                return True
    return False
