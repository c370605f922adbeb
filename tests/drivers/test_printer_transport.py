"""Reaching the printer: URIs, TCP to a loopback server that answers (or not) the status query,
a serial printer on a pseudo-terminal, file://, failures with the clerk's message, threads."""

from __future__ import annotations

import os
import re
import sys
import threading
import time
import tty
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from drivers.printer import (
    FileUri,
    PrinterNotReady,
    PrinterUnavailable,
    PrinterUriError,
    SerialUri,
    TcpUri,
    TicketContent,
    TicketPrinter,
    UsbUri,
    WinSpoolUri,
    parse_printer_uri,
    render_ticket,
)
from tests.support.escpos_parse import lines, parse
from tests.support.tcp_capture import (
    SILENT,
    STATUS_COVER_OPEN,
    STATUS_NEAR_END,
    STATUS_OK,
    STATUS_PAPER_OUT,
    TcpCapture,
    free_port,
)

CONTENT = TicketContent("某某县政务服务中心", "B007", "不动产登记", 0, "2026-11-26 14:30", qr_payload="https://example.invalid/q/B007")
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
QUERY = b"".join(b"\x10\x04" + bytes([n]) for n in (1, 2, 3, 4))

VALID = [
    ("tcp://192.168.1.50:9100", TcpUri("192.168.1.50", 9100)),
    ("tcp://printer.local", TcpUri("printer.local", 9100)),
    ("TCP://10.0.0.7:4000/", TcpUri("10.0.0.7", 4000)),
    ("tcp://[fe80::1]:9100", TcpUri("fe80::1", 9100)),
    ("usb://0416:5011", UsbUri(0x0416, 0x5011)),
    ("usb://0x0483:5720?in_ep=0x81&out_ep=03", UsbUri(0x0483, 0x5720, 0x81, 0x03)),
    ("serial:///dev/ttyUSB0?baud=9600", SerialUri("/dev/ttyUSB0", 9600)),
    ("serial:///dev/ttyS1", SerialUri("/dev/ttyS1", 9600)),
    ("serial://COM3?baud=115200&flow=rtscts", SerialUri("COM3", 115200, "rtscts")),
    ("file:///dev/usb/lp0", FileUri("/dev/usb/lp0")),
    ("file:///tmp/ticket%20copy.bin", FileUri("/tmp/ticket copy.bin")),
]
INVALID = [
    ("192.168.1.50:9100", "printer.uri_no_scheme"),
    ("", "printer.uri_no_scheme"),
    ("lpt://1", "printer.uri_unknown_scheme"),
    ("tcp://", "printer.uri_no_host"),
    ("tcp://host:99999", "printer.uri_bad_port"),
    ("tcp://host:0", "printer.uri_bad_port"),
    ("tcp://host:abc", "printer.uri_bad_port"),
    ("tcp://host:9100/queue", "printer.uri_network_path"),
    ("tcp://host?timeout=3", "printer.uri_unknown_option"),
    ("usb://0416", "printer.uri_usb_form"),
    ("usb://0416:50x1", "printer.uri_bad_hex"),
    ("usb://12345:5011", "printer.uri_bad_hex"),
    ("usb://0416:5011?in_ep=0x181", "printer.uri_bad_hex"),
    ("serial://", "printer.uri_no_serial_port"),
    ("serial:///dev/ttyUSB0?baud=9601", "printer.uri_bad_baud"),
    ("serial:///dev/ttyUSB0?baud=fast", "printer.uri_bad_baud"),
    ("serial:///dev/ttyUSB0?flow=magic", "printer.uri_bad_flow"),
    ("serial:///dev/ttyUSB0?parity=E", "printer.uri_unknown_option"),
    ("file://relative/path", "printer.uri_file_form"),
    ("file:///tmp/", "printer.uri_file_form"),
    ("win://", "printer.uri_no_windows_name"),
]


@pytest.mark.parametrize(("uri", "expected"), VALID)
def test_valid_uris_parse(uri: str, expected: object) -> None:
    assert parse_printer_uri(uri) == expected


@pytest.mark.parametrize(("uri", "code"), INVALID)
def test_bad_uris_say_what_is_wrong(uri: str, code: str) -> None:
    with pytest.raises(PrinterUriError) as caught:
        parse_printer_uri(uri)
    assert caught.value.code == code
    assert caught.value.params["uri"] == uri and uri in str(caught.value)
    assert not CJK.search(str(caught.value))  # English for the log and the command line


