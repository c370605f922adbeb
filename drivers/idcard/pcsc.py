"""Card readers over PC/SC (pcscd on Linux, WinSCard on Windows) and the social security card.

Built on pyscard's low-level ``smartcard.scard`` API (optional dependency: ``hallapp[pcsc]``).
A :class:`PcscService` keeps one PC/SC context and re-creates it when it breaks: after pcscd
restarts, or a reader is unplugged and plugged in again, the old context keeps failing
(pyscard issues #13, #27), so calls recover without restarting the application.

One thread at a time per service; :meth:`PcscService.cancel` may be called from another thread.
Nothing personal is logged: reader names, ATRs, status words and record numbers only.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Self, TypeVar

from .pcsc_errors import (
    CardLayoutError,
    CardReadError,
    NoCardError,
    NoReaderError,
    PcscError,
    PcscNotInstalledError,
    RecordFormatError,
    ServiceNotRunningError,
    UnknownCard,
    WaitCancelledError,
    scard_code_text,
)
from .pcsc_records import (
    SSC_AID,
    SocialSecurityCard,
    SscLayout,
    decode_code,
    parse_birth_date,
    parse_birthplace,
    parse_card_identifier,
    parse_card_number,
    parse_name,
    parse_nation,
    parse_sex,
    parse_social_security_number,
    strip_record_tag,
)

try:
    from smartcard import scard as _scard
except ImportError:  # optional dependency
    _scard = None

__all__ = [
    "CardLayoutError",
    "CardPresence",
    "CardReadError",
    "DEFAULT_LAYOUT",
    "NoCardError",
    "NoReaderError",
    "PcscError",
    "PcscNotInstalledError",
    "PcscService",
    "RecordFormatError",
    "SSC_AID",
    "ServiceNotRunningError",
    "SocialSecurityCard",
    "SscLayout",
    "UnknownCard",
    "WaitCancelledError",
]

log = logging.getLogger(__name__)
T = TypeVar("T")

DEFAULT_LAYOUT = SscLayout()
PNP_NOTIFICATION = "\\\\?PnP?\\Notification"

# PC/SC return codes and reader states (the same values on every platform).
_S_SUCCESS = 0
_E_CANCELLED = 0x80100002
_E_INVALID_HANDLE = 0x80100003
_E_UNKNOWN_READER = 0x80100009
_E_TIMEOUT = 0x8010000A
_E_SHARING_VIOLATION = 0x8010000B
_E_NO_SMARTCARD = 0x8010000C
_E_PROTO_MISMATCH = 0x8010000F
_F_COMM_ERROR = 0x80100013  # e.g. a wait in progress when pcscd stops
_E_READER_UNAVAILABLE = 0x80100017
_E_NO_SERVICE = 0x8010001D
_E_SERVICE_STOPPED = 0x8010001E
_E_NO_READERS_AVAILABLE = 0x8010002E
_W_UNSUPPORTED_CARD = 0x80100065
_W_UNRESPONSIVE_CARD = 0x80100066
_W_UNPOWERED_CARD = 0x80100067
_W_RESET_CARD = 0x80100068
_W_REMOVED_CARD = 0x80100069

_STATE_UNAWARE = 0x0000
_STATE_CHANGED = 0x0002
_STATE_UNKNOWN = 0x0004
_STATE_PRESENT = 0x0020

_SERVICE_DOWN = frozenset({_E_NO_SERVICE, _E_SERVICE_STOPPED})
# The context is stale: release it and establish a new one.
_BROKEN_CONTEXT = _SERVICE_DOWN | {_E_INVALID_HANDLE, _E_NO_READERS_AVAILABLE, _E_READER_UNAVAILABLE, _F_COMM_ERROR}
_NO_READER = frozenset({_E_NO_READERS_AVAILABLE, _E_UNKNOWN_READER, _E_READER_UNAVAILABLE})
_NO_CARD = frozenset({_E_NO_SMARTCARD, _W_REMOVED_CARD})
_CARD_UNUSABLE = frozenset({_W_UNSUPPORTED_CARD, _W_UNRESPONSIVE_CARD, _W_UNPOWERED_CARD, _E_PROTO_MISMATCH})
_MAX_RESPONSE_ROUNDS = 32  # 61xx / 6Cxx follow-ups for one command

# Status words of READ RECORD meaning "no such record/file here": the layout does not fit.
_SW_LAYOUT = frozenset({0x6A83, 0x6A82, 0x6A86, 0x6A88, 0x6981})
_SW_SECURITY = frozenset({0x6982, 0x6985})


@dataclass(frozen=True)
class CardPresence:
    reader: str
    atr: str  # hex, upper case, no spaces


class _ScardCallError(Exception):
    """A PC/SC call failed (internal: becomes a PcscError at the API boundary)."""

    def __init__(self, code: int, call: str) -> None:
        self.code = code & 0xFFFFFFFF
        self.call = call
        super().__init__(f"{call}: {scard_code_text(code)}")


def _check(result: int, call: str) -> None:
    if result != _S_SUCCESS:
        raise _ScardCallError(result, call)


@dataclass(frozen=True)
class _Field:
    attribute: str  # of SocialSecurityCard and SscLayout; named in errors (the window words it)
    holder_file: bool  # EF06 (else EF05)
    parse: Callable[[bytes], str]


_FIELDS = (
    _Field("card_identifier", False, parse_card_identifier),
    _Field("card_type", False, decode_code),
    _Field("version", False, decode_code),
    _Field("card_number", False, parse_card_number),
    _Field("social_security_number", True, parse_social_security_number),
    _Field("name", True, parse_name),
    _Field("sex_code", True, parse_sex),
    _Field("nation_code", True, parse_nation),
    _Field("birthplace", True, parse_birthplace),
    _Field("birth_date", True, parse_birth_date),
)


def _error(exc: _ScardCallError, atr: str = "") -> PcscError:
    """The coded error for a failed PC/SC call."""
    code = exc.code
    if code in _SERVICE_DOWN:
        return ServiceNotRunningError(scard=code)
    if code == _F_COMM_ERROR:
        return ServiceNotRunningError("pcsc.service_lost", code)
    if code in _NO_READER:
        return NoReaderError(scard=code)
    if code == _W_REMOVED_CARD:
        return NoCardError("pcsc.card_removed", code)
    if code == _E_TIMEOUT:
        return NoCardError()
    if code in _NO_CARD:
        return NoCardError(scard=code)
    if code == _E_CANCELLED:
        return WaitCancelledError(scard=code)
    if code in _CARD_UNUSABLE:
        return UnknownCard(atr, scard=code)
    if code == _E_SHARING_VIOLATION:
        return CardReadError("pcsc.reader_busy", code)
    return CardReadError("pcsc.read_failed", code)


class PcscService:
    """Readers, card presence and the social security card over one recoverable PC/SC context."""

    def __init__(self, *, retries: int = 2, retry_delay: float = 0.1) -> None:
        """``retries``: how many times a call re-creates a broken context before giving up
        (waits keep trying until their timeout instead)."""
        if _scard is None:
            raise PcscNotInstalledError()
        self._retries = retries
        self._retry_delay = retry_delay
        self._context: int | None = None
        self._lock = threading.RLock()

    # -- context ------------------------------------------------------------------------------

    def _ensure_context(self) -> int:
        if self._context is None:
            result, context = _scard.SCardEstablishContext(_scard.SCARD_SCOPE_USER)
            _check(result, "SCardEstablishContext")
            self._context = context
        return self._context

    def _drop_context(self) -> None:
        context, self._context = self._context, None
        if context is not None:
            try:
                _scard.SCardReleaseContext(context)  # fails when the service is gone: nothing to do
            except Exception:
                log.debug("SCardReleaseContext failed", exc_info=True)

    def _run(self, operation: Callable[[int], T], deadline: float | None = None) -> T:
        """``operation(context)``; on a broken context re-create it and try again: ``retries``
        times, or until ``deadline`` (monotonic) if given."""
        attempt = 0
        while True:
            try:
                return operation(self._ensure_context())
            except _ScardCallError as exc:
                if exc.code not in _BROKEN_CONTEXT:
                    raise
                self._drop_context()
                attempt += 1
                now = time.monotonic()
                if (deadline is None and attempt > self._retries) or (deadline is not None and now >= deadline):
                    raise
                log.info("PC/SC context broken (%s): re-creating it", scard_code_text(exc.code))
                if exc.code in _SERVICE_DOWN or exc.code == _F_COMM_ERROR:
                    pause = self._retry_delay if deadline is None else min(self._retry_delay * 2, deadline - now)
                    time.sleep(max(pause, 0.0))

    def close(self) -> None:
        with self._lock:
            self._drop_context()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def cancel(self) -> None:
        """Make a running wait (in another thread) raise :class:`WaitCancelledError`."""
        context = self._context
        if context is not None:
            _scard.SCardCancel(context)

    # -- readers and presence -----------------------------------------------------------------

    @staticmethod
    def _list(context: int) -> list[str]:
        result, names = _scard.SCardListReaders(context, [])
        if result == _E_NO_READERS_AVAILABLE:
            return []
        _check(result, "SCardListReaders")
        return list(names)

    def readers(self) -> list[str]:
        """Names of the connected readers (empty list: none)."""

        def operation(context: int) -> list[str]:
            names = self._list(context)
            if not names:  # perhaps a stale context (reader re-plugged): ask a fresh one
                raise _ScardCallError(_E_NO_READERS_AVAILABLE, "SCardListReaders")
            return names

        with self._lock:
            try:
                return self._run(operation)
            except _ScardCallError as exc:
                if exc.code == _E_NO_READERS_AVAILABLE:
                    return []
                raise _error(exc) from None

    def _watch(self, reader: str | None, deadline: float, done: Callable[[list[tuple[str, int, bytes]]], T | None]) -> T:
        """Follow the state of ``reader`` (all readers if None), reader arrivals included, until
        ``done(states)`` returns something. Raises ``_ScardCallError(E_TIMEOUT)`` at the deadline."""

        def operation(context: int) -> T:
            known: dict[str, int] = {}  # reader -> last event state
            pnp_state = _STATE_UNAWARE
            first = True  # first round: the current states, without waiting
            while True:
                names = [n for n in self._list(context) if reader is None or n == reader]
                query = [(n, known.get(n, _STATE_UNAWARE)) for n in names] + [(PNP_NOTIFICATION, pnp_state)]
                wait_ms = 0 if first else min(int(max(deadline - time.monotonic(), 0.0) * 1000), 0x7FFFFFFF)
                result, states = _scard.SCardGetStatusChange(context, wait_ms, query)
                if result == _E_UNKNOWN_READER and not first:
                    known.clear()  # a reader went away: list again
                    first = True
                    continue
                if result == _E_TIMEOUT and not (first and not names):
                    raise _ScardCallError(result, "SCardGetStatusChange")
                if result not in (_S_SUCCESS, _E_TIMEOUT):
                    _check(result, "SCardGetStatusChange")
                first = False
                current: list[tuple[str, int, bytes]] = []
                for name, state, atr in states if result == _S_SUCCESS else []:
                    state &= ~_STATE_CHANGED
                    if name == PNP_NOTIFICATION:
                        pnp_state = state
                    elif state & _STATE_UNKNOWN:
                        known.pop(name, None)
                    else:
                        known[name] = state
                        current.append((name, state, bytes(atr)))
                outcome = done(current)
                if outcome is not None:
                    return outcome

        return self._run(operation, deadline)

    def wait_for_card(self, reader: str | None = None, timeout: float = 10.0) -> CardPresence:
        """The first card present in ``reader`` (any reader if None), waiting up to ``timeout`` s.

        Raises NoCardError on timeout, NoReaderError if no (such) reader appeared,
        ServiceNotRunningError if PC/SC stayed down until the timeout (a pcscd restart meanwhile
        is survived), WaitCancelledError after :meth:`cancel`.
        """
        deadline = time.monotonic() + timeout
        seen_reader = False

        def present(states: list[tuple[str, int, bytes]]) -> CardPresence | None:
            nonlocal seen_reader
            seen_reader = seen_reader or bool(states)
            for name, state, atr in states:
                if state & _STATE_PRESENT:
                    return CardPresence(name, atr.hex().upper())
            return None

        with self._lock:
            try:
                return self._watch(reader, deadline, present)
            except _ScardCallError as exc:
                if exc.code == _E_TIMEOUT and not seen_reader:
                    raise (NoReaderError("pcsc.reader_missing", reader=reader) if reader else NoReaderError()) from None
                raise _error(exc) from None

    def wait_for_removal(self, reader: str | None = None, timeout: float = 10.0) -> bool:
        """Wait until no card is in ``reader`` (in any reader if None). False on timeout."""
        deadline = time.monotonic() + timeout

        def empty(states: list[tuple[str, int, bytes]]) -> bool | None:
            return True if not any(state & _STATE_PRESENT for _, state, _ in states) else None

        with self._lock:
            try:
                return self._watch(reader, deadline, empty)
            except _ScardCallError as exc:
                if exc.code == _E_TIMEOUT:
                    return False
                raise _error(exc) from None

    # -- the social security card -------------------------------------------------------------

    def read_social_security_card(
        self, reader: str | None = None, timeout: float = 10.0, layout: SscLayout = DEFAULT_LAYOUT
    ) -> SocialSecurityCard:
        """Wait up to ``timeout`` s for a card, then read it.

        Raises UnknownCard (not a social security card; carries ``atr``), CardLayoutError (a record
        is missing or holds something else: names SFI and record), NoCardError, NoReaderError,
        ServiceNotRunningError, CardReadError.
        """
        with self._lock:
            presence = self.wait_for_card(reader, timeout)
            again = True
            while True:
                try:
                    return self._run(lambda context: self._read_card(context, presence, layout))
                except _ScardCallError as exc:
                    if exc.code == _W_RESET_CARD and again:  # another program reset the card: once more
                        again = False
                        continue
                    raise _error(exc, presence.atr) from None

    def _read_card(self, context: int, presence: CardPresence, layout: SscLayout) -> SocialSecurityCard:
        result, card, protocol = _scard.SCardConnect(
            context, presence.reader, _scard.SCARD_SHARE_SHARED, _scard.SCARD_PROTOCOL_T0 | _scard.SCARD_PROTOCOL_T1
        )
        _check(result, "SCardConnect")
        atr = presence.atr
        try:
            status = _scard.SCardStatus(card)
            if status[0] == _S_SUCCESS and status[4]:
                atr = bytes(status[4]).hex().upper()  # the card we are talking to
            in_transaction = _scard.SCardBeginTransaction(card) == _S_SUCCESS
            try:
                return self._read_records(card, protocol, atr, presence.reader, layout)
            finally:
                if in_transaction:
                    _scard.SCardEndTransaction(card, _scard.SCARD_LEAVE_CARD)
        finally:
            _scard.SCardDisconnect(card, _scard.SCARD_LEAVE_CARD)

    def _read_records(self, card: int, protocol: int, atr: str, reader: str, layout: SscLayout) -> SocialSecurityCard:
        select = bytes([0x00, 0xA4, 0x04, 0x00, len(layout.aid)]) + layout.aid
        _, sw = self._exchange(card, protocol, select)
        if sw == 0x6283:
            raise CardReadError("pcsc.application_locked", sw=sw)
        if sw != 0x9000:
            log.info("card in %s refused SELECT of the social security application (SW %04X, ATR %s)", reader, sw, atr)
            raise UnknownCard(atr, sw)
        values: dict[str, str] = {}
        for item in _FIELDS:
            record: int | None = getattr(layout, item.attribute)
            if record is None:
                values[item.attribute] = ""
                continue
            sfi = layout.holder_sfi if item.holder_file else layout.card_sfi
            raw = self._read_record(card, protocol, sfi, record, item.attribute)
            try:
                values[item.attribute] = item.parse(raw)
            except RecordFormatError as exc:
                log.warning("EF%02X record %02X (%s) has an unexpected format", sfi, record, item.attribute)
                raise CardLayoutError(sfi, record, item.attribute, exc.problem) from None
        log.info("social security card read in %s (ATR %s)", reader, atr)
        return SocialSecurityCard(atr=atr, reader=reader, **values)

    def _read_record(self, card: int, protocol: int, sfi: int, record: int, field: str) -> bytes:
        data, sw = self._exchange(card, protocol, bytes([0x00, 0xB2, record, (sfi << 3) | 0x04, 0x00]))
        if sw == 0x9000 or (sw >> 8 == 0x62 and data):  # 62xx: warning, data returned
            return strip_record_tag(record, data)
        log.warning("READ RECORD EF%02X record %02X: SW %04X", sfi, record, sw)
        if sw in _SW_LAYOUT:
            raise CardLayoutError(sfi, record, field, sw=sw)
        code = "pcsc.record_protected" if sw in _SW_SECURITY else "pcsc.record_read_failed"
        raise CardReadError(code, sw=sw, sfi=f"{sfi:02X}", record=f"{record:02X}", field=field)

    def _exchange(self, card: int, protocol: int, apdu: bytes) -> tuple[bytes, int]:
        """Send one command; follow ``61 xx`` (GET RESPONSE) and ``6C xx`` (same command, Le = xx).
        Returns (data, SW)."""
        data = b""
        command = apdu
        for _ in range(_MAX_RESPONSE_ROUNDS):
            result, response = _scard.SCardTransmit(card, protocol, list(command))
            _check(result, "SCardTransmit")
            response = bytes(response)
            if len(response) < 2:
                raise CardReadError("pcsc.bad_response", problem="fewer than 2 bytes")
            body, sw1, sw2 = response[:-2], response[-2], response[-1]
            if sw1 == 0x6C and len(command) == 5:  # wrong Le (T=0): resend with the right one
                command = command[:4] + bytes([sw2])
                continue
            if sw1 == 0x61:  # more data waiting (T=0)
                data += body
                command = bytes([command[0], 0xC0, 0x00, 0x00, sw2])
                continue
            return data + body, (sw1 << 8) | sw2
        raise CardReadError("pcsc.bad_response", problem="61xx/6Cxx without end")
