"""SANE status codes as python-sane reports them, and the error code of each.

python-sane raises `_sane.error` whose only argument is `sane_strstatus(status)`: the English text
of libsane (not translated, stable since SANE 1.0). We map the text back to the status. The texts
are checked against the real library by tests that make the `test` backend return each status.
"""

from __future__ import annotations

from enum import Enum


class SaneStatus(Enum):
    UNSUPPORTED = "unsupported"
    CANCELLED = "cancelled"
    DEVICE_BUSY = "device_busy"
    INVAL = "inval"
    EOF = "eof"
    JAMMED = "jammed"
    NO_DOCS = "no_docs"
    COVER_OPEN = "cover_open"
    IO_ERROR = "io_error"
    NO_MEM = "no_mem"
    ACCESS_DENIED = "access_denied"
    UNKNOWN = "unknown"


# sane_strstatus() texts of libsane 1.0 .. 1.2 (backend/sane_strstatus.c), lower-cased.
_BY_TEXT: dict[str, SaneStatus] = {
    "operation not supported": SaneStatus.UNSUPPORTED,
    "operation was cancelled": SaneStatus.CANCELLED,
    "operation was canceled": SaneStatus.CANCELLED,
    "device busy": SaneStatus.DEVICE_BUSY,
    "invalid argument": SaneStatus.INVAL,
    "end of file reached": SaneStatus.EOF,
    "document feeder jammed": SaneStatus.JAMMED,
    "document feeder out of documents": SaneStatus.NO_DOCS,
    "scanner cover is open": SaneStatus.COVER_OPEN,
    "error during device i/o": SaneStatus.IO_ERROR,
    "out of memory": SaneStatus.NO_MEM,
    "access to resource has been denied": SaneStatus.ACCESS_DENIED,
}

CODES: dict[SaneStatus, str] = {
    SaneStatus.UNSUPPORTED: "scanner.unsupported",
    SaneStatus.CANCELLED: "scanner.cancelled",
    SaneStatus.DEVICE_BUSY: "scanner.busy",
    SaneStatus.INVAL: "scanner.invalid_settings",
    SaneStatus.EOF: "scanner.no_image",
    SaneStatus.JAMMED: "scanner.jam",
    SaneStatus.NO_DOCS: "scanner.feeder_empty",
    SaneStatus.COVER_OPEN: "scanner.cover_open",
    SaneStatus.IO_ERROR: "scanner.io_error",
    SaneStatus.NO_MEM: "scanner.out_of_memory",
    SaneStatus.ACCESS_DENIED: "scanner.access_denied",
    SaneStatus.UNKNOWN: "scanner.failed",
}


def status_from_text(text: str) -> SaneStatus:
    """The status whose `sane_strstatus` text is `text` (case and spacing ignored)."""
    return _BY_TEXT.get(" ".join(text.lower().split()), SaneStatus.UNKNOWN)


def code_for(status: SaneStatus) -> str:
    """The error code of a SANE status."""
    return CODES[status]
