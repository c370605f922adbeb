"""The ticket kiosk: a tap on a category gives a ticket with the people ahead, the green channel is
called first, appointments check in by code or ID card, and a failed print still shows the number."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from hallapp.services import queue
from hallapp.services.hall import hall_info
from hallapp.services.queue import CounterRef, id_number_hash
from hallapp.storage.models import Appointment
from ui.kiosk.window import CHECKIN, CONFIRM, GREEN, START, KioskWindow

ID_NUMBER = "11010519491231002X"


@pytest.fixture
def hall(ctx):  # noqa: ANN001, ANN201
    return hall_info(ctx.db)


@pytest.fixture
def open_kiosk(ctx, hall, qtbot):  # noqa: ANN001, ANN201
    windows = []

    def _open(**options) -> KioskWindow:  # noqa: ANN003
        options.setdefault("confirm_s", 0.3)
        options.setdefault("refresh_s", 0.2)
        window = KioskWindow(ctx, hall, **options)
        qtbot.addWidget(window)
        window.resize(1080, 1920)
        window.show()
        qtbot.waitUntil(lambda: "A" in window.category_buttons and window.category_buttons["A"].isVisible())
        windows.append(window)
        return window

    yield _open
    for window in windows:
        window.close()


def tap(qtbot, widget) -> None:  # noqa: ANN001
    assert widget.isVisible() and widget.isEnabled(), widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _appointment(ctx, hall, code: str, letter: str, id_number: str = "") -> None:  # noqa: ANN001
    now = datetime.now(UTC)
    with ctx.db.unit_of_work(write=True) as uow:
        uow.add(Appointment(hall_id=hall.id, code=code, category=letter, slot_start=now - timedelta(minutes=5),
                            slot_end=now + timedelta(minutes=25),
                            id_number_hash=id_number_hash(hall.id, id_number) if id_number else ""))


def test_a_tap_issues_the_next_ticket_shows_it_big_and_returns_to_start(open_kiosk, qtbot) -> None:  # noqa: ANN001
    kiosk = open_kiosk()
    button = kiosk.category_buttons["A"]
    assert button.name_label.text() == "社保医保"
    assert button.height() >= 150  # a finger hits it (≥ 2 cm on a kiosk screen)

    tap(qtbot, button)
    qtbot.waitUntil(lambda: kiosk.page() == CONFIRM)
    assert kiosk.number_label.text() == "A001"
    assert kiosk.ahead_label.text() == "People ahead of you: 0"
    assert kiosk.number_label.font().pixelSize() >= 3 * kiosk.category_label.font().pixelSize()
    assert kiosk.listen_label.isVisible()
    qtbot.waitUntil(lambda: kiosk.page() == START)  # on its own, after confirm_s

    tap(qtbot, button)
    qtbot.waitUntil(lambda: kiosk.page() == CONFIRM and kiosk.number_label.text() == "A002")
    assert kiosk.ahead_label.text() == "People ahead of you: 1"
    qtbot.waitUntil(lambda: button.waiting_label.text() == "2 waiting")
    qtbot.waitUntil(lambda: kiosk.page() == START)


def test_a_double_tap_gives_one_ticket(ctx, hall, open_kiosk, qtbot) -> None:  # noqa: ANN001
    kiosk = open_kiosk()
    button = kiosk.category_buttons["B"]
    tap(qtbot, button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.page() == CONFIRM)
    assert [t.number for t in queue.waiting_list(ctx.db, hall.id, ["B"])] == ["B001"]


def test_a_green_channel_ticket_is_called_before_earlier_ones(ctx, hall, open_kiosk, qtbot) -> None:  # noqa: ANN001
    kiosk = open_kiosk()
    tap(qtbot, kiosk.category_buttons["A"])
    qtbot.waitUntil(lambda: kiosk.number_label.text() == "A001")
    tap(qtbot, kiosk.confirm_done)

    tap(qtbot, kiosk.green_button)
    assert kiosk.page() == GREEN
    assert kiosk.green_proof.isVisible()  # the kiosk cannot check age: staff will
    tap(qtbot, kiosk.green_buttons["A"])
    qtbot.waitUntil(lambda: kiosk.page() == CONFIRM)
    assert kiosk.number_label.text() == "A002"
    assert kiosk.green_badge.isVisible() and kiosk.confirm_proof.isVisible()
    assert kiosk.ahead_label.text() == "People ahead of you: 0"

    called = queue.call_next(ctx.db, CounterRef(hall.id, 1))
    assert called is not None and called.number == "A002" and called.green_channel


def test_appointment_check_in_by_code_on_the_pad(ctx, hall, open_kiosk, qtbot) -> None:  # noqa: ANN001
    _appointment(ctx, hall, "48K2", "B")
    kiosk = open_kiosk()
    tap(qtbot, kiosk.checkin_button)
    assert kiosk.page() == CHECKIN
    assert not kiosk.checkin_submit.isEnabled()

    for key in "999":
        tap(qtbot, kiosk.pad_keys[key])
    assert kiosk.code_label.text() == "999"
    tap(qtbot, kiosk.checkin_submit)
    qtbot.waitUntil(lambda: kiosk.checkin_error.isVisible())
    assert "未找到预约" in kiosk.checkin_error.text()
    assert kiosk.page() == CHECKIN

    tap(qtbot, kiosk.pad_keys["clear"])
    tap(qtbot, kiosk.pad_keys["4"])
    tap(qtbot, kiosk.pad_keys["8"])
    tap(qtbot, kiosk.to_letters)
    tap(qtbot, kiosk.pad_keys["K"])
    tap(qtbot, kiosk.to_digits)
    tap(qtbot, kiosk.pad_keys["2"])
    tap(qtbot, kiosk.pad_keys["3"])
    tap(qtbot, kiosk.pad_keys["delete"])
    assert kiosk.code_label.text() == "48K2"
    assert not kiosk.checkin_error.isVisible()
    tap(qtbot, kiosk.checkin_submit)
    qtbot.waitUntil(lambda: kiosk.page() == CONFIRM)
    assert kiosk.number_label.text() == "B001"
    assert kiosk.appointment_badge.isVisible() and not kiosk.green_badge.isVisible()


def test_appointment_check_in_by_id_card_never_shows_the_number(ctx, hall, open_kiosk, qtbot) -> None:  # noqa: ANN001
    _appointment(ctx, hall, "77", "C", id_number=ID_NUMBER)
    kiosk = open_kiosk()
    kiosk.check_in_with_id_number("110105194912310021")  # someone without an appointment
    qtbot.waitUntil(lambda: kiosk.page() == CHECKIN and kiosk.checkin_error.isVisible())
    assert "未找到预约" in kiosk.checkin_error.text()

    kiosk.check_in_with_id_number(ID_NUMBER)
    qtbot.waitUntil(lambda: kiosk.page() == CONFIRM)
    assert kiosk.number_label.text() == "C001"
    shown = " ".join(label.text() for label in kiosk.findChildren(QLabel))
    assert ID_NUMBER[:6] not in shown and ID_NUMBER[-4:] not in shown


def test_a_failed_print_says_so_and_keeps_the_number_big(ctx, hall, open_kiosk, qtbot) -> None:  # noqa: ANN001
    printed = []

    def printer(ticket) -> None:  # noqa: ANN001
        printed.append(ticket.number)
        raise OSError("paper out")

    kiosk = open_kiosk(print_ticket=printer)
    tap(qtbot, kiosk.category_buttons["D"])
    qtbot.waitUntil(lambda: kiosk.print_failed)
    assert printed == ["D001"]
    assert kiosk.page() == CONFIRM
    assert kiosk.number_label.text() == "D001" and kiosk.number_label.isVisible()
    assert kiosk.print_label.text() == "The ticket could not be printed. Please note your number."
    qtbot.waitUntil(lambda: kiosk.page() == START, timeout=5000)


def test_the_number_stays_up_while_the_ticket_prints(ctx, hall, open_kiosk, qtbot) -> None:  # noqa: ANN001
    release = threading.Event()
    started = threading.Event()

    def slow_printer(ticket) -> None:  # noqa: ANN001
        started.set()
        release.wait(10)

    kiosk = open_kiosk(print_ticket=slow_printer, confirm_s=0.05)
    tap(qtbot, kiosk.category_buttons["A"])
    qtbot.waitUntil(lambda: kiosk.page() == CONFIRM and started.is_set())
    assert kiosk.print_label.text() == "Printing your ticket…"
    qtbot.waitUntil(lambda: kiosk._print_waits >= 3)  # confirm_s has passed three times over
    assert kiosk.page() == CONFIRM and kiosk.number_label.text() == "A001"
    release.set()
    qtbot.waitUntil(lambda: kiosk.page() == START)
    assert not kiosk.print_failed
