"""Bounded waits on the wire: an overall deadline per request (connect, send, wait, read the whole
answer) and a size limit on every answer.

httpx's timeouts apply to each socket operation, so a server that drips one byte every 2 s never
trips them. `DeadlineBackend` wraps httpcore's socket backend and cuts every connect, read and
write at the deadline of the request in progress (a context variable set by `deadline`), on the
direct connection and on proxy connections alike.
"""

from __future__ import annotations

import contextvars
import math
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import httpcore
import httpx

_DEADLINE: contextvars.ContextVar[float] = contextvars.ContextVar("hallapp_sync_deadline", default=math.inf)


class AnswerTooLargeError(Exception):
    """The answer is larger than the limit; it was not read to the end."""


@contextmanager
def deadline(at: float) -> Iterator[None]:
    """Every socket operation inside ends by `at` (time.monotonic())."""
    token = _DEADLINE.set(at)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def _clamp(timeout: float | None, error: type[Exception]) -> float:
    remaining = _DEADLINE.get() - time.monotonic()
    if remaining <= 0:
        raise error("request deadline passed")
    return remaining if timeout is None else min(timeout, remaining)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _clamp(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        # big chunks go out in slices so a slow reader cannot stretch one write past the deadline
        for start in range(0, len(buffer), 64 * 1024):
            self._inner.write(buffer[start:start + 64 * 1024], _clamp(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname,
                                                     _clamp(timeout, httpcore.ConnectTimeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(host, port, _clamp(timeout, httpcore.ConnectTimeout), local_address,
                                         socket_options)
        return _DeadlineStream(stream)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _NoCookies(httpx.Cookies):
    """The contract has no cookies: none is kept, and an answer's are not even parsed (that took
    about a tenth of the client's time per request)."""

    def extract_cookies(self, response: httpx.Response) -> None:
        return None


def bound(client: httpx.Client) -> httpx.Client:
    """Put every connection pool of the client (direct and proxies) on the deadline backend, and
    keep no cookies."""
    client._cookies = _NoCookies()
    transports = [client._transport, *client._mounts.values()]
    for transport in transports:
        pool = getattr(transport, "_pool", None)
        if transport is not None and pool is not None:
            if not hasattr(pool, "_network_backend"):
                raise RuntimeError("httpx/httpcore changed: cannot bound request time")
            pool._network_backend = DeadlineBackend()
    return client


def read_bounded(response: httpx.Response, limit: int) -> bytes:
    """The answer's bytes as sent (no content decoding: we ask for identity), at most `limit`."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise AnswerTooLargeError(declared)
    body = bytearray()
    for piece in response.iter_raw():
        body += piece
        if len(body) > limit:
            raise AnswerTooLargeError(str(len(body)))
    return bytes(body)
