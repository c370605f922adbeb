"""`HttpPlatformClient`: hallapp's HTTP contract (docs/platform-api.md) over httpx, every request
signed with the hall's SM2 key, every answer checked against the platform's pinned SM2 key."""

from __future__ import annotations

import json
import logging
import math
import socket
import ssl
import time
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

import httpx

from hallapp.domain.outbox import coded
from hallapp.sync import answers, backoff, crypto, licence_wire, signing, tls, wire
from hallapp.sync.platform_port import (
    AuthError,
    CaseAck,
    ConfigError,
    ConflictError,
    DeadlineError,
    HallIdentity,
    HashMismatchError,
    MaterialHeld,
    MaterialsMissingError,
    NotFoundError,
    OffsetMismatchError,
    PlatformError,
    Registration,
    RejectedError,
    StatusUpdate,
    TransientError,
    UntrustedAnswerError,
)

API = "/v1"
NODELAY = [(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)]  # small signed requests must not wait for ACKs
logging.getLogger("httpx").setLevel(logging.WARNING)  # one INFO line per request would flood the hall's log


def check_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise coded(ConfigError(), "sync.no_platform_url")
    return url.strip().rstrip("/")


def raise_for(status: int, body: dict[str, Any], where: str, retry_after_s: float | None = None) -> None:
    """Map a signed answer's status to the adapter's errors. Only 2xx is success; a 3xx is never
    followed and counts as no answer. A transient error carries the answer's `Retry-After`."""
    if 200 <= status < 300:
        return
    code = str(body.get("error", ""))
    if status < 400:
        raise coded(UntrustedAnswerError(), "sync.off_contract", status=status)
    if status in (401, 403):
        raise coded(AuthError(), "sync.auth_refused", status=status, reason=code or "unauthorized")
    if status == 409 and code == "offset_mismatch":
        raise OffsetMismatchError(answers.count(body, "received"))
    if status == 409 and code == "materials_missing":
        missing = body.get("missing")
        if not isinstance(missing, list) or not all(isinstance(m, str) for m in missing):
            raise coded(UntrustedAnswerError(), "sync.bad_missing_list")
        raise MaterialsMissingError(missing)
    if status == 409:
        raise coded(ConflictError(), "sync.conflict", where=where)
    if status == 422 and code == "hash_mismatch":
        raise coded(HashMismatchError(), "sync.hash_mismatch", where=where)
    if status == 404:
        raise coded(NotFoundError(), "sync.not_found", where=where)
    if status in (408, 425, 429) or status >= 500:
        raise coded(TransientError(retry_after_s=retry_after_s), "sync.unavailable", status=status, reason=code)
    raise coded(RejectedError(), "sync.rejected", status=status, reason=code or "rejected",
                detail=str(body.get("detail", ""))[:120])


def _lenient(data: bytes) -> dict[str, Any]:
    """An error answer's body, for its code only (an error without JSON is still that error)."""
    try:
        return answers.body_json(data)
    except UntrustedAnswerError:
        return {}


@dataclass(frozen=True)
class _Answer:
    status: int
    body: bytes
    nonce: str
    signature: str
    where: str
    retry_after: str = ""  # the header as sent; read only once the answer's signature checks


UNSIGNED = "sync.unsigned"  # codes of hallapp/domain/outbox.py, worded at the edge
KEY_CHANGED = "sync.key_changed"
NOT_PINNED = "sync.not_pinned"


