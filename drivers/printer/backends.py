"""python-escpos printer objects for printer URIs, sending bytes, and the status query.

`open_printer` connects at once and raises `PrinterUnavailable` when the printer cannot be reached,
its code saying why for this transport (refused, no answer, USB device or serial port missing...).
`query_status` sends `DLE EOT 1..4` where the transport can read back
(TCP, serial, USB); a printer that does not answer within the status timeout has an unknown
status, which is not an error.
"""

from __future__ import annotations

import errno
import logging
import os
import socket
import sys
import time
from typing import Any, Protocol

from escpos.escpos import Escpos
from escpos.exceptions import Error as EscposError
from escpos.printer import File, Network, Serial, Usb

from drivers.printer.errors import PrinterUnavailable
from drivers.printer.paper import escpos_profile
from drivers.printer.status import DLE_EOT, QUERIES, PrinterStatus, decode_status, is_status_byte
from drivers.printer.uri import FileUri, PrinterUri, SerialUri, TcpUri, UsbUri, WinSpoolUri, parse_printer_uri
from drivers.printer.winspool import RawSpoolPrinter, spooler_errors

log = logging.getLogger(__name__)

OPEN_ERRORS = (EscposError, OSError, RuntimeError, ValueError, ImportError, *spooler_errors())
IO_ERRORS = (EscposError, OSError, *spooler_errors())


class _Network(Network):
    """python-escpos's Network printer, connecting with `socket.create_connection`: IPv6 and
    host names work, and a failed connect closes its socket (escpos 3.1 leaves it open)."""

    def open(self, raise_not_found: bool = True) -> None:
        if self._device:
            self.close()
        self.device = socket.create_connection((self.host, self.port), timeout=self.timeout)


def _spooler(name: str, profile: Any) -> Escpos:
    try:
        from escpos.printer import Win32Raw
    except ImportError:
        return RawSpoolPrinter(name, profile=profile)
    return Win32Raw(name, profile=profile) if Win32Raw.is_usable() else RawSpoolPrinter(name, profile=profile)


def _create(uri: PrinterUri, width_mm: int, timeout: float) -> Escpos:
    profile = escpos_profile(width_mm)
    if isinstance(uri, TcpUri):
        return _Network(uri.host, uri.port, timeout=timeout, profile=profile)
    if isinstance(uri, UsbUri):
        if not Usb.is_usable():
            raise ImportError("pyusb is not installed")
        endpoints = {k: v for k, v in (("in_ep", uri.in_ep), ("out_ep", uri.out_ep)) if v is not None}
        return Usb(uri.vendor_id, uri.product_id, timeout=int(timeout * 1000), profile=profile, **endpoints)
    if isinstance(uri, SerialUri):
        return Serial(uri.device, uri.baudrate, timeout=timeout, dsrdtr=uri.flow == "dsrdtr",
                      xonxoff=uri.flow == "xonxoff", profile=profile)
    if isinstance(uri, FileUri):
        return File(uri.path, profile=profile)
    if isinstance(uri, WinSpoolUri):
        return _spooler(uri.printer_name, profile)
    raise TypeError(f"not a printer URI: {uri!r}")


def _causes(exc: BaseException) -> list[BaseException]:
    """The exception and what it was raised from or during (escpos wraps the OS error)."""
    chain: list[BaseException] = []
    while exc is not None and exc not in chain and len(chain) < 5:
        chain.append(exc)
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return chain


def _errno(exc: BaseException) -> int | None:
    for cause in _causes(exc):
        number = getattr(cause, "errno", None)
        if isinstance(number, int):
            return number
    return None


def _tcp_code(exc: BaseException) -> str:
    causes = _causes(exc)
    if any(isinstance(c, ConnectionRefusedError) for c in causes):
        return "printer.connection_refused"
    if any(isinstance(c, socket.gaierror) for c in causes):
        return "printer.host_unknown"
    return "printer.no_answer"  # timeout, no route to host, network down


def _usb_code(exc: BaseException) -> str:
    if isinstance(exc, ImportError):
        return "printer.usb_support_missing"
    number = _errno(exc)
    text = " ".join(str(c) for c in _causes(exc)).lower()
    if number in (errno.EACCES, errno.EPERM) or "access denied" in text:
        return "printer.usb_access_denied"
    return "printer.usb_not_found"


def _serial_code(uri: SerialUri, exc: BaseException) -> str:
    number = _errno(exc)
    if number == errno.ENOENT or (number is None and uri.device.startswith("/") and not os.path.exists(uri.device)):
        return "printer.serial_port_missing"
    return "printer.serial_port_unusable"


def unavailable_code(uri: PrinterUri, exc: BaseException) -> str:
    """Why a printer could not be opened, as an error code: distinct per transport and cause."""
    if isinstance(uri, TcpUri):
        return _tcp_code(exc)
    if isinstance(uri, UsbUri):
        return _usb_code(exc)
    if isinstance(uri, SerialUri):
        return _serial_code(uri, exc)
    if isinstance(uri, FileUri):
        return "printer.file_unwritable"
    if isinstance(uri, WinSpoolUri):
        return "printer.spooler_failed"
    return "printer.unreachable"


