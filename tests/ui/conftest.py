"""Fixtures for the window tests: drained task pools, English UI, the demo hall as an AppContext."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from hallapp.bootstrap import AppContext, open_app
from hallapp.services import hall, staff


@pytest.fixture(autouse=True)
def _quiet_pools_and_english(qapp) -> Iterator[None]:
    """No test leaks running tasks, an installed translator or a changed look into the next one:
    each starts with the look the program starts with (Fusion, the hall's stylesheet, the default
    14 pt CJK font), so a width measured in one test does not depend on which test ran before."""
    from hallapp.config import UiSettings
    from ui import gc_guard, i18n, style
    from ui.tasks import wait_for_all

    gc_guard.install(qapp)  # as the program does: Qt objects collected on the GUI thread only
    i18n.install("en")
    style.apply(qapp, UiSettings().font_size_pt)
    yield
    assert wait_for_all(10_000), "background tasks still running after the test"
    qapp.processEvents()
    i18n.install("en")


@pytest.fixture
def ctx(home, demo_db) -> Iterator[AppContext]:
    """The app opened on the demo hall, as `hallapp --demo` does (demo.sqlite3 in the home); its
    windows start no sync process of their own unless a test about the window's sync turns it on."""
    context = open_app(demo=True)
    context.settings.counter.window_sends = False
    yield context
    context.close()


@pytest.fixture
def open_window(ctx: AppContext, qtbot) -> Iterator[Callable[[str], object]]:
    """open_window(username) logs a demo account in and shows its main window."""
    from ui.main_window import MainWindow
    from ui.tasks import wait_for_all

    windows = []

    def _open(username: str):
        info = hall.hall_info(ctx.db)
        session = staff.login(ctx.db, username, hall.DEMO_PASSWORD, ctx.settings.security)
        window = MainWindow(ctx, info, session)
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield _open
    for window in windows:
        window.close()
        window.deleteLater()
    wait_for_all(10_000)


@pytest.fixture
def supervisor_page(open_window, qtbot) -> Callable[..., object]:
    """supervisor_page(issued) logs the supervisor in and returns the dashboard page once its figures
    are read and, when `issued` is given, today's Issued tile reads it."""
    from tests.ui.clerk_keys import wait_until
    from ui.main_window import Page

    def _open(issued: str | None = None):
        window = open_window("supervisor")
        window.activateWindow()
        page = window.pages[Page.SUPERVISOR]
        wait_until(qtbot, lambda: page.summary is not None, what="the figures read")
        if issued is not None:
            wait_until(qtbot, lambda: page.tiles["issued"].text() == issued, what="today's tiles")
        return page

    return _open
