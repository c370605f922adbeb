"""A month read from the closed days' kept summaries (SQLite and PostgreSQL) against the same month
computed row by row (dashboard.snapshot, visit_times, reports.compute): the figures, bars, times and
report tables a supervisor sees; a closed day changed afterwards is seen on the next read; today is
always live; a summary of another format is never read. The PC's zone is UTC, the hall's Beijing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from hallapp.bootstrap import AppContext
from hallapp.config import Settings
from hallapp.domain.clock import FixedClock, hall_clock, using
from hallapp.home import Home
from hallapp.services import (
    dashboard,
    dashboard_summary,
    day_summaries,
    demo,
    evaluation,
    followups,
    queue,
    reports,
    staff,
    visit_times,
)
from hallapp.services.dashboard import Period
from hallapp.services.hall import ensure_demo_hall
from hallapp.storage.models import Case, Evaluation, Ticket
from hallapp.storage.models.day_summary import DaySummary
from hallapp.storage.models.printing import PrintedDocument
from hallapp.storage.repositories.dashboard import DashboardQueries
from hallapp.storage.repositories.day_summaries import DaySummaries
from tests.support.os_zone import os_time_zone

DAYS = (date(2026, 12, 7), date(2026, 12, 8), date(2026, 12, 9))  # Mon–Wed; "today" is Thursday Dec 10
TODAY = date(2026, 12, 10)
MONTH = Period.month(TODAY)


@pytest.fixture
def hall(home: Path, any_db, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[AppContext, FixedClock, int]]:
    monkeypatch.setattr(staff, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    app = AppContext(Home(home).ensure(), Settings(), any_db, demo=True)
    clock = FixedClock.at_local(2026, 12, 10, 8, 0)
    with os_time_zone("UTC"), using(clock):
        assert demo.seed_history(app, 3, 20, clock=clock).days == DAYS
        info = ensure_demo_hall(app.db)
        clock.set_local(2026, 12, 10, 9, 0)
        queue.issue_ticket(app.db, info.id, "A")  # today: two tickets, one of them called
        clock.set_local(2026, 12, 10, 9, 5)
        queue.issue_ticket(app.db, info.id, "A")
        clock.set_local(2026, 12, 10, 9, 20)
        with app.db.unit_of_work() as uow:
            clerk = uow.staff.by_username("clerk1").id
        queue.call_next(app.db, queue.CounterRef(info.id, 1, clerk))
        clock.set_local(2026, 12, 10, 10, 0)
        yield app, clock, info.id


def _as_rows_give(app: AppContext, hall_id: int, period: Period) -> dashboard_summary.Summary:
    """The page's and the report's figures of `period` equal the row-by-row computation."""
    snap = dashboard.snapshot(app.db, hall_id, period)
    got = dashboard_summary.summary(app.db, hall_id, period)
    assert got.figures == dashboard.figures(snap)
    assert got.breakdowns == dashboard.breakdowns(snap)
    with app.db.unit_of_work() as uow:  # the times as summary() sums them up over the period's rows
        since, until = period.bounds(hall_clock())
        direct = dashboard_summary._times(DashboardQueries(uow.session), hall_id, period.first, period.last,
                                          since, until)
    assert got.times == direct
    assert got == dashboard_summary.direct(app.db, hall_id, period, hall_clock()), "as the period's own queries give"
    visits = visit_times.visits(snap)  # and row by row (visit_times rounds each visit before the mean)
    assert got.times.overall.visits == visit_times.overall(visits).visits
    assert [v.case_number for v in got.times.slowest] == [v.case_number for v in visit_times.slowest(visits)]
    totals = reports.report_totals(app.db, hall_id, period)
    assert totals.figures == reports.compute(snap)
    assert replace(totals, given=None) == reports.totals_direct(app.db, hall_id, period, hall_clock())
    rates = followups.rates(app.db, period, clock=hall_clock())
    assert followups.rates(app.db, period, clock=hall_clock(), levels=totals.given) == rates and rates.evaluations > 0
    assert reports._days_table(totals.days).rows == reports._days(snap).rows
    assert sorted(reports._items_table(totals.items).rows) == sorted(reports._items(snap).rows)  # ties: any order
    assert totals.hourly == reports._hourly(snap)
    return got


def _kept(app: AppContext) -> dict[date, tuple[int, int]]:
    with app.db.unit_of_work() as uow:
        rows = uow.session.execute(select(DaySummary.service_day, DaySummary.id, DaySummary.format))
        return {day: (i, fmt) for day, i, fmt in rows}


def test_a_month_from_kept_days_equals_the_month_from_its_rows(hall: tuple[AppContext, FixedClock, int]) -> None:
    app, _clock, hall_id = hall
    first = _as_rows_give(app, hall_id, MONTH)
    f = first.figures
    assert f.issued > 40 and f.waiting == 1
    assert f.p90_wait_min is not None and f.evaluations > 0 and sum(f.by_counter.values()) == f.done > 0
    assert first.times.overall.printed > 0 and len(first.times.slowest) == 10
    kept = _kept(app)
    assert set(kept) == {date(2026, 12, d) for d in range(1, 10)}, "every closed day of the month, today not"
    again = _as_rows_give(app, hall_id, MONTH)
    assert again.figures == f and _kept(app) == kept, "read back: the same figures, nothing recomputed"
    closed = _as_rows_give(app, hall_id, Period(DAYS[0], DAYS[-1]))  # closed days only: no 'waiting now'
    assert closed.figures.waiting is None and closed.figures.issued == f.issued - 2


def _done_without_evaluation(app: AppContext, day: date) -> int:
    with app.db.unit_of_work() as uow:
        rated = select(Evaluation.ticket_id).where(Evaluation.ticket_id.is_not(None))
        return uow.session.scalars(select(Ticket.id).where(Ticket.service_date == day, Ticket.state == "done",
                                                           Ticket.id.not_in(rated)).limit(1)).one()


def test_a_closed_day_changed_later_is_seen_on_the_next_read(hall: tuple[AppContext, FixedClock, int]) -> None:
    """A second PC's late commits (an evaluation, a ticket of a past day) and a case edited today:
    the month shows each on the next read, and only the day that changed is computed again."""
    app, clock, hall_id = hall
    before = _as_rows_give(app, hall_id, MONTH).figures
    kept = _kept(app)

    ticket = _done_without_evaluation(app, DAYS[1])
    clock.set_local(2026, 12, 8, 16, 50)  # given on Dec 8, committed now
    evaluation.record(app.db, ticket, 5, "等候时间长")
    clock.set_local(2026, 12, 10, 10, 5)
    after = _as_rows_give(app, hall_id, MONTH).figures
    assert (after.evaluations, after.bad_evaluations) == (before.evaluations + 1, before.bad_evaluations + 1)
    now = _kept(app)
    assert now[DAYS[1]] != kept[DAYS[1]] and {d: v for d, v in now.items() if d != DAYS[1]} == {
        d: v for d, v in kept.items() if d != DAYS[1]}, "only Dec 8 was computed again"

    clock.set_local(2026, 12, 9, 16, 55)  # a ticket taken on Dec 9 on a PC that was offline
    queue.issue_ticket(app.db, hall_id, "A")
    clock.set_local(2026, 12, 10, 10, 10)
    assert _as_rows_give(app, hall_id, MONTH).figures.issued == before.issued + 1

    with app.db.unit_of_work(write=True) as uow:  # a supervisor records the material still owed
        case = uow.session.scalars(select(Case).where(Case.accepted_at.is_not(None), Case.gap_due_date.is_(None))
                                   .order_by(Case.id).limit(1)).one()
        case.gap_due_date = date(2026, 12, 20)
    edited = _as_rows_give(app, hall_id, MONTH).figures
    assert (edited.cases_accepted, edited.accepted_with_gap) == (before.cases_accepted - 1,
                                                                before.accepted_with_gap + 1)


def _marked(monkeypatch: pytest.MonkeyPatch) -> list[date]:
    """The days whose mark a read compares, in order."""
    days: list[date] = []
    real = DaySummaries.mark
    monkeypatch.setattr(DaySummaries, "mark", lambda self, h, day, *a: days.append(day) or real(self, h, day, *a))
    return days


def _case_without_print(app: AppContext, day: date) -> str:
    since, until = hall_clock().day_range(day)
    with app.db.unit_of_work() as uow:
        printed = select(PrintedDocument.case_id)
        return uow.session.scalars(select(Case.number).where(Case.created_at >= since, Case.created_at < until,
                                                             Case.id.not_in(printed)).limit(1)).one()


def test_the_watermark_skips_the_marks_until_a_closed_day_changes(
        hall: tuple[AppContext, FixedClock, int], monkeypatch: pytest.MonkeyPatch) -> None:
    """Once the month has been read, a read compares no day's mark while nothing changed, nor after
    a change of today only; a closed day's case edited, a late print of its receipt or a late
    evaluation shows on the next read, and only that day's mark is compared."""
    app, clock, hall_id = hall
    before = _as_rows_give(app, hall_id, MONTH)
    marked = _marked(monkeypatch)
    assert _as_rows_give(app, hall_id, MONTH) == before and marked == [], "nothing changed: no mark read"

    clock.set_local(2026, 12, 10, 10, 30)
    queue.issue_ticket(app.db, hall_id, "A")  # today only
    assert _as_rows_give(app, hall_id, MONTH).figures.issued == before.figures.issued + 1
    assert marked == [], "a change of today leaves the closed days as kept"

    kept = _kept(app)
    with app.db.unit_of_work(write=True) as uow:  # a supervisor records the material still owed
        case = uow.session.scalars(select(Case).where(Case.accepted_at.is_not(None), Case.gap_due_date.is_(None))
                                   .order_by(Case.id).limit(1)).one()
        case.gap_due_date, edited_day = date(2026, 12, 20), hall_clock().day_of(case.created_at)
    edited = _as_rows_give(app, hall_id, MONTH).figures
    assert (edited.cases_accepted, edited.accepted_with_gap) == (before.figures.cases_accepted - 1,
                                                                before.figures.accepted_with_gap + 1)
    # and the last closed day's: its cases were the latest changed, within SKEW of a PC's lagging clock
    assert edited_day in marked and set(marked) <= {edited_day, DAYS[-1]}
    assert {d for d, v in _kept(app).items() if kept[d] != v} == {edited_day}, "and only it computed again"

    marked.clear()
    clock.set_local(2026, 12, 10, 10, 45)  # the receipt of a Dec 7 case printed only now
    visit_times.record_printed(app.db, _case_without_print(app, DAYS[0]), "receipt")
    assert _as_rows_give(app, hall_id, MONTH).times.overall.printed == before.times.overall.printed + 1
    assert DAYS[0] in marked and set(marked) <= {DAYS[0], edited_day}

    marked.clear()
    ticket = _done_without_evaluation(app, DAYS[2])
    clock.set_local(2026, 12, 9, 16, 50)  # given on Dec 9, committed now
    evaluation.record(app.db, ticket, 5, "等候时间长")
    clock.set_local(2026, 12, 10, 11, 0)
    late = _as_rows_give(app, hall_id, MONTH).figures
    assert (late.evaluations, late.bad_evaluations) == (before.figures.evaluations + 1,
                                                        before.figures.bad_evaluations + 1)
    assert DAYS[2] in marked and set(marked) <= {DAYS[2], edited_day}


