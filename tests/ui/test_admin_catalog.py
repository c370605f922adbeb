"""The administrator updates the catalog and the holiday calendar from the platform by keyboard alone
(issue 14 item 4): keys go to whatever has the focus; the platform is the simulator on loopback."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hallapp.services import calendar_update, catalog_update, hall, staff
from tests.sync.helpers import post_json, register
from tests.ui.clerk_keys import press, wait_until

SBK = "002011004000"
CTRL, CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier, (Qt.KeyboardModifier.ControlModifier
                                                       | Qt.KeyboardModifier.ShiftModifier)


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[Any]:
    from hallapp.simulator import server as simulator

    server = simulator.serve(0, data_dir=tmp_path / "platform")
    yield server
    server.close()


@pytest.fixture
def admin_page(ctx: Any, sim: Any, qtbot: Any) -> Iterator[Any]:
    from ui.pages.admin import AdminPage

    register(ctx, sim.url)
    session = staff.login(ctx.db, "admin", hall.DEMO_PASSWORD, ctx.settings.security)
    page = AdminPage(ctx.db, session, ctx=ctx)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    wait_until(qtbot, lambda: QApplication.activeWindow() is page, what="the admin page to be active")
    yield page
    page.close()
    page.deleteLater()


def _rows(table: Any) -> list[tuple[str, ...]]:
    return [tuple(table.item(r, c).text() for c in range(table.columnCount())) for r in range(table.rowCount())]


def _publish_catalog(sim: Any) -> str:
    items = {item["code"]: item for item in sim.platform.catalog.catalog()["items"]}
    sbk = copy.deepcopy(items[SBK])
    sbk["promised_days"] = 5
    gone = next(code for code in items if code != SBK)
    post_json(sim.url + "_sim/catalog", {"upsert": [sbk], "withdraw": [gone], "version": "2026.12-2"})
    return gone


def test_fetch_shows_the_version_and_changes_and_enter_applies(admin_page: Any, ctx: Any, sim: Any,
                                                               qtbot: Any) -> None:
    panel = admin_page.catalog_update
    gone = _publish_catalog(sim)
    press(Qt.Key.Key_U, CTRL)
    wait_until(qtbot, lambda: QApplication.focusWidget() is panel.apply_button, what="Apply to take the focus")
    assert "2026.12-2" in panel.version.text() and "0 new, 1 changed, 1 withdrawn" in panel.version.text()
    rows = _rows(panel.table)
    assert rows[0][:2] == ("~", SBK) and "promised_days" in rows[0][2]
    assert rows[1][:2] == ("-", gone)
    assert catalog_update.current_version(ctx.db) is None  # shown, not applied

    press(Qt.Key.Key_Return)
    wait_until(qtbot, lambda: catalog_update.current_version(ctx.db) == "2026.12-2", what="the catalog applied")
    wait_until(qtbot, lambda: "applied" in panel.message.text(), what="the page to say so")
    assert not panel.apply_button.isEnabled()
    press(Qt.Key.Key_U, CTRL)  # again: nothing left to apply
    wait_until(qtbot, lambda: "Already applied" in panel.message.text(), what="the second fetch")
    assert not panel.apply_button.isEnabled()


def test_a_platform_that_is_away_is_said_and_nothing_is_offered(admin_page: Any, ctx: Any, sim: Any,
                                                                qtbot: Any) -> None:
    panel = admin_page.catalog_update
    sim.close()
    press(Qt.Key.Key_U, CTRL)
    wait_until(qtbot, lambda: panel.fetch_button.isEnabled() and panel.message.text() not in ("", "Asking the platform…"),
               what="the failure to be shown")
    # the coded refusal worded in the window's language (English here): the platform could not be reached
    assert "national platform cannot be reached" in panel.message.text()
    assert not panel.apply_button.isEnabled() and panel.table.rowCount() == 0
    assert catalog_update.current_version(ctx.db) is None


def test_the_calendar_update_by_keyboard(admin_page: Any, ctx: Any, sim: Any, qtbot: Any) -> None:
    panel = admin_page.calendar_update
    panel.year.setValue(2026)  # the year the simulator's calendars cover, whatever today is
    days = [day for day in sim.platform.catalog.calendar(2026)["days"] if day["date"] != "2026-02-28"]
    post_json(sim.url + "_sim/calendars/2026", {"days": days, "version": "2026-2"})
    press(Qt.Key.Key_U, CTRL_SHIFT)
    wait_until(qtbot, lambda: QApplication.focusWidget() is panel.apply_button, what="Apply to take the focus")
    assert "2026-2" in panel.version.text()
    assert _rows(panel.table) == [("-", "2026-02-28", "make-up working day")]
    press(Qt.Key.Key_Return)
    wait_until(qtbot, lambda: calendar_update.current_version(ctx.db, 2026) == "2026-2", what="the calendar applied")
    wait_until(qtbot, lambda: "applied" in panel.message.text(), what="the page to say so")
    assert ctx.settings.documents.holiday_calendars == [str(calendar_update.target(ctx.home, 2026))]
