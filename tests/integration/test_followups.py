"""差评回访 and the cases that need a supervisor, on SQLite and PostgreSQL, in Beijing time while
the PC's zone is UTC: the due date in working days through the 2026 calendar (清明 4–6 April), overdue
until a follow-up reaches the applicant, the period's rates worked out by hand, a returned case sent
again as revision 2, and outbox entries needing attention retried or closed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from hallapp.bootstrap import AppContext
from hallapp.domain.cases import Decision
from hallapp.domain.clock import FixedClock, using
from hallapp.domain.identity import manual_identity
from hallapp.services import cases, catalog, demo, evaluation, followups, queue, returned_cases, scanning
from hallapp.services.dashboard import Period
from hallapp.services.followups import FollowUpError, FollowUpInput
from hallapp.services.hall import ensure_demo_hall
from hallapp.services.returned_cases import ReturnedCaseError
from tests.support.os_zone import os_time_zone
from tests.support.refusals import refused

ITEM = "002011004000"  # 社会保障卡申领
CALENDAR = ["calendars/cn-2026.yaml"]


@pytest.fixture
def clock() -> Iterator[FixedClock]:
    fixed = FixedClock.at_local(2026, 4, 2, 9, 0)  # Thursday before 清明 (Sat 4 – Mon 6 April)
    with os_time_zone("UTC"), using(fixed):
        yield fixed


def _staff_id(app: AppContext, username: str) -> int:
    with app.db.unit_of_work() as uow:
        return uow.staff.by_username(username).id


def _visit(app: AppContext, *, with_case: bool, plan: str = "complete") -> tuple[int, str]:
    """A ticket called and served at counter 1 by clerk1; with a case saved for it if asked."""
    info = ensure_demo_hall(app.db)
    ticket = queue.issue_ticket(app.db, info.id, "A")
    ref = queue.CounterRef(info.id, 1, _staff_id(app, "clerk1"))
    queue.call_next(app.db, ref)
    number = ""
    if with_case:
        item = catalog.checklist(app.db, ITEM)
        pdf = scanning.from_images(scanning.sample_pages(app.settings.documents, count=1)).pdf
        applicant = manual_identity(name="王建国", id_number="110105197001010011", today=date(2026, 4, 2),
                                    long_term=True, valid_to=None, address="北京市朝阳区示例路1号")
        intake = cases.IntakeInput(
            applicant=applicant, item_code=ITEM, handling_region_code="110105",
            materials=demo._materials(item, plan, pdf),
            decision=Decision.ACCEPT_WITH_GAP if plan == "gap" else Decision.ACCEPT, counter_number=1,
            staff_id=_staff_id(app, "clerk1"), staff_username="clerk1",
            gap_due_date=date(2026, 4, 15) if plan == "gap" else None, ticket_id=ticket.id)
        number = cases.submit_intake(app.db, app.home, info.id, intake).number
    queue.done(app.db, ref, ticket.id)
    return ticket.id, number


def _rate(app: AppContext, level: int | None, *, with_case: bool = True, reason: str = "等候时间长") -> str:
    ticket_id, number = _visit(app, with_case=with_case)
    evaluation.record(app.db, ticket_id, level, reason if level in (4, 5) else "")
    return number


def _follow(app: AppContext, clock: FixedClock, outcome: str, **kw: str) -> int:
    (rating,) = followups.bad_ratings(app.db, open_only=True)
    supervisor = _staff_id(app, "supervisor")
    entry = FollowUpInput(rating.evaluation_id, outcome, clock.now() - timedelta(minutes=5), supervisor,
                          kw.get("note", "已电话联系，解释了等候原因"), kw.get("rectification", "高峰时段增开一个窗口"))
    return followups.record(app.db, entry, actor="supervisor", recorded_by_id=supervisor)


# -- due dates -----------------------------------------------------------------------------------

def test_due_date_skips_the_weekend_and_the_qingming_holiday() -> None:
    calendar = cases.load_calendar(CALENDAR)
    # Thu 2 April: Fri 3 (1), Sat 4 – Mon 6 清明, Tue 7 (2), Wed 8 (3), Thu 9 (4), Fri 10 (5)
    assert followups.due_on(date(2026, 4, 2), 5, calendar) == date(2026, 4, 10)
    assert followups.due_on(date(2026, 4, 2), 5) == date(2026, 4, 9), "weekends only, without the calendar"
    # Fri 10 April: the weekend skipped, no holiday: Mon 13 … Fri 17
    assert followups.due_on(date(2026, 4, 10), 5, calendar) == date(2026, 4, 17)


def test_a_rating_counts_from_its_hall_day(app: AppContext, clock: FixedClock) -> None:
    clock.set_local(2026, 4, 3, 7, 30)  # Friday 07:30 in Beijing is still Thursday in UTC
    _rate(app, 5)
    (rating,) = followups.bad_ratings(app.db, days=5, calendar=cases.load_calendar(CALENDAR))
    # Fri 3 is day 0: Tue 7, Wed 8, Thu 9, Fri 10, Mon 13
    assert rating.due_on == date(2026, 4, 13)
    assert (rating.level, rating.reason, rating.clerk, rating.item_name) == (5, "等候时间长", "张晓梅", "社会保障卡申领")


# -- overdue and follow-up ---------------------------------------------------------------------

def test_overdue_until_the_applicant_is_reached(app: AppContext, clock: FixedClock) -> None:
    number = _rate(app, 4)
    calendar = cases.load_calendar(CALENDAR)

    def rating() -> followups.BadRating:
        (one,) = followups.bad_ratings(app.db, calendar=calendar)
        return one

    assert rating().case_number == number and rating().named
    clock.set_local(2026, 4, 10, 16, 0)
    assert not rating().overdue(clock.today()), "the due day itself is still in time"
    clock.set_local(2026, 4, 13, 9, 0)
    assert rating().overdue(clock.today())
    _follow(app, clock, "unreachable", note="无人接听")
    assert rating().overdue(clock.today()), "a call that reached nobody does not end the follow-up"
    _follow(app, clock, "resolved")
    after = rating()
    assert after.done and not after.overdue(clock.today())
    assert [r.outcome for r in after.records] == ["unreachable", "resolved"]
    assert after.last.contacted_by == "陈主任" and after.last.rectification == "高峰时段增开一个窗口"
    assert followups.bad_ratings(app.db, open_only=True) == []
    with app.db.engine.connect() as conn:
        details = [json.loads(d) for (d,) in conn.execute(
            text("select detail from audit_event where action = 'follow_up_recorded' order by id"))]
    assert [d["outcome"] for d in details] == ["unreachable", "resolved"]
    assert not any("等候" in json.dumps(d, ensure_ascii=False) for d in details), "no words said in the audit"


def test_a_follow_up_that_says_nothing_is_refused(app: AppContext, clock: FixedClock) -> None:
    _rate(app, 5)
    (rating,) = followups.bad_ratings(app.db)
    supervisor = _staff_id(app, "supervisor")
    cases_ = [
        (FollowUpInput(rating.evaluation_id, "resolved", clock.now(), supervisor), "follow_up.note_missing"),
        (FollowUpInput(rating.evaluation_id, "resolved", clock.now() + timedelta(hours=1), supervisor, "好"),
         "follow_up.in_future"),
        (FollowUpInput(rating.evaluation_id, "no_contact", None, None, rectification="整改"), "follow_up.named_needs_contact"),
        (FollowUpInput(rating.evaluation_id, "explained", None, supervisor, "好"), "follow_up.when_who_missing"),
    ]
    for entry, words in cases_:
        with refused(FollowUpError, words):
            followups.record(app.db, entry, actor="supervisor", recorded_by_id=supervisor)
    assert followups.bad_ratings(app.db, open_only=True) == [rating]


# -- rates ----------------------------------------------------------------------------------------

def test_the_periods_rates(app: AppContext, clock: FixedClock) -> None:
    for level in (1, 2, None):
        _rate(app, level)
    _rate(app, 4)  # named
    _rate(app, 5, with_case=False)  # only a ticket: nobody to call
    clock.set_local(2026, 4, 3, 9, 0)
    _rate(app, 3)  # the next day: outside a one-day period
    day = Period.day(date(2026, 4, 2))
    r = followups.rates(app.db, day, calendar=cases.load_calendar(CALENDAR))
    assert (r.evaluations, r.answered, r.satisfied, r.bad, r.named_bad, r.followed_up) == (5, 4, 2, 2, 1, 0)
    assert (r.satisfaction_pct, r.follow_up_pct, r.overdue) == (50.0, 0.0, 0)
    named, anonymous = followups.bad_ratings(app.db, period=day)
    supervisor = _staff_id(app, "supervisor")
    followups.record(app.db, FollowUpInput(named.evaluation_id, "explained", clock.now(), supervisor, "已说明"),
                     actor="supervisor", recorded_by_id=supervisor)
    followups.record(app.db, FollowUpInput(anonymous.evaluation_id, "no_contact", None, None,
                                           rectification="叫号屏增加等候人数"), actor="supervisor",
                     recorded_by_id=supervisor)
    after = followups.rates(app.db, day)
    assert (after.followed_up, after.follow_up_pct, after.overdue) == (1, 100.0, 0)
    week = followups.rates(app.db, Period.week(date(2026, 4, 2)))
    assert (week.answered, week.satisfied, week.satisfaction_pct) == (5, 3, 60.0)


# -- returned cases -----------------------------------------------------------------------------

def _returned(app: AppContext, plan: str = "complete") -> str:
    _ticket, number = _visit(app, with_case=True, plan=plan)
    cases.transition(app.db, number, "submitted", actor="sync")
    cases.transition(app.db, number, "returned", actor="platform", reason="身份证复印件不清晰")
    return number


def _client_ids(app: AppContext, number: str) -> list[str]:
    with app.db.unit_of_work() as uow:
        return [r.client_id for r in uow.outbox.by_case_number(number)]


def test_a_returned_case_is_sent_again_as_revision_2(app: AppContext, clock: FixedClock) -> None:
    number = _returned(app)
    info = ensure_demo_hall(app.db)
    (case,) = returned_cases.worklist(app.db, info.id).returned
    assert (case.number, case.reason, case.applicant_name, case.clerk) == (number, "身份证复印件不清晰", "王建国", "张晓梅")
    supervisor = _staff_id(app, "supervisor")
    returned_cases.record_contact(app.db, number, outcome="reached", note="约定明天带原件来", actor="supervisor",
                                  staff_id=supervisor)
    with refused(ReturnedCaseError, "returned.changes_missing"):
        returned_cases.resubmit(app.db, number, changes=" ", actor="supervisor", staff_id=supervisor)
    client_id = returned_cases.resubmit(app.db, number, changes="重新扫描身份证复印件", actor="supervisor",
                                        staff_id=supervisor)
    assert client_id == f"case:{number}:r2"
    assert _client_ids(app, number) == [f"case:{number}:r1", f"case:{number}:r2"]
    with app.db.unit_of_work() as uow:
        (entry,) = [r for r in uow.outbox.by_case_number(number) if r.client_id == client_id]
    record = json.loads(entry.payload)
    assert (entry.state, record["client_id"], record["acceptance"]["with_gap"]) == ("queued", client_id, False)
    assert cases.show(app.db, number)["state"] == "submitted"
    assert returned_cases.worklist(app.db, info.id).returned == ()
    with refused(ReturnedCaseError, "returned.not_returned"):
        returned_cases.resubmit(app.db, number, changes="再来一次", actor="supervisor", staff_id=supervisor)
    cases.transition(app.db, number, "returned", actor="platform", reason="缺少户口簿")
    assert returned_cases.resubmit(app.db, number, changes="补充户口簿", actor="supervisor",
                                   staff_id=supervisor) == f"case:{number}:r3"


def test_a_gap_case_is_sent_again_with_its_gap(app: AppContext, clock: FixedClock) -> None:
    number = _returned(app, plan="gap")
    client_id = returned_cases.resubmit(app.db, number, changes="补正", actor="supervisor", staff_id=None)
    with app.db.unit_of_work() as uow:
        (entry,) = [r for r in uow.outbox.by_case_number(number) if r.client_id == client_id]
    assert json.loads(entry.payload)["acceptance"]["gap_due_date"] == "20260415"


def test_a_returned_case_closed_with_a_reason_leaves_the_list(app: AppContext, clock: FixedClock) -> None:
    number = _returned(app)
    info = ensure_demo_hall(app.db)
    with refused(ReturnedCaseError, "returned.reason_missing"):
        returned_cases.close_case(app.db, number, reason="", actor="supervisor", staff_id=None)
    returned_cases.close_case(app.db, number, reason="申请人撤回申请", actor="supervisor", staff_id=None)
    assert returned_cases.worklist(app.db, info.id).returned == ()
    assert cases.show(app.db, number)["state"] == "returned"
    assert _client_ids(app, number) == [f"case:{number}:r1"], "nothing sent"


def test_entries_needing_attention_are_retried_or_closed(app: AppContext, clock: FixedClock) -> None:
    first, second = (_visit(app, with_case=True)[1] for _ in range(2))
    with app.db.engine.begin() as conn:
        conn.execute(text("update outbox_entry set state = 'needs_attention', last_error = '422 invalid: 缺少办理地'"))
    info = ensure_demo_hall(app.db)
    entries = returned_cases.worklist(app.db, info.id).attention
    assert [(e.case_number, e.said) for e in entries] == [(first, "422 invalid: 缺少办理地"),
                                                         (second, "422 invalid: 缺少办理地")]
    returned_cases.retry_entry(app.db, entries[0].entry_id, actor="supervisor", staff_id=None)
    returned_cases.close_entry(app.db, entries[1].entry_id, reason="已导出到移动介质报送", actor="supervisor",
                               staff_id=None)
    assert returned_cases.worklist(app.db, info.id).attention == ()
    with app.db.unit_of_work() as uow:
        assert [uow.outbox.get(e.entry_id).state for e in entries] == ["queued", "needs_attention"]
    with refused(ReturnedCaseError, "returned.entry_done"):
        returned_cases.retry_entry(app.db, entries[0].entry_id, actor="supervisor", staff_id=None)
