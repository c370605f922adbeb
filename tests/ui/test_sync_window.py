"""Syncing beside the window: the window's sync process (with the demo's platform simulator) sends
every accepted case once while the GUI thread keeps answering, ends with the window and is replaced
when it dies; the sync page lists what is left and retries on request."""

from __future__ import annotations

import json
import os
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from hallapp.domain.staff import Page
from hallapp.services import demo
from hallapp.sync import outbox_view as sync_status


def _received(window) -> dict:
    """What the demo platform (in the window's sync process) received, from its stats endpoint."""
    with urllib.request.urlopen(window.sync.platform_url + "_sim/stats", timeout=10) as answer:
        return json.loads(answer.read())


def _sync_processes() -> set[int]:
    """The window's sync processes this test process started (Linux: from /proc)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == os.getpid() and fields[0] not in "ZX" and b"--for-window" in cmdline:
            found.add(int(stat.parent.name))
    return found


def test_the_window_stays_responsive_while_cases_are_sent(ctx, open_window, qtbot) -> None:
    ctx.settings.counter.window_sends = True
    demo.seed_cases(ctx, 20)
    queued = sync_status.sync_status(ctx.db)["unconfirmed"]
    assert queued > 0
    ticks: list[float] = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    window = open_window("clerk1")
    qtbot.waitUntil(lambda: sync_status.sync_status(ctx.db)["unconfirmed"] == 0, timeout=60_000)
    timer.stop()
    assert window.sync.process is not None and window.sync.process.pid != os.getpid()
    assert window.sync.platform_url == ctx.settings.platform.url  # the window's own fetches find the same platform
    received = _received(window)
    assert received["cases_received"] == queued
    assert received["duplicates"] == 0
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert max(gaps) < 0.5, f"the GUI thread stalled for {max(gaps):.2f} s while syncing"
    qtbot.waitUntil(lambda: "Nothing waiting to sync" in window.statusBar().backlog.text(), timeout=15_000)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_closing_the_window_leaves_no_sync_process(ctx, open_window, qtbot) -> None:
    ctx.settings.counter.window_sends = True
    window = open_window("clerk1")
    qtbot.waitUntil(lambda: window.sync.state == "up", timeout=30_000)
    child = window.sync.process
    assert child is not None and _sync_processes() == {child.pid}
    window.close()
    qtbot.waitUntil(lambda: child.poll() is not None, timeout=10_000)  # ended off the GUI thread
    assert _sync_processes() == set()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_window_closed_while_its_sync_starts_leaves_no_process(ctx, open_window, qtbot) -> None:
    from ui.tasks import wait_for_all

    ctx.settings.counter.window_sends = True
    window = open_window("clerk1")
    window.close()  # the task that starts the child may not have run yet
    assert wait_for_all(10_000)
    assert window.sync.process is None
    qtbot.waitUntil(lambda: _sync_processes() == set(), timeout=10_000)  # one started in time ends off the GUI thread


def test_a_sync_process_that_dies_is_said_and_replaced(ctx, open_window, qtbot, monkeypatch) -> None:
    from ui import sync_runner

    monkeypatch.setattr(sync_runner, "RESTART_FIRST_S", 1)
    ctx.settings.counter.window_sends = True
    window = open_window("clerk1")
    said: list[tuple[str, str]] = []
    window.sync.link_changed.connect(lambda state, message: said.append((state, message)))
    qtbot.waitUntil(lambda: window.sync.state == "up", timeout=30_000)
    first = window.sync.process
    first.kill()
    qtbot.waitUntil(lambda: any(state == "blocked" for state, _m in said), timeout=10_000)
    message = next(m for state, m in said if state == "blocked")
    assert "sending process ended unexpectedly" in message and "starts again in 1 s" in message
    bar = window.statusBar()  # the long reason gives way: the backlog and the card reader stay on a counter's screen
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: bar.link.text().startswith("✖"), timeout=5_000)
    qtbot.wait(50)
    assert window.width() <= 1366 and bar.devices.geometry().right() <= bar.width()
    assert bar.link.shown_text().endswith("…") and "ended unexpectedly" in bar.link.toolTip()
    qtbot.waitUntil(lambda: window.sync.process is not None and window.sync.process is not first
                    and window.sync.state == "up", timeout=30_000)
    assert first.poll() is not None


def test_a_window_that_does_not_send_says_who_does(ctx, open_window, qtbot) -> None:
    window = open_window("clerk1")  # counter.window_sends is off for the window tests
    assert window.sync.state == "elsewhere" and window.sync.process is None
    assert "sent by the hall's sync PC" in window.statusBar().link.text()


def test_sync_page_lists_unconfirmed_entries(ctx, open_window, qtbot) -> None:
    ctx.settings.platform.url = "http://127.0.0.1:9/"  # nothing listens: entries stay unconfirmed
    demo.seed_cases(ctx, 3)
    window = open_window("clerk1")
    window.nav.setCurrentRow(list(window.pages).index(Page.SYNC))
    page = window.pages[Page.SYNC]
    qtbot.waitUntil(lambda: page.table.rowCount() > 0, timeout=10_000)
    assert page.table.item(0, 0).text().startswith("DEMO510104-")
    assert any(word in page.table.item(0, 2).text() for word in ("waiting to be sent", "will retry", "needs attention"))


def test_a_returned_case_is_found_and_says_why(ctx, open_window, qtbot) -> None:
    from hallapp.services import cases

    ctx.settings.platform.url = "http://127.0.0.1:9/"  # keep the demo simulator out of it
    numbers = demo.seed_cases(ctx, 8)
    accepted = next(n for n in numbers if cases.show(ctx.db, n)["state"] == "accepted")
    cases.transition(ctx.db, accepted, "submitted", actor="sync")
    cases.transition(ctx.db, accepted, "returned", actor="platform", reason="户口簿复印件不清晰")
    window = open_window("clerk1")
    window.nav.setCurrentRow(list(window.pages).index(Page.CASES))
    page = window.pages[Page.CASES]
    page.text.setText(accepted)
    page.search()
    qtbot.waitUntil(lambda: "户口簿复印件不清晰" in page.details.header.text(), timeout=10_000)
    assert page.table.rowCount() == 1 and "returned" in page.table.item(0, 3).text()


def test_the_sync_page_words_why_an_entry_waits_and_keeps_an_older_plain_text(ctx, open_window, qtbot) -> None:
    """The outbox keeps a code and params; the page says them in the window's language, never the code."""
    from sqlalchemy import text

    from hallapp.domain.outbox import coded, stored
    from hallapp.sync.platform_port import RejectedError

    ctx.settings.platform.url = "http://127.0.0.1:9/"  # nothing listens: the entries keep what we write
    demo.seed_cases(ctx, 2)
    refused = stored(coded(RejectedError(), "sync.rejected", status=422, reason="invalid", detail="missing county"))
    with ctx.db.unit_of_work(write=True) as uow:
        first, second = sorted(uow.session.execute(text("select id from outbox_entry")).scalars())[:2]
        for entry_id, said in ((first, refused), (second, "422 invalid: 缺少办理地")):
            uow.session.execute(text("update outbox_entry set state = 'needs_attention', last_error = :said "
                                     "where id = :id"), {"said": said, "id": entry_id})
    window = open_window("supervisor")
    window.nav.setCurrentRow(list(window.pages).index(Page.SYNC))
    page = window.pages[Page.SYNC]
    qtbot.waitUntil(lambda: page.table.rowCount() >= 2, timeout=10_000)
    why = {page.table.item(r, 5).text() for r in range(page.table.rowCount())}
    assert "The platform refused the record (422 invalid: missing county): a supervisor checks the case." in why
    assert "422 invalid: 缺少办理地" in why  # a row stored before the codes, shown as it was
    assert not any("sync.rejected" in w for w in why)
