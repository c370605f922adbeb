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
import re
import signal
import socket
import struct
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

from werkzeug.exceptions import ClientDisconnected, HTTPException, NotFound
from werkzeug.routing import Map, Rule
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server
from werkzeug.wrappers import Request, Response
from werkzeug.wsgi import LimitedStream

from hallapp.simulator import licences as sim_licences
from hallapp.simulator import tls as sim_tls
from hallapp.simulator.args import add_arguments, options_from_args
from hallapp.simulator.catalog import SimCatalog
from hallapp.simulator.store import SimError, SimStore
from hallapp.sync import crypto, signing

log = logging.getLogger(__name__)
STATUSES = ("received", "in_process", "returned", "completed", "result_mailed")
MAX_BODY = 64 * 1024 * 1024
PLATFORM_KEY_FILE = "platform_sm2.pem"  # the simulator's own answer-signing key, kept in its data dir
AUTH_HEADERS = (signing.HALL, signing.KEY_ID, signing.TIMESTAMP, signing.NONCE, signing.CONTENT_SM3, signing.SIGNATURE)
NONCE_FORMAT = re.compile(r"[0-9a-f]{24,64}")
# A timestamp is good for 300 s either side, so a nonce must be remembered for the whole 600 s it could come back.
NONCE_MEMORY_S = 2 * signing.MAX_SKEW_S
MAX_LIMIT, DEFAULT_LIMIT = 1000, 200


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
    retry_after: str = ""  # Retry-After sent with every injected 503 (delay-seconds or an HTTP-date)
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


def _commit_body(body: bytes) -> tuple[str, list[str]]:
    """A commit's (payload_sha256, materials), the same for a case and a record; 422 otherwise."""
    try:
        data = json.loads(body)
        digest, materials = data["payload_sha256"], data["materials"]
    except (ValueError, KeyError, TypeError) as exc:
        raise SimError(422, "invalid", detail="commit body: payload_sha256 and materials") from exc
    if not isinstance(digest, str) or not isinstance(materials, list) or not all(isinstance(m, str) for m in materials):
        raise SimError(422, "invalid", detail="commit body: payload_sha256 and materials")
    return digest, materials


URLS = Map([
    Rule("/v1/halls/register", endpoint="register", methods=["POST"]),
    Rule("/v1/ping", endpoint="ping", methods=["GET"]),
    Rule("/v1/cases/<client_id>", endpoint="put_kept", methods=["PUT"], defaults={"kind": "case"}),
    Rule("/v1/cases/<client_id>", endpoint="get_kept", methods=["GET"], defaults={"kind": "case"}),
    Rule("/v1/cases/<client_id>/commit", endpoint="commit_kept", methods=["POST"], defaults={"kind": "case"}),
    Rule("/v1/materials/<sha256>", endpoint="get_material", methods=["GET"]),
    Rule("/v1/materials/<sha256>", endpoint="put_material", methods=["PUT"]),
    Rule("/v1/status-updates", endpoint="updates", methods=["GET"]),
    Rule("/_sim/stats", endpoint="stats", methods=["GET"]),
    Rule("/_sim/sink", endpoint="sink", methods=["PUT"]),
    Rule("/_sim/cases", endpoint="cases", methods=["GET"]),
    Rule("/_sim/cases/<client_id>/status", endpoint="set_status", methods=["POST"]),
])


@dataclass(frozen=True)
class _Kept:
    """What the platform holds under a client id and commits (a case, or a record besides it): the
    store's three steps, so one set of endpoints serves both kinds (URLS: the rule's `kind`)."""

    put: Callable[[str, str, bytes], tuple[int, dict[str, Any]]]
    get: Callable[[str, str], dict[str, Any]]
    commit: Callable[[str, str, str, list[str]], dict[str, Any]]


