"""Queue bench: 50 counters calling at once on PostgreSQL, and ticket-issue latency on SQLite.

  shared queue  a throwaway PostgreSQL cluster (tests/support/postgres.py), a hall whose 50 counters
                all serve category A, N tickets issued (default 2000), then every counter loops
                call_next + done until nobody waits. Reported: calls/s (tickets / wall time from the
                common start to the last done), duplicates (tickets called more than once, or by two
                counters) and lost tickets (not done at the end): both must be 0. Also: calls/s over
                the middle 80% of the calls (no start-up ramp, no tail), and the CPU that one
                call_next + done costs in the workers (process_time) and in the server (/proc, Linux).
  baseline      the same workload with 1 counter (one process, one thread, same code path, the same
                N tickets) on a fresh database in the same run, just before: calls/s, and the ratio
                50 counters / 1 counter. Each call sorts every waiting ticket (next_for_counter), so
                calls get cheaper as the queue empties: the baseline must drain the same N.
  issue latency issue_ticket on SQLite (a new hall in a new file, as a kiosk issues), median and p95
                over --issues calls, against a trivial INSERT + COMMIT through the sqlite3 module on
                a file with the same pragmas (WAL, synchronous=NORMAL, BEGIN IMMEDIATE), same run; for
                scale, the same trivial INSERT through hallapp's Database.unit_of_work(write=True).

Workers: CPython runs one thread of Python at a time per process, and a call is mostly Python
(SQLAlchemy ORM) between short SQL round trips, so 50 threads in one process would measure the GIL.
50 processes on a 2-core machine would mostly measure start-up and the scheduler. The bench runs
--processes processes (default 10, spawn) with --counters / --processes threads each (default 5); every
thread is one counter with its own connection (each process has its own Database and pool, whose
5 connections cap the threads per process: fewer processes are raised to counters / 5).

    .venv/bin/python bench/queue.py [--tickets 2000] [--counters 50] [--processes 10]
                                    [--baseline-tickets N] [--issues 500] [--json]

Exits 1 on a duplicate, a lost ticket or a worker error; PostgreSQL missing skips the shared-queue
part (with a message). Unknown options (e.g. those run_all.py passes to every bench) are ignored.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is bench/queue.py: with bench/ first on sys.path it would shadow the standard library's
# `queue` for everything imported after it (multiprocessing, concurrent.futures, ...).
BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != BENCH_DIR]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # hallapp, and tests.support.postgres for the throwaway cluster

import argparse  # noqa: E402
import json  # noqa: E402
import multiprocessing  # noqa: E402
import os  # noqa: E402
import sqlite3  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from collections import Counter as Tally  # noqa: E402

BARRIER_TIMEOUT = 60
# hallapp's Database keeps a pool of 5 PostgreSQL connections (storage/database.py); a 6th thread would
# get an overflow connection that is closed when returned, i.e. a new connection per transaction.
THREADS_PER_PROCESS_MAX = 5
RESULT_TIMEOUT = 120


# -- the hall ------------------------------------------------------------------------------------------


def make_hall(url: str, counters: int) -> int:
    """A migrated database with one hall whose every counter serves category A; the hall id."""
    from argon2 import PasswordHasher
    from sqlalchemy import select

    from hallapp.services import staff
    from hallapp.services.hall import create_hall
    from hallapp.storage import Database
    from hallapp.storage.models import CounterCategory, QueueCategory

    staff._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)  # set-up only, not measured
    db = Database(url)
    try:
        db.upgrade()
        hall = create_hall(db, name="排队压测政务服务中心", code="B510104", region_code="510104", counters=counters,
                           admin_username="admin", admin_name="管理员", admin_password="Bench2026x")
        with db.unit_of_work(write=True) as uow:
            a = uow.session.scalars(select(QueueCategory).where(QueueCategory.hall_id == hall.id,
                                                                QueueCategory.letter == "A")).one()
            for counter in uow.halls.counters(hall.id):
                if "A" not in dict(uow.queue.counter_categories(counter.id)):
                    uow.add(CounterCategory(counter_id=counter.id, category_id=a.id, position=2))
        return hall.id
    finally:
        db.dispose()


def issue_tickets(url: str, hall_id: int, count: int) -> float:
    from hallapp.services import queue
    from hallapp.storage import Database

    db = Database(url)
    started = time.perf_counter()
    for _ in range(count):
        queue.issue_ticket(db, hall_id, "A")
    elapsed = time.perf_counter() - started
    db.dispose()
    return elapsed


# -- the counters (worker processes) ------------------------------------------------------------------


def worker(url: str, hall_id: int, counter_numbers: list[int], start, results) -> None:
    """One process: a thread per counter, each looping call_next + done until nobody waits."""
    from hallapp.services import queue
    from hallapp.storage import Database

    db = Database(url)
    with db.unit_of_work() as uow:  # open the connections before the common start
        uow.queue.categories(hall_id)
    calls: list[list[float]] = []  # ticket id, counter number, time done
    errors: list[str] = []
    spans: list[tuple[float, float]] = []
    lock = threading.Lock()
    ready = threading.Barrier(len(counter_numbers) + 1)

    def counter(number: int) -> None:
        ref = queue.CounterRef(hall_id, number)
        mine: list[list[float]] = []
        ready.wait()
        began = time.time()
        try:
            while (ticket := queue.call_next(db, ref)) is not None:
                queue.done(db, ref, ticket.id)
                mine.append([ticket.id, number, time.time()])
        except Exception as exc:  # noqa: BLE001 - reported, and the bench fails with it
            with lock:
                errors.append(f"counter {number}: {type(exc).__name__}: {exc}")
        ended = time.time()
        with lock:
            calls.extend(mine)
            spans.append((began, ended))

    threads = [threading.Thread(target=counter, args=(n,)) for n in counter_numbers]
    for thread in threads:
        thread.start()
    # Each thread checks out its own connection on its first call; warm them up front.
    conns = [db.engine.connect() for _ in counter_numbers]
    for conn in conns:
        conn.close()
    start.wait(BARRIER_TIMEOUT)
    cpu = time.process_time()
    ready.wait()
    for thread in threads:
        thread.join()
    cpu = time.process_time() - cpu
    db.dispose()
    results.put({"calls": calls, "errors": errors, "spans": spans, "cpu_s": cpu})


def server_cpu_s(cluster) -> float | None:
    """CPU seconds used so far by the cluster: the postmaster, its live children, and the children it
    has reaped (cutime/cstime). Linux /proc only; None elsewhere."""
    try:
        postmaster = int((cluster.data_dir / "postmaster.pid").read_text().split()[0])
        ticks = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # exited meanwhile
            if int(stat.parent.name) == postmaster:
                ticks += sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
            elif int(fields[1]) == postmaster:
                ticks += int(fields[11]) + int(fields[12])
        return ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def run_counters(url: str, hall_id: int, counters: int, processes: int, server_cpu=None) -> dict:
    ctx = multiprocessing.get_context("spawn")
    processes = max(1, min(counters, max(processes, -(-counters // THREADS_PER_PROCESS_MAX))))
    numbers = list(range(1, counters + 1))
    groups = [numbers[i::processes] for i in range(processes)]
    start = ctx.Barrier(processes + 1)
    results = ctx.Queue()
    procs = [ctx.Process(target=worker, args=(url, hall_id, group, start, results)) for group in groups]
    for proc in procs:
        proc.start()
    server = server_cpu or (lambda: None)
    try:
        start.wait(BARRIER_TIMEOUT)
        server_before = server()
        reports = [results.get(timeout=RESULT_TIMEOUT) for _ in procs]
    finally:
        for proc in procs:
            proc.join(10)
            if proc.is_alive():
                proc.kill()
    time.sleep(0.3)  # the backends exit once their workers have disconnected; let the postmaster reap them
    server_after = server()
    calls = [tuple(c) for r in reports for c in r["calls"]]
    n = max(1, len(calls))
    finished = sorted(at for _, _, at in calls)
    lo, hi = int(0.1 * len(finished)), int(0.9 * len(finished))
    steady = (hi - lo) / (finished[hi] - finished[lo]) if hi > lo and finished[hi] > finished[lo] else None
    client_ms = sum(r["cpu_s"] for r in reports) / n * 1000
    server_ms = (server_after - server_before) / n * 1000 if server_before is not None and server_after is not None else None
    spans = [s for r in reports for s in r["spans"]]
    wall = max(e for _, e in spans) - min(b for b, _ in spans)
    return {"calls": calls, "errors": [e for r in reports for e in r["errors"]], "wall_s": wall,
            "calls_per_s": len(calls) / wall if wall > 0 else 0.0, "steady_calls_per_s": steady,
            "processes": processes, "counters": counters,
            "client_cpu_ms_per_call": client_ms, "server_cpu_ms_per_call": server_ms}


def check(url: str, hall_id: int, run: dict, tickets: int) -> dict:
    """Duplicates and lost tickets, from the workers' reports and from the database."""
    from sqlalchemy import func, select

    from hallapp.storage import Database
    from hallapp.storage.models import Ticket, TicketEvent

    db = Database(url)
    with db.unit_of_work() as uow:
        call_events = {t: n for t, n in uow.session.execute(
            select(TicketEvent.ticket_id, func.count()).where(TicketEvent.action == "call").group_by(TicketEvent.ticket_id))}
        states = {t: s for t, s in uow.session.execute(select(Ticket.id, Ticket.state).where(Ticket.hall_id == hall_id))}
    db.dispose()
    reported = Tally(ticket_id for ticket_id, _, _ in run["calls"])
    duplicates = {t for t, n in reported.items() if n > 1} | {t for t, n in call_events.items() if n > 1}
    lost = {t for t, state in states.items() if state != "done"} | (set(states) - set(reported))
    return {"tickets": len(states), "expected": tickets, "duplicates": len(duplicates), "lost": len(lost),
            "errors": run["errors"]}


