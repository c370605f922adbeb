"""A garbage platform on loopback: what a captive portal, a meddling proxy or a broken server answers.

`mode` picks the behaviour (changeable while it runs). Modes that need the probe to pass forward
`/v1/ping` (and, for `tampered`, everything) to `upstream`, the real simulator, byte for byte.
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from hallapp.sync import crypto, signing

FAKE_RECEIPT = "FAKE-RECEIPT"
HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "server", "date"}


class GarbageServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, upstream: str, *, signer: crypto.HallKey | None = None) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.upstream, self.signer = upstream.rstrip("/"), signer
        self.mode = "html"
        self.sent_bytes = 0  # of the last huge / drip answer
        self.busy_left, self.busy_status, self.retry_after = 0, 503, ""  # mode busy: the next N case PUTs
        self.seen: list[tuple[float, str, str]] = []  # mode busy: (monotonic time, method, path) of each request
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_port}/"

    def close(self) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: GarbageServer
    protocol_version = "HTTP/1.0"  # one answer per connection, ended by closing it

    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._answer()

    def do_PUT(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self._answer()

    # --- plumbing --------------------------------------------------------------------------------

    def _body(self) -> bytes:
        if not hasattr(self, "_read"):
            self._read = self.rfile.read(int(self.headers.get("Content-Length", 0) or 0))
        return self._read

    def _send(self, status: int, body: bytes, content_type: str = "application/json",
              extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _json(self, value: Any, status: int = 200, *, signer: crypto.HallKey | None = None) -> None:
        body = json.dumps(value).encode()
        extra = signing.sign_answer(signer, status, self.headers.get(signing.NONCE, ""), body) if signer else {}
        self._send(status, body, extra=extra)

    def _forward(self) -> tuple[int, dict[str, str], bytes]:
        request = urllib.request.Request(self.server.upstream + self.path, data=self._body() or None, method=self.command,
                                         headers={k: v for k, v in self.headers.items() if k.lower() != "host"})
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                return answer.status, dict(answer.headers.items()), answer.read()
        except urllib.error.HTTPError as exc:
            return exc.code, dict(exc.headers.items()), exc.read()

    def _relay(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self._send(status, body, headers.get("Content-Type", "application/json"),
                   {k: v for k, v in headers.items() if k.lower() not in HOP and k.lower() != "content-type"})

    # --- behaviours ------------------------------------------------------------------------------

    def _answer(self) -> None:
        mode, path = self.server.mode, self.path.split("?")[0]
        if mode in ("fake_committed", "fake_committed_hash", "wrong_types", "inject_updates", "unauthorized") \
                and path == "/v1/ping":
            return self._relay(*self._forward())
        getattr(self, "_" + mode)(path)
        return None

    def _busy(self, path: str) -> None:
        """The real platform, except that the next `busy_left` case PUTs get a signed 429/503 with
        `Retry-After` (as an overloaded platform answers)."""
        server = self.server
        server.seen.append((time.monotonic(), self.command, path))
        if path != "/v1/ping" and self.command == "PUT" and path.startswith("/v1/cases/") and server.busy_left > 0:
            server.busy_left -= 1
            body = json.dumps({"error": "busy"}).encode()
            extra = signing.sign_answer(server.signer, server.busy_status, self.headers.get(signing.NONCE, ""), body)
            self._send(server.busy_status, body, extra={**extra, "Retry-After": server.retry_after})
            return
        self._relay(*self._forward())

    def _busy_ping(self, path: str) -> None:
        """Every request, the probe included, a signed 503 with `Retry-After`."""
        self.server.seen.append((time.monotonic(), self.command, path))
        body = json.dumps({"error": "busy"}).encode()
        extra = signing.sign_answer(self.server.signer, 503, self.headers.get(signing.NONCE, ""), body)
        self._send(503, body, extra={**extra, "Retry-After": self.server.retry_after})

    def _redirect(self, path: str) -> None:
        self._send(302, b"<html>login</html>", "text/html", {"Location": self.server.upstream + path})

    def _html(self, path: str) -> None:
        self._send(200, "<html><body>请先登录无线网络 / Please log in</body></html>".encode(), "text/html")

    def _empty(self, path: str) -> None:
        self._send(200, b"")

    def _unauthorized(self, path: str) -> None:
        self._json({"error": "bad_signature"}, 401)

    def _fake(self, path: str, digest: str) -> None:
        client_id = path.split("/")[3] if path.startswith("/v1/cases/") else "x"
        self._json({"client_id": client_id, "state": "committed", "payload_sha256": digest, "receipt": FAKE_RECEIPT,
                    "sha256": path.rsplit("/", 1)[-1], "size": 1, "received": 1, "complete": True, "ok": True})

    def _fake_committed(self, path: str) -> None:
        self._fake(path, "")

    def _fake_committed_hash(self, path: str) -> None:
        """As a proxy that learnt the contract: the hash recomputed from what we sent."""
        body = self._body()
        if path.endswith("/commit"):
            digest = json.loads(body)["payload_sha256"]
        else:
            digest = hashlib.sha256(body).hexdigest() if body else ""
        self._fake(path, digest)

    def _wrong_types(self, path: str) -> None:
        self._json({"client_id": 5, "state": ["committed"], "payload_sha256": None, "receipt": 1, "ok": "yes",
                    "updates": "all", "next": "42"})

    def _tampered(self, path: str) -> None:
        """Forwards to the real platform, keeps its signature, swaps the body for a fake commit."""
        status, headers, body = self._forward()
        if path.startswith("/v1/cases/"):
            sent = json.loads(body) if body.startswith(b"{") else {}
            body = json.dumps({**sent, "client_id": path.split("/")[3], "state": "committed",
                               "receipt": FAKE_RECEIPT}).encode()
            status = 200
        self._relay(status, headers, body)

    def _inject_updates(self, path: str) -> None:
        if path != "/v1/status-updates":
            return self._send(503, b"<html>busy</html>", "text/html")
        return self._json({"updates": self.server.injected, "next": 42})  # type: ignore[attr-defined]

    def _lying_registration(self, path: str) -> None:
        """Signed by a key of its own, with a 3-byte 'transport key'."""
        liar = crypto.HallKey.generate()
        self._json({"key_id": self.headers.get(signing.KEY_ID, ""), "transport_key": base64.b64encode(b"abc").decode(),
                    "platform_public_key_pem": liar.public_pem}, signer=liar)

    def _short_key_signed(self, path: str) -> None:
        """The real platform's key (a platform bug): a 3-byte transport key must still be refused."""
        self._json({"key_id": self.headers.get(signing.KEY_ID, ""), "transport_key": base64.b64encode(b"abc").decode()},
                   signer=self.server.signer)

    def _signed_canned(self, path: str) -> None:
        """`server.canned`, signed with the real platform's key: the contract's checks beyond the signature."""
        self._json(self.server.canned, signer=self.server.signer)  # type: ignore[attr-defined]

    def _drip(self, path: str) -> None:
        """The answer's head, one byte at a time, for ever."""
        self.server.sent_bytes = 0
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Padding: " + b"x" * 10_000
        try:
            for byte in head:
                if self.server.stopping.wait(0.2):
                    return
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                self.server.sent_bytes += 1
        except OSError:
            return

    def _huge(self, path: str) -> None:
        """300 MB of JSON-looking bytes, no length announced (ends when we close)."""
        self.server.sent_bytes = 0
        piece = b" " * 65536
        try:
            self.wfile.write(b"HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{\"ok\": true, \"pad\": \"")
            while self.server.sent_bytes < 300 * 1024 * 1024 and not self.server.stopping.is_set():
                self.wfile.write(piece)
                self.server.sent_bytes += len(piece)
        except OSError:
            return

    def _huge_declared(self, path: str) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(300 * 1024 * 1024))
        self.end_headers()
        self._huge_body()

    def _huge_body(self) -> None:
        self.server.sent_bytes = 0
        try:
            while self.server.sent_bytes < 300 * 1024 * 1024 and not self.server.stopping.is_set():
                self.wfile.write(b" " * 65536)
                self.server.sent_bytes += 65536
        except OSError:
            return


def wait_until(predicate: Any, timeout: float = 10.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False
