"""The scanner worker process: `LocalSaneScanner` (libsane) for one `SaneScanner` of the window.

Runs on the child's main thread (see drivers/isolation.py). Protocol, one request at a time:

  ("devices", local_only)       -> ("ok", [DeviceInfo, ...])
  ("open", device)              -> ("ok", None)
  ("call", method, args)        -> ("ok", value)   a LocalSaneScanner method (options, configure, ...)
  ("close",)                    -> ("ok", None)
  ("scan", max_pages, lines)    -> ("ok", None)    a batch begins
  ("next", cancelled)           -> ("lines", [(line, total), ...])*, then ("page", image) or ("end", stop)
  ("cancel",)                   while a page is read (or between pages): stop within a line; no answer
  ("stop",)                     -> ("stopped", stop)   ends the batch early (sane_cancel for a feeder)
  None                          quit

Any request may be answered ("err", ScannerError) instead; `stop` is a StopReason value or None.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Generator
from multiprocessing.connection import Connection
from typing import Any

from PIL import Image

from drivers.isolation import ignore_sigpipe
from drivers.scanner.errors import ScannerError
from drivers.scanner.sane_local import LocalSaneScanner
from drivers.scanner.sane_status import SaneStatus

log = logging.getLogger(__name__)

_CALLS = frozenset({"option_names", "choices", "get_option", "set_option", "capabilities", "configure"})
_FLUSH_S = 0.02  # line progress goes to the parent in batches, at most this old


def serve(conn: Connection) -> None:
    """The worker's loop (the target of its process)."""
    _Session(conn).run()


class _Session:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.scanner = LocalSaneScanner()
        self.batch: Generator[Image.Image, None, None] | None = None  # a generator: close() runs its finally
        self.cancel = threading.Event()
        self.want_lines = False
        self.lines: list[tuple[int, int]] = []
        self.flushed = 0.0
        self.quit = False

    def run(self) -> None:
        try:
            while not self.quit:
                try:
                    message = self.conn.recv()
                except EOFError:
                    return
                if message is None:
                    return
                reply = self._handle(message)
                ignore_sigpipe()  # belt and braces: whatever libsane did in this call
                if reply is not None:
                    self.conn.send(reply)
        finally:
            self._end_batch()
            with contextlib.suppress(Exception):
                self.scanner.close()

    def _handle(self, message: tuple[Any, ...]) -> tuple[Any, ...] | None:
        kind = message[0]
        if kind == "cancel":
            self.cancel.set()
            return None
        try:
            return self._dispatch(kind, message[1:])
        except ScannerError as exc:
            return ("err", exc)
        except Exception as exc:
            log.exception("scanner worker: %s failed", kind)
            return ("err", ScannerError(status=SaneStatus.UNKNOWN, detail=repr(exc)))

    def _dispatch(self, kind: str, args: tuple[Any, ...]) -> tuple[Any, ...]:
        if kind == "devices":
            return ("ok", LocalSaneScanner.devices(*args))
        if kind == "open":
            self.scanner.open(*args)
            return ("ok", None)
        if kind == "close":
            self._end_batch()
            self.scanner.close()
            return ("ok", None)
        if kind == "call" and args[0] in _CALLS:
            return ("ok", getattr(self.scanner, args[0])(*args[1]))
        if kind == "scan":
            return self._begin(*args)
        if kind == "next":
            return self._next(*args)
        if kind == "stop":
            self._end_batch()
            return ("stopped", self._stop())
        raise ValueError(f"unknown request {kind!r}")

    def _begin(self, max_pages: int | None, want_lines: bool) -> tuple[Any, ...]:
        self._end_batch()
        self.cancel.clear()
        self.want_lines, self.lines = want_lines, []
        self.batch = self.scanner.scan_pages(None, self.cancel, page_progress=self._on_line, max_pages=max_pages)
        return ("ok", None)

    def _next(self, cancelled: bool) -> tuple[Any, ...]:
        if cancelled:
            self.cancel.set()
        if self.batch is None:
            return ("end", self._stop())
        try:
            image = next(self.batch)
        except StopIteration:
            self.batch = None
            self._flush()
            return ("end", self._stop())
        except BaseException:
            self.batch = None
            self._flush()
            raise
        self._flush()
        return ("page", image)

    def _stop(self) -> str | None:
        stop = self.scanner.last_stop
        return stop.value if stop is not None else None

    def _end_batch(self) -> None:
        batch, self.batch = self.batch, None
        if batch is not None:
            with contextlib.suppress(ScannerError):
                batch.close()  # its finally ends a feeder batch with sane_cancel

    def _on_line(self, lines: int, total: int) -> None:
        """python-sane's per-line hook (through _LineHook, which swallows errors): progress, and the cancel."""
        if self.want_lines:
            self.lines.append((lines, total))
            if time.monotonic() - self.flushed >= _FLUSH_S:
                self._flush()
        while self.conn.poll(0):
            try:
                message = self.conn.recv()
            except EOFError:  # the parent has gone: stop reading the page
                message = None
            if message is None:
                self.quit = True
                self.cancel.set()
                return
            if message[0] == "cancel":
                self.cancel.set()

    def _flush(self) -> None:
        self.flushed = time.monotonic()
        if self.lines:
            lines, self.lines = self.lines, []
            self.conn.send(("lines", lines))
