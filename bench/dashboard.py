"""Dashboard bench: one year of a large hall (≈ 5 M tickets with their cases, evaluations and printed
receipts) on SQLite and on PostgreSQL, and what the supervisor waits for at that size.

  fill       the demo hall (hallapp's own set-up) grown to --counters counters, then --days working
             days of --tickets-per-day tickets each, written through the raw driver (sqlite3
             executemany, psycopg COPY; not the ORM one by one): tickets (done / no-show, the last day partly waiting), a case for
             85 % of the visits done (accepted, 容缺, one-time notice; a few returned), a receipt for
             92 % of the cases, an evaluation for 80 % of the visits. Reproducible (--seed).
             --distinct-weeks N (default 2): only the first N weeks are generated so; every later day
             but the last is a copy of the generated day of its weekday, made by the database
             (INSERT … SELECT: dates and times moved by whole days, ids past each table's last, links
             moved with them), keeping 86–100 % of its visits (chosen per day, so no two days are
             alike); the last day is generated. A year: ≈ 14 min on SQLite (was ≈ 70), ≈ 6 on PostgreSQL.
  today      a full dashboard refresh of the last day ("today", live), as the supervisor page
             reads it: dashboard_summary.summary (tiles, charts, ticket → receipt times, aggregated
             by the database), median of --rounds; and the rows behind them (dashboard.snapshot,
             read only when a number is opened).
  month      the same for the last whole month before the last day (the month that holds the last
             day may hold only that day).
  report     the monthly report of that month: reports.build + the PDF.
  summaries  month and report read the closed days' kept summaries (services/day_summaries.py); the
             one-time cost of building the month's is printed apart (they are dropped first, so a
             --reuse run measures it every time). --without-summaries also times, once, the month
             refresh and the report's aggregates straight from the rows, as before them.
  mark       the day summaries' mark alone for every day of that month (repo.mark: which kept days
             changed), what every month read pays before it reads a summary.
  bare SQL   in the same run, one bare SQL aggregate per measure that computes the same counts and
             mean times (tickets, done, no-shows, mean wait; cases by decision; evaluations; per
             counter) straight in the database: the floor for each measure, printed as a ratio.
             (It has no percentiles and no per-hour breakdown: hallapp computes those in Python.)

    .venv/bin/python bench/dashboard.py [--days 250] [--tickets-per-day 20000] [--counters 40]
                                        [--quick] [--backend sqlite|postgresql|both] [--rounds 5] [--json]
                                        [--reuse DIR] [--distinct-weeks 2] [--without-summaries]

  live       the page's live today (dashboard_live.LiveToday): its first, full read, then the read
             after one ticket is taken (only what changed is read and folded in).

--quick (what `make bench` passes through run_all.py as needed) is 20 days of 2000 tickets.
--reuse DIR (SQLite) fills DIR once and keeps it; a later run with the same DIR only measures (the
live measure adds --rounds tickets to the last day each run).
Goal (issue 13): today's refresh < 200 ms and the monthly report < 2 s at the full size.
PostgreSQL missing skips its half with one line. Unknown options are ignored.
"""

from __future__ import annotations

import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
# bench/queue.py would shadow the standard library's `queue` (psycopg imports it): bench/ off the path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != BENCH_DIR]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # hallapp, and tests.support.postgres for the throwaway cluster

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from datetime import UTC, date, datetime, timedelta  # noqa: E402
from datetime import time as clock_time  # noqa: E402

GOAL_TODAY_S, GOAL_REPORT_S = 0.2, 2.0
HOUR_WEIGHTS = {8: 4, 9: 14, 10: 16, 11: 11, 12: 4, 13: 7, 14: 13, 15: 12, 16: 9}
LEVEL_WEIGHTS = (60, 25, 8, 5, 2)


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--days", type=int, default=250, help="working days (≈ a year)")
    parser.add_argument("--tickets-per-day", type=int, default=20_000)
    parser.add_argument("--counters", type=int, default=40)
    parser.add_argument("--quick", action="store_true", help="20 days of 2000 tickets")
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--distinct-weeks", type=int, default=2,
                        help="weeks generated; the rest of the year copied from them in SQL (0: every day generated)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--without-summaries", action="store_true",
                        help="also time the month and the report's aggregates straight from the rows, once")
    parser.add_argument("--reuse", metavar="DIR", type=Path,
                        help="SQLite: fill DIR once (kept), later runs measure it again without a refill")
    args, _unknown = parser.parse_known_args(argv)
    if args.quick:
        args.days, args.tickets_per_day = min(args.days, 20), min(args.tickets_per_day, 2000)
    return args


