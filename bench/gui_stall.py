"""GUI-stall bench: the main window's GUI thread while the sync drains a backlog, against the same
window idle in the same run.

  setup     a demo hall in a temporary HALLAPP_HOME, --cases seeded cases with scans
            (`demo.seed_cases`), the real main window (style, zh_CN, logged in as clerk1, 1366×768)
            with its sync held back.
  idle      --idle-s seconds of the window as it is (change-mark poll, status bar, card reader):
            the baseline.
  drain     the window's own SyncRunner starts its sync process (`hallapp sync --for-window`; demo:
            the platform simulator on loopback inside that process, as `make run` does; --sim process:
            the simulator in a process of its own, like a remote platform) and runs until the outbox
            is empty. The time from start() to the child's first "link" is printed as its start-up.
  measured  in both phases: the gaps between ticks of a 5 ms QTimer (PreciseTimer) on the GUI
            thread; the latency of an event posted every 5 ms from a plain thread (a queued signal,
            as ui/events.py brings device and sync events in); and while the clerk works, a key
            (F1 once, then F3 "read the card") posted to QApplication.focusWidget() every
            --key-ms: post → delivery and post → the first repaint after it.
  --trace   a sampler thread takes the GUI thread's stack whenever no tick came for 20 ms and
            prints where the stalls were (perturbs the figures a little: not for the table).

    .venv/bin/python bench/gui_stall.py [--cases 200] [--idle-s 4] [--sim child|process] [--trace] [--json]
    xvfb-run -a .venv/bin/python bench/gui_stall.py --platform xcb

Exits 1 if the backlog does not drain within --timeout-s. Unknown options are ignored.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# bench/ itself off the path: bench/queue.py would stand in for the standard library's queue
# (the simulator of --sim process and this process's own imports need that one).
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

TICK_MS = 5
STALL_S = 0.020


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--idle-s", type=float, default=4.0)
    parser.add_argument("--key-ms", type=int, default=400, help="one clerk key every this many ms")
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    parser.add_argument("--sim", choices=("child", "process"), default="child")
    parser.add_argument("--timeout-s", type=float, default=300.0)
    parser.add_argument("--home", type=Path, help="use (and keep) this home instead of a temporary one")
    parser.add_argument("--trace", action="store_true")
    parser.add_argument("--json", action="store_true")
    args, _ = parser.parse_known_args(argv)
    return args


def _summary(values: list[float]) -> dict[str, float]:
    if not values:
        return {"n": 0, "max_ms": float("nan"), "p99_ms": float("nan"), "p50_ms": float("nan")}
    ordered = sorted(values)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    return {"n": len(values), "max_ms": 1000 * ordered[-1], "p99_ms": 1000 * p99,
            "p50_ms": 1000 * statistics.median(ordered)}


class Probe:
    """Everything measured on the GUI thread, for the phase in progress."""

    def __init__(self, window, trace: bool) -> None:
        from PySide6.QtCore import QObject, Qt, QTimer, Signal

        class _Posted(QObject):
            stamp = Signal(float)

        self.window = window
        self.gui_ident = threading.get_ident()
        self.gui_task = Path(f"/proc/self/task/{threading.get_native_id()}")
        self.ticks: list[float] = []
        self.posted: list[float] = []
        self.keys: list[dict] = []
        self.stalls: Counter[str] = Counter()
        self.stall_cpu: list[tuple[float, float]] = []  # (wall s of a stall, the GUI thread's CPU s meanwhile)
        self.last_tick = time.perf_counter()
        self.running = threading.Event()
        self.quit = threading.Event()
        self.timer = QTimer(interval=TICK_MS, timerType=Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self.poster = _Posted()
        self.poster.stamp.connect(self._arrived, Qt.ConnectionType.QueuedConnection)
        threading.Thread(target=self._post_loop, daemon=True, name="bench-poster").start()
        if trace:
            threading.Thread(target=self._sample_loop, daemon=True, name="bench-sampler").start()

    def begin(self) -> None:
        self.ticks, self.posted, self.keys = [], [], []
        self.last_tick = time.perf_counter()
        self.timer.start()
        self.running.set()

    def end(self) -> dict:
        self.running.clear()
        self.timer.stop()
        gaps = [b - a for a, b in zip(self.ticks, self.ticks[1:], strict=False)]
        delivered = [k["delivered"] - k["posted"] for k in self.keys if "delivered" in k]
        painted = [k["painted"] - k["posted"] for k in self.keys if "painted" in k]
        return {"tick_gaps": _summary(gaps), "posted_latency": _summary(self.posted),
                "key_delivery": _summary(delivered), "key_to_paint": _summary(painted),
                "keys_sent": len(self.keys), "keys_without_paint": len(self.keys) - len(painted)}

    def _tick(self) -> None:
        now = time.perf_counter()
        self.ticks.append(now)
        self.last_tick = now

    def _arrived(self, stamp: float) -> None:
        if self.running.is_set():
            self.posted.append(time.perf_counter() - stamp)

    def _post_loop(self) -> None:
        while not self.quit.is_set():
            time.sleep(TICK_MS / 1000)
            if self.running.is_set():
                self.poster.stamp.emit(time.perf_counter())

    def _sample_loop(self) -> None:
        seen_for, started = 0.0, None
        while not self.quit.is_set():
            time.sleep(0.002)
            if not self.running.is_set():
                continue
            last = self.last_tick
            if started is not None and last != seen_for:  # the stall is over: did the GUI thread run?
                cpu, wall = self._cpu_s() - started[0], last - started[1]
                self.stall_cpu.append((wall, cpu))
                started = None
            if time.perf_counter() - last > STALL_S and last != seen_for:
                seen_for = last  # one sample per stall
                started = (self._cpu_s() - 0.0, last)
                frame = sys._current_frames().get(self.gui_ident)
                if frame is not None:
                    self.stalls[f"[{self._os_state()}] {_where(frame)}"] += 1

    def _cpu_s(self) -> float:
        fields = (self.gui_task / "stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def _os_state(self) -> str:
        """What the kernel says the GUI thread does: R (on a CPU or waiting for one) or S with the
        wait channel (futex: the GIL or a lock; poll: the event loop has nothing to do)."""
        try:
            state = (self.gui_task / "stat").read_text().rsplit(")", 1)[1].split()[0]
            wchan = (self.gui_task / "wchan").read_text().strip() or "-"
        except OSError:
            return "?"
        return state if state == "R" else f"{state} {wchan}"


def _where(frame) -> str:
    """The innermost frames of the stack, ours first: where the GUI thread was during a stall."""
    stack = traceback.extract_stack(frame)
    ours = [f for f in stack if "/work/" in f.filename and "/bench/" not in f.filename and "site-packages" not in f.filename]
    tail = (ours[-3:] if ours else []) + [stack[-1]]
    return " < ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(tail))


class Clerk:
    """Keys posted to whatever has the focus, as the window system delivers them; the first
    repaint after each key is caught by an application event filter armed only meanwhile."""

    def __init__(self, probe: Probe, key_ms: int) -> None:
        from PySide6.QtCore import QEvent, QObject, Qt, QTimer

        self.probe = probe
        self.keys = [Qt.Key.Key_F1] + [Qt.Key.Key_F3] * 1000
        self.pending: dict | None = None
        probe_ref = self

        class _Filter(QObject):
            def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
                pending = probe_ref.pending
                if pending is not None:
                    kind = event.type()
                    if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and "delivered" not in pending:
                        pending["delivered"] = time.perf_counter()
                    elif kind == QEvent.Type.Paint and "delivered" in pending:
                        pending["painted"] = time.perf_counter()
                        probe_ref._disarm()
                return False

        self.filter = _Filter()
        self.timer = QTimer(interval=key_ms)
        self.timer.timeout.connect(self.press)

    def press(self) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        if self.pending is not None:
            self._disarm()  # no repaint within a key interval: counted as keys_without_paint
        key = self.keys.pop(0)
        record = {"posted": time.perf_counter()}
        self.probe.keys.append(record)
        self.pending = record
        QApplication.instance().installEventFilter(self.filter)

        def deliver() -> None:  # as the window system's key does: from the event loop, to the focus
            widget = QApplication.focusWidget() or self.probe.window
            QTest.keyClick(widget, key)

        QTimer.singleShot(0, deliver)

    def _disarm(self) -> None:
        from PySide6.QtWidgets import QApplication

        self.pending = None
        QApplication.instance().removeEventFilter(self.filter)


def _wait(app, condition, timeout_s: float) -> bool:
    """Run the window's own event loop (no busy pump of ours) until `condition` or the timeout."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop, deadline = QEventLoop(), time.monotonic() + timeout_s
    check = QTimer(interval=50)
    check.timeout.connect(lambda: (condition() or time.monotonic() > deadline) and loop.quit())
    check.start()
    loop.exec()
    check.stop()
    return bool(condition())


