"""`HttpPlatformClient`: hallapp's HTTP contract (docs/platform-api.md) over httpx, every request
signed with the hall's SM2 key."""

from __future__ import annotations

import base64
import json
import logging
import socket
from typing import Any
from urllib.parse import urlsplit

import httpx

from hallapp.sync import crypto, signing
from hallapp.sync.adapter import (
    AuthError,
    CaseAck,
    ConfigError,
    ConflictError,
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
)

API = "/v1"
NODELAY = [(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)]  # small signed requests must not wait for ACKs
logging.getLogger("httpx").setLevel(logging.WARNING)  # one INFO line per request would flood the hall's log


def check_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError("未设置国家平台地址 platform.url（或地址无效），例如 https://platform.example/")
    return url.strip().rstrip("/")


def _error(response: httpx.Response) -> tuple[str, dict[str, Any]]:
    try:
        body = response.json()
    except ValueError:
        body = {}
    return str(body.get("error", "")), body


def raise_for(response: httpx.Response) -> None:
    """Map the contract's answers to the adapter's errors."""
    status = response.status_code
    if status < 400:
        return
    code, body = _error(response)
    where = f"{response.request.method} {response.request.url.path}"
    if status in (401, 403):
        raise AuthError(f"平台拒绝了本大厅的签名或密钥 ({status} {code or 'unauthorized'})")
    if status == 409 and code == "offset_mismatch":
        raise OffsetMismatchError(int(body.get("received", 0)))
    if status == 409 and code == "materials_missing":
        raise MaterialsMissingError(list(body.get("missing", [])))
    if status == 409:
        raise ConflictError(f"平台在同一提交编号下保存了不同的数据 ({where})")
    if status == 422 and code == "hash_mismatch":
        raise HashMismatchError(f"平台校验材料哈希不符 ({where})")
    if status == 404:
        raise NotFoundError(f"平台没有该记录 ({where})")
    if status in (408, 425, 429) or status >= 500:
        raise TransientError(f"平台暂时不可用 ({status} {code})")
    raise RejectedError(f"平台拒收 ({status} {code or 'rejected'}: {str(body.get('detail', ''))[:120]})")


def _ack(body: dict[str, Any]) -> CaseAck:
    return CaseAck(body["client_id"], body["state"], body.get("payload_sha256", ""), body.get("receipt", ""))


def _held(body: dict[str, Any]) -> MaterialHeld:
    return MaterialHeld(body["sha256"], int(body["size"]), int(body["received"]), bool(body["complete"]))


class HttpPlatformClient:
    """One platform, one hall key; keep-alive connections; safe to use from one thread."""

    def __init__(self, url: str, hall_code: str, key: crypto.HallKey, *, timeout_s: float = 30.0,
                 verify: bool | str = True, transport: httpx.BaseTransport | None = None) -> None:
        self.base = check_url(url)
        self.hall_code, self.key = hall_code, key
        transport = transport or httpx.HTTPTransport(verify=verify, socket_options=NODELAY)
        self._http = httpx.Client(base_url=self.base, timeout=timeout_s, verify=verify, transport=transport,
                                  headers={"User-Agent": "hallapp-sync/1"})

    def close(self) -> None:
        self._http.close()

    def _send(self, method: str, path: str, *, body: bytes = b"", params: dict[str, Any] | None = None,
              headers: dict[str, str] | None = None) -> httpx.Response:
        request = self._http.build_request(method, API + path, content=body or None, params=params)
        target = request.url.raw_path.decode("ascii")  # path and query exactly as sent
        request.headers.update(signing.sign_headers(self.key, self.hall_code, method, target, body))
        request.headers.update(headers or {})
        try:
            response = self._http.send(request)
        except (httpx.TransportError, httpx.StreamError) as exc:
            raise TransientError(f"无法连接国家平台 ({type(exc).__name__})") from exc
        except httpx.InvalidURL as exc:
            raise ConfigError(f"平台地址无效 ({exc})") from exc
        raise_for(response)
        return response

    def _json(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:  # noqa: ANN401
        response = self._send(method, path, **kwargs)
        try:
            return response.json()
        except ValueError as exc:
            raise TransientError(f"平台返回了无法解析的应答 ({response.status_code})") from exc

    def register(self, hall: HallIdentity, public_key_pem: str) -> Registration:
        body = json.dumps({"hall_code": hall.code, "hall_name": hall.name, "region_code": hall.region_code,
                           "public_key_pem": public_key_pem}).encode("utf-8")
        answer = self._json("POST", "/halls/register", body=body, headers={"Content-Type": "application/json"})
        transport = answer.get("transport_key")
        return Registration(answer["key_id"], base64.b64decode(transport) if transport else None)

    def ping(self) -> None:
        self._json("GET", "/ping")

    def put_case(self, client_id: str, payload: bytes) -> CaseAck:
        return _ack(self._json("PUT", f"/cases/{client_id}", body=payload, headers={"Content-Type": "application/json"}))

    def get_case(self, client_id: str) -> CaseAck | None:
        try:
            return _ack(self._json("GET", f"/cases/{client_id}"))
        except NotFoundError:
            return None

    def material_status(self, sha256: str) -> MaterialHeld | None:
        try:
            return _held(self._json("GET", f"/materials/{sha256}"))
        except NotFoundError:
            return None

    def put_chunk(self, sha256: str, offset: int, total: int, chunk: bytes, *, encrypted: bool) -> MaterialHeld:
        headers = {"Content-Type": "application/octet-stream", "X-Upload-Offset": str(offset),
                   "X-Upload-Length": str(total)}
        if encrypted:
            headers["X-Encryption"] = "SM4-CTR"
        return _held(self._json("PUT", f"/materials/{sha256}", body=chunk, headers=headers))

    def commit(self, client_id: str, payload_sha256: str, materials: list[str]) -> CaseAck:
        body = json.dumps({"payload_sha256": payload_sha256, "materials": materials}).encode("utf-8")
        return _ack(self._json("POST", f"/cases/{client_id}/commit", body=body, headers={"Content-Type": "application/json"}))

    def status_updates(self, since: int, limit: int) -> tuple[list[StatusUpdate], int]:
        body = self._json("GET", "/status-updates", params={"since": since, "limit": limit})
        updates = [StatusUpdate(int(u["seq"]), u["client_id"], u["case_number"], u["status"], u.get("reason", ""),
                                u.get("waybill", ""), u.get("at", "")) for u in body.get("updates", [])]
        return updates, int(body.get("next", since))


__all__ = ["HttpPlatformClient", "PlatformError", "check_url"]