class Platform:
    """The WSGI application."""

    def __init__(self, store: SimStore, options: SimOptions) -> None:
        self.store, self.options = store, options
        self.rng = random.Random(options.seed)
        self.rng_lock = threading.Lock()
        self.nonces: dict[tuple[str, str], float] = {}  # (key id, nonce) -> when first seen
        self.key = crypto.load_or_create_key_file(store.dir / PLATFORM_KEY_FILE)  # signs every answer
        self.catalog = SimCatalog()  # the channel's item list and calendars (hallapp/sync/sim_catalog.py)
        self.kept = {"case": _Kept(store.put_case, store.case, store.commit),
                     "record": _Kept(store.put_record, store.record, store.commit_record)}

    def now(self) -> float:
        """The platform's clock (skewed by --clock-skew): what it checks timestamps against and reports."""
        return time.time() + self.options.clock_skew_s

    def __call__(self, environ: dict, start_response: Callable) -> Any:
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
        if endpoint in ("stats", "cases", "set_status", "sink", "publish_catalog", "publish_calendar"):
            return getattr(self, endpoint)(request, **values)
        self.store.bump("requests")
        return self._faulty(request, endpoint, values)

    def _faulty(self, request: Request, endpoint: str, values: Mapping[str, Any]) -> Response:
        opts = self.options
        try:
            body = request.get_data(cache=True)[:MAX_BODY]
        except ClientDisconnected:  # a chunk cut short is not kept: uploads resume at a whole chunk's end
            _drop(request)
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
            unavailable = _json({"error": "unavailable"}, 503)
            if opts.retry_after:
                unavailable.headers["Retry-After"] = opts.retry_after
            return unavailable
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
        """The checks of the contract in its order; each refusal has its own code (docs/platform-api.md)."""
        h = {name: request.headers.get(name, "") for name in AUTH_HEADERS}
        missing = [name for name, value in h.items() if not value]
        if missing:
            raise self._refused(401, "missing_header", detail=", ".join(missing))
        hall, kid, timestamp, nonce = h[signing.HALL], h[signing.KEY_ID], h[signing.TIMESTAMP], h[signing.NONCE]
        known = self._signer(endpoint, kid, hall, body)
        if not timestamp.isdigit() or abs(self.now() - int(timestamp)) > signing.MAX_SKEW_S:
            raise self._refused(401, "bad_timestamp", time=int(self.now()))
        if not NONCE_FORMAT.fullmatch(nonce):
            raise self._refused(401, "bad_nonce")
        digest = crypto.sm3_hex(body)
        if h[signing.CONTENT_SM3] != digest:
            raise self._refused(401, "content_mismatch")
        target = request.environ.get("RAW_URI") or request.full_path.rstrip("?")
        signed = signing.string_to_sign(request.method, target, timestamp, nonce, digest, hall, kid)
        if not crypto.verify(known[1], h[signing.SIGNATURE], signed):
            raise self._refused(401, "bad_signature")
        if known[0] != hall:
            raise self._refused(403, "hall_mismatch")
        self._check_nonce(kid, nonce)
        return hall

    def _signer(self, endpoint: str, kid: str, hall: str, body: bytes) -> tuple[str, str, bytes]:
        """(hall code, public key PEM, transport key) of the key the request names. Registration is
        signed by the key in its body, which may be new: then it belongs to the hall asking."""
        if endpoint != "register":
            known = self.store.hall_key(kid)
            if known is None:
                raise self._refused(401, "unknown_key")
            return known
        try:
            public_pem = json.loads(body)["public_key_pem"]
            if not isinstance(public_pem, str):
                raise TypeError(public_pem)
        except (ValueError, KeyError, TypeError) as exc:
            raise SimError(422, "invalid", detail="public_key_pem missing", fields=["public_key_pem"]) from exc
        if crypto.key_id(public_pem) != kid:
            raise self._refused(401, "unknown_key", detail="X-Key-Id is not the id of public_key_pem")
        known = self.store.hall_key(kid)
        return (known[0] if known else hall, public_pem, b"")

    def _refused(self, status: int, error: str, **extra: Any) -> SimError:
        self.store.bump("bad_signatures")
        return SimError(status, error, **extra)

    def _check_nonce(self, kid: str, nonce: str) -> None:
        now = self.now()
        with self.rng_lock:
            if (kid, nonce) in self.nonces:
                raise self._refused(401, "replayed")
            self.nonces[(kid, nonce)] = now
            if len(self.nonces) > 100_000:  # bounded memory, never forgetting a nonce that could still come back
                self.nonces = {n: t for n, t in self.nonces.items() if now - t < NONCE_MEMORY_S}

    # --- the contract -----------------------------------------------------------------------------

    def register(self, request: Request, hall: str, body: bytes) -> Response:
        import base64

        data = json.loads(body)
        for name in ("hall_code", "hall_name", "region_code"):
            if not isinstance(data.get(name), str) or not data[name].strip():
                raise SimError(422, "invalid", detail=f"{name} missing or empty", fields=[name])
        if data["hall_code"] != hall:
            raise SimError(422, "invalid", detail="hall_code differs from X-Hall-Code", fields=["hall_code"])
        kid, transport = self.store.register(hall, data["public_key_pem"])
        return _json({"key_id": kid, "transport_key": base64.b64encode(transport).decode("ascii"),
                      "platform_public_key_pem": self.key.public_pem})

    def ping(self, request: Request, hall: str, body: bytes) -> Response:
        return _json({"ok": True, "time": int(self.now())})

    def put_kept(self, request: Request, hall: str, body: bytes, client_id: str, kind: str) -> Response:
        status, answer = self.kept[kind].put(hall, client_id, body)
        return _json(answer, status)

    def get_kept(self, request: Request, hall: str, body: bytes, client_id: str, kind: str) -> Response:
        return _json(self.kept[kind].get(client_id, hall))

    def commit_kept(self, request: Request, hall: str, body: bytes, client_id: str, kind: str) -> Response:
        digest, materials = _commit_body(body)
        return _json(self.kept[kind].commit(hall, client_id, digest, materials))

    def get_material(self, request: Request, hall: str, body: bytes, sha256: str) -> Response:
        return _json(self.store.material(hall, sha256))

    def put_material(self, request: Request, hall: str, body: bytes, sha256: str) -> Response:
        texts = [request.headers.get(name, "") for name in ("X-Upload-Offset", "X-Upload-Length")]
        if not all(text.isdigit() for text in texts):
            raise SimError(422, "invalid", detail="X-Upload-Offset and X-Upload-Length: decimal integers required")
        offset, total = (int(text) for text in texts)
        encryption = request.headers.get("X-Encryption")
        if encryption is not None:
            body = self._decrypt(request, sha256, encryption, offset, total, body)
        return _json(self.store.put_chunk(hall, sha256, offset, total, body))

    def _decrypt(self, request: Request, sha256: str, encryption: str, offset: int, total: int, body: bytes) -> bytes:
        """SM4-CTR under this request's key's transport key; chunks start on 16-byte blocks."""
        if encryption != "SM4-CTR":
            raise SimError(422, "invalid", detail="X-Encryption: only SM4-CTR")
        end = offset + len(body)
        if offset % crypto.SM4_BLOCK or (end < total and end % crypto.SM4_BLOCK):
            raise SimError(422, "invalid", detail="with SM4-CTR a chunk starts and (but the last) ends on 16 bytes")
        known = self.store.hall_key(request.headers.get(signing.KEY_ID, ""))
        if known is None:  # checked by _authenticate; a key gone since is refused as the contract says
            raise self._refused(401, "unknown_key")
        key, counter0 = crypto.material_key(known[2], sha256)
        return crypto.sm4_ctr(key, counter0, body, offset)

    def updates(self, request: Request, hall: str, body: bytes) -> Response:
        since, limit = request.args.get("since", ""), request.args.get("limit", str(DEFAULT_LIMIT))
        if not (since.isdigit() and limit.isdigit() and int(limit) >= 1):
            raise SimError(422, "invalid", detail="since: integer >= 0 (required); limit: integer >= 1")
        return _json(self.store.updates(hall, int(since), min(int(limit), MAX_LIMIT)))

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

    def fetch_licence(self, request: Request, hall: str, body: bytes) -> Response:
        """Shared licences (电子证照): sample licences of the demo people (sim_licences.py)."""
        return _json(sim_licences.answer(self.store, hall, body))

    # --- the catalog and calendars (docs/platform-api.md "Catalog and calendars"), sim_catalog.py

    def get_catalog(self, request: Request, hall: str, body: bytes) -> Response:
        return _json(self.catalog.catalog())

    def get_calendar(self, request: Request, hall: str, body: bytes, year: str) -> Response:
        calendar = self.catalog.calendar(int(year)) if year.isdigit() else None
        return _json(calendar) if calendar else _json({"error": "not_found"}, 404)

    def publish_catalog(self, request: Request) -> Response:
        """`POST /_sim/catalog` {"upsert": [items], "withdraw": [codes], "version"?}: a changed list."""
        data = json.loads(request.get_data() or b"{}")
        return _json({"version": self.catalog.publish(data.get("upsert", []), data.get("withdraw", []),
                                                      data.get("version", ""))})

    def publish_calendar(self, request: Request, year: int) -> Response:
        """`POST /_sim/calendars/<year>` {"days": [...], "name"?, "version"?}: a changed calendar."""
        data = json.loads(request.get_data() or b"{}")
        return _json({"version": self.catalog.publish_calendar(year, data["days"], data.get("name", ""),
                                                               data.get("version", ""))})