def shared_queue(args: argparse.Namespace) -> dict | None:
    from tests.support.postgres import ThrowawayPostgres
    from tests.support.requirements import find_pg_bin

    if find_pg_bin("initdb") is None or find_pg_bin("pg_ctl") is None:
        print("shared queue: skipped, PostgreSQL (initdb, pg_ctl) not found", file=sys.stderr)
        return None
    out: dict = {}
    with ThrowawayPostgres() as cluster:
        for name, counters, processes, tickets in (
            ("baseline", 1, 1, args.baseline_tickets or args.tickets),
            ("parallel", args.counters, args.processes, args.tickets),
        ):
            url = cluster.create_database(f"bench_{name}")
            hall_id = make_hall(url, counters)
            issue_s = issue_tickets(url, hall_id, tickets)
            run = run_counters(url, hall_id, counters, processes, lambda: server_cpu_s(cluster))
            verdict = check(url, hall_id, run, tickets)
            out[name] = {**{k: v for k, v in run.items() if k not in ("calls", "errors")}, **verdict,
                         "issue_per_s_one_kiosk": tickets / issue_s}
            print(f"  {name}: {counters} counter(s) in {run['processes']} process(es): {len(run['calls'])} calls "
                  f"in {run['wall_s']:.2f} s", file=sys.stderr)
    out["ratio"] = out["parallel"]["calls_per_s"] / out["baseline"]["calls_per_s"]
    if out["parallel"]["steady_calls_per_s"] and out["baseline"]["steady_calls_per_s"]:
        out["steady_ratio"] = out["parallel"]["steady_calls_per_s"] / out["baseline"]["steady_calls_per_s"]
    return out


