"""The hall voice: announcements spoken one after another, never over each other, and only while
they are still current.

    speaker = make_speaker("auto")
    speaker.announce(call_announcement("A012", 3), repeat=2, key=3)

One call takes about 5 s to say (4.85 s with espeak-ng), so a speaker says at most 11–12 calls a
minute; a busy hall calls more. What waits is therefore an `AnnouncementQueue`, not a plain list:

- a newer announcement with the same `key` (the counter) takes the place of one still waiting: a
  counter is never more than one announcement behind its newest call;
- `withdraw(key)` drops one that is no longer current (the applicant has come, the ticket left);
- one that has waited longer than `max_age_s` is dropped unspoken;
- repetitions never delay another call: a repeat is said only when no first saying waits, and only
  within `repeat_window_s` of its first saying (later it would sound like a new call).

An engine speaks one text at a time and tells the speaker when it is done. Engines:

- `QtSpeaker`: Qt TextToSpeech (Windows: SAPI/WinRT with zh-CN voices; Linux: speechd, or `mock`
  in tests). It picks a Chinese locale when the engine has one and follows the engine's state.
- `EspeakSpeaker`: the `espeak-ng` program with the `cmn-latn-pinyin` voice (plain `cmn` reads
  tone digits in English), run through QProcess so the GUI never waits; it can write WAV files.
- `SilentSpeaker`: no sound at all (a hall without speakers, or no engine available).

Ticket numbers are spoken digit by digit (A零一二): build texts with
`hallapp.domain.queue.call_announcement`.
"""

from __future__ import annotations

import logging
import shutil
import sys
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QObject, QProcess, QTimer, Signal

log = logging.getLogger(__name__)

ESPEAK_PROGRAM = "espeak-ng"
ESPEAK_VOICE = "cmn-latn-pinyin"
PREFERENCES = ("auto", "qt", "espeak", "silent")
# Twenty counters with one waiting call each drain in 20 × ~5.4 s ≈ 110 s: within this limit every
# counter's current call is still said once in a full rush; anything older means the voice stalled.
MAX_AGE_S = 120.0
REPEAT_WINDOW_S = 10.0


@dataclass(eq=False)
class Announcement:
    text: str
    key: Hashable | None  # a newer announcement with the same key supersedes this one
    at: float  # when it was announced (the speaker's clock)
    left: int  # sayings still to come
    last_end: float | None = None  # when its latest saying ended


class AnnouncementQueue:
    """What the voice says next, and what it no longer needs to say. No Qt: the policy alone."""

    def __init__(self, *, max_age_s: float = MAX_AGE_S, repeat_window_s: float = REPEAT_WINDOW_S) -> None:
        self.max_age_s, self.repeat_window_s = max_age_s, repeat_window_s
        self.waiting: list[Announcement] = []  # never said yet, in order
        self.repeats: list[Announcement] = []  # said once or more, with sayings left
        self.playing: Announcement | None = None

    def pending(self) -> int:
        """Sayings still to come after the one being spoken."""
        items = [*self.waiting, *self.repeats, *([self.playing] if self.playing else [])]
        return sum(item.left for item in items)

    def add(self, text: str, repeat: int, key: Hashable | None, now: float) -> list[Announcement]:
        """Queue an announcement; returns the waiting one it superseded (same key), if any."""
        item = Announcement(text, key, now, max(1, repeat))
        if key is None:
            self.waiting.append(item)
            return []
        self._stop_repeating(key, None)
        for index, old in enumerate(self.waiting):
            if old.key == key:  # the newer call takes the older one's place in the line
                self.waiting[index] = item
                return [old]
        self.waiting.append(item)
        return []

    def withdraw(self, key: Hashable, text: str | None = None) -> list[Announcement]:
        """Drop what waits for `key` (only that text, if given): it is no longer current."""
        gone = [a for a in self.waiting if a.key == key and text in (None, a.text)]
        self.waiting = [a for a in self.waiting if a not in gone]
        self._stop_repeating(key, text)
        return gone

    def take(self, now: float) -> tuple[Announcement | None, list[Announcement]]:
        """The next saying (first sayings before any repeat), and the announcements dropped as stale."""
        stale = [a for a in self.waiting if now - a.at > self.max_age_s]
        self.waiting = [a for a in self.waiting if a not in stale]
        self.repeats = [a for a in self.repeats
                        if now - a.at <= self.max_age_s and now - (a.last_end or a.at) <= self.repeat_window_s]
        queue = self.waiting or self.repeats
        item = queue.pop(0) if queue else None
        if item is not None:
            item.left -= 1
        self.playing = item
        return item, stale

    def spoken(self, now: float) -> Announcement | None:
        """The current saying has ended; it waits for its repeat behind every first saying."""
        item, self.playing = self.playing, None
        if item is not None and item.left > 0:
            item.last_end = now
            self.repeats.append(item)
        return item

    def clear(self) -> None:
        self.waiting.clear()
        self.repeats.clear()
        if self.playing is not None:
            self.playing.left = 0

    def __bool__(self) -> bool:
        return bool(self.waiting or self.repeats)

    def _stop_repeating(self, key: Hashable, text: str | None) -> None:
        self.repeats = [a for a in self.repeats if not (a.key == key and text in (None, a.text))]
        if self.playing is not None and self.playing.key == key and text in (None, self.playing.text):
            self.playing.left = 0  # it ends normally, but is not said again


