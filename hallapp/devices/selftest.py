"""Self-tests per device role (`run_test`), each ending in one cause code, and the last results.

Blocking (a printer or the platform may take seconds): the window runs them in a worker.
Results are kept in the home (`device_tests.json`, 0600) without personal data: a card test
records that a card was read and its type, never what is on it.
"""

from __future__ import annotations

import base64
import io
import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from drivers.probe import serial_sam, voices
from drivers.probe.oserrors import network_cause, port_cause
from hallapp.config import Settings
from hallapp.devices.roles import ROLES, TestResult, message_for
from hallapp.domain.clock import hall_clock
from hallapp.home import Home

log = logging.getLogger(__name__)

RESULTS_FILE = "device_tests.json"
Outcome = tuple[str, dict[str, object]]  # (cause, details)


@dataclass(frozen=True)
class _Job:
    settings: Settings
    port: str | None
    printer: str | None
    home: Home | None
    demo: bool
    hall_code: str | None


# --- ID card reader ------------------------------------------------------------------------------


def _reader_port(job: _Job) -> str | None:
    """The port to test: --port, else the setting; auto = the first port where a SAM answers."""
    port = job.port or job.settings.devices.idcard_port
    if port == "auto":
        answering = [p.device for p in serial_sam.serial_ports() if serial_sam.probe_sam(p.device).cause == "ok"]
        return answering[0] if answering else ""
    return None if port == "none" else port


def _test_card_reader(job: _Job) -> Outcome:
    if job.port is None and (job.demo or job.settings.devices.idcard_port == "simulator"):
        return _with_simulator(_read_on)
    port = _reader_port(job)
    if port is None:
        return "not_configured", {}
    if port == "":
        return "no_answer", {"ports": ", ".join(p.device for p in serial_sam.serial_ports())}
    return _read_on(port)


def _with_simulator(test: Callable[[str], Outcome]) -> Outcome:
    from drivers.idcard.sample import load_cards
    from drivers.idcard.simulator import ReaderSimulator

    with ReaderSimulator(load_cards()) as sim:
        sim.place(0)
        cause, details = test(sim.port)
    return cause, {**details, "simulated": True}


def _read_on(port: str) -> Outcome:
    from drivers.idcard import ReaderError, SamError, SamReader

    probe = serial_sam.probe_sam(port)
    details: dict[str, object] = {"port": port}
    if probe.cause != "ok":
        return probe.cause, details
    details["baud"] = probe.baud
    try:
        with SamReader(port, probe.baud or 115200, timeout=2.0) as reader:
            details["sam_id"] = reader.sam_id()
            if not reader.find_card():
                return "card_absent", details
            reader.select_card()
            card = reader.read()
    except (ReaderError, SamError) as exc:
        return "device_error", {**details, "code": exc.code}
    return "ok", {**details, "card_read": True, "card_type": card.text.card_type, "photo_bytes": len(card.photo_wlt)}


# --- social security card reader (PC/SC) ---------------------------------------------------------


def _test_sscard_reader(job: _Job) -> Outcome:
    try:
        from drivers.idcard.pcsc import PcscService
        from drivers.idcard.pcsc_errors import NoCardError, NoReaderError, PcscError, PcscNotInstalledError
    except ImportError:
        return "not_supported", {"reason": "pyscard is not installed"}
    reader = job.port or job.settings.devices.pcsc_reader or None
    try:
        with PcscService() as service:
            presence = service.wait_for_card(reader, timeout=1.0)
    except PcscNotInstalledError:
        return "not_supported", {"reason": "pyscard is not installed"}
    except NoReaderError:
        return "port_absent", {"reader": reader or ""}
    except NoCardError:
        return "card_absent", {"reader": reader or ""}
    except PcscError as exc:
        return "device_error", {"code": exc.code}
    return "ok", {"reader": presence.reader, "atr": presence.atr}


# --- ticket printer -------------------------------------------------------------------------------

_PRINTER_CODES = {
    "printer.connection_refused": "connection_refused", "printer.host_unknown": "dns",
    "printer.usb_not_found": "port_absent", "printer.usb_access_denied": "permission_denied",
    "printer.usb_support_missing": "not_supported", "printer.serial_port_missing": "port_absent",
}


