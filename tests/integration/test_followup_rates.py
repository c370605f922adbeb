"""The reports' and the tile's follow-up figures come from counts grouped by the database
(followups.rates, followups.open_count); here they must equal the same figures worked out rating by
rating from bad_ratings() and every evaluation of the period, on SQLite and PostgreSQL, in Beijing
time while the PC's zone is UTC. The seeded ratings have follow-ups in every state (reached, done
without contact, unreachable only, unreachable then reached, none), are named or not, and fall on
days whose due dates cross the 清明 holiday (Sat 4 – Mon 6 April 2026) and a weekend (11–12 April):
"today" is moved over the days on which each group becomes overdue."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from hallapp.bootstrap import AppContext
from hallapp.domain.cases import Decision
from hallapp.domain.clock import FixedClock, using
from hallapp.domain.identity import manual_identity
from hallapp.domain.workdays import HolidayCalendar
from hallapp.services import cases, catalog, demo, evaluation, followups, queue, scanning
from hallapp.services.dashboard import Period
from hallapp.services.followups import FollowUpInput, Rates
from hallapp.services.hall import ensure_demo_hall
from hallapp.storage.repositories.dashboard import DashboardQueries
from tests.support.os_zone import os_time_zone

ITEM = "002011004000"  # 社会保障卡申领
CALENDAR = ["calendars/cn-2026.yaml"]
APRIL = Period.month(date(2026, 4, 1))


@pytest.fixture
def clock() -> Iterator[FixedClock]:
    fixed = FixedClock.at_local(2026, 3, 31, 10, 0)
    with os_time_zone("UTC"), using(fixed):
        yield fixed


def _staff_id(app: AppContext, username: str) -> int:
    with app.db.unit_of_work() as uow:
        return uow.staff.by_username(username).id


def _rate(app: AppContext, level: int | None, *, named: bool) -> int:
    """A visit served by clerk1 (with a case saved when `named`), rated `level`: the evaluation's id."""
    info = ensure_demo_hall(app.db)
    ticket = queue.issue_ticket(app.db, info.id, "A")
    ref = queue.CounterRef(info.id, 1, _staff_id(app, "clerk1"))
    queue.call_next(app.db, ref)
    if named:
        item = catalog.checklist(app.db, ITEM)
        pdf = scanning.from_images(scanning.sample_pages(app.settings.documents, count=1)).pdf
        applicant = manual_identity(name="王建国", id_number="110105197001010011", today=date(2026, 4, 2),
                                    long_term=True, valid_to=None, address="北京市朝阳区示例路1号")
        cases.submit_intake(app.db, app.home, info.id, cases.IntakeInput(
            applicant=applicant, item_code=ITEM, handling_region_code="110105",
            materials=demo._materials(item, "complete", pdf), decision=Decision.ACCEPT, counter_number=1,
            staff_id=_staff_id(app, "clerk1"), staff_username="clerk1", gap_due_date=None, ticket_id=ticket.id))
    queue.done(app.db, ref, ticket.id)
    return evaluation.record(app.db, ticket.id, level, "等候时间长" if level in (4, 5) else "")


def _follow(app: AppContext, clock: FixedClock, evaluation_id: int, outcome: str) -> None:
    supervisor = _staff_id(app, "supervisor")
    contact = outcome != "no_contact"
    entry = FollowUpInput(evaluation_id, outcome, clock.now() - timedelta(minutes=5) if contact else None,
                          supervisor if contact else None, "已电话联系" if contact else "", "高峰时段增开一个窗口")
    followups.record(app.db, entry, actor="supervisor", recorded_by_id=supervisor)


def _seed(app: AppContext, clock: FixedClock) -> None:
    """Ratings on 31 March (outside April), 2 April, early on 3 April (07:30 in Beijing: still 2 April
    in UTC, so a UTC day would give it 2 April's due date) and 7 April, with their follow-ups."""
    clock.set_local(2026, 3, 31, 10, 0)
    _rate(app, 5, named=False)  # before the month: counted by no April figure
    _rate(app, 1, named=False)
    clock.set_local(2026, 4, 2, 9, 0)  # due 10 April (3, 7, 8, 9, 10: 清明 skipped)
    for level in (1, 2, 3, None):
        _rate(app, level, named=False)
    reached, unreachable, later, anonymous_done = (_rate(app, 4, named=True), _rate(app, 5, named=True),
                                                   _rate(app, 4, named=True), _rate(app, 5, named=False))
    _rate(app, 4, named=True)  # named, nobody has called yet
    _rate(app, 5, named=False)  # anonymous, no rectification yet
    clock.set_local(2026, 4, 3, 7, 30)  # due 13 April
    _rate(app, 5, named=True)
    _rate(app, 4, named=False)
    early_reached = _rate(app, 4, named=True)
    clock.set_local(2026, 4, 7, 14, 0)  # due 14 April, across the weekend of 11–12 April
    _rate(app, 4, named=True)
    _rate(app, 2, named=False)
    for rating, outcome in ((reached, "resolved"), (unreachable, "unreachable"), (later, "unreachable"),
                            (anonymous_done, "no_contact"), (early_reached, "explained")):
        _follow(app, clock, rating, outcome)
    clock.set_local(2026, 4, 9, 10, 0)
    _follow(app, clock, later, "explained")  # unreachable at first, reached the second time


