"""Printing a queue ticket that services.queue has already issued: what goes on the paper, and printing
it on the configured printer (issuing, calling and finishing tickets is services.queue).

A printer out of paper never stops the queue: the ticket is issued first and the caller shows
the number on screen when printing fails.
"""

from __future__ import annotations

from hallapp.config import TicketPrinterSettings
from hallapp.devices.ports import TicketPrinter
from hallapp.devices.printing import PrinterStatus, TicketContent, open_ticket_printer
from hallapp.domain.clock import Clock, hall_clock
from hallapp.domain.queue import TicketView

TICKET_TIME = "%Y-%m-%d %H:%M"


def content_for(ticket: TicketView, hall_name: str, settings: TicketPrinterSettings,
                clock: Clock | None = None) -> TicketContent:
    """The ticket's paper; its time is the hall's (the driver prints the text it is given)."""
    issued = (clock or hall_clock()).format(ticket.issued_at, TICKET_TIME)
    qr = settings.qr_template.format(number=ticket.number) if settings.qr_template else None
    return TicketContent(hall_name=hall_name, number=ticket.number, category_name=ticket.category_name,
                         people_ahead=ticket.people_ahead, issued_at=issued, qr_payload=qr,
                         green_channel=ticket.green_channel)


def print_ticket(ticket: TicketView, hall_name: str, settings: TicketPrinterSettings,
                 clock: Clock | None = None, *, printer: TicketPrinter | None = None) -> PrinterStatus:
    """Blocking (network, USB): call it from a worker. Raises the driver's PrinterError.

    `printer` is the device manager's (`app.devices.ticket_printer()`): one printer and thread for
    every ticket. Without it a printer is opened for this one ticket (callers not yet passing one)."""
    content = content_for(ticket, hall_name, settings, clock)
    if printer is not None:
        return printer.print_ticket(content)
    with open_ticket_printer(settings) as own:
        return own.print_ticket(content)


def test_print(settings: TicketPrinterSettings, uri: str, width_mm: int) -> PrinterStatus:
    """A sample ticket on `uri` (the technician's explicit address, not the configured printer)."""
    sample = TicketContent(hall_name="hallapp 测试打印 · 跨省通办窗口", number="A001", category_name="社保医保",
                           people_ahead=3, issued_at=hall_clock().local_now().strftime(TICKET_TIME),
                           qr_payload="hallapp test print")
    with open_ticket_printer(settings, uri, width_mm) as printer:
        return printer.print_ticket(sample)
