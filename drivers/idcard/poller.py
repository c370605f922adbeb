"""`CardPoller`: watches a reader and hands over each card placed on it, once."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from drivers.idcard.layouts import CardRead
from drivers.io_thread import IoThread, Repeating

log = logging.getLogger(__name__)


class CardSource(Protocol):
    """What the poller needs of a reader (SamReader has it)."""

    timeout: float

    def find_card(self) -> bool: ...
    def select_card(self) -> None: ...
    def read(self) -> CardRead: ...


class CardPoller:
    """Polls `find_card` every `interval` seconds on its own thread. A card found is read once and
    given to `on_card`; the next card is read only after a find has failed (the card left the field;
    a reader that latches fails the find right after a read, see `_still_found`). Errors go to
    `on_error` and polling goes on; the same error again is not repeated until something changes
    (a card read, the field found empty).

    Polls run on `thread` when given (the reader's own I/O thread, so polls and explicit reads take
    turns on one thread), else on a thread of the poller's own. Both callbacks run on that thread:
    a GUI must bring them to its own thread.
    """

    def __init__(
        self,
        reader: CardSource,
        on_card: Callable[[CardRead], object],
        on_error: Callable[[Exception], object],
        interval: float = 0.3,
        *,
        thread: IoThread | None = None,
    ) -> None:
        self._reader, self._on_card, self._on_error, self._interval = reader, on_card, on_error, interval
        self._own_thread = thread is None
        self._thread = thread or IoThread("idcard-poller")
        self._polling: Repeating | None = None
        self._card_in_field = False
        self._last_error: tuple[type, str] | None = None

    def start(self) -> CardPoller:
        self._polling = self._thread.repeat(self._interval, self._step)
        return self

    def stop(self) -> None:
        """Stop polling; returns at once unless a reader call is in flight (bounded by its timeout)."""
        if self._polling is not None:
            self._polling.cancel(self._reader.timeout + 1.0)
        if self._own_thread:
            self._thread.close(wait=False)

    @property
    def running(self) -> bool:
        return self._polling is not None and self._polling.active

    def _step(self) -> None:
        try:
            self._poll_once()
        except Exception as exc:  # noqa: BLE001  (any failure is reported, polling goes on)
            self._card_in_field = False  # so the card is read again once the fault is gone
            self._report(exc)

    def _poll_once(self) -> None:
        if not self._reader.find_card():
            self._card_in_field = False
            self._last_error = None
            return
        if self._card_in_field:
            return  # still the card already read
        self._reader.select_card()
        card = self._reader.read()
        self._last_error = None
        self._card_in_field = self._still_found()
        self._deliver(card)

    def _still_found(self) -> bool:
        """Ask at once whether the card read is still found. A reader that latches (the usual
        kind) says no, so a card swapped in even before the next poll is read; one that keeps
        finding it says yes, and the poller then waits for a failed find."""
        try:
            return self._reader.find_card()
        except Exception:  # noqa: BLE001  (the next poll reports it; until then assume the card is there)
            return True

    def _deliver(self, card: CardRead) -> None:
        try:
            self._on_card(card)
        except Exception:
            log.exception("on_card callback failed for %s", card.text.masked)

    def _report(self, exc: Exception) -> None:
        key = (type(exc), str(exc))
        if key == self._last_error:
            return
        self._last_error = key
        log.warning("card reader: %s", exc)
        try:
            self._on_error(exc)
        except Exception:
            log.exception("on_error callback failed")
