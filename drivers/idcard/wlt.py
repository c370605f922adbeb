"""Optional decoding of the ID card photo (1024 bytes of WLT) through the reader vendor's library.

WLT can only be decoded by the vendor's licensed library, which the technician installs and
points the program at; without it the UI shows a placeholder. ``PhotoDecoder.load(path)`` loads
it with ctypes and looks for these entry points, in this order:

``unpack`` - ``int unpack(char *src, char *dst, int flag)`` (libwlt2bmp.so, libwlt.so,
    IDCard_Unpack.dll; cdecl). ``src`` is the 1024 WLT bytes, ``dst`` a caller buffer.
``_Z6unpackPcS_i`` - the same function exported with C++ name mangling (seen in libwlt variants).
``GetBmp`` - ``int GetBmp(char *wlt_file, int intf)`` (Windows WltRS.dll; stdcall). Works on
    files: the photo is written to ``zp.wlt`` in a private temporary directory (0700), the
    library writes ``zp.bmp`` next to it, and the directory is removed straight after.

The integer argument (``flag``) means different things across versions: ``bmpSave`` for some
``unpack`` builds (non-zero also writes ``zp.bmp`` into the current directory, which would leave
the holder's photo on disk, hence the default 0), a vendor licence code for others (e.g. 708, 752:
then use the value from the vendor's documentation), and the reader interface for ``GetBmp``
(1 serial, 2 USB; default 2).

Return codes (assumption, from public vendor samples; no vendor documentation at hand): 1 means
success for both families; anything else is a failure. 0 is *not* accepted: it is a failure code
of ``GetBmp`` ("sdtapi.dll error") and no sample treats it as success. ``GetBmp`` codes 0 and -1 to
-6 have known meanings, shown in the error message.

Output: ``output="bmp"`` (default) expects ``dst`` to receive a 24-bit 102x126 BMP file, which is
checked (``BM``, header, dimensions, sizes) and trimmed to its declared size. Many ``unpack``
builds instead write 102*126*3 raw pixels without a header; ``output="rgb"`` takes them as
bottom-up rows of R, G, B (inferred from public integration code, unconfirmed) and wraps them in
a BMP. Raw output cannot be told from garbage, so it is never guessed: the technician chooses.

The library runs in a worker process of its own (drivers/idcard/wlt_worker.py, see
drivers/isolation.py), never in the window's: vendor code may crash, reset signal handlers, change
or write into the current directory (``zp.bmp``). The worker works in a private temporary
directory removed when it ends. If it dies or hangs, ``decode`` raises PhotoDecoderError saying so
and the next ``decode`` starts a new worker. Vendor libraries are usually not thread-safe: each
decoder sends one call at a time to its worker. ``close()`` ends the worker (so does garbage
collection and the end of the program). Nothing about the photo is logged: only the library path,
entry point and return codes.
"""

from __future__ import annotations

import logging
import os
import struct
import threading
import weakref
from dataclasses import dataclass
from typing import Any, Literal

from drivers.errors import DeviceError, register
from drivers.isolation import Worker, WorkerDiedError

__all__ = ["BMP_BUFFER_SIZE", "PHOTO_HEIGHT", "PHOTO_WIDTH", "WLT_SIZE", "PhotoDecoder", "PhotoDecoderError", "bmp_size"]

_log = logging.getLogger(__name__)

WLT_SIZE = 1024
PHOTO_WIDTH = 102
PHOTO_HEIGHT = 126
_ROW_STRIDE = (PHOTO_WIDTH * 3 + 3) & ~3  # 308: BMP rows are padded to 4 bytes
BMP_BUFFER_SIZE = 54 + _ROW_STRIDE * PHOTO_HEIGHT  # 38862, the documented minimum for dst
_RAW_SIZE = PHOTO_WIDTH * PHOTO_HEIGHT * 3  # 38556

_SUCCESS = 1
_GETBMP_ERRORS = {
    0: "sdtapi.dll call failed",
    -1: "photo decoding error",
    -2: "wrong wlt file suffix",
    -3: "wlt file cannot be opened",
    -4: "wrong wlt file format",
    -5: "software not licensed",
    -6: "device connection error",
}

LOAD_TIMEOUT_S = 30.0  # start the worker and load the library
DECODE_TIMEOUT_S = 10.0  # one photo takes milliseconds: longer means the library hangs

