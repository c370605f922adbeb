"""The README's "First minutes for a hall", run line by line as a technician types it.

The lines between `<!-- first-minutes -->` and `<!-- /first-minutes -->` are read from README.md and each
runs as its own process of the `hallapp` console script installed in this venv. Only what must differ on
a test machine is replaced: the passwords, the database (a throwaway PostgreSQL; or no database line, for
a one-PC SQLite hall), the platform (the simulator on loopback), the reader's port (the SAM simulator on
a pty), the ticket printer (an ESC/POS printer on loopback) and the USB stick. The install line is not
run here: tests/integration/test_installed_wheel.py and test_bundle.py install the wheel and the .deb.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from drivers.idcard.sample import load_cards
from drivers.idcard.simulator import ReaderSimulator
from tests.support.requirements import need
from tests.support.tcp_capture import STATUS_OK, TcpCapture

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform == "win32", reason="the reader simulator needs a POSIX pty")]

README = Path(__file__).resolve().parents[2] / "README.md"
HALLAPP = Path(sys.executable).with_name("hallapp")  # the console script `pip install` put in this venv
MARKERS = ("<!-- first-minutes -->", "<!-- /first-minutes -->")
ENV_WORD = re.compile(r"^([A-Z][A-Z0-9_]*)=(.*)$")
SECRETS = {"HALLAPP_ADMIN_PASSWORD": "Kaishi-2026x", "HALLAPP_STAFF_PASSWORD": "Chuangkou-01",
           "HALLAPP_KEYS_PASSPHRASE": "usb-stick-2026"}
# The README's placeholders, each replaced by what this machine has instead.
README_DB_URL = "postgresql+psycopg://hall:secret@db-host/hall"
README_PLATFORM = "https://tb.example.gov.cn/v1"
README_READER = "/dev/ttyUSB0"
README_PRINTER = "usb://0416:5011"
README_STICK = "/media/usb/hall-keys.json"


@dataclass(frozen=True)
class Step:
    line: str  # as written in the README
    env: dict[str, str]
    args: list[str]  # after `hallapp`


def readme_lines() -> list[str]:
    """The commands between the markers, one per line (a trailing backslash continues a line)."""
    text = README.read_text(encoding="utf-8")
    start, end = (text.index(marker) for marker in MARKERS)
    block = text[start + len(MARKERS[0]):end].strip()
    assert block.startswith("```bash\n") and block.endswith("\n```"), "the commands form one ```bash block"
    joined = block.removeprefix("```bash\n").removesuffix("\n```").replace("\\\n", " ")
    return [line.strip() for line in joined.splitlines() if line.strip() and not line.strip().startswith("#")]


def parse(line: str) -> Step:
    words = shlex.split(line, comments=True)
    env = {}
    while words and ENV_WORD.match(words[0]):
        name, value = ENV_WORD.match(words.pop(0)).groups()  # type: ignore[union-attr]
        env[name] = value
    assert words and words[0] == "hallapp", f"each README line after the install is one hallapp command: {line!r}"
    return Step(line, env, words[1:])


def test_the_first_line_installs_and_every_other_line_is_one_hallapp_command() -> None:
    first, *rest = readme_lines()
    assert first.split("#")[0].split()[:3] in (["sudo", "apt", "install"], ["pip", "install", "hallapp-0.1.0-py3-none-any.whl"])
    steps = [parse(line) for line in rest]
    for step in steps:  # a password given to a command comes from the environment, never from argv
        assert set(step.env) <= set(SECRETS), step.line
        assert not any("password" in word and not word.endswith("-file") for word in step.args), step.line
    said = [" ".join(step.args[:2]) for step in steps]
    for needed in ("setup --hall-name", "counters add", "config set", "platform register", "devices test"):
        assert needed in said, f"the first minutes must include `hallapp {needed}`"


@dataclass
class Hall:
    """Everything the README's placeholders stand for, on this machine."""

    home: Path
    replace: dict[str, str]
    printer: TcpCapture
    reader: ReaderSimulator
    platform_url: str
    shared: bool
    used: set[str] = field(default_factory=set)

    def command(self, step: Step) -> tuple[list[str], dict[str, str]]:
        args = []
        for word in step.args:
            if word in self.replace:
                self.used.add(word)
            args.append(self.replace.get(word, word))
        assert all(value == "..." for value in step.env.values()), f"a real password in the README: {step.line}"
        base = {k: v for k, v in os.environ.items() if not k.startswith("HALLAPP_")}
        env = {**base, "HALLAPP_HOME": str(self.home), **{name: SECRETS[name] for name in step.env}}
        return [str(HALLAPP), *args], env