# -- the hall and its year ---------------------------------------------------------------------------

def make_hall(url: str, home: Path, counters: int) -> tuple[object, object, int]:
    """A migrated database with the demo hall grown to `counters` counters and one sealed applicant
    (made through hallapp's services, as a counter would); (app, hall info, applicant id)."""
    from argon2 import PasswordHasher
    from sqlalchemy import func, select

    from hallapp.bootstrap import AppContext
    from hallapp.config import Settings
    from hallapp.home import Home
    from hallapp.services import demo, hall, staff
    from hallapp.storage import Database
    from hallapp.storage.models import Case

    staff._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)  # set-up only, not measured
    db = Database(url)
    db.upgrade()
    info = hall.ensure_demo_hall(db)
    if counters > len(info.counters):
        hall.add_counters(db, "bench", counters - len(info.counters))
    app = AppContext(Home(home).ensure(), Settings(), db, demo=True)
    demo.seed_cases(app, 1)
    with db.unit_of_work() as uow:
        applicant = uow.session.execute(select(func.min(Case.applicant_id))).scalar_one()
    return app, hall.hall_info(db), applicant


def working_days(last: date, count: int) -> list[date]:
    days, day = [], last
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day -= timedelta(days=1)
    return days[::-1]


class Year:
    """Rows of the hall's year, generated day by day in id order (ids given, so no RETURNING)."""

    def __init__(self, db: object, hall_id: int, applicant: int, seed: int, zone: object) -> None:
        from sqlalchemy import select

        from hallapp.storage.models import Counter, ServiceItem, Staff

        self.rng, self.hall_id, self.applicant, self.zone = random.Random(seed), hall_id, applicant, zone
        with db.unit_of_work() as uow:  # type: ignore[attr-defined]
            s = uow.session
            self.counters = list(s.scalars(select(Counter.id).where(Counter.hall_id == hall_id).order_by(Counter.number)))
            clerks = list(s.scalars(select(Staff.id).where(Staff.hall_id == hall_id).order_by(Staff.id)))
            self.items = list(s.scalars(select(ServiceItem.id)))
            self.next = {name: _max_id(s, model) + 1 for name, model in self._models().items()}
        self.clerk_of = {c: clerks[i % len(clerks)] for i, c in enumerate(self.counters)}

    def resume(self, db: object) -> None:
        """Go on after rows written by others (the copies): ids past each table's last."""
        with db.unit_of_work() as uow:  # type: ignore[attr-defined]
            self.next = {name: _max_id(uow.session, model) + 1 for name, model in self._models().items()}

    @staticmethod
    def _models() -> dict[str, object]:
        from hallapp.storage.models import Case, Evaluation, Ticket
        from hallapp.storage.models.printing import PrintedDocument
        return {"ticket": Ticket, "case": Case, "evaluation": Evaluation, "print": PrintedDocument}

    def day(self, day: date, count: int, live_until: datetime | None) -> dict[str, list[dict]]:
        rows: dict[str, list[dict]] = {"ticket": [], "case": [], "evaluation": [], "print": []}
        start = datetime.combine(day, clock_time(0, 0), self.zone)
        hours = self.rng.choices(list(HOUR_WEIGHTS), weights=list(HOUR_WEIGHTS.values()), k=count)
        issued = sorted(start + timedelta(hours=h, seconds=self.rng.randrange(3600)) for h in hours)
        for n, at in enumerate(issued):
            self._visit(rows, day, n, at, live_until)
        return rows

    def _visit(self, rows: dict[str, list[dict]], day: date, n: int, at: datetime, live_until: datetime | None) -> None:
        rng, tid = self.rng, self._id("ticket")
        counter = rng.choice(self.counters)
        called = at + timedelta(minutes=rng.uniform(1, 40))
        served = called + timedelta(minutes=rng.uniform(0.3, 2))
        finished = served + timedelta(minutes=rng.uniform(3, 25))
        ticket = {"id": tid, "hall_id": self.hall_id, "service_date": day, "category": "ABCD"[n % 4],
                  "number": f"{'ABCD'[n % 4]}{n:05d}", "issued_at": at.astimezone(UTC)}
        if live_until is not None and called > live_until:  # today: not called yet
            rows["ticket"].append({**ticket, "state": "waiting"})
            return
        clerk = self.clerk_of[counter]
        ticket.update(counter_id=counter, staff_id=clerk, called_at=called.astimezone(UTC))
        if rng.random() < 0.06:
            rows["ticket"].append({**ticket, "state": "no_show"})
            return
        rows["ticket"].append({**ticket, "state": "done", "serving_at": served.astimezone(UTC),
                               "finished_at": finished.astimezone(UTC)})
        case_id = self._case(rows, tid, counter, clerk, finished) if rng.random() < 0.85 else None
        if rng.random() < 0.8:
            level = rng.choices((1, 2, 3, 4, 5), weights=LEVEL_WEIGHTS)[0]
            rows["evaluation"].append({"id": self._id("evaluation"), "ticket_id": tid, "case_id": case_id,
                                       "staff_id": clerk, "level": level, "reason": "等候时间长" if level > 3 else "",
                                       "created_at": (finished + timedelta(minutes=1)).astimezone(UTC)})

    def _case(self, rows: dict[str, list[dict]], tid: int, counter: int, clerk: int, finished: datetime) -> int:
        rng, cid = self.rng, self._id("case")
        saved = (finished - timedelta(minutes=1)).astimezone(UTC)
        roll = rng.random()
        state = "returned" if roll < 0.001 else "confirmed"
        rows["case"].append({"id": cid, "number": f"BENCH{cid:012d}", "hall_id": self.hall_id, "counter_id": counter,
                             "staff_id": clerk, "item_id": rng.choice(self.items), "applicant_id": self.applicant,
                             "ticket_id": tid, "state": state, "accepted_at": None if roll > 0.9 else saved,
                             "gap_due_date": (finished + timedelta(days=7)).date() if 0.8 < roll <= 0.9 else None,
                             "returned_reason": "材料不清晰" if state == "returned" else "",
                             "created_at": saved, "updated_at": saved})
        if rng.random() < 0.92:
            rows["print"].append({"id": self._id("print"), "case_id": cid, "kind": "receipt", "reprint": False,
                                  "printed_at": saved + timedelta(minutes=1)})
        return cid

    def _id(self, name: str) -> int:
        value = self.next[name]
        self.next[name] = value + 1
        return value


