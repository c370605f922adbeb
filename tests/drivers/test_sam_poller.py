"""CardPoller over the simulated reader: each card placed is handed over once."""

from __future__ import annotations

import queue
import time
from collections.abc import Callable, Iterator

import pytest

from drivers.idcard.layouts import CardRead
from drivers.idcard.poller import CardPoller
from drivers.idcard.reader import ReaderNotConnected, SamReader
from drivers.idcard.sample import card_from, load_cards
from drivers.idcard.simulator import ReaderSimulator
from drivers.idcard.status import SamError

CARDS = load_cards()
TEXTS = [card_from(c)[0] for c in CARDS]


class Watch:
    """A running poller and what it handed over."""

    def __init__(self, sim: ReaderSimulator, reader: SamReader) -> None:
        self.sim = sim
        self.cards: queue.Queue[CardRead] = queue.Queue()
        self.errors: queue.Queue[Exception] = queue.Queue()
        self.poller = CardPoller(reader, self.cards.put, self.errors.put, interval=0.01).start()

    def polls(self, count: int) -> None:
        """Wait until the poller has asked for a card `count` more times."""
        target = self.sim.finds + count
        _wait_until(lambda: self.sim.finds >= target)


def _wait_until(condition: Callable[[], bool], timeout: float = 3.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.005)


@pytest.fixture
def sim() -> Iterator[ReaderSimulator]:
    with ReaderSimulator(CARDS) as simulator:
        yield simulator


@pytest.fixture
def watch(sim: ReaderSimulator) -> Iterator[Watch]:
    with SamReader(sim.port, timeout=0.5) as reader:
        running = Watch(sim, reader)
        yield running
        running.poller.stop()


def test_a_card_is_read_once_until_removed_and_placed_again(watch: Watch) -> None:
    watch.sim.place(0)
    assert watch.cards.get(timeout=3).text == TEXTS[0]
    watch.polls(10)
    assert watch.cards.empty()
    watch.sim.remove()
    watch.polls(2)
    watch.sim.place(0)
    assert watch.cards.get(timeout=3).text == TEXTS[0]


def test_a_reader_that_keeps_finding_the_card_still_gives_it_once(watch: Watch) -> None:
    watch.sim.fault = "sticky_find"
    watch.sim.place(4)
    assert watch.cards.get(timeout=3).text == TEXTS[4]
    watch.polls(10)
    assert watch.cards.empty()
    watch.sim.remove()
    watch.polls(2)
    watch.sim.place(5)
    assert watch.cards.get(timeout=3).text == TEXTS[5]


def test_errors_are_reported_once_and_polling_goes_on(watch: Watch) -> None:
    watch.sim.fault = "read_failure"
    watch.sim.place(1)
    error = watch.errors.get(timeout=3)
    assert isinstance(error, SamError) and error.sw3 == 0x41
    watch.polls(10)
    assert watch.errors.empty()  # the same failure is not repeated at every poll
    watch.sim.fault = None
    assert watch.cards.get(timeout=3).text == TEXTS[1]


def test_an_unplugged_reader_is_reported(watch: Watch) -> None:
    watch.sim.stop()
    assert isinstance(watch.errors.get(timeout=3), ReaderNotConnected)
    assert watch.poller.running


def test_stop_returns_quickly(watch: Watch) -> None:
    watch.polls(3)
    started = time.monotonic()
    watch.poller.stop()
    assert time.monotonic() - started < 0.5
    assert not watch.poller.running


def test_a_failing_callback_does_not_stop_the_poller_and_a_swapped_card_is_read(sim: ReaderSimulator) -> None:
    seen: queue.Queue[CardRead] = queue.Queue()

    def clumsy(card: CardRead) -> None:
        seen.put(card)
        raise RuntimeError("GUI bug")

    with SamReader(sim.port, timeout=0.5) as reader:
        poller = CardPoller(reader, clumsy, lambda exc: None, interval=0.01).start()
        try:
            sim.place(2)
            assert seen.get(timeout=3).text == TEXTS[2]
            sim.remove()
            sim.place(3)
            assert seen.get(timeout=3).text == TEXTS[3]
        finally:
            poller.stop()