def test_a_uri_without_a_type_shows_good_examples_and_a_bad_id_names_which() -> None:
    with pytest.raises(PrinterUriError) as caught:
        parse_printer_uri("192.168.1.50:9100")
    assert "tcp://192.168.1.50:9100" in str(caught.value)
    with pytest.raises(PrinterUriError) as caught:
        parse_printer_uri("usb://0416:50x1")
    assert caught.value.params["what"] == "product ID"


def test_windows_spooler_uri_only_on_windows() -> None:
    assert parse_printer_uri("win://POS-80C Receipt", platform="win32") == WinSpoolUri("POS-80C Receipt")
    assert parse_printer_uri("win://XP%2058IIH", platform="win32") == WinSpoolUri("XP 58IIH")
    with pytest.raises(PrinterUriError, match="only exists on Windows"):
        parse_printer_uri("win://POS-80C Receipt", platform="linux")
    if sys.platform != "win32":
        with pytest.raises(PrinterUriError, match="Windows"):
            TicketPrinter("win://POS-80C")


def test_uris_print_back_in_the_form_they_were_written() -> None:
    for uri in ("tcp://192.168.1.50:9100", "usb://0416:5011", "serial:///dev/ttyUSB0?baud=9600", "file:///dev/usb/lp0"):
        assert str(parse_printer_uri(uri)) == uri


def test_ok_printer_reports_ok_and_prints() -> None:
    with TcpCapture(STATUS_OK) as server, TicketPrinter(server.uri, status_timeout=0.5) as printer:
        status = printer.print_ticket(CONTENT)
        data = server.received()
    assert status.ok is True and status.code == "printer.ok" and status.message == "The ticket printer is ready."
    assert data.startswith(QUERY + b"\x1b@")


@pytest.mark.parametrize(
    ("answers", "code", "flag"),
    [
        (STATUS_PAPER_OUT, "printer.out_of_paper", "paper_out"),
        ({**STATUS_OK, 4: 0x72}, "printer.out_of_paper", "paper_out"),  # only the roll sensor says so
        ({**STATUS_OK, 1: 0x1E, 2: 0x32}, "printer.out_of_paper", "paper_out"),  # only the offline cause
        (STATUS_COVER_OPEN, "printer.cover_open", "cover_open"),
        ({**STATUS_OK, 1: 0x1E, 3: 0x1A}, "printer.mechanical_error", "error"),  # autocutter error
        ({**STATUS_OK, 1: 0x1E, 2: 0x52}, "printer.mechanical_error", "error"),  # "an error occurred", cause not given
    ],
)
def test_paper_out_cover_open_or_error_stop_the_ticket(answers: dict[int, int], code: str, flag: str) -> None:
    with TcpCapture(answers) as server, TicketPrinter(server.uri, status_timeout=0.5) as printer:
        with pytest.raises(PrinterNotReady) as caught:
            printer.print_ticket(CONTENT)
        data = server.received()
    assert caught.value.code == code and caught.value.status.code == code
    assert str(caught.value) == caught.value.status.message and not CJK.search(str(caught.value))
    assert getattr(caught.value.status, flag) and caught.value.status.ok is False
    assert data == QUERY, "nothing but the status query may reach a printer that cannot print"


def test_paper_near_end_prints_and_warns() -> None:
    with TcpCapture(STATUS_NEAR_END) as server, TicketPrinter(server.uri, status_timeout=0.5) as printer:
        status = printer.print_ticket(CONTENT)
        data = server.received()
    assert status.ok is True and status.paper_near_end and not status.paper_out
    assert status.code == "printer.paper_near_end" and "nearly used up" in status.message
    assert b"\x1dV" in data


def test_status_follows_the_printer_between_two_tickets() -> None:
    with TcpCapture(STATUS_PAPER_OUT) as server, TicketPrinter(server.uri, status_timeout=0.5) as printer:
        assert printer.status().paper_out
        server.status = STATUS_OK
        assert printer.status().ok is True
        printer.print_ticket(CONTENT)


def test_a_silent_printer_has_unknown_status_but_still_prints() -> None:
    with TcpCapture(SILENT) as server, TicketPrinter(server.uri, status_timeout=0.3) as printer:
        started = time.monotonic()
        status = printer.print_ticket(CONTENT)
        elapsed = time.monotonic() - started
        data = server.received()
    assert status.ok is None and not status.known
    assert status.code == "printer.status_unknown" and "did not report its state" in status.message
    assert elapsed < 2.0
    assert "过号请重新取号" in [line.text for line in lines(parse(data))]


