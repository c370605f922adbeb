"""A closed day's figures, computed once and kept: what a month of a large hall is read from.

A day before today (in the hall's clock) is "closed". Its parts — counts by group, hourly slots,
sums, and the sorted durations exact percentiles need — are computed from that day's rows with the
dashboard's own per-period queries and stored as one `day_summary` row, fingerprinted by the day's
mark (repositories/day_summaries.py). On read, a day whose mark changed (a late commit, an edited
case, a receipt printed later) or whose row is of another format is computed again; today is
always computed live and never stored. A period is the merge of its days' parts.

Comparing a month's marks costs seconds on a large hall (one statement a day), so a read first
takes a watermark of the whole database (the max ids and the latest case change, kept in
sync_state): when it has not moved since the last read, no kept day is compared; when it has, only
the closed days the newer rows touch are (and those of other halls or periods are doubted, their
marks compared when next read). Today's own activity never makes a closed day compared.

Every duration is kept in whole microseconds, as the dashboard's queries compute it, so a merged
period gives exactly what `dashboard_summary.summary()` computes from the rows.
"""

from __future__ import annotations

import base64
import json
import logging
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter as Tally
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from hallapp.domain.clock import Clock, hall_clock
from hallapp.storage import Database, UnitOfWork
from hallapp.storage.repositories.dashboard import DashboardQueries, Spread, _p90_rank
from hallapp.storage.repositories.day_summaries import DaySummaries, Stored

FORMAT = 1  # raise when the payload's layout or meaning changes: older rows are then recomputed
SLOWEST = 10  # as dashboard_summary._times asks visit_summary for
CLOSE_DAYS = 7  # close_days(): how far back a PC that runs anyway fills in missing days
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
US = timedelta(microseconds=1)
log = logging.getLogger(__name__)


@dataclass
class DayParts:
    """One day's additive parts. Case and evaluation parts are of the day's window (saved / given
    that day); ticket parts of the day's tickets. A visit or an evaluation carries its ticket's day
    (ISO text): a period counts it only when that day is in the period too, as its queries do."""

    groups: list[tuple] = field(default_factory=list)  # (state, counter number, staff id, tickets)
    waits: array = field(default_factory=lambda: array("q"))  # sorted µs, issue → first call
    services: array = field(default_factory=lambda: array("q"))  # sorted µs, start of service → done (the page)
    services_call: array = field(default_factory=lambda: array("q"))  # sorted µs, first call → done (the report)
    taken: dict[int, int] = field(default_factory=dict)  # 15-minute UTC slot → tickets taken
    finished: dict[int, int] = field(default_factory=dict)  # slot → visits done
    cases: list[tuple] = field(default_factory=list)  # case_groups: (decision, counter, staff, code, item, n)
    levels: list[tuple] = field(default_factory=list)  # (level, evaluations given that day)
    ticket_levels: list[tuple] = field(default_factory=list)  # (level, ticket's day, n) of the hall's tickets
    # (item, case staff, ticket staff, ticket's day, visits, n/µs to call, n/µs to case, n/µs to receipt)
    visits: list[tuple] = field(default_factory=list)
    # sorted µs ticket → receipt: "i" by (item,), "c" by (case staff, ticket staff), "a" by (): (kind, key, day, µs)
    receipts: list[tuple] = field(default_factory=list)
    # (ticket's day, item, case staff, ticket staff, ticket, case number, issued ISO, µs to call, to case,
    #  to receipt, saved µs since the epoch, case id): the slowest few per ticket's day
    slowest: list[tuple] = field(default_factory=list)

    @property
    def issued(self) -> int:
        return sum(g[3] for g in self.groups)


# -- computing a day -------------------------------------------------------------------------------

