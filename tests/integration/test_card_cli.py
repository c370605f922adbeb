"""`hallapp card read|decode|pcsc` as a technician runs them: real processes, a private home each.

`card read` talks to an in-process `ReaderSimulator` over a real pty (one simulator for the module);
`card decode` reads answer frames and text blocks built here; `card pcsc` reads a virtual social
security card through a private pcscd (tests.support.pcscd). The expected JSON is built here from
the card objects of sample_cards.json with the contract's own rules (ISO dates, 长期, labels, check
character, sha256 of the photo bytes served), not with hallapp's code.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import struct
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from drivers.idcard.frames import encode_response
from drivers.idcard.layouts import CardText, encode_text
from drivers.idcard.sample import FINGERPRINT_SIZE, fake_fingerprint, fake_photo, load_cards
from drivers.idcard.simulator import ReaderSimulator
from tests.support.pcscd import SOCKET_ENV, PrivatePcscd, running_pcscd
from tests.support.vpcd_card import CardHolder, VirtualSscCard

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the reader simulator needs a POSIX pty")

ROOT = Path(__file__).resolve().parents[2]
HALLAPP = [sys.executable, "-m", "ui.launcher"]
CARDS = load_cards()
CARD_IDS = [f"{i}-{card['card_type']}" for i, card in enumerate(CARDS)]
ONE_CARD_PER_TYPE = sorted({card["card_type"]: i for i, card in reversed(list(enumerate(CARDS)))}.values())

# -- the contract, written out independently of hallapp ---------------------------------------

SEX = {"1": "男", "2": "女"}
NATION = {"01": "汉族", "03": "回族", "05": "维吾尔族", "11": "满族"}
PROVINCE = {"11": "北京", "41": "河南", "42": "湖北", "51": "四川", "81": "香港"}
LONG_TERM = "长期"
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")

COMMON_KEYS = {
    "card_type", "name", "sex_code", "sex", "birth_date", "issuer", "valid_from", "valid_to", "expired", "photo_wlt_sha256",
}
KEYS = {
    "resident": COMMON_KEYS | {"nation_code", "nation", "address", "id_number", "id_number_valid", "home_province"},
    "hmt_residence_permit": COMMON_KEYS
    | {"address", "id_number", "id_number_valid", "home_province", "permit_number", "issue_count"},
    "foreign_permanent_resident": COMMON_KEYS | {"name_en", "card_number", "nationality"},
}
# What the issue singles out, checked on top of the field-for-field comparison.
SPECIAL = {
    "陈思雨": {"id_number": "51010419900307004X", "id_number_valid": True},  # check character X
    "马桂芳": {"valid_to": LONG_TERM, "expired": False},
    "刘建国": {"valid_to": "2020-01-01", "expired": True},
}
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def check_char(first17: str) -> str:
    """GB 11643 check character of the first 17 digits."""
    return "10X98765432"[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def iso(card_date: str) -> str:
    return card_date if card_date == LONG_TERM else f"{card_date[:4]}-{card_date[4:6]}-{card_date[6:]}"


def expected_json(card: dict[str, Any], photo: bytes, today: date) -> dict[str, Any]:
    """The JSON object the contract asks for, for a card object of sample_cards.json."""
    out: dict[str, Any] = {
        "card_type": card["card_type"],
        "name": card["name"],
        "sex_code": card["sex_code"],
        "sex": SEX[card["sex_code"]],
        "birth_date": iso(card["birth"]),
        "issuer": card.get("issuer", "") or card.get("authority_code", ""),  # foreign cards: authority code
        "valid_from": iso(card["valid_from"]),
        "valid_to": iso(card["valid_to"]),
        "expired": card["valid_to"] != LONG_TERM and date.fromisoformat(iso(card["valid_to"])) < today,
        "photo_wlt_sha256": hashlib.sha256(photo).hexdigest() if photo else "",
    }
    if card["card_type"] == "foreign_permanent_resident":
        out.update(name_en=card["name_en"], card_number=card["card_number"], nationality=card["nationality"])
        return out
    number = card["id_number"]
    out.update(
        address=card["address"],
        id_number=number,
        id_number_valid=check_char(number[:17]) == number[17],
        home_province=PROVINCE[number[:2]],
    )
    if card["card_type"] == "resident":
        out.update(nation_code=card["nation_code"], nation=NATION[card["nation_code"]])
    else:
        out.update(permit_number=card["permit_number"], issue_count=card["issue_count"])
    return out


# -- running the command ----------------------------------------------------------------------


def start(home: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    full_env = {**os.environ, "HALLAPP_HOME": str(home), **(env or {})}
    return subprocess.Popen(
        [*HALLAPP, *args], cwd=ROOT, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, encoding="utf-8"
    )


def finish(process: subprocess.Popen[str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        pytest.fail(f"hallapp did not finish within {timeout} s; stderr: {err!r}")
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def hallapp(home: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return finish(start(home, *args, env=env))


def hallapp_all(home: Path, *commands: tuple[str, ...]) -> list[subprocess.CompletedProcess[str]]:
    """Several commands side by side (each process start costs about half a second)."""
    return [finish(p) for p in [start(home, *command) for command in commands]]


def json_output(result: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    """Exit 0, nothing on stderr, exactly one JSON object on one line of stdout."""
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.endswith("\n") and result.stdout.count("\n") == 1, result.stdout
    value = json.loads(result.stdout)
    assert isinstance(value, dict)
    return value


def error_line(result: subprocess.CompletedProcess[str], code: int = 1) -> str:
    """Exit `code`, nothing on stdout, one plain line on stderr (no traceback); that line."""
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.endswith("\n") and result.stderr.count("\n") == 1, result.stderr
    line = result.stderr.rstrip("\n")
    assert line.startswith("hallapp: ") and len(line) > len("hallapp: ")
    return line


# -- files a technician saves: answers to 30 01 / 30 10 and bare text blocks -----------------


def text_block(card: dict[str, Any]) -> bytes:
    return encode_text(CardText(**{k: v for k, v in card.items() if k != "photo_seed"}))


def read_answer(card: dict[str, Any], fingerprint: bool) -> bytes:
    """The whole answer frame a reader sends to `30 01` (or `30 10` with the fingerprint)."""
    text, photo = text_block(card), fake_photo(card["photo_seed"])
    if fingerprint:
        data = struct.pack(">HHH", len(text), len(photo), FINGERPRINT_SIZE) + text + photo
        data += fake_fingerprint(card["photo_seed"])
    else:
        data = struct.pack(">HH", len(text), len(photo)) + text + photo
    return encode_response(0x90, data)


# -- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def simulator() -> Iterator[ReaderSimulator]:
    with ReaderSimulator(CARDS) as sim:  # photos: fake_photo(photo_seed) of each card
        yield sim


@pytest.fixture
def reader(simulator: ReaderSimulator) -> Iterator[ReaderSimulator]:
    """The module's simulator, empty and without a fault at the start and at the end of a test."""
    simulator.fault = None
    simulator.remove()
    yield simulator
    simulator.fault = None
    simulator.remove()


