"""The dashboard's tiles, charts and ticket → receipt times of a period, aggregated by the database.

`dashboard.snapshot()` reads every ticket, case and evaluation of the period as a row (what a
drill-down lists); at a large hall's size that costs seconds of Python. `summary()` gives the same
`Figures` and `Breakdowns` from grouped counts and sorted minute lists instead (a few thousand
values, not a row object per ticket), so the page can refresh today in a moment and read the rows
only when a supervisor opens a number. tests/integration/test_dashboard.py checks that both agree.
"""

from __future__ import annotations

from collections import Counter as Tally
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from hallapp.domain.clock import Clock, hall_clock
from hallapp.services import day_summaries
from hallapp.services.dashboard import (
    COMPARE_WEEKS,
    WAIT_BUCKETS,
    Breakdowns,
    Figures,
    Period,
    earlier_weekdays,
    open_days,
)
from hallapp.services.dashboard import _mean as _mean  # reports.py reads these three from here
from hallapp.services.dashboard import _p90 as _p90
from hallapp.services.dashboard import figures_from_counts as _figures  # dashboard_live's name for it
from hallapp.services.visit_times import TimesSummary, VisitTime
from hallapp.storage import Database
from hallapp.storage.repositories.dashboard import DashboardQueries, Spread, _min, _utc

SLOT_S = 900  # DashboardQueries.ticket_slots counts by 15-minute UTC slots
WAIT_EDGES = tuple(low for low, _high in WAIT_BUCKETS[1:])  # minutes: the bucket edges counted in SQL


@dataclass(frozen=True)
class HourComparison:
    """The same weekday of the previous weeks, by the hall's hour: what a day's hourly bars stand beside."""

    day: date
    days: tuple[date, ...]  # most recent first
    open_days: tuple[date, ...]  # those with any ticket: a holiday is no zero to average in
    arrivals: dict[int, int]  # hour → tickets taken, summed over the open days
    served: dict[int, int]


@dataclass(frozen=True)
class Summary:
    period: Period
    today: date
    figures: Figures
    breakdowns: Breakdowns
    times: Times  # ticket → case → receipt of the cases saved for a ticket of the period
    taken_at: datetime

    @property
    def live(self) -> bool:
        return self.period.includes(self.today)


def summary(db: Database, hall_id: int, period: Period | None = None, clock: Clock | None = None,
            before: HourComparison | None = None) -> Summary:
    """The period's figures and breakdowns (and `before` beside a one-day period it was read for)."""
    clock = clock or hall_clock()
    today = clock.today()
    period = period or Period.day(today)
    if period.first != period.last:  # a week or a month: merged from the days' kept summaries
        return _of_days(db, hall_id, period, clock, today)
    return direct(db, hall_id, period, clock, before)


def direct(db: Database, hall_id: int, period: Period, clock: Clock, before: HourComparison | None = None) -> Summary:
    """summary() straight from the period's rows (one day; a longer period only for a comparison:
    bench/dashboard.py times it against the kept summaries)."""
    today = clock.today()
    since, until = period.bounds(clock)
    days = _days(period)
    with db.unit_of_work() as uow:
        q = DashboardQueries(uow.session)
        names = {i: name for i, (_u, name) in q.staff_names(hall_id).items()}
        groups = q.ticket_groups(hall_id, period.first, period.last)
        waiting = q.waiting_issued(hall_id, *Period.day(today).bounds(clock)) if period.includes(today) else None
        waits = q.wait_spread(hall_id, period.first, period.last, WAIT_EDGES)
        services = q.service_spread(hall_id, period.first, period.last, from_call=False)
        arrivals = _hours(clock, q.ticket_slots(hall_id, days, finished=False))
        served = _hours(clock, q.ticket_slots(hall_id, days, finished=True))
        cases = q.case_groups(hall_id, since, until)
        levels = q.evaluation_levels(since, until)
        returned = q.returned_waiting(hall_id)
        times = _times(q, hall_id, period.first, period.last, since, until)
        backlog, oldest = uow.outbox.backlog()
    now = clock.now()
    oldest_min = (now - oldest).total_seconds() / 60 if oldest else None
    fig = _figures(groups, waiting, waits, services, cases, levels, returned, backlog, oldest_min)
    fits = before if before is not None and period.first == period.last == before.day else None
    return Summary(period, today, fig, _breakdowns(groups, names, waits, arrivals, served, cases, levels, fits),
                   times, now)