def compute_day(uow: UnitOfWork, hall_id: int, day: date, clock: Clock) -> DayParts:
    """The day's parts, from its rows (one day: the per-period queries read an index range)."""
    q, r = DashboardQueries(uow.session), DaySummaries(uow.session)
    since, until = clock.day_range(day)
    minutes = r.ticket_minutes(hall_id, day)
    parts = DayParts(
        groups=[(s, c, st, int(n)) for s, c, st, n in q.ticket_groups(hall_id, day, day)],
        waits=_sorted_column(minutes, 0), services=_sorted_column(minutes, 1),
        services_call=_sorted_column(minutes, 2),
        taken=dict(q.ticket_slots(hall_id, [day], finished=False)),
        finished=dict(q.ticket_slots(hall_id, [day], finished=True)),
        cases=[(*g[:5], int(g[5])) for g in q.case_groups(hall_id, since, until)],
        levels=[(lv, int(n)) for lv, n in q.evaluation_levels(since, until).items()],
        ticket_levels=[(lv, _iso_day(d), int(n)) for lv, d, n in r.evaluations_by_ticket_day(hall_id, since, until)])
    _fold_visits(parts, r.visits(hall_id, since, until))
    return parts


def _sorted_column(rows: list[tuple], i: int) -> array:
    return array("q", sorted(int(row[i]) for row in rows if row[i] is not None))