def open_printer(uri: PrinterUri | str, width_mm: int = 80, timeout: float = 5.0) -> Escpos:
    """A connected python-escpos printer; `PrinterUnavailable` when it cannot be reached."""
    if isinstance(uri, str):
        uri = parse_printer_uri(uri)
    try:
        printer = _create(uri, width_mm, timeout)
        printer.open()
    except OPEN_ERRORS as exc:
        port = {"port": uri.device} if isinstance(uri, SerialUri) else {}
        raise PrinterUnavailable(str(uri), f"{type(exc).__name__}: {exc}", code=unavailable_code(uri, exc),
                                 **port) from exc
    if isinstance(uri, SerialUri):
        printer.device.write_timeout = timeout
        printer.device.rtscts = uri.flow == "rtscts"
    return printer


def send(printer: Escpos, data: bytes, target: str) -> None:
    """Write bytes to the printer; a broken connection or a write timeout is `PrinterUnavailable`."""
    try:
        printer._raw(data)
    except IO_ERRORS as exc:
        raise PrinterUnavailable(target, f"write failed: {type(exc).__name__}: {exc}", code="printer.write_failed") from exc


def _finish_socket(sock: Any, linger: float) -> None:
    """Half-close and wait for the printer to close its side: closing a socket with unread input
    resets the connection on Linux, which could drop the end of the ticket still in the buffer."""
    sock.shutdown(socket.SHUT_WR)
    sock.settimeout(linger)
    deadline = time.monotonic() + linger
    while time.monotonic() < deadline and sock.recv(256):
        pass


def close_printer(printer: Escpos, linger: float = 2.0) -> None:
    """Close the connection; on TCP first wait up to `linger` s for the printer to take everything."""
    try:
        if isinstance(printer, Network) and printer._device:
            _finish_socket(printer._device, linger)
    except OSError:
        log.debug("graceful close of the printer socket failed", exc_info=True)
    try:
        printer.close()
    except IO_ERRORS:
        log.debug("closing the printer failed", exc_info=True)


class _Reader(Protocol):
    def drain(self) -> None: ...

    def read(self, timeout: float) -> bytes: ...


class _SocketReader:
    def __init__(self, sock: Any) -> None:
        self.sock = sock

    def drain(self) -> None:
        timeout = self.sock.gettimeout()
        self.sock.setblocking(False)
        try:
            for _ in range(64):
                if not self.sock.recv(256):
                    break
        except OSError:
            pass  # nothing pending
        finally:
            self.sock.settimeout(timeout)

    def read(self, timeout: float) -> bytes:
        previous = self.sock.gettimeout()
        self.sock.settimeout(timeout)
        try:
            return self.sock.recv(16)
        except TimeoutError:
            return b""
        finally:
            self.sock.settimeout(previous)


class _SerialReader:
    def __init__(self, port: Any) -> None:
        self.port = port

    def drain(self) -> None:
        self.port.reset_input_buffer()

    def read(self, timeout: float) -> bytes:
        previous = self.port.timeout
        self.port.timeout = timeout
        try:
            return self.port.read(1)
        finally:
            self.port.timeout = previous


class _UsbReader:
    def __init__(self, printer: Any) -> None:
        self.device, self.in_ep = printer.device, printer.in_ep

    def drain(self) -> None:
        self.read(0.01)

    def read(self, timeout: float) -> bytes:
        import usb.core  # pyusb is optional: only a Usb printer gets here

        try:
            return bytes(self.device.read(self.in_ep, 16, max(1, int(timeout * 1000))))
        except usb.core.USBError:  # includes USBTimeoutError
            return b""


def _reader(printer: Escpos) -> _Reader | None:
    if isinstance(printer, Network):
        return _SocketReader(printer.device)
    if isinstance(printer, Serial):
        return _SerialReader(printer.device)
    if isinstance(printer, Usb) and "usb" in sys.modules:
        return _UsbReader(printer)
    return None


def _answer(reader: _Reader, timeout: float) -> int | None:
    """The status byte that answers a query, skipping anything else the printer sends (such as
    automatic status back, whose bytes never match the answer pattern); None after `timeout`."""
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        chunk = reader.read(left)
        if not chunk:
            return None
        valid = [byte for byte in chunk if is_status_byte(byte)]
        if valid:
            return valid[-1]
    return None


def query_status(printer: Escpos, target: str, timeout: float = 1.0) -> PrinterStatus:
    """Ask `DLE EOT 1..4`; unknown when the transport is write-only or n=1 gets no answer."""
    reader = _reader(printer)
    if reader is None:
        return PrinterStatus.unknown()
    answers: dict[int, int] = {}
    for query in QUERIES:
        try:
            reader.drain()
            send(printer, DLE_EOT + bytes([query]), target)
            answer = _answer(reader, timeout)
        except OSError as exc:
            raise PrinterUnavailable(target, f"status query failed: {exc}", code="printer.write_failed") from exc
        if answer is not None:
            answers[query] = answer
        elif query == 1:
            log.info("printer %s did not answer the status query within %.1f s", target, timeout)
            break
    return decode_status(answers)
