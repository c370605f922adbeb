"""Today's dashboard kept in memory and brought up to date from what changed since the last read.

A full read of today (one row of plain numbers per ticket, case and evaluation: minutes and hour
slots computed by the database) happens on the first read of a day, or when the change mark shows
rows committed out of id order; every later read fetches only the tickets with a new queue event,
the cases changed, the evaluations and prints with a new id, and folds them in: counts are
subtracted and added again, wait and service minutes kept as sorted lists (bisect) for the 90th
percentile. The figures are the very ones `dashboard_summary.summary` computes (tests compare).
"""

from __future__ import annotations

import threading
from bisect import bisect_left, insort
from collections import Counter as Tally
from datetime import date, datetime

from hallapp.domain.clock import Clock, hall_clock
from hallapp.services.dashboard import Period
from hallapp.services.dashboard_summary import (
    WAIT_EDGES,
    HourComparison,
    Summary,
    _breakdowns,
    _figures,
    _hours,
    times_of,
)
from hallapp.storage import Database
from hallapp.storage.repositories.dashboard import DashboardQueries, Spread, _utc

US_PER_MIN = 60_000_000


class _Minutes:
    """A multiset of microsecond values: count, exact sum, nearest-rank 90th percentile, counts below edges."""

    def __init__(self) -> None:
        self.values: list[int] = []
        self.total = 0

    def add(self, value: int) -> None:
        insort(self.values, value)
        self.total += value

    def remove(self, value: int) -> None:
        del self.values[bisect_left(self.values, value)]
        self.total -= value

    def spread(self, edges: tuple[int, ...] = ()) -> Spread:
        n = len(self.values)
        p90 = self.values[(9 * n + 9) // 10 - 1] if n else None
        return Spread(n, self.total, p90, tuple(bisect_left(self.values, e * US_PER_MIN) for e in edges))


class LiveToday:
    """Today's aggregate for one hall. `read()` is safe from worker threads (one at a time)."""

    def __init__(self, hall_id: int, clock: Clock | None = None) -> None:
        self.hall_id = hall_id
        self._given = clock  # None: the hall's clock at each read (tests swap it)
        self.clock: Clock = clock or hall_clock()
        self.full_reads = 0  # how often the whole day was read (the rest were folds)
        self._lock = threading.Lock()
        self._day: date | None = None
        self._mark: tuple | None = None

    def read(self, db: Database, before: HourComparison | None = None) -> Summary:
        """Today's summary, folding in what changed since the previous read."""
        with self._lock, db.unit_of_work() as uow:
            self.clock = self._given or hall_clock()
            q = DashboardQueries(uow.session)
            today = self.clock.today()
            since, until = Period.day(today).bounds(self.clock)
            mark = q.live_mark(self.hall_id, today, since, until)
            if self._day != today or self._mark is None or not self._fold(q, mark, since, until):
                self._full(q, today, since, until)
            self._mark = mark
            names = {i: name for i, (_u, name) in q.staff_names(self.hall_id).items()}
            waiting = q.waiting_issued(self.hall_id, since, until)
            returned = q.returned_waiting(self.hall_id)
            backlog, oldest = uow.outbox.backlog()
            return self._summary(today, names, waiting, returned, backlog, oldest, before)

    # -- reading ------------------------------------------------------------------------------------

    def _full(self, q: DashboardQueries, today: date, since: datetime, until: datetime) -> None:
        self.full_reads += 1
        self._day = today
        self._tickets: dict[int, tuple] = {}
        self._groups: Tally[tuple] = Tally()
        self._arrivals: Tally[int] = Tally()
        self._served: Tally[int] = Tally()
        self._waits, self._services = _Minutes(), _Minutes()
        self._cases: dict[int, tuple] = {}
        self._case_groups: Tally[tuple] = Tally()
        self._levels: dict[int, int | None] = {}
        for row in q.live_tickets(self.hall_id, today):
            self._ticket(row)
        for row in q.live_cases(self.hall_id, since, until):
            self._case(row)
        self._visits = _Visits()
        for row in q.live_visits(self.hall_id, today, since, until):
            self._visits.put(row)
        self._levels = dict(q.live_evaluations(since, until))

    def _fold(self, q: DashboardQueries, mark: tuple, since: datetime, until: datetime) -> bool:
        """Fold in the rows changed between the previous mark and `mark`; False when the counts show
        rows committed out of id order (then only a full read is right)."""
        ev_n, ev_max, t_n, t_max, case_at, e_n, e_max, p_n, p_max = mark
        old, day = self._mark, self._day
        if old is None or day is None:  # nothing read yet: only a full read is right
            return False
        ev_to, t_to = ev_max or 0, t_max or 0
        moved = q.live_tickets(self.hall_id, day, (old[1] or 0, old[3] or 0, ev_to, t_to))
        for row in moved:
            self._ticket(row)
        cases = q.live_cases(self.hall_id, since, until, _utc(old[4]) if old[4] else None)
        for row in cases:
            self._case(row)
        for i, level in q.live_evaluations(since, until, old[6] or 0, e_max or 0):
            self._levels[i] = level
        printed = q.printed_cases(old[8] or 0, p_max or 0)
        case_ids = [r[0] for r in cases] + printed
        if case_ids or moved:
            for row in q.live_visits(self.hall_id, day, since, until, case_ids, [r[0] for r in moved]):
                self._visits.put(row)
        events = q.events_between(since, old[1] or 0, ev_to)
        return (ev_n == (old[0] or 0) + events and t_n == len(self._tickets) and e_n == len(self._levels)
                and (p_n or 0) >= (old[7] or 0))

    # -- folding --------------------------------------------------------------------------------------

    def _ticket(self, row: tuple) -> None:
        old = self._tickets.get(row[0])
        if old is not None:
            self._count(old, -1)
        self._tickets[row[0]] = row
        self._count(row, 1)

    def _count(self, row: tuple, sign: int) -> None:
        _id, state, counter, staff, issue_slot, finish_slot, wait, service = row
        self._groups[(state, counter, staff)] += sign
        self._arrivals[int(issue_slot)] += sign
        if finish_slot is not None:
            self._served[int(finish_slot)] += sign
        for minutes, value in ((self._waits, wait), (self._services, service)):
            if value is not None:
                (minutes.add if sign > 0 else minutes.remove)(int(value))

    def _case(self, row: tuple) -> None:
        old = self._cases.get(row[0])
        if old is not None:
            self._case_groups[old[1:6]] -= 1
        self._cases[row[0]] = row
        self._case_groups[row[1:6]] += 1

    # -- figures --------------------------------------------------------------------------------------

    def _summary(self, today: date, names: dict[int, str], waiting: int, returned: int, backlog: int,
                 oldest: datetime | None, before: HourComparison | None) -> Summary:
        groups = [(*key, n) for key, n in self._groups.items() if n > 0]
        cases = [(*key, n) for key, n in self._case_groups.items() if n > 0]
        levels = dict(Tally(self._levels.values()))
        waits, services = self._waits.spread(WAIT_EDGES), self._services.spread()
        now = self.clock.now()
        oldest_min = (now - oldest).total_seconds() / 60 if oldest else None
        fig = _figures(groups, waiting, waits, services, cases, levels, returned, backlog, oldest_min)
        fits = before if before is not None and before.day == today else None
        arrivals = _hours(self.clock, ((s, n) for s, n in self._arrivals.items() if n > 0))
        served = _hours(self.clock, ((s, n) for s, n in self._served.items() if n > 0))
        crumbs = _breakdowns(groups, names, waits, arrivals, served, cases, levels, fits)
        return Summary(Period.day(today), today, fig, crumbs, times_of(self._visits.summary_rows()), now)


class _Visits:
    """live_visits rows folded: sums per (item, clerk), ticket → receipt minutes per item, clerk and
    over all, and every visit in slowest-first order; gives the rows visit_summary gives."""

    def __init__(self) -> None:
        self.rows: dict[int, tuple] = {}
        self.groups: dict[tuple, list[int]] = {}
        self.receipts: dict[tuple[str, str], _Minutes] = {}
        self.order: list[tuple[int, str, int]] = []  # (−minutes to receipt, else to case; saved; case id), as visit_summary sorts

    def put(self, row: tuple) -> None:
        old = self.rows.get(row[0])
        if old is not None:
            self._count(old, -1)
        self.rows[row[0]] = row
        self._count(row, 1)

    def _count(self, row: tuple, sign: int) -> None:
        case_id, item, clerk, _t, _n, to_call, to_case, to_receipt, _issued, saved, _tid = row
        sums = self.groups.setdefault((item, clerk), [0] * 7)
        sums[0] += sign
        for i, value in ((1, to_call), (3, to_case), (5, to_receipt)):
            if value is not None:
                sums[i] += sign
                sums[i + 1] += sign * int(value)
        if to_receipt is not None:
            for key in (("i", item), ("c", clerk), ("a", "")):
                minutes = self.receipts.setdefault(key, _Minutes())
                (minutes.add if sign > 0 else minutes.remove)(int(to_receipt))
        rank = (-int(to_receipt if to_receipt is not None else to_case or 0), str(saved), int(case_id))
        if sign > 0:
            insort(self.order, rank)
        else:
            del self.order[bisect_left(self.order, rank)]

    def summary_rows(self, slowest: int = 10) -> list[tuple]:
        rows = [("g", item, clerk, None, None, None, *sums) for (item, clerk), sums in self.groups.items() if sums[0]]
        for (kind, key), minutes in self.receipts.items():
            if minutes.values:
                rows.append((kind, key, None, None, None, None, minutes.spread().p90_us))
        slow = [self.rows[key[2]] for key in self.order[:slowest]]
        return rows + [("s", v[1], v[2], v[3], v[4], _utc(v[8]), v[5], v[6], v[7]) for v in slow]
