"""ui/tasks.py: slow work leaves the GUI thread, results come back to it, and only while wanted."""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QThread, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from hallapp.domain.changes import Area
from ui.tasks import Task, wait_for_all

GUI = threading.main_thread().ident


def test_fn_runs_off_the_gui_thread_and_success_comes_back_on_it(qtbot) -> None:
    parent = QObject()
    seen: dict = {}

    def work() -> int:
        seen["fn_thread"] = threading.get_ident()
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["cb_thread"] = threading.get_ident()
        seen["cb_is_qt_main"] = QThread.currentThread() is QApplication.instance().thread()

    Task(parent, work).on_success(done).run()
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["fn_thread"] != GUI
    assert seen["result"] == 42
    assert seen["cb_thread"] == GUI
    assert seen["cb_is_qt_main"]


def test_failure_callback_receives_the_exception_and_success_is_not_called(qtbot) -> None:
    parent = QObject()
    got: list = []
    boom = ValueError("boom")

    def work() -> None:
        raise boom

    Task(parent, work).on_success(lambda r: got.append(("ok", r))).on_failure(
        lambda e: got.append(("fail", e, threading.get_ident()))).run()
    qtbot.waitUntil(lambda: bool(got))
    assert got == [("fail", boom, GUI)]


def test_event_loop_keeps_running_while_a_task_sleeps(qtbot) -> None:
    parent = QObject()
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    finished: dict = {}
    started = time.monotonic()
    Task(parent, lambda: time.sleep(0.5)).on_success(lambda _r: finished.setdefault("ticks", len(ticks))).run()
    returned_after = time.monotonic() - started
    qtbot.waitUntil(lambda: "ticks" in finished, timeout=3000)
    timer.stop()
    assert returned_after < 0.1, "run() blocked the GUI thread"
    assert finished["ticks"] >= 10, f"timer fired only {finished['ticks']} times during a 0.5 s task"


@pytest.mark.parametrize("outcome", ["success", "failure"])
def test_no_callback_after_the_parent_widget_was_deleted(qtbot, outcome: str) -> None:
    def job(release: threading.Event, ran: threading.Event):
        def work() -> str:
            release.wait(5)
            ran.set()
            if outcome == "failure":
                raise RuntimeError("late")
            return "late"
        return work

    # Control: with the parent alive, the same task does report back.
    go = threading.Event()
    go.set()
    alive = QWidget()
    qtbot.addWidget(alive)
    control: list = []
    Task(alive, job(go, threading.Event())).on_success(control.append).on_failure(control.append).run()
    qtbot.waitUntil(lambda: bool(control))

    release, ran = threading.Event(), threading.Event()
    page = QWidget()
    page.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    called: list = []
    Task(page, job(release, ran)).on_success(called.append).on_failure(called.append).run()
    page.show()
    page.close()
    qtbot.waitUntil(lambda: not isValid(page))
    release.set()
    assert wait_for_all()
    assert ran.is_set()
    qtbot.wait(100)  # deliver whatever the worker posted
    assert called == []


@pytest.mark.parametrize("mutation", ["unnamed", "changes"])
def test_writes_run_one_at_a_time(qtbot, mutation: str) -> None:
    """Mutations share the one writer thread, whether they name areas or (a heartbeat) none."""
    parent = QObject()
    stamps: list[tuple[float, float]] = []
    done: list = []

    def write() -> None:
        start = time.monotonic()
        time.sleep(0.15)
        stamps.append((start, time.monotonic()))

    for _ in range(3):
        task = Task(parent, write)
        (task.changes() if mutation == "unnamed" else task.changes(Area.QUEUE)).on_success(done.append).run()
    qtbot.waitUntil(lambda: len(done) == 3, timeout=3000)
    stamps.sort()
    for (_s1, end1), (start2, _e2) in zip(stamps, stamps[1:], strict=False):
        assert end1 <= start2, f"two writes overlapped: {stamps}"


def test_plain_tasks_do_overlap(qtbot) -> None:
    """Shows the stamp check above can see an overlap: ordinary tasks share a multi-thread pool."""
    if QThreadPool.globalInstance().maxThreadCount() < 2:
        pytest.skip("one-thread global pool")
    parent = QObject()
    both = threading.Barrier(2, timeout=3)
    done: list = []
    for _ in range(2):
        Task(parent, both.wait).on_success(done.append).run()
    qtbot.waitUntil(lambda: len(done) == 2, timeout=4000)


@pytest.mark.parametrize("pool", ["shared", "writes"])
def test_wait_for_all_waits_for_both_pools(qtbot, pool: str) -> None:
    parent = QObject()
    gate = threading.Event()
    finished: list[str] = []

    def work() -> None:
        gate.wait(5)
        time.sleep(0.05)
        finished.append(pool)

    task = Task(parent, work)
    (task.changes() if pool == "writes" else task).run()
    assert wait_for_all(50) is False, f"wait_for_all returned True while a {pool} task was running"
    gate.set()
    assert wait_for_all(5000) is True
    assert finished == [pool]


def test_no_mutation_can_forget_to_say_what_it_changed() -> None:
    """`.changes(Area...)` is the one way to mark a mutation: there is no bare `.writes()` left to reach for."""
    root = Path(__file__).resolve().parents[2]
    callers = sorted(path.relative_to(root).as_posix() for path in (root / "ui").rglob("*.py")
                     if re.search(r"\.writes\(\s*\)", path.read_text(encoding="utf-8")))
    assert not hasattr(Task, "writes") and callers == [], callers