class Speaker(QObject):
    """Announcements spoken one at a time. Engines override `_speak` and call `_done`."""

    started = Signal(str)  # an utterance begins (each repetition separately)
    finished = Signal(str)  # that utterance has ended (or failed: the queue never stalls)
    idle = Signal()  # nothing is being spoken and nothing waits
    dropped = Signal(str, str)  # an announcement left unsaid: text, "superseded" | "withdrawn" | "stale"

    def __init__(self, parent: QObject | None = None, *, gap_ms: int = 500, max_age_s: float = MAX_AGE_S,
                 repeat_window_s: float = REPEAT_WINDOW_S, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.gap_ms = gap_ms  # a breath between two utterances
        self.clock = clock
        self.queue = AnnouncementQueue(max_age_s=max_age_s, repeat_window_s=repeat_window_s)
        self._current: str | None = None
        self._gap = QTimer(self)
        self._gap.setSingleShot(True)
        self._gap.timeout.connect(self._next)

    @property
    def name(self) -> str:
        return type(self).__name__

    @property
    def speaking(self) -> bool:
        return self._current is not None

    @property
    def current(self) -> Announcement | None:
        """The announcement being spoken now."""
        return self.queue.playing

    def pending(self) -> int:
        """Utterances still to come after the current one, as things stand now."""
        return self.queue.pending()

    def announce(self, text: str, repeat: int = 1, *, key: Hashable | None = None) -> None:
        """Say `text` up to `repeat` times, after what waits before it. With a `key` (the counter), it
        replaces an announcement with the same key that is still waiting."""
        text = text.strip()
        if not text:
            return
        for old in self.queue.add(text, repeat, key, self.clock()):
            self._dropped(old, "superseded")
        if self._current is None and not self._gap.isActive():
            self._next()

    def withdraw(self, key: Hashable, text: str | None = None) -> None:
        """What waits for `key` (that text only, if given) is no longer current: do not say it."""
        for old in self.queue.withdraw(key, text):
            self._dropped(old, "withdrawn")

    def clear(self) -> None:
        """Drop what waits; the utterance being spoken ends normally."""
        self.queue.clear()

    def _dropped(self, item: Announcement, reason: str) -> None:
        log.debug("not announced (%s): %s", reason, item.text)
        self.dropped.emit(item.text, reason)

    def _next(self) -> None:
        if self._current is not None:
            return
        item, stale = self.queue.take(self.clock())
        for old in stale:
            self._dropped(old, "stale")
        if item is None:
            self.idle.emit()
            return
        self._current = item.text
        self.started.emit(item.text)
        try:
            self._speak(item.text)
        except Exception:
            log.exception("%s could not speak", self.name)
            self._done()

    def _done(self) -> None:
        """The engine has finished the current utterance (or given up on it)."""
        if self._current is None:
            return
        text, self._current = self._current, None
        self.queue.spoken(self.clock())
        self.finished.emit(text)
        self._gap.start(self.gap_ms if self.queue else 0)

    def _speak(self, text: str) -> None:
        raise NotImplementedError


class SilentSpeaker(Speaker):
    """Speaks nothing, but keeps the same rhythm of signals (the display flashes all the same)."""

    def _speak(self, text: str) -> None:
        QTimer.singleShot(0, self, self._done)


class QtSpeaker(Speaker):
    """Qt TextToSpeech. `engine` "" is Qt's default for the platform; "mock" in tests.

    `policy`: the `Speaker` keywords (max_age_s, repeat_window_s, clock)."""

    def __init__(self, engine: str = "", parent: QObject | None = None, *, language: str = "zh_CN",
                 gap_ms: int = 500, max_ms_per_char: int = 700, **policy: Any) -> None:
        super().__init__(parent, gap_ms=gap_ms, **policy)
        from PySide6.QtTextToSpeech import QTextToSpeech  # Addons: imported only when used

        self._states = QTextToSpeech.State
        self.tts = QTextToSpeech(engine, self) if engine else QTextToSpeech(self)
        self.max_ms_per_char = max_ms_per_char
        self.has_chinese = self._choose_locale(QLocale(language))
        self._heard_speaking = False
        self._watchdog = QTimer(self)  # an engine that never reports back must not stall the hall
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._gave_up)
        self.tts.stateChanged.connect(self._state_changed)

    @property
    def name(self) -> str:
        return f"QtSpeaker({self.tts.engine()})"

    @property
    def usable(self) -> bool:
        return self.tts.state() != self._states.Error

    def _choose_locale(self, wanted: QLocale) -> bool:
        locales = list(self.tts.availableLocales())
        same_language = [loc for loc in locales if loc.language() == wanted.language()]
        if not same_language:
            log.info("text-to-speech engine %s has no %s voice", self.tts.engine(), wanted.name())
            return False
        best = next((loc for loc in same_language if loc.territory() == wanted.territory()), same_language[0])
        self.tts.setLocale(best)
        voices = [v for v in self.tts.availableVoices() if v.locale().language() == wanted.language()]
        if voices:
            self.tts.setVoice(voices[0])
        return True

    def _speak(self, text: str) -> None:
        self._heard_speaking = False
        self._watchdog.start(max(5000, self.max_ms_per_char * len(text)))
        self.tts.say(text)

    def _state_changed(self, state) -> None:
        if self._current is None:
            return
        if state == self._states.Speaking:
            self._heard_speaking = True
        elif state == self._states.Error or (state == self._states.Ready and self._heard_speaking):
            if state == self._states.Error:
                log.warning("text-to-speech failed: %s", self.tts.errorString())
            self._watchdog.stop()
            self._done()

    def _gave_up(self) -> None:
        log.warning("text-to-speech did not finish in time; going on")
        self.tts.stop()
        self._done()


