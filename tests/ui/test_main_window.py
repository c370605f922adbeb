"""MainWindow on the demo hall: pages per role, shortcuts, title, status bar, audit, language, idle lock."""

from __future__ import annotations

import sqlite3
import tomllib

import pytest
from PySide6.QtCore import Qt

from hallapp.domain.staff import Page
from hallapp.services import audit, hall
from tests.ui.clerk_keys import activate, press


def nav_texts(window) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def test_clerk_sees_the_counter_and_sync_pages(open_window) -> None:
    window = open_window("clerk1")
    assert list(window.pages) == [Page.COUNTER, Page.SYNC, Page.CASES]
    assert nav_texts(window) == ["Counter  Ctrl+1", "Sync  Ctrl+2", "Cases  Ctrl+3"]
    assert window.stack.count() == 3
    assert window.current_page() is Page.COUNTER
    assert window.stack.currentWidget().isVisible()


def test_admin_sees_every_page_in_order(open_window) -> None:
    window = open_window("admin")
    assert list(window.pages) == [Page.ADMIN, Page.SUPERVISOR, Page.DEVICES, Page.COUNTER, Page.SYNC, Page.CASES,
                                  Page.SETTINGS]
    assert nav_texts(window) == ["Administration  Ctrl+1", "Supervisor  Ctrl+2", "Devices  Ctrl+3", "Counter  Ctrl+4",
                                 "Sync  Ctrl+5", "Cases  Ctrl+6", "Settings  Ctrl+7"]
    assert window.current_page() is Page.ADMIN


