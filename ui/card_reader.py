"""Brings the ID card reader to the GUI: opens it (through the device manager) off the GUI thread,
reads automatically when a card arrives (polled on the reader's own thread), and on request (F3).
Results, errors and the manager's connect/disconnect events arrive as signals on the GUI thread;
the window never waits on the reader."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from hallapp.devices import DeviceEvent, Devices, IdCardReaderHandle
from hallapp.devices.ports import CardRead, CardWatch
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
    device_event = Signal(object)  # hallapp.devices.DeviceEvent of the card reader, on the GUI thread

    def __init__(self, devices: Devices, auto_read: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.devices = devices
        self.auto_read = auto_read
        self.handle: IdCardReaderHandle | None = None
        self.poller: CardWatch | None = None
        self.state = ReaderState.UNAVAILABLE
        self.events = EventBridge(self)
        self._unlisten: Callable[[], None] | None = None

    def _device_changed(self, event: DeviceEvent) -> None:
        """Any thread: the manager calls listeners where it saw the change."""
        if event.role == "card-reader":
            self.events.post(lambda: self._on_device_event(event))

    def _on_device_event(self, event: DeviceEvent) -> None:
        self.device_event.emit(event)
        if self.handle is None:
            return  # opening or closed: start() and stop() set the state
        if event.kind == "disconnected" and self.state != ReaderState.UNAVAILABLE:
            self._set_state(ReaderState.UNAVAILABLE)
        elif event.kind == "connected" and self.state == ReaderState.UNAVAILABLE:
            self._set_state(ReaderState.READY)

    def _set_state(self, state: str) -> None:
        self.state = state
        self.state_changed.emit(state)

    def start(self) -> None:
        if self._unlisten is None:
            self._unlisten = self.devices.add_listener(self._device_changed)
        self._set_state(ReaderState.CONNECTING)
        Task(self, self.devices.id_reader).on_success(self._opened).on_failure(self._not_opened).run()

    def _opened(self, handle: IdCardReaderHandle) -> None:
        self.handle = handle
        if self.auto_read:
            self.poller = self.devices.watch_cards(self._card_from_poller, self._error_from_poller)
        self._set_state(ReaderState.READY)

    def _not_opened(self, exc: BaseException) -> None:
        log.warning("ID card reader not available: %s", type(exc).__name__)
        self._set_state(ReaderState.UNAVAILABLE)
        self.failed.emit(error_text(exc))

    def _result(self, identity: Identity) -> CardResult:
        """Runs off the GUI thread: the vendor photo library may take a moment."""
        return CardResult(identity, identity_service.photo_bmp(identity, self.devices.photo_decoder()))

    # Called on the reader's thread: convert there, hand over through the event bridge.
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
            self.devices.close_id_reader()
            self.handle = None
        if self._unlisten is not None:
            self._unlisten()
            self._unlisten = None
        self.state = ReaderState.UNAVAILABLE