def _printer_cause(exc: Exception) -> str:
    code = getattr(exc, "code", "")
    if code in _PRINTER_CODES:
        return _PRINTER_CODES[code]
    if code == "printer.no_answer":
        return network_cause(exc) if exc.__cause__ else "timeout"
    if code in ("printer.serial_port_unusable", "printer.file_unwritable"):
        return port_cause(exc)
    return "device_error"


def _status_cause(status: object) -> str | None:
    """The cause a DLE EOT answer gives, None when the printer is ready (or could not say)."""
    if getattr(status, "cover_open", False):
        return "cover_open"
    if getattr(status, "paper_out", False):
        return "paper_out"
    if getattr(status, "error", False):
        return "device_error"
    if getattr(status, "offline", False):
        return "printer_offline"
    return None


def _test_ticket_printer(job: _Job) -> Outcome:
    from drivers.printer import PrinterError, TicketPrinter

    uri = job.printer or job.settings.ticket_printer.uri
    if not uri:
        return "not_configured", {}
    tp = job.settings.ticket_printer
    try:
        printer = TicketPrinter(uri, tp.width_mm, tp.encoding, tp.native_qr, timeout=3.0)
    except (PrinterError, ValueError) as exc:
        return "not_configured", {"printer": uri, "code": getattr(exc, "code", "")}
    details: dict[str, object] = {"printer": str(printer.uri)}
    try:
        status = printer.status()
        details["status"] = "unknown" if status.ok is None else ",".join(status.codes)
        blocked = _status_cause(status)
        if blocked:
            return blocked, details
        printer.test_print(issued_at=hall_clock().local_now().strftime("%Y-%m-%d %H:%M"))
    except PrinterError as exc:
        return _status_cause(getattr(exc, "status", None)) or _printer_cause(exc), {**details, "code": exc.code}
    finally:
        printer.close()
    return "ok", {**details, "test_slip": "printed"}


# --- scanner ---------------------------------------------------------------------------------------

_SCANNER_CODES = {
    "scanner.sane_missing": "not_supported", "scanner.not_found": "port_absent", "scanner.busy": "port_busy",
    "scanner.access_denied": "permission_denied", "scanner.cover_open": "cover_open",
}
THUMBNAIL_PX = 160


def _test_scanner(job: _Job) -> Outcome:
    from drivers.scanner.errors import ScannerError
    from drivers.scanner.sane_scanner import SaneScanner, ScanMode, ScanSettings, ScanSource

    device = job.port or job.settings.devices.scanner
    if device == "none":
        return "not_configured", {}
    try:
        if not device:
            found = SaneScanner.devices()
            if not found:
                return "port_absent", {}
            device = found[0].name
        with SaneScanner().open(device) as scanner:
            caps = scanner.capabilities()
            low = max(caps.resolution_range[0], 75) if caps.resolution_range[0] else 75
            source = ScanSource.FLATBED if ScanSource.FLATBED in caps.sources else caps.sources[0]
            scanner.configure(ScanSettings(resolution=low, mode=ScanMode.GRAY, source=source))
            pages = list(scanner.scan_pages(max_pages=1))
    except ScannerError as exc:
        return _SCANNER_CODES.get(exc.code, "device_error"), {"scanner": device, "code": exc.code}
    if not pages:
        return "device_error", {"scanner": device, "code": "scanner.no_image"}
    return "ok", {"scanner": device, "page_px": f"{pages[0].width}x{pages[0].height}",
                  "thumbnail_png": _thumbnail(pages[0])}


def _thumbnail(page: object) -> bytes:
    image = page.copy()  # type: ignore[attr-defined]
    image.thumbnail((THUMBNAIL_PX, THUMBNAIL_PX))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


# --- voice, platform, Qt-only roles ------------------------------------------------------------------


def _test_voice(job: _Job) -> Outcome:
    engine = job.settings.display.voice
    if engine == "silent":
        return "not_configured", {}
    if engine == "qt":
        return "not_supported", {"engine": "qt"}
    size = voices.synthesize("A ling2 yi1 er4 hao4, qing3 dao4 yi1 hao4 chuang1 kou3")
    if not size:
        return "not_supported", {"engine": "espeak-ng", "reason": "espeak-ng is not installed or said nothing"}
    return "ok", {"engine": "espeak-ng", "voice": voices.CHINESE_VOICE, "wav_bytes": size}


