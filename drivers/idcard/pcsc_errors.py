"""Errors of the PC/SC card reader driver. Messages are for the counter clerk (Simplified Chinese)."""

from __future__ import annotations

# PC/SC return codes (identical in pcsc-lite and WinSCard), so that messages and
# recovery work without pyscard's constants.
SCARD_CODES: dict[int, str] = {
    0x80100002: "SCARD_E_CANCELLED",
    0x80100003: "SCARD_E_INVALID_HANDLE",
    0x80100004: "SCARD_E_INVALID_PARAMETER",
    0x80100006: "SCARD_E_NO_MEMORY",
    0x80100009: "SCARD_E_UNKNOWN_READER",
    0x8010000A: "SCARD_E_TIMEOUT",
    0x8010000B: "SCARD_E_SHARING_VIOLATION",
    0x8010000C: "SCARD_E_NO_SMARTCARD",
    0x8010000D: "SCARD_E_UNKNOWN_CARD",
    0x8010000F: "SCARD_E_PROTO_MISMATCH",
    0x80100010: "SCARD_E_NOT_READY",
    0x80100013: "SCARD_F_COMM_ERROR",
    0x80100014: "SCARD_F_UNKNOWN_ERROR",
    0x80100016: "SCARD_E_NOT_TRANSACTED",
    0x80100017: "SCARD_E_READER_UNAVAILABLE",
    0x8010001D: "SCARD_E_NO_SERVICE",
    0x8010001E: "SCARD_E_SERVICE_STOPPED",
    0x8010002E: "SCARD_E_NO_READERS_AVAILABLE",
    0x8010002F: "SCARD_E_COMM_DATA_LOST",
    0x80100065: "SCARD_W_UNSUPPORTED_CARD",
    0x80100066: "SCARD_W_UNRESPONSIVE_CARD",
    0x80100067: "SCARD_W_UNPOWERED_CARD",
    0x80100068: "SCARD_W_RESET_CARD",
    0x80100069: "SCARD_W_REMOVED_CARD",
}


def scard_code_text(code: int) -> str:
    """``SCARD_E_NO_SERVICE 0x8010001D`` (name when known)."""
    code &= 0xFFFFFFFF
    name = SCARD_CODES.get(code)
    return f"{name} 0x{code:08X}" if name else f"0x{code:08X}"


class PcscError(Exception):
    """Base of every error of this driver. ``code``: the PC/SC return code, if any."""

    def __init__(self, message: str, code: int | None = None) -> None:
        self.code = None if code is None else code & 0xFFFFFFFF
        self.detail = message
        super().__init__(f"{message} [{scard_code_text(code)}]" if code is not None else message)


class PcscNotInstalledError(PcscError):
    """pyscard is not installed (optional dependency ``hallapp[pcsc]``)."""


class ServiceNotRunningError(PcscError):
    """The PC/SC service (pcscd / Windows 智能卡服务) is not running."""


class NoReaderError(PcscError):
    """No card reader is connected (or not the one asked for)."""


class NoCardError(PcscError):
    """No card in the reader (within the timeout), or it was taken out while reading."""


class WaitCancelledError(PcscError):
    """The wait was cancelled with :meth:`PcscService.cancel`."""


class UnknownCard(PcscError):  # noqa: N818  (name fixed by the driver API)
    """The card is not a social security card (it refuses the SELECT) or does not answer."""

    def __init__(self, atr: str, reason: str = "", code: int | None = None) -> None:
        self.atr = atr
        self.reason = reason
        shown = " ".join(atr[i : i + 2] for i in range(0, len(atr), 2)) or "无"
        super().__init__(f"无法识别的卡片 (ATR {shown})" + (f"：{reason}" if reason else ""), code)


class CardReadError(PcscError):
    """The card answered a command with an error, or the exchange failed."""

    def __init__(self, message: str, code: int | None = None, sw: int | None = None) -> None:
        self.sw = sw
        super().__init__(message, code)


class RecordFormatError(PcscError):
    """A data element does not have the expected format (raised by the parsers)."""


class CardLayoutError(CardReadError):
    """A record is missing or holds something else: the record numbers do not fit this card."""

    def __init__(self, sfi: int, record: int, field: str, problem: str, sw: int | None = None) -> None:
        self.sfi = sfi
        self.record = record
        self.field = field
        super().__init__(
            f"卡片数据格式无法识别：EF{sfi:02X} 记录 {record:02X} ({field}) {problem}，请检查读卡设置中的记录号",
            sw=sw,
        )