# -- card read --------------------------------------------------------------------------------


def test_sample_cards_cover_the_contract() -> None:
    types = {card["card_type"] for card in CARDS}
    assert types == set(KEYS)
    names = {card["name"] for card in CARDS}
    assert set(SPECIAL) <= names
    today = date.today()
    for card in CARDS:
        expected = expected_json(card, b"", today)
        assert expected.items() >= SPECIAL.get(card["name"], {}).items(), card["name"]


@pytest.mark.parametrize("index", range(len(CARDS)), ids=CARD_IDS)
def test_card_read_agrees_with_the_card_field_for_field(home: Path, reader: ReaderSimulator, index: int) -> None:
    card = CARDS[index]
    reader.place(index)
    reads = reader.reads

    got = json_output(hallapp(home, "card", "read", "--port", reader.port, "--timeout", "5"))

    assert set(got) == KEYS[card["card_type"]]
    assert got == expected_json(card, fake_photo(card["photo_seed"]), date.today())
    assert got.items() >= SPECIAL.get(card["name"], {}).items()
    assert reader.reads == reads + 1  # read once
    log = home / "logs" / "hallapp.log"
    text = log.read_text(encoding="utf-8") if log.exists() else ""
    for secret in (card["name"], card.get("id_number"), card.get("card_number")):
        assert not secret or secret not in text, "personal data in the log"


