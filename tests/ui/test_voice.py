"""ui/voice.py: announcements are queued and spoken one after another, by Qt TextToSpeech (the
`mock` engine here) or by espeak-ng writing real audio."""

from __future__ import annotations

import wave
from pathlib import Path

from hallapp.domain.queue import call_announcement
from tests.support.requirements import need
from ui.voice import EspeakSpeaker, QtSpeaker, SilentSpeaker, Speaker, make_speaker


def _trace(speaker: Speaker) -> list[tuple[str, str]]:
    log: list[tuple[str, str]] = []
    speaker.started.connect(lambda text: log.append(("start", text)))
    speaker.finished.connect(lambda text: log.append(("end", text)))
    return log


def test_qt_speaker_speaks_queued_texts_in_order_without_overlap(qtbot) -> None:
    speaker = QtSpeaker("mock", gap_ms=0)
    states: list[str] = []
    speaker.tts.stateChanged.connect(lambda state: states.append(state.name))
    log = _trace(speaker)

    speaker.announce("请 A零零一 号到 1 号窗口办理")
    speaker.announce("请 B零零一 号到 2 号窗口办理", repeat=2)
    assert speaker.speaking and speaker.pending() == 2  # the later ones wait their turn

    qtbot.waitUntil(lambda: len(log) == 6 and not speaker.speaking, timeout=10_000)
    first, second = "请 A零零一 号到 1 号窗口办理", "请 B零零一 号到 2 号窗口办理"
    assert log == [("start", first), ("end", first), ("start", second), ("end", second),
                   ("start", second), ("end", second)]
    # The engine itself never got a new text while speaking: Speaking and Ready alternate.
    spoken = [s for s in states if s in ("Speaking", "Ready")]
    assert spoken == ["Speaking", "Ready"] * 3


def test_qt_speaker_picks_the_wanted_locale_when_the_engine_has_it() -> None:
    # The mock engine offers en_GB, en_US, nb_NO, nn_NO and fi_FI; a real Windows engine offers zh_CN.
    assert QtSpeaker("mock", language="fi_FI").tts.locale().name() == "fi_FI"
    mock = QtSpeaker("mock", language="zh_CN")
    assert not mock.has_chinese  # and it says so, for make_speaker to look elsewhere


def test_espeak_writes_a_call_announcement_longer_than_a_second(qtbot, tmp_path: Path) -> None:
    need(EspeakSpeaker.available(), "espeak-ng (Debian package espeak-ng)")
    out = tmp_path / "call.wav"
    speaker = EspeakSpeaker(wav_path=out, gap_ms=0)
    log = _trace(speaker)
    text = call_announcement("A012", 3)
    assert text == "请 A零一二 号到 3 号窗口办理"

    speaker.announce(text)
    qtbot.waitUntil(lambda: ("end", text) in log, timeout=10_000)

    assert speaker.last_exit_code == 0
    with wave.open(str(out)) as audio:
        seconds = audio.getnframes() / audio.getframerate()
    assert seconds > 1.0, f"only {seconds:.2f} s of speech"


def test_a_missing_espeak_program_does_not_stall_the_queue(qtbot) -> None:
    speaker = EspeakSpeaker("/nonexistent/espeak-ng", gap_ms=0)
    log = _trace(speaker)
    speaker.announce("one")
    speaker.announce("two")
    qtbot.waitUntil(lambda: len(log) == 4, timeout=5000)
    assert [entry for entry in log if entry[0] == "end"] == [("end", "one"), ("end", "two")]


def test_make_speaker_honours_the_preference_and_falls_back_to_silence(qtbot) -> None:
    assert isinstance(make_speaker("silent"), SilentSpeaker)
    fallback = make_speaker("espeak", espeak_program="/nonexistent/espeak-ng")
    assert isinstance(fallback, SilentSpeaker)
    log = _trace(fallback)
    fallback.announce("请 A零零一 号到 1 号窗口办理", repeat=2)  # silent, but the rhythm stays
    qtbot.waitUntil(lambda: len(log) == 4)
    if EspeakSpeaker.available():
        assert isinstance(make_speaker("espeak"), EspeakSpeaker)
