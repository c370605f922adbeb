"""Resident ID card readers speaking the SAM serial protocol, and a simulator of one.

Modules: `frames` (byte framing), `status` (SW3 codes and their error codes), `layouts` (the 256-byte
text block of the three card types, read answers), `reader` (`SamReader`, `detect_port`), `poller`
(`CardPoller`), `sample` and `simulator` (a reader on a pseudo-terminal, for tests, demo and
training: `python -m drivers.idcard.simulator --help`).

Threading: all I/O of one `SamReader` runs on that reader's own thread; its methods may be called
from any thread. Nothing here imports hallapp, ui or Qt; log lines carry masked values only.
"""

from drivers.idcard.layouts import CardDataError, CardRead, CardText, UnknownLayout, decode_raw_file, encode_text
from drivers.idcard.poller import CardPoller
from drivers.idcard.reader import ReaderError, ReaderNotConnected, ReaderTimeout, SamReader, detect_port
from drivers.idcard.status import SamError

__all__ = [
    "CardDataError",
    "CardPoller",
    "CardRead",
    "CardText",
    "ReaderError",
    "ReaderNotConnected",
    "ReaderTimeout",
    "SamError",
    "SamReader",
    "UnknownLayout",
    "decode_raw_file",
    "detect_port",
    "encode_text",
]