def _of_days(db: Database, hall_id: int, period: Period, clock: Clock, today: date) -> Summary:
    """summary() of several days from day_summaries' parts (closed days kept once, today live): the
    same figures, without reading the period's tickets one by one."""
    m = day_summaries.merge(day_summaries.period_days(db, hall_id, period.first, period.last, clock),
                            period.first, period.last)
    with db.unit_of_work() as uow:
        q = DashboardQueries(uow.session)
        names = {i: name for i, (_u, name) in q.staff_names(hall_id).items()}
        waiting = q.waiting_issued(hall_id, *Period.day(today).bounds(clock)) if period.includes(today) else None
        returned = q.returned_waiting(hall_id)
        backlog, oldest = uow.outbox.backlog()
    now = clock.now()
    oldest_min = (now - oldest).total_seconds() / 60 if oldest else None
    waits, services = day_summaries.spread(m.waits, WAIT_EDGES), day_summaries.spread(m.services)
    arrivals, served = _hours(clock, m.taken.items()), _hours(clock, m.finished.items())
    fig = _figures(m.groups, waiting, waits, services, m.cases, m.levels, returned, backlog, oldest_min)
    return Summary(period, today, fig, _breakdowns(m.groups, names, waits, arrivals, served, m.cases, m.levels, None),
                   times_of(day_summaries.visit_rows(m, names)), now)


def hour_comparison(db: Database, hall_id: int, day: date, weeks: int = COMPARE_WEEKS,
                    clock: Clock | None = None) -> HourComparison:
    """The same weekday of the `weeks` weeks before `day`, by hour. Those days no longer change:
    the page reads them once a day, not at every refresh."""
    clock = clock or hall_clock()
    days = earlier_weekdays(day, weeks)
    with db.unit_of_work() as uow:
        q = DashboardQueries(uow.session)
        taken = q.ticket_slots(hall_id, list(days), finished=False)
        done = q.ticket_slots(hall_id, list(days), finished=True)
    seen = (clock.day_of(_slot_time(slot)) for slot, _n in taken)
    return HourComparison(day, days, open_days(days, seen), _hours(clock, taken), _hours(clock, done))


# -- from counts to figures ----------------------------------------------------------------------------

def _breakdowns(groups: list[tuple], names: dict[int, str], waits: Spread, arrivals: Tally, served: Tally,
                cases: list[tuple], levels: dict[int | None, int], before: HourComparison | None) -> Breakdowns:
    served_by_clerk: Tally = Tally()
    served_by_counter: Tally = Tally()
    for state, counter, staff_id, n in groups:
        if state == "done":
            if counter is not None:
                served_by_counter[counter] += n
            if names.get(staff_id):
                served_by_clerk[names[staff_id]] += n
    cases_by_counter: Tally[int] = Tally()
    cases_by_clerk: Tally[str] = Tally()
    cases_by_item: Tally[str] = Tally()
    for _decision, counter, staff_id, _code, item, n in cases:
        if counter is not None:
            cases_by_counter[counter] += n
        if names.get(staff_id):
            cases_by_clerk[names[staff_id]] += n
        cases_by_item[item] += n
    days = len(before.open_days) if before else 0
    earlier = (Tally(before.arrivals), Tally(before.served)) if before else (Tally(), Tally())
    busy = set(arrivals) | set(served) | set(earlier[0]) | set(earlier[1])
    hours = tuple(range(min(busy | {8}), max(busy | {17}) + 1))
    average = lambda tally: {h: round(tally[h] / days, 2) for h in hours} if days else {}  # noqa: E731
    return Breakdowns(
        hours=hours, arrivals_by_hour={h: arrivals[h] for h in hours}, served_by_hour={h: served[h] for h in hours},
        served_by_counter=_sorted(served_by_counter), cases_by_counter=_sorted(cases_by_counter),
        served_by_clerk=_sorted(served_by_clerk), cases_by_clerk=_sorted(cases_by_clerk),
        cases_by_item=dict(cases_by_item.most_common()),
        evaluations_by_level={lv: levels.get(lv, 0) for lv in range(1, 6)},
        wait_buckets=_buckets(waits),
        before_days=days, arrivals_before=average(earlier[0]), served_before=average(earlier[1]),
    )


