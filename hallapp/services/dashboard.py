"""The supervisor's figures for a period of the hall's days (today live, a day, week, month or
range): tiles, hourly/counter/clerk/item/evaluation breakdowns, and the rows behind each number.

`snapshot()` reads the period's tickets, cases and evaluations once (plain tuples); every figure
and every drill-down is then computed from that snapshot in memory, so a tile and the list it
opens always agree. Days and hours are the hall's (hallapp.domain.clock), whatever the OS zone.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter as Tally
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from hallapp.domain.clock import Clock, hall_clock
from hallapp.domain.evaluation import BAD_LEVELS
from hallapp.services import day_summaries
from hallapp.services.returned_cases import closed_since_return
from hallapp.storage import Database
from hallapp.storage.repositories.dashboard import DashboardQueries, Spread, _min
from hallapp.storage.repositories.followups import FollowUpQueries

GOOD_LEVELS = frozenset({1, 2, 3})  # 非常满意 满意 基本满意: satisfied, per GB/T 39046 A.8
WAIT_BUCKETS: tuple[tuple[int, int | None], ...] = ((0, 5), (5, 10), (10, 20), (20, 30), (30, 60), (60, None))
COMPARE_WEEKS = 4  # the same weekday of this many previous weeks stands beside a day's hours


@dataclass(frozen=True)
class Period:
    """The hall's days first..last, both included."""

    first: date
    last: date

    @classmethod
    def day(cls, day: date) -> Period:
        return cls(day, day)

    @classmethod
    def week(cls, day: date) -> Period:
        monday = day - timedelta(days=day.weekday())
        return cls(monday, monday + timedelta(days=6))

    @classmethod
    def month(cls, day: date) -> Period:
        first = day.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return cls(first, following - timedelta(days=1))

    def bounds(self, clock: Clock) -> tuple[datetime, datetime]:
        """[start, end) in aware UTC: the hall's midnight before `first` to the one after `last`."""
        return clock.day_start(self.first), clock.day_start(self.last + timedelta(days=1))

    def includes(self, day: date) -> bool:
        return self.first <= day <= self.last


@dataclass(frozen=True)
class TicketRow:
    id: int
    number: str
    category: str
    state: str
    counter: int | None
    clerk: str  # display name of the clerk who last called it; "" if never called
    issued_at: datetime
    called_at: datetime | None
    serving_at: datetime | None
    finished_at: datetime | None

    @property
    def wait_us(self) -> int | None:
        """Issue → first call, in whole microseconds (as the database's queries count it)."""
        return _microseconds(self.issued_at, self.called_at)

    @property
    def service_us(self) -> int | None:
        """Start of service (or the call) → done, for visits that were done."""
        if self.state != "done":
            return None
        return _microseconds(self.serving_at or self.called_at, self.finished_at)

    @property
    def wait_min(self) -> float | None:
        return None if self.wait_us is None else _min(self.wait_us)

    @property
    def service_min(self) -> float | None:
        return None if self.service_us is None else _min(self.service_us)


@dataclass(frozen=True)
class CaseRow:
    id: int
    number: str
    state: str
    counter: int | None
    clerk: str
    item_code: str
    item_name: str
    ticket_id: int | None
    saved_at: datetime
    accepted_at: datetime | None
    with_gap: bool  # accepted under 容缺 (the due date stays after the materials came)
    returned_reason: str
    printed_at: datetime | None  # first receipt/notice printed

    @property
    def decision(self) -> str:
        """accepted | accepted_with_gap | notified: what the clerk decided at the window."""
        if self.accepted_at is None:
            return "notified"
        return "accepted_with_gap" if self.with_gap else "accepted"


@dataclass(frozen=True)
class EvaluationRow:
    id: int
    ticket_id: int | None
    case_id: int | None
    clerk: str
    level: int | None
    reason: str
    at: datetime


@dataclass(frozen=True)
class Comparison:
    """The same weekday of the previous weeks, for one day's hourly figures."""

    day: date  # the day compared
    days: tuple[date, ...]  # the earlier same weekdays looked at, most recent first
    open_days: tuple[date, ...]  # those with any ticket: a holiday is no zero to average in
    tickets: tuple[TicketRow, ...]


