"""What the settings say per device role (`overview`), and what is attached now (`detect`).

`detect` probes hardware (serial ports, PC/SC, SANE in its child process, USB, TCP): it takes
seconds, so a window calls it from a worker. Cameras and screens need Qt: the Devices page adds
them; from here they are reported as not probed.

Labels and addresses here are English for the CLI; each also carries a code (Found.label_code,
RoleRow.address_kind) that the window words in its own language.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from urllib.parse import urlsplit

from drivers.probe import network, serial_sam, usb_printers, voices
from hallapp.config import Settings
from hallapp.devices.roles import ROLES, Found, RoleRow

log = logging.getLogger(__name__)

NOT_PROBED = "not probed from the command line: the Devices page lists them"


def _card_reader(settings: Settings, demo: bool) -> RoleRow:
    port = settings.devices.idcard_port
    if demo or port == "simulator":
        return RoleRow("card-reader", "sam-serial", "simulator", "simulated", address_kind="simulator")
    if port == "none":
        return RoleRow("card-reader", "sam-serial", "", "not_configured")
    if port == "auto":
        return RoleRow("card-reader", "sam-serial", "auto", "auto")
    return RoleRow("card-reader", "sam-serial", f"{port}@{settings.devices.idcard_baud}", "configured")


def _ticket_printer(settings: Settings, demo: bool) -> RoleRow:
    uri = settings.ticket_printer.uri
    if uri:
        return RoleRow("ticket-printer", "escpos", uri, "configured")
    return RoleRow("ticket-printer", "escpos", "", "simulated" if demo else "not_configured")


def _scanner(settings: Settings, demo: bool) -> RoleRow:
    device = settings.devices.scanner
    if device == "none":
        return RoleRow("scanner", "sane", "", "not_configured")
    if demo and device in ("", "demo"):
        return RoleRow("scanner", "sane", "sample pages", "simulated", address_kind="sample_pages")
    return RoleRow("scanner", "sane", device or "auto", "configured" if device else "auto")


def _voice(settings: Settings, demo: bool) -> RoleRow:
    engine = settings.display.voice
    return RoleRow("voice", engine, "", "not_configured" if engine == "silent" else "configured")


def _platform(settings: Settings, demo: bool) -> RoleRow:
    url = settings.platform.url
    return RoleRow("platform", settings.sync.adapter, url, "configured" if url else "not_configured")


def _sscard(settings: Settings, demo: bool) -> RoleRow:
    reader = settings.devices.pcsc_reader
    return RoleRow("sscard-reader", "pcsc", reader or "auto", "configured" if reader else "auto")


_ROWS: dict[str, Callable[[Settings, bool], RoleRow]] = {
    "card-reader": _card_reader,
    "sscard-reader": _sscard,
    "ticket-printer": _ticket_printer,
    "receipt-printer": lambda s, d: RoleRow("receipt-printer", "qt-print", "system printer", "configured",
                                             address_kind="system_printer"),
    "scanner": _scanner,
    "camera": lambda s, d: RoleRow("camera", "qt-multimedia", "auto", "auto"),
    "voice": _voice,
    "display": lambda s, d: RoleRow("display", "qt-screen", "auto", "auto"),
    "platform": _platform,
}


def overview(settings: Settings, *, demo: bool = False) -> list[RoleRow]:
    """One row per role, in ROLES order: driver, address and state as the settings say."""
    return [_ROWS[role](settings, demo) for role in ROLES]


# --- detection ---------------------------------------------------------------------------------


def _serial_readers() -> list[Found]:
    found = []
    for port in serial_sam.serial_ports():
        probe = serial_sam.probe_sam(port.device)
        details = {**port.usb, "cause": probe.cause}
        if probe.baud:
            details["baud"] = str(probe.baud)
        if probe.cause == "ok":
            found.append(Found("card-reader", "sam-serial", port.device, f"SAM ID card reader ({probe.baud} baud)",
                               details, "sam_reader", {"baud": str(probe.baud)}))
        else:
            found.append(Found("card-reader", "sam-serial", port.device, "serial port, no SAM reader", details,
                               "serial_no_sam"))
    return found


def _pcsc_readers() -> list[Found]:
    try:
        from drivers.idcard.pcsc import PcscService
        from drivers.idcard.pcsc_errors import NoCardError, PcscError, PcscNotInstalledError
    except ImportError:
        return [Found("sscard-reader", "pcsc", "", "PC/SC support (pyscard) is not installed",
                      {"cause": "not_supported"}, "pcsc_missing")]
    found = []
    try:
        with PcscService() as service:
            for name in service.readers():
                try:
                    presence = service.wait_for_card(name, timeout=0.2)
                    found.append(Found("sscard-reader", "pcsc", name, f"{name} (card present)",
                                       {"cause": "ok", "card": "present", "atr": presence.atr},
                                       "pcsc_card_present", {"name": name}))
                except NoCardError:
                    found.append(Found("sscard-reader", "pcsc", name, f"{name} (no card)",
                                       {"cause": "ok", "card": "absent"}, "pcsc_no_card", {"name": name}))
    except PcscNotInstalledError:
        return [Found("sscard-reader", "pcsc", "", "PC/SC support (pyscard) is not installed",
                      {"cause": "not_supported"}, "pcsc_missing")]
    except PcscError as exc:
        return [Found("sscard-reader", "pcsc", "", "PC/SC service unavailable",
                      {"cause": "device_error", "code": exc.code}, "pcsc_unavailable")]
    return found


def _sane_scanners() -> list[Found]:
    from drivers.scanner.errors import ScannerError
    from drivers.scanner.sane_scanner import SaneScanner

    try:
        devices = SaneScanner.devices()
    except ScannerError as exc:
        cause = "not_supported" if exc.code == "scanner.sane_missing" else "device_error"
        return [Found("scanner", "sane", "", "SANE scanners could not be listed", {"cause": cause, "code": exc.code},
                      "sane_unlisted")]
    return [Found("scanner", "sane", d.name, d.label, {"cause": "ok", "type": d.type}) for d in devices]


def _usb_printers() -> list[Found]:
    found = []
    for p in usb_printers.usb_printers():
        name = " ".join(part for part in (p.manufacturer, p.product) if part)  # the maker's words: data
        found.append(Found("ticket-printer", "escpos", f"usb://{p.vid}:{p.pid}", name or "USB printer",
                           {"cause": "ok", "vid": p.vid, "pid": p.pid, "serial_number": p.serial_number},
                           "" if name else "usb_printer"))
    return found


def _network_printer(settings: Settings) -> list[Found]:
    uri = settings.ticket_printer.uri
    if not uri.startswith("tcp://"):
        return []
    parts = urlsplit(uri)
    try:
        host, port = parts.hostname or "", parts.port or 9100
    except ValueError:
        return []
    probe = network.tcp_reachable(host, port)
    details = {"cause": probe.cause} | ({"rtt_ms": f"{probe.rtt_ms:g}"} if probe.rtt_ms is not None else {})
    return [Found("ticket-printer", "escpos", uri, "configured network printer", details, "network_printer")]


def _voices() -> list[Found]:
    names = voices.espeak_voices()
    found = [Found("voice", "espeak", name, f"espeak-ng {name}", {"cause": "ok"}) for name in names]
    if voices.speech_dispatcher():
        found.append(Found("voice", "speechd", "default", "speech-dispatcher", {"cause": "ok"}))
    return found or [Found("voice", "none", "", "no text-to-speech engine for the command line",
                           {"cause": "not_supported"}, "no_voice")]


def _platform_link(settings: Settings) -> list[Found]:
    url = settings.platform.url
    if not url:
        return [Found("platform", "http", "", "platform.url is not set", {"cause": "not_configured"}, "platform_unset")]
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    probe = network.tcp_reachable(parts.hostname or "", port)
    details = {"cause": probe.cause} | ({"rtt_ms": f"{probe.rtt_ms:g}"} if probe.rtt_ms is not None else {})
    return [Found("platform", "http", url, "national platform (TCP connect only)", details, "platform_tcp")]


def _not_probed() -> list[Found]:
    return [Found(role, "qt", "", NOT_PROBED, {"cause": "not_supported"}, "not_probed") for role in ("camera", "display")]


def detect(settings: Settings) -> list[Found]:
    """Everything attached or reachable now, role by role. Blocking (seconds): call from a worker."""
    probes: list[Callable[[], list[Found]]] = [
        _serial_readers, _pcsc_readers, _sane_scanners, _usb_printers, lambda: _network_printer(settings),
        _voices, lambda: _platform_link(settings), _not_probed,
    ]
    found: list[Found] = []
    for probe in probes:
        try:
            found.extend(probe())
        except Exception:
            log.exception("device probe %s failed", getattr(probe, "__name__", "?"))
    return found