def test_an_answer_too_late_leaves_the_status_unknown_and_the_ticket_whole() -> None:
    """The late status byte is still unread when the ticket is sent: closing the socket must not
    reset the connection and drop the end of the ticket."""
    with TcpCapture(STATUS_PAPER_OUT, answer_delay=0.4) as server, TicketPrinter(server.uri, status_timeout=0.2) as printer:
        status = printer.print_ticket(CONTENT)
        data = server.received()
    assert status.ok is None
    assert data == b"\x10\x04\x01" + render_ticket(CONTENT)


def test_a_slow_chatty_printer_still_gets_the_whole_ticket() -> None:
    """A printer that sends status bytes on its own (ASB) while reading slowly: closing a socket
    with unread input resets the connection and would drop the end of the ticket still queued."""
    with TcpCapture(slow=True, chatter=b"\x14\x00\x00\x0f") as server:
        with TicketPrinter(server.uri, status_timeout=0.5, native_qr=False) as printer:
            printer.print_ticket(CONTENT)
        data = server.received(timeout=10)
    assert not server.connections[0].reset
    assert data.removeprefix(QUERY) == render_ticket(CONTENT, native_qr=False)


def test_nothing_listening_is_unavailable_quickly_with_the_clerks_message() -> None:
    port = free_port()
    with TicketPrinter(f"tcp://127.0.0.1:{port}", timeout=2.0) as printer:
        started = time.monotonic()
        with pytest.raises(PrinterUnavailable) as caught:
            printer.print_ticket(CONTENT)
        assert time.monotonic() - started < 2.0 + 1
        with pytest.raises(PrinterUnavailable):
            printer.status()
    assert caught.value.code == "printer.connection_refused"
    assert f"tcp://127.0.0.1:{port} refused the connection" in str(caught.value)
    assert caught.value.reason and caught.value.params == {"target": f"tcp://127.0.0.1:{port}"}


def test_an_unroutable_host_gives_up_within_the_timeout() -> None:
    """192.0.2.0/24 (TEST-NET-1) is never routed: the connect either fails at once or times out."""
    with TicketPrinter("tcp://192.0.2.1:9100", timeout=0.5) as printer:
        started = time.monotonic()
        with pytest.raises(PrinterUnavailable):
            printer.print_ticket(CONTENT)
        assert time.monotonic() - started < 0.5 + 1


def test_file_backend_writes_the_same_bytes_the_network_printer_gets(tmp_path: Path) -> None:
    target = tmp_path / "lp0"
    with TicketPrinter(f"file://{target}") as printer:
        status = printer.print_ticket(CONTENT)
    with TcpCapture() as server, TicketPrinter(server.uri, status_timeout=0.5) as printer:
        printer.print_ticket(CONTENT)
        network = server.received()
    assert status.ok is None
    assert target.read_bytes() == render_ticket(CONTENT) == network.removeprefix(QUERY)


def test_status_of_a_write_only_printer_is_unknown_and_leaves_its_output_alone(tmp_path: Path) -> None:
    target = tmp_path / "lp0"
    with TicketPrinter(f"file://{target}") as printer:
        printer.print_ticket(CONTENT)
        assert printer.status().ok is None
    assert target.read_bytes() == render_ticket(CONTENT)


def test_file_backend_in_a_missing_folder_is_unavailable(tmp_path: Path) -> None:
    with TicketPrinter(f"file://{tmp_path}/no/such/dir/lp0") as printer, pytest.raises(PrinterUnavailable) as caught:
        printer.print_ticket(CONTENT)
    assert caught.value.code == "printer.file_unwritable"


def test_usb_without_pyusb_or_device_is_unavailable() -> None:
    with TicketPrinter("usb://0416:5011", timeout=1.0) as printer, pytest.raises(PrinterUnavailable) as caught:
        printer.print_ticket(CONTENT)
    assert "usb://0416:5011" in str(caught.value)
    assert caught.value.code in ("printer.usb_support_missing", "printer.usb_not_found", "printer.usb_access_denied")


def test_a_missing_serial_port_and_an_unknown_host_are_told_apart_from_a_refused_connection(tmp_path: Path) -> None:
    """Issue #12: every failure said "check power and network cable/USB", whatever the transport."""
    port = str(tmp_path / "ttyUSB7")
    with TicketPrinter(f"serial://{port}", timeout=1.0) as printer, pytest.raises(PrinterUnavailable) as caught:
        printer.print_ticket(CONTENT)
    assert caught.value.code == "printer.serial_port_missing" and caught.value.params["port"] == port
    with TicketPrinter("tcp://no-such-printer.invalid:9100", timeout=1.0) as printer, pytest.raises(PrinterUnavailable) as caught:
        printer.print_ticket(CONTENT)
    assert caught.value.code == "printer.host_unknown"