class HttpPlatformClient:
    """One platform, one hall key, the platform's pinned answer key; safe to use from one thread.

    Every request ends by its deadline (`timeout_s`, and the run's deadline if one is set), every
    answer is read up to `max_answer_bytes`, and no answer is believed before its signature checks."""

    def __init__(self, url: str, hall_code: str, key: crypto.HallKey, *, timeout_s: float = 30.0,
                 platform_key: crypto.PublicKey | None = None, max_answer_bytes: int = 1024 * 1024,
                 verify: bool | ssl.SSLContext = True, pins: tuple[str, ...] = (),
                 transport: httpx.BaseTransport | None = None) -> None:
        self.base = check_url(url)
        self._pins = tls.PinCheck(pins)
        self.hall_code, self.key, self.platform_key = hall_code, key, platform_key
        self.timeout_s, self.max_answer_bytes = timeout_s, max_answer_bytes
        self.run_deadline = math.inf
        transport = transport or httpx.HTTPTransport(verify=verify, socket_options=NODELAY)
        self._http = wire.bound(httpx.Client(
            base_url=self.base, timeout=timeout_s, verify=verify, transport=transport, follow_redirects=False,
            headers={"User-Agent": "hallapp-sync/1", "Accept-Encoding": "identity"}))

    def close(self) -> None:
        self._http.close()

    def set_run_deadline(self, at: float) -> None:
        """No request of this client runs past `at` (time.monotonic())."""
        self.run_deadline = at

    def _exchange(self, method: str, path: str, body: bytes, params: dict[str, Any] | None,
                  headers: dict[str, str] | None) -> _Answer:
        # an absolute address: httpx parses it once instead of merging it with base_url (three parses)
        request = self._http.build_request(method, self.base + API + path, content=body or None, params=params)
        target = request.url.raw_path.decode("ascii")  # path and query exactly as sent
        request.headers.update(signing.sign_headers(self.key, self.hall_code, method, target, body))
        request.headers.update(headers or {})
        now = time.monotonic()
        if now >= self.run_deadline:
            raise coded(DeadlineError(), "sync.deadline")
        try:
            with wire.deadline(min(now + self.timeout_s, self.run_deadline)):
                response = self._http.send(request, stream=True)
                try:
                    self._pins.check(response)  # before a byte of the answer is read
                    data = wire.read_bounded(response, self.max_answer_bytes)
                finally:
                    response.close()
        except wire.AnswerTooLargeError as exc:
            raise coded(UntrustedAnswerError(), "sync.answer_too_large", limit=self.max_answer_bytes) from exc
        except httpx.TimeoutException as exc:
            if time.monotonic() >= self.run_deadline:
                raise coded(DeadlineError(), "sync.deadline") from exc
            raise coded(TransientError(), "sync.timeout", seconds=f"{self.timeout_s:g}") from exc
        except (httpx.TransportError, httpx.StreamError) as exc:
            failure = tls.verification_failure(exc)
            if failure is not None:
                raise tls.refused(failure) from exc
            raise coded(TransientError(), "sync.unreachable", error=type(exc).__name__) from exc
        except httpx.InvalidURL as exc:
            raise coded(ConfigError(), "sync.bad_url", why=exc) from exc
        return _Answer(response.status_code, data, request.headers[signing.NONCE],
                       response.headers.get(signing.ANSWER_SIGNATURE, ""), f"{method} {API}{path}",
                       response.headers.get("Retry-After", ""))

    def _json(self, method: str, path: str, *, body: bytes = b"", params: dict[str, Any] | None = None,
              headers: dict[str, str] | None = None) -> dict[str, Any]:
        if self.platform_key is None:
            raise coded(ConfigError(), NOT_PINNED)
        answer = self._exchange(method, path, body, params, headers)
        if not signing.answer_is_signed(self.platform_key, answer.status, answer.nonce, answer.body, answer.signature):
            raise coded(UntrustedAnswerError(), UNSIGNED)
        raise_for(answer.status, _lenient(answer.body), answer.where, backoff.parse_retry_after(answer.retry_after))
        return answers.body_json(answer.body)

    def register(self, hall: HallIdentity, public_key_pem: str) -> Registration:
        """Register; the answer must be signed by the pinned platform key or, on first registration,
        by the key it names (then pinned by the caller)."""
        body = json.dumps({"hall_code": hall.code, "hall_name": hall.name, "region_code": hall.region_code,
                           "public_key_pem": public_key_pem}).encode("utf-8")
        answer = self._exchange("POST", "/halls/register", body, None, {"Content-Type": "application/json"})
        fields = _lenient(answer.body)
        signer = self.platform_key or _named_key(fields)
        if signer is None or not signing.answer_is_signed(signer, answer.status, answer.nonce, answer.body,
                                                          answer.signature):
            raise coded(UntrustedAnswerError(), UNSIGNED)
        raise_for(answer.status, fields, answer.where, backoff.parse_retry_after(answer.retry_after))
        registration = answers.registration(answers.body_json(answer.body), crypto.key_id(public_key_pem))
        named = _named_key(fields)
        if named is not None and named.key_id != signer.key_id:
            raise coded(UntrustedAnswerError(), KEY_CHANGED)
        return replace(registration, platform_key_pem=signer.pem)

    def ping(self) -> None:
        answers.ping(self._json("GET", "/ping"))

    def put_case(self, client_id: str, payload: bytes) -> CaseAck:
        body = self._json("PUT", f"/cases/{client_id}", body=payload, headers={"Content-Type": "application/json"})
        return answers.ack(body, client_id)

    def get_case(self, client_id: str) -> CaseAck | None:
        try:
            return answers.ack(self._json("GET", f"/cases/{client_id}"), client_id)
        except NotFoundError:
            return None

    def material_status(self, sha256: str) -> MaterialHeld | None:
        try:
            return answers.held(self._json("GET", f"/materials/{sha256}"), sha256)
        except NotFoundError:
            return None

    def put_chunk(self, sha256: str, offset: int, total: int, chunk: bytes, *, encrypted: bool) -> MaterialHeld:
        headers = {"Content-Type": "application/octet-stream", "X-Upload-Offset": str(offset),
                   "X-Upload-Length": str(total)}
        if encrypted:
            headers["X-Encryption"] = "SM4-CTR"
        return answers.held(self._json("PUT", f"/materials/{sha256}", body=chunk, headers=headers), sha256)

    def commit(self, client_id: str, payload_sha256: str, materials: list[str]) -> CaseAck:
        body = json.dumps({"payload_sha256": payload_sha256, "materials": materials}).encode("utf-8")
        answer = self._json("POST", f"/cases/{client_id}/commit", body=body, headers={"Content-Type": "application/json"})
        return answers.ack(answer, client_id)

    def put_record(self, client_id: str, payload: bytes) -> CaseAck:
        """A record besides the case (evaluation, courier, collection, supplied material)."""
        body = self._json("PUT", f"/records/{client_id}", body=payload, headers={"Content-Type": "application/json"})
        return answers.ack(body, client_id)

    def commit_record(self, client_id: str, payload_sha256: str, materials: list[str]) -> CaseAck:
        body = json.dumps({"payload_sha256": payload_sha256, "materials": materials}).encode("utf-8")
        answer = self._json("POST", f"/records/{client_id}/commit", body=body,
                            headers={"Content-Type": "application/json"})
        return answers.ack(answer, client_id)

    def status_updates(self, since: int, limit: int) -> tuple[list[StatusUpdate], int]:
        return answers.updates(self._json("GET", "/status-updates", params={"since": since, "limit": limit}), since, limit)

    def catalog(self) -> dict[str, Any]:
        """The channel's item list as signed JSON (checked by sync/catalog_fetch.py)."""
        return self._json("GET", "/catalog")

    def calendar(self, year: int) -> dict[str, Any]:
        """A year's holiday calendar as signed JSON; NotFoundError when the platform has none."""
        return self._json("GET", f"/calendars/{year}")

    def fetch_licence(self, body: bytes) -> licence_wire.LicenceAnswer:
        """电子证照: `body` from licence_wire.request_body (the holder's ID number inside the signed body).
        NotFoundError when the platform holds no such licence; an answer off the contract is untrusted."""
        answer = self._json("POST", "/licences/fetch", body=body, headers={"Content-Type": "application/json"})
        return licence_wire.parse(answer, sent=body)


def _named_key(fields: dict[str, Any]) -> crypto.PublicKey | None:
    pem = fields.get("platform_public_key_pem")
    try:
        return crypto.PublicKey(pem) if isinstance(pem, str) and pem else None
    except ValueError:
        return None


__all__ = ["HttpPlatformClient", "PlatformError", "check_url"]
