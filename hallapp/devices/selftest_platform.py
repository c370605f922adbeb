"""The platform self-test: one signed ping, its round-trip time and the clock offset.

The offset comes from the answer's `Date` header (and the ping's `time` when it succeeded), read
by a transport that records the exchange: a refused signature still tells how far the clocks are
apart, which is how clock skew is told from an unknown key.
"""

from __future__ import annotations

import email.utils
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from drivers.probe.oserrors import network_cause
from hallapp.config import Settings
from hallapp.devices.roles import CLOCK_SKEW_LIMIT_S
from hallapp.home import Home
from hallapp.sync import crypto, tls
from hallapp.sync.http_client import NODELAY, HttpPlatformClient, check_url
from hallapp.sync.platform_port import AuthError, CertificateError, ConfigError, PlatformError, TransientError


@dataclass
class _Exchange:
    status: int = 0
    date: str = ""
    body: bytes = b""
    sent: float = 0.0
    received: float = 0.0


class _Replay(httpx.SyncByteStream):
    """An answer already read, handed on as a stream (the client reads it with iter_raw)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def __iter__(self) -> Iterator[bytes]:
        yield self.data


class _RecordingTransport(httpx.BaseTransport):
    """Passes requests on, keeping the last answer's status, Date, body and timing."""

    def __init__(self, inner: httpx.HTTPTransport) -> None:
        self.inner, self.last = inner, _Exchange()
        self._pool = inner._pool

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        sent = time.time()
        response = self.inner.handle_request(request)
        body = response.read()
        self.last = _Exchange(response.status_code, response.headers.get("Date", ""), body, sent, time.time())
        return httpx.Response(response.status_code, headers=response.headers, stream=_Replay(body),
                              extensions=response.extensions)

    def close(self) -> None:
        self.inner.close()


def _offset(exchange: _Exchange) -> float | None:
    """Platform clock minus this PC's, at the middle of the exchange (1 s resolution)."""
    middle = (exchange.sent + exchange.received) / 2
    try:
        pinged = json.loads(exchange.body).get("time")
    except (ValueError, AttributeError):
        pinged = None
    if isinstance(pinged, int | float) and exchange.status == 200:
        return round(pinged - middle, 1)
    parsed = email.utils.parsedate_to_datetime(exchange.date) if exchange.date else None
    return round(parsed.timestamp() - middle, 1) if parsed is not None else None


def _client(settings: Settings, home: Home, hall_code: str,
            inner: Any) -> tuple[HttpPlatformClient, _RecordingTransport]:
    platform = settings.platform
    url = check_url(platform.url)
    tls.require_https(url, platform.ca_file, platform.pin_sha256)
    verify: Any = tls.client_context(platform.ca_file) if url.lower().startswith("https://") else True
    recorder = _RecordingTransport(inner or httpx.HTTPTransport(verify=verify, socket_options=NODELAY))
    try:
        key = crypto.load_key(home.keys_dir)
    except crypto.KeyMissingError as exc:
        raise AuthError(str(exc)) from exc
    client = HttpPlatformClient(url, hall_code, key, timeout_s=min(settings.sync.timeout_s, 10.0),
                                platform_key=crypto.load_platform_key(home.keys_dir), verify=verify,
                                pins=tuple(platform.pin_sha256), transport=recorder)
    return client, recorder


def ping(settings: Settings, home: Home, hall_code: str, transport: Any = None) -> tuple[str, dict[str, object]]:
    """(cause, details) of one signed ping: details carry rtt_ms and clock_offset_s when known."""
    if not settings.platform.url:
        return "not_configured", {}
    try:
        client, recorder = _client(settings, home, hall_code, transport)
    except AuthError:
        return "unknown_key", {"reason": "no hall key in this home"}
    except ConfigError as exc:
        return "not_configured", {"reason": type(exc).__name__}
    try:
        client.ping()
        cause = "ok"
    except CertificateError:
        cause = "tls_certificate"
    except (AuthError, ConfigError):  # ConfigError here: no pinned platform key, i.e. never registered
        cause = "unknown_key"
    except TransientError as exc:
        cause = _transient_cause(exc, recorder.last)
    except PlatformError as exc:  # an answer outside the contract (unsigned, malformed)
        return "device_error", {"reason": type(exc).__name__}
    finally:
        client.close()
    return _with_clock(cause, recorder.last)


def _transient_cause(exc: BaseException, last: _Exchange) -> str:
    if last.status:
        return "device_error"  # the platform answered 5xx / 429
    if isinstance(exc.__cause__, httpx.TimeoutException):
        return "timeout"
    return network_cause(exc)


def _with_clock(cause: str, last: _Exchange) -> tuple[str, dict[str, object]]:
    details: dict[str, object] = {}
    if last.status:
        details["rtt_ms"] = round((last.received - last.sent) * 1000, 1)
        details["http_status"] = last.status
        offset = _offset(last)
        if offset is not None:
            details["clock_offset_s"] = offset
            if abs(offset) > CLOCK_SKEW_LIMIT_S and cause in ("ok", "unknown_key"):
                cause = "clock_skew"
    return cause, details