@dataclass(frozen=True)
class Snapshot:
    period: Period
    today: date
    tickets: tuple[TicketRow, ...]
    cases: tuple[CaseRow, ...]
    evaluations: tuple[EvaluationRow, ...]
    returned: tuple[CaseRow, ...]  # open returns, whatever day the case was saved
    backlog: int
    backlog_oldest: datetime | None
    taken_at: datetime
    zone_clock: Clock = field(repr=False, compare=False, default_factory=hall_clock)
    before: Comparison | None = None  # a one-day period only: see with_comparison()

    @property
    def live(self) -> bool:
        return self.period.includes(self.today)


@dataclass(frozen=True)
class Figures:
    issued: int
    waiting: int | None  # None for a period that does not include today
    done: int  # visits finished (F8), not cases
    no_show: int
    cases_accepted: int  # accepted with every material (受理)
    accepted_with_gap: int  # 容缺受理
    notices: int  # 一次性告知
    avg_wait_min: float | None  # issue → first call, over called tickets
    p90_wait_min: float | None
    avg_service_min: float | None  # start of service → done, over finished visits
    p90_service_min: float | None
    evaluations: int  # answered or not
    satisfaction_pct: float | None  # levels 1–3 over answered evaluations
    bad_evaluations: int  # 不满意 / 非常不满意: to follow up
    backlog: int  # outbox entries the platform has not confirmed
    backlog_oldest_min: float | None
    returned: int  # cases returned by the platform still waiting: not closed, not resubmitted
    by_counter: dict[int, int]  # visits done per counter number


def snapshot(db: Database, hall_id: int, period: Period | None = None, clock: Clock | None = None) -> Snapshot:
    clock = clock or hall_clock()
    today = clock.today()
    period = period or Period.day(today)
    since, until = period.bounds(clock)
    with db.unit_of_work() as uow:
        q = DashboardQueries(uow.session)
        names = {i: name for i, (_u, name) in q.staff_names(hall_id).items()}
        tickets = tuple(_ticket(row, names) for row in q.tickets(hall_id, period.first, period.last))
        case_rows = q.cases(hall_id, since, until)
        returned_rows = _waiting_returns(uow.session, q.returned_cases(hall_id))
        prints = q.first_prints(hall_id, since, until, [r[0] for r in returned_rows])
        evaluations = tuple(EvaluationRow(i, t, c, names.get(s, "") if s else "", lv, reason, at)
                            for i, t, c, s, lv, reason, at in q.evaluations(since, until))
        backlog, oldest = uow.outbox.backlog()
    return Snapshot(period, today, tickets, tuple(_case(r, names, prints) for r in case_rows), evaluations,
                    tuple(_case(r, names, prints) for r in returned_rows), backlog, oldest, clock.now(), clock)


def comparison(db: Database, hall_id: int, day: date, weeks: int = COMPARE_WEEKS,
               clock: Clock | None = None) -> Comparison:
    """The tickets of the same weekday of the `weeks` weeks before `day`. They no longer change, so
    the page reads them once a day, not at every refresh."""
    clock = clock or hall_clock()
    days = earlier_weekdays(day, weeks)
    with db.unit_of_work() as uow:
        q = DashboardQueries(uow.session)
        names = {i: name for i, (_u, name) in q.staff_names(hall_id).items()}
        tickets = tuple(_ticket(row, names) for row in q.tickets_on(hall_id, list(days)))
    return Comparison(day, days, open_days(days, (clock.day_of(t.issued_at) for t in tickets)), tickets)


def earlier_weekdays(day: date, weeks: int) -> tuple[date, ...]:
    """The same weekday of the `weeks` weeks before `day`, most recent first."""
    return tuple(day - timedelta(weeks=back) for back in range(1, weeks + 1))


def open_days(days: tuple[date, ...], seen: Iterable[date]) -> tuple[date, ...]:
    """Those of `days` with any ticket: a holiday is no zero to average in."""
    taken = set(seen)
    return tuple(d for d in days if d in taken)


def with_comparison(snap: Snapshot, before: Comparison | None) -> Snapshot:
    """The snapshot with the earlier weeks beside it, when it is the one day they were read for."""
    fits = before is not None and snap.period.first == snap.period.last == before.day
    return replace(snap, before=before if fits else None)


