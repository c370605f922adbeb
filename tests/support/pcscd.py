"""A private pcscd with only the vpcd (virtual reader) driver, for integration tests.

Usage::

    with PrivatePcscd() as daemon:
        daemon.use_in_this_process()  # PCSCLITE_CSOCK_NAME -> our socket
        with VirtualSscCard(port=daemon.vpcd_port):
            ...

Isolation instead of sharing: pcscd's socket directory is compiled in
(/run/pcscd), so the daemon runs in a private mount namespace (``unshare``)
where /run is a fresh directory of ours and the USB driver folder is an empty
tmpfs. A pcscd already running on the machine is neither stopped nor reused,
none of its readers is grabbed, and two test runs side by side do not meet:
each has its own socket and its own vpcd ports (free ones, not 35963). The
client library finds the socket through ``PCSCLITE_CSOCK_NAME``; it reads that
variable once per process, so use one daemon (one socket path) per session
and restart it rather than making a new one.

Logs stay at pcscd's default level (errors): no APDU logging, which would
write card holders' data to the log.
"""

from __future__ import annotations

import atexit
import functools
import glob
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Self

from .children import spawn
from .requirements import need, which_or_none

PCSCD_CANDIDATES = ("/usr/sbin/pcscd", "/usr/local/sbin/pcscd")
VPCD_DRIVER_GLOBS = (
    "/usr/lib/pcsc/drivers/serial/libifdvpcd.so*",
    "/usr/lib/*/pcsc/drivers/serial/libifdvpcd.so*",
    "/usr/lib64/pcsc/drivers/serial/libifdvpcd.so*",
    "/usr/local/lib/pcsc/drivers/serial/libifdvpcd.so*",
)
VPCD_FRIENDLY_NAME = "Virtual PCD"
SOCKET_ENV = "PCSCLITE_CSOCK_NAME"

# In the namespace: /run becomes ours, the USB drivers vanish, then pcscd replaces the shell.
_LAUNCH = (
    'mount --bind "$1" /run && '
    '{ [ ! -d "$2" ] || mount -t tmpfs -o size=16k,mode=755 hallapp-test "$2"; } && '
    'exec "$3" --foreground --config "$4"'
)


def find_pcscd() -> str | None:
    for path in PCSCD_CANDIDATES:
        if os.access(path, os.X_OK):
            return path
    return which_or_none("pcscd")


def find_vpcd_driver() -> str | None:
    for pattern in VPCD_DRIVER_GLOBS:
        found = sorted(glob.glob(pattern))
        if found:
            return found[0]
    return None


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _unshare_prefix() -> list[str]:
    prefix = ["unshare", "--mount", "--propagation", "private"]
    if not _is_root():
        prefix[1:1] = ["--user", "--map-root-user"]
    return prefix


@functools.cache
def private_namespace_works() -> bool:
    """Can we mount inside a private mount namespace (root, or unprivileged user namespaces)?"""
    if which_or_none("unshare") is None:
        return False
    with tempfile.TemporaryDirectory() as tmp:
        probe = [*_unshare_prefix(), "sh", "-c", 'mount -t tmpfs probe "$1"', "sh", tmp]
        try:
            return subprocess.run(probe, capture_output=True, timeout=10).returncode == 0
        except (OSError, subprocess.SubprocessError):
            return False