def _run_for(app, seconds: float) -> None:
    _wait(app, lambda: False, seconds)


class Backlog:
    """The outbox's unconfirmed count, read off the GUI thread (the bench's own reads stay out)."""

    def __init__(self, db) -> None:
        from hallapp.sync import outbox_view as sync_status

        self.db, self.count, self.counts, self.read = db, -1, {}, sync_status.sync_status
        self.stop = threading.Event()
        threading.Thread(target=self._loop, daemon=True, name="bench-backlog").start()

    def _loop(self) -> None:
        while not self.stop.is_set():
            status = self.read(self.db)
            self.count, self.counts = status["unconfirmed"], status["counts"]
            time.sleep(0.25)


def _external_simulator(ctx) -> subprocess.Popen:
    from hallapp.sync import registration

    proc = subprocess.Popen([sys.executable, "-m", "hallapp.simulator.server", "--port", "0", "--auto-progress"],
                            stdout=subprocess.PIPE, text=True, cwd=ROOT)
    ctx.settings.platform.url = proc.stdout.readline().rsplit(" ", 1)[-1].strip()
    registration.register(ctx)
    return proc


def _open_window(ctx):
    from PySide6.QtWidgets import QApplication

    from ui import i18n, style
    from ui.app import demo_sign_in
    from ui.main_window import MainWindow
    from ui.sync_runner import SyncRunner

    app = QApplication.instance() or QApplication(sys.argv[:1])
    style.apply(app, ctx.settings.ui.font_size_pt)
    i18n.install("zh_CN")
    info, session = demo_sign_in(ctx)
    start, SyncRunner.start = SyncRunner.start, lambda self: None  # held back until the idle baseline is taken
    try:
        window = MainWindow(ctx, info, session)
    finally:
        SyncRunner.start = start
    app.installEventFilter(window.idle)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    return app, window