def _by_rows(app: AppContext, calendar: HolidayCalendar, clock: FixedClock) -> Rates:
    """Rates worked out rating by rating: every evaluation of April read, every bad rating with its records."""
    since, until = APRIL.bounds(clock)
    with app.db.unit_of_work() as uow:
        levels = [row[4] for row in DashboardQueries(uow.session).evaluations(since, until)]
    bad = followups.bad_ratings(app.db, period=APRIL, days=5, calendar=calendar, clock=clock)
    answered = [lv for lv in levels if lv is not None]
    return Rates(evaluations=len(levels), answered=len(answered), satisfied=sum(lv <= 3 for lv in answered),
                 bad=len(bad), named_bad=sum(r.named for r in bad), followed_up=sum(r.named and r.reached for r in bad),
                 overdue=sum(not r.done and clock.today() > r.due_on for r in bad))


def test_grouped_rates_equal_the_rating_by_rating_rates(app: AppContext, clock: FixedClock) -> None:
    _seed(app, clock)
    calendar = cases.load_calendar(CALENDAR)
    seen = {}
    for day in (9, 10, 13, 14, 15):  # before any due day passed, then one group of days after another
        clock.set_local(2026, 4, day, 10, 0)
        grouped = followups.rates(app.db, APRIL, days=5, calendar=calendar, clock=clock)
        assert grouped == _by_rows(app, calendar, clock), f"today {day} April"
        seen[day] = grouped.overdue
    grouped = followups.rates(app.db, APRIL, days=5, calendar=calendar, clock=clock)
    assert (grouped.evaluations, grouped.answered, grouped.satisfied) == (15, 14, 4)
    assert (grouped.bad, grouped.named_bad, grouped.followed_up) == (10, 7, 3)
    assert (grouped.satisfaction_pct, grouped.follow_up_pct) == (28.6, 42.9)
    # 2 April's three open ratings (one only unreachable) from 11 April; 3 April's two from 14 April
    # (not 11: its hall day is not its UTC day); 7 April's one from 15 April
    assert seen == {9: 0, 10: 0, 13: 3, 14: 5, 15: 6}


def test_the_weekends_only_due_date_without_a_calendar(app: AppContext, clock: FixedClock) -> None:
    _seed(app, clock)
    clock.set_local(2026, 4, 10, 10, 0)  # without the holiday calendar 2 April is due on 9 April
    grouped = followups.rates(app.db, APRIL, days=5, clock=clock)
    assert grouped == _by_rows(app, HolidayCalendar(), clock) and grouped.overdue == 3


def test_the_tiles_open_count_equals_the_open_list(app: AppContext, clock: FixedClock) -> None:
    _seed(app, clock)
    clock.set_local(2026, 4, 13, 10, 0)
    assert followups.open_count(app.db, clock=clock) == len(followups.bad_ratings(app.db, open_only=True)) == 7
    assert followups.open_count(app.db, period=APRIL, clock=clock) == 6, "31 March's rating is not April's"
    assert followups.open_count(app.db, period=Period.day(date(2026, 4, 3)), clock=clock) == 2


def test_the_monthly_report_counts_overdue_by_the_halls_own_rule(app: AppContext, clock: FixedClock) -> None:
    """The report a supervisor signs says what the follow-up page says: due after the hall's
    `evaluation.follow_up_days` working days on its holiday calendars, not a built-in five."""
    from hallapp.services import reports

    _seed(app, clock)
    clock.set_local(2026, 4, 13, 10, 0)
    calendar = cases.load_calendar(CALENDAR)
    info = ensure_demo_hall(app.db)

    def overdue(rule: reports.FollowUpRule) -> str:
        doc = reports.build(app.db, info.id, info.name, APRIL, "monthly", clock, rule)
        return dict(doc.summary)["逾期未回访"]

    assert overdue(reports.FollowUpRule(5, calendar)) == "3"  # as the page shows on 13 April (above)
    assert overdue(reports.FollowUpRule(5, HolidayCalendar())) == "5"  # without 清明: 2 and 3 April past due
    assert overdue(reports.FollowUpRule(10, calendar)) == "0"
