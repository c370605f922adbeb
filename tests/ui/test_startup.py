"""The start: a window on the screen before the heavy part loads, then the counter ready behind it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui.launcher import window_start_options
from ui.startup import peek_look

HEAVY = ("sqlalchemy", "pydantic", "alembic", "reportlab", "httpx", "numpy", "argon2")


def test_what_runs_before_the_first_paint_loads_nothing_heavy() -> None:
    code = ("import sys, ui.launcher, ui.app, ui.startup; "
            f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == ""


def test_the_demo_paints_a_window_first_and_is_ready_to_read_a_card_after(home: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HALLAPP_EXIT_AFTER_PAINT": "1"}
    result = subprocess.run([sys.executable, "-m", "ui.launcher", "--demo"], capture_output=True, text=True,
                            env=env, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    marks = dict(line.split() for line in result.stdout.splitlines() if line.startswith(("painted ", "ready ")))
    assert float(marks["painted"]) < float(marks["ready"])
    log = (home / "logs" / "hallapp.log").read_text(encoding="utf-8")
    assert "device card-reader: connected" in log and "start-up: ready" in log


# Loaded by the first receipt, scan or licence fetch, or by the sync after ready; never on the way to ready.
NOT_BEFORE_READY = ("reportlab", "numpy", "httpx", "hallapp.sending", "hallapp.simulator", "ui.pages.supervisor")


def test_the_counter_is_ready_before_the_papers_the_scans_and_the_sync_load(home: Path) -> None:
    code = ("import sys\n"
            "import ui.start_chain as chain\n"
            "mark = chain.bench_mark\n"
            "def marked(name):\n"
            "    mark(name)\n"
            "    if name == 'ready':\n"
            f"        print('loaded', *[m for m in {NOT_BEFORE_READY!r} if m in sys.modules], flush=True)\n"
            "chain.bench_mark = marked\n"
            "from ui.launcher import main\n"
            "sys.exit(main(['--demo']))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HALLAPP_EXIT_AFTER_PAINT": "1"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    loaded = [line for line in result.stdout.splitlines() if line.startswith("loaded")]
    assert loaded == ["loaded"], loaded


@pytest.mark.parametrize(("argv", "expected"), [
    ([], {}),
    (["--demo", "--home", "/tmp/x", "--lang=en"], {"--demo": True, "--home": "/tmp/x", "--lang": "en"}),
    (["--accept-new-database"], {"--accept-new-database": True}),
])
def test_a_plain_window_start_is_recognised(argv: list[str], expected: dict) -> None:
    assert window_start_options(argv) == expected


@pytest.mark.parametrize("argv", [["sync"], ["--demo", "kiosk"], ["--version"], ["-h"], ["--lang", "fr"], ["--home"],
                                  ["--dem"], ["--demo=1"]])
def test_anything_else_goes_to_the_full_command_line(argv: list[str]) -> None:
    assert window_start_options(argv) is None


def test_the_first_window_speaks_the_settings_language_and_size(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home.mkdir(parents=True)
    (home / "settings.toml").write_text('[ui]\nlanguage = "en"\nfont_size_pt = 18\n', encoding="utf-8")
    assert peek_look() == ("en", 18)
    monkeypatch.setenv("HALLAPP_LANGUAGE", "zh_CN")  # --lang wins, as in the settings
    assert peek_look() == ("zh_CN", 18)


def test_a_settings_file_it_cannot_read_gives_the_defaults_until_the_real_refusal(home: Path) -> None:
    home.mkdir(parents=True)
    (home / "settings.toml").write_bytes("[ui]\nlanguage = 'en' # 窗口\n".encode("gb18030"))
    assert peek_look() == ("zh_CN", 14)
