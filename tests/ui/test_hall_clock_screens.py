"""Screens show the hall's time on a PC whose own zone is UTC: the hall display's clock, the
supervisor's audit list and today's tiles (23:30 → 00:30 Beijing starts a new day), the case day
picker and the 容缺 due date's default."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hallapp.domain.clock import FixedClock, using
from hallapp.services import hall, queue
from tests.support.os_zone import os_time_zone
from ui.display.window import DisplayWindow
from ui.main_window import Page
from ui.voice import SilentSpeaker


@pytest.fixture
def beijing_evening() -> Iterator[FixedClock]:
    """The PC thinks in UTC; the hall's clock shows 2026-12-08 23:30 Beijing (15:30 UTC)."""
    clock = FixedClock.at_local(2026, 12, 8, 23, 30)
    with os_time_zone("UTC"), using(clock):
        yield clock


def test_the_hall_display_shows_beijing_time(ctx, qtbot, beijing_evening: FixedClock) -> None:
    window = DisplayWindow(ctx, hall.hall_info(ctx.db), SilentSpeaker(), poll_ms=40)
    qtbot.addWidget(window)
    window._tick_clock()
    assert window.clock_label.text() == "2026-12-08  23:30"
    beijing_evening.set_local(2026, 12, 9, 0, 30)
    window._tick_clock()
    assert window.clock_label.text() == "2026-12-09  00:30"
    window.close()


def test_the_supervisor_reads_hall_times_and_the_halls_day(ctx, open_window, qtbot,
                                                          beijing_evening: FixedClock) -> None:
    info = hall.hall_info(ctx.db)
    for _ in range(2):
        queue.issue_ticket(ctx.db, info.id, "A")
    beijing_evening.set_local(2026, 12, 9, 0, 30)  # a new day in the hall (still the 8th in UTC)
    queue.issue_ticket(ctx.db, info.id, "A")
    window = open_window("supervisor")
    page = window.pages[Page.SUPERVISOR]
    qtbot.waitUntil(lambda: page.tiles["issued"].text() == "1", timeout=10_000)
    qtbot.waitUntil(lambda: page.table.rowCount() > 0)
    assert page.table.item(0, 0).text() == "2026-12-09 00:30:00", "the login, in hall time"


def test_date_pickers_start_on_the_halls_day(ctx, open_window, qtbot, beijing_evening: FixedClock) -> None:
    from PySide6.QtCore import QDate

    from ui.dialogs.manual_identity import ManualIdentityDialog

    beijing_evening.set_local(2026, 12, 9, 0, 30)
    window = open_window("clerk1")
    cases_page = window.pages[Page.CASES]
    assert cases_page.day.date() == QDate(2026, 12, 9)
    dialog = ManualIdentityDialog("Manual entry")
    qtbot.addWidget(dialog)
    assert dialog.valid_to.date() == QDate(2036, 12, 9)