MESSAGES = register({
    "photo.library_missing": "The photo decoder library {path} does not exist: ask the technician to check the "
                             "setting devices.photo_decoder.",
    "photo.library_unloadable": "The photo decoder library {path} cannot be used ({reason}): ask the technician to "
                                "check it and the setting devices.photo_decoder.",
    "photo.decoder_timeout": "The photo decoder library gave no answer within {seconds} s and was stopped: read "
                             "the card again; if it keeps happening, ask the technician to check the library.",
    "photo.decoder_died": "The photo decoder library ended unexpectedly, so the photo is not shown: read the card "
                          "again; if it keeps happening, ask the technician to check the library.",
    "photo.worker_failed": "The photo decoder process cannot be started: restart the program; if it keeps "
                           "happening, ask the technician.",
    "photo.wrong_size": "The card's photo data is {size} bytes instead of {expected}: read the card again.",
    "photo.decode_failed": "The photo could not be decoded ({reason}): read the card again; if it keeps happening, "
                           "ask the technician to check the photo decoder library.",
    "photo.bad_output": "The photo decoder library gave an unusable image ({reason}): ask the technician to check "
                        "the library and the setting devices.photo_decoder_output.",
})


class PhotoDecoderError(DeviceError):
    """The photo library cannot be loaded or did not decode the photo."""

    code = "photo.decode_failed"


@dataclass(frozen=True, slots=True)
class _BmpHeader:
    file_size: int
    pixel_offset: int
    width: int
    height: int  # negative for top-down rows
    bits: int
    compression: int


def _parse_header(bmp: bytes) -> _BmpHeader:
    if len(bmp) < 54 or bmp[:2] != b"BM":
        raise ValueError("not a BMP file")
    file_size, pixel_offset, dib_size, width, height, _planes, bits, compression = struct.unpack_from("<I4xIIiiHHI", bmp, 2)
    if dib_size < 40:
        raise ValueError(f"unsupported BMP header of {dib_size} bytes")
    return _BmpHeader(file_size, pixel_offset, width, height, bits, compression)


def bmp_size(bmp: bytes) -> tuple[int, int]:
    """(width, height) in pixels from a BMP file's header; ValueError if it is not a BMP."""
    header = _parse_header(bytes(bmp[:54]))
    return header.width, abs(header.height)


def _checked_bmp(buffer: bytes) -> bytes:
    """The photo BMP at the start of ``buffer``, trimmed to its declared size; PhotoDecoderError if implausible."""
    try:
        header = _parse_header(buffer)
    except ValueError:
        raise PhotoDecoderError("photo.bad_output",
                                reason="not a BMP image; if the library writes raw pixels, use the rgb output") from None
    if (header.width, abs(header.height), header.bits, header.compression) != (PHOTO_WIDTH, PHOTO_HEIGHT, 24, 0):
        raise PhotoDecoderError("photo.bad_output", reason=(
            f"{header.width}x{abs(header.height)}, {header.bits} bits, compression {header.compression}"
            f" instead of {PHOTO_WIDTH}x{PHOTO_HEIGHT}, 24 bits, uncompressed"))
    needed = header.pixel_offset + _ROW_STRIDE * PHOTO_HEIGHT
    size = header.file_size or needed  # bfSize may legally be 0 for uncompressed bitmaps
    if header.pixel_offset < 54 or not needed <= size <= len(buffer):
        raise PhotoDecoderError("photo.bad_output",
                                reason=f"BMP of {header.file_size} bytes with pixels at {header.pixel_offset}")
    return bytes(buffer[:size])


def _bmp_from_rgb(raw: bytes) -> bytes:
    """A BMP file from 102x126 raw pixels: bottom-up rows of R, G, B, no padding."""
    if not any(raw):
        raise PhotoDecoderError("photo.bad_output", reason="no image data")
    file_header = struct.pack("<2sIHHI", b"BM", BMP_BUFFER_SIZE, 0, 0, 54)
    pixels = _ROW_STRIDE * PHOTO_HEIGHT
    info_header = struct.pack("<IiiHHIIiiII", 40, PHOTO_WIDTH, PHOTO_HEIGHT, 1, 24, 0, pixels, 3780, 3780, 0, 0)
    out = bytearray(file_header + info_header)
    pad = bytes(_ROW_STRIDE - PHOTO_WIDTH * 3)
    for y in range(PHOTO_HEIGHT):
        row = bytearray(raw[y * PHOTO_WIDTH * 3 : (y + 1) * PHOTO_WIDTH * 3])
        row[0::3], row[2::3] = row[2::3], row[0::3]  # RGB -> BGR
        out += row + pad
    return bytes(out)


