"""What comes out of the printer: tickets sent over tcp:// to a loopback server, the bytes parsed
back (tests/support/escpos_parse.py, written from the ESC/POS reference) and checked as a person
holding the ticket would: the texts, the size of the number, the QR, the cut, the line widths."""

from __future__ import annotations

import logging
import math
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drivers.printer import TicketContent, TicketPrinter, render_ticket
from tests.support.escpos_parse import Item, Line, blocks, lines, parse, raster_image, zbar_decode
from tests.support.tcp_capture import TcpCapture

COLUMNS = {58: 32, 80: 48}
CONTENT = TicketContent(
    hall_name="某某县政务服务中心",
    number="A012",
    category_name="社保医保",
    people_ahead=3,
    issued_at="2026-11-26 09:05",
    qr_payload="https://zwfw.example.gov.cn/queue?t=A012&d=20261126",
)
LONG_HALL = "某某省某某市某某县人民政府政务服务中心跨省通办综合受理窗口第一分中心便民服务大厅东"  # 40 characters


def print_over_tcp(content: TicketContent, **options: object) -> bytes:
    """The bytes a network printer receives for one ticket."""
    with TcpCapture() as server:
        with TicketPrinter(server.uri, status_timeout=0.5, **options) as printer:  # type: ignore[arg-type]
            printer.print_ticket(content)
        return server.received()


def texts(items: list[Item]) -> list[str]:
    return [line.text for line in lines(items) if line.text]


def chinese_texts(items: list[Item]) -> list[str]:
    """Text decoded from the runs between FS & and FS . only."""
    return [item.text for item in items if item.kind == "text" and item.style.chinese]


def hall_lines(items: list[Item]) -> list[Line]:
    """The lines before the first rule: the hall name."""
    found = []
    for line in lines(items):
        if line.text.startswith("---"):
            break
        found.append(line)
    return found


@pytest.fixture(scope="module")
def tcp_ticket() -> list[Item]:
    return parse(print_over_tcp(CONTENT))


def test_every_text_of_the_ticket_reads_back_from_the_chinese_runs(tcp_ticket: list[Item]) -> None:
    chinese = chinese_texts(tcp_ticket)
    for expected in ("某某县政务服务中心", "社保医保", "前面还有 3 人", "过号请重新取号"):
        assert expected in chinese
    assert "A012" in texts(tcp_ticket)
    assert any("2026-11-26 09:05" in text for text in chinese)
    assert not any("\ufffd" in text for text in texts(tcp_ticket))


def test_the_stream_starts_with_the_status_query_then_an_initialised_printer(tcp_ticket: list[Item]) -> None:
    kinds = [item.kind for item in tcp_ticket]
    assert kinds[:5] == ["status_query"] * 4 + ["init"]
    assert [item.args["n"] for item in tcp_ticket[:4]] == [1, 2, 3, 4]


def test_the_number_is_the_largest_thing_on_the_ticket_and_still_fits(tcp_ticket: list[Item]) -> None:
    number = next(line for line in lines(tcp_ticket) if line.text == "A012")
    others = [line for line in lines(tcp_ticket) if line.text != "A012"]
    assert number.style.width >= 4 and number.style.height >= 4
    assert all(number.style.width > o.style.width and number.style.height > o.style.height for o in others)
    assert number.style.bold and number.align == 1
    assert COLUMNS[80] / 2 <= number.columns <= COLUMNS[80]


def test_the_hall_name_is_centred(tcp_ticket: list[Item]) -> None:
    assert all(line.align == 1 for line in hall_lines(tcp_ticket))


def test_native_qr_holds_the_payload(tcp_ticket: list[Item]) -> None:
    (qr,) = [item for item in tcp_ticket if item.kind == "qr"]
    assert qr.args["data"] == CONTENT.qr_payload
    assert qr.args["model"] == 2
    assert 3 <= qr.args["size"] <= 8
    assert qr.args["error_level"] in "MQH"
    assert not [item for item in tcp_ticket if item.kind == "raster"]


@pytest.mark.parametrize("width_mm", [58, 80])
def test_image_qr_fallback_scans_back_to_the_payload(width_mm: int) -> None:
    items = parse(print_over_tcp(CONTENT, width_mm=width_mm, native_qr=False))
    (raster,) = [item for item in items if item.kind == "raster"]
    assert raster.args["width"] <= {58: 384, 80: 576}[width_mm]
    row = raster.args["width_bytes"]
    assert not any(raster.args["bits"][:row * 4]) and not any(raster.args["bits"][-row * 4:]), "no quiet zone"
    assert zbar_decode(raster_image(raster)) == [CONTENT.qr_payload]
    assert not [item for item in items if item.kind in ("qr", "qr_setup")]


def test_the_paper_is_cut_after_a_feed_below_the_last_text(tcp_ticket: list[Item]) -> None:
    printed = blocks(tcp_ticket)
    last_text = max(i for i, block in enumerate(printed) if block.kind == "line" and block.line and block.line.text)
    cuts = [i for i, block in enumerate(printed) if block.kind == "cut"]
    assert len(cuts) == 1 and cuts[0] > last_text
    fed = sum(block.lines for block in printed[last_text + 1:cuts[0]] if block.kind == "feed")
    assert fed >= 3
    assert printed[cuts[0]].item is not None and printed[cuts[0]].item.args["partial"]


