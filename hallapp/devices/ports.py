"""Ports: what services and the window need of each device, as small Protocols.

The drivers' classes (SamReader, TicketPrinter, SaneScanner, PcscService) satisfy them directly or
through the adapters in `hallapp.devices.adapters`; tests pass fakes. Services import these names
from here, never from drivers/. Driver types appear in signatures only under TYPE_CHECKING, so
importing this module loads no printer or scanner library.

Threading: a port's methods block (device I/O) and may be called from any thread: each device runs
its I/O on its own `drivers.io_thread.IoThread`. Listeners are called on the thread where the
change was seen (a device's I/O thread, or the caller's): the window brings them to its own.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

from drivers.errors import DeviceError, register
from drivers.idcard.layouts import CardRead, decode_raw_file

if TYPE_CHECKING:
    from PIL import Image

    from drivers.idcard.pcsc import SocialSecurityCard
    from drivers.printer import PrinterStatus, TicketContent

__all__ = [
    "CardRead", "CardWatch", "DeviceError", "DeviceEvent", "DeviceNotConfiguredError", "EventKind", "IdCardReader",
    "Listener", "PhotoDecoder", "Scanner", "SocialSecurityReader", "TicketPrinter", "decode_raw_file", "register",
]

register({
    "device.reader_not_configured": "No ID card reader is set up (devices.idcard_port = none): ask the technician "
                                    "to set the reader's port.",
    "device.printer_not_configured": "No ticket printer is set up: ask the technician to set its address "
                                     "(hallapp config set ticket_printer.uri tcp://IP:9100).",
})


class DeviceNotConfiguredError(DeviceError, RuntimeError):
    """A device role has no device; the code says which, the message what to set."""


EventKind = Literal["connected", "disconnected", "state"]


@dataclass(frozen=True)
class DeviceEvent:
    """Something changed on a device role (roles as in `hallapp.devices.roles.ROLES`).

    `state` is the role's state after the change ("connected", "disconnected", "reading", ...);
    `address` the port or URI (never personal data); `error` what caused a disconnect, if known."""

    role: str
    kind: EventKind
    state: str
    address: str = ""
    error: BaseException | None = None


Listener = Callable[[DeviceEvent], None]


class IdCardReader(Protocol):
    """A resident ID card reader (SamReader)."""

    port: str
    timeout: float

    def find_card(self) -> bool: ...
    def select_card(self) -> None: ...
    def read(self) -> CardRead: ...
    def close(self) -> None: ...


class CardWatch(Protocol):
    """Automatic reading: each card placed on the reader is handed over once."""

    @property
    def running(self) -> bool: ...
    def stop(self) -> None: ...


class PhotoDecoder(Protocol):
    """The card vendor's WLT photo library."""

    def decode(self, wlt: bytes) -> bytes: ...


class TicketPrinter(Protocol):
    """A queue-ticket printer; the same object (and thread) serves every ticket."""

    def print_ticket(self, content: TicketContent) -> PrinterStatus: ...
    def status(self) -> PrinterStatus: ...


class Scanner(Protocol):
    """Something that hands over the pages of one material: SANE, or the demo's sample pages."""

    def scan_pages(self, progress: Callable[[int], None] | None = None,
                   cancel: threading.Event | None = None) -> list[Image.Image]: ...


class SocialSecurityReader(Protocol):
    """A PC/SC reader for social security cards."""

    def read_card(self, reader: str | None, timeout: float) -> SocialSecurityCard: ...
