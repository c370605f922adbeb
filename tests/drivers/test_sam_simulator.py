"""The simulator as demo mode runs it: a separate process on a pty, and its sample cards."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import serial

from drivers.idcard.frames import FrameDecoder, encode_command
from drivers.idcard.reader import SamReader
from drivers.idcard.sample import SAMPLE_CARDS_PATH, card_from, load_cards
from drivers.idcard.simulator import ReaderSimulator

ROOT = Path(__file__).resolve().parents[2]
TEXTS = [card_from(c)[0] for c in load_cards()]
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _simulator(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "drivers.idcard.simulator", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture
def demo() -> Iterator[tuple[subprocess.Popen[str], str]]:
    process = _simulator("--cards", str(SAMPLE_CARDS_PATH), "--auto-place", "--dwell", "0.05", "--gap", "0.05")
    port = process.stdout.readline().strip()
    yield process, port
    if process.poll() is None:
        process.kill()
        process.wait(5)


def _next_card(reader: SamReader, timeout: float = 5.0):
    deadline = time.monotonic() + timeout
    while not reader.find_card():
        assert time.monotonic() < deadline, "no card placed in time"
        time.sleep(0.01)
    reader.select_card()
    return reader.read().text


def test_auto_place_cycles_through_the_cards_and_stops_on_sigterm(demo: tuple[subprocess.Popen[str], str]) -> None:
    process, port = demo
    assert port.startswith("/dev/")
    with SamReader(port, timeout=1.0) as reader:
        assert [_next_card(reader) for _ in range(len(TEXTS) + 1)] == [*TEXTS, TEXTS[0]]
    process.terminate()
    assert process.wait(5) == 0


def test_without_auto_place_the_field_is_empty() -> None:
    process = _simulator("--fault", "noise")
    try:
        with SamReader(process.stdout.readline().strip(), timeout=1.0) as reader:
            assert reader.find_card() is False
            assert reader.sam_id() == "05.01-20101111-012345678-123456789"
    finally:
        process.terminate()
        process.wait(5)


def test_an_unknown_fault_is_refused() -> None:
    result = subprocess.run([sys.executable, "-m", "drivers.idcard.simulator", "--fault", "fire"], cwd=ROOT,
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 2 and "fire" in result.stderr


def test_sample_cards_cover_the_cases_demo_needs() -> None:
    numbers = {t.id_number for t in TEXTS if t.id_number}
    assert all(n[-1] == "10X98765432"[sum(int(d) * w for d, w in zip(n[:17], WEIGHTS, strict=True)) % 11] for n in numbers)
    assert any(n.startswith("51") and n.endswith("X") for n in numbers)  # Sichuan, check char X
    assert any(n.startswith("11") for n in numbers)  # Beijing
    assert any(n.startswith("810000") for n in numbers)  # Hong Kong permit
    assert any(t.valid_to == "长期" for t in TEXTS)
    assert any(t.valid_to < "20250101" for t in TEXTS if t.valid_to != "长期")  # expired
    assert {t.card_type for t in TEXTS} == {"resident", "hmt_residence_permit", "foreign_permanent_resident"}


def test_the_simulator_answers_damaged_and_unknown_commands_like_a_sam() -> None:
    with ReaderSimulator([]) as sim, serial.Serial(sim.port, 115200, timeout=1.0) as link:
        find = bytearray(encode_command(0x20, 0x01))
        find[-1] ^= 0xFF
        link.write(bytes(find) + encode_command(0x77, 0x01))
        decoder = FrameDecoder()
        answers: list[int] = []
        deadline = time.monotonic() + 3
        while len(answers) < 2 and time.monotonic() < deadline:
            answers += [item.response().sw3 for item in decoder.feed(link.read(max(1, link.in_waiting)))]
    assert answers == [0x10, 0x21]