# -- issue latency on SQLite ---------------------------------------------------------------------------


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def issue_latency(issues: int, work: Path) -> dict:
    from hallapp.services import queue
    from hallapp.storage import Database

    url = f"sqlite:///{work / 'issue.sqlite3'}"
    hall_id = make_hall(url, 3)
    db = Database(url)
    letters = "ABCD"
    for i in range(20):  # warm up: connection, statement cache, the day's sequence rows
        queue.issue_ticket(db, hall_id, letters[i % 4])
    samples = []
    for i in range(issues):
        started = time.perf_counter()
        queue.issue_ticket(db, hall_id, letters[i % 4])
        samples.append(time.perf_counter() - started)

    # The unit of work alone: BEGIN IMMEDIATE, one trivial INSERT, COMMIT through hallapp's Database.
    from sqlalchemy import text

    with db.unit_of_work(write=True) as uow:
        uow.session.execute(text("CREATE TABLE bench_t (id INTEGER PRIMARY KEY, number TEXT NOT NULL)"))
    uow_samples = []
    for i in range(issues + 20):
        started = time.perf_counter()
        with db.unit_of_work(write=True) as uow:
            uow.session.execute(text("INSERT INTO bench_t (number) VALUES (:n)"), {"n": f"A{i:03d}"})
        uow_samples.append(time.perf_counter() - started)
    uow_samples = uow_samples[20:]
    db.dispose()

    conn = sqlite3.connect(work / "baseline.sqlite3", isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "busy_timeout=5000"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, number TEXT NOT NULL)")
    base = []
    for i in range(issues + 20):
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (number) VALUES (?)", (f"A{i:03d}",))
        conn.execute("COMMIT")
        base.append(time.perf_counter() - started)
    conn.close()
    base = base[20:]
    figures = {
        "issues": issues,
        "issue_median_ms": statistics.median(samples) * 1000, "issue_p95_ms": percentile(samples, 95) * 1000,
        "baseline_median_ms": statistics.median(base) * 1000, "baseline_p95_ms": percentile(base, 95) * 1000,
        "uow_insert_median_ms": statistics.median(uow_samples) * 1000, "uow_insert_p95_ms": percentile(uow_samples, 95) * 1000,
    }
    figures["ratio_median"] = figures["issue_median_ms"] / figures["baseline_median_ms"]
    figures["ratio_p95"] = figures["issue_p95_ms"] / figures["baseline_p95_ms"]
    return figures


