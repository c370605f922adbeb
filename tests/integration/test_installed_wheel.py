"""hallapp installed the way a hall installs it: the wheel, in a fresh venv outside the checkout.

The wheel is built from a copy of the checkout's files (so no build/ lands in the tree) and installed
into a new venv in a temporary folder; the installed `hallapp` script then runs from another
temporary folder with its own HALLAPP_HOME. The third-party packages (PySide6 and the rest) come
from this interpreter's site-packages through a .pth line, so nothing is downloaded. The editable
install of this checkout does not leak in: its finder is started by a .pth file, and a folder named
in a .pth line has its own .pth files ignored. The test checks that every module of ours and every
data file is loaded from the fresh venv.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

import hallapp
from tests.support.children import kill, spawn
from tests.support.requirements import need

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
OUR_PACKAGES = ("hallapp", "ui", "drivers", "hallapp_resources")
# Shipped sources that are not read at run time.
NOT_SHIPPED = ("resources/translations/*.ts",)


@dataclass(frozen=True)
class Venv:
    root: Path
    python: Path
    site_packages: Path

    @property
    def hallapp(self) -> Path:
        return self.python.with_name("hallapp")


def _copy_checkout(dest: Path) -> Path:
    """The files a clone of this checkout has (tracked and new, not ignored), copied to ``dest``."""
    need(shutil.which("git") is not None, "git")
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the work tree is not there any more
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    return dest


def _pip(*args: str) -> None:
    result = subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", *args],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"pip {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"


def _fresh_venv(root: Path) -> Venv:
    """A venv without pip whose third-party packages are this interpreter's (one .pth line)."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root)], check=True, timeout=60)
    python = root / ("Scripts" if os.name == "nt" else "bin") / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               capture_output=True, text=True, check=True).stdout.strip())
    ours = dict.fromkeys([sysconfig.get_path("purelib"), sysconfig.get_path("platlib")])
    (site / "zz-third-party-from-main-venv.pth").write_text("".join(f"{p}\n" for p in ours), encoding="utf-8")
    return Venv(root, python, site)


def _env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a hall PC: no PYTHONPATH to the checkout, no test settings."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("HALLAPP_") and k not in ("PYTHONPATH", "PYTHONHOME")}
    return {**env, "HALLAPP_HOME": str(home), "PYTHONNOUSERSITE": "1", "QT_QPA_PLATFORM": "offscreen", **extra}


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _copy_checkout(tmp_path_factory.mktemp("source"))