def measure(args: argparse.Namespace) -> dict:
    from hallapp.bootstrap import open_app
    from hallapp.services import demo

    ctx = open_app(demo=True)
    started = time.perf_counter()
    demo.seed_cases(ctx, args.cases)
    seed_s = time.perf_counter() - started
    sim = _external_simulator(ctx) if args.sim == "process" else None
    app, window = _open_window(ctx)
    backlog = Backlog(ctx.db)
    _run_for(app, 2.0)  # first paint, the pages' first reads, the reader connected
    probe = Probe(window, args.trace)
    clerk = Clerk(probe, args.key_ms)
    clerk.timer.start()
    probe.begin()
    _run_for(app, args.idle_s)
    idle = probe.end()
    idle_stalls, probe.stalls = probe.stalls, Counter()
    queued = backlog.count
    probe.begin()
    t0 = time.perf_counter()
    linked: list[float] = []
    window.sync.link_changed.connect(lambda state, _m: state in ("up", "down") and not linked
                                     and linked.append(time.perf_counter() - t0))
    window.sync.start()
    drained = _wait(app, lambda: backlog.count == 0 and time.perf_counter() - t0 > 1.0, args.timeout_s)
    drain_s = time.perf_counter() - t0
    drain = probe.end()
    clerk.timer.stop()
    window_link = f"{window.sync.state} {window.statusBar().link.text()}"
    probe.quit.set()
    backlog.stop.set()
    window._close_confirmed = True
    window.close()
    _run_for(app, 0.5)
    if sim is not None:
        sim.terminate()
        sim.wait(10)
    ctx.close()
    cpu = sum(c for _w, c in probe.stall_cpu)
    wall = sum(w for w, _c in probe.stall_cpu)
    if args.trace:
        print(f"stalls > 20 ms in the drain: {len(probe.stall_cpu)}, {wall:.2f} s in all, GUI thread CPU meanwhile {cpu:.2f} s")
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return {"platform": app.platformName(), "load": load, "link": window_link, "sim": args.sim, "cases": args.cases,
            "queued": queued,
            "drained": drained, "left": backlog.counts, "drain_s": drain_s,
            "child_start_s": linked[0] if linked else None, "seed_s": seed_s, "idle": idle, "drain": drain,
            "stalls": {"idle": idle_stalls.most_common(8), "drain": probe.stalls.most_common(12)}}