@pytest.fixture
def serial_printer() -> Iterator[tuple[str, dict[int, int], bytearray]]:
    """A serial printer on a pty: answers DLE EOT from `answers`, records the rest."""
    master, slave = os.openpty()
    tty.setraw(master)
    tty.setraw(slave)
    answers: dict[int, int] = dict(STATUS_OK)
    received = bytearray()
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                chunk = os.read(master, 4096)
            except OSError:
                return
            received.extend(chunk)
            for n in (1, 2, 3, 4):
                if chunk.endswith(b"\x10\x04" + bytes([n])):
                    os.write(master, bytes([answers[n]]))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield os.ttyname(slave), answers, received
    stop.set()
    os.close(slave)
    os.close(master)
    thread.join(timeout=2)


def test_serial_printer_reports_status_and_prints(serial_printer: tuple[str, dict[int, int], bytearray]) -> None:
    device, answers, received = serial_printer
    with TicketPrinter(f"serial://{device}?baud=115200", status_timeout=0.5) as printer:
        assert printer.print_ticket(CONTENT).ok is True
        deadline = time.monotonic() + 3
        while not received.endswith(render_ticket(CONTENT)) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert bytes(received) == QUERY + render_ticket(CONTENT)
        answers.update(STATUS_PAPER_OUT)
        with pytest.raises(PrinterNotReady, match="out of paper"):
            printer.print_ticket(CONTENT)


def test_tickets_from_many_threads_arrive_whole_one_per_connection() -> None:
    numbers = [f"A{i:03d}" for i in range(1, 9)]
    with TcpCapture() as server, TicketPrinter(server.uri, status_timeout=0.5) as printer:
        threads = [threading.Thread(target=printer.print_ticket, args=(replace(CONTENT, number=n),)) for n in numbers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=10)
        received = [server.received(i) for i in range(len(numbers))]
    printed = []
    for data in received:
        number = next(line.text for line in lines(parse(data)) if line.text in numbers)
        assert data == QUERY + render_ticket(replace(CONTENT, number=number)), "ticket cut short or mixed with another"
        printed.append(number)
    assert sorted(printed) == numbers


def test_submit_ticket_returns_at_once_and_the_future_holds_the_status() -> None:
    with TcpCapture(STATUS_PAPER_OUT) as server, TicketPrinter(server.uri, status_timeout=0.5) as printer:
        future = printer.submit_ticket(CONTENT)
        with pytest.raises(PrinterNotReady):
            future.result(timeout=5)


def test_all_io_runs_on_the_printers_own_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    import drivers.printer.printer as module

    seen: list[str] = []
    original = module.open_printer

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(threading.current_thread().name)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "open_printer", spy)
    with TcpCapture() as server, TicketPrinter(server.uri, status_timeout=0.5) as printer:
        printer.print_ticket(CONTENT)
        printer.status()
    assert len(seen) == 2 and all(name.startswith("ticket-printer") for name in seen)


def test_a_closed_printer_refuses_work() -> None:
    printer = TicketPrinter("tcp://127.0.0.1:9")
    printer.close()
    with pytest.raises(RuntimeError, match="closed"):
        printer.print_ticket(CONTENT)


@pytest.mark.parametrize(("width_mm", "columns"), [(58, 32), (80, 48)])
def test_test_print_rulers_fill_exactly_one_line(width_mm: int, columns: int) -> None:
    with TcpCapture() as server, TicketPrinter(server.uri, width_mm=80, status_timeout=0.5) as printer:
        printer.test_print(width_mm)
        texts = [line for line in lines(parse(server.received()))]
    rulers = [line for line in texts if line.text.startswith(("123456789", "一二三"))]
    assert [line.columns for line in rulers] == [columns, columns]
    assert any(f"{width_mm} mm" in line.text for line in texts)


def test_bad_settings_are_refused_before_any_io() -> None:
    with pytest.raises(ValueError, match="58 or 80"):
        TicketPrinter("tcp://127.0.0.1:9", width_mm=76)
    with pytest.raises(ValueError, match="encoding"):
        TicketPrinter("tcp://127.0.0.1:9", encoding="klingon")
    with pytest.raises(PrinterUriError):
        TicketPrinter("tcp://")
