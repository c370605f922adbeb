"""Errors of the PC/SC card reader driver: a stable code each (worded for the clerk in ui/errors.py),
an English message with the PC/SC return code for logs and the command line."""

from __future__ import annotations

from drivers.errors import DeviceError, register

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


MESSAGES = register({
    "pcsc.not_installed": "PC/SC support (pyscard) is not installed, so the card reader cannot be used: ask the "
                          "technician to install it.",
    "pcsc.service_not_running": "The smart card service (pcscd) is not running: ask the technician to start it.",
    "pcsc.service_lost": "The connection to the smart card service (pcscd) broke off: read the card again; if it "
                         "keeps happening, ask the technician.",
    "pcsc.no_reader": "No card reader is connected: check the reader's USB cable.",
    "pcsc.reader_missing": "The card reader {reader} is not connected: check its USB cable, or the reader name "
                           "in the settings.",
    "pcsc.no_card": "No card in the reader: insert the social security card.",
    "pcsc.card_removed": "The card was taken out while it was being read: insert it again.",
    "pcsc.cancelled": "Reading the card was cancelled.",
    "pcsc.card_unresponsive": "The card does not answer, or speaks a protocol the reader does not support "
                              "(ATR {atr}): insert it again, chip first.",
    "pcsc.not_social_security_card": "This is not a social security card (ATR {atr}, SW {sw}): check the card.",
    "pcsc.reader_busy": "The card reader is in use by another program: close that program and read again.",
    "pcsc.read_failed": "The card could not be read: insert it again.",
    "pcsc.application_locked": "The social security application on this card is locked (SW 6283): the holder "
                               "must have it unlocked at the card's issuing office.",
    "pcsc.record_missing": "The card has no record {record} in EF{sfi} ({field}, SW {sw}): check the record "
                           "numbers in the card reader settings.",
    "pcsc.record_unexpected": "Record {record} in EF{sfi} ({field}) holds something unexpected ({problem}): check "
                              "the record numbers in the card reader settings.",
    "pcsc.record_protected": "The card refuses to give record {record} in EF{sfi} ({field}) without security "
                             "authentication (SW {sw}): check the record numbers in the card reader settings.",
    "pcsc.record_read_failed": "Record {record} in EF{sfi} ({field}) could not be read (SW {sw}): insert the card again.",
    "pcsc.bad_response": "The card's answer was incomplete ({problem}): insert the card again.",
    "pcsc.record_format": "A card record has an unexpected format: {problem}.",
})


class PcscError(DeviceError):
    """Base of every error of this driver. ``scard``: the PC/SC return code, if any (in the message too)."""

    code = "pcsc.read_failed"

    def __init__(self, code: str | None = None, /, scard: int | None = None, **params: object) -> None:
        self.scard = None if scard is None else scard & 0xFFFFFFFF
        detail = str(params.pop("detail", ""))  # DeviceError's own keyword, not a message parameter
        super().__init__(code, detail=detail, **params)
        if self.scard is not None:
            self.args = (f"{self.args[0]} [{scard_code_text(self.scard)}]",)


class PcscNotInstalledError(PcscError):
    """pyscard is not installed (optional dependency ``hallapp[pcsc]``)."""

    code = "pcsc.not_installed"


class ServiceNotRunningError(PcscError):
    """The PC/SC service (pcscd / the Windows smart card service) is not running."""

    code = "pcsc.service_not_running"


class NoReaderError(PcscError):
    """No card reader is connected (or not the one asked for)."""

    code = "pcsc.no_reader"


class NoCardError(PcscError):
    """No card in the reader (within the timeout), or it was taken out while reading."""

    code = "pcsc.no_card"


class WaitCancelledError(PcscError):
    """The wait was cancelled with :meth:`PcscService.cancel`."""

    code = "pcsc.cancelled"


class UnknownCard(PcscError):  # noqa: N818  (name fixed by the driver API)
    """The card is not a social security card (it refuses the SELECT: ``sw``) or does not answer."""

    def __init__(self, atr: str, sw: int | None = None, scard: int | None = None) -> None:
        self.atr = atr
        self.sw = sw
        shown = " ".join(atr[i : i + 2] for i in range(0, len(atr), 2)) or "-"
        if sw is None:
            super().__init__("pcsc.card_unresponsive", scard, atr=shown)
        else:
            super().__init__("pcsc.not_social_security_card", scard, atr=shown, sw=f"{sw:04X}")


class CardReadError(PcscError):
    """The card answered a command with an error, or the exchange failed."""

    def __init__(self, code: str | None = None, /, scard: int | None = None, sw: int | None = None,
                 **params: object) -> None:
        self.sw = sw
        if sw is not None:
            params.setdefault("sw", f"{sw:04X}")
        super().__init__(code, scard, **params)


class RecordFormatError(PcscError):
    """A data element does not have the expected format (raised by the parsers); ``problem`` says how."""

    code = "pcsc.record_format"

    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__(problem=problem)


class CardLayoutError(CardReadError):
    """A record is missing (``sw`` given) or holds something else: the record numbers do not fit this card.
    ``field`` is the SocialSecurityCard attribute the record was read for."""

    def __init__(self, sfi: int, record: int, field: str, problem: str = "", sw: int | None = None) -> None:
        self.sfi = sfi
        self.record = record
        self.field = field
        sfi_hex, record_hex = f"{sfi:02X}", f"{record:02X}"
        if sw is not None:
            super().__init__("pcsc.record_missing", sw=sw, sfi=sfi_hex, record=record_hex, field=field)
        else:
            super().__init__("pcsc.record_unexpected", problem=problem, sfi=sfi_hex, record=record_hex, field=field)