def _ticket(row: tuple, names: dict[int, str]) -> TicketRow:
    i, number, category, state, counter, staff_id, issued, called, serving, finished = row
    return TicketRow(i, number, category, state, counter, names.get(staff_id, "") if staff_id else "", issued, called,
                     serving, finished)


def _waiting_returns(session: Any, rows: list[tuple]) -> list[tuple]:
    """Returned cases still waiting for the supervisor: not closed since their return (a resubmitted
    case is no longer in state returned, so the query left it out already)."""
    steps = FollowUpQueries(session).steps(case_ids=[r[0] for r in rows]) if rows else []
    return [r for r in rows if not closed_since_return([s for s in steps if s.case_id == r[0]])]


def _case(row: tuple, names: dict[int, str], prints: dict[int, datetime]) -> CaseRow:
    i, number, state, counter, staff_id, code, name, ticket_id, created, accepted, gap_due, reason = row
    return CaseRow(i, number, state, counter, names.get(staff_id, "") if staff_id else "", code, name, ticket_id,
                   created, accepted, gap_due is not None, reason or "", prints.get(i))


def figures(snap: Snapshot) -> Figures:
    """The snapshot's figures: its rows counted into the groups the database's queries give, then
    built by figures_from_counts() as every other path builds them."""
    groups = Tally((t.state, t.counter, t.clerk) for t in snap.tickets)
    cases = Tally((c.decision, c.counter, c.clerk, c.item_code, c.item_name) for c in snap.cases)
    waiting = sum(t.state == "waiting" and _day(snap, t.issued_at) == snap.today for t in snap.tickets)
    oldest = _minutes(snap.backlog_oldest, snap.taken_at) if snap.backlog_oldest else None
    return figures_from_counts(
        [(*key, n) for key, n in groups.items()], waiting if snap.live else None,
        _spread(t.wait_us for t in snap.tickets), _spread(t.service_us for t in snap.tickets),
        [(*key, n) for key, n in cases.items()], dict(Tally(e.level for e in snap.evaluations)),
        len(snap.returned), snap.backlog, oldest)


def figures_from_counts(groups: list[tuple], waiting: int | None, waits: Spread, services: Spread,
                        cases: list[tuple], levels: dict[int | None, int], returned: int, backlog: int,
                        oldest_min: float | None) -> Figures:
    """The one place Figures are built: from tickets (state, counter, clerk, n) and cases (decision,
    counter, clerk, item code, item name, n) grouped, the spreads of wait and service microseconds
    (exact nearest-rank 90th percentiles), evaluations by level, and the counts beside them."""
    by_state: Tally = Tally()
    by_counter: Tally = Tally()
    for state, counter, _staff, n in groups:
        by_state[state] += n
        if state == "done" and counter is not None:
            by_counter[counter] += n
    decisions: Tally = Tally()
    for decision, _counter, _staff, _code, _item, n in cases:
        decisions[decision] += n
    answered = sum(n for lv, n in levels.items() if lv is not None)
    good = sum(n for lv, n in levels.items() if lv in GOOD_LEVELS)
    return Figures(
        issued=sum(by_state.values()), waiting=waiting, done=by_state["done"], no_show=by_state["no_show"],
        cases_accepted=decisions["accepted"], accepted_with_gap=decisions["accepted_with_gap"],
        notices=decisions["notified"],
        avg_wait_min=_mean(waits), p90_wait_min=_p90(waits),
        avg_service_min=_mean(services), p90_service_min=_p90(services),
        evaluations=sum(levels.values()), satisfaction_pct=_round(100 * good / answered) if answered else None,
        bad_evaluations=sum(n for lv, n in levels.items() if lv in BAD_LEVELS),
        backlog=backlog, backlog_oldest_min=_round(oldest_min), returned=returned,
        by_counter=dict(sorted(by_counter.items())),
    )


def today(db: Database, hall_id: int, day: date | None = None, clock: Clock | None = None) -> Figures:
    """The figures of the hall's `day` (default: today on the hall's clock), from its midnight to the next."""
    clock = clock or hall_clock()
    return figures(snapshot(db, hall_id, Period.day(day or clock.today()), clock))


def change_mark(db: Database, hall_id: int, clock: Clock | None = None) -> tuple:
    """A few counts and maxima that change whenever the hall does: the page refreshes its full
    figures only when this changes (it follows the queue's events instead of re-adding everything)."""
    clock = clock or hall_clock()
    day = clock.today()
    with db.unit_of_work() as uow:
        return DashboardQueries(uow.session).change_mark(hall_id, day, clock.day_start(day))


