"""The PyInstaller one-folder bundle, the .deb made from it and the Windows installer script, as a
hall gets them: built once per run (scripts/build_bundle.sh, scripts/build_deb.sh), then run as
programs with their own HALLAPP_HOME from a folder outside the checkout.

PyInstaller is a build tool that .ci/run installs into .venv; without it the bundle tests skip on a
laptop and fail under CI=true. HALLAPP_TEST_BUNDLE=DIR/hallapp reuses a bundle built before.
The real `dpkg -i` / `dpkg --purge` changes the machine (/opt, /usr/bin, a system user): it runs as
root under CI=true, or with HALLAPP_TEST_DPKG=1; elsewhere it skips and the package's contents are
still checked with dpkg-deb.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import hallapp
from tests.support.children import kill, spawn
from tests.support.requirements import in_ci, need

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]  # the first test builds the bundle (1-3 min)

ROOT = Path(__file__).resolve().parents[2]
INSTALLED = Path("/usr/bin/hallapp")


def _run(argv: list[str], timeout: int = 600, **env: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=timeout,
                            env={**os.environ, **env})
    assert result.returncode == 0, f"{' '.join(argv)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    prebuilt = os.environ.get("HALLAPP_TEST_BUNDLE")
    if prebuilt:
        return Path(prebuilt)
    need(importlib.util.find_spec("PyInstaller") is not None,
         "PyInstaller in this venv (pip install 'pyinstaller==6.22.*'; .ci/run installs it)")
    dist = tmp_path_factory.mktemp("dist")
    _run(["bash", "scripts/build_bundle.sh", str(dist)], PYTHON=sys.executable,
         PYI_WORKPATH=str(tmp_path_factory.mktemp("pyi-work")))
    return dist / "hallapp"


@dataclass(frozen=True)
class Hall:
    """Runs a hallapp program as a hall PC does: cwd and HALLAPP_HOME in temporary folders."""

    program: Path
    work: Path
    home: Path

    def __call__(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        clean = {k: v for k, v in os.environ.items()
                 if not k.startswith("HALLAPP_") and k not in ("PYTHONPATH", "PYTHONHOME")}
        return subprocess.run([str(self.program), *args], cwd=self.work, capture_output=True, text=True, timeout=120,
                              env={**clean, "HALLAPP_HOME": str(self.home), "QT_QPA_PLATFORM": "offscreen", **env})


def _hall(program: Path, folder: Path) -> Hall:
    (folder / "work").mkdir(parents=True, exist_ok=True)
    return Hall(program, folder / "work", folder / "home")


def smoke(hall: Hall) -> None:
    """What a technician checks after installing: version, the catalog, a receipt, the window."""
    version = hall("--version")
    assert version.returncode == 0 and version.stdout.strip() == f"hallapp {hallapp.__version__}", version.stderr

    search = hall("--demo", "catalog", "search", "sbk")  # a new home: the starter catalog is in the bundle
    assert search.returncode == 0, search.stderr
    assert search.stdout.splitlines()[0].split("\t")[:2] == ["社会保障卡申领", "002011004000"]

    seeded = hall("--demo", "demo", "seed-cases", "1")
    assert seeded.returncode == 0, seeded.stderr
    (number,) = seeded.stdout.split()
    rendered = hall("--demo", "case", "render", number, "--doc", "receipt", "--out", "receipt.pdf")
    assert rendered.returncode == 0, rendered.stderr
    text = subprocess.run(["pdftotext", str(hall.work / "receipt.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "受理回执" in text and number in text

    window = hall("--demo", HALLAPP_EXIT_AFTER_PAINT="1")
    assert window.returncode == 0, window.stderr[-2000:]
    assert "painted" in window.stdout


def test_the_bundle_works_as_a_hall_uses_it(bundle: Path, tmp_path: Path) -> None:
    need(shutil.which("pdftotext") is not None, "poppler-utils (pdftotext)")
    smoke(_hall(bundle / "hallapp", tmp_path))


def _command_names() -> list[str]:
    """NAME of every module in hallapp/commands/, read from the source (found by pkgutil at run time)."""
    names = []
    for path in sorted((ROOT / "hallapp" / "commands").glob("[!_]*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "NAME" for t in node.targets):
                names.append(ast.literal_eval(node.value))
    return names


def test_the_bundle_has_every_command_and_leaves_system_parts_to_the_system(bundle: Path, tmp_path: Path) -> None:
    usage = _hall(bundle / "hallapp", tmp_path)("--help")
    assert usage.returncode == 0, usage.stderr
    listed = set(re.findall(r"^ {4}([a-z][\w-]*)", usage.stdout, re.MULTILINE))  # argparse's command list
    assert {"catalog", "case", "sync"} <= listed, usage.stdout
    missing = [name for name in _command_names() if name not in listed]
    assert not missing, f"commands of hallapp/commands/ missing from the bundle (collect_submodules in the spec): {missing}"

    internal = bundle / "_internal"
    assert list(internal.glob("PySide6/QtMultimedia*")), "the document camera needs QtMultimedia"
    for name in ("libsane.so*", "libQt6Quick.so*", "libQt6Qml.so*", "libgtk-3.so*"):
        assert not list(internal.rglob(name)), f"{name} must come from the target system, not the build machine"


def test_the_bundle_sends_cases_to_the_platform(bundle: Path, tmp_path: Path) -> None:
    """httpx, cryptography and tongsuopy (the hall's signature) work frozen: sync --once end to end."""
    hall = _hall(bundle / "hallapp", tmp_path)
    assert hall("--demo", "demo", "seed-cases", "2").returncode == 0
    with (tmp_path / "sim.log").open("w") as log:
        sim = spawn([str(hall.program), "platform-sim", "--port", "0", "--data-dir", str(tmp_path / "platform")],
                    stdout=subprocess.PIPE, stderr=log, text=True, env={**os.environ, "HALLAPP_HOME": str(tmp_path / "sim")})
    try:
        line = sim.stdout.readline()
        assert line.startswith("platform simulator on http://127.0.0.1:"), line + (tmp_path / "sim.log").read_text()
        url = line.split(" on ", 1)[1].strip()
        registered = hall("--demo", "platform", "register", HALLAPP_PLATFORM_URL=url)
        assert registered.returncode == 0, registered.stderr
        synced = hall("--demo", "sync", "--once", HALLAPP_PLATFORM_URL=url)
        assert synced.returncode == 0, synced.stderr
        assert synced.stdout.startswith("sync: sent, 2 confirmed, 0 retrying, 0 need attention"), synced.stdout
    finally:
        kill(sim)


def test_the_bundled_window_sends_from_its_own_sync_process(bundle: Path, tmp_path: Path, monkeypatch) -> None:
    """The child the window starts (ui/sync_runner.py `child_command`, frozen): the demo's platform in
    it, the seeded cases confirmed, and it ends as soon as the window closes its stdin."""
    import json
    from types import SimpleNamespace

    from ui.sync_runner import child_command

    hall = _hall(bundle / "hallapp", tmp_path)
    assert hall("--demo", "demo", "seed-cases", "2").returncode == 0
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(hall.program))
    argv = child_command(SimpleNamespace(home=SimpleNamespace(root=hall.home), demo=True))
    assert argv[0] == str(hall.program) and "--for-window" in argv
    clean = {k: v for k, v in os.environ.items() if not k.startswith("HALLAPP_") and k not in ("PYTHONPATH", "PYTHONHOME")}
    child = spawn(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                  cwd=hall.work, env={**clean, "HALLAPP_HOME": str(hall.home)})
    try:
        events, confirmed = [], 0
        for line in child.stdout:
            events.append(json.loads(line))
            confirmed += events[-1].get("confirmed", 0) if events[-1]["type"] == "run" else 0
            if confirmed >= 2:
                break
        kinds = [e["type"] for e in events]
        assert kinds[0] == "platform" and "link" in kinds and confirmed == 2, events
        child.stdin.close()
        assert child.wait(timeout=15) == 0
    finally:
        kill(child)


