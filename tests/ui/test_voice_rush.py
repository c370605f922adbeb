"""A morning rush on the hall display's voice, with Qt's mock text-to-speech engine: 60 calls in one
minute across 20 counters. The voice is never more than one announcement behind a counter's newest
call, and the last thing it says for each counter is that counter's newest call.

Time runs on a clock scaled so that one of the mock engine's sayings (measured here) lasts as long
as a real one (4.85 s with espeak-ng, issue 9's soak): the minute takes a few seconds, and the
speaker falls behind exactly as a real one would.
"""

from __future__ import annotations

import random
import time
from datetime import UTC, datetime

from PySide6.QtCore import QTimer

from hallapp.domain.queue import call_announcement
from hallapp.services.hall import hall_info
from hallapp.services.queue import QueueEvent
from ui.display.window import DisplayWindow
from ui.voice import QtSpeaker

REAL_SAYING_S = 4.85  # one call announcement, espeak-ng at the default speed
REAL_GAP_S = 0.5
COUNTERS = 20
CALLS = 60


def _mock_saying_seconds(qtbot) -> float:
    speaker = QtSpeaker("mock", gap_ms=0)
    marks: list[float] = []
    speaker.started.connect(lambda _text: marks.append(time.monotonic()))
    speaker.finished.connect(lambda _text: marks.append(time.monotonic()))
    speaker.announce(call_announcement("A012", 13))
    qtbot.waitUntil(lambda: len(marks) == 2, timeout=10_000)
    return marks[1] - marks[0]


def _rush() -> list[tuple[int, str]]:
    """(counter, ticket) for 60 calls: three rounds over the 20 counters, each round in random order."""
    rng, calls = random.Random(20), []
    for _round in range(CALLS // COUNTERS):
        counters = list(range(1, COUNTERS + 1))
        rng.shuffle(counters)
        calls += [(c, f"A{len(calls) + 1:03d}") for c in counters]
    return calls


def test_sixty_calls_a_minute_at_twenty_counters_the_voice_stays_current(ctx, qtbot) -> None:
    saying = _mock_saying_seconds(qtbot)
    scale = REAL_SAYING_S / saying  # hall seconds per real second
    start = time.monotonic()

    def clock() -> float:
        return (time.monotonic() - start) * scale

    speaker = QtSpeaker("mock", gap_ms=round(REAL_GAP_S * 1000 / scale), clock=clock)
    display = DisplayWindow(ctx, hall_info(ctx.db), speaker, poll_ms=3_600_000, repeat=2)
    qtbot.addWidget(display)
    display.show()
    qtbot.waitUntil(lambda: display.following)

    newest: dict[int, str] = {}
    said: list[tuple[float, int, str, str]] = []  # hall time, counter, text, that counter's newest call then
    worst_backlog: dict[int, int] = {}
    speaker.started.connect(lambda text: said.append((clock(), speaker.current.key, text, newest[speaker.current.key])))

    calls = _rush()
    feed = iter(enumerate(calls))
    last_call_at: list[float] = []

    def next_call() -> None:
        try:
            index, (counter, number) = next(feed)
        except StopIteration:
            timer.stop()
            last_call_at.append(clock())
            return
        newest[counter] = call_announcement(number, counter)
        display.apply_events([QueueEvent(index + 1, "call", index + 1, number, counter, datetime.now(UTC))])
        for c in newest:  # announcements for c still to come that are not its newest call
            older = [a for a in speaker.queue.waiting + speaker.queue.repeats if a.key == c and a.text != newest[c]]
            playing = speaker.current
            older += [playing] if playing is not None and playing.key == c and playing.text != newest[c] else []
            worst_backlog[c] = max(worst_backlog.get(c, 0), len(older))

    timer = QTimer(display)
    timer.setInterval(round(60_000 / CALLS / scale))  # one call a (hall) second
    timer.timeout.connect(next_call)
    timer.start()
    qtbot.waitUntil(lambda: bool(last_call_at), timeout=30_000)
    qtbot.waitUntil(lambda: not speaker.speaking and speaker.pending() == 0, timeout=60_000)

    assert 55 <= last_call_at[0] <= 70, f"the rush took {last_call_at[0]:.0f} hall seconds"
    # Never more than one announcement behind: each saying starts with the counter's newest call,
    # and at most the one being said can be overtaken by a newer call.
    assert all(text == current for _, _, text, current in said), [s for s in said if s[2] != s[3]]
    assert max(worst_backlog.values()) <= 1
    final = {counter: text for _, counter, text, _ in said}
    assert final == newest  # every counter's newest call was said, and was the last said for it
    # It catches up: no more than one saying per counter after the last call, none of them repeats.
    tail = [s for s in said if s[0] > last_call_at[0]]
    assert len(tail) <= COUNTERS
    per_saying = REAL_SAYING_S + REAL_GAP_S
    assert said[-1][0] - last_call_at[0] <= COUNTERS * per_saying * 1.25
    print(f"mock saying {saying:.3f} s; {len(said)} sayings; voice done {said[-1][0] - last_call_at[0]:.0f} hall s "
          f"after the last call")
    # Under backlog there are fewer repeats: far fewer than 60 calls × 2 sayings.
    assert len(said) <= 40, len(said)
    display.close()
