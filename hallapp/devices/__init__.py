"""The one place hallapp meets drivers/: builds device drivers from configuration.

Demo and training use simulators that speak the real protocol bytes (the ID card reader on a
pseudo-terminal), so the driver under them is the real driver.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field

from drivers.errors import DeviceError, register
from drivers.idcard import ReaderNotConnected, SamReader, detect_port
from drivers.idcard.sample import load_cards
from drivers.idcard.simulator import ReaderSimulator
from drivers.idcard.wlt import PhotoDecoder, PhotoDecoderError
from drivers.printer import TicketPrinter
from hallapp.config import DeviceSettings, TicketPrinterSettings

log = logging.getLogger(__name__)

SIMULATOR = "simulator"


register({
    "device.reader_not_configured": "No ID card reader is set up (devices.idcard_port = none): ask the technician "
                                    "to set the reader's port.",
    "device.printer_not_configured": "No ticket printer is set up: ask the technician to set its address "
                                     "(hallapp config set ticket_printer.uri tcp://IP:9100).",
})


class DeviceNotConfiguredError(DeviceError, RuntimeError):
    """A device role has no device; the code says which, the message what to set."""


@dataclass
class IdCardReaderHandle:
    """An opened ID card reader, and its simulator in demo mode.

    In demo mode each explicit read (F3) first places the next sample card on the simulated
    reader, as an applicant would hand over their card.
    """

    reader: SamReader
    simulator: ReaderSimulator | None = None
    _next_card: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def port(self) -> str:
        return self.reader.port

    def present_next_sample_card(self) -> None:
        if self.simulator is None:
            return
        with self._lock:
            self.simulator.place(self._next_card % self.simulator.card_count)
            self._next_card += 1

    def close(self) -> None:
        self.reader.close()
        if self.simulator is not None:
            self.simulator.stop()


class DeviceRegistry:
    def __init__(self, settings: DeviceSettings, *, demo: bool = False) -> None:
        self.settings = settings
        self.demo = demo
        self._photo_decoder: PhotoDecoder | None = None
        self._photo_decoder_failed = False

    def photo_decoder(self) -> PhotoDecoder | None:
        """The vendor's WLT photo library when configured and loadable; None means a placeholder."""
        path = self.settings.photo_decoder.strip()
        if not path or self._photo_decoder_failed:
            return None
        if self._photo_decoder is None:
            try:
                self._photo_decoder = PhotoDecoder.load(path, output=self.settings.photo_decoder_output)
            except PhotoDecoderError as exc:
                self._photo_decoder_failed = True  # say it once, not at every card
                log.warning("photo decoder not loaded: %s", exc)
                return None
        return self._photo_decoder

    def idcard_mode(self) -> str:
        port = self.settings.idcard_port.strip()
        if self.demo and port in ("", "auto"):
            return SIMULATOR
        return port or "auto"

    def open_id_reader(self) -> IdCardReaderHandle:
        """Open the configured reader (blocking: probes ports; call it off the GUI thread)."""
        mode = self.idcard_mode()
        if mode == "none":
            raise DeviceNotConfiguredError("device.reader_not_configured")
        if mode == SIMULATOR:
            simulator = ReaderSimulator(load_cards()).start()
            return IdCardReaderHandle(SamReader(simulator.port, timeout=2.0), simulator)
        if mode == "auto":
            found = detect_port()
            if found is None:
                raise ReaderNotConnected()  # no port: none found
            port, baud = found
            log.info("ID card reader found on %s at %d baud", port, baud)
            return IdCardReaderHandle(SamReader(port, baud))
        return IdCardReaderHandle(SamReader(mode, self.settings.idcard_baud))


def open_ticket_printer(settings: TicketPrinterSettings, uri: str | None = None, width_mm: int | None = None) -> TicketPrinter:
    """The ticket printer from settings (or an explicit URI, as `hallapp ticket test-print` gives)."""
    target = uri or settings.uri
    if not target:
        raise DeviceNotConfiguredError("device.printer_not_configured")
    return TicketPrinter(target, width_mm=width_mm or settings.width_mm, encoding=settings.encoding,
                         native_qr=settings.native_qr)
