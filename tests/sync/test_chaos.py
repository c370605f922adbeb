"""Done means: 200 cases with materials reach a platform that fails 20 % of requests and drops
connections, while the sync process is SIGKILLed five times at random moments and restarted.
Afterwards every case is at the platform exactly once, every material's hash matches, no duplicates."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hallapp.services import cases
from hallapp.simulator import server as simulator
from hallapp.storage import material_store
from hallapp.sync import outbox_view
from tests.support.children import spawn
from tests.sync.helpers import make_cases, register, sha256

CASES = 200
KILLS = 5
TUNING = ["--lease-s", "1.5", "--backoff-base-s", "0.05", "--backoff-cap-s", "0.4", "--poll-s", "0.2", "--batch", "4"]


def _start(env: dict[str, str], log: Path) -> subprocess.Popen:
    """A sync process that dies with this test process (see tests/support/children.py)."""
    with open(log, "ab") as out:
        return spawn([sys.executable, "-m", "hallapp.sync", *TUNING], env=env, stdout=out, stderr=out,
                     cwd=Path(__file__).resolve().parents[2])


def _confirmed(app) -> int:
    return outbox_view.sync_status(app.db)["counts"]["confirmed"]


@pytest.mark.slow
@pytest.mark.timeout(150)
def test_chaos_every_case_exactly_once(app, tmp_path: Path) -> None:
    numbers = make_cases(app, CASES, materials=2, size=24_000, seed=2026)
    data_dir = tmp_path / "platform"
    with simulator.serve(0, data_dir=data_dir, latency_ms=4, seed=7) as sim:
        register(app, sim.url)
        sim.platform.options.fault_rate, sim.platform.options.reset_rate = 0.2, 0.1
        env = {**os.environ, "HALLAPP_HOME": str(app.home.root), "HALLAPP_PLATFORM_URL": sim.url}
        rng, log, progress = random.Random(99), tmp_path / "sync.log", []
        for _ in range(KILLS):
            proc = _start(env, log)
            time.sleep(rng.uniform(1.2, 3.0))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            progress.append(_confirmed(app))
        proc = _start(env, log)
        try:
            deadline = time.monotonic() + 75
            while _confirmed(app) < CASES and time.monotonic() < deadline:
                time.sleep(0.3)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
        stats, held = sim.stats(), sim.platform.store.cases()
    assert _confirmed(app) == CASES, (progress, outbox_view.sync_status(app.db), log.read_text()[-2000:])
    assert progress[0] < CASES, progress  # the first kill really interrupted work in flight
    assert stats["duplicates"] == 0 and stats["conflicts"] == 0 and stats["hash_mismatches"] == 0, stats
    assert stats["faults_injected"] > 0 and stats["resets_injected"] > 0, stats
    assert sorted(c["case_number"] for c in held) == sorted(numbers)  # each exactly once
    assert all(c["state"] == "committed" and all(c["materials"].values()) for c in held)
    for number in numbers:
        shown = cases.show(app.db, number)
        assert shown["state"] == "submitted"
        for m in shown["materials"]:
            if m["sha256"]:
                stored = data_dir / "materials" / "DEMO510104" / f"{m['sha256']}.pdf"
                assert sha256(stored.read_bytes()) == m["sha256"] == sha256(material_store.load(app.home, m["sha256"]))
