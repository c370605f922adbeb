"""Printer URIs: where a ticket printer is and how to reach it.

    tcp://HOST[:PORT]                 network printer, raw port (default 9100)
    usb://VID:PID[?in_ep=0x81&out_ep=0x03]   USB printer by hex vendor/product id
    serial:///dev/ttyUSB0?baud=9600   serial printer (also serial://COM3?baud=9600 on Windows);
                                      optional flow=none|dsrdtr|rtscts|xonxoff (default dsrdtr)
    file:///dev/usb/lp0               a device or plain file written to (write only)
    win://PRINTER NAME                Windows print spooler, raw mode (Windows only)

`PrinterUriError` says what is wrong with a URI by its code (`printer.uri_bad_port`, ...).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from drivers.printer.errors import PrinterUriError

DEFAULT_TCP_PORT = 9100
DEFAULT_BAUD = 9600
BAUD_RATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400)
FLOW_CONTROLS = ("none", "dsrdtr", "rtscts", "xonxoff")
EXAMPLES = "tcp://192.168.1.50:9100, usb://0416:5011, serial:///dev/ttyUSB0?baud=9600, file:///dev/usb/lp0, win://PRINTER"


@dataclass(frozen=True)
class TcpUri:
    host: str
    port: int = DEFAULT_TCP_PORT

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"tcp://{host}:{self.port}"


@dataclass(frozen=True)
class UsbUri:
    vendor_id: int
    product_id: int
    in_ep: int | None = None
    out_ep: int | None = None

    def __str__(self) -> str:
        return f"usb://{self.vendor_id:04x}:{self.product_id:04x}"


@dataclass(frozen=True)
class SerialUri:
    device: str
    baudrate: int = DEFAULT_BAUD
    flow: str = "dsrdtr"

    def __str__(self) -> str:
        flow = "" if self.flow == "dsrdtr" else f"&flow={self.flow}"
        return f"serial://{self.device}?baud={self.baudrate}{flow}"


@dataclass(frozen=True)
class FileUri:
    path: str

    def __str__(self) -> str:
        return f"file://{self.path}" if self.path.startswith("/") else f"file:///{self.path}"


@dataclass(frozen=True)
class WinSpoolUri:
    printer_name: str

    def __str__(self) -> str:
        return f"win://{self.printer_name}"


PrinterUri = TcpUri | UsbUri | SerialUri | FileUri | WinSpoolUri

#: transports that can answer a status query (DLE EOT)
BIDIRECTIONAL = (TcpUri, UsbUri, SerialUri)


def _bad(uri: str, problem: str, **params: str) -> PrinterUriError:
    return PrinterUriError(f"printer.uri_{problem}", uri=uri, **params)


def parse_printer_uri(uri: str, platform: str = sys.platform) -> PrinterUri:
    """Parse a printer URI; raise `PrinterUriError` saying what is wrong with it."""
    text = uri.strip()
    scheme, sep, rest = text.partition("://")
    if not sep or not scheme:
        raise _bad(uri, "no_scheme")
    parsers: dict[str, Callable[[str, str], PrinterUri]] = {
        "tcp": _parse_tcp, "usb": _parse_usb, "serial": _parse_serial, "file": _parse_file,
    }
    scheme = scheme.lower()
    if scheme == "win":
        return _parse_win(uri, rest, platform)
    if scheme not in parsers:
        raise _bad(uri, "unknown_scheme", scheme=scheme)
    return parsers[scheme](uri, text)


def _query(uri: str, query: str, allowed: tuple[str, ...]) -> dict[str, str]:
    try:
        params = parse_qs(query, keep_blank_values=True, strict_parsing=bool(query))
    except ValueError:
        raise _bad(uri, "bad_query") from None
    unknown = sorted(set(params) - set(allowed))
    if unknown:
        raise _bad(uri, "unknown_option", names=", ".join(unknown))
    return {key: values[-1] for key, values in params.items()}


def _parse_tcp(uri: str, text: str) -> TcpUri:
    parts = urlsplit(text)
    _query(uri, parts.query, ())
    if parts.path not in ("", "/"):
        raise _bad(uri, "network_path")
    try:
        port = parts.port
    except ValueError:
        raise _bad(uri, "bad_port") from None
    if not parts.hostname:
        raise _bad(uri, "no_host")
    if port == 0:
        raise _bad(uri, "bad_port")
    return TcpUri(parts.hostname, port or DEFAULT_TCP_PORT)


_HEX_ID = re.compile(r"^(?:0x)?([0-9a-fA-F]{1,4})$")


def _hex(uri: str, value: str, what: str, limit: int = 0xFFFF) -> int:
    match = _HEX_ID.match(value.strip())
    number = int(match.group(1), 16) if match else -1
    if not 0 <= number <= limit:
        raise _bad(uri, "bad_hex", what=what)
    return number


def _parse_usb(uri: str, text: str) -> UsbUri:
    parts = urlsplit(text)
    vid, sep, pid = parts.netloc.partition(":")
    if not sep or parts.path not in ("", "/"):
        raise _bad(uri, "usb_form")
    params = _query(uri, parts.query, ("in_ep", "out_ep"))
    in_ep = _hex(uri, params["in_ep"], "in_ep", 0xFF) if "in_ep" in params else None
    out_ep = _hex(uri, params["out_ep"], "out_ep", 0xFF) if "out_ep" in params else None
    return UsbUri(_hex(uri, vid, "vendor ID"), _hex(uri, pid, "product ID"), in_ep, out_ep)


def _parse_serial(uri: str, text: str) -> SerialUri:
    parts = urlsplit(text)
    device = parts.netloc + parts.path if parts.netloc else parts.path
    if not device or device == "/":
        raise _bad(uri, "no_serial_port")
    params = _query(uri, parts.query, ("baud", "flow"))
    baud_text = params.get("baud", str(DEFAULT_BAUD))
    if not baud_text.isdigit() or int(baud_text) not in BAUD_RATES:
        raise _bad(uri, "bad_baud", choices=", ".join(map(str, BAUD_RATES)))
    flow = params.get("flow", "dsrdtr").lower()
    if flow not in FLOW_CONTROLS:
        raise _bad(uri, "bad_flow", choices=", ".join(FLOW_CONTROLS))
    return SerialUri(unquote(device), int(baud_text), flow)


def _parse_file(uri: str, text: str) -> FileUri:
    parts = urlsplit(text)
    if parts.netloc not in ("", "localhost") or parts.query:
        raise _bad(uri, "file_form")
    path = unquote(parts.path)
    if re.match(r"^/[A-Za-z]:[/\\]", path):  # file:///C:/... on Windows
        path = path[1:]
    absolute = path.startswith("/") or re.match(r"^[A-Za-z]:", path) is not None
    if not absolute or path.endswith("/"):
        raise _bad(uri, "file_form")
    return FileUri(path)


def _parse_win(uri: str, rest: str, platform: str) -> WinSpoolUri:
    name = unquote(rest).strip()
    if not name:
        raise _bad(uri, "no_windows_name")
    if not platform.startswith("win"):
        raise _bad(uri, "windows_only")
    return WinSpoolUri(name)