# -- breakdowns -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Breakdowns:
    hours: tuple[int, ...]  # the hall's hours shown (at least 8–17)
    arrivals_by_hour: dict[int, int]
    served_by_hour: dict[int, int]
    served_by_counter: dict[int, int]
    cases_by_counter: dict[int, int]
    served_by_clerk: dict[str, int]
    cases_by_clerk: dict[str, int]
    cases_by_item: dict[str, int]  # item name → cases
    evaluations_by_level: dict[int, int]  # 1..5, every level present
    wait_buckets: dict[int, int]  # index in WAIT_BUCKETS → called tickets that waited that long
    before_days: int = 0  # earlier same weekdays averaged below (0: no comparison)
    arrivals_before: dict[int, float] = field(default_factory=dict)  # hour → average arrivals on those days
    served_before: dict[int, float] = field(default_factory=dict)


def wait_bucket(minutes: float) -> int:
    """The index in WAIT_BUCKETS of a wait: [low, high) minutes, the last one open-ended."""
    return next(i for i, (_low, high) in enumerate(WAIT_BUCKETS) if high is None or minutes < high)


def _by_hour(snap: Snapshot, tickets: Iterable[TicketRow]) -> tuple[Tally, Tally]:
    hour = lambda at: snap.zone_clock.local(at).hour  # noqa: E731 - the hall's hour
    rows = list(tickets)
    return (Tally(hour(t.issued_at) for t in rows),
            Tally(hour(t.finished_at) for t in rows if t.state == "done" and t.finished_at))


def breakdowns(snap: Snapshot) -> Breakdowns:
    arrivals, served = _by_hour(snap, snap.tickets)
    before_arrivals, before_served = _by_hour(snap, snap.before.tickets if snap.before else ())
    days = len(snap.before.open_days) if snap.before else 0
    busy = set(arrivals) | set(served) | set(before_arrivals) | set(before_served)
    hours = tuple(range(min(busy | {8}), max(busy | {17}) + 1))
    average = lambda tally: {h: round(tally[h] / days, 2) for h in hours} if days else {}  # noqa: E731
    done = [t for t in snap.tickets if t.state == "done"]
    levels = Tally(e.level for e in snap.evaluations if e.level is not None)
    return Breakdowns(
        hours=hours, arrivals_by_hour={h: arrivals[h] for h in hours}, served_by_hour={h: served[h] for h in hours},
        served_by_counter=_sorted(Tally(t.counter for t in done if t.counter is not None)),
        cases_by_counter=_sorted(Tally(c.counter for c in snap.cases if c.counter is not None)),
        served_by_clerk=_sorted(Tally(t.clerk for t in done if t.clerk)),
        cases_by_clerk=_sorted(Tally(c.clerk for c in snap.cases if c.clerk)),
        cases_by_item=dict(Tally(c.item_name for c in snap.cases).most_common()),
        evaluations_by_level={lv: levels[lv] for lv in range(1, 6)},
        wait_buckets=_wait_buckets(snap.tickets),
        before_days=days, arrivals_before=average(before_arrivals), served_before=average(before_served),
    )


def _wait_buckets(tickets: Iterable[TicketRow]) -> dict[int, int]:
    tally = Tally(wait_bucket(t.wait_min) for t in tickets if t.wait_min is not None)
    return {index: tally[index] for index in range(len(WAIT_BUCKETS))}


# -- drill-down: the rows behind a number or a bar -----------------------------------------------------

@dataclass(frozen=True)
class Drill:
    kind: str  # tickets | cases | evaluations
    rows: tuple


def _tickets(snap: Snapshot, keep: Callable[[TicketRow], bool], key: Callable | None = None,
             source: Iterable[TicketRow] | None = None) -> Drill:
    rows = [t for t in (snap.tickets if source is None else source) if keep(t)]
    return Drill("tickets", tuple(sorted(rows, key=key, reverse=True) if key else rows))


def _cases(rows: Iterable[CaseRow]) -> Drill:
    return Drill("cases", tuple(rows))