def test_card_read_waits_for_a_card_placed_later(home: Path, reader: ReaderSimulator) -> None:
    finds = reader.finds
    process = start(home, "card", "read", "--port", reader.port, "--baud", "115200", "--timeout", "8")
    deadline = time.monotonic() + 10
    while reader.finds < finds + 2 and time.monotonic() < deadline:  # it is polling the empty reader
        time.sleep(0.02)
    assert reader.finds >= finds + 2 and process.poll() is None
    card = CARDS[4]
    reader.place(4)
    got = json_output(finish(process))
    assert got == expected_json(card, fake_photo(card["photo_seed"]), date.today())


def test_card_read_without_a_card_gives_up_after_the_timeout(home: Path, reader: ReaderSimulator) -> None:
    started = time.monotonic()
    result = hallapp(home, "card", "read", "--port", reader.port, "--timeout", "1")
    elapsed = time.monotonic() - started
    line = error_line(result)
    assert "No ID card was placed on the reader within 1 s" in line
    assert 1.0 <= elapsed < 10, elapsed


def test_card_read_failure_reports_the_status_code(home: Path, reader: ReaderSimulator) -> None:
    reader.place(0)
    reader.fault = "read_failure"
    line = error_line(hallapp(home, "card", "read", "--port", reader.port, "--timeout", "2"))
    assert "0x41" in line
    assert CARDS[0]["name"] not in line and CARDS[0]["id_number"] not in line


def test_card_read_on_a_missing_port(home: Path, tmp_path: Path) -> None:
    port = str(tmp_path / "ttyUSB9")
    line = error_line(hallapp(home, "card", "read", "--port", port, "--timeout", "1"))
    assert f"The ID card reader on {port} is not connected" in line


# -- card decode ------------------------------------------------------------------------------


@pytest.mark.parametrize("index", ONE_CARD_PER_TYPE, ids=[CARD_IDS[i] for i in ONE_CARD_PER_TYPE])
def test_card_decode_gives_the_json_of_card_read(home: Path, tmp_path: Path, index: int) -> None:
    """The whole answer to 30 01, the one to 30 10 (with fingerprint) and the bare text block give
    the JSON `card read` gives for the card (the expected object of the test above); the bare
    block has no photo."""
    card = CARDS[index]
    files = {
        "30-01.bin": read_answer(card, fingerprint=False),
        "30-10.bin": read_answer(card, fingerprint=True),
        "text.bin": text_block(card),
    }
    for name, raw in files.items():
        (tmp_path / name).write_bytes(raw)
    assert len(files["text.bin"]) == 256

    results = hallapp_all(home, *[("card", "decode", str(tmp_path / name)) for name in files])
    answer, answer_fp, bare = (json_output(r) for r in results)

    expected = expected_json(card, fake_photo(card["photo_seed"]), date.today())
    assert answer == expected
    assert answer_fp == expected
    assert bare == {**expected, "photo_wlt_sha256": ""}


def test_card_decode_refuses_garbage_with_one_line(home: Path, tmp_path: Path) -> None:
    frame = read_answer(CARDS[0], fingerprint=False)
    garbage = {
        "noise.bin": b"not a card, just some bytes\n" * 12,
        "empty.bin": b"",
        "bad-checksum.bin": frame[:-1] + bytes([frame[-1] ^ 0x5A]),
        "unknown-type.bin": text_block(CARDS[0])[:248] + "Z".encode("utf-16-le") + text_block(CARDS[0])[250:],
        "failed-read.bin": encode_response(0x41),
    }
    for name, raw in garbage.items():
        (tmp_path / name).write_bytes(raw)
    results = hallapp_all(home, *[("card", "decode", str(tmp_path / name)) for name in garbage])
    lines = {name: error_line(result, code=2) for name, result in zip(garbage, results, strict=True)}  # the file is wrong
    assert "0x41" in lines["failed-read.bin"]
    assert not CJK.search("".join(lines.values())), lines  # the command line speaks English
    assert "neither a reader's answer" in lines["noise.bin"] and "unknown type mark 'Z'" in lines["unknown-type.bin"]
    assert CARDS[0]["id_number"] not in "".join(lines.values())


