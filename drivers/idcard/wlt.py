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

Vendor libraries are usually not thread-safe and keep process-wide state (loading the same file
twice gives the same handle), so every call into any decoder holds one module-wide lock. Nothing
about the photo is logged: only the library path, entry point and return codes.
"""

from __future__ import annotations

import ctypes
import logging
import os
import struct
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

__all__ = ["BMP_BUFFER_SIZE", "PHOTO_HEIGHT", "PHOTO_WIDTH", "WLT_SIZE", "PhotoDecoder", "PhotoDecoderError", "bmp_size"]

_log = logging.getLogger(__name__)

WLT_SIZE = 1024
PHOTO_WIDTH = 102
PHOTO_HEIGHT = 126
_ROW_STRIDE = (PHOTO_WIDTH * 3 + 3) & ~3  # 308: BMP rows are padded to 4 bytes
BMP_BUFFER_SIZE = 54 + _ROW_STRIDE * PHOTO_HEIGHT  # 38862, the documented minimum for dst
_RAW_SIZE = PHOTO_WIDTH * PHOTO_HEIGHT * 3  # 38556
_DST_SIZE = 40960  # headroom above BMP_BUFFER_SIZE in case a library writes a little past it

_UNPACK_NAMES = ("unpack", "_Z6unpackPcS_i")
_GETBMP_NAME = "GetBmp"
_SUCCESS = 1
_GETBMP_ERRORS = {
    0: "调用 sdtapi.dll 出错",
    -1: "照片解码错误",
    -2: "wlt 文件后缀错误",
    -3: "wlt 文件打开错误",
    -4: "wlt 文件格式错误",
    -5: "软件未授权",
    -6: "设备连接错误",
}

_CALL_LOCK = threading.Lock()  # one for all decoders: vendor state is per process


class PhotoDecoderError(Exception):
    """The photo library cannot be loaded or did not decode the photo. Message for the clerk (Chinese)."""


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
        raise PhotoDecoderError("照片解码库输出的不是 BMP 图像（若该库输出裸像素，请改用 rgb 输出格式）") from None
    if (header.width, abs(header.height), header.bits, header.compression) != (PHOTO_WIDTH, PHOTO_HEIGHT, 24, 0):
        raise PhotoDecoderError(
            f"照片解码库输出的图像格式异常: {header.width}×{abs(header.height)}, {header.bits} 位, 压缩方式 {header.compression}"
            f"（应为 {PHOTO_WIDTH}×{PHOTO_HEIGHT}, 24 位, 不压缩）"
        )
    needed = header.pixel_offset + _ROW_STRIDE * PHOTO_HEIGHT
    size = header.file_size or needed  # bfSize may legally be 0 for uncompressed bitmaps
    if header.pixel_offset < 54 or not needed <= size <= len(buffer):
        raise PhotoDecoderError(f"照片解码库输出的 BMP 大小异常: 声明 {header.file_size} 字节, 数据起点 {header.pixel_offset}")
    return bytes(buffer[:size])


def _bmp_from_rgb(raw: bytes) -> bytes:
    """A BMP file from 102x126 raw pixels: bottom-up rows of R, G, B, no padding."""
    if not any(raw):
        raise PhotoDecoderError("照片解码库没有输出图像数据")
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


def _native_path(path: str) -> bytes:
    """A file name for a ``char *`` API: the ANSI code page on Windows, the file system encoding elsewhere."""
    return path.encode("mbcs") if sys.platform == "win32" else os.fsencode(path)


class PhotoDecoder:
    """A loaded vendor photo library. Create with :meth:`load`; :meth:`decode` may be called from any thread."""

    def __init__(self, path: str, kind: str, function: Callable[..., int], symbol: str, flag: int, output: str) -> None:
        self.path = path
        self.symbol = symbol
        self.flag = flag
        self.output = output
        self._kind = kind
        self._function = function

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
            raise PhotoDecoderError(f"无法加载照片解码库: {path}（文件不存在）")
        try:
            cdecl = ctypes.CDLL(path)
            stdcall = ctypes.WinDLL(path) if sys.platform == "win32" else cdecl
        except OSError as exc:
            raise PhotoDecoderError(f"无法加载照片解码库: {path}（{exc}）") from exc
        for symbol in _UNPACK_NAMES:
            function = getattr(cdecl, symbol, None)
            if function is not None:
                function.argtypes = [ctypes.POINTER(ctypes.c_char), ctypes.POINTER(ctypes.c_char), ctypes.c_int]
                function.restype = ctypes.c_int
                _log.info("photo library %s loaded, entry point %s", path, symbol)
                return cls(path, "unpack", function, symbol, 0 if flag is None else flag, output)
        function = getattr(stdcall, _GETBMP_NAME, None)
        if function is not None:
            function.argtypes = [ctypes.c_char_p, ctypes.c_int]
            function.restype = ctypes.c_int
            _log.info("photo library %s loaded, entry point %s", path, _GETBMP_NAME)
            return cls(path, "getbmp", function, _GETBMP_NAME, 2 if flag is None else flag, "bmp")
        names = ", ".join((*_UNPACK_NAMES, _GETBMP_NAME))
        raise PhotoDecoderError(f"无法加载照片解码库: {path}（未找到支持的解码函数: {names}）")

    def decode(self, wlt: bytes) -> bytes:
        """The photo as a 24-bit 102x126 BMP file; PhotoDecoderError if the input or the library's answer is wrong."""
        wlt = bytes(wlt)
        if len(wlt) != WLT_SIZE:
            raise PhotoDecoderError(f"照片数据长度应为 {WLT_SIZE} 字节, 实际为 {len(wlt)} 字节")
        if self._kind == "getbmp":
            return self._decode_file(wlt)
        src = ctypes.create_string_buffer(wlt, WLT_SIZE)  # a copy: some builds scribble on src
        dst = ctypes.create_string_buffer(_DST_SIZE)
        with _CALL_LOCK:
            code = self._function(src, dst, self.flag)
        if code != _SUCCESS:
            _log.warning("photo library %s: %s returned %d", self.path, self.symbol, code)
            raise PhotoDecoderError(f"照片解码失败: 解码库返回 {code}")
        if self.output == "rgb":
            return _bmp_from_rgb(dst.raw[:_RAW_SIZE])
        return _checked_bmp(dst.raw)

    def _decode_file(self, wlt: bytes) -> bytes:
        with tempfile.TemporaryDirectory(prefix="hallapp-wlt-", ignore_cleanup_errors=True) as folder:
            wlt_path = os.path.join(folder, "zp.wlt")
            with open(wlt_path, "wb") as file:
                file.write(wlt)
            try:
                name = _native_path(wlt_path)
            except UnicodeEncodeError:
                raise PhotoDecoderError(f"照片解码失败: 临时目录 {folder} 含有解码库不支持的字符") from None
            with _CALL_LOCK:
                code = self._function(name, self.flag)
            if code != _SUCCESS:
                _log.warning("photo library %s: GetBmp returned %d", self.path, code)
                reason = _GETBMP_ERRORS.get(code)
                raise PhotoDecoderError(f"照片解码失败: 解码库返回 {code}" + (f"（{reason}）" if reason else ""))
            try:
                with open(os.path.join(folder, "zp.bmp"), "rb") as file:
                    data = file.read(_DST_SIZE)
            except OSError:
                raise PhotoDecoderError("照片解码失败: 解码库没有生成 BMP 文件") from None
        return _checked_bmp(data)
