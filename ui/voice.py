"""The hall voice: announcements spoken one after another, never over each other.

    speaker = make_speaker("auto")
    speaker.announce(call_announcement("A012", 3), repeat=2)

A `Speaker` keeps a queue of utterances; an engine speaks one at a time and tells the queue when
it is done. Engines:

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
from collections import deque
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QProcess, QTimer, Signal

log = logging.getLogger(__name__)

ESPEAK_PROGRAM = "espeak-ng"
ESPEAK_VOICE = "cmn-latn-pinyin"
PREFERENCES = ("auto", "qt", "espeak", "silent")


class Speaker(QObject):
    """A queue of utterances spoken one at a time. Engines override `_speak` and call `_done`."""

    started = Signal(str)  # an utterance begins (each repetition separately)
    finished = Signal(str)  # that utterance has ended (or failed: the queue never stalls)
    idle = Signal()  # nothing is being spoken and nothing waits

    def __init__(self, parent: QObject | None = None, *, gap_ms: int = 500) -> None:
        super().__init__(parent)
        self.gap_ms = gap_ms  # a breath between two utterances
        self._queue: deque[str] = deque()
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

    def pending(self) -> int:
        """Utterances waiting behind the current one."""
        return len(self._queue)

    def announce(self, text: str, repeat: int = 1) -> None:
        """Queue `text`, spoken `repeat` times; it starts once everything queued before it is done."""
        text = text.strip()
        if not text:
            return
        self._queue.extend([text] * max(1, repeat))
        if self._current is None and not self._gap.isActive():
            self._next()

    def clear(self) -> None:
        """Drop what waits; the utterance being spoken ends normally."""
        self._queue.clear()

    def _next(self) -> None:
        if self._current is not None:
            return
        if not self._queue:
            self.idle.emit()
            return
        self._current = self._queue.popleft()
        self.started.emit(self._current)
        try:
            self._speak(self._current)
        except Exception:  # noqa: BLE001 - a broken engine must not stop the queue
            log.exception("%s could not speak", self.name)
            self._done()

    def _done(self) -> None:
        """The engine has finished the current utterance (or given up on it)."""
        if self._current is None:
            return
        text, self._current = self._current, None
        self.finished.emit(text)
        self._gap.start(self.gap_ms if self._queue else 0)

    def _speak(self, text: str) -> None:
        raise NotImplementedError


class SilentSpeaker(Speaker):
    """Speaks nothing, but keeps the same rhythm of signals (the display flashes all the same)."""

    def _speak(self, text: str) -> None:
        QTimer.singleShot(0, self, self._done)


class QtSpeaker(Speaker):
    """Qt TextToSpeech. `engine` "" is Qt's default for the platform; "mock" in tests."""

    def __init__(self, engine: str = "", parent: QObject | None = None, *, language: str = "zh_CN",
                 gap_ms: int = 500, max_ms_per_char: int = 700) -> None:
        super().__init__(parent, gap_ms=gap_ms)
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

    def _state_changed(self, state) -> None:  # noqa: ANN001 - QTextToSpeech.State
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
                 speed: int | None = 150, wav_path: str | Path | None = None, gap_ms: int = 500) -> None:
        super().__init__(parent, gap_ms=gap_ms)
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
                 espeak_program: str = ESPEAK_PROGRAM, espeak_voice: str = ESPEAK_VOICE) -> Speaker:
    """The hall voice for this machine.

    auto: on Windows Qt TextToSpeech when it has a Chinese voice; on Linux espeak-ng when installed,
    else Qt (speechd) when it works, else silent. qt / espeak / silent force one engine (silent when
    the forced engine is not available).
    """
    if preference not in PREFERENCES:
        raise ValueError(f"unknown voice preference {preference!r}; one of {', '.join(PREFERENCES)}")
    if preference == "silent":
        return SilentSpeaker(parent)
    espeak_ok = EspeakSpeaker.available(espeak_program)
    if preference == "espeak" or (preference == "auto" and sys.platform != "win32" and espeak_ok):
        if espeak_ok:
            return EspeakSpeaker(espeak_program, parent, voice=espeak_voice)
        log.warning("%s not found: the hall voice is silent", espeak_program)
        return SilentSpeaker(parent)
    qt = _qt_speaker(qt_engine, parent)
    if qt is not None and (qt.has_chinese or preference == "qt" or sys.platform != "win32"):
        return qt
    if qt is not None:
        qt.deleteLater()
    if espeak_ok:
        return EspeakSpeaker(espeak_program, parent, voice=espeak_voice)
    log.warning("no text-to-speech engine: the hall voice is silent")
    return SilentSpeaker(parent)


def _qt_speaker(engine: str, parent: QObject | None) -> QtSpeaker | None:
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return None
    if engine and engine not in QTextToSpeech.availableEngines():
        log.warning("text-to-speech engine %r not available (have: %s)", engine, QTextToSpeech.availableEngines())
        return None
    if not QTextToSpeech.availableEngines():
        return None
    speaker = QtSpeaker(engine, parent)
    if not speaker.usable:
        log.warning("text-to-speech engine %s is not usable: %s", speaker.tts.engine(), speaker.tts.errorString())
        speaker.deleteLater()
        return None
    return speaker