def test_card_decode_of_a_missing_file_is_a_user_error(home: Path, tmp_path: Path) -> None:
    missing = tmp_path / "answer.bin"
    line = error_line(hallapp(home, "card", "decode", str(missing)), code=2)
    assert str(missing) in line


def test_card_decode_of_a_folder_is_one_line(home: Path, tmp_path: Path) -> None:
    """A FILE that cannot be read: one line, no traceback (the exit code is not in the contract)."""
    result = hallapp(home, "card", "decode", str(tmp_path))
    assert result.returncode in (1, 2)
    error_line(result, code=result.returncode)


def test_card_decode_with_an_unusable_home_is_one_line(tmp_path: Path) -> None:
    """Card commands touch no database and need no home: a technician runs them on any machine."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_bytes(b"")
    answer = tmp_path / "30-01.bin"
    answer.write_bytes(read_answer(CARDS[0], fingerprint=False))
    result = hallapp(blocker / "home", "card", "decode", str(answer))
    assert "Traceback" not in result.stderr
    assert result.returncode == 0 or result.stderr.count("\n") == 1, result.stderr


# -- card pcsc --------------------------------------------------------------------------------

HOLDER = CardHolder(
    name="阿依古丽·买买提",
    social_security_number="65010219880229158X",
    card_number="E12345678",
    sex_code="2",
    nation_code="05",
    birthplace="650102",
    birth_date="19880229",
)
CARD_WAIT = 5.0  # s; pcscd polls the virtual reader about every 0.4 s


@pytest.fixture(scope="module")
def pcscd() -> Iterator[PrivatePcscd]:
    yield from running_pcscd()


@pytest.fixture
def pcsc_env(pcscd: PrivatePcscd) -> Iterator[dict[str, str]]:
    """The environment of a `card pcsc` process: our pcscd, and no card in its reader."""
    from drivers.idcard.pcsc import PcscService

    pcscd.start()
    with PcscService() as watcher:
        assert watcher.wait_for_removal(pcscd.reader_name, CARD_WAIT), "a card is still in the reader"
    yield {SOCKET_ENV: str(pcscd.socket_path)}
    with PcscService() as watcher:
        assert watcher.wait_for_removal(pcscd.reader_name, CARD_WAIT), "the card is still seen after removal"


def test_card_pcsc_reads_the_holder(home: Path, pcscd: PrivatePcscd, pcsc_env: dict[str, str]) -> None:
    assert check_char(HOLDER.social_security_number[:17]) == "X"
    with VirtualSscCard(HOLDER, port=pcscd.vpcd_port):
        result = hallapp(home, "card", "pcsc", "--reader", pcscd.reader_name, "--timeout", str(CARD_WAIT), env=pcsc_env)
    got = json_output(result)
    assert got["name"] == "阿依古丽·买买提"
    assert got["social_security_number"] == "65010219880229158X"
    assert got["id_number_valid"] is True
    assert got["birth_date"] == "1988-02-29"
    assert (got["sex_code"], got["sex"]) == ("2", "女")
    assert (got["nation_code"], got["nation"]) == ("05", "维吾尔族")
    assert got["card_number"] == "E12345678"
    assert got["reader"] == pcscd.reader_name


def test_card_pcsc_without_a_card_or_reader_is_one_line(home: Path, pcscd: PrivatePcscd, pcsc_env: dict[str, str]) -> None:
    no_card = start(home, "card", "pcsc", "--timeout", "1", env=pcsc_env)
    no_reader = start(home, "card", "pcsc", "--reader", "No Such Reader 00 00", "--timeout", "1", env=pcsc_env)
    assert "No card in the reader" in error_line(finish(no_card))
    assert "No Such Reader 00 00 is not connected" in error_line(finish(no_reader))
