"""Ticket printers: the builder the device manager uses, and the printer value types services need
(importing this loads python-escpos: only printing code imports it)."""

from __future__ import annotations

from drivers.printer import PrinterStatus, TicketContent, TicketPrinter
from hallapp.config import TicketPrinterSettings
from hallapp.devices.ports import DeviceNotConfiguredError

__all__ = ["PrinterStatus", "TicketContent", "TicketPrinter", "open_ticket_printer"]


def open_ticket_printer(settings: TicketPrinterSettings, uri: str | None = None, width_mm: int | None = None) -> TicketPrinter:
    """A ticket printer from settings (or an explicit URI, as `hallapp ticket test-print` gives).
    Builds no thread until the first ticket. Raises DeviceNotConfiguredError without an address."""
    target = uri or settings.uri
    if not target:
        raise DeviceNotConfiguredError("device.printer_not_configured")
    return TicketPrinter(target, width_mm=width_mm or settings.width_mm, encoding=settings.encoding,
                         native_qr=settings.native_qr)