@pytest.fixture
def platform(tmp_path: Path) -> Iterator[str]:
    from hallapp.simulator import server as simulator

    server = simulator.serve(0, data_dir=tmp_path / "platform")
    yield server.url
    server.close()


@pytest.fixture(params=["postgresql", "sqlite"])
def hall(request: pytest.FixtureRequest, tmp_path: Path, platform: str) -> Iterator[Hall]:
    need(HALLAPP.is_file(), f"the hallapp console script in {HALLAPP.parent} (pip install -e .)")
    shared = request.param == "postgresql"
    replace = {README_PLATFORM: platform, README_STICK: str(tmp_path / "usb" / "hall-keys.json")}
    if shared:
        replace[README_DB_URL] = request.getfixturevalue("postgres_cluster").create_database("first_minutes")
    (tmp_path / "usb").mkdir()
    with TcpCapture(status=STATUS_OK) as printer, ReaderSimulator(load_cards()) as reader:
        reader.place(0)
        replace |= {README_PRINTER: printer.uri, README_READER: reader.port}
        yield Hall(tmp_path / "home", replace, printer, reader, platform, shared)


def _sees(hall: Hall) -> dict[str, Callable[[str], bool]]:
    """What the technician reads after each step, by the step's first words."""
    return {
        "db upgrade": lambda out: out.startswith("database is up to date"),
        "setup --hall-name": lambda out: "JJ510104" in out and "3 counters" in out,
        "counters add": lambda out: "counters 4–5 added" in out,
        "keys export": lambda out: "written to" in out and Path(hall.replace[README_STICK]).is_file(),
        "platform register": lambda out: out.startswith("platform: hall key") and hall.platform_url in out,
        "devices test card-reader": lambda out: out.startswith("card-reader: works"),
        "devices test ticket-printer": lambda out: out.startswith("ticket-printer: works"),
        "devices test platform": lambda out: out.startswith("platform: works"),
        "catalog search": lambda out: out.splitlines()[0].split("\t")[:2] == ["社会保障卡申领", "002011004000"],
        "config set platform.url": lambda out: ("hall's database" in out) is hall.shared,
    }


def _matching(checks: dict[str, Callable[[str], bool]], args: list[str]) -> list[str]:
    said = " ".join(args)
    return [prefix for prefix in checks if said == prefix or said.startswith(prefix + " ")]


@pytest.mark.timeout(300)  # some 17 processes, 2-4 s each on a busy 2-core machine
def test_the_readme_first_minutes_set_up_a_working_hall(hall: Hall) -> None:
    steps = [parse(line) for line in readme_lines()[1:]]
    if not hall.shared:  # a one-PC hall: SQLite in the home, no database line
        steps = [step for step in steps if step.args[:3] != ["config", "set", "database.url"]]
    checks, seen = _sees(hall), set()
    for step in steps:
        argv, env = hall.command(step)
        result = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=hall.home.parent, timeout=180)
        assert result.returncode == 0, f"{step.line}\nexit {result.returncode}\n{result.stdout}\n{result.stderr}"
        for prefix in _matching(checks, step.args):
            assert checks[prefix](result.stdout), f"{step.line}\n{result.stdout}\n{result.stderr}"
            seen.add(prefix)
        assert not any(secret in result.stdout + result.stderr for secret in SECRETS.values()), step.line
    assert seen == set(checks), f"README steps missing: {sorted(set(checks) - seen)}"
    expected = set(hall.replace) - (set() if hall.shared else {README_DB_URL})
    assert hall.used == expected, f"README placeholders not found any more: {sorted(expected - hall.used)}"
    _the_hall_is_as_the_readme_says(hall)


def _the_hall_is_as_the_readme_says(hall: Hall) -> None:
    """After the script: the counters, the clerk and the devices a clerk will use are there."""
    printed = b"".join(bytes(c.data) for c in hall.printer.connections)
    assert b"\x1dV" in printed  # the ticket printer's test slip came out, cut
    assert hall.reader.reads >= 1  # the card on the reader was read
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("HALLAPP_")}, "HALLAPP_HOME": str(hall.home)}
    counters = subprocess.run([str(HALLAPP), "counters", "list"], capture_output=True, text=True, env=env,
                              timeout=120)
    assert counters.stdout.splitlines()[-1].split("\t") == ["5", "5号窗口", "B,D"], counters.stdout
    listing = subprocess.run([str(HALLAPP), "devices", "list", "--json"], capture_output=True, text=True, env=env,
                             timeout=120)
    rows = {row["role"]: row for row in json.loads(listing.stdout)}
    assert rows["ticket-printer"]["address"] == hall.printer.uri
    assert rows["card-reader"]["address"].split("@")[0] == hall.reader.port  # "PORT@115200"