@pytest.fixture(scope="module")
def wheel(source: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    _pip("wheel", "--no-deps", "--wheel-dir", str(out), str(source))
    (built,) = out.glob("hallapp-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Venv:
    venv = _fresh_venv(tmp_path_factory.mktemp("venv") / "hall")
    _pip("--python", str(venv.python), "install", "--no-deps", "--no-index", str(wheel))
    return venv


@dataclass(frozen=True)
class Hall:
    """Runs the installed script as a hall PC does: cwd and HALLAPP_HOME in temporary folders."""

    venv: Venv
    work: Path
    home: Path

    def __call__(self, *args: str, program: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(program or self.venv.hallapp), *args], cwd=self.work, env=_env(self.home, **env),
                              capture_output=True, text=True, timeout=120)


@pytest.fixture
def hall(installed: Venv, tmp_path: Path) -> Hall:
    (tmp_path / "work").mkdir()
    return Hall(installed, tmp_path / "work", tmp_path / "home")


def _expected_files(source: Path) -> set[str]:
    """Every file of our packages and of resources/ (as hallapp_resources/), as wheel entries."""
    expected = set()
    for top in ("hallapp", "ui", "drivers"):
        for path in (source / top).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".md":
                expected.add(path.relative_to(source).as_posix())
    for path in (source / "resources").rglob("*"):
        relative = path.relative_to(source)
        if path.is_file() and "__pycache__" not in path.parts and not any(relative.match(p) for p in NOT_SHIPPED):
            expected.add("hallapp_resources/" + relative.relative_to("resources").as_posix())
    return expected


def test_the_wheel_holds_every_module_and_data_file(wheel: Path, source: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = sorted(_expected_files(source) - names)
    assert not missing, f"not in the wheel (list them in pyproject.toml [tool.setuptools] packages/package-data): {missing}"
    assert "hallapp_resources/translations/hallapp_zh_CN.qm" in names
    assert not [n for n in names if n.endswith(".ts") or "__pycache__" in n]


def test_installed_modules_and_data_come_from_the_fresh_venv(installed: Venv, hall: Hall) -> None:
    probe = ("import importlib, json, sys; from hallapp.resources import resource_roots; print(json.dumps({"
             "'files': {p: importlib.import_module(p).__file__ for p in sys.argv[1:]},"
             " 'roots': [str(r) for r in resource_roots()]}))")
    result = hall("-c", probe, *OUR_PACKAGES, program=installed.python)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    for package, file in found["files"].items():
        assert Path(file).is_relative_to(installed.site_packages), f"{package} imported from {file}"
    assert found["roots"] == [str(installed.site_packages / "hallapp_resources")]


def _start_simulator(installed: Venv, folder: Path) -> subprocess.Popen[str]:
    """`hallapp platform-sim` from the installed script; it prints its address once it listens.
    Its request log goes to a file: an undrained pipe would stop it once full."""
    with (folder / "sim.log").open("w") as log:
        return spawn([str(installed.hallapp), "platform-sim", "--port", "0", "--data-dir", str(folder / "platform")],
                     stdout=subprocess.PIPE, stderr=log, text=True, env=_env(folder / "sim-home"))


def test_a_hall_uses_the_installed_program(installed: Venv, hall: Hall, tmp_path: Path) -> None:
    need(shutil.which("pdftotext") is not None, "poppler-utils (pdftotext)")
    sim = _start_simulator(installed, tmp_path)  # starts while the first commands run
    try:
        version = hall("--version")
        assert version.returncode == 0 and version.stdout.strip() == f"hallapp {hallapp.__version__}"

        search = hall("--demo", "catalog", "search", "sbk")  # a new home: the starter catalog comes from the package
        assert search.returncode == 0, search.stderr
        assert search.stdout.splitlines()[0].split("\t")[:2] == ["社会保障卡申领", "002011004000"]

        seeded = hall("--demo", "demo", "seed-cases", "3")
        assert seeded.returncode == 0, seeded.stderr
        numbers = seeded.stdout.split()
        assert len(numbers) == 3

        rendered = hall("--demo", "case", "render", numbers[0], "--doc", "receipt", "--out", "receipt.pdf")
        assert rendered.returncode == 0, rendered.stderr
        text = subprocess.run(["pdftotext", str(hall.work / "receipt.pdf"), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "受理回执" in text and numbers[0] in text

        line = sim.stdout.readline()
        assert line.startswith("platform simulator on http://127.0.0.1:"), line + (tmp_path / "sim.log").read_text()
        url = line.split(" on ", 1)[1].strip()
        registered = hall("--demo", "platform", "register", HALLAPP_PLATFORM_URL=url)
        assert registered.returncode == 0, registered.stderr
        synced = hall("--demo", "sync", "--once", HALLAPP_PLATFORM_URL=url)
        assert synced.returncode == 0, synced.stderr
        assert synced.stdout.startswith("sync: sent, 3 confirmed, 0 retrying, 0 need attention"), synced.stdout
    finally:
        kill(sim)


def test_a_technician_sets_up_a_real_hall_with_the_installed_program(hall: Hall) -> None:
    """The README's first minutes for a real hall, from the installed script: set up, add a counter and a
    clerk, find an item. The password comes from the environment, never from argv."""
    setup = hall("setup", "--hall-name", "锦江区政务服务中心", "--hall-code", "JJ510104", "--region", "510104",
                 "--counters", "2", "--admin", "admin", HALLAPP_ADMIN_PASSWORD="s3cret-admin")
    assert setup.returncode == 0, setup.stderr
    more = hall("counters", "add", "1")
    assert more.returncode == 0, more.stderr
    counters = hall("counters", "list")
    assert [line.split()[0] for line in counters.stdout.splitlines() if line.strip()][:3] == ["1", "2", "3"], counters.stdout
    clerk = hall("staff", "add", "wang", "--name", "王芳", "--role", "clerk", HALLAPP_STAFF_PASSWORD="s3cret-clerk")
    assert clerk.returncode == 0, clerk.stderr
    assert "wang" in hall("staff", "list").stdout
    search = hall("catalog", "search", "sbk")  # a real hall: no --demo
    assert search.returncode == 0, search.stderr
    assert search.stdout.splitlines()[0].split("\t")[0] == "社会保障卡申领"


def _a_finished_translation() -> tuple[str, str, str]:
    """(context, English source, Chinese) of the first plain finished message of the .ts file that
    reads differently in Chinese."""
    for context in ET.parse(ROOT / "resources" / "translations" / "hallapp_zh_CN.ts").getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if (message.get("numerus") != "yes" and message.find("comment") is None and translation is not None
                    and translation.get("type") is None and translation.text
                    and translation.text != message.findtext("source")):
                return context.findtext("name", ""), message.findtext("source", ""), translation.text
    raise AssertionError("no finished translation in hallapp_zh_CN.ts")


QT_PROBE = """
import json, os, sys
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from ui import i18n, style
app = QApplication([])
i18n.install("zh_CN")
style.apply(app, 12)
shipped = app.styleSheet()
os.environ["HALLAPP_RESOURCES"] = sys.argv[3]
style.apply(app, 12)
print(json.dumps({"translated": QCoreApplication.translate(sys.argv[1], sys.argv[2]), "shipped": shipped,
                  "override": app.styleSheet()}))
"""


def test_translation_and_stylesheet_load_from_the_installed_package(installed: Venv, hall: Hall, tmp_path: Path) -> None:
    context, english, chinese = _a_finished_translation()
    override = tmp_path / "override"
    (override / "styles").mkdir(parents=True)
    (override / "styles" / "hallapp.qss").write_text("QWidget { color: #123456; }\n", encoding="utf-8")
    result = hall("-c", QT_PROBE, context, english, str(override), program=installed.python)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["translated"] == chinese  # the window speaks Chinese
    qss = installed.site_packages / "hallapp_resources" / "styles" / "hallapp.qss"
    assert found["shipped"] == qss.read_text(encoding="utf-8") and found["shipped"].strip()
    assert found["override"] == "QWidget { color: #123456; }\n"  # HALLAPP_RESOURCES still wins


def test_an_editable_install_finds_the_resources_folder(source: Path, tmp_path: Path) -> None:
    venv = _fresh_venv(tmp_path / "dev")
    _pip("--python", str(venv.python), "install", "--no-deps", "-e", str(source))
    probe = "import hallapp.resources as r; print(r.packaged_root()); print(r.resource_path('catalog', 'starter.yaml'))"
    result = subprocess.run([str(venv.python), "-c", probe], cwd=tmp_path, env=_env(tmp_path / "home"),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [str(source / "resources"), str(source / "resources" / "catalog" / "starter.yaml")]
