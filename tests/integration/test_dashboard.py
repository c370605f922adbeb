"""The supervisor's figures against one hand-timed morning of the demo hall (SQLite and PostgreSQL):
every tile, the hourly/counter/clerk/item/evaluation breakdowns, the rows behind them, the
ticket → case → receipt times and the periods (day, week, month) — all in Beijing time, while
the PC's own zone is UTC. Expected values are worked out by hand from the timeline below."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import text

from hallapp.bootstrap import AppContext
from hallapp.config import Settings
from hallapp.domain.cases import Decision
from hallapp.domain.clock import FixedClock, using
from hallapp.domain.identity import manual_identity
from hallapp.home import Home
from hallapp.services import (
    cases,
    catalog,
    dashboard,
    dashboard_summary,
    demo,
    evaluation,
    queue,
    returned_cases,
    scanning,
    staff,
    supplements,
    visit_times,
)
from hallapp.services.dashboard import Period
from hallapp.services.hall import HallInfo, ensure_demo_hall
from hallapp.storage import Database
from tests.support.os_zone import os_time_zone

ITEM = "002011004000"  # 社会保障卡申领: allows a gap (a required, non-key material may be owed)


@pytest.fixture
def app(home: Path, any_db: Database, monkeypatch: pytest.MonkeyPatch) -> AppContext:
    monkeypatch.setattr(staff, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    return AppContext(Home(home).ensure(), Settings(), any_db, demo=True)


@pytest.fixture
def clock() -> Iterator[FixedClock]:
    fixed = FixedClock.at_local(2026, 12, 8, 8, 0)
    with os_time_zone("UTC"), using(fixed):
        yield fixed


def _clerk(app: AppContext, username: str) -> int:
    with app.db.unit_of_work() as uow:
        return uow.staff.by_username(username).id


def _save_case(app: AppContext, info: HallInfo, ticket_id: int | None, counter: int, plan: str, username: str) -> str:
    item = catalog.checklist(app.db, ITEM)
    pdf = scanning.from_images(scanning.sample_pages(app.settings.documents, count=1)).pdf
    decision = {"complete": Decision.ACCEPT, "gap": Decision.ACCEPT_WITH_GAP, "notice": Decision.NOTICE}[plan]
    applicant = manual_identity(name="王建国", id_number="110105197001010011", today=date(2026, 12, 8),
                                long_term=True, valid_to=None, address="北京市朝阳区示例路1号")
    intake = cases.IntakeInput(
        applicant=applicant, item_code=ITEM, handling_region_code="110105", materials=demo._materials(item, plan, pdf),
        decision=decision, counter_number=counter, staff_id=_clerk(app, username), staff_username=username,
        gap_due_date=date(2026, 12, 15) if plan == "gap" else None, ticket_id=ticket_id)
    return cases.submit_intake(app.db, app.home, info.id, intake).number


@pytest.fixture
def morning(app: AppContext, clock: FixedClock) -> dict[str, str]:
    """Dec 7 08:55 one ticket; Dec 8 (now 10:40): five tickets, three visits with a case each, a no-show, one waiting."""
    db, info = app.db, ensure_demo_hall(app.db)
    at = lambda h, m, d=8: clock.set_local(2026, 12, d, h, m)  # noqa: E731
    ref = {n: queue.CounterRef(info.id, n, _clerk(app, f"clerk{n}")) for n in (1, 2, 3)}
    at(8, 55, 7)
    queue.issue_ticket(db, info.id, "A")
    t = {}
    for (h, m), letter, name in (((9, 0), "A", "a1"), ((9, 5), "D", "d1"), ((9, 10), "A", "a2"), ((9, 20), "A", "a3"),
                                 ((10, 30), "A", "a4")):
        at(h, m)
        t[name] = queue.issue_ticket(db, info.id, letter).id
    numbers = {}
    # counter 1 serves A001: called 09:15 (wait 15), case 09:30, receipt 09:32 (reprint 09:33), done 09:34 (service 18)
    at(9, 15)
    assert queue.call_next(db, ref[1]).number == "A001"
    at(9, 16), queue.start_serving(db, ref[1], t["a1"])
    at(9, 30)
    numbers["a1"] = _save_case(app, info, t["a1"], 1, "complete", "clerk1")
    at(9, 32), visit_times.record_printed(db, numbers["a1"], "receipt")
    at(9, 33), visit_times.record_printed(db, numbers["a1"], "receipt", reprint=True)
    at(9, 34), queue.done(db, ref[1], t["a1"]), evaluation.record(db, t["a1"], 1)
    # counter 2 serves D001: called 09:20 (wait 15), case with a gap 09:45, nothing printed, done 09:55 (service 34)
    at(9, 20)
    assert queue.call_next(db, ref[2]).number == "D001"
    at(9, 21), queue.start_serving(db, ref[2], t["d1"])
    at(9, 45)
    numbers["d1"] = _save_case(app, info, t["d1"], 2, "gap", "clerk2")
    at(9, 55), queue.done(db, ref[2], t["d1"]), evaluation.record(db, t["d1"], 5, "等候时间长")
    # counter 1 calls A002 at 09:40 (wait 30); nobody comes: no-show 09:45
    at(9, 40)
    assert queue.call_next(db, ref[1]).number == "A002"
    at(9, 45), queue.no_show(db, ref[1], t["a2"])
    # counter 1 serves A003: called 10:00 (wait 40), notice 10:20, printed 10:22, done 10:25 (service 24)
    at(10, 0)
    assert queue.call_next(db, ref[1]).number == "A003"
    at(10, 1), queue.start_serving(db, ref[1], t["a3"])
    at(10, 20)
    numbers["a3"] = _save_case(app, info, t["a3"], 1, "notice", "clerk1")
    at(10, 22), visit_times.record_printed(db, numbers["a3"], "notice")
    at(10, 25), queue.done(db, ref[1], t["a3"]), evaluation.record(db, t["a3"], 3)
    at(10, 40)
    return numbers


def test_todays_tiles_are_the_mornings_figures(app: AppContext, morning: dict[str, str], clock: FixedClock) -> None:
    info = ensure_demo_hall(app.db)
    f = dashboard.figures(dashboard.snapshot(app.db, info.id))
    assert (f.issued, f.waiting, f.done, f.no_show) == (5, 1, 3, 1)
    assert (f.cases_accepted, f.accepted_with_gap, f.notices) == (1, 1, 1)
    assert (f.avg_wait_min, f.p90_wait_min) == (25.0, 40.0)  # waits 15, 15, 30, 40
    assert (f.avg_service_min, f.p90_service_min) == (25.3, 34.0)  # services 18, 34, 24
    assert (f.evaluations, f.satisfaction_pct, f.bad_evaluations) == (3, 66.7, 1)
    assert f.by_counter == {1: 2, 2: 1}
    with app.db.engine.connect() as conn:  # accepted cases put entries in the outbox; nothing was synced
        assert f.backlog == conn.execute(text("select count(*) from outbox_entry")).scalar() > 0
        oldest = conn.execute(text("select min(created_at) from outbox_entry")).scalar()
    # hallapp/sync/outbox.py stamps entries with the PC's clock, not the hall's: compare with what it stored
    oldest = datetime.fromisoformat(str(oldest)).replace(tzinfo=UTC)
    assert f.backlog_oldest_min == round((clock.now() - oldest).total_seconds() / 60, 1)
    assert f.returned == 0
    assert dashboard_summary.summary(app.db, info.id).figures == f, "the page's aggregated figures are the same"


def test_cases_accepted_count_even_when_no_visit_was_finished(app: AppContext, clock: FixedClock) -> None:
    """The reported '已办 0' beside three accepted cases: cases were never counted, only tickets at F8."""
    clock.set_local(2026, 12, 8, 9, 0)
    demo.seed_cases(app, 3, plan="complete", item_code=ITEM)
    f = dashboard.today(app.db, ensure_demo_hall(app.db).id)
    assert (f.done, f.cases_accepted) == (0, 3)


def test_breakdowns_and_the_rows_behind_them(app: AppContext, morning: dict[str, str]) -> None:
    info = ensure_demo_hall(app.db)
    snap = dashboard.snapshot(app.db, info.id)
    b = dashboard.breakdowns(snap)
    assert b.arrivals_by_hour[9] == 4 and b.arrivals_by_hour[10] == 1 and b.arrivals_by_hour[8] == 0
    fast = dashboard_summary.summary(app.db, info.id)
    assert fast.breakdowns == b, "aggregated: the same bars"
    assert (b.served_by_hour[9], b.served_by_hour[10]) == (2, 1)
    assert b.served_by_counter == {1: 2, 2: 1} and b.cases_by_counter == {1: 2, 2: 1}
    clerk1 = next(t.clerk for t in snap.tickets if t.counter == 1)
    assert b.served_by_clerk[clerk1] == 2 and b.cases_by_clerk[clerk1] == 2
    assert b.cases_by_item == {"社会保障卡申领": 3}
    assert b.evaluations_by_level == {1: 1, 2: 0, 3: 1, 4: 0, 5: 1}
    numbers = lambda d: [r.number for r in d.rows]  # noqa: E731
    assert numbers(dashboard.drill(snap, "arrivals_by_hour", 10)) == ["A004"]
    assert numbers(dashboard.drill(snap, "waiting")) == ["A004"]
    assert numbers(dashboard.drill(snap, "no_show")) == ["A002"]
    assert numbers(dashboard.drill(snap, "p90_wait_min"))[0] == "A003", "longest wait first"
    assert numbers(dashboard.drill(snap, "served_by_counter", 1)) == ["A001", "A003"]
    assert numbers(dashboard.drill(snap, "accepted_with_gap")) == [morning["d1"]]
    bad = dashboard.drill(snap, "bad_evaluations")
    assert bad.kind == "evaluations" and [(e.level, e.reason) for e in bad.rows] == [(5, "等候时间长")]


def test_ticket_to_receipt_times(app: AppContext, morning: dict[str, str]) -> None:
    snap = dashboard.snapshot(app.db, ensure_demo_hall(app.db).id)
    rows = {v.ticket: v for v in visit_times.visits(snap)}
    assert (rows["A001"].to_call_min, rows["A001"].to_case_min, rows["A001"].to_receipt_min) == (15.0, 30.0, 32.0)
    assert (rows["D001"].to_call_min, rows["D001"].to_case_min, rows["D001"].to_receipt_min) == (15.0, 40.0, None)
    assert (rows["A003"].to_call_min, rows["A003"].to_case_min, rows["A003"].to_receipt_min) == (40.0, 60.0, 62.0)
    assert [v.ticket for v in visit_times.slowest(list(rows.values()))] == ["A003", "D001", "A001"]
    clerks = {s.label: s for s in visit_times.per_clerk(list(rows.values()))}
    first = clerks[rows["A001"].clerk]
    assert (first.visits, first.avg_to_receipt, first.printed) == (2, 47.0, 2)  # (32 + 62) / 2
    item = visit_times.per_item(list(rows.values()))[0]
    assert (item.label, item.visits, item.avg_to_case, item.printed) == ("社会保障卡申领", 3, 43.3, 2)
    times = dashboard_summary.summary(app.db, ensure_demo_hall(app.db).id).times  # summed up by the database
    assert [v.ticket for v in times.slowest] == ["A003", "D001", "A001"]
    assert times.slowest[0] == rows["A003"] and times.slowest[1] == rows["D001"], "the same minutes, clerk, case"
    assert {s.label: s for s in times.per_clerk}[rows["A001"].clerk] == first
    assert times.per_item == (item,) and times.overall == visit_times.overall(list(rows.values()))
    assert (times.overall.visits, times.overall.p90_to_receipt, times.overall.printed) == (3, 62.0, 2)  # 32, 62


def test_a_returned_case_is_listed_whatever_its_day(app: AppContext, morning: dict[str, str], clock: FixedClock) -> None:
    cases.transition(app.db, morning["a1"], "submitted", actor="system")
    cases.transition(app.db, morning["a1"], "returned", actor="system", reason="身份证复印件不清晰")
    clock.set_local(2026, 12, 9, 9, 0)
    snap = dashboard.snapshot(app.db, ensure_demo_hall(app.db).id)
    assert dashboard.figures(snap).returned == 1
    (row,) = dashboard.drill(snap, "returned").rows
    assert row.number == morning["a1"]


def test_periods_are_the_halls_days(app: AppContext, morning: dict[str, str]) -> None:
    info = ensure_demo_hall(app.db)
    issued = lambda p: dashboard.figures(dashboard.snapshot(app.db, info.id, p)).issued  # noqa: E731
    assert issued(Period.day(date(2026, 12, 7))) == 1
    assert issued(Period(date(2026, 12, 7), date(2026, 12, 8))) == 6
    assert Period.week(date(2026, 12, 8)) == Period(date(2026, 12, 7), date(2026, 12, 13))
    assert Period.month(date(2026, 12, 8)) == Period(date(2026, 12, 1), date(2026, 12, 31))
    assert issued(Period.month(date(2026, 12, 8))) == 6
    past = dashboard.figures(dashboard.snapshot(app.db, info.id, Period.day(date(2026, 12, 7))))
    assert past.waiting is None, "waiting now means nothing for a past day"


def test_the_change_mark_moves_with_the_queue(app: AppContext, morning: dict[str, str]) -> None:
    info = ensure_demo_hall(app.db)
    before = dashboard.change_mark(app.db, info.id)
    assert dashboard.change_mark(app.db, info.id) == before
    queue.issue_ticket(app.db, info.id, "B")
    assert dashboard.change_mark(app.db, info.id) != before


def test_the_returned_tile_counts_only_returns_still_waiting(app: AppContext, morning: dict[str, str],
                                                              clock: FixedClock) -> None:
    """Three returns: one still waiting, one closed by the supervisor, one sent again as revision 2."""
    resent = _save_case(app, ensure_demo_hall(app.db), None, 3, "complete", "clerk3")
    for number in (morning["a1"], morning["d1"], resent):
        cases.transition(app.db, number, "submitted", actor="system")
        cases.transition(app.db, number, "returned", actor="system", reason="材料不清晰")
    returned_cases.close_case(app.db, morning["d1"], reason="申请人撤回", actor="supervisor", staff_id=None)
    returned_cases.resubmit(app.db, resent, changes="补正材料", actor="supervisor", staff_id=None)
    snap = dashboard.snapshot(app.db, ensure_demo_hall(app.db).id)
    with app.db.engine.connect() as conn:  # independently: returned, with no close step recorded
        waiting = conn.execute(text(
            "select c.number from case_file c where c.state = 'returned' and not exists ("
            "select 1 from case_follow_up s where s.case_id = c.id and s.action = 'closed')")).scalars().all()
    assert waiting == [morning["a1"]]
    assert dashboard.figures(snap).returned == len(waiting) == 1
    assert [r.number for r in dashboard.drill(snap, "returned").rows] == waiting


def test_hours_stand_beside_the_same_weekday_of_earlier_weeks(app: AppContext, clock: FixedClock) -> None:
    """Tuesday Dec 8 beside Tuesdays Dec 1 (2 tickets at 9, one served 9:30), Nov 24 (one at 9), Nov 17
    (closed: not averaged in) and Nov 10 (one at 10); Wednesday Dec 2 is another weekday."""
    db, info = app.db, ensure_demo_hall(app.db)
    ref = queue.CounterRef(info.id, 1, _clerk(app, "clerk1"))
    for day, hour, minute in ((1, 9, 10), (1, 9, 12), (2, 9, 0)):
        clock.set_local(2026, 12, day, hour, minute)
        queue.issue_ticket(db, info.id, "A")
    clock.set_local(2026, 12, 1, 9, 20)
    served = queue.call_next(db, ref)
    clock.set_local(2026, 12, 1, 9, 30)
    queue.done(db, ref, served.id)
    for day, hour in ((24, 9), (10, 10)):
        clock.set_local(2026, 11, day, hour, 5)
        queue.issue_ticket(db, info.id, "A")
    clock.set_local(2026, 12, 8, 9, 0)
    queue.issue_ticket(db, info.id, "A")
    assert date(2026, 12, 8).weekday() == date(2026, 11, 10).weekday() == 1
    snap = dashboard.snapshot(db, info.id)
    before = dashboard.comparison(db, info.id, date(2026, 12, 8))
    assert before.days == (date(2026, 12, 1), date(2026, 11, 24), date(2026, 11, 17), date(2026, 11, 10))
    assert before.open_days == (date(2026, 12, 1), date(2026, 11, 24), date(2026, 11, 10))
    b = dashboard.breakdowns(dashboard.with_comparison(snap, before))
    assert b.before_days == 3
    assert (b.arrivals_before[9], b.arrivals_before[10], b.arrivals_before[8]) == (1.0, 0.33, 0.0)  # 3/3, 1/3
    assert (b.served_before[9], b.arrivals_by_hour[9]) == (0.33, 1)
    snap = dashboard.with_comparison(snap, before)
    rows = dashboard.drill(snap, "arrivals_before_by_hour", 9).rows
    assert sorted(clock.local(r.issued_at).strftime("%m-%d %H:%M") for r in rows) == [
        "11-24 09:05", "12-01 09:10", "12-01 09:12"]
    assert [r.id for r in dashboard.drill(snap, "served_before_by_hour", 9).rows] == [served.id]
    hours = dashboard_summary.hour_comparison(db, info.id, date(2026, 12, 8))
    assert (hours.days, hours.open_days) == (before.days, before.open_days)
    assert dashboard_summary.summary(db, info.id, before=hours).breakdowns == b, "aggregated: the same averages"
    week = dashboard.with_comparison(dashboard.snapshot(db, info.id, Period.week(date(2026, 12, 8))), before)
    assert week.before is None and dashboard.breakdowns(week).before_days == 0, "only one day has a same weekday"


def test_the_waiting_time_distribution(app: AppContext, morning: dict[str, str]) -> None:
    snap = dashboard.snapshot(app.db, ensure_demo_hall(app.db).id)
    b = dashboard.breakdowns(snap)
    # waits 15 (A001), 15 (D001), 30 (A002), 40 (A003); A004 is still waiting: not in any bucket
    assert dashboard.WAIT_BUCKETS == ((0, 5), (5, 10), (10, 20), (20, 30), (30, 60), (60, None))
    assert b.wait_buckets == {0: 0, 1: 0, 2: 2, 3: 0, 4: 2, 5: 0}
    assert dashboard_summary.summary(app.db, ensure_demo_hall(app.db).id).breakdowns.wait_buckets == b.wait_buckets
    assert [r.number for r in dashboard.drill(snap, "wait_distribution", 4).rows] == ["A003", "A002"]
    assert sorted(r.number for r in dashboard.drill(snap, "wait_distribution", 2).rows) == ["A001", "D001"]
    assert [dashboard.wait_bucket(m) for m in (0, 4.9, 5, 59.9, 60, 600)] == [0, 0, 1, 4, 5, 5]


def test_materials_still_owed_after_their_due_date(app: AppContext, morning: dict[str, str], clock: FixedClock) -> None:
    """D001's case was accepted with a gap, due Dec 15: nothing is overdue on Dec 15, 3 days on Dec 18."""
    info = ensure_demo_hall(app.db)
    clock.set_local(2026, 12, 15, 17, 0)
    assert supplements.overdue(app.db, info.id) == []
    clock.set_local(2026, 12, 18, 9, 0)
    (row,) = supplements.overdue(app.db, info.id)
    with app.db.engine.connect() as conn:  # independently: the required materials of that case not captured
        owed = conn.execute(text("select m.name from material m join case_file c on c.id = m.case_id "
                                 "join material_requirement r on r.id = m.requirement_id "
                                 "where c.number = :n and m.status != 'captured' and r.required "
                                 "order by m.position"),
                            {"n": morning["d1"]}).scalars().all()
        clerk = conn.execute(text("select display_name from staff where username = 'clerk2'")).scalar()
    assert (row.case_number, row.due, row.days_overdue, row.clerk) == (morning["d1"], date(2026, 12, 15), 3, clerk)
    assert row.applicant == "王**" and row.item_name == "社会保障卡申领" and list(row.owed) == owed and owed


