"""SANE through python-sane, in this process: what runs inside the scanner worker process.

Never import this in the window's process: libsane resets SIGPIPE to SIG_DFL during a scan (and
may crash); `drivers.scanner.sane_scanner.SaneScanner` runs this in a child (see sane_worker.py).
The threading contract of the old in-process driver still holds inside the worker:

* libsane is initialised once per (worker) process, on first use; SANE_CONFIG_DIR is read then.
* python-sane 2.9.2 crashes the process (a NULL `Py_DECREF` in `snap`) when its per-line progress
  hook raises, so nothing may be raised across that hook.
* After every call that may have run libsane's reader thread, SIGPIPE is set back to SIG_IGN.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Generator
from types import ModuleType
from typing import Any

from PIL import Image

from drivers.isolation import ignore_sigpipe
from drivers.scanner.errors import ScannerError, ScannerUnavailable
from drivers.scanner.sane_options import (
    Capabilities,
    ScanMode,
    ScanSettings,
    ScanSource,
    is_mode,
    is_source,
    nearest,
    pick,
)
from drivers.scanner.sane_status import SaneStatus, status_from_text
from drivers.scanner.sane_types import DeviceInfo, StopReason

log = logging.getLogger(__name__)

__all__ = ["LocalSaneScanner"]


_init_lock = threading.Lock()
_initialised = False


def _load_sane() -> tuple[ModuleType, type[Exception]]:
    """python-sane and its error class; ScannerUnavailable if either python-sane or libsane is missing."""
    try:
        import _sane
        import sane
    except ImportError as exc:  # not installed, or libsane.so.1 missing
        raise ScannerUnavailable("scanner.sane_missing", detail=f"import failed: {exc}") from None
    return sane, _sane.error


def _ensure_init() -> tuple[ModuleType, type[Exception]]:
    global _initialised
    sane, error = _load_sane()
    with _init_lock:
        if not _initialised:
            try:
                version = sane.init()
            except error as exc:
                raise ScannerUnavailable("scanner.sane_init_failed", detail=f"sane_init: {exc}") from None
            _initialised = True
            log.info("SANE initialised, version %s", ".".join(str(v) for v in version[1:]))
    return sane, error


def _error_from(exc: BaseException) -> ScannerError:
    status = status_from_text(str(exc))
    return ScannerError(status=status, detail=f"SANE: {exc}")


class LocalSaneScanner:
    """One SANE device, in this process. Same methods as `SaneScanner`, see there."""

    def __init__(self) -> None:
        self._dev: Any = None
        self._error: type[Exception] = Exception
        self._software_lineart = False
        self.device: str | None = None
        self.last_stop: StopReason | None = None

    # --- devices -----------------------------------------------------------------------------

    @staticmethod
    def devices(local_only: bool = False) -> list[DeviceInfo]:
        """Scanners libsane can see now. May take seconds (network backends)."""
        sane, error = _ensure_init()
        try:
            found = sane.get_devices(local_only)
        except error as exc:
            raise ScannerUnavailable("scanner.sane_init_failed", detail=f"sane_get_devices: {exc}") from None
        return [DeviceInfo(*(str(part) for part in entry[:4])) for entry in found]

    def open(self, device: str) -> LocalSaneScanner:
        """Open `device` (a name from `devices()`). ScannerUnavailable with the reason if it cannot be."""
        self.close()
        sane, error = _ensure_init()
        try:
            self._dev = sane.open(device)
        except (error, RuntimeError) as exc:
            status = status_from_text(str(exc))
            code = "scanner.not_found" if status in (SaneStatus.INVAL, SaneStatus.UNKNOWN, SaneStatus.IO_ERROR) else None
            raise ScannerUnavailable(code, status=status, detail=f"sane_open({device}): {exc}", device=device) from None
        self._error = error
        self.device = device
        self._software_lineart = False
        log.info("scanner opened: %s", device)
        return self

    def close(self) -> None:
        if self._dev is not None:
            try:
                self._dev.close()
            finally:
                self._dev = None
                log.info("scanner closed: %s", self.device)

    def __enter__(self) -> LocalSaneScanner:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def is_open(self) -> bool:
        return self._dev is not None

    def _require(self) -> Any:
        if self._dev is None:
            raise ScannerError("scanner.not_open")
        return self._dev

    # --- options -----------------------------------------------------------------------------

    def option_names(self) -> list[str]:
        """SANE option names of the open device, as SANE spells them (e.g. "read-return-value")."""
        return [option.name for option in self._require().opt.values()]

    def choices(self, name: str) -> Any:
        """The constraint of option `name`: a list of allowed values, (min, max, quant), or None."""
        option = self._option(name)
        return option.constraint

    def get_option(self, name: str) -> Any:
        dev = self._require()
        if name.replace("-", "_") not in dev.opt:  # python-sane would return its own attributes
            raise ScannerError("scanner.setting_unsupported", setting=name, status=SaneStatus.UNSUPPORTED)
        try:
            return getattr(dev, name.replace("-", "_"))
        except AttributeError:
            raise ScannerError("scanner.setting_unsupported", setting=name, status=SaneStatus.UNSUPPORTED) from None
        except self._error as exc:
            raise _error_from(exc) from None

    def set_option(self, name: str, value: Any) -> None:
        """Set a raw SANE option (advanced settings, and the test backend's switches in tests)."""
        dev = self._require()
        if name.replace("-", "_") not in dev.opt:  # python-sane would silently set a plain attribute
            raise ScannerError("scanner.setting_unsupported", setting=name, status=SaneStatus.UNSUPPORTED)
        try:
            setattr(dev, name.replace("-", "_"), value)
        except (AttributeError, TypeError) as exc:
            raise ScannerError("scanner.setting_unsupported", setting=name, status=SaneStatus.UNSUPPORTED,
                               detail=str(exc)) from None
        except self._error as exc:
            error = _error_from(exc)
            raise ScannerError("scanner.setting_unsupported", setting=name, status=error.status, detail=error.detail) from None

    def _option(self, name: str) -> Any:
        try:
            return self._require()[name.replace("-", "_")]
        except KeyError:
            raise ScannerError("scanner.setting_unsupported", setting=name, status=SaneStatus.UNSUPPORTED) from None

    def _has(self, name: str) -> bool:
        dev = self._require()
        option = dev.opt.get(name.replace("-", "_"))
        return option is not None and option.is_active() and option.is_settable()

    def capabilities(self) -> Capabilities:
        """What the device offers, for the technician's settings page."""
        modes = self._settable_choices("mode")
        sources = self._settable_choices("source")
        offered_modes = [mode for mode in ScanMode if pick(modes, is_mode(mode)) is not None]
        if ScanMode.LINEART not in offered_modes and (ScanMode.GRAY in offered_modes or not modes):
            offered_modes.append(ScanMode.LINEART)  # 1-bit grey, or grey thresholded by the driver
        offered_sources = [source for source in ScanSource if pick(sources, is_source(source)) is not None]
        constraint = self.choices("resolution") if self._has("resolution") else None
        if isinstance(constraint, list) and constraint:
            listed = tuple(int(round(v)) for v in constraint)
            low, high = min(listed), max(listed)
        elif isinstance(constraint, tuple):
            listed, low, high = (), int(round(constraint[0])), int(round(constraint[1]))
        else:
            listed, low, high = (), 0, 0
        return Capabilities(
            modes=tuple(offered_modes),
            sources=tuple(offered_sources) or (ScanSource.FLATBED,),
            resolution_range=(low, high),
            resolutions=listed,
        )

    def configure(self, settings: ScanSettings) -> ScanSettings:
        """Apply source, mode and resolution; returns what the device actually took (nearest resolution)."""
        if self._has("source"):
            value = pick(self.choices("source") or [], is_source(settings.source))
            if value is None:
                raise ScannerError("scanner.setting_unsupported", setting=settings.source.value, status=SaneStatus.UNSUPPORTED)
            self.set_option("source", value)
        elif settings.source is not ScanSource.FLATBED:
            raise ScannerError("scanner.setting_unsupported", setting=settings.source.value, status=SaneStatus.UNSUPPORTED)
        self._set_mode(settings.mode)
        resolution = settings.resolution
        if self._has("resolution"):
            wanted = nearest(float(settings.resolution), self.choices("resolution"))
            fixed_point = isinstance(self.get_option("resolution"), float)  # SANE_TYPE_FIXED reads as float
            self.set_option("resolution", float(wanted) if fixed_point else int(round(wanted)))
            resolution = int(round(float(self.get_option("resolution"))))
        log.info("scanner configured: %s dpi, %s, %s", resolution, settings.mode.value, settings.source.value)
        return ScanSettings(resolution=resolution, mode=settings.mode, source=settings.source)

    def _settable_choices(self, name: str) -> list[Any]:
        choices = self.choices(name) if self._has(name) else None
        return choices if isinstance(choices, list) else []

    def _set_mode(self, mode: ScanMode) -> None:
        self._software_lineart = False
        modes = self._settable_choices("mode")
        value = pick(modes, is_mode(mode))
        grey_for_lineart = value is None and mode is ScanMode.LINEART
        if grey_for_lineart:  # no lineart mode: 1-bit grey if the device has it, else grey thresholded here
            value = pick(modes, is_mode(ScanMode.GRAY))
        if value is None and modes:
            raise ScannerError("scanner.setting_unsupported", setting=mode.value, status=SaneStatus.UNSUPPORTED)
        if value is not None:
            self.set_option("mode", value)
        depths = self._settable_choices("depth")  # read after the mode: it may change the allowed depths
        if grey_for_lineart:
            if 1 in depths:
                self.set_option("depth", 1)
            else:
                self._software_lineart = True
        elif mode is not ScanMode.LINEART and 8 in depths:
            self.set_option("depth", 8)

    # --- scanning ----------------------------------------------------------------------------

    def _is_feeder(self) -> bool:
        if not self._has("source"):
            return False
        source = str(self.get_option("source")).lower()
        return is_source(ScanSource.ADF)(source) or is_source(ScanSource.ADF_DUPLEX)(source)

    def scan_pages(
        self,
        progress: Callable[[int], None] | None = None,
        cancel: threading.Event | None = None,
        *,
        page_progress: Callable[[int, int], None] | None = None,
        max_pages: int | None = None,
    ) -> Generator[Image.Image, None, None]:
        """Scan: from the feeder until it is empty (or `max_pages`), from the flatbed one page.

        `progress(n)` is called after page n (1, 2, ...) is read; `page_progress(lines, total)`
        while a page is read (total is -1 when the device does not know the height). When
        `cancel` is set, the scan stops within a line and the iterator ends. Why it ended is in
        `last_stop`. Errors raise ScannerError with a code (scanner.jam, scanner.cover_open, ...);
        an empty feeder before the first page raises ScannerError(status=NO_DOCS).
        Images are "RGB", "L", or "1" (lineart), with `info["dpi"]` set.
        """
        dev = self._require()
        feeder = self._is_feeder()
        dpi = self._resolution()
        self.last_stop = None
        pages = 0
        try:
            while True:
                if cancel is not None and cancel.is_set():
                    self.last_stop = StopReason.CANCELLED
                    return
                if max_pages is not None and pages >= max_pages:
                    self.last_stop = StopReason.PAGE_LIMIT
                    return
                image = self._read_page(dev, feeder, pages, cancel, page_progress)
                if image is None:
                    return
                pages += 1
                if dpi:
                    image.info["dpi"] = (dpi, dpi)
                _call_safely(progress, pages)
                yield image
                if not feeder:
                    self.last_stop = StopReason.SINGLE_PAGE
                    return
        finally:
            if feeder:
                self._cancel_quietly(dev)
            log.info("scan ended: %d page(s), %s", pages, self.last_stop.value if self.last_stop else "error")

    def _read_page(
        self,
        dev: Any,
        feeder: bool,
        pages_so_far: int,
        cancel: threading.Event | None,
        page_progress: Callable[[int, int], None] | None,
    ) -> Image.Image | None:
        """One page; None when the scan ends normally (feeder empty, cancelled) with last_stop set."""
        try:
            return self._read_page_unguarded(dev, feeder, pages_so_far, cancel, page_progress)
        finally:
            ignore_sigpipe()  # sane_start's reader thread set it to SIG_DFL

    def _read_page_unguarded(
        self,
        dev: Any,
        feeder: bool,
        pages_so_far: int,
        cancel: threading.Event | None,
        page_progress: Callable[[int, int], None] | None,
    ) -> Image.Image | None:
        try:
            dev.start()
        except self._error as exc:
            self._end_or_raise(dev, _error_from(exc), feeder, pages_so_far, None)
            return None
        hook = _LineHook(dev, cancel, page_progress)
        try:
            image = dev.snap(feeder, progress=hook)
        except self._error as exc:  # NO_DOCS can come at the first read too, with some backends
            self._end_or_raise(dev, _error_from(exc), feeder, pages_so_far, hook)
            return None
        except RuntimeError as exc:  # python-sane: "Scanner returned no data"
            raise ScannerError(status=SaneStatus.EOF, detail=str(exc)) from None
        if hook.cancelled:  # cancelled on the very last line: drop the page, like any cancelled page
            self._cancel_quietly(dev)
            self.last_stop = StopReason.CANCELLED
            return None
        return self._finish(image)

    def _end_or_raise(self, dev: Any, error: ScannerError, feeder: bool, pages_so_far: int, hook: _LineHook | None) -> None:
        """The normal ends of a scan set `last_stop`: an empty feeder after some pages, a cancel. Else raise."""
        if feeder and error.status is SaneStatus.NO_DOCS and pages_so_far > 0:
            self.last_stop = StopReason.FEEDER_EMPTY
            return None
        if error.status is SaneStatus.CANCELLED and hook is not None and hook.cancelled:
            self._cancel_quietly(dev)
            self.last_stop = StopReason.CANCELLED
            return None
        raise error from None

    def _finish(self, image: Image.Image) -> Image.Image:
        if self._has("depth") and self.get_option("depth") == 1 and image.mode == "L":
            return image.convert("1", dither=Image.Dither.NONE)
        if self._software_lineart:
            from drivers.scanner.lineart import to_bw

            return to_bw(image if image.mode == "L" else image.convert("L"))
        return image

    def _resolution(self) -> int | None:
        if not self._has("resolution"):
            return None
        return int(round(float(self.get_option("resolution"))))

    def _cancel_quietly(self, dev: Any) -> None:
        try:
            dev.cancel()
        except self._error as exc:
            log.warning("sane_cancel failed: %s", exc)


class _LineHook:
    """python-sane's per-line progress hook. Must never raise (see the module docstring)."""

    def __init__(self, dev: Any, cancel: threading.Event | None, page_progress: Callable[[int, int], None] | None) -> None:
        self._dev = dev
        self._cancel = cancel
        self._page_progress = page_progress
        self.cancelled = False

    def __call__(self, lines: int, total: int) -> None:
        try:
            if self.cancelled:
                return
            if self._cancel is not None and self._cancel.is_set():
                self.cancelled = True
                self._dev.cancel()  # the next sane_read returns SANE_STATUS_CANCELLED
                return
            if self._page_progress is not None:
                self._page_progress(lines, total)
        except BaseException:
            log.exception("error in the scan progress hook (ignored)")


def _call_safely(callback: Callable[[int], None] | None, value: int) -> None:
    if callback is None:
        return
    try:
        callback(value)
    except Exception:
        log.exception("error in the scan progress callback (ignored)")