def test_a_day_changed_while_another_period_was_read_is_seen_when_read(
        hall: tuple[AppContext, FixedClock, int]) -> None:
    """The read that moves the watermark past a change of a day outside its period leaves that
    day to be compared when its own period is read."""
    app, _clock, hall_id = hall
    dec8 = Period(DAYS[1], DAYS[1])
    before, day_before = _as_rows_give(app, hall_id, MONTH), _as_rows_give(app, hall_id, dec8)
    with app.db.unit_of_work(write=True) as uow:
        since, until = hall_clock().day_range(DAYS[1])
        case = uow.session.scalars(select(Case).where(Case.accepted_at.is_not(None), Case.gap_due_date.is_(None),
                                                      Case.created_at >= since, Case.created_at < until)
                                   .order_by(Case.id).limit(1)).one()
        case.gap_due_date = date(2026, 12, 20)
    for _ in range(2):  # Dec 7 alone (as a page would ask for it): the watermark moves past the edit
        day_summaries.period_days(app.db, hall_id, DAYS[0], DAYS[0])
    edited = _as_rows_give(app, hall_id, dec8).figures
    assert edited.accepted_with_gap == day_before.figures.accepted_with_gap + 1
    assert _as_rows_give(app, hall_id, MONTH).figures.accepted_with_gap == before.figures.accepted_with_gap + 1


