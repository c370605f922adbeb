"""Platform simulator: a real HTTP server on loopback (Werkzeug) that speaks docs/platform-api.md.

It signs every /v1 answer with its own SM2 key (kept in its data directory, handed out at
registration), checks signatures, content digests, hashes and idempotency as the contract says, stores what it
receives (SQLite + files in a directory), and can misbehave: fail a share of requests (503 before,
500 after doing the work), drop connections (before or after the work), add latency, be down for
the first seconds, and move committed cases through the platform's states (auto-progress).
`GET /_sim/stats` reports counters as JSON.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import signal
import socket
import struct
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from werkzeug.exceptions import HTTPException, NotFound
from werkzeug.routing import Map, Rule
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server
from werkzeug.wrappers import Request, Response

from hallapp.sync import crypto, signing, sim_tls
from hallapp.sync.sim_args import add_arguments, options_from_args  # noqa: F401 - re-exported
from hallapp.sync.sim_store import SimError, SimStore

log = logging.getLogger(__name__)
STATUSES = ("received", "in_process", "returned", "completed", "result_mailed")
MAX_BODY = 64 * 1024 * 1024
PLATFORM_KEY_FILE = "platform_sm2.pem"  # the simulator's own answer-signing key, kept in its data dir


@dataclass
class SimOptions:
    fault_rate: float = 0.0
    reset_rate: float = 0.0
    latency_ms: float = 0.0
    down_for: float = 0.0
    auto_progress: bool = False
    progress_step_s: float = 0.5
    data_dir: Path | None = None
    seed: int | None = None
    clock_skew_s: float = 0.0  # the platform's clock runs this far ahead (negative: behind) of this PC's
    started: float = field(default_factory=time.monotonic)


class _DroppedError(ConnectionResetError):
    """Raised after the socket was cut: Werkzeug treats it as a dropped connection, sends nothing."""


def _drop(request: Request) -> None:
    sock: socket.socket | None = request.environ.get("werkzeug.socket")
    if sock is not None:
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
    raise _DroppedError("simulated connection reset")


def _json(body: dict[str, Any], status: int = 200) -> Response:
    return Response(json.dumps(body, ensure_ascii=False), status=status, mimetype="application/json")


URLS = Map([
    Rule("/v1/halls/register", endpoint="register", methods=["POST"]),
    Rule("/v1/ping", endpoint="ping", methods=["GET"]),
    Rule("/v1/cases/<client_id>", endpoint="put_case", methods=["PUT"]),
    Rule("/v1/cases/<client_id>", endpoint="get_case", methods=["GET"]),
    Rule("/v1/cases/<client_id>/commit", endpoint="commit", methods=["POST"]),
    Rule("/v1/materials/<sha256>", endpoint="get_material", methods=["GET"]),
    Rule("/v1/materials/<sha256>", endpoint="put_material", methods=["PUT"]),
    Rule("/v1/status-updates", endpoint="updates", methods=["GET"]),
    Rule("/_sim/stats", endpoint="stats", methods=["GET"]),
    Rule("/_sim/sink", endpoint="sink", methods=["PUT"]),
    Rule("/_sim/cases", endpoint="cases", methods=["GET"]),
    Rule("/_sim/cases/<client_id>/status", endpoint="set_status", methods=["POST"]),
])


class Platform:
    """The WSGI application."""

    def __init__(self, store: SimStore, options: SimOptions) -> None:
        self.store, self.options = store, options
        self.rng = random.Random(options.seed)
        self.rng_lock = threading.Lock()
        self.nonces: dict[str, float] = {}
        self.key = crypto.load_or_create_key_file(store.dir / PLATFORM_KEY_FILE)  # signs every answer

    def now(self) -> float:
        """The platform's clock (skewed by --clock-skew): what it checks timestamps against and reports."""
        return time.time() + self.options.clock_skew_s

    def __call__(self, environ: dict, start_response: Callable) -> Any:  # noqa: ANN401
        return self.handle(Request(environ))(environ, start_response)

    def _roll(self) -> float:
        with self.rng_lock:
            return self.rng.random()

    def handle(self, request: Request) -> Response:
        """Route, then sign every answer under /v1 (status, the request's nonce, SM3 of the body)."""
        response = self._route(request)
        if request.path.startswith("/v1/"):
            nonce = request.headers.get(signing.NONCE, "")
            response.headers.update(signing.sign_answer(self.key, response.status_code, nonce, response.get_data()))
        return response

    def _route(self, request: Request) -> Response:
        try:
            endpoint, values = URLS.bind_to_environ(request.environ).match()
        except NotFound:
            return _json({"error": "not_found"}, 404)
        except HTTPException as exc:
            return _json({"error": "bad_request", "detail": exc.description}, exc.code or 400)
        if endpoint in ("stats", "cases", "set_status", "sink"):
            return getattr(self, endpoint)(request, **values)
        self.store.bump("requests")
        return self._faulty(request, endpoint, values)

    def _faulty(self, request: Request, endpoint: str, values: dict[str, str]) -> Response:
        opts = self.options
        body = request.get_data(cache=True)[:MAX_BODY]
        if opts.latency_ms:
            time.sleep(opts.latency_ms / 1000)
        if time.monotonic() - opts.started < opts.down_for:
            _drop(request)
        reset, fault, after = self._roll() < opts.reset_rate, self._roll() < opts.fault_rate, self._roll() < 0.5
        if reset and not after:
            self.store.bump("resets_injected")
            _drop(request)
        if fault and not after:
            self.store.bump("faults_injected")
            return _json({"error": "unavailable"}, 503)
        try:
            hall = self._authenticate(request, endpoint, body)
            response = getattr(self, endpoint)(request, hall, body, **values)
        except SimError as exc:
            response = _json({"error": exc.error, **exc.extra}, exc.status)
        if reset:
            self.store.bump("resets_injected")
            _drop(request)
        if fault:
            self.store.bump("faults_injected")
            return _json({"error": "internal"}, 500)
        return response

    # --- signatures -----------------------------------------------------------------------------

    def _authenticate(self, request: Request, endpoint: str, body: bytes) -> str:
        h = request.headers
        kid, hall, timestamp, nonce = (h.get(signing.KEY_ID, ""), h.get(signing.HALL, ""), h.get(signing.TIMESTAMP, ""),
                                       h.get(signing.NONCE, ""))
        if endpoint == "register":
            try:
                public_pem = json.loads(body)["public_key_pem"]
            except (ValueError, KeyError, TypeError) as exc:
                raise SimError(422, "invalid", detail="public_key_pem missing") from exc
            known: tuple[str, str, bytes] | None = (hall, public_pem, b"")
        else:
            known = self.store.hall_key(kid)
        if known is None or known[0] != hall:
            self.store.bump("bad_signatures")
            raise SimError(401, "unknown_key")
        target = request.environ.get("RAW_URI") or request.full_path.rstrip("?")
        digest = crypto.sm3_hex(body)
        signed = signing.string_to_sign(request.method, target, timestamp, nonce, digest, hall, kid)
        if (h.get(signing.CONTENT_SM3) != digest or not timestamp.isdigit()
                or abs(self.now() - int(timestamp)) > signing.MAX_SKEW_S
                or not crypto.verify(known[1], h.get(signing.SIGNATURE, ""), signed)):
            self.store.bump("bad_signatures")
            raise SimError(401, "bad_signature")
        self._check_nonce(nonce)
        return hall

    def _check_nonce(self, nonce: str) -> None:
        now = time.time()
        with self.rng_lock:
            if nonce in self.nonces:
                self.store.bump("bad_signatures")
                raise SimError(401, "replayed")
            self.nonces[nonce] = now
            if len(self.nonces) > 100_000:
                self.nonces = {n: t for n, t in self.nonces.items() if now - t < signing.MAX_SKEW_S}

    # --- the contract -----------------------------------------------------------------------------

    def register(self, request: Request, hall: str, body: bytes) -> Response:
        import base64

        kid, transport = self.store.register(hall, json.loads(body)["public_key_pem"])
        return _json({"key_id": kid, "transport_key": base64.b64encode(transport).decode("ascii"),
                      "platform_public_key_pem": self.key.public_pem})

    def ping(self, request: Request, hall: str, body: bytes) -> Response:
        return _json({"ok": True, "time": int(self.now())})

    def put_case(self, request: Request, hall: str, body: bytes, client_id: str) -> Response:
        status, answer = self.store.put_case(hall, client_id, body)
        return _json(answer, status)

    def get_case(self, request: Request, hall: str, body: bytes, client_id: str) -> Response:
        return _json(self.store.case(client_id, hall))

    def commit(self, request: Request, hall: str, body: bytes, client_id: str) -> Response:
        try:
            data = json.loads(body)
            return _json(self.store.commit(hall, client_id, data["payload_sha256"], list(data.get("materials", []))))
        except (ValueError, KeyError, TypeError) as exc:
            raise SimError(422, "invalid", detail="commit body") from exc

    def get_material(self, request: Request, hall: str, body: bytes, sha256: str) -> Response:
        return _json(self.store.material(hall, sha256))

    def put_material(self, request: Request, hall: str, body: bytes, sha256: str) -> Response:
        try:
            offset, total = int(request.headers["X-Upload-Offset"]), int(request.headers["X-Upload-Length"])
        except (KeyError, ValueError) as exc:
            raise SimError(422, "invalid", detail="X-Upload-Offset and X-Upload-Length required") from exc
        if request.headers.get("X-Encryption") == "SM4-CTR":
            known = self.store.hall_key(request.headers.get(signing.KEY_ID, ""))
            key, counter0 = crypto.material_key(known[2], sha256)
            body = crypto.sm4_ctr(key, counter0, body, offset)
        return _json(self.store.put_chunk(hall, sha256, offset, total, body))

    def updates(self, request: Request, hall: str, body: bytes) -> Response:
        since, limit = int(request.args.get("since", 0)), min(int(request.args.get("limit", 200)), 1000)
        return _json(self.store.updates(hall, since, limit))

    # --- the simulator's own pages (no faults, no signatures) -----------------------------------

    def stats(self, request: Request) -> Response:
        with self.store.lock:
            return _json(dict(self.store.stats))

    def sink(self, request: Request) -> Response:
        """Reads the body and forgets it: the bare-upload baseline of bench/sync.py."""
        return _json({"received": len(request.get_data())})

    def cases(self, request: Request) -> Response:
        return _json({"cases": self.store.cases()})

    def set_status(self, request: Request, client_id: str) -> Response:
        data = json.loads(request.get_data() or b"{}")
        if data.get("status") not in STATUSES:
            return _json({"error": "invalid", "detail": f"status one of {STATUSES}"}, 422)
        try:
            return _json(self.store.add_status(client_id, data["status"], data.get("reason", ""), data.get("waybill", "")))
        except SimError as exc:
            return _json({"error": exc.error}, exc.status)


