"""Every tr() string in ui/ has a finished Chinese translation, and the shipped .qm matches the .ts."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "hallapp_zh_CN.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent


def tool(name: str) -> Path:
    path = BIN / name
    if not path.exists():
        pytest.fail(f"{name} not found next to {sys.executable}")
    return path


def messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) → translation type ("unfinished", "vanished", ... or None when finished)."""
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            out[(name, message.findtext("source"))] = message.find("translation").get("type")
    return out


def test_every_ui_string_has_a_finished_translation(tmp_path: Path) -> None:
    copy = tmp_path / TS.name
    shutil.copyfile(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    run = subprocess.run([str(tool("pyside6-lupdate")), *sources, "-ts", str(copy)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stdout + run.stderr
    committed, updated = messages(TS), messages(copy)
    assert ("MainWindow", "Counter") in updated, "lupdate found no strings: did it parse ui/?"
    new = sorted(set(updated) - set(committed))
    assert not new, f"tr() strings missing from {TS.name} (run lupdate and translate): {new}"
    unfinished = sorted(k for k, kind in updated.items() if kind == "unfinished")
    assert not unfinished, f"untranslated: {unfinished}"
    vanished = sorted(k for k, kind in updated.items() if kind in ("vanished", "obsolete"))
    assert not vanished, f"{TS.name} keeps strings no longer in ui/: {vanished}"


def test_committed_qm_is_built_from_the_committed_ts(tmp_path: Path) -> None:
    built = tmp_path / QM.name
    run = subprocess.run([str(tool("pyside6-lrelease")), str(TS), "-qm", str(built)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stdout + run.stderr
    assert built.read_bytes() == QM.read_bytes(), f"{QM.name} is stale: run pyside6-lrelease on {TS.name}"
