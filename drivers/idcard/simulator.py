"""A SAM card reader simulated on a pseudo-terminal: the bytes a real reader sends, on a real tty.

Behaves like a reader: find card answers 9F only when a card lies in the field and has not been
read since it was placed (80 otherwise); select answers 90 after a successful find (81 otherwise);
`30 01` answers text + photo, `30 10` adds a 1024-byte fingerprint (41 unless selected); a read
card must leave the field before the next find succeeds. SAM reset, status and id answer 90; a
command with a bad checksum answers 10, an unknown command 21.

Faults: "bad_checksum" and "truncated" damage the answers to reads, "read_failure" answers reads
with 41, "noise" sends random bytes (with stray headers) before every answer, "no_card" makes
every find fail, "sticky_find" (a quirk of some readers) finds a card as long as it lies there.

    python -m drivers.idcard.simulator [--cards FILE.json] [--fault MODE] [--auto-place] [--dwell S] [--gap S]

prints the pty path on the first line of stdout and serves until killed. With --auto-place it
places card 0, removes it `--dwell` seconds after it was read, `--gap` seconds later places the
next, and so on.
"""

from __future__ import annotations

import argparse
import os
import random
import select
import signal
import struct
import sys
import threading
import tty
from collections.abc import Callable, Sequence
from typing import Any

from drivers.idcard.frames import BadFrame, Frame, FrameDecoder, encode_response
from drivers.idcard.layouts import CardText, encode_text
from drivers.idcard.sample import (
    FINGERPRINT_SIZE,
    PHOTO_SIZE,
    SAMPLE_CARDS_PATH,
    card_from,
    fake_fingerprint,
    fake_photo,
    load_cards,
)
from drivers.idcard.status import CARD_FOUND, FIND_FAILED, OK

FAULTS = ("bad_checksum", "truncated", "read_failure", "noise", "no_card", "sticky_find")
# 05.01-20101111-012345678-123456789 once formatted
SAM_ID = bytes([5, 0, 1, 0]) + b"".join(n.to_bytes(4, "little") for n in (20101111, 12345678, 123456789))
CardLike = CardText | dict[str, Any]