def fill_year(db: object, year: Year, days: list[date], args: argparse.Namespace, live_until: datetime) -> dict[str, int]:
    """Every day generated (--distinct-weeks 0, or too few days); else that many whole weeks generated
    at the year's start (≈ 7.5 % more tickets a day than asked: a copy keeps 93 % on average), the days
    after them up to the day before the last copied from them by the database, and the last day
    ("today", live) generated. On PostgreSQL the tables are then analysed, as autovacuum would."""
    n = 5 * args.distinct_weeks  # working days: 5 a week, so a copy falls on its source's weekday
    if n <= 0 or len(days) <= n + 1:
        written = fill(db, year, days, args.tickets_per_day, live_until)
    else:
        generated = fill(db, year, days[:n], round(args.tickets_per_day * 1.075), None)
        copied = replicate(db, days[:n], days[n:-1], args.seed)
        year.resume(db)
        today = fill(db, year, days[-1:], args.tickets_per_day, live_until)
        written = {k: generated[k] + copied[k] + today[k] for k in generated}
    if db.engine.dialect.name == "postgresql":  # type: ignore[attr-defined]
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:  # type: ignore[attr-defined]
            conn.exec_driver_sql("ANALYZE")
    return written


def _max_id(session: object, model: object) -> int:
    from sqlalchemy import func, select
    return session.execute(select(func.coalesce(func.max(model.id), 0))).scalar_one()  # type: ignore[attr-defined]


