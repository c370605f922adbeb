"""Test support cleans up after a test run that dies: children die with it, clusters are reaped.

Each test starts an "owner" interpreter that plays the test run, lets it start a child or a
PostgreSQL cluster, then SIGKILLs it (no atexit, no finally) and looks at what is left.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from .children import alive, spawn, wait_gone
from .postgres import ThrowawayPostgres, reap_stale_clusters
from .requirements import find_pg_bin, need

ROOT = Path(__file__).resolve().parents[2]
SLEEPER = [sys.executable, "-c", "import time; time.sleep(120)"]

OWNER_OF_A_CHILD = """
import subprocess, sys, time
from tests.support.children import spawn
tied = spawn({sleeper!r})
plain = subprocess.Popen({sleeper!r})
print(tied.pid, plain.pid, flush=True)
time.sleep(120)
"""

OWNER_OF_A_CLUSTER = """
import json, time
from tests.support.postgres import ThrowawayPostgres
pg = ThrowawayPostgres().start()
postmaster = int((pg.data_dir / "postmaster.pid").read_text().splitlines()[0])
print(json.dumps({"port": pg.port, "base": str(pg.base_dir), "postmaster": postmaster, "watchdog": pg.watchdog_pid}), flush=True)
time.sleep(120)
"""


def _owner(code: str) -> tuple[subprocess.Popen[str], str]:
    """Start an owner process and return it with the first line it prints."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    owner = spawn([sys.executable, "-c", code], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    assert owner.stdout is not None
    line = owner.stdout.readline()
    assert line, f"the owner process failed to start (exit {owner.wait(10)})"
    return owner, line


def _sigkill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(10)
    if process.stdout is not None:
        process.stdout.close()


def _port_open(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(1.0)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _need_postgres() -> None:
    need(find_pg_bin("initdb") is not None and find_pg_bin("pg_ctl") is not None, "PostgreSQL (initdb, pg_ctl)")


def _assert_cluster_gone(cluster: dict[str, Any], within: float = 10.0) -> None:
    assert wait_gone(cluster["postmaster"], within), "the postmaster is still running"
    assert not _port_open(cluster["port"])
    deadline = time.monotonic() + within
    while Path(cluster["base"]).exists() and time.monotonic() < deadline:
        time.sleep(0.05)  # the watchdog removes the folder once the server has gone
    assert not Path(cluster["base"]).exists(), "the cluster's folder is still there"


def test_a_spawned_child_dies_when_the_test_process_is_killed() -> None:
    need(sys.platform.startswith("linux"), "Linux (parent-death signal)")
    owner, line = _owner(OWNER_OF_A_CHILD.format(sleeper=SLEEPER))
    tied, plain = (int(pid) for pid in line.split())
    try:
        _sigkill(owner)
        assert wait_gone(tied, 10.0), "a child started with spawn() outlived the killed test process"
        assert alive(plain), "control: a plain Popen child survives its parent (so the check above means something)"
    finally:
        if alive(plain):
            os.kill(plain, signal.SIGKILL)


def test_a_cluster_is_stopped_and_deleted_when_its_owner_is_killed() -> None:
    _need_postgres()
    owner, line = _owner(OWNER_OF_A_CLUSTER)
    cluster = json.loads(line)
    assert _port_open(cluster["port"]) and alive(cluster["postmaster"])
    _sigkill(owner)
    _assert_cluster_gone(cluster)
    assert wait_gone(cluster["watchdog"], 5.0)


def test_a_cluster_whose_watchdog_died_too_is_reaped_at_the_next_start() -> None:
    _need_postgres()
    owner, line = _owner(OWNER_OF_A_CLUSTER)
    cluster = json.loads(line)
    os.kill(cluster["watchdog"], signal.SIGKILL)  # both layers of the dead run are gone...
    assert wait_gone(cluster["watchdog"], 5.0)
    _sigkill(owner)
    try:
        assert _port_open(cluster["port"]), "control: without its watchdog the cluster outlives its owner"
        assert Path(cluster["base"]) in reap_stale_clusters()  # ...what ThrowawayPostgres.start() runs first
        _assert_cluster_gone(cluster)
    finally:
        if alive(cluster["postmaster"]):
            os.kill(cluster["postmaster"], signal.SIGKILL)


def test_a_live_runs_cluster_is_never_reaped() -> None:
    _need_postgres()
    with ThrowawayPostgres() as pg:
        assert pg.base_dir is not None and pg.port is not None
        assert pg.base_dir not in reap_stale_clusters()
        assert _port_open(pg.port)
        watchdog = pg.watchdog_pid
        assert watchdog is not None and alive(watchdog)
    assert wait_gone(watchdog, 5.0), "the watchdog outlived a normal stop()"
