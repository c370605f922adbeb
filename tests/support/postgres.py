"""A throwaway PostgreSQL cluster for integration tests.

Usage::

    with ThrowawayPostgres() as pg:
        url = pg.create_database("hallapp_test")  # SQLAlchemy URL (psycopg 3)

The cluster lives in a fresh temporary directory, listens on a free TCP port
on 127.0.0.1 with ``trust`` authentication, and is stopped (``-m immediate``)
and deleted on exit, also when the test fails. When running as root, the
server programs run as the ``postgres`` system user via ``runuser``; otherwise
they run as the current user. Only subprocesses are used here (no psycopg).

Nothing is left running when the test run dies, however it dies (SIGKILL, a
crash, SIGPIPE): each cluster has a watchdog process (pg_watchdog.py) that
stops and deletes it as soon as its owner has gone. As a second line, each
cluster's folder records its owner (``owner.json``), and every ``start()``
first reaps clusters whose owner is dead (``reap_stale_clusters``), in case
a watchdog was killed too. Clusters of live test runs are never touched.
"""

from __future__ import annotations

import atexit
import json
import os
import re
import shlex
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Self

from .children import start_time
from .pg_watchdog import reap
from .requirements import find_pg_bin, which_or_none

_DB_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
_BIND_ERRORS = ("could not bind", "Address already in use")
_PORT_ATTEMPTS = 3  # retries if another process grabs the chosen port first
_PREFIX = "hallapp-pg-"
_OWNER_FILE = "owner.json"
_WATCHDOG = Path(__file__).with_name("pg_watchdog.py")


def _is_root() -> bool:
    geteuid = getattr(os, "geteuid", None)  # absent on Windows
    return geteuid is not None and geteuid() == 0


def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def _clean_env() -> dict[str, str]:
    # Drop PG* variables (PGHOST, PGDATA, PGSERVICE, ...) that could redirect
    # the tools; force the C locale so server messages are predictable.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env["LC_ALL"] = "C"
    return env


def _tail(path: Path, start: int = 0, lines: int = 40) -> str:
    try:
        with open(path, "rb") as f:
            f.seek(start)
            text = f.read().decode("utf-8", "replace")
    except OSError as exc:
        return f"(no server log: {exc})"
    return "\n".join(text.splitlines()[-lines:]) or "(server log is empty)"


def _world_traversable(path: Path) -> bool:
    # Can a non-root user reach ``path``? (every ancestor needs o+x)
    for p in [path, *path.parents]:
        if not os.stat(p).st_mode & stat.S_IXOTH:
            return False
    return True


def _base_parents() -> list[Path]:
    parents = [Path(tempfile.gettempdir()), Path("/tmp")]  # see _make_base_dir
    return [p for i, p in enumerate(parents) if p.is_dir() and p not in parents[:i]]


def _owner_alive(owner: dict[str, object]) -> bool:
    pid = owner.get("pid")
    return isinstance(pid, int) and start_time(pid) == owner.get("start")


