"""The hall display under a burst of queue events (far above 20 a second, more than the follower's
500-event page within its 30 s settle window): every event reaches the screen once, none twice,
within a moment; and the voice says only calls that are still current."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QTimer

from hallapp.domain.queue import call_announcement
from hallapp.services import queue
from hallapp.services.hall import hall_info
from hallapp.services.queue import CounterRef, QueueEvent
from ui.display.window import DisplayWindow
from ui.voice import Speaker

CYCLES = 240  # ticket, call, done: 720 events


class TimedSpeaker(Speaker):
    """Takes `seconds` per utterance, like a (fast) engine."""

    def __init__(self, seconds: float) -> None:
        super().__init__(gap_ms=0)
        self.seconds = seconds
        self.spoken: list[str] = []
        self.dropped.connect(lambda text, reason: self.gone.append((text, reason)))
        self.gone: list[tuple[str, str]] = []

    def _speak(self, text: str) -> None:
        self.spoken.append(text)
        QTimer.singleShot(int(self.seconds * 1000), self, self._done)


def _all_events(ctx, hall_id: int, after: int) -> list[QueueEvent]:
    found: list[QueueEvent] = []
    while page := queue.events_since(ctx.db, hall_id, after):
        found += page
        after = page[-1].id
    return found


def test_a_burst_of_events_reaches_the_display_once_each_and_at_once(ctx, qtbot) -> None:
    hall = hall_info(ctx.db)
    display = DisplayWindow(ctx, hall, TimedSpeaker(0.02), poll_ms=100)
    qtbot.addWidget(display)
    display.resize(1920, 1080)
    display.show()
    qtbot.waitUntil(lambda: display.following)
    first_id = queue.last_event_id(ctx.db, hall.id)

    applied: list[tuple[float, QueueEvent]] = []
    original = display.apply_events

    def recording(events: list[QueueEvent]) -> None:
        now = time.monotonic()
        applied.extend((now, e) for e in events)
        original(events)

    display.apply_events = recording
    written: list[tuple[float, int]] = []  # (time, last event id) after each visit
    last_called: dict[int, str] = {}

    def counters_at_work() -> None:  # three counters serving as fast as the database lets them
        for index in range(CYCLES):
            ref = CounterRef(hall.id, index % 3 + 1)
            queue.issue_ticket(ctx.db, hall.id, "ABC"[index % 3])
            called = queue.call_next(ctx.db, ref)
            if index < CYCLES - 3:  # the last three stay called
                queue.done(ctx.db, ref, called.id)
            else:
                last_called[ref.counter_number] = called.number
            written.append((time.monotonic(), queue.last_event_id(ctx.db, hall.id)))

    worker = threading.Thread(target=counters_at_work)
    began = time.monotonic()
    worker.start()
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=60_000)
    burst_s = time.monotonic() - began
    events = _all_events(ctx, hall.id, first_id)
    assert len(events) == 3 * CYCLES - 3 and len(events) / burst_s >= 20, f"{len(events)} events in {burst_s:.1f} s"

    qtbot.waitUntil(lambda: len(applied) >= len(events), timeout=10_000)
    qtbot.wait(500)  # a few more polls: nothing may come twice
    ids = [e.id for _, e in applied]
    assert len(ids) == len(set(ids)), "an event was shown twice"
    assert sorted(ids) == [e.id for e in events], "an event was missed"
    # The display keeps up: each visit reached the screen within moments, not after the 30 s settle time.
    first_seen = {}
    for at, event in applied:
        first_seen.setdefault(event.id, at)
    lag = max(min(at for i, at in first_seen.items() if i >= last_id) - written_at for written_at, last_id in written)
    assert lag < 3.0, f"the display was {lag:.1f} s behind"

    # What the hall sees: the three tickets still called, the latest call on top of the recent list.
    for counter, number in last_called.items():
        assert display.tiles[counter].number == number
    assert [row[0].text() for row in display.recent_rows[:3]] == list(reversed(last_called.values()))
    # And hears: nothing that was finished before the voice reached it, and each counter's last call.
    qtbot.waitUntil(lambda: not display.speaker.speaking and display.speaker.pending() == 0, timeout=10_000)
    spoken = display.speaker.spoken
    assert len(spoken) < CYCLES // 4, f"{len(spoken)} sayings for {CYCLES} calls"
    for counter, number in last_called.items():
        text = call_announcement(number, counter)
        assert text in spoken
        assert [t for t in spoken if f"到 {counter} 号窗口" in t][-1] == text
    print(f"{len(events)} events in {burst_s:.1f} s ({len(events) / burst_s:.0f}/s); display lag ≤ {lag:.2f} s; "
          f"{len(spoken)} sayings")
    display.close()


def test_the_voice_drops_a_waiting_call_once_the_applicant_has_come(ctx, qtbot) -> None:
    hall = hall_info(ctx.db)
    speaker = TimedSpeaker(1.5)
    display = DisplayWindow(ctx, hall, speaker, poll_ms=40, repeat=1)
    qtbot.addWidget(display)
    display.show()
    qtbot.waitUntil(lambda: display.following)
    for letter in "ABC":
        queue.issue_ticket(ctx.db, hall.id, letter)
    first = queue.call_next(ctx.db, CounterRef(hall.id, 1))
    qtbot.waitUntil(lambda: len(speaker.spoken) == 1)  # A001 is being said
    second = queue.call_next(ctx.db, CounterRef(hall.id, 2))
    third = queue.call_next(ctx.db, CounterRef(hall.id, 3))
    qtbot.waitUntil(lambda: display.tiles[3].number == third.number)
    assert speaker.pending() == 2
    queue.start_serving(ctx.db, CounterRef(hall.id, 2), second.id)  # B001 came before the voice got to it

    qtbot.waitUntil(lambda: len(speaker.gone) == 1)
    assert speaker.gone == [(call_announcement(second.number, 2), "withdrawn")]
    qtbot.waitUntil(lambda: not speaker.speaking and speaker.pending() == 0, timeout=10_000)
    assert speaker.spoken == [call_announcement(first.number, 1), call_announcement(third.number, 3)]
    assert display.tiles[2].number == second.number  # the screen still shows who is served where
    display.close()