def _same(live: dashboard_summary.Summary, full: dashboard_summary.Summary) -> None:
    assert live.figures == full.figures
    assert live.breakdowns == full.breakdowns
    assert live.times == full.times


def test_live_today_folds_changes_into_the_same_figures_as_a_full_read(
        app: AppContext, morning: dict[str, str], clock: FixedClock) -> None:
    """The page keeps today in memory and reads only what changed: after every change of a busy
    half hour the folded figures equal a full recompute, and the day was read whole only once."""
    from hallapp.services.dashboard_live import LiveToday

    db, info = app.db, ensure_demo_hall(app.db)
    live = LiveToday(info.id, clock)
    _same(live.read(db), dashboard_summary.summary(db, info.id))
    ref = {n: queue.CounterRef(info.id, n, _clerk(app, f"clerk{n}")) for n in (1, 2, 3)}
    at = lambda h, m: clock.set_local(2026, 12, 8, h, m)  # noqa: E731
    waiting = {}
    steps = [
        ((10, 41), lambda: waiting.setdefault("b1", queue.issue_ticket(db, info.id, "A").id)),
        ((10, 42), lambda: waiting.setdefault("b2", queue.issue_ticket(db, info.id, "D").id)),
        ((10, 45), lambda: waiting.setdefault("c3", queue.call_next(db, ref[3]).id)),
        ((10, 46), lambda: queue.start_serving(db, ref[3], waiting["c3"])),
        ((10, 50), lambda: waiting.setdefault("case", _save_case(app, info, waiting["c3"], 3, "complete", "clerk3"))),
        ((10, 52), lambda: visit_times.record_printed(db, waiting["case"], "receipt")),
        ((10, 55), lambda: queue.done(db, ref[3], waiting["c3"])),
        ((10, 56), lambda: evaluation.record(db, waiting["c3"], 4, "态度一般")),
        ((11, 0), lambda: waiting.setdefault("c1", queue.call_next(db, ref[1]).id)),
        ((11, 5), lambda: queue.no_show(db, ref[1], waiting["c1"])),
        ((11, 10), lambda: queue.call_next(db, ref[1])),
    ]

    for (h, m), change in steps:
        at(h, m)
        change()
        _same(live.read(db), dashboard_summary.summary(db, info.id))
    f = live.read(db).figures
    assert (f.issued, f.done, f.no_show, f.cases_accepted) == (7, 4, 2, 2)
    assert f.evaluations == 4 and f.bad_evaluations == 2  # level 4 不满意 is bad too
    assert live.full_reads == 1, "one full read; every later read folded the changes in"
    clock.set_local(2026, 12, 9, 8, 0)  # a new day: read whole again, and empty
    assert live.read(db).figures.issued == 0 and live.full_reads == 2
