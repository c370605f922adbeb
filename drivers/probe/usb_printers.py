"""USB printers from /sys: interfaces of class 07 (printer), with vendor/product id and serial number.

Receipt and ticket printers that present a vendor class instead are found by the VID:PID the
technician configures (usb://VID:PID); `usb_device` tells whether that one is plugged in.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SYS_USB = Path("/sys/bus/usb/devices")
PRINTER_CLASS = "07"


@dataclass(frozen=True)
class UsbDevice:
    vid: str
    pid: str
    product: str = ""
    manufacturer: str = ""
    serial_number: str = ""
    is_printer: bool = False


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""


def _device(folder: Path) -> UsbDevice | None:
    vid, pid = _read(folder / "idVendor"), _read(folder / "idProduct")
    if not vid or not pid:
        return None
    printer = any(_read(iface / "bInterfaceClass") == PRINTER_CLASS for iface in folder.glob(f"{folder.name}:*"))
    return UsbDevice(vid.lower(), pid.lower(), _read(folder / "product"), _read(folder / "manufacturer"),
                     _read(folder / "serial"), printer)


def usb_devices(root: Path = SYS_USB) -> list[UsbDevice]:
    """Every USB device the kernel lists (empty where /sys has no USB bus, e.g. in a container)."""
    if not root.is_dir():
        return []
    found = (_device(folder) for folder in sorted(root.iterdir()) if ":" not in folder.name)
    return [device for device in found if device is not None]


def usb_printers(root: Path = SYS_USB) -> list[UsbDevice]:
    return [device for device in usb_devices(root) if device.is_printer]


def usb_device(vid: int, pid: int, root: Path = SYS_USB) -> UsbDevice | None:
    """The plugged-in device with this VID:PID, if any."""
    for device in usb_devices(root):
        if device.vid == f"{vid:04x}" and device.pid == f"{pid:04x}":
            return device
    return None