def fill(db: object, year: Year, days: list[date], per_day: int, live_until: datetime | None) -> dict[str, int]:
    """Bulk writes through the raw driver (sqlite3 executemany, psycopg COPY), a transaction per day;
    rows written per table. The values are stored as hallapp's types store them (naive UTC times)."""
    tables = {name: model.__table__ for name, model in year._models().items()}  # type: ignore[attr-defined]
    written = dict.fromkeys(tables, 0)
    columns = {name: [c.name for c in table.columns] for name, table in tables.items()}
    pg = db.engine.dialect.name == "postgresql"  # type: ignore[attr-defined]
    write = _copy if pg else _executemany
    started = time.monotonic()
    raw = db.engine.raw_connection()  # type: ignore[attr-defined]
    if not pg:  # set-up only, not measured: no fsync per day; the generator's ids are consistent
        raw.execute("PRAGMA synchronous=OFF")
        raw.execute("PRAGMA cache_size=-200000")
    try:
        for i, day in enumerate(days):
            rows = year.day(day, per_day, live_until if day == days[-1] else None)
            cursor = raw.cursor()
            for name in ("ticket", "case", "print", "evaluation"):  # parents first: foreign keys
                pairs = [(c, DEFAULTS.get(c)) for c in columns[name]]
                values = [tuple([_stored(r.get(c, d), pg) for c, d in pairs]) for r in rows[name]]
                write(cursor, tables[name].name, columns[name], values)
                written[name] += len(values)
            cursor.close()
            raw.commit()
            if (i + 1) % 25 == 0 or i + 1 == len(days):
                print(f"  filled {i + 1}/{len(days)} days, {written['ticket']:,} tickets "
                      f"({time.monotonic() - started:.0f} s)", file=sys.stderr, flush=True)
        if pg:  # COPY wrote the ids itself: move the sequences past them, so hallapp can write after
            cursor = raw.cursor()
            for table in tables.values():
                cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                               f"(SELECT coalesce(max(id), 0) + 1 FROM {table.name}), false)")
            cursor.close()
            raw.commit()
    finally:
        raw.close()
    return written


def _stored(value: object, pg: bool) -> object:
    """A value as the column type stores it: naive UTC for times; on SQLite, text for times and dates
    (SQLAlchemy's format, microseconds included, so string comparisons stay right) and 0/1 for booleans."""
    if isinstance(value, datetime):
        value = value.astimezone(UTC).replace(tzinfo=None)
        return value if pg else value.isoformat(" ", "microseconds")
    if pg:
        return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _executemany(cursor: object, table: str, columns: list[str], values: list[tuple]) -> None:
    marks = ", ".join("?" * len(columns))
    cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", values)  # type: ignore[attr-defined]


def _copy(cursor: object, table: str, columns: list[str], values: list[tuple]) -> None:
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:  # type: ignore[attr-defined]
        for row in values:
            copy.write_row(row)


# -- the year from a few generated weeks ---------------------------------------------------------------

def replicate(db: object, sources: list[date], targets: list[date], seed: int) -> dict[str, int]:
    """Each target day a copy of the source day of its weekday (sources are whole weeks: targets[k]
    copies sources[k % len]), made by the database (INSERT … SELECT): dates and times moved by whole
    days, ids moved past the table's last, links (case → ticket, receipt → case, evaluation → ticket
    and case) moved with them. A copy keeps 86–100 % of the source's visits (a visit: its ticket, case,
    receipt and evaluation together), chosen per day, so no two days have the same figures."""
    raw = db.engine.raw_connection()  # type: ignore[attr-defined]
    pg = db.engine.dialect.name == "postgresql"  # type: ignore[attr-defined]
    if not pg:  # set-up only, as in fill()
        raw.execute("PRAGMA synchronous=OFF")
        raw.execute("PRAGMA cache_size=-200000")
    else:  # the links are moved with their rows: no foreign-key trigger per row (the throwaway's superuser)
        raw.execute("SET session_replication_role = replica")
    written = dict.fromkeys(("ticket", "case", "print", "evaluation"), 0)
    rng, started = random.Random(seed + 1), time.monotonic()
    try:
        cursor = raw.cursor()
        ranges = {d: _source_ranges(cursor, d, pg) for d in sources}
        for k, day in enumerate(targets):
            source = sources[k % len(sources)]
            keep = rng.randint(860, 1000)  # per mille of the source's visits
            for name, count in _copy_day(cursor, ranges[source], (day - source).days, keep, k, pg).items():
                written[name] += count
            raw.commit()
            if (k + 1) % 25 == 0 or k + 1 == len(targets):
                print(f"  copied {k + 1}/{len(targets)} days, {written['ticket']:,} tickets "
                      f"({time.monotonic() - started:.0f} s)", file=sys.stderr, flush=True)
        cursor.close()
    finally:
        if pg:
            raw.rollback()
            raw.execute("RESET session_replication_role")  # the pooled connection back as it was
            raw.commit()
        raw.close()
    return written


