"""Startup bench: process spawn to the first painted window and to "ready", `hallapp --demo` vs a bare PySide6 window.

Each run is a fresh process with HALLAPP_EXIT_AFTER_PAINT=1. It prints `painted <unix time>` at the
first paint of its first window (hallapp: the start-up window, ui/startup.py) and hallapp then
`ready <unix time>` once the counter can read a card (main window on the counter page, the card
reader open), and quits. startup = painted - time.time() taken just before spawn; ready likewise.
What the window starts after ready (the sync runner, the other pages' modules) is not measured.

Three kinds of run, interleaved round by round so that machine noise hits all of them alike:
  bare          bench/bare_window.py (QMainWindow + QLabel): the floor any PySide6 app pays
  hallapp cold  `hallapp --demo` in a new empty HALLAPP_HOME: creates and migrates the demo database
  hallapp warm  `hallapp --demo` in one HALLAPP_HOME reused across rounds (database already there)
One untimed run of each comes first, to fill the page cache. Peak RSS comes from os.wait4's rusage of
each child. The figures to compare across machines are the ratios hallapp/bare, not the seconds.

    .venv/bin/python bench/startup.py [--rounds 7] [--platform offscreen|xcb] [--json]

`--platform xcb` needs an X server in DISPLAY, e.g. `xvfb-run -a .venv/bin/python bench/startup.py
--platform xcb`. Exits 1 only if a process fails to start or paint, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
BARE_SCRIPT = BENCH_DIR / "bare_window.py"
KINDS = ("bare", "hallapp_cold", "hallapp_warm")


class StartError(RuntimeError):
    """A measured process did not paint its window."""


@dataclass
class Sample:
    startup_s: float
    peak_rss_kib: int
    ready_s: float | None = None  # hallapp only: spawn to `ready`


@dataclass
class Series:
    samples: list[Sample] = field(default_factory=list)

    def times(self) -> list[float]:
        return [s.startup_s for s in self.samples]

    def summary(self) -> dict[str, float]:
        times = self.times()
        rss = [s.peak_rss_kib / 1024 for s in self.samples]
        ready = [s.ready_s for s in self.samples if s.ready_s is not None]
        return {
            "median_s": statistics.median(times),
            "min_s": min(times),
            "max_s": max(times),
            "peak_rss_mib_median": statistics.median(rss),
            "peak_rss_mib_max": max(rss),
            **({"ready_median_s": statistics.median(ready), "ready_min_s": min(ready), "ready_max_s": max(ready)}
               if ready else {}),
        }


def run_once(cmd: list[str], env: dict[str, str], timeout_s: float, *, ready: bool = False) -> Sample:
    """Spawn `cmd`, wait for its `painted` (and with `ready`, its `ready`) line and exit; the times
    and peak RSS of that child."""
    with tempfile.TemporaryFile() as err:
        spawn = time.time()
        proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err)
        killer = threading.Timer(timeout_s, proc.kill)
        killer.start()
        try:
            assert proc.stdout is not None
            out = proc.stdout.read().decode(errors="replace")
            proc.stdout.close()
            _, status, usage = os.wait4(proc.pid, 0)  # rusage of this child alone (ru_maxrss in KiB)
            proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here; keep Popen from waiting again
        finally:
            killer.cancel()
        err.seek(0)
        stderr = err.read().decode(errors="replace")
    painted = [line.split()[1] for line in out.splitlines() if line.startswith("painted ")]
    readied = [line.split()[1] for line in out.splitlines() if line.startswith("ready ")]
    if proc.returncode != 0 or not painted or (ready and not readied):
        tail = "\n".join((out + stderr).strip().splitlines()[-15:]) or "(no output)"
        missing = "painting" if not painted else "being ready" if ready and not readied else "a clean exit"
        raise StartError(f"{shlex.join(cmd)} exited {proc.returncode} without {missing}:\n{tail}")
    return Sample(float(painted[0]) - spawn, usage.ru_maxrss, float(readied[0]) - spawn if readied else None)


def default_hallapp() -> str:
    beside = Path(sys.executable).parent / "hallapp"
    return str(beside) if beside.exists() else (shutil.which("hallapp") or "hallapp")


def versions() -> dict[str, str]:
    try:
        import PySide6

        pyside = PySide6.__version__
    except ImportError:
        pyside = "missing"
    return {"python": platform.python_version(), "pyside6": pyside}


def measure(args: argparse.Namespace) -> dict:
    hallapp_cmd = [*shlex.split(args.hallapp), "--demo"]
    bare_cmd = [sys.executable, str(BARE_SCRIPT)]
    base_env = {**os.environ, "QT_QPA_PLATFORM": args.platform, "HALLAPP_EXIT_AFTER_PAINT": "1"}
    series = {kind: Series() for kind in KINDS}
    with tempfile.TemporaryDirectory(prefix="hallapp-bench-") as tmp:
        root = Path(tmp)
        warm_home = root / "warm"

        def run(kind: str, index: int) -> Sample:
            if kind == "bare":
                return run_once(bare_cmd, {**base_env, "HALLAPP_HOME": str(root / "bare")}, args.timeout)
            home = warm_home if kind == "hallapp_warm" else root / f"cold-{index}"
            sample = run_once(hallapp_cmd, {**base_env, "HALLAPP_HOME": str(home)}, args.timeout, ready=True)
            if kind == "hallapp_cold":
                shutil.rmtree(home, ignore_errors=True)
            return sample

        for kind in KINDS:  # untimed: page cache, and the warm home's demo database
            run(kind, -1)
        for index in range(args.rounds):
            for kind in KINDS:
                sample = run(kind, index)
                series[kind].samples.append(sample)
                if not args.json:
                    ready = f"ready {sample.ready_s * 1000:6.0f} ms " if sample.ready_s is not None else " " * 16
                    print(f"  round {index + 1}/{args.rounds} {kind:<13} {sample.startup_s * 1000:7.0f} ms {ready}"
                          f"{sample.peak_rss_kib / 1024:6.1f} MiB", file=sys.stderr)

    summary = {kind: {**s.summary(), "samples_s": s.times()} for kind, s in series.items()}
    bare = summary["bare"]
    ratios = {
        f"{kind}/bare": {
            "median": summary[kind]["median_s"] / bare["median_s"],
            "min": summary[kind]["min_s"] / bare["min_s"],
            "peak_rss_median": summary[kind]["peak_rss_mib_median"] / bare["peak_rss_mib_median"],
            "ready_median": summary[kind]["ready_median_s"] / bare["median_s"],
        }
        for kind in ("hallapp_warm", "hallapp_cold")
    }
    return {
        "bench": "startup",
        "command": shlex.join([sys.executable, *sys.argv]),
        "platform": args.platform,
        "rounds": args.rounds,
        "hallapp": shlex.join(hallapp_cmd),
        **versions(),
        "results": summary,
        "ratios": ratios,
        "samples": {kind: [asdict(s) for s in ser.samples] for kind, ser in series.items()},
    }


def print_table(report: dict) -> None:
    print(f"startup to first paint and to ready: {report['rounds']} rounds, QT_QPA_PLATFORM={report['platform']}, "
          f"Python {report['python']}, PySide6 {report['pyside6']}")
    print(f"{'':<18}{'median ms':>10}{'min ms':>9}{'max ms':>9}{'RSS MiB':>9}{'ready med':>11}{'min':>7}{'max':>7}")
    for kind, row in report["results"].items():
        ready = "".join(f"{row[key] * 1000:>{width}.0f}" for key, width in
                        (("ready_median_s", 11), ("ready_min_s", 7), ("ready_max_s", 7))) if "ready_median_s" in row else ""
        print(f"{kind:<18}{row['median_s'] * 1000:>10.0f}{row['min_s'] * 1000:>9.0f}{row['max_s'] * 1000:>9.0f}"
              f"{row['peak_rss_mib_median']:>9.1f}{ready}")
    print(f"{'ratio to bare':<18}{'median':>10}{'min':>9}{'':>9}{'RSS':>9}{'ready med':>11}")
    for name, ratio in report["ratios"].items():
        print(f"{name:<18}{ratio['median']:>10.2f}{ratio['min']:>9.2f}{'':>9}{ratio['peak_rss_median']:>9.2f}"
              f"{ratio['ready_median']:>11.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7, help="measured rounds of each kind (default 7)")
    parser.add_argument("--platform", choices=["offscreen", "xcb"], default="offscreen",
                        help="QT_QPA_PLATFORM; xcb needs DISPLAY (e.g. under xvfb-run -a)")
    parser.add_argument("--hallapp", default=default_hallapp(),
                        help="command that starts hallapp (default: the venv's console script); "
                             "e.g. a PyInstaller bundle's dist/hallapp/hallapp")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a run is killed")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    if args.platform == "xcb" and not os.environ.get("DISPLAY"):
        parser.error("--platform xcb needs DISPLAY; run under `xvfb-run -a` or start Xvfb first")
    try:
        report = measure(args)
    except (StartError, OSError) as exc:
        print(f"startup bench: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_table(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
