"""`TicketPrinter`: one ticket printer, all its I/O on its own thread.

Each job opens the connection, asks the status where the transport can answer, sends the ticket
and closes again: network printers often take one client at a time, and a printer switched off
and on between two tickets needs no reconnect logic.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future
from datetime import datetime
from typing import cast

from drivers.io_thread import IoThread, IoThreadClosedError, runs_on_io_thread
from drivers.printer.backends import close_printer, open_printer, query_status, send
from drivers.printer.errors import PrinterNotReady
from drivers.printer.paper import paper_spec
from drivers.printer.status import PrinterStatus
from drivers.printer.text import check_encoding
from drivers.printer.ticket import CutMode, PaperWidth, TicketContent, render_ticket
from drivers.printer.uri import BIDIRECTIONAL, parse_printer_uri

log = logging.getLogger(__name__)

class TicketPrinter:
    """A queue-ticket printer at `uri` (see `drivers.printer.uri`). Safe to call from any thread;
    calls block until the printer has the ticket, or raise within about `timeout` seconds.

    Raises `PrinterUriError` here for a bad URI, ValueError for a bad width or encoding."""

    def __init__(
        self,
        uri: str,
        width_mm: int = 80,
        encoding: str = "GB18030",
        native_qr: bool = True,
        timeout: float = 5.0,
        *,
        status_timeout: float = 1.0,
        cut: CutMode = "partial",
    ) -> None:
        self.uri = parse_printer_uri(uri)
        self.width_mm = cast(PaperWidth, paper_spec(width_mm).width_mm)
        check_encoding(encoding)
        self.encoding = encoding
        self.native_qr, self.timeout, self.status_timeout, self.cut = native_qr, timeout, status_timeout, cut
        self.io_thread = IoThread("ticket-printer")  # started at the first job

    def __repr__(self) -> str:
        return f"TicketPrinter({str(self.uri)!r}, width_mm={self.width_mm}, encoding={self.encoding!r})"

    def __enter__(self) -> TicketPrinter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _closed_error(self) -> RuntimeError:
        return RuntimeError(f"{self!r} is closed")

    def print_ticket(self, content: TicketContent) -> PrinterStatus:
        """Print one ticket and return the status seen before printing (unknown on write-only
        transports). Raises `PrinterNotReady` (paper out, cover open, error: nothing was sent)
        or `PrinterUnavailable`. Either way the ticket stays valid: show it on screen."""
        data = render_ticket(content, self.width_mm, self.encoding, self.native_qr, self.cut)
        return self._print_bytes(data)

    def submit_ticket(self, content: TicketContent) -> Future[PrinterStatus]:
        """`print_ticket` without waiting: the future holds the status or the exception."""
        data = render_ticket(content, self.width_mm, self.encoding, self.native_qr, self.cut)
        try:
            return self.io_thread.submit(self._print_bytes, data)
        except IoThreadClosedError:
            raise self._closed_error() from None

    def test_print(self, width_mm: int | None = None, *, issued_at: str = "") -> PrinterStatus:
        """Print a sample ticket at `width_mm` (default: the configured width). Its two rulers fill
        exactly one line each: if they wrap or end short, the paper width setting is wrong.
        `issued_at` is the time to print, as the hall's clock shows it (the caller knows the hall's zone)."""
        width = cast(PaperWidth, paper_spec(width_mm or self.width_mm).width_mm)
        data = render_ticket(sample_ticket(width, self, issued_at), width, self.encoding, self.native_qr, self.cut)
        return self._print_bytes(data)

    @runs_on_io_thread
    def status(self) -> PrinterStatus:
        """The printer's status; `PrinterUnavailable` if unreachable. Unknown, without any I/O,
        on write-only transports (file://, win://): opening a file to ask would truncate it."""
        if not isinstance(self.uri, BIDIRECTIONAL):
            return PrinterStatus.unknown()
        printer = open_printer(self.uri, self.width_mm, self.timeout)
        try:
            return query_status(printer, str(self.uri), self.status_timeout)
        finally:
            close_printer(printer, linger=min(self.timeout, 2.0))

    @runs_on_io_thread
    def _print_bytes(self, data: bytes) -> PrinterStatus:
        target = str(self.uri)
        printer = open_printer(self.uri, self.width_mm, self.timeout)
        try:
            status = PrinterStatus.unknown()
            if isinstance(self.uri, BIDIRECTIONAL):
                status = query_status(printer, target, self.status_timeout)
            if status.blocks_printing:
                log.warning("ticket not sent to %s: %s", target, status.message)
                raise PrinterNotReady(status)
            send(printer, data, target)
        finally:
            close_printer(printer, linger=min(self.timeout, 2.0))
        log.info("ticket sent to %s (%d bytes, status %s)", target, len(data), "unknown" if status.ok is None else status.ok)
        return status

    def close(self) -> None:
        """Wait for queued jobs, then stop the printer's thread; later calls raise RuntimeError."""
        self.io_thread.close()


def sample_ticket(width_mm: int, printer: TicketPrinter, issued_at: str = "") -> TicketContent:
    """The test-print ticket: the settings, and two rulers exactly one line wide. Without `issued_at`
    it shows this PC's own clock."""
    columns = paper_spec(width_mm).columns
    digits = "".join(str(i % 10) for i in range(1, columns + 1))
    hanzi = ("一二三四五六七八九十" * 5)[: columns // 2]
    qr = "native" if printer.native_qr else "image"
    return TicketContent(
        hall_name="号票打印机测试页",
        number="A001",
        category_name="测试打印",
        people_ahead=0,
        issued_at=issued_at or datetime.now().strftime("%Y-%m-%d %H:%M"),
        qr_payload="https://example.invalid/hallapp/test-print",
        extra_lines=[str(printer.uri), f"{width_mm} mm  {printer.encoding}  QR {qr}", digits, hanzi],
    )
