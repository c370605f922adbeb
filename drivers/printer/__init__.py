"""Thermal queue-ticket printers speaking ESC/POS, through python-escpos.

Modules: `uri` (printer URIs: tcp://, usb://, serial://, file://, win://), `backends` (python-escpos
printer objects, sending, the `DLE EOT` status query), `status` (`PrinterStatus` and its state
codes), `paper` (58/80 mm specs and escpos profiles), `text` (display width, wrapping, Chinese
mode `FS &` ... `FS .`), `qr`, `ticket` (`TicketContent`, `render_ticket`), `printer`
(`TicketPrinter`), `winspool` (raw Windows spooler fallback).

Threading: all I/O of one `TicketPrinter` runs on that printer's own thread; its methods may be
called from any thread. Nothing here imports hallapp, ui or Qt; logs carry no ticket content.
"""

from drivers.printer.backends import open_printer, query_status
from drivers.printer.errors import PrinterError, PrinterNotReady, PrinterUnavailable, PrinterUriError
from drivers.printer.paper import PaperSpec, paper_spec
from drivers.printer.printer import TicketPrinter
from drivers.printer.status import PrinterStatus
from drivers.printer.text import display_width, wrap
from drivers.printer.ticket import TicketContent, render_ticket
from drivers.printer.uri import FileUri, PrinterUri, SerialUri, TcpUri, UsbUri, WinSpoolUri, parse_printer_uri

__all__ = [
    "FileUri",
    "PaperSpec",
    "PrinterError",
    "PrinterNotReady",
    "PrinterStatus",
    "PrinterUnavailable",
    "PrinterUri",
    "PrinterUriError",
    "SerialUri",
    "TcpUri",
    "TicketContent",
    "TicketPrinter",
    "UsbUri",
    "WinSpoolUri",
    "display_width",
    "open_printer",
    "paper_spec",
    "parse_printer_uri",
    "query_status",
    "render_ticket",
    "wrap",
]
