"""One change event: a change made in one page shows in the others at once, a change made by
another process within one poll of the change mark, and no page keeps a polling timer of its own."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer

from hallapp.domain.changes import Area, Changes, between, dashboard_mark
from hallapp.domain.staff import Page
from hallapp.services import dashboard, demo, hall, queue
from ui import changes as change_event
from ui.change_watch import POLL_MS
from ui.events import EventBridge
from ui.tasks import Task

UI = Path(__file__).resolve().parents[2] / "ui"
ANIMATIONS = {("display/window.py", "self._blink.setInterval(450)")}  # the called number blinks on the hall display


def _mark(ctx) -> dict:
    return dashboard_mark(dashboard.change_mark(ctx.db, hall.hall_info(ctx.db).id))


def test_the_change_mark_says_which_area_moved(ctx) -> None:
    """Pins the split of the dashboard's mark: a ticket is the queue's, an accepted case the cases' and outbox's."""
    info = hall.hall_info(ctx.db)
    before = _mark(ctx)
    queue.issue_ticket(ctx.db, info.id, "A")
    after_ticket = _mark(ctx)
    assert between(before, after_ticket).touches(Area.QUEUE)
    assert not between(before, after_ticket).touches(Area.CASES, Area.OUTBOX)
    demo.seed_cases(ctx, 1)
    moved = between(after_ticket, _mark(ctx))
    assert moved.touches(Area.CASES) and moved.touches(Area.OUTBOX)
    assert between(_mark(ctx), _mark(ctx)) == Changes()


def test_a_mutation_is_announced_with_its_origin_and_what_its_result_carries(qtbot) -> None:
    hub = change_event.ChangeHub()
    change_event.install(hub)
    heard: list[tuple[Changes, object]] = []
    hub.operation_did_execute.connect(lambda changes, origin: heard.append((changes, origin)))
    page = QObject()
    Task(page, lambda: 1).run()  # a read: nothing to tell
    Task(page, lambda: Changes.of(Area.CASES)).changes(Area.QUEUE).run()
    Task(page, lambda: None).changes(*Area).run()  # set-up: everything changed
    qtbot.waitUntil(lambda: len(heard) == 2, timeout=3000)
    qtbot.wait(50)
    assert heard[0] == (Changes.of(Area.QUEUE, Area.CASES), page)
    assert heard[1] == (Changes.of(*Area), page)
    hub.deleteLater()


def test_posting_from_a_plain_thread_runs_on_the_gui_thread_without_a_timer(qtbot) -> None:
    bridge = EventBridge()
    ran: list[int] = []
    thread = threading.Thread(target=lambda: bridge.post(lambda: ran.append(threading.get_ident())))
    started = time.monotonic()
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(ran), timeout=1000)
    assert ran == [threading.main_thread().ident]
    assert time.monotonic() - started < 0.5
    assert bridge.findChildren(QTimer) == []


def test_a_call_at_the_counter_shows_on_the_supervisor_page_at_once(ctx, open_window, qtbot) -> None:
    info = hall.hall_info(ctx.db)
    for _ in range(2):
        queue.issue_ticket(ctx.db, info.id, "A")
    window = open_window("supervisor")
    page = window.pages[Page.SUPERVISOR]
    qtbot.waitUntil(lambda: page.tiles["waiting"].text() == "2", timeout=10_000)
    window.watcher.stop()  # no poll: only the change event can tell the page
    bar = window.pages[Page.COUNTER].queue
    qtbot.waitUntil(lambda: bar.buttons["F1"].isEnabled(), timeout=5000)
    bar.call_next()
    qtbot.waitUntil(lambda: page.tiles["waiting"].text() == "1", timeout=POLL_MS // 2)


def _waiting(bar, letter: str) -> int | None:
    found = re.search(rf"\b{letter}(\d+)\b", bar.waiting_label.text())
    return int(found.group(1)) if found else None


def test_a_ticket_issued_by_another_process_shows_within_one_poll(ctx, open_window, qtbot) -> None:
    window = open_window("clerk1")
    bar = window.pages[Page.COUNTER].queue
    qtbot.waitUntil(lambda: _waiting(bar, "A") is not None, timeout=10_000)
    before = _waiting(bar, "A")
    qtbot.waitUntil(lambda: window.watcher.mark is not None, timeout=5000)  # the baseline is read
    script = ("from hallapp.bootstrap import open_app\nfrom hallapp.services import hall, queue\n"
              "ctx = open_app(demo=True)\nqueue.issue_ticket(ctx.db, hall.hall_info(ctx.db).id, 'A')\nctx.close()\n")
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
    issued = time.monotonic()
    qtbot.waitUntil(lambda: _waiting(bar, "A") == before + 1, timeout=POLL_MS + 2000)
    assert time.monotonic() - issued <= POLL_MS / 1000 + 1.5


def test_no_polling_timer_is_left_in_a_running_main_window(open_window, qtbot) -> None:
    window = open_window("admin")  # every page
    qtbot.wait(300)
    fast = [(t.parent().__class__.__name__, t.interval()) for t in window.findChildren(QTimer)
            if t.isActive() and not t.isSingleShot() and t.interval() < 500]
    assert fast == []
    polls = [t for t in window.findChildren(QTimer) if t.isActive() and not t.isSingleShot()]
    assert window.watcher.timer in polls  # the one poll for other PCs' changes


@pytest.mark.parametrize("path", sorted(p.relative_to(UI).as_posix() for p in UI.rglob("*.py")))
def test_no_repeating_timer_under_500_ms_in_the_source(path: str) -> None:
    for line in (UI / path).read_text(encoding="utf-8").splitlines():
        for value in re.findall(r"(?:setInterval\(|interval=|_MS = )([\d_]+)\b", line):
            if int(value) < 500 and "singleShot=True" not in line:
                assert (path, line.strip()) in ANIMATIONS, f"{path}: {line.strip()}"
