"""SamReader against the reader simulator over a real pseudo-terminal."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.idcard.layouts import CardText
from drivers.idcard.reader import CorruptAnswerError, ReaderError, ReaderNotConnected, ReaderTimeout, SamReader, detect_port
from drivers.idcard.sample import card_from, fake_photo, load_cards
from drivers.idcard.simulator import ReaderSimulator
from drivers.idcard.status import SamError

CARDS = load_cards()
TEXTS = [card_from(c)[0] for c in CARDS]
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


@pytest.fixture
def sim() -> Iterator[ReaderSimulator]:
    with ReaderSimulator(CARDS, seed=1) as simulator:
        yield simulator


@pytest.fixture
def reader(sim: ReaderSimulator) -> Iterator[SamReader]:
    with SamReader(sim.port, timeout=0.5) as sam:
        yield sam


def _check_char(number: str) -> str:
    return "10X98765432"[sum(int(d) * w for d, w in zip(number[:17], WEIGHTS, strict=True)) % 11]


@pytest.mark.parametrize("index", range(len(CARDS)), ids=[f"{t.card_type}-{i}" for i, t in enumerate(TEXTS)])
def test_each_sample_card_reads_field_for_field(sim: ReaderSimulator, reader: SamReader, index: int) -> None:
    sim.place(index)
    card = reader.read_card()
    assert card.text == TEXTS[index]
    assert card.photo_wlt == fake_photo(CARDS[index]["photo_seed"])
    assert card.fingerprint == b""


def test_x_check_character_arrives_as_x(sim: ReaderSimulator, reader: SamReader) -> None:
    sim.place(0)
    number = reader.read_card().text.id_number
    assert number == "51010419900307004X"
    assert number[-1] == _check_char(number) == "X"


def test_long_term_validity_arrives_as_changqi(sim: ReaderSimulator, reader: SamReader) -> None:
    sim.place(1)
    assert reader.read_card().text.valid_to == "长期"


def test_sam_status_and_id(reader: SamReader) -> None:
    reader.reset()
    reader.sam_status()
    assert reader.sam_id() == "05.01-20101111-012345678-123456789"


def test_read_with_fingerprint(sim: ReaderSimulator, reader: SamReader) -> None:
    sim.place(4)
    assert reader.find_card()
    reader.select_card()
    card = reader.read_with_fingerprint()
    assert card.text == TEXTS[4] and len(card.fingerprint) == 1024 and len(card.photo_wlt) == 1024


def test_no_card_is_a_find_failure_with_a_clerk_message(reader: SamReader) -> None:
    assert reader.find_card() is False
    with pytest.raises(SamError) as caught:
        reader.read_card()
    assert (caught.value.sw3, caught.value.code) == (0x80, "card.no_card")
    assert str(caught.value) == "No card found: place the ID card flat on the reader (status 0x80)."


def test_a_read_card_must_leave_the_field_before_the_next_find(sim: ReaderSimulator, reader: SamReader) -> None:
    sim.place(3)
    reader.read_card()
    assert reader.find_card() is False
    sim.remove()
    sim.place(3)
    assert reader.find_card() is True


def test_read_without_select_is_refused(sim: ReaderSimulator, reader: SamReader) -> None:
    sim.place(0)
    with pytest.raises(SamError) as caught:
        reader.read()
    assert (caught.value.sw3, caught.value.code) == (0x41, "card.read_failed")


# --- faults, and recovery for the next read

def test_read_failure_raises_41_and_the_card_reads_once_it_clears(sim: ReaderSimulator, reader: SamReader) -> None:
    sim.fault = "read_failure"
    sim.place(2)
    with pytest.raises(SamError) as caught:
        reader.read_card()
    assert caught.value.code == "card.read_failed" and caught.value.params == {"status": "0x41"}
    sim.fault = None
    assert reader.read_card().text == TEXTS[2]


def test_truncated_answer_times_out_then_the_next_read_works(sim: ReaderSimulator, reader: SamReader) -> None:
    sim.fault = "truncated"
    sim.place(0)
    with pytest.raises(ReaderTimeout, match="did not answer within") as caught:
        reader.read_card()
    assert isinstance(caught.value, ReaderError)
    sim.fault = None
    sim.place(0)
    assert reader.read_card().text == TEXTS[0]


def test_bad_checksum_is_reported_then_the_next_read_works(sim: ReaderSimulator, reader: SamReader) -> None:
    sim.fault = "bad_checksum"
    sim.place(5)
    with pytest.raises(CorruptAnswerError):
        reader.read_card()
    sim.fault = None
    sim.place(5)
    assert reader.read_card().text == TEXTS[5]


def test_noise_on_the_line_is_survived_transparently(sim: ReaderSimulator, reader: SamReader) -> None:
    sim.fault = "noise"
    for round_ in range(3):
        for index, text in enumerate(TEXTS):
            sim.place(index)
            assert reader.read_card().text == text, (round_, index)
    assert reader.sam_id() == "05.01-20101111-012345678-123456789"


def test_no_card_fault_finds_nothing(sim: ReaderSimulator, reader: SamReader) -> None:
    sim.fault = "no_card"
    sim.place(0)
    assert reader.find_card() is False
    sim.fault = None
    assert reader.find_card() is True


def test_a_foreign_card_placed_on_the_fly(sim: ReaderSimulator, reader: SamReader) -> None:
    other = CardText(card_type="foreign_permanent_resident", name_en="DOE, JANE", sex_code="2", card_number="USA110850101018",
                     nationality="USA", birth="19850101", valid_from="20200101", valid_to="20300101")
    sim.place(other)
    assert reader.read_card().text == other


# --- connection

def test_a_missing_port_is_not_connected() -> None:
    with pytest.raises(ReaderNotConnected) as caught:
        SamReader("/dev/no-such-reader")
    assert caught.value.code == "card.reader_not_connected" and caught.value.params == {"port": "/dev/no-such-reader"}
    assert str(caught.value).startswith("The ID card reader on /dev/no-such-reader is not connected")


def test_an_unplugged_reader_says_not_connected(sim: ReaderSimulator, reader: SamReader) -> None:
    assert reader.find_card() is False
    sim.stop()
    with pytest.raises(ReaderNotConnected):
        reader.find_card()


def test_a_reader_plugged_back_in_works_again(tmp_path: Path) -> None:
    """Like a /dev/serial/by-id link that udev points at the new device after a replug."""
    link = tmp_path / "idcard-reader"
    with ReaderSimulator(CARDS) as first:
        link.symlink_to(first.port)
        sam = SamReader(str(link), timeout=0.5)
    with pytest.raises(ReaderNotConnected):
        sam.find_card()
    with ReaderSimulator(CARDS) as second:
        link.unlink()
        link.symlink_to(second.port)
        second.place(3)
        assert sam.read_card().text == TEXTS[3]
    sam.close()


def test_a_silent_port_times_out() -> None:
    master, slave = os.openpty()
    try:
        with SamReader(os.ttyname(slave), timeout=0.2) as sam, pytest.raises(ReaderTimeout, match="did not answer within 0.2 s"):
            sam.sam_status()
    finally:
        os.close(master)
        os.close(slave)


def test_a_closed_reader_refuses_calls(reader: SamReader) -> None:
    reader.close()
    with pytest.raises(ReaderNotConnected):
        reader.find_card()
    reader.close()  # closing twice is harmless


def test_calls_from_many_threads_are_serialised(sim: ReaderSimulator, reader: SamReader) -> None:
    results: list[str] = []
    errors: list[BaseException] = []

    def ask() -> None:
        try:
            for _ in range(10):
                results.append(reader.sam_id())
        except BaseException as exc:  # noqa: BLE001  (collected for the assert below)
            errors.append(exc)

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert errors == []
    assert results == ["05.01-20101111-012345678-123456789"] * 80


# --- detection

def test_detect_port_finds_the_simulator_among_bogus_and_silent_ports(sim: ReaderSimulator) -> None:
    master, slave = os.openpty()
    try:
        found = detect_port(["/dev/no-such-reader", os.ttyname(slave), sim.port], timeout=0.15)
    finally:
        os.close(master)
        os.close(slave)
    assert found == (sim.port, 115200)


def test_detect_port_returns_none_when_no_reader_answers() -> None:
    assert detect_port(["/dev/no-such-reader"], timeout=0.1) is None