@pytest.mark.acceptance
def test_ctrl_number_switches_page(open_window, qtbot) -> None:
    """Sent where the focus is, as a real key: from the first page, and again from the page it opened."""
    window = open_window("admin")
    activate(qtbot, window)
    press(Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is Page.SUPERVISOR
    assert window.nav.currentRow() == 1
    assert window.pages[Page.SUPERVISOR].isVisible()
    press(Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is Page.COUNTER


def test_title_names_the_hall_the_demo_and_the_user(open_window) -> None:
    window = open_window("clerk1")
    title = window.windowTitle()
    assert "演示县政务服务中心" in title
    assert "(demo)" in title
    assert "张晓梅" in title


def test_status_bar_after_refresh(ctx, open_window, qtbot) -> None:
    """The demo runs its own platform simulator on loopback: the link comes up by itself."""
    ctx.settings.counter.window_sends = True
    bar = open_window("clerk1").statusBar()
    qtbot.waitUntil(lambda: "Platform online" in bar.link.text(), timeout=15_000)
    qtbot.waitUntil(lambda: bool(bar.backlog.text()))
    assert "Nothing waiting to sync" in bar.backlog.text()
    assert bar.link.isVisible() and bar.backlog.isVisible()


def audit_rows(table) -> list[tuple[str, str, str]]:
    return [tuple(table.item(r, c).text() for c in (1, 2, 3)) for r in range(table.rowCount())]


def test_supervisor_sees_the_login_and_an_intact_trail(open_window, qtbot) -> None:
    window = open_window("supervisor")
    page = window.pages[Page.SUPERVISOR]
    assert window.current_page() is Page.SUPERVISOR
    qtbot.waitUntil(lambda: bool(page.chain.text()))
    assert ("supervisor", "logged in", "Account supervisor") in audit_rows(page.table)
    assert audit_rows(page.table)[0][1] == "logged in", "newest event first"
    assert "Audit trail intact" in page.chain.text()


def test_supervisor_is_told_when_the_trail_was_altered(open_window, qtbot, ctx) -> None:
    with sqlite3.connect(ctx.home.database_file(demo=True)) as con:
        con.execute("UPDATE audit_event SET actor = 'nobody' WHERE action = 'hall_created'")
    window = open_window("supervisor")
    page = window.pages[Page.SUPERVISOR]
    qtbot.waitUntil(lambda: bool(page.chain.text()))
    assert "altered" in page.chain.text()
    assert "intact" not in page.chain.text()


def test_switching_to_chinese_translates_and_persists(open_window, qtbot, ctx) -> None:
    window = open_window("admin")
    window.nav.setCurrentRow(2)
    window.set_language("zh_CN")
    texts = nav_texts(window)
    assert texts[3].startswith("窗口"), texts
    assert not any("Counter" in t for t in texts)
    assert window.current_page() is Page.DEVICES, "the open page survives the switch"
    assert "(demo)" not in window.windowTitle()
    settings = tomllib.loads(ctx.home.settings_file.read_text(encoding="utf-8"))
    assert settings["ui"]["language"] == "zh_CN"
    bar = window.statusBar()
    qtbot.waitUntil(lambda: bool(bar.link.text()))
    assert "not configured" not in bar.link.text()

    window.set_language("en")
    assert nav_texts(window)[3] == "Counter  Ctrl+4"
    settings = tomllib.loads(ctx.home.settings_file.read_text(encoding="utf-8"))
    assert settings["ui"]["language"] == "en"


@pytest.fixture
def platform_window(home, demo_db, monkeypatch, qtbot):
    """A clerk's window where the platform address comes from HALLAPP_PLATFORM_URL."""
    from hallapp.bootstrap import open_app
    from hallapp.services import staff
    from ui.main_window import MainWindow
    from ui.tasks import wait_for_all

    # Nothing listens on loopback port 9: the platform is configured but unreachable.
    monkeypatch.setenv("HALLAPP_PLATFORM_URL", "http://127.0.0.1:9/ipc")
    ctx = open_app(demo=True)
    ctx.settings.counter.window_sends = True  # the default, said: these tests are about the window's sync
    window = MainWindow(ctx, hall.hall_info(ctx.db),
                        staff.login(ctx.db, "clerk1", hall.DEMO_PASSWORD, ctx.settings.security))
    window.show()
    yield window
    window.close()
    window.deleteLater()
    wait_for_all()
    ctx.close()


def test_status_bar_shows_a_configured_platform(platform_window, qtbot) -> None:
    bar = platform_window.statusBar()
    # Configured but this hall never registered its key: said at once, with what to do, not retried.
    qtbot.waitUntil(lambda: "Sync stopped" in bar.link.text(), timeout=15_000)
    assert "hallapp platform register" in bar.link.text()


def test_switching_language_keeps_the_platform_address_from_the_environment(platform_window, qtbot) -> None:
    platform_window.set_language("en")
    bar = platform_window.statusBar()
    qtbot.waitUntil(lambda: "Sync stopped" in bar.link.text(), timeout=15_000)
    assert platform_window.ctx.settings.platform.url == "http://127.0.0.1:9/ipc"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_idle_lock_hides_the_window_until_the_right_password(open_window, qtbot, ctx) -> None:
    window = open_window("clerk1")
    clock = FakeClock()
    window.idle.clock = clock
    window.idle.resume()
    limit = ctx.settings.security.idle_lock_minutes * 60
    assert limit > 0

    clock.now += limit - 1
    window.idle.check()
    assert window.centralWidget().isVisible(), "locked before the idle limit"

    clock.now += 1
    qtbot.waitUntil(lambda: not window.centralWidget().isVisible(), timeout=3000)  # the watcher's own timer
    lock = window.lock_dialog
    qtbot.waitExposed(lock)
    assert lock.isVisible()
    qtbot.waitUntil(lambda: bool(audit.recent(ctx.db, action="window_locked")))
    [event] = audit.recent(ctx.db, action="window_locked")
    assert (event.actor, event.subject) == ("clerk1", "staff:clerk1")

    lock.password.setText("not-my-password1")
    qtbot.mouseClick(lock.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lock.unlock_button.isEnabled() and bool(lock.message.text()))
    assert "Wrong user name or password." in lock.message.text()  # worded in the window's language (English here)
    assert lock.isVisible()
    assert not window.centralWidget().isVisible()

    lock.password.setText(hall.DEMO_PASSWORD)
    qtbot.mouseClick(lock.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.centralWidget().isVisible())
    assert not lock.isVisible()
    assert window.stack.currentWidget().isVisible()
    assert not window.idle.paused

    # Locking again later works too (the watcher was re-armed by the unlock).
    clock.now += limit
    window.idle.check()
    assert not window.centralWidget().isVisible()


def test_supervisor_tiles_count_todays_queue(ctx, open_window, qtbot) -> None:
    from hallapp.services import evaluation, hall, queue

    info = hall.hall_info(ctx.db)
    for letter in ("A", "A", "D"):
        queue.issue_ticket(ctx.db, info.id, letter)
    ref = queue.CounterRef(info.id, 1)
    called = queue.call_next(ctx.db, ref)
    queue.done(ctx.db, ref, called.id)
    evaluation.record(ctx.db, called.id, 5, "等候时间长")
    window = open_window("supervisor")
    page = window.pages[Page.SUPERVISOR]
    qtbot.waitUntil(lambda: page.tiles["issued"].text() == "3", timeout=10_000)
    assert page.tiles["done"].text() == "1" and page.tiles["waiting"].text() == "2"
    assert page.tiles["bad_evaluations"].text() == "1"
    assert "Visits finished per counter: 1: 1" in page.by_counter.text()
