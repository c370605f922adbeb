"""The hall display follows the counters through the shared database: calls appear in large type
per counter, flash, and are spoken in order, never over each other."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer

from hallapp.services import queue
from hallapp.services.hall import hall_info
from hallapp.services.queue import CounterRef
from ui.display.window import DisplayWindow
from ui.voice import Speaker


class RecordingSpeaker(Speaker):
    """Takes 40 ms per utterance and notes when each one starts and ends."""

    def __init__(self) -> None:
        super().__init__(gap_ms=0)
        self.log: list[tuple[str, str, float]] = []

    @property
    def spoken(self) -> list[str]:
        return [text for kind, text, _ in self.log if kind == "start"]

    def _speak(self, text: str) -> None:
        self.log.append(("start", text, time.monotonic()))
        QTimer.singleShot(40, self, self._end)

    def _end(self) -> None:
        self.log.append(("end", self._current or "", time.monotonic()))
        self._done()


@pytest.fixture
def hall(ctx):
    return hall_info(ctx.db)


@pytest.fixture
def display(ctx, hall, qtbot):
    speaker = RecordingSpeaker()
    window = DisplayWindow(ctx, hall, speaker, poll_ms=40, flash_ms=2000)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitUntil(lambda: window.following)
    yield window
    window.close()


def test_a_call_shows_at_its_counter_in_large_type_flashes_and_is_spoken_twice(ctx, hall, display, qtbot) -> None:
    ticket = queue.issue_ticket(ctx.db, hall.id, "C")  # counter 3 serves 户籍证明 (C) first
    qtbot.waitUntil(lambda: "1" in display.waiting_text("C"))
    called = queue.call_next(ctx.db, CounterRef(hall.id, 3))
    assert called is not None and called.number == ticket.number == "C001"

    tile = display.tiles[3]
    qtbot.waitUntil(lambda: tile.number == "C001")
    assert tile.flashing
    assert display.tiles[1].number is None and display.tiles[2].number is None
    expected = "请 C零零一 号到 3 号窗口办理"
    qtbot.waitUntil(lambda: len(display.speaker.log) == 4)
    assert display.speaker.spoken == [expected, expected]
    assert display.recent_rows[0][0].text() == "C001"
    qtbot.waitUntil(lambda: "0" in display.waiting_text("C"))
    # Readable from the back of the hall: the number and the counter in type ~1/10 of the screen.
    assert tile.number_label.font().pixelSize() >= 100
    assert tile.counter_label.font().pixelSize() >= 100
    assert tile.counter_label.text() == "Counter 3"

    queue.done(ctx.db, CounterRef(hall.id, 3), called.id)
    qtbot.waitUntil(lambda: tile.number is None)


def test_two_quick_calls_are_spoken_in_order_without_overlap(ctx, hall, display, qtbot) -> None:
    queue.issue_ticket(ctx.db, hall.id, "A")
    queue.issue_ticket(ctx.db, hall.id, "B")
    queue.call_next(ctx.db, CounterRef(hall.id, 1))
    queue.call_next(ctx.db, CounterRef(hall.id, 2))

    qtbot.waitUntil(lambda: len(display.speaker.log) == 8, timeout=5000)
    first, second = "请 A零零一 号到 1 号窗口办理", "请 B零零一 号到 2 号窗口办理"
    # The second call does not wait behind the first one's repetition: repeats come when nothing else waits.
    assert display.speaker.spoken == [first, second, first, second]
    kinds = [kind for kind, _, _ in display.speaker.log]
    assert kinds == ["start", "end"] * 4
    times = [at for _, _, at in display.speaker.log]
    assert times == sorted(times)
    assert display.tiles[1].number == "A001" and display.tiles[2].number == "B001"


def test_a_display_opened_later_shows_current_calls_without_reading_them_out(ctx, hall, qtbot) -> None:
    queue.issue_ticket(ctx.db, hall.id, "B")
    queue.call_next(ctx.db, CounterRef(hall.id, 2))
    speaker = RecordingSpeaker()
    window = DisplayWindow(ctx, hall, speaker, poll_ms=40, repeat=3)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.tiles[2].number == "B001")
    qtbot.waitUntil(lambda: window.polls >= 3)
    assert speaker.spoken == []

    called = queue.current(ctx.db, CounterRef(hall.id, 2))
    queue.recall(ctx.db, CounterRef(hall.id, 2), called.id)  # 重呼 is spoken again, `repeat` times
    qtbot.waitUntil(lambda: len(speaker.spoken) == 3)
    assert set(speaker.spoken) == {"请 B零零一 号到 2 号窗口办理"}
    window.close()