def _source_ranges(cursor: object, day: date, pg: bool) -> dict[str, int]:
    """The id ranges of a generated day: its tickets, their cases; the first receipt and evaluation id."""
    one = lambda sql, *args: cursor.execute(sql.replace("?", "%s") if pg else sql, args).fetchone()  # type: ignore[attr-defined]  # noqa: E731
    tlo, thi = one("SELECT min(id), max(id) FROM ticket WHERE service_date = ?", day if pg else day.isoformat())
    clo, chi = one("SELECT min(id), max(id) FROM case_file WHERE ticket_id BETWEEN ? AND ?", tlo, thi)
    (plo,) = one("SELECT min(id) FROM printed_document WHERE case_id BETWEEN ? AND ?", clo, chi)
    (elo,) = one("SELECT min(id) FROM evaluation WHERE ticket_id BETWEEN ? AND ?", tlo, thi)
    return {"tlo": tlo, "thi": thi, "clo": clo, "chi": chi, "plo": plo, "elo": elo}


def _copy_day(cursor: object, r: dict[str, int], shift: int, keep: int, salt: int, pg: bool) -> dict[str, int]:
    """One day's copy, parents first; the kept visits are those whose ticket id passes `kept`."""
    def last(table: str) -> int:
        cursor.execute(f"SELECT coalesce(max(id), 0) FROM {table}")  # type: ignore[attr-defined]
        return cursor.fetchone()[0]  # type: ignore[attr-defined]

    kept = lambda col: f"(({col} * 37 + {salt * 101}) % 1000) < {keep}"  # noqa: E731
    to, co = last("ticket") + 1 - r["tlo"], last("case_file") + 1 - r["clo"]
    po, eo = last("printed_document") + 1 - r["plo"], last("evaluation") + 1 - r["elo"]
    moved = {"id": None, "ticket_id": to, "case_id": co}
    number = ("'BENCH' || lpad((id + {o})::text, 12, '0')" if pg else "'BENCH' || printf('%012d', id + {o})")
    statements = (
        ("ticket", to, f"id BETWEEN {r['tlo']} AND {r['thi']} AND {kept('id')}", {}),
        ("case", co, f"ticket_id BETWEEN {r['tlo']} AND {r['thi']} AND {kept('ticket_id')}",
         {"number": number.format(o=co)}),
        ("print", po, f"case_id IN (SELECT id FROM case_file WHERE id BETWEEN {r['clo']} AND {r['chi']} "
                      f"AND {kept('ticket_id')})", {}),
        ("evaluation", eo, f"ticket_id BETWEEN {r['tlo']} AND {r['thi']} AND {kept('ticket_id')}", {}),
    )
    out = {}
    for name, offset, where, special in statements:
        table = Year._models()[name].__table__  # type: ignore[attr-defined]
        exprs = [special.get(c.name) or _moved(c, {**moved, "id": offset}.get(c.name), shift, pg)
                 for c in table.columns]
        names = ", ".join(c.name for c in table.columns)
        cursor.execute(f"INSERT INTO {table.name} ({names}) SELECT {', '.join(exprs)} FROM {table.name} "  # type: ignore[attr-defined]
                       f"WHERE {where}")
        out[name] = cursor.rowcount  # type: ignore[attr-defined]
    return out


def _moved(column: object, offset: int | None, shift: int, pg: bool) -> str:
    """A column's value in the copy: ids and links moved by `offset`, dates and times by `shift` days
    (on SQLite the stored text's date part only, so SQLAlchemy's format, microseconds kept, stays)."""
    from sqlalchemy import Date, DateTime

    name, kind = column.name, column.type  # type: ignore[attr-defined]
    if offset is not None:
        return f"{name} + {offset}"
    kind = getattr(kind, "impl", kind)  # UtcDateTime stores a DateTime
    if isinstance(kind, DateTime):
        return (f"{name} + interval '{shift} days'" if pg
                else f"date(substr({name}, 1, 10), '+{shift} days') || substr({name}, 11)")
    if isinstance(kind, Date):
        return f"{name} + {shift}" if pg else f"date({name}, '+{shift} days')"
    return name


# Columns a bulk row leaves out: what the ORM's defaults would have written.
DEFAULTS = {"priority": 0, "green_channel": False, "recalls": 0, "delivery": "window", "delivery_address": "",
            "originals_carrier": "", "originals_waybill": "", "result_waybill": "", "returned_reason": "",
            "reason": "", "channel": "hall_tablet", "reprint": False}


# -- what is measured ----------------------------------------------------------------------------------

