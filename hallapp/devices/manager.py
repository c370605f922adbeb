"""`Devices`: the one device manager (Electrum's DeviceMgr). Built once at the composition root
(`AppContext.devices`) from the settings; it builds every device, owns it (and so its one I/O
thread) until `close()`, reports connect/disconnect/state changes to listeners, and picks the
simulators in demo mode: the only place hallapp looks at the demo flag for hardware.

Building costs nothing: each device is opened at its first use. The open methods block (they
probe ports, load libraries): call them from a worker. Safe to use from any thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from drivers.idcard.poller import CardPoller
from drivers.idcard.reader import ReaderError, ReaderNotConnected, SamReader, detect_port
from drivers.idcard.wlt import PhotoDecoder, PhotoDecoderError
from hallapp.config import DeviceSettings, Settings
from hallapp.devices.adapters import (
    FolderWatch,
    IdCardReaderHandle,
    PcscSocialSecurityReader,
    SaneScannerDevice,
)
from hallapp.devices.ports import (
    CardRead,
    CardWatch,
    DeviceEvent,
    DeviceNotConfiguredError,
    EventKind,
    Listener,
    Scanner,
    SocialSecurityReader,
)

if TYPE_CHECKING:
    from drivers.printer import TicketPrinter

log = logging.getLogger(__name__)

SIMULATOR = "simulator"
CARD_READER, SSCARD_READER, TICKET_PRINTER, SCANNER = "card-reader", "sscard-reader", "ticket-printer", "scanner"
CONNECTED, DISCONNECTED, ERROR = "connected", "disconnected", "error"


class Devices:
    """Every device of this PC. See the module docstring for the threading rules.

    Listeners are called on the thread where the change was seen (a device's I/O thread, or the
    caller's); a listener that raises is logged and the others still hear the event."""

    def __init__(self, settings: Settings, *, demo: bool = False) -> None:
        self.settings = settings  # read at each open: a setting changed in the window counts next time
        self.demo = demo
        self._lock = threading.RLock()
        self._listeners: list[Listener] = []
        self._states: dict[str, str] = {}
        self._reader: IdCardReaderHandle | None = None
        self._printer: tuple[tuple[object, ...], TicketPrinter] | None = None
        self._scanner: Scanner | None = None
        self._sscard: PcscSocialSecurityReader | None = None
        self._photo_decoder: PhotoDecoder | None = None
        self._photo_decoder_failed = False
        self._watches: list[CardWatch | FolderWatch] = []

    def __repr__(self) -> str:
        return f"Devices(demo={self.demo}, open={sorted(self._states)})"

    # -- events -------------------------------------------------------------------------------

    def add_listener(self, listener: Listener) -> Callable[[], None]:
        """Hear every later change; returns the function that stops it."""
        with self._lock:
            self._listeners.append(listener)
        return lambda: self._remove_listener(listener)

    def _remove_listener(self, listener: Listener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def state(self, role: str) -> str:
        """The role's last state ("connected", "disconnected", "error"); "" before its first use."""
        return self._states.get(role, "")

    def _changed(self, role: str, kind: EventKind, state: str, address: str = "",
                 error: BaseException | None = None) -> None:
        with self._lock:
            if self._states.get(role) == state:
                return  # one event per change, not one per poll
            self._states[role] = state
            listeners = list(self._listeners)
        event = DeviceEvent(role, kind, state, address, error)
        log.info("device %s: %s %s", role, state, address)
        for listener in listeners:
            try:
                listener(event)
            except Exception:
                log.exception("device listener failed for %s", role)

    # -- the ID card reader -------------------------------------------------------------------

    @property
    def device_settings(self) -> DeviceSettings:
        return self.settings.devices

    def idcard_mode(self) -> str:
        """"simulator", "none", "auto" or a port: the demo hall's unset reader is the simulator."""
        port = self.device_settings.idcard_port.strip()
        if self.demo and port in ("", "auto"):
            return SIMULATOR
        return port or "auto"

    def id_reader(self) -> IdCardReaderHandle:
        """The reader, opened at the first call and kept (blocking: probes ports)."""
        with self._lock:
            if self._reader is None:
                self._reader = self._open_id_reader()
                self._changed(CARD_READER, "connected", CONNECTED, self._reader.port)
            return self._reader

    def _open_id_reader(self) -> IdCardReaderHandle:
        mode, settings = self.idcard_mode(), self.device_settings
        if mode == "none":
            raise DeviceNotConfiguredError("device.reader_not_configured")
        if mode == SIMULATOR:
            from drivers.idcard.sample import load_cards
            from drivers.idcard.simulator import ReaderSimulator

            simulator = ReaderSimulator(load_cards()).start()
            return IdCardReaderHandle(SamReader(simulator.port, timeout=2.0), simulator)
        if mode == "auto":
            found = detect_port()
            if found is None:
                raise ReaderNotConnected()  # no port: none found
            log.info("ID card reader found on %s at %d baud", *found)
            return IdCardReaderHandle(SamReader(*found))
        return IdCardReaderHandle(SamReader(mode, settings.idcard_baud))

    def watch_cards(self, on_card: Callable[[CardRead], object], on_error: Callable[[Exception], object],
                    interval: float = 0.3) -> CardWatch:
        """Read each card placed on the reader once, polling on the reader's own thread (so polls
        and explicit reads take turns). Callbacks run on that thread. Opens the reader if needed."""
        handle = self.id_reader()

        def failed(exc: Exception) -> None:
            if isinstance(exc, ReaderNotConnected):
                self._changed(CARD_READER, "disconnected", DISCONNECTED, handle.port, exc)
            elif isinstance(exc, ReaderError):
                self._changed(CARD_READER, "state", ERROR, handle.port, exc)
            on_error(exc)

        source = _ReportingReader(handle.reader, lambda: self._changed(CARD_READER, "connected", CONNECTED, handle.port))
        poller = CardPoller(source, on_card, failed, interval, thread=handle.io_thread).start()
        with self._lock:
            self._watches.append(poller)
        return poller

    def close_id_reader(self) -> None:
        """Close the reader (and its simulator); the next `id_reader()` opens it afresh."""
        with self._lock:
            handle, self._reader = self._reader, None
        if handle is not None:
            handle.close()
            self._changed(CARD_READER, "disconnected", DISCONNECTED, handle.port)

    def photo_decoder(self) -> PhotoDecoder | None:
        """The vendor's WLT photo library when configured and loadable; None means a placeholder."""
        path = self.device_settings.photo_decoder.strip()
        if not path or self._photo_decoder_failed:
            return None
        with self._lock:
            if self._photo_decoder is None:
                try:
                    self._photo_decoder = PhotoDecoder.load(path, output=self.device_settings.photo_decoder_output)
                except PhotoDecoderError as exc:
                    self._photo_decoder_failed = True  # say it once, not at every card
                    log.warning("photo decoder not loaded: %s", exc)
                    return None
            return self._photo_decoder

    # -- printers, scanners, the social security card reader --------------------------------

    def ticket_printer(self) -> TicketPrinter:
        """The configured ticket printer: one object (and one thread) for every ticket. Changed
        printer settings give a new one; the old one finishes its queue and stops."""
        from hallapp.devices.printing import open_ticket_printer

        settings = self.settings.ticket_printer
        key = (settings.uri, settings.width_mm, settings.encoding, settings.native_qr)
        with self._lock:
            if self._printer is not None and self._printer[0] == key:
                return self._printer[1]
            old, self._printer = self._printer, (key, open_ticket_printer(settings))
        if old is not None:
            old[1].close()
        return self._printer[1]

    def scanner(self) -> Scanner:
        """The scanner: the demo's sample pages when the demo hall has none set, else SANE."""
        with self._lock:
            if self._scanner is None:
                self._scanner = self._pick_scanner()
            return self._scanner

    def _pick_scanner(self) -> Scanner:
        if self.demo and self.device_settings.scanner in ("", "demo"):
            from hallapp.imaging.sample import SampleScanner

            return SampleScanner(self.settings.documents.font_paths)
        return SaneScannerDevice(self.device_settings)

    def sscard_reader(self) -> SocialSecurityReader:
        with self._lock:
            if self._sscard is None:
                self._sscard = PcscSocialSecurityReader()
            return self._sscard

    def scan_folder(self, on_file: Callable[[Path], bool], folder: str | None = None) -> FolderWatch:
        """Follow `folder` (default: devices.scan_folder); started, and stopped by `close()`."""
        watch = FolderWatch(Path(folder or self.device_settings.scan_folder), on_file).start()
        with self._lock:
            self._watches.append(watch)
        return watch

    def close(self) -> None:
        """Stop every watch and close every device (pending tickets are still sent)."""
        with self._lock:
            watches, self._watches = self._watches, []
            printer, self._printer = self._printer, None
            others = [d for d in (self._scanner, self._sscard) if hasattr(d, "close")]
            self._scanner = self._sscard = None
        for watch in watches:
            watch.stop()
        self.close_id_reader()
        if printer is not None:
            printer[1].close()
        for device in others:
            device.close()  # type: ignore[union-attr]


class _ReportingReader:
    """The reader as the poller sees it: a find that answers means the reader is there (again)."""

    def __init__(self, reader: SamReader, answered: Callable[[], None]) -> None:
        self._reader, self._answered = reader, answered
        self.timeout = reader.timeout

    def find_card(self) -> bool:
        found = self._reader.find_card()
        self._answered()
        return found

    def select_card(self) -> None:
        self._reader.select_card()

    def read(self) -> CardRead:
        return self._reader.read()

