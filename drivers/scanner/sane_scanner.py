"""SANE scanners (Linux) through python-sane, run in a worker process of their own.

Why a worker process: libsane's reader thread sets SIGPIPE back to SIG_DFL during a scan, behind
Python's back, so after one scan a write to a dropped connection killed the whole window (exit
141) instead of raising BrokenPipeError; a crashing backend took the window down too. Now libsane
runs only in a child (drivers/scanner/sane_worker.py, spawned fresh: see drivers/isolation.py);
this class forwards to it. If the child dies, the caller gets ScannerUnavailable saying so, and the
next `open` starts a new one. Page images come back as the worker read them (pickled, unchanged).

Threading contract
------------------
* Each `open` starts a worker (≈ 0.2 s) and `close` ends it; `devices()` uses a short-lived one.
  libsane is initialised in the worker, which reads `SANE_CONFIG_DIR` from the environment at its
  start: a change of the variable takes effect at the next `open`/`devices()`.
  `devices()` can take seconds (network backends probe the LAN): call it from a worker thread.
* A `SaneScanner` belongs to the thread that opened it: `open`, `configure`, `scan_pages` and
  `close` run on that one thread (the UI's scan worker). The GUI thread keeps running during a scan.
* The only input from other threads is the `cancel` event. The scan stops within a line read;
  if the driver does not stop within `CANCEL_GRACE_S`, its worker is killed (the scanner is closed).
* `progress` and `page_progress` are called on the scanning thread (a Qt worker turns them into
  signals). An exception raised in them is logged and swallowed. After the cancel is set, no more
  `page_progress` calls come.
* Close the iterator of `scan_pages` on the scanning thread too (exhaust it, or use
  `contextlib.closing`): closing it ends the batch with `sane_cancel`.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from PIL import Image

from drivers.isolation import Worker, WorkerDiedError
from drivers.scanner.errors import ScannerError, ScannerUnavailable
from drivers.scanner.sane_options import Capabilities, ScanMode, ScanSettings, ScanSource
from drivers.scanner.sane_types import DeviceInfo, StopReason

log = logging.getLogger(__name__)

__all__ = ["Capabilities", "DeviceInfo", "SaneScanner", "ScanMode", "ScanSettings", "ScanSource", "StopReason", "is_initialised"]

REQUEST_TIMEOUT_S = 180.0  # one request (open, devices, an option); a network backend can take long
CANCEL_GRACE_S = 5.0  # a cancelled page that does not stop by then: the worker is killed
PAGE_SILENCE_S = 90.0  # a page with no word from the worker for this long: its libsane is hung
_POLL_S = 0.05  # how often the scanning thread looks at the cancel event while a page is read


def is_initialised() -> bool:
    """Whether libsane was initialised in this process: never, it runs only in worker processes."""
    return False


def _start_worker() -> Worker:
    from drivers.scanner.sane_worker import serve

    try:
        return Worker("scanner", serve).start()
    except WorkerDiedError as died:
        raise ScannerUnavailable("scanner.driver_failed", detail=f"scanner worker: {died.__cause__!r}") from None


def _answer(reply: tuple[Any, ...]) -> Any:
    kind, value = reply[0], reply[1]
    if kind == "err":
        raise value from None
    return value


class SaneScanner:
    """One SANE device, driven in its worker process. See the module docstring for the threading contract."""

    def __init__(self) -> None:
        self._worker: Worker | None = None
        self.device: str | None = None
        self.last_stop: StopReason | None = None
        # What was set on the device, replayed on a fresh worker (see _renew_after_error).
        self._settings: dict[tuple[str, str], tuple[Any, ...]] = {}
        self._renew = False
        self.page_silence_s = PAGE_SILENCE_S

    # --- devices -----------------------------------------------------------------------------

    @staticmethod
    def devices(local_only: bool = False) -> list[DeviceInfo]:
        """Scanners libsane can see now. May take seconds (network backends)."""
        worker = _start_worker()
        try:
            return list(_answer(_request(worker, ("devices", local_only))))
        finally:
            worker.stop()

    def open(self, device: str) -> SaneScanner:
        """Open `device` (a name from `devices()`). ScannerUnavailable with the reason if it cannot be."""
        self.close()
        worker = _start_worker()
        try:
            _answer(_request(worker, ("open", device)))
        except BaseException:
            worker.stop()
            raise
        self._worker = worker
        self.device = device
        self._settings, self._renew = {}, False
        log.info("scanner worker %s serves %s", worker.pid, device)
        return self

    def _renew_after_error(self) -> None:
        """After a scan ended in a device error, libsane's reader thread was cancelled mid-flight
        and can leave the loader lock taken: the next sane_start in that process hangs for ever
        (seen with the test backend under load). So the next request gets a fresh worker with
        the same device and settings."""
        self._renew = False
        old, device = self._worker, self.device
        if old is None or device is None:
            return
        self._worker = None
        old.kill()
        worker = _start_worker()
        try:
            _answer(_request(worker, ("open", device)))
            for (method, _name), args in self._settings.items():
                _answer(_request(worker, ("call", method, args)))
        except BaseException:
            worker.stop()
            raise
        self._worker = worker
        log.info("scanner worker %s took over %s after a device error", worker.pid, device)

    def close(self) -> None:
        worker, self._worker = self._worker, None
        if worker is None:
            return
        if self._renew:  # after a device error its libsane may be wedged: don't wait on it
            self._renew = False
            worker.kill()
            return
        try:
            _request(worker, ("close",), timeout=30)
        except (ScannerError, TimeoutError):
            log.warning("scanner %s did not close cleanly", self.device)
        finally:
            worker.stop()

    def __enter__(self) -> SaneScanner:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def is_open(self) -> bool:
        return self._worker is not None

    @property
    def worker_pid(self) -> int | None:
        """The process id of the worker serving the open device (diagnostics and tests)."""
        return self._worker.pid if self._worker is not None else None

    # --- options -----------------------------------------------------------------------------

    def option_names(self) -> list[str]:
        """SANE option names of the open device, as SANE spells them (e.g. "read-return-value")."""
        return list(self._call("option_names"))

    def choices(self, name: str) -> Any:
        """The constraint of option `name`: a list of allowed values, (min, max, quant), or None."""
        return self._call("choices", name)

    def get_option(self, name: str) -> Any:
        return self._call("get_option", name)

    def set_option(self, name: str, value: Any) -> None:
        """Set a raw SANE option (advanced settings, and the test backend's switches in tests)."""
        self._call("set_option", name, value)

    def capabilities(self) -> Capabilities:
        """What the device offers, for the technician's settings page."""
        return self._call("capabilities")

    def configure(self, settings: ScanSettings) -> ScanSettings:
        """Apply source, mode and resolution; returns what the device actually took (nearest resolution)."""
        return self._call("configure", settings)

    def _call(self, method: str, *args: Any) -> Any:
        result = _answer(self._request(("call", method, args)))
        if method in ("configure", "set_option"):
            self._settings[(method, str(args[0]) if method == "set_option" else "")] = args
        return result

    # --- scanning ----------------------------------------------------------------------------

    def scan_pages(
        self,
        progress: Callable[[int], None] | None = None,
        cancel: threading.Event | None = None,
        *,
        page_progress: Callable[[int, int], None] | None = None,
        max_pages: int | None = None,
    ) -> Iterator[Image.Image]:
        """Scan: from the feeder until it is empty (or `max_pages`), from the flatbed one page.

        `progress(n)` is called after page n (1, 2, ...) is read; `page_progress(lines, total)`
        while a page is read (total is -1 when the device does not know the height). When
        `cancel` is set, the scan stops within a line and the iterator ends. Why it ended is in
        `last_stop`. Errors raise ScannerError with a code (scanner.jam, scanner.cover_open, ...);
        an empty feeder before the first page raises ScannerError(status=NO_DOCS); a worker that
        died raises ScannerUnavailable. Images are "RGB", "L", or "1" (lineart), with `info["dpi"]` set.
        """
        self.last_stop = None
        request = ("scan", max_pages, page_progress is not None)
        _answer(self._request(request))
        pages, ended, retried = 0, False, False
        try:
            while True:
                reply = self._next_page(cancel, page_progress)
                if reply[0] == "hung":
                    # Killed and replaced; the batch starts again once if nothing was delivered yet.
                    log.warning("scanner %s sent nothing for %.0f s: worker replaced", self.device, self.page_silence_s)
                    self._renew_after_error()
                    if pages or retried:
                        ended = True
                        raise ScannerUnavailable("scanner.driver_died", detail=f"no answer for {self.page_silence_s:.0f} s")
                    retried = True
                    _answer(self._request(request))
                    continue
                if reply[0] == "err":
                    ended = True
                    self._renew = True
                    raise reply[1] from None
                if reply[0] == "end":
                    ended = True
                    self.last_stop = StopReason(reply[1]) if reply[1] else None
                    return
                pages += 1
                _call_safely(progress, pages)
                yield reply[1]
        finally:
            if not ended:
                self._stop_batch()

    def _next_page(self, cancel: threading.Event | None, page_progress: Callable[[int, int], None] | None) -> tuple[Any, ...]:
        """The worker's answer to one "next": ("page", image), ("end", stop) or ("err", error)."""
        cancelled = cancel is not None and cancel.is_set()
        self._send(("next", cancelled))
        cancel_sent = time.monotonic() if cancelled else None
        heard = time.monotonic()
        while True:
            if cancel_sent is None and cancel is not None and cancel.is_set():
                self._send(("cancel",))
                cancel_sent = time.monotonic()
            if self._poll(_POLL_S):
                heard = time.monotonic()
                message = self._recv()
                if message[0] != "lines":
                    return message
                for lines, total in message[1]:
                    if cancel is not None and cancel.is_set():
                        break
                    _call_hook_safely(page_progress, lines, total)
            elif cancel_sent is None and time.monotonic() - heard > self.page_silence_s:
                return ("hung",)
            elif cancel_sent is not None and time.monotonic() - cancel_sent > CANCEL_GRACE_S:
                log.warning("scanner %s did not stop %.0f s after the cancel: worker killed", self.device, CANCEL_GRACE_S)
                self._drop_worker().kill()
                return ("end", StopReason.CANCELLED.value)

    def _stop_batch(self) -> None:
        """End a batch the caller stopped early (iterator closed, or an error on this side)."""
        if self._worker is None:
            return
        try:
            self._send(("stop",))
            deadline = time.monotonic() + CANCEL_GRACE_S
            while time.monotonic() < deadline:
                if self._poll(_POLL_S) and self._recv()[0] == "stopped":
                    return
            log.warning("scanner %s did not end the batch: its worker is killed", self.device)
            self._drop_worker().kill()
        except ScannerUnavailable:
            pass  # the worker died; already logged

    # --- the pipe ------------------------------------------------------------------------------

    def _require(self) -> Worker:
        if self._worker is None:
            raise ScannerError("scanner.not_open")
        return self._worker

    def _drop_worker(self) -> Worker:
        worker, self._worker = self._require(), None
        return worker

    def _request(self, message: tuple[Any, ...]) -> tuple[Any, ...]:
        if self._renew:
            self._renew_after_error()
        worker = self._require()
        try:
            return _request(worker, message)
        except ScannerUnavailable:
            self._worker = None
            raise

    def _send(self, message: tuple[Any, ...]) -> None:
        try:
            self._require().send(message)
        except WorkerDiedError as died:
            raise self._lost(died) from None

    def _poll(self, timeout: float) -> bool:
        try:
            return self._require().poll(timeout)
        except WorkerDiedError as died:
            raise self._lost(died) from None

    def _recv(self) -> tuple[Any, ...]:
        try:
            return self._require().recv()
        except WorkerDiedError as died:
            raise self._lost(died) from None

    def _lost(self, died: WorkerDiedError) -> ScannerUnavailable:
        self._worker = None
        return ScannerUnavailable("scanner.driver_died", detail=f"scanner worker for {self.device}: {died.reason}")


def _request(worker: Worker, message: tuple[Any, ...], timeout: float = REQUEST_TIMEOUT_S) -> tuple[Any, ...]:
    """One request and its answer; ScannerUnavailable if the worker died or hangs (then it is killed)."""
    try:
        return worker.request(message, timeout)
    except WorkerDiedError as died:
        raise ScannerUnavailable("scanner.driver_died", detail=f"scanner worker ({message[0]}): {died.reason}") from None
    except TimeoutError:
        worker.kill()
        raise ScannerUnavailable("scanner.driver_died",
                                 detail=f"scanner worker ({message[0]}): no answer in {timeout:.0f} s") from None


def _call_safely(callback: Callable[[int], None] | None, value: int) -> None:
    if callback is None:
        return
    try:
        callback(value)
    except Exception:
        log.exception("error in the scan progress callback (ignored)")


def _call_hook_safely(callback: Callable[[int, int], None] | None, lines: int, total: int) -> None:
    if callback is None:
        return
    try:
        callback(lines, total)
    except Exception:
        log.exception("error in the scan progress hook (ignored)")