def timed(run: Callable[[], object], rounds: int) -> float:
    run()  # warm: the first call pays for imports, statement compilation and the page cache
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def bare_sql(db: object, hall_id: int, first: date, last: date, since: datetime, until: datetime) -> Callable[[], object]:
    """The same counts and mean wait, per-counter counts, decisions and evaluations in plain SQL."""
    from sqlalchemy import text

    pg = db.engine.dialect.name == "postgresql"  # type: ignore[attr-defined]
    wait = ("extract(epoch from called_at - issued_at) / 60" if pg
            else "(julianday(called_at) - julianday(issued_at)) * 1440")
    bounds = {"h": hall_id, "f": first, "l": last, "s": since.replace(tzinfo=None), "u": until.replace(tzinfo=None)}
    queries = [
        f"SELECT count(*), sum(state = 'done'), sum(state = 'no_show'), avg({wait}) FROM ticket "
        "WHERE hall_id = :h AND service_date BETWEEN :f AND :l",
        "SELECT counter_id, count(*) FROM ticket WHERE hall_id = :h AND service_date BETWEEN :f AND :l "
        "AND state = 'done' GROUP BY counter_id",
        "SELECT accepted_at IS NULL, gap_due_date IS NULL, count(*) FROM case_file "
        "WHERE hall_id = :h AND created_at >= :s AND created_at < :u GROUP BY 1, 2",
        "SELECT level, count(*) FROM evaluation WHERE created_at >= :s AND created_at < :u GROUP BY level",
    ]
    if pg:
        queries[0] = queries[0].replace("sum(state = 'done'), sum(state = 'no_show')",
                                        "count(*) FILTER (WHERE state = 'done'), count(*) FILTER (WHERE state = 'no_show')")

    def run() -> object:
        with db.engine.connect() as conn:  # type: ignore[attr-defined]
            return [conn.execute(text(q), bounds).all() for q in queries]
    return run


def build_summaries(db: object, hall_id: int, month: object, clock: object) -> dict[str, float]:
    """The month's day summaries dropped and built again, once: what the first month read after an
    upgrade pays (later, close_days() or the first read builds only the day that closed)."""
    from sqlalchemy import delete

    from hallapp.services import day_summaries
    from hallapp.storage.models.day_summary import DaySummary

    with db.unit_of_work(write=True) as uow:  # type: ignore[attr-defined]
        uow.session.execute(delete(DaySummary).where(DaySummary.hall_id == hall_id))
    started = time.perf_counter()
    days = day_summaries.period_days(db, hall_id, month.first, month.last, clock)  # type: ignore[arg-type, attr-defined]
    build_s = time.perf_counter() - started
    open_days = sum(1 for parts in days.values() if parts.issued)
    return {"build_s": build_s, "build_days": len(days), "build_open_days": open_days}


def mark_of(db: object, hall_id: int, month: object, clock: object) -> Callable[[], object]:
    """The day summaries' mark alone for every day of the month: what each month read pays to learn
    which kept days changed, even when none did."""
    from hallapp.storage.repositories.day_summaries import DaySummaries

    days = [month.first + timedelta(days=n) for n in range((month.last - month.first).days + 1)]  # type: ignore[attr-defined]

    def run() -> object:
        with db.unit_of_work() as uow:  # type: ignore[attr-defined]
            repo = DaySummaries(uow.session)
            return [repo.mark(hall_id, d, *clock.day_range(d)) for d in days]  # type: ignore[attr-defined]
    return run


def measure_without(db: object, info: object, month: object, clock: object) -> dict[str, float]:
    """Once each, the month refresh and the report's aggregates straight from the rows, as before the
    day summaries (slow at full size: --without-summaries asks for it)."""
    from hallapp.services import dashboard_summary, reports

    out = {}
    for key, run in (("month_direct_s", lambda: dashboard_summary.direct(db, info.id, month, clock)),  # type: ignore[attr-defined]
                     ("report_direct_s", lambda: reports.totals_direct(db, info.id, month, clock))):  # type: ignore[attr-defined]
        started = time.perf_counter()
        run()
        out[key] = time.perf_counter() - started
    return out


