"""A network ticket printer for tests: a TCP server on 127.0.0.1 that records every byte of
every connection and answers `DLE EOT n` status queries with configured bytes, or stays silent.

    with TcpCapture(status=PAPER_OUT) as printer:
        TicketPrinter(printer.uri).print_ticket(...)
        data = printer.received()          # bytes of the last connection, once the client closed it

The status bytes below are written from the Epson ESC/POS reference, independently of the driver:
fixed bits 1 and 4 set (0x12); n=1 bit 3 offline; n=2 bit 2 cover open, bit 5 stopped by paper end;
n=4 bits 2-3 near end, bits 5-6 paper end. A `DLE EOT n` inside image data would be answered too
(as by many real printers); the driver only reads answers to its own queries.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field

STATUS_OK = {1: 0x16, 2: 0x12, 3: 0x12, 4: 0x12}
STATUS_PAPER_OUT = {1: 0x1E, 2: 0x32, 3: 0x12, 4: 0x72}
STATUS_COVER_OPEN = {1: 0x1E, 2: 0x16, 3: 0x12, 4: 0x12}
STATUS_NEAR_END = {1: 0x16, 2: 0x12, 3: 0x12, 4: 0x1E}
SILENT = None


@dataclass
class Connection:
    data: bytearray = field(default_factory=bytearray)
    queries: list[int] = field(default_factory=list)  # n of each DLE EOT n answered or ignored
    closed: threading.Event = field(default_factory=threading.Event)
    reset: bool = False  # the connection ended with an error (reset) instead of a clean close


class TcpCapture:
    """Loopback printer; `status` (dict n -> byte, or None for silence) may change at any time."""

    def __init__(
        self,
        status: dict[int, int] | None = STATUS_OK,
        answer_delay: float = 0.0,
        *,
        slow: bool = False,
        chatter: bytes = b"",
    ) -> None:
        """`answer_delay`: seconds before each status answer. `slow`: a small receive buffer read
        in small bites, like a printer busy printing. `chatter`: bytes sent back after every chunk
        received, like a printer with automatic status back (ASB) switched on."""
        self.status = status
        self.answer_delay = answer_delay
        self.slow, self.chatter = slow, chatter
        self.connections: list[Connection] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._threads: list[threading.Thread] = []

    @property
    def port(self) -> int:
        return self._server.getsockname()[1]

    @property
    def uri(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    def __enter__(self) -> TcpCapture:
        if self.slow:
            self._server.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 2048)
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(8)
        self._server.settimeout(0.05)
        self._start(self._accept_loop)
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=2)
        self._server.close()

    def _start(self, target: object, *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True, name="tcp-capture")
        self._threads.append(thread)
        thread.start()

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                sock, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            connection = Connection()
            with self._lock:
                self.connections.append(connection)
            self._start(self._serve, sock, connection)

    def _serve(self, sock: socket.socket, connection: Connection) -> None:
        sock.settimeout(0.05)
        tail = b""  # last bytes of the previous chunk: a query may straddle two chunks
        with sock:
            while not self._stop.is_set():
                try:
                    chunk = sock.recv(512 if self.slow else 65536)
                except TimeoutError:
                    continue
                except OSError:
                    connection.reset = True
                    break
                if not chunk:
                    break
                connection.data += chunk
                self._after_chunk(sock)
                tail = self._answer(sock, connection, tail + chunk)
        connection.closed.set()

    def _after_chunk(self, sock: socket.socket) -> None:
        try:
            if self.chatter:
                sock.sendall(self.chatter)
        except OSError:
            pass  # the client has gone: the next recv tells
        if self.slow:
            time.sleep(0.002)

    def _answer(self, sock: socket.socket, connection: Connection, window: bytes) -> bytes:
        start = 0
        while (found := window.find(b"\x10\x04", start)) != -1 and found + 2 < len(window):
            query = window[found + 2]
            connection.queries.append(query)
            status = self.status
            if status is not None and query in status:
                time.sleep(self.answer_delay)
                sock.sendall(bytes([status[query]]))
            start = found + 3
        return window[max(start, len(window) - 2):]

    def wait_connections(self, count: int = 1, timeout: float = 3.0) -> list[Connection]:
        deadline = time.monotonic() + timeout
        while len(self.connections) < count:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{len(self.connections)} of {count} connections within {timeout} s")
            time.sleep(0.01)
        return list(self.connections)

    def received(self, index: int = -1, timeout: float = 3.0) -> bytes:
        """All bytes of one connection, after the client has closed it."""
        connection = self.wait_connections(1 if index < 0 else index + 1, timeout)[index]
        if not connection.closed.wait(timeout):
            raise TimeoutError("the client did not close the connection")
        return bytes(connection.data)


def free_port() -> int:
    """A loopback port with nothing listening on it (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
