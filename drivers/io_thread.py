"""`IoThread`: the one thread a device's I/O runs on, and `runs_on_io_thread` (Electrum's
`runs_in_hwd_thread`). Serial ports, sockets to a printer, libsane and PC/SC are not safe to drive
from two threads at once; each device object owns one `IoThread` and every call to it hops there.

Jobs run one at a time in the order given; `repeat()` runs a job every `interval` seconds on the
same thread between the other jobs (a card poller), so polls and explicit reads never overlap.
The thread starts at the first job (building a device costs no thread) and is a daemon.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")


class IoThreadClosedError(RuntimeError):
    """The thread was closed: the device is closed."""


class IoThread:
    """One named thread that runs the jobs given to it, one at a time. Safe to use from any thread."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._cond = threading.Condition()
        self._jobs: list[tuple[float, int, Callable[[], None], bool]] = []  # heap of (due, order, job, repeats)
        self._order = itertools.count()
        self._closed = False
        self._thread: threading.Thread | None = None

    def __repr__(self) -> str:
        return f"IoThread({self.name!r})"

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def ident(self) -> int | None:
        return self._thread.ident if self._thread is not None else None

    def on_thread(self) -> bool:
        return self._thread is threading.current_thread()

    def submit(self, fn: Callable[..., T], *args: object, **kwargs: object) -> Future[T]:
        """Run `fn` there soon; the future holds its result or exception. IoThreadClosedError once closed."""
        future: Future[T] = Future()

        def job() -> None:
            if future.set_running_or_notify_cancel():
                try:
                    future.set_result(fn(*args, **kwargs))
                except BaseException as exc:  # noqa: BLE001 - handed to the caller through the future
                    future.set_exception(exc)

        self._put(job)
        return future

    def call(self, fn: Callable[..., T], *args: object, **kwargs: object) -> T:
        """Run `fn` there and wait for it (directly when already there, so nested calls never deadlock)."""
        if self.on_thread():
            return fn(*args, **kwargs)
        return self.submit(fn, *args, **kwargs).result()

    def repeat(self, interval: float, fn: Callable[[], object]) -> Repeating:
        """Run `fn` now and then every `interval` seconds after each run ends, until cancelled.
        An exception in `fn` is logged and the repetition goes on: `fn` reports its own errors."""
        repeating = Repeating(self, interval, fn)
        self._put(repeating.run_once, repeats=True)
        return repeating

    def _put(self, job: Callable[[], None], delay: float = 0.0, *, repeats: bool = False) -> None:
        with self._cond:
            if self._closed:
                raise IoThreadClosedError(self.name)
            heapq.heappush(self._jobs, (time.monotonic() + delay, next(self._order), job, repeats))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
                self._thread.start()
            self._cond.notify()

    def _next(self) -> Callable[[], None] | None:
        with self._cond:
            while True:
                if self._closed and not self._jobs:
                    return None
                if self._jobs:
                    wait = self._jobs[0][0] - time.monotonic()
                    if wait <= 0:
                        return heapq.heappop(self._jobs)[2]
                    self._cond.wait(wait)
                else:
                    self._cond.wait()

    def _run(self) -> None:
        while (job := self._next()) is not None:
            try:
                job()
            except Exception:
                log.exception("job on %s failed", self.name)

    def close(self, wait: bool = True) -> None:
        """Refuse new jobs, run those already queued, stop the thread; wait unless called from it."""
        with self._cond:
            self._closed = True
            # The jobs already queued still run (a ticket sent just before); repetitions do not.
            self._jobs = [entry for entry in self._jobs if not entry[3]]
            heapq.heapify(self._jobs)
            self._cond.notify()
        thread = self._thread
        if wait and thread is not None and thread is not threading.current_thread():
            thread.join()


class Repeating:
    """A job that `IoThread.repeat` runs again and again; `cancel()` it from any thread."""

    def __init__(self, thread: IoThread, interval: float, fn: Callable[[], object]) -> None:
        self._thread, self._interval, self._fn = thread, interval, fn
        self._cancelled = threading.Event()
        self._idle = threading.Event()  # set while no run is in flight
        self._idle.set()

    @property
    def active(self) -> bool:
        return not self._cancelled.is_set() and not self._thread.closed

    def run_once(self) -> None:
        if not self.active:
            return
        self._idle.clear()
        try:
            self._fn()
        except Exception:
            log.exception("repeating job on %s failed", self._thread.name)
        finally:
            self._idle.set()
        try:
            if self.active:
                self._thread._put(self.run_once, self._interval, repeats=True)
        except IoThreadClosedError:
            pass

    def cancel(self, timeout: float | None = None) -> None:
        """No further runs; waits up to `timeout` for a run in flight (not when called from the thread)."""
        self._cancelled.set()
        if not self._thread.on_thread():
            self._idle.wait(timeout)


class HasIoThread(Protocol):
    io_thread: IoThread


S = TypeVar("S", bound=HasIoThread)


def runs_on_io_thread(method: Callable[Concatenate[S, P], T]) -> Callable[Concatenate[S, P], T]:
    """Run the method on `self.io_thread` and wait for it. Once the thread is closed the call raises
    what `self._closed_error()` returns when the class has one, else IoThreadClosedError."""

    @functools.wraps(method)
    def wrapper(self: S, *args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return self.io_thread.call(method, self, *args, **kwargs)
        except IoThreadClosedError:
            closed_error: Any = getattr(self, "_closed_error", None)
            if closed_error is None:
                raise
            raise closed_error() from None

    return wrapper
