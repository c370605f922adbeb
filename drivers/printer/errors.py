"""Errors of the ticket printer driver. Messages of `PrinterUnavailable` and `PrinterNotReady`
are meant for the clerk (Chinese); `reason` carries the technical detail for the log."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drivers.printer.status import PrinterStatus


class PrinterError(Exception):
    """Base class of every error raised by `drivers.printer`."""


class PrinterUriError(PrinterError, ValueError):
    """A printer URI that cannot be used (bad syntax, unknown scheme, wrong platform)."""


class PrinterUnavailable(PrinterError):  # noqa: N818  (name fixed by the driver API)
    """The printer cannot be reached: not connected, switched off, cable out, no answer."""

    def __init__(self, target: str, reason: str = "") -> None:
        self.target = target
        self.reason = reason
        super().__init__(f"号票打印机未连接: {target}，请检查电源和网线/USB")


class PrinterNotReady(PrinterError):  # noqa: N818  (name fixed by the driver API)
    """The printer answered, but cannot print now (paper out, cover open, error).
    The ticket is still valid: the caller issues it and shows it on screen."""

    def __init__(self, status: PrinterStatus) -> None:
        self.status = status
        super().__init__(status.message)
