"""`hallapp devices list|detect|test` as a technician runs them, against real protocols: the SAM
reader simulator on a pty, an ESC/POS printer on loopback answering DLE EOT, SANE's test backend,
and the platform simulator with a skewed clock or a hall key it never saw."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from drivers.idcard.sample import load_cards
from drivers.idcard.simulator import ReaderSimulator
from hallapp import cli
from hallapp.devices.roles import ROLES
from tests.support import sane_test
from tests.support.demo_home import install_demo_database
from tests.support.requirements import need
from tests.support.tcp_capture import STATUS_COVER_OPEN, STATUS_OK, STATUS_PAPER_OUT, TcpCapture, free_port

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the reader simulator needs a POSIX pty")


def devices(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any]:
    """Run `hallapp devices ...`; the exit code and the JSON it printed (or its one text line)."""
    capsys.readouterr()
    code = cli.main(["devices", *argv])
    out = capsys.readouterr().out.strip()
    return code, json.loads(out) if "--json" in argv else out


@pytest.fixture
def reader() -> Iterator[ReaderSimulator]:
    with ReaderSimulator(load_cards()) as sim:
        yield sim


def test_list_names_every_role_and_what_the_settings_say(home: Path, capsys) -> None:
    assert cli.main(["config", "set", "ticket_printer.uri", "tcp://192.0.2.7:9100"]) == 0
    code, rows = devices(capsys, "list", "--json")
    by_role = {row["role"]: row for row in rows}
    assert code == 0 and list(by_role) == list(ROLES)
    assert by_role["ticket-printer"] == {"role": "ticket-printer", "driver": "escpos",
                                         "address": "tcp://192.0.2.7:9100", "state": "configured"}
    assert by_role["platform"]["state"] == "not_configured"


def test_demo_lists_the_simulated_reader(home: Path, capsys) -> None:
    capsys.readouterr()
    assert cli.main(["--demo", "devices", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"role": "card-reader", "driver": "sam-serial", "address": "simulator", "state": "simulated"} in rows


def test_reader_with_a_card_is_read(home: Path, reader: ReaderSimulator, capsys) -> None:
    reader.place(0)
    code, result = devices(capsys, "test", "card-reader", "--port", reader.port, "--json")
    assert code == 0 and result["ok"] is True and result["cause"] == "ok"
    assert result["details"]["card_read"] is True and result["details"]["baud"] == 115200
    assert reader.reads == 1


def test_reader_without_a_card_says_place_one(home: Path, reader: ReaderSimulator, capsys) -> None:
    code, line = devices(capsys, "test", "card-reader", "--port", reader.port)
    assert code == 1 and line.startswith("card-reader: card_absent") and "place a card" in line


def test_missing_reader_port_is_port_absent(home: Path, capsys) -> None:
    code, result = devices(capsys, "test", "card-reader", "--port", "/dev/ttyUSB-missing", "--json")
    assert (code, result["cause"]) == (1, "port_absent")


def test_reader_held_by_another_program_is_port_busy(home: Path, reader: ReaderSimulator, capsys) -> None:
    import serial

    with serial.Serial(reader.port, 115200, exclusive=True):
        code, result = devices(capsys, "test", "card-reader", "--port", reader.port, "--json")
    assert (code, result["cause"]) == (1, "port_busy") and "close the other program" in result["message"]


def test_results_are_kept_in_the_home_readable_only_by_its_user(home: Path, reader: ReaderSimulator, capsys) -> None:
    from hallapp.devices.selftest import last_results
    from hallapp.home import Home

    reader.place(1)
    devices(capsys, "test", "card-reader", "--port", reader.port, "--json")
    stored = home / "device_tests.json"
    assert stored.stat().st_mode & 0o777 == 0o600
    assert last_results(Home(home))["card-reader"].ok is True
    text = stored.read_text(encoding="utf-8")
    card = load_cards()[1]
    assert card["id_number"] not in text and card["name"] not in text


@pytest.mark.parametrize(("status", "code", "cause"), [
    (STATUS_OK, 0, "ok"), (STATUS_PAPER_OUT, 1, "paper_out"), (STATUS_COVER_OPEN, 1, "cover_open"),
])
def test_network_printer_status_decides(home: Path, capsys, status: dict[int, int], code: int, cause: str) -> None:
    with TcpCapture(status=status) as printer:
        exit_code, result = devices(capsys, "test", "ticket-printer", "--printer", printer.uri, "--json")
        printed = printer.received()
    assert (exit_code, result["cause"]) == (code, cause)
    slip_sent = b"\x1dV" in printed  # the test slip ends with a cut
    assert slip_sent is (cause == "ok")


def test_closed_printer_port_is_connection_refused(home: Path, capsys) -> None:
    code, line = devices(capsys, "test", "ticket-printer", "--printer", f"tcp://127.0.0.1:{free_port()}")
    assert code == 1 and line.startswith("ticket-printer: connection_refused")


def test_scanner_preview_has_a_png_thumbnail(home: Path, capsys) -> None:
    need(sane_test.backend_available(), "SANE test backend (libsane1 + python-sane)")
    sane_test.process_env()
    code, result = devices(capsys, "test", "scanner", "--port", sane_test.TEST_DEVICE, "--json")
    assert code == 0 and result["cause"] == "ok"
    import base64

    png = base64.b64decode(result["details"]["thumbnail_png"])
    assert png.startswith(b"\x89PNG\r\n\x1a\n")


def test_missing_scanner_is_named(home: Path, capsys) -> None:
    need(sane_test.backend_available(), "SANE test backend (libsane1 + python-sane)")
    sane_test.process_env()
    code, result = devices(capsys, "test", "scanner", "--port", "test:99", "--json")
    assert code == 1 and result["cause"] in ("port_absent", "device_error")


# --- the platform ---------------------------------------------------------------------------------


@pytest.fixture
def registered_home(home: Path, _demo_template: Path, tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A home with a hall, registered at a platform simulator whose data stays in the returned folder."""
    from hallapp.bootstrap import open_app
    from hallapp.simulator import server as simulator
    from tests.sync.helpers import register

    home.mkdir(parents=True, exist_ok=True)
    install_demo_database(_demo_template, home)
    data = tmp_path / "platform"
    app = open_app()
    with simulator.serve(0, data_dir=data) as sim:
        register(app, sim.url)
    app.close()
    yield home, data


