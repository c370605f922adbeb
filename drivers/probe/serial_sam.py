"""SAM ID card readers on serial ports: which ports exist (with their USB descriptor), and whether
a SAM answers on one, at 115200 then 9600 baud, with the cause when it does not.

The port is opened exclusively (flock, as pyserial's `exclusive=True`): when another program holds
it, the probe says port_busy instead of mixing its bytes into the other program's conversation.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import serial
from serial.tools import list_ports

from drivers.idcard.frames import Frame, FrameDecoder, encode_command
from drivers.probe.oserrors import port_cause

PROBE_BAUDS = (115200, 9600)
SAM_STATUS = (0x11, 0xFF)
_SLICE = 0.05


@dataclass(frozen=True)
class SerialPortInfo:
    device: str
    description: str = ""
    usb: dict[str, str] = field(default_factory=dict)  # vid, pid, serial_number, manufacturer, product


@dataclass(frozen=True)
class SamProbe:
    port: str
    cause: str  # "ok", port_absent, port_busy, permission_denied, no_answer, device_error
    baud: int | None = None
    detail: str = ""


def serial_ports() -> list[SerialPortInfo]:
    """The system's serial ports; USB adapters with vendor/product id and serial number from /sys."""
    found = []
    for port in list_ports.comports():
        usb: dict[str, str] = {}
        if port.vid is not None and port.pid is not None:
            usb = {"vid": f"{port.vid:04x}", "pid": f"{port.pid:04x}"}
            for name in ("serial_number", "manufacturer", "product"):
                value = getattr(port, name, None)
                if value:
                    usb[name] = str(value)
        description = port.description if port.description not in (None, "n/a") else ""
        found.append(SerialPortInfo(port.device, description, usb))
    return found


def probe_sam(port: str, bauds: tuple[int, ...] = PROBE_BAUDS, timeout: float = 0.3) -> SamProbe:
    """Ask for the SAM status at each baud in turn; the first valid answer wins."""
    for baud in bauds:
        try:
            link = serial.Serial(port, baud, timeout=_SLICE, write_timeout=timeout, exclusive=True)
        except (serial.SerialException, OSError, ValueError) as exc:
            return SamProbe(port, port_cause(exc), detail=type(exc).__name__)
        try:
            if _answers(link, timeout):
                return SamProbe(port, "ok", baud)
        except (serial.SerialException, OSError) as exc:
            return SamProbe(port, port_cause(exc), detail=type(exc).__name__)
        finally:
            link.close()
    return SamProbe(port, "no_answer")


def _answers(link: serial.Serial, timeout: float) -> bool:
    link.reset_input_buffer()
    link.write(encode_command(*SAM_STATUS))
    decoder = FrameDecoder()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for item in decoder.feed(link.read(max(1, link.in_waiting))):
            if isinstance(item, Frame) and len(item.payload) >= 3:
                return True
    return False