def _test_platform(job: _Job) -> Outcome:
    from hallapp.devices import selftest_platform

    if job.home is None:
        return "not_configured", {"reason": "no home"}
    hall_code = job.hall_code if job.hall_code is not None else _hall_code(job)
    if not hall_code:
        return "not_configured", {"reason": "no hall set up in this home's database"}
    return selftest_platform.ping(job.settings, job.home, hall_code)


def _hall_code(job: _Job) -> str:
    """The hall code from the home's database (the platform knows the hall by it)."""
    from hallapp.bootstrap import database_url
    from hallapp.storage import Database
    from hallapp.sync.platform_clients import hall_identity
    from hallapp.sync.platform_port import ConfigError

    assert job.home is not None
    db = Database(database_url(job.home, job.settings, job.demo))
    try:
        return hall_identity(db).code
    except (ConfigError, RuntimeError):
        return ""
    finally:
        db.dispose()


def _qt_only(job: _Job) -> Outcome:
    return "not_supported", {"reason": "needs the window: run this test from the Devices page"}


_TESTS: dict[str, Callable[[_Job], Outcome]] = {
    "card-reader": _test_card_reader, "sscard-reader": _test_sscard_reader,
    "ticket-printer": _test_ticket_printer, "receipt-printer": _qt_only, "scanner": _test_scanner,
    "camera": _qt_only, "voice": _test_voice, "display": _qt_only, "platform": _test_platform,
}


# --- running and recording ------------------------------------------------------------------------


def run_test(settings: Settings, role: str, *, port: str | None = None, printer: str | None = None,
             home: Home | None = None, demo: bool = False, hall_code: str | None = None) -> TestResult:
    """Run the role's self-test (blocking) and record it in `home` when given."""
    if role not in ROLES:
        raise ValueError(f"unknown device role {role!r}; one of {', '.join(ROLES)}")
    job = _Job(settings, port, printer, home, demo, hall_code)
    try:
        cause, details = _TESTS[role](job)
    except Exception:
        log.exception("self-test of %s failed unexpectedly", role)
        cause, details = "device_error", {"reason": "unexpected error, see the log"}
    result = TestResult(role, cause == "ok", cause, message_for(cause), details, datetime.now(UTC))
    log.info("self-test %s: %s", role, cause)
    if home is not None:
        record(home, result)
    return result


def to_json(result: TestResult) -> dict[str, object]:
    """The result as JSON-ready data; bytes in details become base64 text."""
    details = {k: base64.b64encode(v).decode("ascii") if isinstance(v, bytes) else v for k, v in result.details.items()}
    return {"role": result.role, "ok": result.ok, "cause": result.cause, "message": result.message,
            "details": details, "at": result.at.isoformat()}


def _results_path(home: Home) -> Path:
    return home.root / RESULTS_FILE


def record(home: Home, result: TestResult) -> None:
    """Keep `result` as the role's last test (tests the window runs itself, e.g. the display, come here too)."""
    stored = {role: to_json(r) for role, r in last_results(home).items()}
    entry = to_json(result)
    entry["details"] = {k: v for k, v in result.details.items() if not isinstance(v, bytes)}  # no thumbnails
    stored[result.role] = entry
    path = _results_path(home)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(stored, out, ensure_ascii=False, indent=1)
    os.chmod(tmp, 0o600)
    tmp.replace(path)


def last_results(home: Home) -> dict[str, TestResult]:
    """The last result per role (roles never tested are absent; an unreadable file counts as none)."""
    try:
        raw = json.loads(_results_path(home).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    results = {}
    for role, entry in raw.items() if isinstance(raw, dict) else ():
        try:
            results[role] = TestResult(role, bool(entry["ok"]), str(entry["cause"]), message_for(str(entry["cause"])),
                                       dict(entry.get("details", {})), datetime.fromisoformat(entry["at"]))
        except (KeyError, TypeError, ValueError):
            continue
    return results