def _ping(capsys, data: Path, **sim_options: Any) -> tuple[int, dict[str, Any]]:
    from hallapp.simulator import server as simulator

    with simulator.serve(0, data_dir=data, **sim_options) as sim:
        assert cli.main(["config", "set", "platform.url", sim.url]) == 0
        return devices(capsys, "test", "platform", "--json")


def test_platform_ping_reports_round_trip_and_clock_offset(registered_home, capsys) -> None:
    code, result = _ping(capsys, registered_home[1], clock_skew_s=42)
    assert code == 0 and result["cause"] == "ok", result["details"]
    assert result["details"]["rtt_ms"] >= 0 and abs(result["details"]["clock_offset_s"] - 42) <= 2


def test_platform_clock_beyond_300_s_is_clock_skew(registered_home, capsys) -> None:
    code, result = _ping(capsys, registered_home[1], clock_skew_s=900)
    assert (code, result["cause"]) == (1, "clock_skew"), result["details"]
    assert abs(result["details"]["clock_offset_s"] - 900) <= 2


def test_a_hall_key_the_platform_never_saw_is_unknown_key(registered_home, capsys) -> None:
    from hallapp.sync import crypto

    keys = registered_home[0] / "keys"
    (keys / crypto.PRIVATE_FILE).unlink()
    crypto.load_or_create_key(keys)
    code, result = _ping(capsys, registered_home[1])
    assert (code, result["cause"]) == (1, "unknown_key") and "platform register" in result["message"]


def test_detect_lists_a_reader_found_by_its_answer(home: Path, reader: ReaderSimulator, capsys,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from drivers.probe import serial_sam

    monkeypatch.setattr(serial_sam, "serial_ports", lambda: [serial_sam.SerialPortInfo(reader.port)])
    code, found = devices(capsys, "detect", "--json")
    readers = [item for item in found if item["role"] == "card-reader"]
    assert code == 0 and readers == [{"role": "card-reader", "driver": "sam-serial", "address": reader.port,
                                      "label": "SAM ID card reader (115200 baud)",
                                      "details": {"cause": "ok", "baud": "115200"}}]
    assert {item["role"] for item in found} >= {"camera", "display", "voice", "platform"}