def test_full_cut_when_asked() -> None:
    items = parse(render_ticket(CONTENT, 80, cut="full"))
    (cut,) = [item for item in items if item.kind == "cut"]
    assert not cut.args["partial"]


@pytest.mark.parametrize("width_mm", [58, 80])
def test_no_line_is_wider_than_the_paper(width_mm: int) -> None:
    content = replace(CONTENT, hall_name=LONG_HALL, green_channel=True, people_ahead=1234,
                      extra_lines=["请留意叫号屏和语音提示 Please listen for your number", "x" * 70])
    items = parse(print_over_tcp(content, width_mm=width_mm))
    widths = [line.columns for line in lines(items)]
    assert max(widths) <= COLUMNS[width_mm]
    assert "前面还有 1234 人" in texts(items)


def test_58_and_80_mm_wrap_the_same_name_differently() -> None:
    narrow = [line.text for line in hall_lines(parse(render_ticket(replace(CONTENT, hall_name=LONG_HALL), 58)))]
    wide = [line.text for line in hall_lines(parse(render_ticket(replace(CONTENT, hall_name=LONG_HALL), 80)))]
    assert len(narrow) == math.ceil(80 / 32) and len(wide) == math.ceil(80 / 48)
    assert narrow != wide


@pytest.mark.parametrize("width_mm", [58, 80])
def test_a_hall_name_of_40_characters_wraps_without_losing_any(width_mm: int) -> None:
    items = parse(print_over_tcp(replace(CONTENT, hall_name=LONG_HALL), width_mm=width_mm))
    hall = hall_lines(items)
    assert len(hall) > 1
    assert "".join(line.text for line in hall) == LONG_HALL
    assert all(line.columns <= COLUMNS[width_mm] for line in hall)


def test_a_character_outside_gb2312_survives_in_gb18030() -> None:
    content = replace(CONTENT, hall_name="𠮷祥县政务服务中心", category_name="𬌗科门诊")
    chinese = chinese_texts(parse(print_over_tcp(content)))
    assert "𠮷祥县政务服务中心" in chinese and "𬌗科门诊" in chinese


def test_characters_the_encoding_lacks_become_question_marks_counted_in_the_log(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="drivers.printer")
    content = replace(CONTENT, hall_name="𠮷祥县政务服务中心")
    items = parse(render_ticket(content, 80, encoding="GB2312"), encoding="GB2312")
    assert "?祥县政务服务中心" in chinese_texts(items)
    assert "1 character" in caplog.text
    assert "祥县" not in caplog.text and "𠮷" not in caplog.text


def test_utf8_printers_get_utf8_without_chinese_mode() -> None:
    data = print_over_tcp(replace(CONTENT, hall_name="𠮷祥县政务服务中心"), encoding="UTF-8")
    assert b"\x1c&" not in data and b"\x1c." not in data
    found = texts(parse(data, plain_encoding="utf-8"))
    assert {"𠮷祥县政务服务中心", "社保医保", "前面还有 3 人", "过号请重新取号"} <= set(found)


def test_green_channel_is_marked_only_when_set() -> None:
    marked = parse(render_ticket(replace(CONTENT, green_channel=True), 80))
    plain = parse(render_ticket(CONTENT, 80))
    mark = [line for line in lines(marked) if "绿色通道" in line.text]
    assert len(mark) == 1 and mark[0].style.reverse and mark[0].style.width == 2
    assert not [line for line in lines(plain) if "绿色通道" in line.text]


def test_control_characters_in_the_content_cannot_send_commands() -> None:
    content = replace(CONTENT, hall_name="县政务\x1dV\x00中心\x1b@", extra_lines=["\x1d(k\x03\x001Q0"], qr_payload=None)
    items = parse(render_ticket(content, 80))
    assert [item.kind for item in items].count("cut") == 1
    assert [item.kind for item in items].count("init") == 1
    assert not [item for item in items if item.kind in ("qr", "unknown")]


def test_the_printer_receives_exactly_the_rendered_ticket_after_the_status_query() -> None:
    data = print_over_tcp(CONTENT, width_mm=58, native_qr=False)
    assert data == b"".join(b"\x10\x04" + bytes([n]) for n in (1, 2, 3, 4)) + render_ticket(CONTENT, 58, native_qr=False)


def test_a_bad_qr_payload_or_negative_count_is_refused() -> None:
    with pytest.raises(ValueError):
        render_ticket(replace(CONTENT, qr_payload="x" * 301), 80)
    with pytest.raises(ValueError):
        render_ticket(replace(CONTENT, people_ahead=-1), 80)
    with pytest.raises(ValueError):
        render_ticket(CONTENT, 76)  # type: ignore[arg-type]


hall_names = st.text(
    alphabet=st.sampled_from(list("政务服务中心跨省通办县区镇乡街道𠮷（）·、 ABCXYZabc0123-")), min_size=1, max_size=90,
).filter(lambda s: s.strip())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=hall_names, width_mm=st.sampled_from([58, 80]))
def test_any_hall_name_fits_the_paper_and_keeps_every_character(name: str, width_mm: int) -> None:
    hall = hall_lines(parse(render_ticket(replace(CONTENT, hall_name=name, qr_payload=None), width_mm)))
    assert all(line.columns <= COLUMNS[width_mm] for line in hall)
    assert "".join(line.text for line in hall).replace(" ", "") == name.replace(" ", "")