class _Handler(WSGIRequestHandler):
    disable_nagle_algorithm = True  # headers and body go out in separate writes: no 40 ms stalls

    def date_time_string(self, timestamp: float | None = None) -> str:
        """The Date header by the platform's (possibly skewed) clock, as a real server's says it."""
        app = getattr(self.server, "app", None)
        now = app.now() if isinstance(app, Platform) and timestamp is None else timestamp
        return super().date_time_string(now)


class SimServer:
    """A running simulator: `url`, `stats()`, `close()`."""

    def __init__(self, server: BaseWSGIServer, platform: Platform, tmp: tempfile.TemporaryDirectory | None,
                 tls_files: sim_tls.ServerFiles | None = None) -> None:
        self.server, self.platform, self._tmp, self.tls = server, platform, tmp, tls_files
        self.port = server.server_port
        self.url = f"{'https' if tls_files else 'http'}://127.0.0.1:{self.port}/"
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                                          name="platform-sim", daemon=True)]
        if platform.options.auto_progress:
            self._threads.append(threading.Thread(target=self._progress, name="platform-sim-progress", daemon=True))
        for thread in self._threads:
            thread.start()

    def _progress(self) -> None:
        while not self._stop.wait(min(0.2, self.platform.options.progress_step_s)):
            self.platform.store.progress(self.platform.options.progress_step_s)

    def stats(self) -> dict[str, int]:
        with self.platform.store.lock:
            return dict(self.platform.store.stats)

    def close(self) -> None:
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        self.platform.store.db.close()
        if self._tmp is not None:
            self._tmp.cleanup()

    def __enter__(self) -> SimServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def serve(port: int = 0, *, host: str = "127.0.0.1", tls_files: sim_tls.ServerFiles | None = None,
          **opts: Any) -> SimServer:  # noqa: ANN401
    """Start the simulator in background threads; port 0 picks a free one (see `.url`). With
    `tls_files` it serves HTTPS with that certificate (`sim_tls.make_server_files`)."""
    options = SimOptions(**opts)
    tmp = None
    if options.data_dir is None:
        tmp = tempfile.TemporaryDirectory(prefix="platform-sim-")
        options.data_dir = Path(tmp.name)
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    platform = Platform(SimStore(Path(options.data_dir)), options)
    server = make_server(host, port, platform, threaded=True, request_handler=_Handler,
                         ssl_context=tls_files.context() if tls_files else None)
    server.daemon_threads = True
    return SimServer(server, platform, tmp, tls_files)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hallapp platform-sim", description="national platform simulator on loopback")
    add_arguments(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    """Serve until SIGINT/SIGTERM; prints the address on stdout."""
    tls_files = _tls_files(args)
    sim = serve(args.port, tls_files=tls_files, **options_from_args(args))
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    print(f"platform simulator on {sim.url}", flush=True)
    if tls_files:
        print(f"its CA certificate: {tls_files.ca} (set platform.ca_file to it)", flush=True)
    try:
        stop.wait()
    finally:
        sim.close()
    return 0


def _tls_files(args: argparse.Namespace) -> sim_tls.ServerFiles | None:
    if not getattr(args, "tls_dir", None):
        return None
    return sim_tls.make_server_files(Path(args.tls_dir), expired=bool(getattr(args, "tls_expired", False)))


def main(argv: Sequence[str] | None = None) -> int:
    return run(build_parser().parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