def drill(snap: Snapshot, what: str, value: object = None) -> Drill:
    """The rows behind tile `what` (a Figures field) or behind one bar (`what`, `value`)."""
    hour = lambda at: snap.zone_clock.local(at).hour if at else None  # noqa: E731
    done = lambda t: t.state == "done"  # noqa: E731
    by_wait, by_service = (lambda t: t.wait_min or 0), (lambda t: t.service_min or 0)
    decisions = {"cases_accepted": "accepted", "accepted_with_gap": "accepted_with_gap", "notices": "notified"}
    if what in ("issued", "arrivals_by_hour"):
        return _tickets(snap, lambda t: value is None or hour(t.issued_at) == value)
    if what == "waiting":
        return _tickets(snap, lambda t: t.state == "waiting" and snap.zone_clock.day_of(t.issued_at) == snap.today)
    if what in ("done", "by_counter", "served_by_counter", "served_by_clerk", "served_by_hour"):
        match = {"by_counter": lambda t: t.counter == value, "served_by_counter": lambda t: t.counter == value,
                 "served_by_clerk": lambda t: t.clerk == value, "served_by_hour": lambda t: hour(t.finished_at) == value}
        test = match.get(what, lambda _t: True)
        return _tickets(snap, lambda t: done(t) and test(t))
    if what == "no_show":
        return _tickets(snap, lambda t: t.state == "no_show")
    if what in ("arrivals_before_by_hour", "served_before_by_hour"):  # the earlier same weekdays' tickets
        at = (lambda t: t.issued_at) if what == "arrivals_before_by_hour" else (lambda t: t.finished_at)
        keep = lambda t: hour(at(t)) == value and (what == "arrivals_before_by_hour" or done(t))  # noqa: E731
        return _tickets(snap, keep, source=snap.before.tickets if snap.before else ())
    if what == "wait_distribution":  # value: the index in WAIT_BUCKETS
        return _tickets(snap, lambda t: t.wait_min is not None and wait_bucket(t.wait_min) == value, by_wait)
    if what in ("avg_wait_min", "p90_wait_min"):
        return _tickets(snap, lambda t: t.wait_min is not None, by_wait)
    if what in ("avg_service_min", "p90_service_min"):
        return _tickets(snap, lambda t: t.service_min is not None, by_service)
    if what in decisions:
        return _cases(c for c in snap.cases if c.decision == decisions[what])
    if what == "cases_by_counter":
        return _cases(c for c in snap.cases if c.counter == value)
    if what == "cases_by_clerk":
        return _cases(c for c in snap.cases if c.clerk == value)
    if what == "cases_by_item":
        return _cases(c for c in snap.cases if c.item_name == value)
    if what == "returned":
        return _cases(snap.returned)
    if what in ("evaluations", "satisfaction_pct"):
        return Drill("evaluations", snap.evaluations)
    if what == "bad_evaluations":
        return Drill("evaluations", tuple(e for e in snap.evaluations if e.level in BAD_LEVELS))
    if what == "evaluations_by_level":
        return Drill("evaluations", tuple(e for e in snap.evaluations if e.level == value))
    raise KeyError(what)


# -- helpers ------------------------------------------------------------------------------------------

def percentile(values: Iterable[float], pct: float) -> float | None:
    """Nearest-rank percentile: the smallest value with at least pct % of the values at or below it."""
    ordered = sorted(values)
    if not ordered:
        return None
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


def _minutes(start: datetime | None, end: datetime | None) -> float | None:
    if start is None or end is None:
        return None
    return (end - start).total_seconds() / 60


def _microseconds(start: datetime | None, end: datetime | None) -> int | None:
    return None if start is None or end is None else (end - start) // timedelta(microseconds=1)


def _spread(values: Iterable[int | None], edges: tuple[int, ...] = ()) -> Spread:
    """The Spread the database's queries give, of the values present (microseconds)."""
    return day_summaries.spread([array("q", sorted(v for v in values if v is not None))], edges)


def _p90(spread: Spread) -> float | None:
    return None if spread.p90_us is None else _round(_min(spread.p90_us))


def _mean(spread: Spread) -> float | None:
    return _round(spread.total_us / spread.count / 6e7) if spread.count else None


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _day(snap: Snapshot, at: datetime) -> date:
    return snap.zone_clock.day_of(at)


def _sorted(tally: Tally) -> dict:
    return dict(sorted(tally.items()))