def measure(app: object, info: object, today: date, rounds: int, without: bool = False) -> dict[str, float]:
    from hallapp.domain.clock import FixedClock, hall_clock
    from hallapp.services import dashboard, dashboard_summary, reports
    from hallapp.services.dashboard import Period

    db, fonts = app.db, tuple(app.settings.documents.font_paths)  # type: ignore[attr-defined]
    zone = hall_clock().zone
    clock = FixedClock(datetime.combine(today, clock_time(15, 0), zone), zone)  # 3 pm of "today": the hall is busy

    before = dashboard_summary.hour_comparison(db, info.id, today, clock=clock)  # type: ignore[attr-defined]

    def refresh(period: Period) -> Callable[[], object]:
        def run() -> object:  # what the supervisor page reads: tiles, charts, ticket → receipt times
            return dashboard_summary.summary(db, info.id, period, clock, before)  # type: ignore[attr-defined]
        return run

    def rows(period: Period) -> Callable[[], object]:
        def run() -> object:  # the rows behind the numbers: read when a supervisor opens one
            snap = dashboard.snapshot(db, info.id, period, clock)  # type: ignore[attr-defined]
            return dashboard.figures(snap), dashboard.breakdowns(snap)
        return run

    def monthly(month: Period) -> bytes:
        doc = reports.build(db, info.id, info.name, month, "monthly", clock)  # type: ignore[attr-defined]
        return reports.render(doc, "pdf", fonts)

    out: dict[str, float] = {}
    month = Period.month(today.replace(day=1) - timedelta(days=1))  # the last whole month: ≈ 21 working days
    out.update(build_summaries(db, info.id, month, clock))  # the one-time cost; the timings below read them
    for name, period, run in (("today", Period.day(today), refresh(Period.day(today))),
                              ("month", month, refresh(month)),
                              ("report", month, lambda: monthly(month))):
        since, until = period.bounds(clock)
        out[f"{name}_s"] = timed(run, rounds if name != "report" else max(1, rounds // 2))
        out[f"{name}_sql_s"] = timed(bare_sql(db, info.id, period.first, period.last, since, until), rounds)  # type: ignore[attr-defined]
        out[f"{name}_ratio"] = out[f"{name}_s"] / out[f"{name}_sql_s"]
    out["today_rows_s"] = timed(rows(Period.day(today)), max(1, rounds // 2))
    out["mark_s"] = timed(mark_of(db, info.id, month, clock), rounds)  # type: ignore[attr-defined]
    if without:
        out.update(measure_without(db, info, month, clock))
    out.update(measure_live(db, info, clock, before, rounds))
    return out


def measure_live(db: object, info: object, clock: object, before: object, rounds: int) -> dict[str, float]:
    """The page's live today: the first (full) read, then a read after a ticket is taken (the fold)."""
    from hallapp.domain.clock import using
    from hallapp.services import queue
    from hallapp.services.dashboard_live import LiveToday

    live = LiveToday(info.id, clock)  # type: ignore[attr-defined]
    started = time.perf_counter()
    live.read(db, before)  # type: ignore[arg-type]
    full_s = time.perf_counter() - started
    folds = []
    with using(clock):  # type: ignore[arg-type]
        for _ in range(max(1, rounds)):
            queue.issue_ticket(db, info.id, "A")  # type: ignore[attr-defined]
            started = time.perf_counter()
            live.read(db, before)  # type: ignore[arg-type]
            folds.append(time.perf_counter() - started)
    assert live.full_reads == 1, "every read after the first folded the change in"
    return {"live_full_s": full_s, "live_fold_s": statistics.median(folds)}


def one_backend(url: str, args: argparse.Namespace, keep: Path | None = None) -> dict:
    """Fill and measure; with `keep` (a SQLite folder) a fill done there before is measured again."""
    from hallapp.domain.clock import hall_clock

    marker = keep / "filled.json" if keep else None
    if marker is not None and marker.exists():
        return {**json.loads(marker.read_text()), **remeasure(url, keep, args)}
    if keep is not None and (keep / "bench.sqlite3").exists():
        raise SystemExit(f"{keep} holds a fill that did not finish (no filled.json): delete it and run again")
    with tempfile.TemporaryDirectory(prefix="hallapp-bench-dash-") as home:
        app, info, applicant = make_hall(url, (keep or Path(home)) / "home", args.counters)
        zone = hall_clock().zone
        today = hall_clock().today()
        days = working_days(today, args.days)
        year = Year(app.db, info.id, applicant, args.seed, zone)  # type: ignore[attr-defined]
        started = time.monotonic()
        live_until = datetime.combine(days[-1], clock_time(15, 0), zone)
        written = fill_year(app.db, year, days, args, live_until)  # type: ignore[attr-defined]
        fill_s = time.monotonic() - started
        if marker is not None:
            marker.write_text(json.dumps({"rows": written, "fill_s": fill_s, "last": days[-1].isoformat(),
                                          "distinct_weeks": args.distinct_weeks}))
        result = {"rows": written, "fill_s": fill_s,
                  **measure(app, info, days[-1], args.rounds, args.without_summaries)}
        app.db.dispose()  # type: ignore[attr-defined]
    return result


def remeasure(url: str, keep: Path, args: argparse.Namespace) -> dict:
    from hallapp.bootstrap import AppContext
    from hallapp.config import Settings
    from hallapp.home import Home
    from hallapp.services import hall
    from hallapp.storage import Database

    last = date.fromisoformat(json.loads((keep / "filled.json").read_text())["last"])
    db = Database(url)
    db.upgrade()  # a fill made before a newer migration (0016: day summaries) is brought up to date
    app = AppContext(Home(keep / "home").ensure(), Settings(), db, demo=True)
    try:
        return measure(app, hall.hall_info(db), last, args.rounds, args.without_summaries)
    finally:
        db.dispose()


def postgres(args: argparse.Namespace) -> Iterator[tuple[str, str]]:
    from tests.support.postgres import ThrowawayPostgres
    from tests.support.requirements import find_pg_bin

    if find_pg_bin("initdb") is None or find_pg_bin("pg_ctl") is None:
        print("postgresql: skipped, PostgreSQL (initdb, pg_ctl) not found", file=sys.stderr)
        return
    with ThrowawayPostgres() as cluster:
        yield "postgresql", cluster.create_database("bench_dashboard")


def report(name: str, r: dict) -> None:
    print(f"{name}: {r['rows']['ticket']:,} tickets, {r['rows']['case']:,} cases, {r['rows']['evaluation']:,} "
          f"evaluations, {r['rows']['print']:,} receipts (filled in {r['fill_s']:.0f} s)")
    for key, words, goal in (("today", "today's refresh ", GOAL_TODAY_S), ("month", "a month's refresh",  None),
                             ("report", "monthly report   ", GOAL_REPORT_S)):
        mark = "" if goal is None else ("  goal met" if r[f"{key}_s"] < goal else f"  OVER the {goal:g} s goal")
        print(f"  {words} {r[f'{key}_s'] * 1000:9.1f} ms   bare SQL {r[f'{key}_sql_s'] * 1000:8.1f} ms   "
              f"ratio {r[f'{key}_ratio']:6.1f}{mark}")
    print(f"  today's rows (drill-down, read when a number is opened) {r['today_rows_s'] * 1000:9.1f} ms")
    print(f"  the month's day summaries, built once: {r['build_s'] * 1000:9.1f} ms for {r['build_days']} days "
          f"({r['build_open_days']} open); the month and report above read them")
    if "mark_s" in r:
        print(f"  the month's marks alone (which kept days changed): {r['mark_s'] * 1000:9.1f} ms")
    if "month_direct_s" in r:
        print(f"  without summaries (once): month refresh {r['month_direct_s'] * 1000:9.1f} ms, "
              f"report aggregates {r['report_direct_s'] * 1000:9.1f} ms")
    print(f"  live today (the page): first read {r['live_full_s'] * 1000:9.1f} ms, then after each change "
          f"{r['live_fold_s'] * 1000:7.1f} ms{'  goal met' if r['live_fold_s'] < GOAL_TODAY_S else ''}")


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    print(f"dashboard bench: {args.days} days x {args.tickets_per_day} tickets, {args.counters} counters",
          file=sys.stderr)
    results: dict[str, dict] = {}
    if args.backend in ("sqlite", "both"):
        if args.reuse is not None:
            args.reuse.mkdir(parents=True, exist_ok=True)
            results["sqlite"] = one_backend(f"sqlite:///{args.reuse.resolve()}/bench.sqlite3", args, args.reuse)
        else:
            with tempfile.TemporaryDirectory(prefix="hallapp-bench-sqlite-") as folder:
                results["sqlite"] = one_backend(f"sqlite:///{folder}/bench.sqlite3", args)
        report("sqlite", results["sqlite"])
    if args.backend in ("postgresql", "both"):
        for name, url in postgres(args):
            results[name] = one_backend(url, args)
            report(name, results[name])
    if args.json:
        print(json.dumps(results, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
