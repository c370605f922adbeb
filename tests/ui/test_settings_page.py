"""The Settings page as an admin uses it: keys to whatever has the focus, values saved to
settings.toml as `hallapp config set` saves them, a bad value refused in words."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hallapp.domain.staff import Page, Role, pages_for
from hallapp.services import hall, queue, staff
from tests.ui.clerk_keys import focused, press, type_text, wait_until
from ui.idle import IdleWatcher
from ui.pages.settings_page import SettingsPage


@pytest.fixture
def page(ctx, qtbot, qapp) -> Iterator[SettingsPage]:
    """The Settings page as the admin's window shows it (style, 1366×768), active, focus where it puts it."""
    from ui import style

    style.apply(qapp, ctx.settings.ui.font_size_pt)
    session = staff.login(ctx.db, "admin", hall.DEMO_PASSWORD, ctx.settings.security)
    widget = SettingsPage(ctx, session, IdleWatcher(ctx.settings.security.idle_lock_minutes))
    widget.resize(1366 - 180, 768)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    wait_until(qtbot, lambda: QApplication.activeWindow() is widget, what="the page to be active")
    widget.take_focus()
    wait_until(qtbot, lambda: widget.table.rowCount() > 0, what="the settings to load")
    yield widget
    widget.close()
    widget.deleteLater()


def _edit(qtbot, page, find: str, value: str) -> None:
    """Ctrl+F, type part of the key, Down to the list, Enter to edit, the value, Enter to save."""
    press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(find)
    press(Qt.Key.Key_Down)
    assert focused() is page.table
    press(Qt.Key.Key_Return)
    assert focused() is page.text_editor, "Enter on a setting goes to its value"
    press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(value)
    page.message.clear()
    press(Qt.Key.Key_Return)
    wait_until(qtbot, lambda: page.message.text() != "", what="the page to answer the save")


def _saved(ctx) -> dict:
    return tomllib.loads(ctx.home.settings_file.read_text(encoding="utf-8"))


def test_idle_lock_and_counter_number_changed_by_keys_are_saved(ctx, qtbot, page) -> None:
    _edit(qtbot, page, "idle_lock", "3")
    assert page.message.text() == "✔ Saved. In effect now."
    assert _saved(ctx)["security"]["idle_lock_minutes"] == 3
    assert page.idle.limit_s == 180, "the idle lock applies without a restart"

    _edit(qtbot, page, "counter.number", "2")
    assert "when hallapp is started again" in page.message.text()
    assert _saved(ctx)["counter"]["number"] == 2
    wait_until(qtbot, lambda: "this PC is counter 2" in page.hall_label.text(), what="the hall line to show 2")
    assert focused() is page.table, "after a save the keys are back on the list"


def test_bad_values_are_refused_in_words_and_nothing_is_written(ctx, qtbot, page) -> None:
    _edit(qtbot, page, "idle_lock", "999")
    assert page.message.text() == ("✖ security.idle_lock_minutes must be a whole number from 0 to 480: "
                                   "type such a number and press Enter.")
    assert focused() is page.text_editor, "the value stays in front of the admin to correct"

    _edit(qtbot, page, "counter.number", "7")
    assert page.message.text().startswith("✖ Not saved: this hall has counters 1, 2, 3, no counter 7.")
    _edit(qtbot, page, "platform.url", "ftp://platform")
    assert page.message.text().startswith("✖ Not saved: platform.url: ")
    assert "https://HOST" in page.message.text()
    assert not ctx.home.settings_file.exists(), "a refused value writes nothing"


def test_categories_of_this_counter_saved_by_keys(ctx, qtbot, page) -> None:
    wait_until(qtbot, lambda: page.categories.text() != "", what="the counter's categories")
    press(Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert focused() is page.categories
    press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text("B,A")
    press(Qt.Key.Key_Return)
    wait_until(qtbot, lambda: page.message.text() != "", what="the categories to be saved")
    assert page.message.text() == "✔ Saved. Counter 1 calls B,A from the next call (F1) on."
    info = hall.hall_info(ctx.db)
    plans = {p.number: p.letters for p in queue.counter_plans(ctx.db, info.id)}
    assert plans[1] == ("B", "A")
    type_text(",Z")
    press(Qt.Key.Key_Return)
    wait_until(qtbot, lambda: page.message.text().startswith("✖"), what="the unknown category refused")
    assert "Type the category letters" in page.message.text()
    assert QApplication.focusWidget() is page.categories


def test_settings_page_is_the_admins() -> None:
    assert Page.SETTINGS in pages_for(Role.ADMIN)
    assert all(Page.SETTINGS not in pages_for(role) for role in (Role.CLERK, Role.SUPERVISOR, Role.TECHNICIAN))


def test_ctrl_number_opens_the_settings_page_with_the_keys_in_its_find_field(ctx, qtbot, qapp) -> None:
    from tests.ui.clerk_keys import window_as_started

    with window_as_started(ctx, qtbot, qapp, language="en", username="admin") as window:
        index = list(window.pages).index(Page.SETTINGS)
        assert window.nav.item(index).text() == f"Settings  Ctrl+{index + 1}"
        press(Qt.Key(Qt.Key.Key_1 + index), Qt.KeyboardModifier.ControlModifier)
        page = window.pages[Page.SETTINGS]
        wait_until(qtbot, lambda: focused() is page.find, what="the keys in the find field")
        wait_until(qtbot, lambda: page.table.rowCount() > 0, what="the settings to load")
        type_text("idle_lock")
        press(Qt.Key.Key_Down)
        press(Qt.Key.Key_Return)
        press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text("0")
        press(Qt.Key.Key_Return)
        wait_until(qtbot, lambda: page.message.text() == "✔ Saved. In effect now.", what="the save")
        assert window.idle.limit_s == 0 and not window.idle.timer.isActive(), "0 = the window never locks"