def test_today_is_live_and_never_kept(hall: tuple[AppContext, FixedClock, int]) -> None:
    app, clock, hall_id = hall
    first = _as_rows_give(app, hall_id, MONTH).figures
    clock.set_local(2026, 12, 10, 10, 30)
    queue.issue_ticket(app.db, hall_id, "D")
    later = _as_rows_give(app, hall_id, MONTH).figures
    assert (later.issued, later.waiting) == (first.issued + 1, first.waiting + 1)
    assert TODAY not in _kept(app)
    clock.set_local(2026, 12, 11, 8, 0)  # the next morning Dec 10 is closed: kept from now on
    assert day_summaries.close_days(app.db, hall_id, 3) == 1, "Dec 10 computed; Dec 8 and 9 were kept already"
    assert TODAY in _kept(app) and day_summaries.close_days(app.db, hall_id, 3) == 0
    assert _as_rows_give(app, hall_id, MONTH).figures.issued == later.issued


def test_a_summary_of_another_format_or_unreadable_is_computed_again(
        hall: tuple[AppContext, FixedClock, int]) -> None:
    app, _clock, hall_id = hall
    right = _as_rows_give(app, hall_id, MONTH).figures
    with app.db.unit_of_work(write=True) as uow:  # the same day as an older version kept it: other numbers
        row = uow.session.scalars(select(DaySummary).where(DaySummary.service_day == DAYS[0])).one()
        parts = day_summaries.loads(row.payload)
        parts.groups = [(*g[:3], g[3] * 10) for g in parts.groups]
        row.format, row.payload = day_summaries.FORMAT - 1, day_summaries.dumps(parts)
        other = uow.session.scalars(select(DaySummary).where(DaySummary.service_day == DAYS[1])).one()
        other.payload = other.payload[:40]  # cut short: unreadable
    assert _as_rows_give(app, hall_id, MONTH).figures == right
    kept = _kept(app)
    assert kept[DAYS[0]][1] == kept[DAYS[1]][1] == day_summaries.FORMAT, "stored again in today's format"


def test_the_sync_daemon_keeps_the_closed_days_once_a_hall_day(hall: tuple[AppContext, FixedClock, int],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The headless sync's daily chores summarise the week's closed days, and only once a hall day:
    the next loop of the same day computes nothing (a supervisor's morning month read finds them)."""
    from hallapp.sending.engine import SyncEngine

    app, clock, hall_id = hall
    eng = SyncEngine(app, adapter_factory=lambda: None)  # the chores never reach the platform
    with os_time_zone("UTC"), using(clock):
        eng._close_days(clock.today().isoformat())
        with app.db.unit_of_work() as uow:
            kept = {row.service_day for row in uow.session.scalars(select(DaySummary))}
        assert set(DAYS) <= kept and TODAY not in kept
        computed: list[int] = []
        monkeypatch.setattr(day_summaries, "close_days", lambda *a, **k: computed.append(1) or 0)
        eng._close_days(clock.today().isoformat())
        assert computed == []
