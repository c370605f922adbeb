"""What the hall voice says next (ui/voice.py `AnnouncementQueue`, no Qt): one waiting call per
counter, nothing that is no longer current, nothing stale, and repeats only when nothing else waits."""

from __future__ import annotations

from ui.voice import MAX_AGE_S, REPEAT_WINDOW_S, AnnouncementQueue


def _say(q: AnnouncementQueue, now: float) -> str | None:
    """Take the next saying and finish it at once; its text, or None when nothing is left."""
    item, _stale = q.take(now)
    q.spoken(now)
    return None if item is None else item.text


def test_a_newer_call_at_a_counter_takes_the_place_of_the_waiting_one() -> None:
    q = AnnouncementQueue()
    q.add("A001 to 1", 1, 1, 0.0)
    q.take(0.0)  # counter 1 is being said
    q.add("B001 to 2", 1, 2, 1.0)
    q.add("C001 to 3", 1, 3, 2.0)
    superseded = q.add("B002 to 2", 1, 2, 3.0)

    assert [a.text for a in superseded] == ["B001 to 2"]
    assert [a.text for a in q.waiting] == ["B002 to 2", "C001 to 3"]  # in the older call's place
    q.spoken(4.0)
    assert [_say(q, 5.0), _say(q, 6.0), _say(q, 7.0)] == ["B002 to 2", "C001 to 3", None]


def test_calls_without_a_key_all_wait_their_turn() -> None:
    q = AnnouncementQueue()
    for text in ("one", "two", "two"):
        q.add(text, 1, None, 0.0)
    assert [_say(q, 1.0) for _ in range(4)] == ["one", "two", "two", None]


def test_a_repeat_never_delays_another_call() -> None:
    q = AnnouncementQueue()
    q.add("A001 to 1", 2, 1, 0.0)
    q.take(0.0)
    q.add("B001 to 2", 2, 2, 1.0)  # arrives while A001 is said for the first time
    q.spoken(5.0)
    assert q.pending() == 3  # B001 twice, A001's repeat

    assert [_say(q, 5.5), _say(q, 6.0), _say(q, 6.5), _say(q, 7.0)] == ["B001 to 2", "A001 to 1", "B001 to 2", None]


def test_alone_a_call_is_said_as_often_as_asked() -> None:
    q = AnnouncementQueue()
    q.add("A001 to 1", 3, 1, 0.0)
    assert [_say(q, 0.0), _say(q, 5.0), _say(q, 10.0), _say(q, 15.0)] == ["A001 to 1"] * 3 + [None]


def test_a_repeat_that_comes_too_late_is_left_out() -> None:
    q = AnnouncementQueue()
    q.add("A001 to 1", 2, 1, 0.0)
    q.take(0.0)
    q.add("B001 to 2", 1, 2, 1.0)
    q.spoken(5.0)
    item, _ = q.take(5.5)
    assert item is not None and item.text == "B001 to 2"
    q.spoken(5.5 + REPEAT_WINDOW_S + 1)  # B001 took long: A001's repeat would now sound like a new call
    assert _say(q, 5.5 + REPEAT_WINDOW_S + 1.5) is None


def test_a_call_left_waiting_past_the_limit_is_dropped_unsaid() -> None:
    q = AnnouncementQueue()
    q.add("A001 to 1", 1, 1, 0.0)
    q.add("B001 to 2", 1, 2, 50.0)
    item, stale = q.take(MAX_AGE_S + 1)
    assert [a.text for a in stale] == ["A001 to 1"]
    assert item is not None and item.text == "B001 to 2"


def test_a_call_no_longer_current_is_withdrawn_and_not_repeated() -> None:
    q = AnnouncementQueue()
    q.add("A001 to 1", 2, 1, 0.0)
    q.add("B001 to 2", 2, 2, 0.0)
    q.take(0.0)  # A001 is being said

    assert q.withdraw(2, "B000 to 2") == []  # another ticket's end leaves B001 alone
    assert [a.text for a in q.withdraw(2, "B001 to 2")] == ["B001 to 2"]
    q.withdraw(1, "A001 to 1")  # the applicant came while A001 was said: it ends, but is not said again
    q.spoken(5.0)
    assert _say(q, 5.5) is None and q.pending() == 0


def test_a_recall_while_the_same_call_is_said_is_said_again_once() -> None:
    q = AnnouncementQueue()
    q.add("A001 to 1", 2, 1, 0.0)
    q.take(0.0)
    q.add("A001 to 1", 2, 1, 2.0)  # 重呼 (F2) during the first saying
    q.spoken(5.0)
    assert [_say(q, 5.5), _say(q, 10.5), _say(q, 15.5)] == ["A001 to 1", "A001 to 1", None]
