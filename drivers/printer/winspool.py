"""Raw printing through the Windows print spooler, for when python-escpos has no usable
`Win32Raw`. `win32print` (pywin32) is imported only when a printer is opened."""

from __future__ import annotations

from typing import Any

from escpos.escpos import Escpos
from escpos.exceptions import DeviceNotFoundError


def spooler_errors() -> tuple[type[Exception], ...]:
    """The exception class pywin32 raises (`pywintypes.error`), or nothing off Windows."""
    try:
        import pywintypes  # Windows only
    except ImportError:
        return ()
    return (pywintypes.error,)


class RawSpoolPrinter(Escpos):
    """One spooler job in RAW mode per open/close: the bytes print when the job is closed."""

    def __init__(self, printer_name: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.printer_name = printer_name
        self._handle: Any = None
        self._win32print: Any = None

    def open(self, job_name: str = "hallapp ticket") -> None:
        import win32print  # Windows only: imported when a job starts

        self._win32print = win32print
        try:
            self._handle = win32print.OpenPrinter(self.printer_name)
            win32print.StartDocPrinter(self._handle, 1, (job_name, None, "RAW"))
            win32print.StartPagePrinter(self._handle)
        except spooler_errors() as exc:
            raise DeviceNotFoundError(f"cannot start a raw job on {self.printer_name!r}: {exc}") from exc
        self._device = self._handle

    def _raw(self, msg: bytes) -> None:
        if self._handle is None:
            self.open()
        try:
            self._win32print.WritePrinter(self._handle, msg)
        except spooler_errors() as exc:
            raise OSError(f"spooler write failed: {exc}") from exc

    def close(self) -> None:
        if self._handle is None:
            return
        handle, self._handle, self._device = self._handle, None, False
        try:
            self._win32print.EndPagePrinter(handle)
            self._win32print.EndDocPrinter(handle)
        finally:
            self._win32print.ClosePrinter(handle)
