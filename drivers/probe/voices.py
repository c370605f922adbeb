"""Text-to-speech engines a command line can use: espeak-ng's Chinese voices, speech-dispatcher."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

# espeak-ng's `cmn` reads tone digits in English (upstream bug): the pinyin voice is the one to use.
CHINESE_VOICE = "cmn-latn-pinyin"


def espeak_voices(timeout: float = 5.0) -> list[str]:
    """espeak-ng's Mandarin voices (language codes, as `-v` takes them); empty when espeak-ng is not installed."""
    exe = shutil.which("espeak-ng")
    if exe is None:
        return []
    try:
        out = subprocess.run([exe, "--voices=cmn"], capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.SubprocessError):
        return []
    names = [line.split()[1] for line in out.stdout.splitlines()[1:] if len(line.split()) > 1]
    return sorted(set(names))


def speech_dispatcher() -> bool:
    return shutil.which("spd-say") is not None


def synthesize(text: str, voice: str = CHINESE_VOICE, timeout: float = 10.0) -> int:
    """Speak `text` into a WAV file with espeak-ng and return its size in bytes (0: nothing came out).
    Writing a file proves the engine works without a sound card (the hall display has one)."""
    exe = shutil.which("espeak-ng")
    if exe is None:
        return 0
    with tempfile.TemporaryDirectory(prefix="hallapp-voice-") as tmp:
        wav = Path(tmp) / "sample.wav"
        try:
            subprocess.run([exe, "-v", voice, "-w", str(wav), text], capture_output=True, timeout=timeout, check=False)
        except (OSError, subprocess.SubprocessError):
            return 0
        return wav.stat().st_size if wav.is_file() else 0
