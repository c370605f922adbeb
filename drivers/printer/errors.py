"""Errors of the ticket printer driver, each with a stable code (worded for people in ui/errors.py)
and an English message for logs and the command line; `reason` carries the technical detail."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drivers.errors import DeviceError, register

if TYPE_CHECKING:
    from drivers.printer.status import PrinterStatus

_EXAMPLES = "tcp://192.168.1.50:9100, usb://0416:5011, serial:///dev/ttyUSB0?baud=9600 or file:///dev/usb/lp0"

UNAVAILABLE = register({
    "printer.connection_refused": "The ticket printer at {target} refused the connection: check the address and "
                                  "port (usually 9100) and that the printer has finished starting up.",
    "printer.no_answer": "The ticket printer at {target} does not answer: check that it is switched on, that its "
                         "network cable is in and that its IP address is right.",
    "printer.host_unknown": "The printer host name in {target} is not known on this network: use the printer's IP "
                            "address instead.",
    "printer.usb_not_found": "No USB printer {target} is connected: check the USB cable and that the printer is on; "
                             "the vendor and product IDs must be the printer's own.",
    "printer.usb_access_denied": "This program may not use the USB printer {target}: ask the technician to grant "
                                 "access to the device.",
    "printer.usb_support_missing": "USB printing support (pyusb) is not installed, so {target} cannot be used: ask "
                                   "the technician to install it, or connect the printer by network.",
    "printer.serial_port_missing": "The serial port {port} does not exist: check the printer's serial cable or USB "
                                   "adapter and the port in the printer address.",
    "printer.serial_port_unusable": "The serial port {port} cannot be opened (in use by another program, or no "
                                    "permission): close the other program or ask the technician.",
    "printer.file_unwritable": "The printer device or file {target} cannot be written: check the path and its "
                               "permissions.",
    "printer.spooler_failed": "The Windows print queue {target} does not accept the ticket: check the printer in "
                              "the Windows printer settings.",
    "printer.write_failed": "The connection to the ticket printer {target} broke off while printing: check the cable "
                            "and the power, then print again.",
    "printer.unreachable": "The ticket printer {target} cannot be reached: check its power and its cable.",
})

URI = register({
    "printer.uri_no_scheme": "The printer address {uri} has no type: write it like " + _EXAMPLES + ".",
    "printer.uri_unknown_scheme": "The printer address {uri} has an unknown type {scheme}://: write it like "
                                  + _EXAMPLES + ".",
    "printer.uri_bad_query": "The options of the printer address {uri} cannot be read: write them like ?baud=9600.",
    "printer.uri_unknown_option": "The printer address {uri} has unknown options: {names}.",
    "printer.uri_network_path": "The network printer address {uri} cannot have a path: write tcp://HOST:PORT.",
    "printer.uri_bad_port": "The printer address {uri} has a bad port: it must be a number from 1 to 65535.",
    "printer.uri_no_host": "The printer address {uri} has no host name or IP address.",
    "printer.uri_usb_form": "The USB printer address {uri} must be written usb://VENDOR:PRODUCT in hexadecimal, "
                            "like usb://0416:5011.",
    "printer.uri_bad_hex": "The printer address {uri} has a bad {what}: it must be a hexadecimal number like 0416.",
    "printer.uri_no_serial_port": "The serial printer address {uri} has no port: write it like "
                                  "serial:///dev/ttyUSB0 or serial://COM3.",
    "printer.uri_bad_baud": "The printer address {uri} has a bad baud rate: use one of {choices}.",
    "printer.uri_bad_flow": "The printer address {uri} has a bad flow control: use one of {choices}.",
    "printer.uri_file_form": "The printer address {uri} must be written file:///ABSOLUTE/PATH.",
    "printer.uri_no_windows_name": "The printer address {uri} has no Windows printer name: write it like "
                                   "win://POS-80C.",
    "printer.uri_windows_only": "The printer address {uri} uses the Windows print queue, which only exists on "
                                "Windows: on this computer use tcp://, usb://, serial:// or file://.",
})


class PrinterError(DeviceError):
    """Base class of every error raised by `drivers.printer`."""

    code = "printer.unreachable"


class PrinterUriError(PrinterError, ValueError):
    """A printer URI that cannot be used (bad syntax, unknown scheme, wrong platform)."""


class PrinterUnavailable(PrinterError):  # noqa: N818  (name fixed by the driver API)
    """The printer cannot be reached: not connected, switched off, cable out, no answer.
    `code` says which (`printer.connection_refused`, `printer.usb_not_found`, ...)."""

    def __init__(self, target: str, reason: str = "", *, code: str = "printer.unreachable", **params: str) -> None:
        self.target = target
        self.reason = reason
        super().__init__(code, detail=reason, target=target, **params)


class PrinterNotReady(PrinterError):  # noqa: N818  (name fixed by the driver API)
    """The printer answered, but cannot print now (paper out, cover open, error).
    The ticket is still valid: the caller issues it and shows it on screen."""

    def __init__(self, status: PrinterStatus) -> None:
        self.status = status
        super().__init__(status.code)
        self.args = (status.message,)
