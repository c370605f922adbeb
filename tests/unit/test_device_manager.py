"""The one device manager: built once with the app, simulators in demo mode (the real SAM protocol on
a pty, the sample pages), one printer and one thread for every ticket (a TCP printer on loopback),
and connect/disconnect events a listener hears when the simulated reader comes and goes."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from hallapp.bootstrap import AppContext, open_app
from hallapp.config import DeviceSettings, Settings, TicketPrinterSettings
from hallapp.devices import DeviceEvent, Devices
from hallapp.devices.adapters import SaneScannerDevice
from hallapp.domain.queue import TicketView
from hallapp.services import identity, scanning, ticket_printing
from tests.support.escpos_parse import lines, parse
from tests.support.tcp_capture import TcpCapture

WAIT_S = 5.0


@pytest.fixture
def demo_devices() -> Iterator[Devices]:
    devices = Devices(Settings(), demo=True)
    yield devices
    devices.close()


def _events(devices: Devices) -> queue.SimpleQueue[DeviceEvent]:
    heard: queue.SimpleQueue[DeviceEvent] = queue.SimpleQueue()
    devices.add_listener(heard.put)
    return heard


def _ticket(number: str) -> TicketView:
    return TicketView(id=1, number=number, category="A", category_name="社保医保", state="waiting", green_channel=False,
                      appointment=False, counter_number=None, issued_at=datetime(2026, 12, 8, 1, 30, tzinfo=UTC),
                      called_at=None, recalls=0, people_ahead=2)


def test_the_app_has_one_manager_built_from_its_settings(home: Path) -> None:
    app = open_app(demo=True, migrate=False)
    try:
        assert isinstance(app.devices, Devices)
        assert app.devices.settings is app.settings and app.devices.demo
        assert app.devices.state("card-reader") == ""  # built, nothing opened yet
    finally:
        app.close()


def test_a_context_built_by_hand_gets_its_manager_too() -> None:
    ctx = AppContext(home=None, settings=Settings(), db=None, demo=False)  # type: ignore[arg-type]
    assert ctx.devices.settings is ctx.settings and not ctx.devices.demo


def test_demo_reads_the_sample_card_from_the_simulated_reader(demo_devices: Devices) -> None:
    assert demo_devices.idcard_mode() == "simulator"
    handle = demo_devices.id_reader()
    assert handle.simulator is not None and handle.port == handle.simulator.port  # a real pty
    assert demo_devices.id_reader() is handle  # opened once, kept
    handle.present_next_sample_card()
    person = identity.wait_and_read(handle.reader, WAIT_S)
    assert len(person.id_number) == 18 and person.name


def test_demo_scans_the_sample_pages_and_a_real_hall_uses_sane() -> None:
    demo = Devices(Settings(), demo=True)
    material = scanning.capture(demo.scanner())
    assert material.pages == 2 and material.pdf.startswith(b"%PDF")
    real = Devices(Settings(), demo=False)
    assert isinstance(real.scanner(), SaneScannerDevice)
    assert real.idcard_mode() == "auto"
    demo.close()
    real.close()


def test_a_configured_reader_port_is_used_even_in_demo() -> None:
    devices = Devices(Settings(devices=DeviceSettings(idcard_port="/dev/ttyUSB7")), demo=True)
    assert devices.idcard_mode() == "/dev/ttyUSB7"


def test_two_tickets_go_through_one_printer_and_one_thread() -> None:
    with TcpCapture() as capture:
        settings = Settings(ticket_printer=TicketPrinterSettings(uri=capture.uri))
        devices = Devices(settings)
        first = devices.ticket_printer()
        ticket_printing.print_ticket(_ticket("A001"), "测试大厅", settings.ticket_printer, printer=devices.ticket_printer())
        thread = first.io_thread.ident
        ticket_printing.print_ticket(_ticket("A002"), "测试大厅", settings.ticket_printer, printer=devices.ticket_printer())
        assert devices.ticket_printer() is first and first.io_thread.ident == thread
        assert [t.name for t in threading.enumerate()].count("ticket-printer") == 1
        printed = [" ".join(line.text for line in lines(parse(c.data, "GB18030"))) for c in capture.wait_connections(2)]
        assert "A001" in printed[0] and "A002" in printed[1]
        devices.close()
    assert first.io_thread.closed


def test_changed_printer_settings_give_a_new_printer() -> None:
    settings = Settings(ticket_printer=TicketPrinterSettings(uri="tcp://127.0.0.1:9"))
    devices = Devices(settings)
    old = devices.ticket_printer()
    settings.ticket_printer = settings.ticket_printer.model_copy(update={"uri": "tcp://127.0.0.1:10"})
    assert devices.ticket_printer() is not old and old.io_thread.closed
    devices.close()


def test_a_listener_hears_the_simulated_reader_connect_and_disconnect(demo_devices: Devices) -> None:
    heard = _events(demo_devices)
    handle = demo_devices.id_reader()
    connected = heard.get(timeout=WAIT_S)
    assert (connected.role, connected.kind, connected.address) == ("card-reader", "connected", handle.port)
    errors: queue.SimpleQueue[Exception] = queue.SimpleQueue()
    watch = demo_devices.watch_cards(lambda card: None, errors.put, interval=0.02)
    assert handle.simulator is not None
    handle.simulator.stop()  # unplugged
    gone = heard.get(timeout=WAIT_S)
    assert (gone.kind, gone.state) == ("disconnected", "disconnected") and gone.error is not None
    assert "not connected" in str(errors.get(timeout=WAIT_S))
    assert watch.running  # polling goes on: the reader may come back
    assert heard.empty()  # one event per change, not one per failed poll


def test_cards_placed_on_the_reader_are_handed_over_on_the_readers_thread(demo_devices: Devices) -> None:
    handle = demo_devices.id_reader()
    cards: queue.SimpleQueue[tuple[str, str]] = queue.SimpleQueue()
    demo_devices.watch_cards(lambda card: cards.put((threading.current_thread().name, card.text.masked)),
                             lambda exc: None, interval=0.02)
    handle.present_next_sample_card()
    thread, masked = cards.get(timeout=WAIT_S)
    assert thread == "idcard-reader" and masked


def test_closing_the_reader_is_heard_and_the_next_use_opens_it_again(demo_devices: Devices) -> None:
    first = demo_devices.id_reader()
    heard = _events(demo_devices)
    demo_devices.close_id_reader()
    assert heard.get(timeout=WAIT_S).kind == "disconnected"
    again = demo_devices.id_reader()
    assert again is not first and heard.get(timeout=WAIT_S).kind == "connected"


def test_a_failing_listener_does_not_silence_the_others(demo_devices: Devices) -> None:
    def broken(event: DeviceEvent) -> None:
        raise RuntimeError("listener bug")

    demo_devices.add_listener(broken)
    heard = _events(demo_devices)
    demo_devices.id_reader()
    assert heard.get(timeout=WAIT_S).kind == "connected"


def test_a_removed_listener_hears_nothing_more(demo_devices: Devices) -> None:
    heard: list[DeviceEvent] = []
    stop = demo_devices.add_listener(heard.append)
    stop()
    demo_devices.id_reader()
    assert heard == []