def _fold_visits(parts: DayParts, rows: list[tuple]) -> None:
    groups: dict[tuple, list[int]] = defaultdict(lambda: [0] * 7)
    receipts: dict[tuple, list[int]] = defaultdict(list)
    by_day: dict[str, list[tuple]] = defaultdict(list)
    for item, ticket, number, issued, to_call, to_case, to_receipt, saved, case_id, tday, cstaff, tstaff in rows:
        tday = _iso_day(tday)
        sums = groups[(item, cstaff, tstaff, tday)]
        sums[0] += 1
        for at, value in ((1, to_call), (3, to_case), (5, to_receipt)):
            if value is not None:
                sums[at] += 1
                sums[at + 1] += int(value)
        if to_receipt is not None:
            for kind, key in (("i", (item,)), ("c", (cstaff, tstaff)), ("a", ())):
                receipts[(kind, key, tday)].append(int(to_receipt))
        by_day[tday].append((tday, item, cstaff, tstaff, ticket, number, _iso(issued), _int(to_call), _int(to_case),
                             _int(to_receipt), (_aware(saved) - EPOCH) // US, case_id))
    parts.visits = [(*key, *sums) for key, sums in groups.items()]
    parts.receipts = [(kind, key, tday, array("q", sorted(values))) for (kind, key, tday), values in receipts.items()]
    for visits in by_day.values():
        parts.slowest.extend(sorted(visits, key=_slow_key)[:SLOWEST])


def _slow_key(v: tuple) -> tuple:
    """visit_summary's order: longest ticket → receipt (or → case) first, then saved, then case id."""
    return (-(v[9] if v[9] is not None else v[8] if v[8] is not None else 0), v[10], v[11])


# -- payload ---------------------------------------------------------------------------------------

def dumps(parts: DayParts) -> str:
    """JSON; the duration lists as zlib-packed little-endian int64 (base64): a day's ~70 000 values
    load in a millisecond, where JSON numbers would take the best part of the read."""
    out = {name: getattr(parts, name) for name in ("groups", "cases", "levels", "ticket_levels", "visits", "slowest")}
    out.update(taken=list(parts.taken.items()), finished=list(parts.finished.items()),
               waits=_pack(parts.waits), services=_pack(parts.services), services_call=_pack(parts.services_call),
               receipts=[(kind, key, day, _pack(values)) for kind, key, day, values in parts.receipts])
    return json.dumps(out, ensure_ascii=False, separators=(",", ":"))


def loads(text: str) -> DayParts:
    raw = json.loads(text)
    return DayParts(
        groups=raw["groups"], waits=_unpack(raw["waits"]), services=_unpack(raw["services"]),
        services_call=_unpack(raw["services_call"]), taken={int(s): n for s, n in raw["taken"]},
        finished={int(s): n for s, n in raw["finished"]}, cases=raw["cases"], levels=raw["levels"],
        ticket_levels=raw["ticket_levels"], visits=raw["visits"],
        receipts=[(kind, tuple(key), day, _unpack(values)) for kind, key, day, values in raw["receipts"]],
        slowest=raw["slowest"])


def _pack(values: array) -> str:
    if values.itemsize != 8 or array("H", [1]).tobytes() != b"\x01\x00":
        raise RuntimeError("int64 little-endian arrays expected")
    return base64.b64encode(zlib.compress(values.tobytes(), 1)).decode("ascii")


def _unpack(text: str) -> array:
    return array("q", zlib.decompress(base64.b64decode(text)))


# -- reading a period ------------------------------------------------------------------------------

def period_days(db: Database, hall_id: int, first: date, last: date, clock: Clock | None = None
                ) -> dict[date, DayParts]:
    """The parts of every day first..last up to today: closed days from their summaries (computed and
    stored when missing, changed or of another format), today live. Days after today have none.

    A kept day is compared by its mark only when the watermark says something it depends on may
    have changed since it was stored (see _Check); otherwise it is read as kept."""
    clock = clock or hall_clock()
    today = clock.today()
    days = [first + timedelta(days=n) for n in range((min(last, today) - first).days + 1)]
    out: dict[date, DayParts] = {}
    fresh: list[tuple[date, str, DayParts]] = []
    touched: list[date] = []
    with db.unit_of_work() as uow:
        repo = DaySummaries(uow.session)
        check = _check(repo, clock)  # before the rows: a commit in between shows next time
        stored = repo.stored(hall_id, first, min(last, today - timedelta(days=1)), FORMAT) if first < today else {}
        for day in days:
            if day == today:
                out[day] = compute_day(uow, hall_id, day, clock)
                continue
            kept = stored.get(day)
            parts = _load(kept.payload) if kept is not None and check.trusts(day, kept) else None
            if parts is None:
                mark = _mark(repo, hall_id, day, clock)
                parts = _load(kept.payload) if kept is not None and kept.mark == mark else None
                if parts is not None and kept is not None and not check.trusts(day, kept, dirty_ok=True):
                    touched.append(day)
            if parts is None:
                parts = compute_day(uow, hall_id, day, clock)
                fresh.append((day, mark, parts))
            out[day] = parts
    if fresh or touched or check.moved:
        _store(db, hall_id, fresh, touched, check, {d for d in days if d != today}, clock)
    return out


@dataclass
class _Check:
    """What the stored watermark says. `seen` is this read's watermark; `dirty` the closed days that
    rows newer than the stored one touch (None: no watermark kept yet, every mark is compared). A
    kept day not dirty is valid as kept unless doubted (computed_at at EPOCH): every change since
    the watermark was first kept has moved it, and each read that moved it doubted the days its
    changes touch (or compared their marks)."""

    seen: tuple
    stored: tuple | None
    dirty: set[date] | None
    quiet: bool

    def trusts(self, day: date, kept: Stored, dirty_ok: bool = False) -> bool:
        if self.dirty is None or (day in self.dirty and not dirty_ok) or kept.computed_at is None:
            return False
        return _aware(kept.computed_at) > EPOCH

    @property
    def moved(self) -> bool:
        return self.quiet and self.seen != self.stored


def _check(repo: DaySummaries, clock: Clock) -> _Check:
    seen, quiet, raw = repo.watermark(), repo.quiet(), repo.state()
    try:
        stored = _watermark_values(json.loads(raw)) if raw else None
    except (ValueError, TypeError):  # unreadable: as if none were kept
        stored = None
    return _Check(seen, stored, None if stored is None else _dirty(repo, stored, clock), quiet)


def _dirty(repo: DaySummaries, since: tuple, clock: Clock) -> set[date]:
    today = clock.today()
    days, moments = repo.changed_days(since, today, clock.day_start(today))
    return days | {clock.day_of(_aware(m)) for m in moments}


def _watermark_text(values: tuple) -> str:
    return json.dumps([v.isoformat() if isinstance(v, datetime) else v for v in values])


def _watermark_values(values: list) -> tuple:
    if len(values) != 7:
        raise ValueError("a watermark of another layout")
    return (*values[:3], datetime.fromisoformat(values[3]) if values[3] else None, *values[4:])


def close_days(db: Database, hall_id: int, days: int = CLOSE_DAYS, clock: Clock | None = None) -> int:
    """Compute and store the summaries of the last `days` closed days that are missing or changed, so
    the first month read after a night finds them ready. For whoever runs anyway, off the GUI thread
    (the sync daemon's loop, the app's start-up worker). Returns how many days were (re)computed."""
    clock = clock or hall_clock()
    yesterday = clock.today() - timedelta(days=1)
    first = yesterday - timedelta(days=days - 1)
    with db.unit_of_work() as uow:
        repo = DaySummaries(uow.session)
        stored = repo.stored(hall_id, first, yesterday, FORMAT)
        stale = [d for d in (first + timedelta(days=n) for n in range(days))
                 if (kept := stored.get(d)) is None or kept.mark != _mark(repo, hall_id, d, clock)]
    for day in stale:  # one day per transaction: a writer elsewhere never waits for the whole week
        period_days(db, hall_id, day, day, clock)
    return len(stale)


def _mark(repo: DaySummaries, hall_id: int, day: date, clock: Clock) -> str:
    since, until = clock.day_range(day)
    return json.dumps([v if v is None or isinstance(v, int) else str(v) for v in repo.mark(hall_id, day, since, until)])


def _load(payload: str) -> DayParts | None:
    try:
        return loads(payload)
    except (ValueError, KeyError, TypeError, IndexError, zlib.error):  # unreadable: computed again
        log.warning("a day summary could not be read; computing the day again")
        return None


def _store(db: Database, hall_id: int, fresh: list[tuple[date, str, DayParts]], touched: list[date],
           check: _Check, handled: set[date], clock: Clock) -> None:
    """Store the days computed, note those found unchanged, doubt the other changed days' rows and
    keep this read's watermark — minus any day changed since this read's snapshot (another PC's
    commit meanwhile): that day is stored as not yet valid, its mark compared next time."""
    now = clock.now()
    with db.unit_of_work(write=True) as uow:
        repo = DaySummaries(uow.session)
        repo.state(lock=True)  # PostgreSQL: one PC at a time past here (SQLite: the write lock)
        late = _dirty(repo, check.seen, clock)
        for day, mark, parts in fresh:
            repo.put(hall_id, day, FORMAT, mark, dumps(parts), EPOCH if day in late else now)
        repo.touch(hall_id, [d for d in touched if d not in late], FORMAT, now)
        if check.quiet:  # the first watermark kept: every row stored before it is doubted once
            repo.doubt(check.dirty, hall_id, handled, EPOCH)
            repo.set_state(_watermark_text(check.seen))


# -- merging ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Merged:
    """A period's parts: counts summed; duration lists kept per day (sorted), read by rank."""

    groups: list[tuple]
    waits: list[array]
    services: list[array]
    services_call: list[array]
    taken: Tally
    finished: Tally
    cases: list[tuple]
    levels: dict
    ticket_levels: dict  # level → evaluations given in the period of the period's tickets
    visits: list[tuple]  # the groups whose ticket is of the period
    receipts: list[tuple]  # (kind, key, µs) likewise
    slowest: list[tuple]


def merge(days: dict[date, DayParts], first: date, last: date) -> Merged:
    parts = list(days.values())
    low, high = first.isoformat(), last.isoformat()
    inside = lambda d: low <= d <= high  # noqa: E731 - ISO days: a visit or evaluation of a ticket of the period
    ticket_levels: Tally = Tally()
    for p in parts:
        for lv, d, n in p.ticket_levels:
            if inside(d):
                ticket_levels[lv] += n
    return Merged(
        groups=_summed(g for p in parts for g in p.groups), waits=[p.waits for p in parts],
        services=[p.services for p in parts], services_call=[p.services_call for p in parts],
        taken=sum((Tally(p.taken) for p in parts), Tally()), finished=sum((Tally(p.finished) for p in parts), Tally()),
        cases=_summed(c for p in parts for c in p.cases), levels=dict(_summed(lv for p in parts for lv in p.levels)),
        ticket_levels=dict(ticket_levels), visits=[v for p in parts for v in p.visits if inside(v[3])],
        receipts=[(k, key, values) for p in parts for k, key, d, values in p.receipts if inside(d)],
        slowest=sorted((s for p in parts for s in p.slowest if inside(s[0])), key=_slow_key)[:SLOWEST])


def _summed(rows: Iterable) -> list[tuple]:
    """Rows whose last value is a count, summed by the values before it."""
    out: Tally = Tally()
    for row in rows:
        out[tuple(row[:-1])] += row[-1]
    return [(*key, n) for key, n in out.items()]


def kth(lists: list[array], k: int) -> int:
    """The k-th smallest (1-based) of several sorted lists, without merging them: the least value
    with at least k at or below it, found by halving the value range."""
    low = min(values[0] for values in lists if len(values))
    high = max(values[-1] for values in lists if len(values))
    while low < high:
        mid = (low + high) // 2
        if sum(bisect_right(values, mid) for values in lists) >= k:
            high = mid
        else:
            low = mid + 1
    return low


def spread(lists: list[array], edges: tuple[int, ...] = ()) -> Spread:
    """DashboardQueries.spread's figures from sorted lists: count, exact sum, nearest-rank 90th
    percentile and how many fall below each edge (minutes)."""
    n = sum(len(values) for values in lists)
    return Spread(n, sum(sum(values) for values in lists), kth(lists, _p90_rank(n)) if n else None,
                  tuple(sum(bisect_left(values, edge * 60_000_000) for values in lists) for edge in edges))


def visit_rows(m: Merged, names: dict[int, str]) -> list[tuple]:
    """The merged visits as DashboardQueries.visit_summary's rows, for dashboard_summary.times_of."""
    clerk = lambda cs, ts: names.get(cs) or names.get(ts) or ""  # noqa: E731 - visit_base's coalesce
    sums: dict[tuple, list[int]] = defaultdict(lambda: [0] * 7)
    for v in m.visits:
        total = sums[(v[0], clerk(v[1], v[2]))]
        for i in range(7):
            total[i] += v[4 + i]
    rows: list[tuple] = [("g", item, who, None, None, None, *total) for (item, who), total in sums.items()]
    ranked: dict[tuple[str, str], list[array]] = defaultdict(list)
    for kind, key, values in m.receipts:
        ranked[(kind, clerk(*key) if kind == "c" else key[0] if kind == "i" else "")].append(values)
    for (kind, key), lists in ranked.items():
        n = sum(len(values) for values in lists)
        if n:
            rows.append((kind, key, None, None, None, None, kth(lists, _p90_rank(n))))
    rows += [("s", s[1], clerk(s[2], s[3]), s[4], s[5], s[6], s[7], s[8], s[9]) for s in m.slowest]
    return rows


# -- helpers ---------------------------------------------------------------------------------------

def _iso_day(value: object) -> str:
    return value if isinstance(value, str) else value.isoformat()  # type: ignore[attr-defined]


def _aware(value: object) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    assert isinstance(value, datetime)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _iso(value: object) -> str:
    return _aware(value).isoformat()


def _int(value: object) -> int | None:
    return None if value is None else int(value)  # type: ignore[call-overload]