# --- the .deb -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def deb(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    need(shutil.which("dpkg-deb") is not None, "dpkg-deb")
    out = tmp_path_factory.mktemp("deb")
    _run(["bash", "scripts/build_deb.sh", str(bundle), str(out)], DEB_LEVEL="1")  # fast; the release uses 6
    (built,) = out.glob("hallapp_*.deb")
    return built


def _field(deb: Path, name: str) -> str:
    return " ".join(_run(["dpkg-deb", "-f", str(deb), name]).stdout.split())


def test_the_deb_holds_program_menu_entry_devices_and_daemon(deb: Path, tmp_path: Path) -> None:
    assert _field(deb, "Package") == "hallapp" and _field(deb, "Version") == hallapp.__version__
    depends = _field(deb, "Depends")
    assert "libsane1" in depends and "fonts-wqy-microhei" in depends and "libc6 (>= " in depends

    # Every user of the PC may run what is in /opt and /usr, whatever umask built it (hallapp runs with 077).
    listing = _run(["dpkg-deb", "-c", str(deb)]).stdout.splitlines()
    program = next(line for line in listing if line.endswith("./opt/hallapp/hallapp"))
    assert program.startswith("-rwxr-xr-x"), program
    assert not [line for line in listing if line.startswith("d") and not line.startswith("drwxr-xr-x")]

    tree = tmp_path / "tree"
    _run(["dpkg-deb", "-R", str(deb), str(tree)])
    assert os.access(tree / "opt/hallapp/hallapp", os.X_OK)
    assert "exec /opt/hallapp/hallapp" in (tree / "usr/bin/hallapp").read_text()
    desktop = (tree / "usr/share/applications/hallapp.desktop").read_text(encoding="utf-8")
    assert "\nName=跨省通办窗口\n" in desktop and "\nIcon=hallapp\n" in desktop and "\nExec=hallapp\n" in desktop
    assert (tree / "usr/share/icons/hicolor/256x256/apps/hallapp.png").read_bytes()[:4] == b"\x89PNG"
    rules = (tree / "lib/udev/rules.d/70-hallapp.rules").read_text()
    assert 'SUBSYSTEM=="tty", ATTRS{idVendor}=="1a86"' in rules and 'ATTR{idVendor}=="0416"' in rules
    unit = (tree / "lib/systemd/system/hallapp-sync.service").read_text(encoding="utf-8")
    assert "\nExecStart=/opt/hallapp/hallapp sync\n" in unit and "\nUser=hallapp\n" in unit
    assert (tree / "DEBIAN/conffiles").read_text().split() == ["/etc/default/hallapp"]
    for script in ("postinst", "prerm", "postrm"):
        subprocess.run(["sh", "-n", str(tree / "DEBIAN" / script)], check=True)
        assert "rm -rf /var/lib/hallapp" not in (tree / "DEBIAN" / script).read_text()