class ReaderSimulator:
    """Serves one simulated reader on a pty; `port` is the device to open once `start()`ed.

    `place()`, `remove()` and `fault` may be changed from any thread while it serves. `finds` and
    `reads` count the find commands and successful reads served (for tests to wait on)."""

    def __init__(self, cards: Sequence[CardLike], photo: bytes | None = None, fault: str | None = None, seed: int = 0) -> None:
        if photo is not None and len(photo) != PHOTO_SIZE:
            raise ValueError(f"a photo is {PHOTO_SIZE} bytes, not {len(photo)}")
        self._photo = photo
        self._cards: list[tuple[bytes, int]] = []
        for card in cards:
            self._add(card)
        self.fault = fault
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._placed: int | None = None
        self._read_since_placed = self._found = self._selected = False
        self.finds = self.reads = 0
        self.port = ""
        self._fds: list[int] = []
        self._thread: threading.Thread | None = None
        self._handlers: dict[tuple[int, int], Callable[[], bytes]] = {
            (0x10, 0xFF): self._ok, (0x11, 0xFF): self._ok, (0x12, 0xFF): lambda: self._reply(OK, SAM_ID),
            (0x20, 0x01): self._find, (0x20, 0x02): self._select,
            (0x30, 0x01): lambda: self._read(False), (0x30, 0x10): lambda: self._read(True),
        }

    @property
    def fault(self) -> str | None:
        return self._fault

    @fault.setter
    def fault(self, mode: str | None) -> None:
        if mode is not None and mode not in FAULTS:
            raise ValueError(f"unknown fault {mode!r}; one of {', '.join(FAULTS)}")
        self._fault = mode

    def _add(self, card: CardLike) -> int:
        text, seed = card_from(card, default_seed=len(self._cards))
        self._cards.append((encode_text(text), seed))
        return len(self._cards) - 1

    def start(self) -> ReaderSimulator:
        master, slave = os.openpty()
        tty.setraw(slave)
        os.set_blocking(master, False)
        wake_r, wake_w = os.pipe()
        self._fds = [master, slave, wake_r, wake_w]
        self.port = os.ttyname(slave)  # the simulator keeps slave open: clients closing it is no hang-up
        self._thread = threading.Thread(target=self._serve, name="idcard-simulator", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the pty: an open reader then sees its device gone."""
        if self._thread is None:
            return
        os.write(self._fds[3], b"x")
        self._thread.join(2.0)
        self._thread = None
        for fd in self._fds:
            os.close(fd)
        self._fds = []

    def __enter__(self) -> ReaderSimulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def place(self, card: CardLike | int) -> None:
        """Put a card in the field: one of the cards given (by index) or another one."""
        with self._lock:
            index = card if isinstance(card, int) else self._add(card)
            if not 0 <= index < len(self._cards):
                raise IndexError(f"no card {index}; {len(self._cards)} cards")
            self._placed, self._read_since_placed, self._found, self._selected = index, False, False, False

    def remove(self) -> None:
        with self._lock:
            self._placed, self._found, self._selected = None, False, False

    @property
    def card_count(self) -> int:
        return len(self._cards)

    def _serve(self) -> None:
        master, wake_r = self._fds[0], self._fds[2]
        decoder = FrameDecoder()
        while True:
            ready, _, _ = select.select([master, wake_r], [], [])
            if wake_r in ready:
                return
            try:
                data = os.read(master, 4096)
            except BlockingIOError:
                continue
            except OSError:
                return
            for item in decoder.feed(data):
                self._send(master, self._answer(item))

    def _send(self, master: int, data: bytes) -> None:
        while data:
            _, writable, _ = select.select([], [master], [], 1.0)
            if not writable:
                return  # nobody reads the answer: drop it, as a reader's buffer would
            try:
                data = data[os.write(master, data) :]
            except BlockingIOError:
                continue
            except OSError:
                return

    def _answer(self, item: Frame | BadFrame) -> bytes:
        if isinstance(item, BadFrame):
            return self._reply(0x10)
        command = item.command()
        handler = self._handlers.get((command.cmd, command.para))
        with self._lock:
            return handler() if handler else self._reply(0x21)

    def _ok(self) -> bytes:
        return self._reply(OK)

    def _find(self) -> bytes:
        self.finds += 1
        present = self._placed is not None and self.fault != "no_card"
        if not present or (self._read_since_placed and self.fault != "sticky_find"):
            return self._reply(FIND_FAILED)
        self._found = True
        return self._reply(CARD_FOUND, bytes(4))  # vendor traces show 4 (find) and 8 (select) zero bytes

    def _select(self) -> bytes:
        if not self._found or self._placed is None:
            return self._reply(0x81)
        self._selected = True
        return self._reply(OK, bytes(8))

    def _read(self, fingerprint: bool) -> bytes:
        if self.fault == "read_failure" or not self._selected or self._placed is None:
            return self._reply(0x41)
        text, seed = self._cards[self._placed]
        photo = self._photo or fake_photo(seed)
        if fingerprint:
            data = struct.pack(">HHH", len(text), len(photo), FINGERPRINT_SIZE) + text + photo + fake_fingerprint(seed)
        else:
            data = struct.pack(">HH", len(text), len(photo)) + text + photo
        self._read_since_placed, self._found, self._selected = True, False, False
        self.reads += 1
        return self._reply(OK, data, is_read=True)

    def _reply(self, sw3: int, data: bytes = b"", is_read: bool = False) -> bytes:
        frame = encode_response(sw3, data)
        if is_read and self.fault == "bad_checksum":
            frame = frame[:-1] + bytes([frame[-1] ^ 0x5A])
        if is_read and self.fault == "truncated":
            frame = frame[: len(frame) // 2]
        if self.fault == "noise":
            frame = self._noise() + frame
        return frame

    def _noise(self) -> bytes:
        noise = self._rng.randbytes(self._rng.randint(1, 24))
        stray = self._rng.choice((b"", b"\xaa", b"\xaa\xaa\xaa\x96", b"\xaa\xaa\xaa\x96\x69"))
        return noise + stray


def auto_place(sim: ReaderSimulator, stop: threading.Event, dwell: float = 2.0, gap: float = 0.5) -> None:
    """Demo mode: place each card in turn, remove it `dwell` s after it was read, `gap` s empty."""
    index = 0
    while not stop.is_set():
        reads = sim.reads
        sim.place(index)
        while sim.reads == reads:
            if stop.wait(0.05):
                return
        if stop.wait(dwell):
            return
        sim.remove()
        if stop.wait(gap):
            return
        index = (index + 1) % sim.card_count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m drivers.idcard.simulator", description=__doc__.splitlines()[0])
    parser.add_argument("--cards", default=str(SAMPLE_CARDS_PATH), help="JSON list of card objects")
    parser.add_argument("--fault", choices=FAULTS, help="simulate a fault")
    parser.add_argument("--auto-place", action="store_true", help="place the cards one after the other")
    parser.add_argument("--dwell", type=float, default=2.0, help="seconds a read card stays (auto-place)")
    parser.add_argument("--gap", type=float, default=0.5, help="seconds the field stays empty (auto-place)")
    args = parser.parse_args(argv)
    try:
        sim = ReaderSimulator(load_cards(args.cards), fault=args.fault).start()
    except (OSError, ValueError) as exc:
        print(f"simulator: {exc}", file=sys.stderr)
        return 2
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    print(sim.port, flush=True)
    print(f"simulated SAM reader on {sim.port}: {sim.card_count} cards, fault {args.fault or 'none'}", file=sys.stderr)
    if args.auto_place and sim.card_count:
        auto_place(sim, stop, dwell=args.dwell, gap=args.gap)
    while not stop.wait(0.5):
        pass
    sim.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
