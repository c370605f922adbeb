"""The Devices page and its Configure dialog in Chinese: a passed test says only the worded cause and
its details, stand-in addresses and found devices read in Chinese, while `hallapp devices` keeps English."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from hallapp.config import Settings, set_value
from hallapp.devices import detect
from hallapp.devices.roles import ROLES
from tests.support.tcp_capture import STATUS_OK, TcpCapture
from tests.ui.clerk_keys import wait_until
from ui import i18n
from ui.device_causes import address_text, found_label
from ui.pages.devices import DevicesPage

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    i18n.install("zh_CN")
    yield
    i18n.install("en")


@pytest.fixture
def page(ctx, qtbot, chinese) -> Iterator[DevicesPage]:
    widget = DevicesPage(ctx)
    widget.resize(1200, 768)
    widget.show()
    qtbot.waitExposed(widget)
    wait_until(qtbot, lambda: widget.table.item(0, 2) is not None, what="the device rows")
    yield widget
    widget.close()
    widget.deleteLater()


def _address(page: DevicesPage, role: str) -> str:
    return page.table.item(ROLES.index(role), 2).text()


def test_a_passed_printer_test_reads_only_in_chinese(ctx, qtbot, page) -> None:
    with TcpCapture(STATUS_OK) as printer:
        set_value(ctx.home.settings_file, "ticket_printer.uri", printer.uri)
        page.refresh()
        wait_until(qtbot, lambda: _address(page, "ticket-printer") == printer.uri, what="the address shown")
        page.test("ticket-printer")
        wait_until(qtbot, lambda: "ticket-printer" not in page.running, timeout=20_000, what="the printer test")
    text = page.result_text("ticket-printer")
    assert text.startswith("✔ 设备工作正常。"), text
    assert len(text.splitlines()) == 2, text  # the cause, then the details (a test slip was printed)
    assert not LATIN_WORD.search(text), text


def test_stand_in_addresses_are_worded(ctx, qtbot, page) -> None:
    assert _address(page, "card-reader") == "模拟器"  # the demo's simulated reader
    assert _address(page, "receipt-printer") == address_text("system_printer", "")
    assert not LATIN_WORD.search(_address(page, "receipt-printer"))


def test_found_devices_are_worded_but_the_cli_keeps_english(chinese) -> None:
    unset = detect._platform_link(Settings())[0]
    assert unset.label == "platform.url is not set"  # what `hallapp devices detect` prints
    assert "platform.url" in found_label(unset.label_code, unset.params, unset.label)
    assert not LATIN_WORD.search(found_label(unset.label_code, unset.params, unset.label).replace("platform.url", ""))
    for item in detect._not_probed():
        assert not LATIN_WORD.search(found_label(item.label_code, item.params, item.label))
    assert found_label("sam_reader", {"baud": "9600"}, "SAM ID card reader (9600 baud)").count("9600") == 1
    assert found_label("", {}, "FUJITSU fi-7160") == "FUJITSU fi-7160"  # a model name is data