def _installed(package: str) -> bool:
    status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True)
    return status.stdout.endswith(" installed")


def _may_install() -> None:
    if not (in_ci() or os.environ.get("HALLAPP_TEST_DPKG") == "1"):
        pytest.skip("installs into the system (/opt, /usr/bin, a user); runs under CI=true or HALLAPP_TEST_DPKG=1")
    need(os.geteuid() == 0 and shutil.which("dpkg") is not None, "root and dpkg for dpkg -i")


def _existed() -> dict[str, bool]:
    user = subprocess.run(["getent", "passwd", "hallapp"], capture_output=True).returncode == 0
    group = subprocess.run(["getent", "group", "hallapp"], capture_output=True).returncode == 0
    return {"data": Path("/var/lib/hallapp").exists(), "user": user, "group": group}


def _clean_up(before: dict[str, bool]) -> None:
    """Undo what the test added to the machine, and only that."""
    if _installed("hallapp"):
        subprocess.run(["dpkg", "--purge", "hallapp"], capture_output=True)
    if not before["data"]:
        shutil.rmtree("/var/lib/hallapp", ignore_errors=True)
    if not before["user"]:
        subprocess.run(["userdel", "hallapp"], capture_output=True)
    if not before["group"]:
        subprocess.run(["groupdel", "hallapp"], capture_output=True)


def test_the_deb_installs_runs_and_purging_keeps_the_data(deb: Path, tmp_path: Path) -> None:
    _may_install()
    need(shutil.which("pdftotext") is not None, "poppler-utils (pdftotext)")
    assert not _installed("hallapp"), "hallapp is already installed on this machine: the test would remove it"
    before = _existed()
    try:
        _run(["dpkg", "-i", str(deb)])
        hall = _hall(INSTALLED, tmp_path)
        smoke(hall)
        daemon_db = Path("/var/lib/hallapp/hallapp.sqlite3")
        _run(["runuser", "-u", "hallapp", "--", str(INSTALLED), "--home", "/var/lib/hallapp", "db", "upgrade"])
        assert daemon_db.is_file()  # the daemon's user can write its home

        _run(["dpkg", "-i", str(deb)])  # an upgrade (same version again) keeps the data
        assert daemon_db.is_file()
        _run(["dpkg", "--purge", "hallapp"])
        assert not INSTALLED.exists() and not Path("/opt/hallapp").exists()
        assert not Path("/etc/default/hallapp").exists()
        assert daemon_db.is_file(), "purging must keep the daemon's data in /var/lib/hallapp"
        assert (hall.home / "demo.sqlite3").is_file(), "purging must keep the users' homes"
    finally:
        _clean_up(before)


# --- the Windows installer ------------------------------------------------------------------------


def test_the_windows_installer_script_compiles(tmp_path: Path) -> None:
    """makensis (Debian's nsis) compiles installer/hallapp.nsi without a warning. A stand-in folder
    takes the place of the Windows bundle, which only Windows can build."""
    need(shutil.which("makensis") is not None, "makensis (Debian's nsis)")
    standin = tmp_path / "bundle"
    (standin / "_internal").mkdir(parents=True)
    for name in ("hallapp.exe", "hallappw.exe", "_internal/python311.dll"):
        (standin / name).write_bytes(b"MZ stand-in")
    setup = tmp_path / "hallapp-setup.exe"
    result = _run(["makensis", "-INPUTCHARSET", "UTF8", "-V2", f"-DBUNDLE_DIR={standin}",
                   f"-DVERSION={hallapp.__version__}", f"-DOUTFILE={setup}", "installer/hallapp.nsi"])
    assert "warning" not in result.stdout.lower(), result.stdout
    assert setup.read_bytes()[:2] == b"MZ"