class PhotoDecoder:
    """A vendor photo library loaded in its worker. Create with :meth:`load`; :meth:`decode` may be called from any thread."""

    def __init__(self, path: str, kind: str, symbol: str, flag: int, output: str, worker: Worker) -> None:
        self.path = path
        self.symbol = symbol
        self.flag = flag
        self.output = output
        self._kind = kind
        self._lock = threading.Lock()
        self._slot: list[Worker | None] = [worker]  # a new worker replaces one that died
        self._finalizer = weakref.finalize(self, _stop_slot, self._slot)

    @classmethod
    def load(cls, path: str, *, flag: int | None = None, output: Literal["bmp", "rgb"] = "bmp") -> PhotoDecoder:
        """Load the library at ``path`` and find a supported entry point (see the module docstring).

        ``flag``: the integer argument passed on each call (default 0 for ``unpack``, 2 for ``GetBmp``).
        ``output``: what ``unpack`` writes, ``"bmp"`` (a BMP file) or ``"rgb"`` (raw pixels); ignored for ``GetBmp``.
        """
        if output not in ("bmp", "rgb"):
            raise ValueError(f"output must be 'bmp' or 'rgb', not {output!r}")
        path = os.path.abspath(os.fspath(path))
        if not os.path.isfile(path):
            raise PhotoDecoderError("photo.library_missing", path=path)
        worker, (kind, symbol, used_flag) = _start(path, flag)
        return cls(path, kind, symbol, used_flag, output if kind == "unpack" else "bmp", worker)

    @property
    def worker_pid(self) -> int | None:
        """The process id of the worker holding the library (diagnostics and tests); None before a restart."""
        worker = self._slot[0]
        return worker.pid if worker is not None else None

    def close(self) -> None:
        """End the worker. A later ``decode`` starts a new one."""
        with self._lock:
            _stop_slot(self._slot)

    def decode(self, wlt: bytes) -> bytes:
        """The photo as a 24-bit 102x126 BMP file; PhotoDecoderError if the input or the library's answer is wrong."""
        wlt = bytes(wlt)
        if len(wlt) != WLT_SIZE:
            raise PhotoDecoderError("photo.wrong_size", size=len(wlt), expected=WLT_SIZE)
        with self._lock:
            code, data = self._call(wlt)
        if code != _SUCCESS:
            reason = _GETBMP_ERRORS.get(code) if self._kind == "getbmp" else None
            raise PhotoDecoderError(reason=f"the library returned {code}" + (f": {reason}" if reason else ""))
        if data is None:
            raise PhotoDecoderError(reason="the library wrote no BMP file")
        if self.output == "rgb":
            return _bmp_from_rgb(data[:_RAW_SIZE])
        return _checked_bmp(data)

    def _call(self, wlt: bytes) -> tuple[int, bytes | None]:
        worker = self._slot[0]
        if worker is None:
            worker, _ = _start(self.path, self.flag)
            self._slot[0] = worker
        try:
            return _answer(worker.request(("decode", wlt), DECODE_TIMEOUT_S))
        except WorkerDiedError as died:
            self._slot[0] = None
            _log.warning("photo library %s: worker ended during a call (%s)", self.path, died.reason)
            raise PhotoDecoderError("photo.decoder_died", detail=died.reason) from None
        except TimeoutError:
            self._slot[0] = None
            worker.kill()
            _log.warning("photo library %s: no answer in %.0f s, worker killed", self.path, DECODE_TIMEOUT_S)
            raise PhotoDecoderError("photo.decoder_timeout", seconds=f"{DECODE_TIMEOUT_S:.0f}") from None


def _answer(reply: tuple[Any, ...]) -> Any:
    if reply[0] == "err":
        raise reply[1] from None
    return reply[1]


def _start(path: str, flag: int | None) -> tuple[Worker, tuple[str, str, int]]:
    """A worker with the library at ``path`` loaded, and (kind, entry point, flag)."""
    from drivers.idcard.wlt_worker import serve

    try:
        worker = Worker("photo-decoder", serve).start()
    except WorkerDiedError as died:
        _log.warning("photo decoder worker did not start: %r", died.__cause__)
        raise PhotoDecoderError("photo.worker_failed") from None
    try:
        loaded = _answer(worker.request(("load", path, flag), LOAD_TIMEOUT_S))
    except WorkerDiedError as died:
        _log.warning("photo library %s: worker ended while loading (%s)", path, died.reason)
        raise PhotoDecoderError("photo.library_unloadable", path=path, reason="it ended the process while loading") from None
    except TimeoutError:
        worker.kill()
        raise PhotoDecoderError("photo.decoder_timeout", seconds=f"{LOAD_TIMEOUT_S:.0f}", path=path) from None
    except BaseException:
        worker.stop()
        raise
    return worker, tuple(loaded)


def _stop_slot(slot: list[Worker | None]) -> None:
    worker, slot[0] = slot[0], None
    if worker is not None:
        worker.stop()
