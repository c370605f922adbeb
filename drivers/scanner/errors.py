"""Errors of the scanner driver, each with a stable code (worded for the clerk in
ui/errors.py) and an English message for logs; the technical detail is in `detail`. Neither carries
a file name or any page content. (File import's ImportFailed is in hallapp/imaging/importer.py.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drivers.errors import DeviceError, register

if TYPE_CHECKING:
    from drivers.scanner.sane_status import SaneStatus

SCANNER = register({
    "scanner.sane_missing": "Scanner support (SANE: python-sane or libsane) is not installed, so the scanner cannot "
                            "be used: ask the technician to install it, or import files from the watched folder.",
    "scanner.sane_init_failed": "The scanner service (SANE) did not start: ask the technician.",
    "scanner.not_open": "The scanner has not been opened yet.",
    "scanner.not_found": "Scanner {device} cannot be found: check the scanner's power and cable, or choose the "
                         "scanner again in the settings.",
    "scanner.setting_unsupported": "The scanner does not support this setting: {setting}.",
    "scanner.driver_died": "The scanner driver ended unexpectedly and the scan is incomplete: scan again; if it keeps "
                           "happening, restart the scanner, and if that does not help, ask the technician.",
    "scanner.driver_failed": "The scanner driver cannot be started: restart the program; if it keeps happening, ask "
                             "the technician.",
    "scanner.unsupported": "The scanner does not support this operation: check the scan settings.",
    "scanner.cancelled": "The scan was cancelled.",
    "scanner.busy": "The scanner is busy (perhaps another program is using it): try again in a moment.",
    "scanner.invalid_settings": "The scan settings are not valid: check resolution, colour mode and paper source.",
    "scanner.no_image": "The scanner returned no image: scan again.",
    "scanner.jam": "Paper jam in the scanner: open the feeder, take out the stuck sheet, straighten the pages and "
                   "scan again.",
    "scanner.feeder_empty": "There are no pages in the document feeder: put the pages in and scan again.",
    "scanner.cover_open": "The scanner's cover is open: close it and scan again.",
    "scanner.io_error": "Communication with the scanner failed (I/O error): check its cable and power, then scan again.",
    "scanner.out_of_memory": "Not enough memory to finish the scan: lower the resolution or close other programs, "
                             "then try again.",
    "scanner.access_denied": "This program may not use the scanner: ask the technician to check the device "
                             "permissions.",
    "scanner.failed": "The scanner reported an error: scan again; if it keeps happening, ask the technician.",
})


class ScannerError(DeviceError):
    """A scan failed. `status` is the SANE status when the device reported one; without a code,
    the code is the status's own (`scanner.jam`, ...)."""

    code = "scanner.failed"

    def __init__(self, code: str | None = None, /, *, status: SaneStatus | None = None, detail: str = "",
                 **params: object) -> None:
        if code is None and status is not None:
            from drivers.scanner.sane_status import code_for

            code = code_for(status)
        self.status = status
        super().__init__(code, detail=detail, **params)

    @property
    def message(self) -> str:
        return str(self)


class ScannerUnavailable(ScannerError):  # noqa: N818  (name fixed by the driver API)
    """No scanner to talk to: python-sane or libsane missing, device unplugged, switched off or taken."""
