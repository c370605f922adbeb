"""The photo decoder's worker process: loads the vendor's WLT library with ctypes and calls it.

Runs in a child (drivers/isolation.py) whose working directory is private and removed at exit, so
a library that writes ``zp.bmp`` into the current directory (``bmpSave`` builds), changes it, resets
signal handlers or crashes cannot reach the window. Protocol, one request at a time:

  ("load", path, flag)   -> ("ok", (kind, symbol, flag))     kind "unpack" or "getbmp"
  ("decode", wlt)        -> ("ok", (code, data))              data: dst buffer, or the BMP file (None if absent)
  None                   quit
Errors are answered ("err", PhotoDecoderError). Nothing about the photo is logged.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
import tempfile
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from drivers.idcard.wlt import PhotoDecoderError
from drivers.isolation import ignore_sigpipe

_log = logging.getLogger("drivers.idcard.wlt")

WLT_SIZE = 1024
DST_SIZE = 40960  # headroom above the 38862-byte BMP in case a library writes a little past it
UNPACK_NAMES = ("unpack", "_Z6unpackPcS_i")
GETBMP_NAME = "GetBmp"


def serve(conn: Connection) -> None:
    """The worker's loop (the target of its process)."""
    library: _Library | None = None
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        try:
            if message[0] == "load":
                library = _Library.load(message[1], message[2])
                reply: tuple[Any, ...] = ("ok", (library.kind, library.symbol, library.flag))
            elif message[0] == "decode" and library is not None:
                reply = ("ok", library.call(bytes(message[1])))
            else:
                raise ValueError(f"unexpected request {message[0]!r}")
        except PhotoDecoderError as exc:
            reply = ("err", exc)
        except Exception as exc:  # noqa: BLE001 - reported to the caller, the worker stays up
            _log.warning("photo library worker: %s", type(exc).__name__)
            reply = ("err", PhotoDecoderError(reason=type(exc).__name__))
        ignore_sigpipe()  # belt and braces: whatever the vendor code did
        conn.send(reply)


def _native_path(path: str) -> bytes:
    """A file name for a ``char *`` API: the ANSI code page on Windows, the file system encoding elsewhere."""
    return path.encode("mbcs") if sys.platform == "win32" else os.fsencode(path)


class _Library:
    def __init__(self, path: str, kind: str, function: Callable[..., int], symbol: str, flag: int) -> None:
        self.path, self.kind, self.symbol, self.flag = path, kind, symbol, flag
        self._function = function

    @classmethod
    def load(cls, path: str, flag: int | None) -> _Library:
        try:
            cdecl = stdcall = ctypes.CDLL(path)
            if sys.platform == "win32":  # an if, not a ternary: mypy then knows WinDLL exists here
                stdcall = ctypes.WinDLL(path)
        except OSError as exc:
            raise PhotoDecoderError("photo.library_unloadable", path=path, reason=str(exc)) from None
        for symbol in UNPACK_NAMES:
            function = getattr(cdecl, symbol, None)
            if function is not None:
                function.argtypes = [ctypes.POINTER(ctypes.c_char), ctypes.POINTER(ctypes.c_char), ctypes.c_int]
                function.restype = ctypes.c_int
                _log.info("photo library %s loaded, entry point %s", path, symbol)
                return cls(path, "unpack", function, symbol, 0 if flag is None else flag)
        function = getattr(stdcall, GETBMP_NAME, None)
        if function is not None:
            function.argtypes = [ctypes.c_char_p, ctypes.c_int]
            function.restype = ctypes.c_int
            _log.info("photo library %s loaded, entry point %s", path, GETBMP_NAME)
            return cls(path, "getbmp", function, GETBMP_NAME, 2 if flag is None else flag)
        names = ", ".join((*UNPACK_NAMES, GETBMP_NAME))
        raise PhotoDecoderError("photo.library_unloadable", path=path, reason=f"no supported entry point: {names}")

    def call(self, wlt: bytes) -> tuple[int, bytes | None]:
        if self.kind == "getbmp":
            return self._call_file(wlt)
        src = ctypes.create_string_buffer(wlt, WLT_SIZE)  # a copy: some builds scribble on src
        dst = ctypes.create_string_buffer(DST_SIZE)
        code = int(self._function(src, dst, self.flag))
        if code != 1:
            _log.warning("photo library %s: %s returned %d", self.path, self.symbol, code)
        return code, dst.raw

    def _call_file(self, wlt: bytes) -> tuple[int, bytes | None]:
        # In the worker's private working directory, removed straight after the call.
        with tempfile.TemporaryDirectory(prefix="hallapp-wlt-", dir=os.getcwd(), ignore_cleanup_errors=True) as folder:
            wlt_path = os.path.join(folder, "zp.wlt")
            with open(wlt_path, "wb") as file:
                file.write(wlt)
            try:
                name = _native_path(wlt_path)
            except UnicodeEncodeError:
                raise PhotoDecoderError(reason=f"the temporary folder {folder} has characters the library cannot take") from None
            code = int(self._function(name, self.flag))
            if code != 1:
                _log.warning("photo library %s: GetBmp returned %d", self.path, code)
                return code, None
            try:
                with open(os.path.join(folder, "zp.bmp"), "rb") as file:
                    return code, file.read(DST_SIZE)
            except OSError:
                return code, None
