"""The ticket kiosk: a tap on a category gives a ticket with the people ahead, the green channel is
called first, appointments check in by code or ID card, and a failed print still shows the number."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from hallapp.services import queue
from hallapp.services.hall import hall_info
from hallapp.services.queue import CounterRef, id_number_hash
from hallapp.storage.models import Appointment
from ui.kiosk.window import CHECKIN, CONFIRM, GREEN, START, KioskWindow

ID_NUMBER = "11010519491231002X"


@pytest.fixture
def hall(ctx):
    return hall_info(ctx.db)


@pytest.fixture
def open_kiosk(ctx, hall, qtbot):
    windows = []

    def _open(**options) -> KioskWindow:
        options.setdefault("confirm_s", 0.3)
        options.setdefault("refresh_s", 0.2)
        options.setdefault("settle_s", 0)  # the tests below tap as fast as they like; see the tap-guard tests
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


def tap(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _appointment(ctx, hall, code: str, letter: str, id_number: str = "") -> None:
    now = datetime.now(UTC)
    with ctx.db.unit_of_work(write=True) as uow:
        uow.add(Appointment(hall_id=hall.id, code=code, category=letter, slot_start=now - timedelta(minutes=5),
                            slot_end=now + timedelta(minutes=25),
                            id_number_hash=id_number_hash(hall.id, id_number) if id_number else ""))


def test_a_tap_issues_the_next_ticket_shows_it_big_and_returns_to_start(open_kiosk, qtbot) -> None:
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


def test_a_double_tap_gives_one_ticket(ctx, hall, open_kiosk, qtbot) -> None:
    kiosk = open_kiosk()
    button = kiosk.category_buttons["B"]
    tap(qtbot, button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.page() == CONFIRM)
    assert [t.number for t in queue.waiting_list(ctx.db, hall.id, ["B"])] == ["B001"]


def test_a_green_channel_ticket_is_called_before_earlier_ones(ctx, hall, open_kiosk, qtbot) -> None:
    kiosk = open_kiosk()
    tap(qtbot, kiosk.category_buttons["A"])
    qtbot.waitUntil(lambda: kiosk.number_label.text() == "A001")
    tap(qtbot, kiosk.back_button)

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


def test_appointment_check_in_by_code_on_the_pad(ctx, hall, open_kiosk, qtbot) -> None:
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
    assert "No appointment has this code" in kiosk.checkin_error.text()
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


def test_appointment_check_in_by_id_card_never_shows_the_number(ctx, hall, open_kiosk, qtbot) -> None:
    _appointment(ctx, hall, "77", "C", id_number=ID_NUMBER)
    kiosk = open_kiosk()
    kiosk.check_in_with_id_number("110105194912310021")  # someone without an appointment
    qtbot.waitUntil(lambda: kiosk.page() == CHECKIN and kiosk.checkin_error.isVisible())
    assert "No appointment has this code" in kiosk.checkin_error.text()

    kiosk.check_in_with_id_number(ID_NUMBER)
    qtbot.waitUntil(lambda: kiosk.page() == CONFIRM)
    assert kiosk.number_label.text() == "C001"
    shown = " ".join(label.text() for label in kiosk.findChildren(QLabel))
    assert ID_NUMBER[:6] not in shown and ID_NUMBER[-4:] not in shown


def test_a_failed_print_says_so_and_keeps_the_number_big(ctx, hall, open_kiosk, qtbot) -> None:
    printed = []

    def printer(ticket) -> None:
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


def test_the_number_stays_up_while_the_ticket_prints(ctx, hall, open_kiosk, qtbot) -> None:
    release = threading.Event()
    started = threading.Event()

    def slow_printer(ticket) -> None:
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


def _rect_in_window(widget, window):
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _tap_at(window, point: QPoint) -> None:
    """A finger at a point of the screen: the window decides which widget gets it, as for a real tap."""
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080), (1366, 768)])
def test_the_way_back_is_never_where_a_ticket_tile_is(open_kiosk, qtbot, size) -> None:
    kiosk = open_kiosk()
    kiosk.resize(*size)
    qtbot.waitUntil(lambda: kiosk.width() == size[0])
    tiles = []
    for page, buttons in ((START, [*kiosk.category_buttons.values(), kiosk.green_button, kiosk.checkin_button]),
                          (GREEN, list(kiosk.green_buttons.values()))):
        kiosk._show(page)
        qtbot.wait(50)
        tiles += [(button.accessibleName(), _rect_in_window(button, kiosk)) for button in buttons]
    assert not kiosk.back_button.isVisible() or kiosk.page() != START
    for page in (GREEN, CHECKIN, CONFIRM):
        kiosk._show(page)
        qtbot.wait(50)
        back = _rect_in_window(kiosk.back_button, kiosk)
        assert kiosk.back_button.isVisible() and back.height() >= 96
        assert kiosk.rect().contains(back)
        overlapping = [name for name, rect in tiles if rect.intersects(back)]
        assert overlapping == [], f"{page}: the back button covers {overlapping}"


def test_a_tap_as_the_kiosk_returns_home_takes_no_ticket(ctx, hall, open_kiosk, qtbot) -> None:
    kiosk = open_kiosk(confirm_s=0.3, settle_s=0.7)
    d_tile = kiosk.category_buttons["D"]
    where = d_tile.mapTo(kiosk, d_tile.rect().center())
    _tap_at(kiosk, where)
    qtbot.waitUntil(lambda: kiosk.page() == CONFIRM and kiosk.number_label.text() == "D001")

    qtbot.waitUntil(lambda: kiosk.page() == START, timeout=3000)  # it went home on its own …
    _tap_at(kiosk, where)  # … just as the applicant tapped where the way back used to be
    qtbot.wait(400)
    assert [t.number for t in queue.waiting_list(ctx.db, hall.id, ["D"])] == ["D001"]
    assert kiosk.page() == START and kiosk.tap_guard.swallowed >= 1

    qtbot.waitUntil(lambda: not kiosk.tap_guard.armed)
    _tap_at(kiosk, where)  # a moment later the tile works again
    qtbot.waitUntil(lambda: kiosk.number_label.text() == "D002")


def test_a_tap_right_after_the_ticket_shows_changes_nothing(ctx, hall, open_kiosk, qtbot) -> None:
    kiosk = open_kiosk(confirm_s=5, settle_s=0.7)
    d_tile = kiosk.category_buttons["D"]
    tile_at = d_tile.mapTo(kiosk, d_tile.rect().center())
    _tap_at(kiosk, tile_at)
    qtbot.waitUntil(lambda: kiosk.page() == CONFIRM)
    back = kiosk.back_button
    _tap_at(kiosk, back.mapTo(kiosk, back.rect().center()))  # a double tap, or a hasty one
    _tap_at(kiosk, tile_at)
    qtbot.wait(300)
    assert kiosk.page() == CONFIRM and kiosk.number_label.text() == "D001"  # the number stays up
    assert [t.number for t in queue.waiting_list(ctx.db, hall.id, ["D"])] == ["D001"]

    qtbot.waitUntil(lambda: not kiosk.tap_guard.armed)
    _tap_at(kiosk, back.mapTo(kiosk, back.rect().center()))
    qtbot.waitUntil(lambda: kiosk.page() == START)
