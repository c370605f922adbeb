"""The social security card over PC/SC, against a real pcscd with vpcd and a virtual card.

pcscd runs privately (its own /run and vpcd ports, see tests.support.pcscd); the card is
tests.support.vpcd_card, in a thread or as its own program. The last section tests the
record parsers alone, with hypothesis.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drivers.idcard import pcsc_records as records
from drivers.idcard.pcsc import (
    CardLayoutError,
    CardPresence,
    NoCardError,
    NoReaderError,
    PcscError,
    PcscService,
    RecordFormatError,
    ServiceNotRunningError,
    SscLayout,
    UnknownCard,
    WaitCancelledError,
)
from drivers.idcard.pcsc_errors import SCARD_CODES
from tests.support.pcscd import PrivatePcscd, running_pcscd
from tests.support.requirements import need
from tests.support.vpcd_card import SSC_ATR, STANDARD_RECORDS, UNKNOWN_ATR, CardHolder, VirtualSscCard

ROOT = Path(__file__).resolve().parents[2]
CARD_WAIT = 5.0  # s; pcscd polls the virtual reader about every 0.4 s


@pytest.fixture(scope="module")
def daemon() -> Iterator[PrivatePcscd]:
    yield from running_pcscd()


@pytest.fixture
def service(daemon: PrivatePcscd) -> Iterator[PcscService]:
    with PcscService() as service:
        yield service


@pytest.fixture
def insert_card(daemon: PrivatePcscd) -> Iterator[Callable[..., VirtualSscCard]]:
    """Put a virtual card in the reader; it is taken out (and seen gone) after the test."""
    cards: list[VirtualSscCard] = []

    def insert(**options: Any) -> VirtualSscCard:
        card = VirtualSscCard(port=daemon.vpcd_port, **options).start()
        cards.append(card)
        return card

    yield insert
    for card in cards:
        card.stop()
    if cards:
        daemon.start()  # a test may have left it stopped
        with PcscService() as watcher:
            assert watcher.wait_for_removal(daemon.reader_name, CARD_WAIT), "the card is still seen after removal"


# -- readers and presence ---------------------------------------------------------------------


def test_lists_the_virtual_reader(service: PcscService, daemon: PrivatePcscd) -> None:
    assert daemon.reader_name == "Virtual PCD 00 00"
    assert "Virtual PCD 00 00" in service.readers()


def test_card_program_arrival_and_removal_are_seen(service: PcscService, daemon: PrivatePcscd) -> None:
    reader = daemon.reader_name
    with pytest.raises(NoCardError, match="No card in the reader") as caught:
        service.wait_for_card(reader, timeout=0.3)
    assert caught.value.code == "pcsc.no_card"
    assert service.wait_for_removal(reader, timeout=0.3) is True  # nothing to remove

    program = subprocess.Popen(
        [sys.executable, "-m", "tests.support.vpcd_card", "--port", str(daemon.vpcd_port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        presence = service.wait_for_card(None, timeout=CARD_WAIT)
        assert presence == CardPresence(reader, SSC_ATR.hex().upper())
        assert service.wait_for_removal(reader, timeout=0.3) is False  # still in the reader
    finally:
        program.kill()  # pulling the card out
        _, errors = program.communicate(timeout=5)
    assert service.wait_for_removal(reader, timeout=CARD_WAIT) is True
    assert errors == b""


def test_unknown_reader_is_reported(service: PcscService) -> None:
    with pytest.raises(NoReaderError, match="No Such Reader 00 00 is not connected") as caught:
        service.wait_for_card("No Such Reader 00 00", timeout=0.3)
    assert caught.value.code == "pcsc.reader_missing" and caught.value.params == {"reader": "No Such Reader 00 00"}


def test_cancel_ends_a_wait(service: PcscService, daemon: PrivatePcscd) -> None:
    outcome: list[object] = []

    def wait() -> None:
        try:
            outcome.append(service.wait_for_card(daemon.reader_name, timeout=10.0))
        except PcscError as exc:
            outcome.append(exc)

    waiter = threading.Thread(target=wait)
    waiter.start()
    deadline = time.monotonic() + 3.0
    while waiter.is_alive() and time.monotonic() < deadline:
        service.cancel()
        waiter.join(0.1)
    assert outcome and isinstance(outcome[0], WaitCancelledError), outcome
    assert outcome[0].code == "pcsc.cancelled" and "cancelled" in str(outcome[0])


# -- reading the card -------------------------------------------------------------------------

HOLDER = CardHolder(
    name="阿依古丽·买买提",
    social_security_number="65010219880229002X",
    card_number="E12345678",
    sex_code="2",
    nation_code="05",
    birthplace="650102",
    birth_date="19880229",
    card_identifier=bytes.fromhex("650100D15600000500112233445566AA"),
    card_type="3",
    version="3.00",
)


def _assert_is_holder(card: records.SocialSecurityCard, holder: CardHolder) -> None:
    assert card.name == holder.name
    assert card.social_security_number == holder.social_security_number
    assert card.card_number == holder.card_number
    assert card.birth_date == holder.birth_date
    assert card.sex_code == holder.sex_code
    assert card.nation_code == holder.nation_code
    assert card.birthplace == holder.birthplace


def test_reads_the_holder_data(service: PcscService, insert_card: Callable[..., VirtualSscCard], daemon: PrivatePcscd) -> None:
    card = insert_card(holder=HOLDER)
    read = service.read_social_security_card(timeout=CARD_WAIT)
    _assert_is_holder(read, HOLDER)
    assert read.card_identifier == "650100D15600000500112233445566AA"
    assert (read.card_type, read.version) == ("3", "3.00")
    assert (read.reader, read.atr) == (daemon.reader_name, SSC_ATR.hex().upper())
    # The card speaks T=0: the FCI came through GET RESPONSE, records after a 6C resend.
    assert any(c[:2] == b"\x00\xc0" for c in card.commands)
    assert HOLDER.name not in repr(read) and HOLDER.social_security_number not in repr(read)


def test_reads_data_delivered_in_get_response_pieces(service: PcscService, insert_card: Callable[..., VirtualSscCard]) -> None:
    insert_card(holder=HOLDER, get_response_chunk=4)
    _assert_is_holder(service.read_social_security_card(timeout=CARD_WAIT), HOLDER)


def test_unknown_card_reports_its_atr(service: PcscService, insert_card: Callable[..., VirtualSscCard]) -> None:
    insert_card(unknown=True)
    with pytest.raises(UnknownCard) as caught:
        service.read_social_security_card(timeout=CARD_WAIT)
    assert caught.value.atr == UNKNOWN_ATR.hex().upper()
    assert caught.value.code == "pcsc.not_social_security_card" and caught.value.sw == 0x6A82
    assert "not a social security card (ATR 3B 8F 80 01" in str(caught.value)
    assert "6A82" in str(caught.value)


# A regional variant: social security number and name swapped, birth date one record later.
SWAPPED = {
    **STANDARD_RECORDS,
    "social_security_number": (6, 0x09),
    "name": (6, 0x08),
    "birthplace": (6, 0x0D),
    "birth_date": (6, 0x0E),
}
SWAPPED_LAYOUT = SscLayout(social_security_number=0x09, name=0x08, birthplace=0x0D, birth_date=0x0E)


def test_other_layout_is_read_when_configured(service: PcscService, insert_card: Callable[..., VirtualSscCard]) -> None:
    insert_card(holder=HOLDER, layout=SWAPPED)
    _assert_is_holder(service.read_social_security_card(timeout=CARD_WAIT, layout=SWAPPED_LAYOUT), HOLDER)


def test_wrong_layout_names_the_record(service: PcscService, insert_card: Callable[..., VirtualSscCard]) -> None:
    insert_card(holder=HOLDER, layout=SWAPPED)
    with pytest.raises(CardLayoutError) as caught:
        service.read_social_security_card(timeout=CARD_WAIT)
    assert (caught.value.sfi, caught.value.record) == (6, 0x08)
    assert caught.value.code == "pcsc.record_unexpected" and caught.value.field == "social_security_number"
    assert "Record 08 in EF06 (social_security_number)" in str(caught.value)
    assert HOLDER.name not in str(caught.value)


def test_missing_record_is_named_and_can_be_skipped(service: PcscService, insert_card: Callable[..., VirtualSscCard]) -> None:
    without_birthplace = {k: v for k, v in STANDARD_RECORDS.items() if k != "birthplace"}
    insert_card(holder=HOLDER, layout=without_birthplace)
    with pytest.raises(CardLayoutError, match=r"no record 0C in EF06 \(birthplace, SW 6A83\)") as caught:
        service.read_social_security_card(timeout=CARD_WAIT)
    assert caught.value.code == "pcsc.record_missing"
    read = service.read_social_security_card(timeout=CARD_WAIT, layout=SscLayout(birthplace=None))
    assert (read.name, read.birthplace) == (HOLDER.name, "")


# -- recovery ---------------------------------------------------------------------------------


def test_same_service_recovers_after_pcscd_restart(
    service: PcscService, insert_card: Callable[..., VirtualSscCard], daemon: PrivatePcscd
) -> None:
    insert_card(holder=HOLDER, reconnect=True)  # the card stays in the reader throughout
    assert service.read_social_security_card(timeout=CARD_WAIT).name == HOLDER.name

    daemon.stop()
    started = time.monotonic()
    with pytest.raises(ServiceNotRunningError, match="pcscd") as caught:
        service.readers()
    assert time.monotonic() - started < 2.0
    assert "SCARD_E_NO_SERVICE" in str(caught.value) or "SCARD_E_SERVICE_STOPPED" in str(caught.value)
    with pytest.raises(ServiceNotRunningError):
        service.read_social_security_card(timeout=0.3)

    daemon.start()
    assert daemon.reader_name in service.readers()
    assert service.read_social_security_card(timeout=CARD_WAIT).name == HOLDER.name


def test_waiting_for_a_card_survives_a_pcscd_restart(
    service: PcscService, insert_card: Callable[..., VirtualSscCard], daemon: PrivatePcscd
) -> None:
    outcome: list[CardPresence | PcscError] = []

    def wait() -> None:
        try:
            outcome.append(service.wait_for_card(daemon.reader_name, timeout=8.0))
        except PcscError as exc:
            outcome.append(exc)

    waiter = threading.Thread(target=wait)
    waiter.start()
    time.sleep(0.3)
    daemon.restart()
    insert_card()
    waiter.join(10)
    assert outcome and isinstance(outcome[0], CardPresence), outcome
    assert outcome[0].atr == SSC_ATR.hex().upper()


# -- record parsing (no PC/SC) ----------------------------------------------------------------

PARSERS = (
    records.parse_card_identifier,
    records.decode_code,
    records.parse_card_number,
    records.parse_social_security_number,
    records.parse_name,
    records.parse_sex,
    records.parse_nation,
    records.parse_birthplace,
    records.parse_birth_date,
    records.decode_ascii,
    records.decode_gbk,
    records.decode_digits,
)


@given(st.integers(1, 254), st.binary(max_size=300))
def test_parsers_raise_only_documented_errors(record: int, data: bytes) -> None:
    value = records.strip_record_tag(record, data)
    assert value in data
    for parse in PARSERS:
        try:
            assert isinstance(parse(value), str)
        except RecordFormatError as exc:
            assert isinstance(exc, PcscError) and str(exc)


_GBK_NAME_CHARS = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5) | st.sampled_from("·")


@given(
    st.integers(1, 254),
    st.text(_GBK_NAME_CHARS, min_size=1, max_size=15),
    st.sampled_from([b"", b"\x00" * 5, b"\xff\xff", b"  "]),
)
def test_gbk_name_survives_tag_length_and_padding(record: int, name: str, padding: bytes) -> None:
    name = name.strip("·") or "张"
    value = name.encode("gbk") + padding
    assert records.parse_name(records.strip_record_tag(record, bytes([record, len(value)]) + value)) == name


@given(st.dates(), st.booleans())
def test_birth_date_in_bcd_or_ascii(date: dt.date, bcd: bool) -> None:
    text = f"{date.year:04d}{date.month:02d}{date.day:02d}"
    raw = bytes.fromhex(text) if bcd else text.encode("ascii")
    assert records.parse_birth_date(raw) == text


def test_record_tag_is_stripped_only_when_it_fits() -> None:
    assert records.strip_record_tag(8, b"\x08\x03ABC") == b"ABC"
    assert records.strip_record_tag(8, b"\x08\x03ABC\x00\xff") == b"ABC"  # padding after the value
    assert records.strip_record_tag(8, b"\x08\x09ABC") == b"\x08\x09ABC"  # length does not fit
    assert records.strip_record_tag(9, b"\x08\x03ABC") == b"\x08\x03ABC"  # other tag: all is value


def test_field_formats() -> None:
    assert records.parse_social_security_number(b"11010519491231002x  ") == "11010519491231002X"
    assert records.parse_birthplace(bytes.fromhex("442000")) == "442000"  # BCD, not the text "D "
    assert records.parse_birthplace("北京市东城区".encode("gbk")) == "北京市东城区"
    assert records.parse_sex(b"\x02") == "2" and records.parse_nation(b"\x01") == "01"
    for parse, bad in [
        (records.parse_social_security_number, "张三".encode("gbk")),
        (records.parse_name, b"11010519491231002X"),
        (records.parse_birth_date, bytes.fromhex("19880230")),
        (records.parse_card_number, b"A1234"),
    ]:
        with pytest.raises(RecordFormatError):
            parse(bad)


def test_layout_from_settings() -> None:
    layout = SscLayout.from_mapping({"name": "0A", "sex_code": 9, "nation_code": "0x10", "birthplace": None})
    assert (layout.name, layout.sex_code, layout.nation_code, layout.birthplace) == (0x0A, 9, 0x10, None)
    assert layout.social_security_number == 0x08
    with pytest.raises(ValueError, match="nmae"):
        SscLayout.from_mapping({"nmae": 9})
    with pytest.raises(ValueError):
        SscLayout(name=0)
    with pytest.raises(ValueError, match="name cannot be skipped"):
        SscLayout.from_mapping({"name": None})


def test_error_messages_carry_the_pcsc_code() -> None:
    need(importlib.util.find_spec("smartcard") is not None, "pyscard (pip install -e .[pcsc])")
    from smartcard import scard

    for code, name in SCARD_CODES.items():
        assert getattr(scard, name) & 0xFFFFFFFF == code, name
    error = ServiceNotRunningError(scard=0x8010001D)
    assert error.code == "pcsc.service_not_running" and error.scard == 0x8010001D
    assert str(error) == ("The smart card service (pcscd) is not running: ask the technician to start it."
                          " [SCARD_E_NO_SERVICE 0x8010001D]")