def espeak_arguments(text: str, *, voice: str = ESPEAK_VOICE, speed: int | None = None,
                     wav_path: str | Path | None = None) -> list[str]:
    args = ["-v", voice]
    if speed:
        args += ["-s", str(speed)]
    if wav_path is not None:
        args += ["-w", str(wav_path)]
    return [*args, "--", text]


class EspeakSpeaker(Speaker):
    """espeak-ng in a QProcess: the GUI thread never waits for it.

    With `wav_path`, each utterance is written to that WAV file instead of the sound card (the
    file is replaced by the next utterance).
    """

    def __init__(self, program: str = ESPEAK_PROGRAM, parent: QObject | None = None, *, voice: str = ESPEAK_VOICE,
                 speed: int | None = 150, wav_path: str | Path | None = None, gap_ms: int = 500,
                 **policy: Any) -> None:
        super().__init__(parent, gap_ms=gap_ms, **policy)
        self.program, self.voice, self.speed, self.wav_path = program, voice, speed, wav_path
        self._process: QProcess | None = None
        self.last_exit_code: int | None = None

    @property
    def name(self) -> str:
        return f"EspeakSpeaker({self.voice})"

    @staticmethod
    def available(program: str = ESPEAK_PROGRAM) -> bool:
        return shutil.which(program) is not None

    def _speak(self, text: str) -> None:
        # Bound methods, not lambdas holding the speaker: a closure kept by the process would make the
        # process's own deferred delete free the speaker, its parent, while the process is being deleted.
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        process.finished.connect(self._process_finished)
        process.errorOccurred.connect(self._process_error)
        self._process = process
        process.start(self.program, espeak_arguments(text, voice=self.voice, speed=self.speed, wav_path=self.wav_path))

    def _process_error(self, error: QProcess.ProcessError) -> None:
        process = self._process
        if process is None:
            return
        log.warning("%s: %s (%s)", self.program, process.errorString(), error)
        if error == QProcess.ProcessError.FailedToStart:  # no `finished` follows
            self._ended(-1)

    def _process_finished(self, code: int, _status: QProcess.ExitStatus) -> None:
        self._ended(code)

    def _ended(self, code: int) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        self.last_exit_code = code
        if code != 0:
            output = bytes(process.readAll().data()).decode("utf-8", "replace").strip()
            log.warning("%s exited with %s: %s", self.program, code, output[-300:])
        process.deleteLater()
        self._done()


