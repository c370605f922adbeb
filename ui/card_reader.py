"""Brings the ID card reader to the GUI: opens it off the GUI thread, reads automatically when a
card arrives (the driver's poller thread), and on request (F3). Results and errors arrive as
signals on the GUI thread; the window never waits on the reader."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from drivers.idcard import CardPoller, CardRead
from hallapp.devices import DeviceRegistry, IdCardReaderHandle
from hallapp.domain.clock import hall_clock
from hallapp.domain.identity import Identity
from hallapp.services import identity as identity_service
from ui.errors import describe
from ui.events import EventBridge
from ui.tasks import Task

log = logging.getLogger(__name__)

EXPLICIT_READ_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class CardResult:
    identity: Identity
    photo_bmp: bytes | None  # None: no vendor decoder, show the placeholder


class ReaderState:
    CONNECTING = "connecting"
    READY = "ready"
    READING = "reading"
    UNAVAILABLE = "unavailable"


def error_text(exc: BaseException) -> str:
    """What happened and what to do, in the window's language (drivers raise coded errors)."""
    return describe(exc)


class CardReaderController(QObject):
    identity_read = Signal(object)  # CardResult
    failed = Signal(str)
    state_changed = Signal(str)

    def __init__(self, registry: DeviceRegistry, auto_read: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.registry = registry
        self.auto_read = auto_read
        self.handle: IdCardReaderHandle | None = None
        self.poller: CardPoller | None = None
        self.state = ReaderState.UNAVAILABLE
        self.events = EventBridge(self)

    def _set_state(self, state: str) -> None:
        self.state = state
        self.state_changed.emit(state)

    def start(self) -> None:
        self._set_state(ReaderState.CONNECTING)
        Task(self, self.registry.open_id_reader).on_success(self._opened).on_failure(self._not_opened).run()

    def _opened(self, handle: IdCardReaderHandle) -> None:
        self.handle = handle
        if self.auto_read:
            self.poller = CardPoller(handle.reader, self._card_from_poller, self._error_from_poller).start()
        self._set_state(ReaderState.READY)

    def _not_opened(self, exc: BaseException) -> None:
        log.warning("ID card reader not available: %s", type(exc).__name__)
        self._set_state(ReaderState.UNAVAILABLE)
        self.failed.emit(error_text(exc))

    def _result(self, identity: Identity) -> CardResult:
        """Runs off the GUI thread: the vendor photo library may take a moment."""
        return CardResult(identity, identity_service.photo_bmp(identity, self.registry.photo_decoder()))

    # Called on the poller's thread: convert there, hand over through the event bridge.
    def _card_from_poller(self, read: CardRead) -> None:
        try:
            result = self._result(identity_service.identity_of(read, hall_clock().today()))
        except Exception as exc:  # noqa: BLE001 - a bad card must not stop the poller
            self.events.post(lambda e=exc: self.failed.emit(error_text(e)))  # worded on the GUI thread
            return
        self.events.post(lambda: self.identity_read.emit(result))

    def _error_from_poller(self, exc: BaseException) -> None:
        self.events.post(lambda: self.failed.emit(error_text(exc)))  # worded on the GUI thread

    def read_now(self) -> None:
        """F3: read the card on the reader now (in demo mode, hand over the next sample card)."""
        if self.handle is None:
            if self.state == ReaderState.UNAVAILABLE:
                self.start()  # the reader may have been plugged in since: try again
            return
        self.handle.present_next_sample_card()
        if self.poller is not None and self.poller.running:
            return  # the poller reads the card as soon as it lies on the reader
        handle = self.handle
        self._set_state(ReaderState.READING)
        Task(self, lambda: self._result(identity_service.wait_and_read(handle.reader, EXPLICIT_READ_TIMEOUT_S))).on_success(
            self._read_done
        ).on_failure(self._read_failed).run()

    def _read_done(self, result: CardResult) -> None:
        self._set_state(ReaderState.READY)
        self.identity_read.emit(result)

    def _read_failed(self, exc: BaseException) -> None:
        self._set_state(ReaderState.READY)
        self.failed.emit(error_text(exc))

    def stop(self) -> None:
        if self.poller is not None:
            self.poller.stop()
            self.poller = None
        if self.handle is not None:
            self.handle.close()
            self.handle = None
        self.state = ReaderState.UNAVAILABLE
