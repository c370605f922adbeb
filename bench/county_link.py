"""A county link on loopback: a userspace TCP proxy that shapes what passes through it.

One shared pipe per direction (every connection competes for it, as on a hall's real line):
`--mbit` of bandwidth, half of `--rtt-ms` of delay each way, and `--reset-rate`, the share of
requests whose connection is cut with a TCP reset (a request: client bytes after an answer).
Prints `county link on HOST:PORT` once listening; on SIGTERM/SIGINT prints one JSON line with the
bytes carried each way, the resets and the time it was busy, then exits.

    .venv/bin/python bench/county_link.py --upstream 127.0.0.1:8080 [--mbit 4] [--rtt-ms 100] [--reset-rate 0.01]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import signal
import socket
import struct
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

READ_BYTES = 16 * 1024  # one read: small enough that the pipe's pacing stays smooth


@dataclass
class Pipe:
    """One direction of the link: a serial line of `rate` bytes/s plus a fixed delay."""

    rate: float
    delay_s: float
    free_at: float = 0.0
    carried: int = 0
    first: float | None = None
    last: float = 0.0

    def send(self, size: int) -> tuple[float, float]:
        """(when the last byte leaves, when it arrives) for `size` bytes queued now."""
        now = time.monotonic()
        start = max(now, self.free_at)
        self.free_at = start + size / self.rate
        self.carried += size
        self.first = start if self.first is None else self.first
        self.last = self.free_at
        return self.free_at, self.free_at + self.delay_s


@dataclass
class Link:
    up: Pipe
    down: Pipe
    reset_rate: float
    rng: random.Random
    connections: int = 0
    requests: int = 0
    resets: int = 0
    open: set[asyncio.StreamWriter] = field(default_factory=set)

    def stats(self) -> dict[str, float | int]:
        return {"connections": self.connections, "requests": self.requests, "resets": self.resets,
                "up_bytes": self.up.carried, "down_bytes": self.down.carried,
                "up_busy_s": round(self.up.last - (self.up.first or self.up.last), 3)}


def _reset(writer: asyncio.StreamWriter) -> None:
    sock = writer.get_extra_info("socket")
    if sock is not None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


async def _deliver(queue: asyncio.Queue, writer: asyncio.StreamWriter) -> None:
    """Writes each piece when it has crossed the link; None ends the direction."""
    while (item := await queue.get()) is not None:
        arrive, data = item
        await asyncio.sleep(max(0.0, arrive - time.monotonic()))
        writer.write(data)
        await writer.drain()
    if writer.can_write_eof():
        writer.write_eof()


class _Flow:
    """One proxied connection: two directions, and the request boundary the resets need."""

    def __init__(self, link: Link, client: asyncio.StreamWriter, server: asyncio.StreamWriter) -> None:
        self.link, self.client, self.server = link, client, server
        self.answered = True  # client bytes after an answer (or first ones) start a request

    async def pump(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, upstream: bool) -> None:
        pipe = self.link.up if upstream else self.link.down
        queue: asyncio.Queue = asyncio.Queue()
        delivery = asyncio.ensure_future(_deliver(queue, writer))
        try:
            while data := await reader.read(READ_BYTES):
                if upstream and self.answered:
                    self.answered = False
                    self.link.requests += 1
                    if self.link.rng.random() < self.link.reset_rate:
                        self.link.resets += 1
                        self.cut()
                        return
                if not upstream:
                    self.answered = True
                leaves, arrives = pipe.send(len(data))
                queue.put_nowait((arrives, data))
                await asyncio.sleep(max(0.0, leaves - time.monotonic()))  # read on at the line's pace
        except (ConnectionError, OSError):
            self.cut()
        finally:
            queue.put_nowait(None)
            try:
                await delivery
            except (ConnectionError, OSError):
                self.cut()

    def cut(self) -> None:
        for writer in (self.client, self.server):
            if not writer.transport.is_closing():
                _reset(writer)


async def _serve(link: Link, upstream: tuple[str, int], host: str, port: int, stop: asyncio.Event) -> None:
    flows: set[asyncio.Task] = set()

    async def handle(c_reader: asyncio.StreamReader, c_writer: asyncio.StreamWriter) -> None:
        link.connections += 1
        flows.add(asyncio.current_task())
        try:
            s_reader, s_writer = await asyncio.open_connection(*upstream)
        except OSError:
            _reset(c_writer)
            return
        for w in (c_writer, s_writer):
            w.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        link.open.update((c_writer, s_writer))
        flow = _Flow(link, c_writer, s_writer)
        await asyncio.gather(flow.pump(c_reader, s_writer, True), flow.pump(s_reader, c_writer, False))
        for w in (c_writer, s_writer):
            link.open.discard(w)
            w.close()

    server = await asyncio.start_server(handle, host, port)
    bound = server.sockets[0].getsockname()
    print(f"county link on {bound[0]}:{bound[1]}", flush=True)
    async with server:
        await stop.wait()
    for writer in list(link.open):
        writer.transport.abort()
    if flows:  # the aborted connections' pumps end on their own (cancelling them trips Python 3.11's streams)
        await asyncio.wait(flows, timeout=2)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--upstream", required=True, help="HOST:PORT the link leads to")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--mbit", type=float, default=4.0, help="bandwidth each way, Mbit/s")
    parser.add_argument("--rtt-ms", type=float, default=100.0, help="round-trip time added by the link")
    parser.add_argument("--reset-rate", type=float, default=0.01, help="share of requests cut by a TCP reset")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args(argv)
    host, _, port = args.upstream.rpartition(":")
    rate, delay = args.mbit * 1e6 / 8, args.rtt_ms / 2000
    link = Link(Pipe(rate, delay), Pipe(rate, delay), args.reset_rate, random.Random(args.seed))

    async def run() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        await _serve(link, (host, int(port)), args.host, args.port, stop)

    asyncio.run(run())
    print(json.dumps(link.stats()), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