def make_speaker(preference: str = "auto", parent: QObject | None = None, *, qt_engine: str = "",
                 espeak_program: str = ESPEAK_PROGRAM, espeak_voice: str = ESPEAK_VOICE, **policy: Any) -> Speaker:
    """The hall voice for this machine (`policy`: the `Speaker` keywords, e.g. max_age_s).

    auto: on Windows Qt TextToSpeech when it has a Chinese voice; on Linux espeak-ng when installed,
    else Qt (speechd) when it works, else silent. qt / espeak / silent force one engine (silent when
    the forced engine is not available).
    """
    if preference not in PREFERENCES:
        raise ValueError(f"unknown voice preference {preference!r}; one of {', '.join(PREFERENCES)}")
    if preference == "silent":
        return SilentSpeaker(parent, **policy)
    espeak_ok = EspeakSpeaker.available(espeak_program)
    if preference == "espeak" or (preference == "auto" and sys.platform != "win32" and espeak_ok):
        if espeak_ok:
            return EspeakSpeaker(espeak_program, parent, voice=espeak_voice, **policy)
        log.warning("%s not found: the hall voice is silent", espeak_program)
        return SilentSpeaker(parent, **policy)
    qt = _qt_speaker(qt_engine, parent, policy)
    if qt is not None and (qt.has_chinese or preference == "qt" or sys.platform != "win32"):
        return qt
    if qt is not None:
        qt.deleteLater()
    if espeak_ok:
        return EspeakSpeaker(espeak_program, parent, voice=espeak_voice, **policy)
    log.warning("no text-to-speech engine: the hall voice is silent")
    return SilentSpeaker(parent, **policy)


def _qt_speaker(engine: str, parent: QObject | None, policy: dict[str, Any]) -> QtSpeaker | None:
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return None
    if engine and engine not in QTextToSpeech.availableEngines():
        log.warning("text-to-speech engine %r not available (have: %s)", engine, QTextToSpeech.availableEngines())
        return None
    if not QTextToSpeech.availableEngines():
        return None
    speaker = QtSpeaker(engine, parent, **policy)
    if not speaker.usable:
        log.warning("text-to-speech engine %s is not usable: %s", speaker.tts.engine(), speaker.tts.errorString())
        speaker.deleteLater()
        return None
    return speaker