def _print(result: dict) -> None:
    print(f"platform {result['platform']}, load {result['load']}, simulator in {result['sim']}, "
          f"{result['queued']} entries queued "
          f"({result['cases']} cases),\n  drained in {result['drain_s']:.1f} s, sync process linked after "
          f"{result['child_start_s'] or float('nan'):.1f} s ({result['link']}): "
          f"{'yes' if result['drained'] else 'NO'}"
          f" (seeded in {result['seed_s']:.0f} s; outbox {', '.join(f'{k} {v}' for k, v in result['left'].items() if v)})")
    print(f"{'measure':<24}{'phase':<7}{'max ms':>9}{'p99 ms':>9}{'p50 ms':>9}{'n':>7}")
    for name in ("tick_gaps", "posted_latency", "key_delivery", "key_to_paint"):
        for phase in ("idle", "drain"):
            s = result[phase][name]
            print(f"{name:<24}{phase:<7}{s['max_ms']:>9.1f}{s['p99_ms']:>9.1f}{s['p50_ms']:>9.1f}{s['n']:>7}")
        i, d = result["idle"][name], result["drain"][name]
        if i["n"] and d["n"]:
            print(f"{'':<24}{'ratio':<7}{d['max_ms'] / i['max_ms']:>9.2f}{d['p99_ms'] / i['p99_ms']:>9.2f}"
                  f"{d['p50_ms'] / i['p50_ms']:>9.2f}")
    for phase in ("idle", "drain"):
        print(f"keys {phase}: {result[phase]['keys_sent']} sent, {result[phase]['keys_without_paint']} without a repaint")
        for where, n in result["stalls"][phase]:
            print(f"  stall ×{n}: {where}")


def main(argv: list[str] | None = None) -> int:
    args = _parse(sys.argv[1:] if argv is None else argv)
    os.environ["QT_QPA_PLATFORM"] = args.platform
    with tempfile.TemporaryDirectory(prefix="bench-gui-stall-", ignore_cleanup_errors=True) as tmp:
        os.environ["HALLAPP_HOME"] = str(args.home or Path(tmp) / "home")
        result = measure(args)
        if not result["drained"]:  # say why: the engine logs what stopped it
            for log_file in sorted(Path(os.environ["HALLAPP_HOME"]).rglob("*.log")):
                print(f"--- {log_file.name}", *log_file.read_text(errors="replace").splitlines()[-15:], sep="\n",
                      file=sys.stderr)
    print(json.dumps(result, indent=1) if args.json else "", end="\n" if args.json else "")
    if not args.json:
        _print(result)
    return 0 if result["drained"] else 1


if __name__ == "__main__":
    sys.exit(main())
