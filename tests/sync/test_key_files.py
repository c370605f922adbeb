"""The home's keys/ folder as the document says: the folder 0700, every file in it 0600 (the public
key included), and a home made before that is corrected the next time its keys are used."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from hallapp.sending import engine
from hallapp.sync import crypto
from hallapp.sync.options import SyncOptions
from tests.sync.helpers import make_cases, register


def _modes(folder: Path) -> dict[str, int]:
    return {p.name: stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir()}


def test_every_key_file_is_0600_in_a_0700_folder(synced_app: Any) -> None:
    make_cases(synced_app, 1, materials=1, size=2_000)  # the material store's key lives there too
    folder = synced_app.home.keys_dir
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    modes = _modes(folder)
    assert {crypto.PRIVATE_FILE, crypto.PUBLIC_FILE, crypto.PLATFORM_FILE} <= set(modes)
    assert modes == dict.fromkeys(modes, 0o600)


def test_a_public_key_left_0644_by_an_older_version_is_made_0600(synced_app: Any, sim: Any) -> None:
    folder = synced_app.home.keys_dir
    os.chmod(folder / crypto.PUBLIC_FILE, 0o644)
    os.chmod(folder, 0o755)
    engine.SyncEngine(synced_app, options=SyncOptions(probe_tries=1, timeout_s=5, run_timeout_s=30)).run_once()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert _modes(folder)[crypto.PUBLIC_FILE] == 0o600
    os.chmod(folder / crypto.PUBLIC_FILE, 0o644)
    register(synced_app, sim.url)  # registering again (idempotent) corrects it too
    assert _modes(folder)[crypto.PUBLIC_FILE] == 0o600
