"""ID card reader bench: decoding throughput, and read latency over the pty simulator.

  decode    full 1295-byte read answers fed to FrameDecoder in 64-byte chunks (as a USB-serial
            adapter delivers them), each answer parsed with parse_read_answer (text decoded)
  framing   the same without parse_read_answer
  baseline  the same frames already cut: checksum (the same XOR fold) + struct unpack of the two
            lengths, the floor of any decoder; the ratio decode/baseline is the figure to compare
  xor loop  a byte-by-byte XOR of the same frames, for scale
  latency   find -> select -> read (30 01) of one card through a real pty to the simulator running
            in this process (its thread shares the GIL: a real reader at 115200 baud needs ~0.12 s
            for the 1295 bytes alone)

    .venv/bin/python bench/idcard.py [--frames 3000] [--rounds 50] [--json]

Unknown options (e.g. those run_all.py passes to every bench) are ignored.
"""

from __future__ import annotations

import argparse
import json
import statistics
import struct
import sys
import time
from collections.abc import Callable

from drivers.idcard.frames import Frame, FrameDecoder, checksum, encode_response
from drivers.idcard.layouts import encode_text, parse_read_answer
from drivers.idcard.reader import SamReader
from drivers.idcard.sample import card_from, fake_photo, load_cards
from drivers.idcard.simulator import ReaderSimulator

CHUNK = 64


def read_answers(count: int) -> list[bytes]:
    texts = [encode_text(card_from(c)[0]) for c in load_cards()]
    return [encode_response(0x90, struct.pack(">HH", 256, 1024) + texts[i % len(texts)] + fake_photo(i)) for i in range(count)]


def cut_stream(stream: bytes) -> int:
    decoder = FrameDecoder()
    return sum(len(decoder.feed(stream[start : start + CHUNK])) for start in range(0, len(stream), CHUNK))


def decode_stream(stream: bytes) -> int:
    decoder = FrameDecoder()
    decoded = 0
    for start in range(0, len(stream), CHUNK):
        for item in decoder.feed(stream[start : start + CHUNK]):
            if isinstance(item, Frame):
                parse_read_answer(item.response().data)
                decoded += 1
    return decoded


def baseline(frames: list[bytes]) -> int:
    ok = 0
    for frame in frames:
        if checksum(frame[5:]) == 0:
            struct.unpack_from(">HH", frame, 10)
            ok += 1
    return ok


def xor_loop(frames: list[bytes]) -> int:
    ok = 0
    for frame in frames:
        value = 0
        for byte in frame[5:]:
            value ^= byte
        ok += value == 0
    return ok


def best_of(runs: int, work: Callable[[], int], expected: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        assert work() == expected
        times.append(time.perf_counter() - started)
    return min(times)


def read_latencies(rounds: int) -> list[float]:
    with ReaderSimulator(load_cards()) as sim, SamReader(sim.port, timeout=2.0) as reader:
        reader.sam_status()  # warm up
        latencies = []
        for i in range(rounds):
            sim.place(i % sim.card_count)
            started = time.perf_counter()
            reader.read_card()
            latencies.append(time.perf_counter() - started)
    return latencies


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=50, help="reads timed over the pty")
    parser.add_argument("--json", action="store_true")
    args, _ = parser.parse_known_args(argv)
    frames = read_answers(args.frames)
    stream = b"".join(frames)
    n = len(frames)
    cut_s = best_of(3, lambda: cut_stream(stream), n)
    decode_s = best_of(3, lambda: decode_stream(stream), n)
    base_s = best_of(3, lambda: baseline(frames), n)
    loop_s = best_of(1, lambda: xor_loop(frames), n)
    latencies = read_latencies(max(args.rounds, 5))
    figures = {
        "frames": n,
        "decode_frames_per_s": n / decode_s,
        "decode_mib_per_s": len(stream) / decode_s / 2**20,
        "framing_only_frames_per_s": n / cut_s,
        "baseline_frames_per_s": n / base_s,
        "xor_loop_frames_per_s": n / loop_s,
        "decode_over_baseline": decode_s / base_s,
        "read_latency_median_ms": statistics.median(latencies) * 1000,
        "read_latency_p90_ms": statistics.quantiles(latencies, n=10)[-1] * 1000,
        "reads": len(latencies),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"decode    {figures['decode_frames_per_s']:10.0f} read answers/s ({figures['decode_mib_per_s']:.1f} MiB/s, "
              f"{CHUNK}-byte chunks, text parsed)")
        print(f"framing   {figures['framing_only_frames_per_s']:10.0f} read answers/s (FrameDecoder alone, no text parsing)")
        print(f"baseline  {figures['baseline_frames_per_s']:10.0f} frames/s (pre-cut: checksum + struct unpack)")
        print(f"xor loop  {figures['xor_loop_frames_per_s']:10.0f} frames/s (byte-by-byte XOR, for scale)")
        print(f"ratio     decode/baseline = {figures['decode_over_baseline']:.1f}x")
        print(f"latency   find+select+read over pty: median {figures['read_latency_median_ms']:.2f} ms, "
              f"p90 {figures['read_latency_p90_ms']:.2f} ms ({len(latencies)} reads)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
