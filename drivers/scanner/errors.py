"""Errors of the scanner driver. `str(error)` is a message for the clerk (Simplified Chinese); the
technical detail for the log is in `detail`. Neither contains a file name or any page content:
file names made by the scanning tool often carry the applicant's name."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from drivers.scanner.sane_status import SaneStatus


class ScannerError(Exception):
    """A scan failed. `status` is the SANE status when the device reported one."""

    def __init__(self, message: str, *, status: SaneStatus | None = None, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.detail = detail


class ScannerUnavailable(ScannerError):  # noqa: N818  (name fixed by the driver API)
    """No scanner to talk to: python-sane or libsane missing, device unplugged, switched off or taken."""


class ImportFailed(Exception):  # noqa: N818  (reads better at the call site than ImportError)
    """A file could not be turned into pages. `path` is kept for the UI, never put in the message."""

    def __init__(self, message: str, *, path: Path | None = None, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.detail = detail