# -- main --------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=2000, help="tickets for the 50-counter run")
    parser.add_argument("--counters", type=int, default=50)
    parser.add_argument("--processes", type=int, default=10, help="worker processes; counters are threads in them")
    parser.add_argument("--baseline-tickets", type=int, default=None, help="1-counter baseline tickets (default: --tickets)")
    parser.add_argument("--issues", type=int, default=500, help="issue_ticket calls timed on SQLite")
    parser.add_argument("--json", action="store_true")
    args, _ = parser.parse_known_args(argv)

    started = time.monotonic()
    os.environ.pop("HALLAPP_DATABASE_URL", None)
    with tempfile.TemporaryDirectory(prefix="hallapp-bench-queue-") as tmp:
        os.environ["HALLAPP_HOME"] = tmp  # every run uses its own home
        shared = shared_queue(args)
        latency = issue_latency(args.issues, Path(tmp))
    figures = {"shared_queue": shared, "issue_latency_sqlite": latency, "total_s": time.monotonic() - started}

    failed = bool(shared) and any(
        shared[k]["duplicates"] or shared[k]["lost"] or shared[k]["errors"] or shared[k]["tickets"] != shared[k]["expected"]
        for k in ("baseline", "parallel"))
    if args.json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
    else:
        if shared:
            p, b = shared["parallel"], shared["baseline"]
            print(f"shared queue  {p['counters']} counters ({p['processes']} processes x {p['counters'] // p['processes']} "
                  f"threads): {p['calls_per_s']:7.1f} calls/s ({p['tickets']} tickets in {p['wall_s']:.2f} s)")
            print(f"baseline      1 counter:  {b['calls_per_s']:7.1f} calls/s ({b['tickets']} tickets in {b['wall_s']:.2f} s)")
            print(f"ratio         {shared['ratio']:.2f}x the 1-counter rate")
            if "steady_ratio" in shared:
                print(f"steady state  middle 80% of the calls: {p['steady_calls_per_s']:.1f} vs {b['steady_calls_per_s']:.1f} "
                      f"calls/s, ratio {shared['steady_ratio']:.2f}x")
            print(f"correctness   duplicates {p['duplicates']} + {b['duplicates']}, lost {p['lost']} + {b['lost']}, "
                  f"errors {len(p['errors']) + len(b['errors'])}")
            for key, label in (("client_cpu_ms_per_call", "client"), ("server_cpu_ms_per_call", "server")):
                if p[key] is not None and b[key] is not None:
                    print(f"cpu/call      {label}: {p[key]:.2f} ms at 50 counters, {b[key]:.2f} ms at 1 counter "
                          "(call_next + done)")
            print(f"issuing (PG)  one kiosk: {p['issue_per_s_one_kiosk']:.0f} tickets/s (set-up of the 50-counter run)")
            for error in (p["errors"] + b["errors"])[:5]:
                print(f"  error: {error}")
        print(f"issue latency SQLite issue_ticket: median {latency['issue_median_ms']:.2f} ms, "
              f"p95 {latency['issue_p95_ms']:.2f} ms ({latency['issues']} issues)")
        print(f"baseline      sqlite3 INSERT+COMMIT: median {latency['baseline_median_ms']:.3f} ms, "
              f"p95 {latency['baseline_p95_ms']:.3f} ms")
        print(f"ratio         median {latency['ratio_median']:.1f}x, p95 {latency['ratio_p95']:.1f}x")
        print(f"for scale     trivial INSERT in a hallapp unit of work: median {latency['uow_insert_median_ms']:.3f} ms, "
              f"p95 {latency['uow_insert_p95_ms']:.3f} ms")
        print(f"total         {figures['total_s']:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
