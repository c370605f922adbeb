"""`hallapp diagnostics --out FILE.zip` after a demo day: everything support needs, no personal data.

The log is given a stray line full of a sample card's data (as a buggy version could write one):
the zip must be safe anyway."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import hallapp
from drivers.idcard.sample import SAMPLE_CARDS_PATH
from drivers.idcard.simulator import ReaderSimulator
from hallapp.domain.idnumber import check_character

HALLAPP = [sys.executable, "-m", "ui.launcher"]
CARDS = json.loads(Path(SAMPLE_CARDS_PATH).read_text(encoding="utf-8"))
PERSONAL_FIELDS = ("name", "name_en", "address", "id_number", "card_number", "permit_number")
DB_PASSWORD = "Zq7-diag-secret"


def run(home: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith("HALLAPP_")}
    return subprocess.run([*HALLAPP, *args], capture_output=True, text=True, timeout=300,
                          env={**base, "HALLAPP_HOME": str(home), **(env or {})})


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, (result.stdout, result.stderr)
    return result.stdout


def zip_texts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {name.split("/", 1)[1]: archive.read(name).decode("utf-8") for name in archive.namelist()}


def valid_id_numbers(text: str) -> list[str]:
    return [n for n in re.findall(r"\d{17}[\dX]", text) if check_character(n[:17]) == n[17]]


@pytest.fixture
def demo_day(home: Path) -> Path:
    """Three seeded cases, an ID card read at the reader, and a log line that should never have been written."""
    ok(run(home, "--demo", "demo", "seed-cases", "3"))
    if sys.platform != "win32":
        with ReaderSimulator(CARDS) as reader:
            reader.place(0)
            card = json.loads(ok(run(home, "card", "read", "--port", reader.port, "--timeout", "10")))
        assert CARDS[0]["id_number"] in json.dumps(card)  # personal data really went through this home
    stray = CARDS[1]
    with open(home / "logs" / "hallapp.log", "a", encoding="utf-8") as log:
        log.write(f"2026-12-08 15:51:00,000 INFO hallapp.bug: read {stray['name']} {stray['id_number']} "
                  f"of {stray['address']}, phone 13812345678, applicant={json.dumps(CARDS[5]['name_en'])} "
                  f'{{"card_number": "{CARDS[5]["card_number"]}", "permit_number": "{CARDS[4]["permit_number"]}"}}\n')
    return home


def test_the_zip_has_what_support_needs_and_no_personal_data(demo_day: Path, tmp_path: Path) -> None:
    out = tmp_path / "diag.zip"
    printed = ok(run(demo_day, "--demo", "diagnostics", "--out", str(out)))
    assert str(out) in printed
    texts = zip_texts(out)
    assert {"manifest.json", "versions.json", "system.json", "settings.txt", "sync.json", "log.txt"} <= set(texts)

    versions = json.loads(texts["versions.json"])
    assert versions["hallapp"] == hallapp.__version__ and versions["python"] == sys.version.split()[0]
    assert "PySide6-Essentials" in versions["packages"]
    assert "counter.number = 1" in texts["settings.txt"]
    assert json.loads(texts["sync.json"])["counts"]["queued"] == 3
    assert "hallapp.bug: read [removed]" in texts["log.txt"]  # the stray line is there, emptied
    assert len(texts["log.txt"].splitlines()) > 3
    manifest = json.loads(texts["manifest.json"])
    assert set(manifest["files"]) | {"manifest.json"} == set(texts)
    for part in ("devices", "selftest"):  # present, or said why not
        assert f"{part}.json" in texts or part in manifest["not_collected"]

    everything = "\n".join(texts.values())
    for card in CARDS:
        for field in PERSONAL_FIELDS:
            if card.get(field):
                assert card[field] not in everything, (field, card[field])
    assert "MILLER" not in everything and "13812345678" not in everything
    assert valid_id_numbers(everything) == []  # the seeded applicants' numbers too
    assert not re.search(r"[\u4e00-\u9fff]", everything)  # no Chinese name or address of anyone


def test_secrets_stay_out_and_a_dead_database_is_reported(home: Path, tmp_path: Path) -> None:
    url = f"postgresql+psycopg://hall:{DB_PASSWORD}@127.0.0.1:1/hall"  # port 1: refused at once
    ok(run(home, "config", "set", "database.url", url))
    out = tmp_path / "diag.zip"
    ok(run(home, "diagnostics", "--out", str(out)))
    texts = zip_texts(out)
    everything = "\n".join(texts.values())
    assert DB_PASSWORD not in everything
    assert "database.url = 'postgresql+psycopg://hall:***@127.0.0.1:1/hall'" in texts["settings.txt"]
    assert "sync" in json.loads(texts["manifest.json"])["not_collected"]


def test_out_inside_the_home_or_over_a_file_is_refused(home: Path, tmp_path: Path) -> None:
    ok(run(home, "config", "set", "sync.batch", "9"))
    settings = (home / "settings.toml").read_bytes()
    result = run(home, "diagnostics", "--out", str(home / "settings.toml"))
    assert result.returncode == 2 and "inside the hallapp home" in result.stderr
    assert (home / "settings.toml").read_bytes() == settings
    existing = tmp_path / "old.zip"
    existing.write_bytes(b"keep")
    result = run(home, "diagnostics", "--out", str(existing))
    assert result.returncode == 2 and "--force" in result.stderr and existing.read_bytes() == b"keep"
    result = run(home, "diagnostics", "--out", str(tmp_path / "missing" / "d.zip"))
    assert result.returncode == 2 and "does not exist" in result.stderr
