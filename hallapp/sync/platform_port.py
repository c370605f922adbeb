"""The platform adapter interface: what the sync engine needs from a platform, whatever its wire.

`HttpPlatformClient` speaks hallapp's documented contract (docs/platform-api.md). A province's
real endpoint is another class with these methods, registered under the entry-point group
`hallapp.platform_adapters` and chosen by name; the engine never changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable


class PlatformError(RuntimeError):
    """Base of every platform failure; the message is safe to show (no personal data)."""


class TransientError(PlatformError):
    """Link down, timeout, reset, 5xx, 429: try again later with back-off. `retry_after_s` is the
    platform's `Retry-After` (seconds from now) when its signed answer named one."""

    def __init__(self, message: str = "", *, retry_after_s: float | None = None) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


class UntrustedAnswerError(TransientError):
    """An answer the platform did not sign (a captive portal, a proxy), a redirect, or one that does not
    fit the contract: treated as no answer at all, so nothing is ever confirmed on its word."""


class DeadlineError(TransientError):
    """This run's time is up (`sync.run_timeout_s`): stop, and pick up where we were next run."""


class AuthError(PlatformError):
    """The platform refused our signature or key (401/403): shown at once, never retried silently."""


class ConfigError(PlatformError):
    """No platform address, a malformed one, or no hall key: shown at once."""


class CertificateError(ConfigError):
    """The platform's TLS certificate did not check (unknown CA, expired, another host, a pin that
    does not match): sending stops and the reason is shown; never retried silently, never plain HTTP."""


class ConflictError(PlatformError):
    """The platform holds different data under this client id: needs attention, never overwrite."""


class RejectedError(PlatformError):
    """The platform refused the record itself (4xx validation): needs attention."""


class NotFoundError(RejectedError):
    """The platform holds nothing under this address (404)."""


class HashMismatchError(PlatformError):
    """The platform's SHA-256 of an uploaded material differs from ours; it discarded the upload."""


class OffsetMismatchError(PlatformError):
    """The platform holds a different number of bytes than we assumed; resume from `received`."""

    def __init__(self, received: int) -> None:
        super().__init__(f"platform holds {received} bytes")
        self.received = received


class MaterialsMissingError(PlatformError):
    """Commit refused: these materials are not complete at the platform."""

    def __init__(self, missing: list[str]) -> None:
        super().__init__(f"{len(missing)} materials missing at the platform")
        self.missing = missing


@dataclass(frozen=True)
class HallIdentity:
    code: str
    name: str
    region_code: str


@dataclass(frozen=True)
class Registration:
    key_id: str
    transport_key: bytes | None  # SM4 key for material payloads, if the platform issues one
    platform_key_pem: str = ""  # the key the platform signs its answers with (pinned in keys/)


@dataclass(frozen=True)
class CaseAck:
    client_id: str
    state: str  # open (record held, not committed) | committed
    payload_sha256: str
    receipt: str = ""


@dataclass(frozen=True)
class MaterialHeld:
    sha256: str
    size: int
    received: int
    complete: bool


@dataclass(frozen=True)
class StatusUpdate:
    seq: int
    client_id: str
    case_number: str
    status: str  # received | in_process | returned | completed | result_mailed
    reason: str = ""
    waybill: str = ""
    at: str = ""


@runtime_checkable
class PlatformAdapter(Protocol):
    def register(self, hall: HallIdentity, public_key_pem: str) -> Registration: ...

    def ping(self) -> None: ...

    def put_case(self, client_id: str, payload: bytes) -> CaseAck: ...

    def get_case(self, client_id: str) -> CaseAck | None: ...

    def material_status(self, sha256: str) -> MaterialHeld | None: ...

    def put_chunk(self, sha256: str, offset: int, total: int, chunk: bytes, *, encrypted: bool) -> MaterialHeld: ...

    def commit(self, client_id: str, payload_sha256: str, materials: list[str]) -> CaseAck: ...

    def put_record(self, client_id: str, payload: bytes) -> CaseAck: ...

    def commit_record(self, client_id: str, payload_sha256: str, materials: list[str]) -> CaseAck: ...

    def status_updates(self, since: int, limit: int) -> tuple[list[StatusUpdate], int]: ...

    def set_run_deadline(self, at: float) -> None:
        """No request runs past `at` (time.monotonic()): the sync run's end. An adapter that cannot cut
        a request short may only remember it; the engine stops between entries either way."""
        ...

    def close(self) -> None: ...
