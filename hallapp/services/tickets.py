"""Printing queue tickets: what goes on the paper, and printing it on the configured printer.

A printer out of paper never stops the queue: the ticket is issued first and the caller shows
the number on screen when printing fails.
"""

from __future__ import annotations

from datetime import datetime

from drivers.printer import PrinterStatus, TicketContent
from hallapp.config import TicketPrinterSettings
from hallapp.devices import open_ticket_printer
from hallapp.domain.queue import TicketView


def content_for(ticket: TicketView, hall_name: str, settings: TicketPrinterSettings) -> TicketContent:
    issued = ticket.issued_at.astimezone().strftime("%Y-%m-%d %H:%M")
    qr = settings.qr_template.format(number=ticket.number) if settings.qr_template else None
    return TicketContent(hall_name=hall_name, number=ticket.number, category_name=ticket.category_name,
                         people_ahead=ticket.people_ahead, issued_at=issued, qr_payload=qr,
                         green_channel=ticket.green_channel)


def print_ticket(ticket: TicketView, hall_name: str, settings: TicketPrinterSettings) -> PrinterStatus:
    """Blocking (network, USB): call it from a worker. Raises the driver's PrinterError."""
    with open_ticket_printer(settings) as printer:
        return printer.print_ticket(content_for(ticket, hall_name, settings))


def test_print(settings: TicketPrinterSettings, uri: str, width_mm: int) -> PrinterStatus:
    sample = TicketContent(hall_name="hallapp 测试打印 · 跨省通办窗口", number="A001", category_name="社保医保",
                           people_ahead=3, issued_at=datetime.now().strftime("%Y-%m-%d %H:%M"),
                           qr_payload="hallapp test print")
    with open_ticket_printer(settings, uri, width_mm) as printer:
        return printer.print_ticket(sample)