def _buckets(waits: Spread) -> dict[int, int]:
    """Called tickets per WAIT_BUCKETS range [low, high), from the counts below each edge (the first
    range takes everything below its top: a clock set back gives a negative wait)."""
    edges = [0, *waits.below, waits.count]
    return {i: edges[i + 1] - edges[i] for i in range(len(WAIT_BUCKETS))}


@dataclass(frozen=True)
class Times:
    """Ticket → case → receipt, summed up by the database: over all, per item, per clerk, and the slowest."""

    overall: TimesSummary
    per_item: tuple[TimesSummary, ...]
    per_clerk: tuple[TimesSummary, ...]
    slowest: tuple[VisitTime, ...]


def _times(q: DashboardQueries, hall_id: int, first: date, last: date, since: datetime, until: datetime,
           slowest: int = 10) -> Times:
    return times_of(q.visit_summary(hall_id, first, last, since, until, slowest))


def times_of(rows: list[tuple]) -> Times:
    """Times from visit_summary's rows (or the same rows folded in memory: dashboard_live)."""
    groups = [(r[1], r[2], *(int(n) for n in r[6:13])) for r in rows if r[0] == "g"]  # PostgreSQL sums: Decimal
    p90s = {kind: {r[1]: int(r[6]) for r in rows if r[0] == kind} for kind in "ica"}
    overall = _times_summary("", groups, p90s["a"].get(""))
    items = [_times_summary(i, [g for g in groups if g[0] == i], p90s["i"].get(i)) for i in {g[0] for g in groups}]
    clerks = [_times_summary(c or "—", [g for g in groups if g[1] == c], p90s["c"].get(c))
              for c in {g[1] for g in groups}]
    slow = tuple(_visit((r[3], r[4], r[1], r[2], r[5], *r[6:9])) for r in rows if r[0] == "s")
    return Times(overall, _slowest_first(items), _slowest_first(clerks), slow)


def _times_summary(label: str, groups: list[tuple], p90_us: int | None) -> TimesSummary:
    """Exact means from the groups' counts and microsecond sums (visit_times rounds each visit first)."""
    sums = [sum(g[i] for g in groups) for i in range(2, 9)]
    visits, call_n, call_us, case_n, case_us, receipt_n, receipt_us = sums
    avg = lambda n, us: _round(us / n / 6e7) if n else None  # noqa: E731
    return TimesSummary(label, visits, avg(call_n, call_us), avg(case_n, case_us), avg(receipt_n, receipt_us),
                        None if p90_us is None else _round(_min(p90_us)), receipt_n)


def _slowest_first(summaries: list[TimesSummary]) -> tuple[TimesSummary, ...]:
    """As visit_times orders them: longest ticket → receipt (or → case) first."""
    return tuple(sorted(summaries, key=lambda s: (-(s.avg_to_receipt or s.avg_to_case or 0), s.label)))


def _visit(row: tuple) -> VisitTime:
    ticket, number, item, clerk, issued, *minutes = row
    return VisitTime(ticket, number, item, clerk, _utc(issued), *(None if m is None else _round(_min(m)) for m in minutes))


# -- helpers ------------------------------------------------------------------------------------------

def _days(period: Period) -> list[date]:
    return [period.first + timedelta(days=n) for n in range((period.last - period.first).days + 1)]


def _slot_time(slot: int) -> datetime:
    return datetime.fromtimestamp(slot * SLOT_S, UTC)


def _hours(clock: Clock, slots: Iterable[tuple[int, int]]) -> Tally:
    """Counts by UTC slot → counts by the hall's hour."""
    out: Tally = Tally()
    for slot, n in slots:
        out[clock.local(_slot_time(slot)).hour] += n
    return out


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _sorted(tally: Tally) -> dict:
    return dict(sorted(tally.items()))