@functools.cache
def usb_driver_dir(pcscd: str) -> str | None:
    """pcscd's compiled-in USB driver folder (``usbdropdir=`` in ``pcscd --version``)."""
    try:
        out = subprocess.run([pcscd, "--version"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r"usbdropdir=(\S+)", out)
    return match.group(1) if match else None


def require_pcscd_with_vpcd() -> None:
    """Skip (fail under CI=true) unless pcscd, the vpcd driver and a private namespace are usable."""
    need(find_pcscd() is not None, "pcscd (Debian package pcscd)")
    need(find_vpcd_driver() is not None, "the vpcd virtual reader driver (Debian package vsmartcard-vpcd)")
    need(private_namespace_works(), "a private mount namespace for pcscd (unshare; root or user namespaces)")


def _free_port_pair() -> int:
    """A port P with P and P+1 both free (vpcd listens on two: readers "... 00 00" and "... 00 01")."""
    for _ in range(50):
        with socket.socket() as first:
            first.bind(("127.0.0.1", 0))
            port = first.getsockname()[1]
            if port >= 65535:
                continue
            with socket.socket() as second:
                try:
                    second.bind(("127.0.0.1", port + 1))
                except OSError:
                    continue
                return int(port)
    raise RuntimeError("no two consecutive free TCP ports")


def _listening_ports() -> set[int]:
    ports: set[int] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if len(fields) > 3 and fields[3] == "0A":  # LISTEN
                ports.add(int(fields[1].rsplit(":", 1)[1], 16))
    return ports


class PrivatePcscd:
    """``pcscd -f`` serving one vpcd reader ("Virtual PCD 00 00") on a private socket."""

    def __init__(self, workdir: Path | None = None, *, vpcd_port: int | None = None) -> None:
        self._own_workdir = workdir is None
        self.workdir = Path(tempfile.mkdtemp(prefix="hallapp-pcscd-")) if workdir is None else workdir
        self.vpcd_port = vpcd_port or _free_port_pair()
        self.reader_name = f"{VPCD_FRIENDLY_NAME} 00 00"
        self.run_dir = self.workdir / "run"  # mounted on /run inside the namespace
        self.socket_path = self.run_dir / "pcscd" / "pcscd.comm"
        self.config_dir = self.workdir / "reader.conf.d"
        self.log_path = self.workdir / "pcscd.log"
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self.running and self._process else None

    def use_in_this_process(self) -> None:
        """Point this process's PC/SC client library at our socket (before its first call)."""
        os.environ[SOCKET_ENV] = str(self.socket_path)

    def _write_config(self, driver: str) -> None:
        self.config_dir.mkdir(parents=True, exist_ok=True)
        (self.config_dir / "vpcd").write_text(
            f'FRIENDLYNAME "{VPCD_FRIENDLY_NAME}"\n'
            f"DEVICENAME   /dev/null:0x{self.vpcd_port:04X}\n"
            f"LIBPATH      {driver}\n"
            f"CHANNELID    0x{self.vpcd_port:04X}\n",
            encoding="ascii",
        )

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no pcscd log)"
        return "\n".join(text.splitlines()[-lines:]) or "(pcscd log is empty)"

    def start(self, timeout: float = 5.0) -> None:
        """Start pcscd; return once its socket accepts connections and vpcd listens."""
        if self.running:
            return
        pcscd, driver = find_pcscd(), find_vpcd_driver()
        if pcscd is None or driver is None:
            raise RuntimeError("pcscd or the vpcd driver is not installed")
        # A copy of the driver: its folder is hidden together with the USB drivers.
        driver_copy = self.workdir / "driver" / "libifdvpcd.so"
        driver_copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(driver, driver_copy)
        self._write_config(str(driver_copy))
        shutil.rmtree(self.run_dir, ignore_errors=True)  # stale socket/pid of a killed daemon
        self.run_dir.mkdir(parents=True)
        usb_dir = usb_driver_dir(pcscd) or ""
        command = [*_unshare_prefix(), "sh", "-c", _LAUNCH, "sh", str(self.run_dir), usb_dir, pcscd, str(self.config_dir)]
        with open(self.log_path, "ab") as log:
            # Tied to this process: a test run that dies takes its pcscd along (unshare and sh exec, same pid).
            self._process = spawn(command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                self._process = None
                raise RuntimeError(f"pcscd exited at start:\n{self.log_tail()}")
            if self._socket_accepts() and self.vpcd_port in _listening_ports():
                return
            time.sleep(0.02)
        self.stop()
        raise RuntimeError(f"pcscd did not come up within {timeout} s:\n{self.log_tail()}")

    def _socket_accepts(self) -> bool:
        if not self.socket_path.exists():
            return False
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            try:
                probe.connect(str(self.socket_path))
            except OSError:
                return False
        return True

    def stop(self, timeout: float = 5.0) -> None:
        """SIGTERM, then SIGKILL if it does not exit in time. Idempotent."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout)

    def restart(self, timeout: float = 5.0) -> None:
        """Stop and start again: same socket path and vpcd port, new process."""
        self.stop(timeout)
        self.start(timeout)

    def close(self) -> None:
        self.stop()
        if self._own_workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


_shared: PrivatePcscd | None = None


def shared_pcscd() -> PrivatePcscd:
    """This process's test daemon, started, with this process's PC/SC client pointed at it.

    One per process because the client library reads ``PCSCLITE_CSOCK_NAME`` only once;
    its folder is removed at exit.
    """
    global _shared
    if _shared is None:
        _shared = PrivatePcscd()
        _shared.use_in_this_process()
        atexit.register(_shared.close)
    _shared.start()
    return _shared


def running_pcscd():
    """Yield this process's pcscd with the virtual reader (skip locally, fail in CI without it)."""
    import importlib.util

    need(importlib.util.find_spec("smartcard") is not None, "pyscard (pip install -e .[pcsc])")
    require_pcscd_with_vpcd()
    daemon = shared_pcscd()
    yield daemon
    daemon.stop()