URLS.add(Rule("/v1/records/<client_id>", endpoint="put_kept", methods=["PUT"], defaults={"kind": "record"}))
URLS.add(Rule("/v1/records/<client_id>", endpoint="get_kept", methods=["GET"], defaults={"kind": "record"}))
URLS.add(Rule("/v1/records/<client_id>/commit", endpoint="commit_kept", methods=["POST"], defaults={"kind": "record"}))
URLS.add(Rule("/v1/licences/fetch", endpoint="fetch_licence", methods=["POST"]))


URLS.add(Rule("/v1/catalog", endpoint="get_catalog", methods=["GET"]))
URLS.add(Rule("/v1/calendars/<year>", endpoint="get_calendar", methods=["GET"]))
URLS.add(Rule("/_sim/catalog", endpoint="publish_catalog", methods=["POST"]))
URLS.add(Rule("/_sim/calendars/<int:year>", endpoint="publish_calendar", methods=["POST"]))


class _Handler(WSGIRequestHandler):
    """HTTP/1.1 with keep-alive, as a real platform's front end answers. Werkzeug's own `run_wsgi`
    closes every connection (it cannot find the end of a request body), so this one reads exactly
    `Content-Length` bytes, answers with a `Content-Length` and keeps the connection; a request
    it cannot delimit (chunked, no length) gets Werkzeug's answer and a closed connection."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in separate writes: no 40 ms stalls
    timeout = 60  # an idle kept-alive connection is closed after this (frees its thread)

    def date_time_string(self, timestamp: float | None = None) -> str:
        """The Date header by the platform's (possibly skewed) clock, as a real server's says it."""
        app = getattr(self.server, "app", None)
        now = app.now() if isinstance(app, Platform) and timestamp is None else timestamp
        return super().date_time_string(now)

    def setup(self) -> None:
        super().setup()
        _connections(self.server).add(self.connection)

    def finish(self) -> None:
        _connections(self.server).discard(self.connection)
        super().finish()

    def run_wsgi(self) -> None:
        length = self.headers.get("Content-Length", "0" if self.command in ("GET", "HEAD", "DELETE") else "")
        if not length.isdigit() or "Transfer-Encoding" in self.headers:
            self.close_connection = True
            super().run_wsgi()
            return
        if self.headers.get("Expect", "").lower().strip() == "100-continue":
            self.wfile.write(b"HTTP/1.1 100 Continue\r\n\r\n")
        self.environ = environ = self.make_environ()
        body_in = LimitedStream(cast(IO[bytes], self.rfile), int(length))  # typeshed: BufferedIOBase
        environ["wsgi.input"] = body_in
        try:
            status, headers, body = _call(self.server.app, environ)
            body_in.exhaust()  # the next request starts right after this body, read or not
        except (ConnectionError, ClientDisconnected, TimeoutError):  # cut (a simulated reset) or the client left
            self.close_connection = True
            return
        except Exception:
            log.exception("simulator error on %s %s", self.command, self.path)
            self.close_connection = True
            status, headers, body = "500 INTERNAL SERVER ERROR", [], b'{"error": "internal"}'
        self._answer(status, headers, body)

    def _answer(self, status: str, headers: list[tuple[str, str]], body: bytes) -> None:
        code, _, reason = status.partition(" ")
        self.send_response(int(code), reason)
        for key, value in headers:
            if key.lower() not in ("content-length", "connection", "transfer-encoding"):
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()


def _call(app: Callable, environ: dict) -> tuple[str, list[tuple[str, str]], bytes]:
    """Run the WSGI app to the end: (status, headers, whole body)."""
    started: list[Any] = []
    chunks = app(environ, lambda status, headers, exc_info=None: started.extend((status, headers)))
    try:
        body = b"".join(chunks)
    finally:
        if hasattr(chunks, "close"):
            chunks.close()
    return started[0], started[1], body


def _connections(server: Any) -> set:
    """The server's open connections, so that closing the simulator also ends kept-alive ones."""
    if not hasattr(server, "open_connections"):
        server.open_connections = set()
    return server.open_connections


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
        for conn in list(_connections(self.server)):  # a stopped platform answers nobody, kept-alive or not
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
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
          **opts: Any) -> SimServer:
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
    _connections(server)  # made now, before two first requests' threads could each make one
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