def reap_stale_clusters() -> list[Path]:
    """Stop and delete clusters left by test runs that died (owner gone). Returns their folders."""
    reaped = []
    for parent in _base_parents():
        for base in sorted(parent.glob(f"{_PREFIX}*")):
            try:
                owner = json.loads((base / _OWNER_FILE).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue  # not ours, or still being set up
            if not isinstance(owner, dict) or _owner_alive(owner):
                continue
            reap(base, [str(part) for part in owner.get("stop", [])])
            reaped.append(base)
    return reaped


class ThrowawayPostgres:
    """Context manager running a private, disposable PostgreSQL cluster."""

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        superuser: str = "postgres",
        start_timeout: int = 30,
    ) -> None:
        self.host = host
        self.superuser = superuser
        self.start_timeout = start_timeout
        self.port: int | None = None
        self.base_dir: Path | None = None
        self.databases: list[str] = []
        self._as_root = _is_root()
        self._owner_pid = os.getpid()
        self._watchdog: subprocess.Popen[bytes] | None = None
        initdb = find_pg_bin("initdb")
        # Use server tools from the same installation as initdb.
        self.bindir: Path | None = Path(initdb).parent if initdb else None

    # -- paths -------------------------------------------------------------

    @property
    def data_dir(self) -> Path:
        return self._base() / "data"

    @property
    def socket_dir(self) -> Path:
        return self._base()

    @property
    def log_path(self) -> Path:
        return self._base() / "server.log"

    @property
    def running(self) -> bool:
        return self.base_dir is not None and (self.data_dir / "postmaster.pid").exists()

    def _base(self) -> Path:
        if self.base_dir is None:
            raise RuntimeError("ThrowawayPostgres is not started")
        return self.base_dir

    # -- programs ----------------------------------------------------------

    def bin(self, name: str) -> str:
        """Absolute path of a PostgreSQL program, preferring initdb's bindir."""
        if self.bindir is not None and (self.bindir / name).is_file():
            return str(self.bindir / name)
        found = find_pg_bin(name)
        if found is None:
            raise RuntimeError(f"PostgreSQL program {name!r} not found")
        return found

    def _server_cmd(self, argv: Sequence[str]) -> list[str]:
        # initdb and pg_ctl refuse to run as root: delegate to ``postgres``.
        if not self._as_root:
            return list(argv)
        runuser = which_or_none("runuser") or next(
            (p for p in ("/usr/sbin/runuser", "/sbin/runuser") if os.path.exists(p)),
            None,
        )
        if runuser is None:
            raise RuntimeError("running as root requires 'runuser' to start PostgreSQL")
        return [runuser, "-u", "postgres", "--", *argv]

    def _run(
        self, argv: Sequence[str], *, server: bool = False, timeout: float = 60
    ) -> subprocess.CompletedProcess[str]:
        cmd = self._server_cmd(argv) if server else list(argv)
        return subprocess.run(
            cmd,
            cwd=self.base_dir,  # readable by postgres, unlike e.g. /root
            env=_clean_env(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    # -- lifecycle ---------------------------------------------------------

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def start(self) -> Self:
        """initdb + pg_ctl start. Raises RuntimeError (with log tail) on failure."""
        if self.base_dir is not None:
            raise RuntimeError("ThrowawayPostgres is already started")
        if self.bindir is None:
            raise RuntimeError(
                "PostgreSQL (initdb) not found on PATH or in /usr/lib/postgresql/*/bin"
            )
        reap_stale_clusters()
        self.base_dir = self._make_base_dir()
        atexit.register(self._atexit_stop)  # on a normal exit; the watchdog covers the others
        try:
            self._guard()
            self._initdb()
            self._start_server()
        except BaseException:
            self.stop()
            raise
        return self

    def _make_base_dir(self) -> Path:
        parent = Path(tempfile.gettempdir())
        if self._as_root and not _world_traversable(parent):
            parent = Path("/tmp")  # postgres must be able to reach the cluster
        base = Path(tempfile.mkdtemp(prefix=_PREFIX, dir=parent))
        try:
            base.chmod(0o755)
            if self._as_root:
                import pwd  # POSIX only

                try:
                    pw = pwd.getpwnam("postgres")
                except KeyError:
                    raise RuntimeError(
                        "running as root requires a 'postgres' system user to run the server"
                    ) from None
                os.chown(base, pw.pw_uid, pw.pw_gid)
        except BaseException:
            shutil.rmtree(base, ignore_errors=True)
            raise
        return base

    def _stop_argv(self) -> list[str]:
        stop = [self.bin("pg_ctl"), "-D", str(self.data_dir), "-m", "immediate", "-w", "-t", "10", "stop"]
        return self._server_cmd(stop)

    def _guard(self) -> None:
        """Record the owner, and start the watchdog that reaps the cluster when the owner has gone."""
        base = self._base()
        owner = {"pid": os.getpid(), "start": start_time(os.getpid()), "stop": self._stop_argv()}
        (base / _OWNER_FILE).write_text(json.dumps(owner), encoding="utf-8")
        spec = json.dumps({"base": str(base), "stop": owner["stop"]})
        self._watchdog = subprocess.Popen(
            [sys.executable, str(_WATCHDOG), spec],
            stdin=subprocess.PIPE,  # our end, never written: EOF tells the watchdog we have gone
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=_clean_env(),
            cwd="/",
            start_new_session=True,  # a signal to our process group must not reach it
        )

    @property
    def watchdog_pid(self) -> int | None:
        return self._watchdog.pid if self._watchdog is not None else None

    def _release_watchdog(self) -> None:
        watchdog, self._watchdog = self._watchdog, None
        if watchdog is None:
            return
        if watchdog.stdin is not None:
            watchdog.stdin.close()  # the cluster is gone already: it finds nothing to do
        try:
            watchdog.wait(15)
        except subprocess.TimeoutExpired:
            watchdog.kill()
            watchdog.wait(5)

    def _initdb(self) -> None:
        argv = [
            self.bin("initdb"),
            "-D", str(self.data_dir),
            "-U", self.superuser,
            "-A", "trust",
            "-E", "UTF8",
            "--locale=C",
            "--no-sync",
        ]  # fmt: skip
        res = self._run(argv, server=True, timeout=120)
        if res.returncode != 0:
            raise RuntimeError(
                f"initdb failed (exit {res.returncode}):\n{res.stdout}\n{res.stderr}".rstrip()
            )

    def _start_server(self) -> None:
        for attempt in range(1, _PORT_ATTEMPTS + 1):
            port = _free_port(self.host)
            opts = [
                f"-p {port}",
                f"-c listen_addresses={self.host}",
                "-c fsync=off",
                "-c full_page_writes=off",
                "-c synchronous_commit=off",
            ]
            if os.name != "nt":
                opts.append(f"-k {shlex.quote(str(self.socket_dir))}")
            log_start = self.log_path.stat().st_size if self.log_path.exists() else 0
            argv = [
                self.bin("pg_ctl"),
                "-D", str(self.data_dir),
                "-l", str(self.log_path),
                "-o", " ".join(opts),
                "-w", "-t", str(self.start_timeout),
                "start",
            ]  # fmt: skip
            res = self._run(argv, server=True, timeout=self.start_timeout + 30)
            if res.returncode == 0:
                self.port = port
                return
            log = _tail(self.log_path, log_start)
            if attempt < _PORT_ATTEMPTS and any(m in log for m in _BIND_ERRORS):
                continue  # port was taken between probing and binding
            raise RuntimeError(
                f"PostgreSQL failed to start on {self.host}:{port} "
                f"(pg_ctl exit {res.returncode}):\n{res.stdout}{res.stderr}"
                f"--- tail of {self.log_path} ---\n{log}"
            )

    def stop(self) -> None:
        """Stop the server (immediate mode) and delete its directory. Idempotent."""
        base = self.base_dir
        if base is None:
            return
        try:
            if (self.data_dir / "postmaster.pid").exists():
                self._stop_server()
        finally:
            self.base_dir = None
            self.port = None
            atexit.unregister(self._atexit_stop)
            shutil.rmtree(base, ignore_errors=True)
            if base.exists():  # e.g. a file was still being written; retry once
                time.sleep(0.2)
                shutil.rmtree(base, ignore_errors=True)
            self._release_watchdog()

    def _stop_server(self) -> None:
        pid_file = self.data_dir / "postmaster.pid"
        try:
            self._run(
                [
                    self.bin("pg_ctl"),
                    "-D",
                    str(self.data_dir),
                    "-m",
                    "immediate",
                    "-w",
                    "-t",
                    "30",
                    "stop",
                ],
                server=True,
                timeout=60,
            )
        except subprocess.TimeoutExpired:
            pass
        if not pid_file.exists():
            return
        # pg_ctl could not stop it: kill the postmaster we started ourselves.
        try:
            pid = int(pid_file.read_text().splitlines()[0])
        except (OSError, ValueError, IndexError):
            return
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.05)

    def _atexit_stop(self) -> None:
        if os.getpid() == self._owner_pid:  # not in forked children
            self.stop()

    # -- databases ---------------------------------------------------------

    def url(self, name: str) -> str:
        """SQLAlchemy URL (psycopg 3 driver) for database ``name``."""
        if self.port is None:
            raise RuntimeError("ThrowawayPostgres is not started")
        return f"postgresql+psycopg://{self.superuser}@{self.host}:{self.port}/{name}"

    def psql_args(self, name: str = "postgres") -> list[str]:
        """argv prefix for running psql against database ``name`` over TCP."""
        if self.port is None:
            raise RuntimeError("ThrowawayPostgres is not started")
        return [
            self.bin("psql"), "-X", "-v", "ON_ERROR_STOP=1",
            "-h", self.host, "-p", str(self.port), "-U", self.superuser, "-d", name,
        ]  # fmt: skip

    def create_database(self, name: str) -> str:
        """Create database ``name`` (plain identifier) and return its SQLAlchemy URL."""
        if not _DB_NAME.match(name):
            raise ValueError(
                f"invalid database name {name!r}: use [A-Za-z_][A-Za-z0-9_]*"
            )
        if self.port is None:
            raise RuntimeError("ThrowawayPostgres is not started")
        argv = [
            self.bin("createdb"),
            "-h", self.host, "-p", str(self.port), "-U", self.superuser,
            name,
        ]  # fmt: skip
        res = self._run(argv, timeout=30)
        if res.returncode != 0:
            raise RuntimeError(
                f"createdb {name} failed (exit {res.returncode}): {res.stderr.strip()}"
            )
        self.databases.append(name)
        return self.url(name)
