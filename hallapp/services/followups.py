"""差评回访: every bad rating (不满意 / 非常不满意) with its reasons, clerk, item and case; the follow-up
records (contacted when, by whom, outcome, rectification); the due date in working days; and the
period's satisfaction rate and 实名差评回访率 (named bad ratings followed up) for the reports.

Due date: the rating's hall day is day 0, the due day is `days` working days after it (the hall's
holiday calendars, `evaluation.follow_up_days`). A rating is overdue from the day after its due day
while it is not done. A *named* rating (实名) is one linked to a case, so the applicant can be called;
one linked only to a ticket cannot, and is done with a rectification alone (outcome no_contact).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from hallapp.domain.clock import Clock, hall_clock
from hallapp.domain.errors import CodedError, register
from hallapp.domain.evaluation import BAD_LEVELS
from hallapp.domain.workdays import HolidayCalendar
from hallapp.services.dashboard import GOOD_LEVELS, Period
from hallapp.services.dashboard_summary import _slot_time
from hallapp.storage import Database
from hallapp.storage.models.followup import FollowUp
from hallapp.storage.repositories.dashboard import DashboardQueries
from hallapp.storage.repositories.followups import FollowUpQueries, FollowUpRow

REACHED = ("resolved", "explained")  # the applicant was reached: a 回访 in the rate's sense
OUTCOMES = (*REACHED, "unreachable", "no_contact")
DONE = (*REACHED, "no_contact")  # nothing more is owed on the rating
DEFAULT_DAYS = 5
MAX_TEXT = 400


class FollowUpError(CodedError):
    """A follow-up that cannot be recorded; worded for the supervisor at the edge (ui/refusals.py)."""


register({
    "follow_up.no_rating": "There is no such bad rating: refresh the list and try again.",
    "follow_up.named_needs_contact": "This bad rating is named: contact the applicant and record the outcome.",
    "follow_up.outcome_missing": "Choose the outcome of the follow-up.",
    "follow_up.rectification_missing": "When the applicant cannot be contacted, write down the rectification.",
    "follow_up.when_who_missing": "Fill in when and by whom the applicant was contacted.",
    "follow_up.in_future": "The time of contact cannot be later than now.",
    "follow_up.note_missing": "Write down what the applicant said or the rectification.",
})


@dataclass(frozen=True)
class BadRating:
    evaluation_id: int
    at: datetime
    level: int
    reason: str
    clerk: str
    item_name: str
    case_number: str  # "" when the rating names no case (not 实名)
    ticket: str
    due_on: date
    records: tuple[FollowUpRow, ...]

    @property
    def named(self) -> bool:
        return bool(self.case_number)

    @property
    def last(self) -> FollowUpRow | None:
        return self.records[-1] if self.records else None

    @property
    def done(self) -> bool:
        return any(r.outcome in DONE for r in self.records)

    @property
    def reached(self) -> bool:
        return any(r.outcome in REACHED for r in self.records)

    def overdue(self, today: date) -> bool:
        return not self.done and today > self.due_on


@dataclass(frozen=True)
class Rates:
    """A period's figures for the reports. Percentages are None when there is nothing to divide."""

    evaluations: int  # answered or not
    answered: int
    satisfied: int  # levels 1–3
    bad: int
    named_bad: int
    followed_up: int  # named bad ratings whose applicant was reached
    overdue: int  # bad ratings not done past their due day (as of `today`)

    @property
    def satisfaction_pct(self) -> float | None:
        return round(100 * self.satisfied / self.answered, 1) if self.answered else None

    @property
    def follow_up_pct(self) -> float | None:
        """实名差评回访率."""
        return round(100 * self.followed_up / self.named_bad, 1) if self.named_bad else None


@dataclass(frozen=True)
class FollowUpInput:
    evaluation_id: int
    outcome: str
    contacted_at: datetime | None  # aware; None only for no_contact
    contacted_by_id: int | None
    note: str = ""
    rectification: str = ""


def due_on(given: date, days: int = DEFAULT_DAYS, calendar: HolidayCalendar | None = None) -> date:
    """The last day to follow up a rating given on the hall day `given`."""
    return (calendar or HolidayCalendar()).add_working_days(given, days)


def bad_ratings(db: Database, *, period: Period | None = None, open_only: bool = False, days: int = DEFAULT_DAYS,
                calendar: HolidayCalendar | None = None, clock: Clock | None = None) -> list[BadRating]:
    """The bad ratings given in `period` (default: any day), oldest first; `open_only` keeps those not done."""
    clock = clock or hall_clock()
    since, until = period.bounds(clock) if period else (None, None)
    with db.unit_of_work() as uow:
        q = FollowUpQueries(uow.session)
        rows = q.bad_ratings(BAD_LEVELS, since, until)
        records: dict[int, list[FollowUpRow]] = {}
        for record in q.follow_ups([r[0] for r in rows]):
            records.setdefault(record.evaluation_id, []).append(record)
    ratings = [BadRating(i, at, level, reason or "", clerk or "", item or "", case or "", ticket or "",
                         due_on(clock.day_of(at), days, calendar), tuple(records.get(i, ())))
               for i, at, level, reason, clerk, item, case, ticket in rows]
    return [r for r in ratings if not (open_only and r.done)]


def rates(db: Database, period: Period, *, days: int = DEFAULT_DAYS, calendar: HolidayCalendar | None = None,
          clock: Clock | None = None, levels: Mapping[int | None, int] | None = None) -> Rates:
    """Satisfaction and follow-up rates of the ratings given in `period` (the hall's days), from counts
    grouped by the database (a month of a large hall: 20 000 bad ratings, 300 000 evaluations, no row
    read). `levels` (level → evaluations given, None: not answered) when the caller has them already
    (the day summaries). tests/integration/test_followup_rates.py checks them against bad_ratings()."""
    clock = clock or hall_clock()
    since, until = period.bounds(clock)
    with db.unit_of_work() as uow:
        if levels is None:
            levels = DashboardQueries(uow.session).evaluation_levels(since, until)
        groups = FollowUpQueries(uow.session).bad_rating_counts(BAD_LEVELS, DONE, REACHED, since, until)
    answered = {lv: n for lv, n in levels.items() if lv is not None}
    bad, named, reached, overdue = _bad_counts(groups, days, calendar or HolidayCalendar(), clock)
    return Rates(evaluations=sum(levels.values()), answered=sum(answered.values()),
                 satisfied=sum(n for lv, n in answered.items() if lv in GOOD_LEVELS),
                 bad=bad, named_bad=named, followed_up=reached, overdue=overdue)


def open_count(db: Database, *, period: Period | None = None, clock: Clock | None = None) -> int:
    """How many bad ratings given in `period` (default: any day) are not done: len(bad_ratings(open_only=True))
    counted by the database, for the supervisor's tile."""
    clock = clock or hall_clock()
    since, until = period.bounds(clock) if period else (None, None)
    with db.unit_of_work() as uow:
        groups = FollowUpQueries(uow.session).bad_rating_counts(BAD_LEVELS, DONE, REACHED, since, until)
    return sum(n for _slot, _named, done, _reached, n in groups if not done)


def _bad_counts(groups: list[tuple[int, bool, bool, bool, int]], days: int, calendar: HolidayCalendar,
                clock: Clock) -> tuple[int, int, int, int]:
    """(bad, named bad, named and reached, overdue) from bad_rating_counts(): the due day is worked out
    once per hall day the ratings were given, not once per rating."""
    today, due = clock.today(), {}
    bad = named_bad = followed_up = overdue = 0
    for slot, named, done, reached, n in groups:
        given = clock.day_of(_slot_time(slot))
        if given not in due:
            due[given] = due_on(given, days, calendar)
        bad += n
        named_bad += n if named else 0
        followed_up += n if named and reached else 0
        overdue += n if not done and today > due[given] else 0
    return bad, named_bad, followed_up, overdue


def record(db: Database, entry: FollowUpInput, *, actor: str, recorded_by_id: int | None,
           clock: Clock | None = None) -> int:
    """Store one follow-up of a bad rating (audited with the case or ticket, never the words said)."""
    clock = clock or hall_clock()
    note, rectification = entry.note.strip()[:MAX_TEXT], entry.rectification.strip()[:MAX_TEXT]
    _check(entry, note, rectification, clock)
    with db.unit_of_work(write=True) as uow:
        q = FollowUpQueries(uow.session)
        rating = q.evaluation(entry.evaluation_id)
        if rating is None or rating.level not in BAD_LEVELS:
            raise FollowUpError("follow_up.no_rating")
        case_number = q.case_number(rating.case_id)
        if entry.outcome == "no_contact" and case_number:
            raise FollowUpError("follow_up.named_needs_contact")
        row = FollowUp(evaluation_id=rating.id, contacted_at=entry.contacted_at, contacted_by_id=entry.contacted_by_id,
                       outcome=entry.outcome, note=note, rectification=rectification, recorded_by_id=recorded_by_id,
                       recorded_at=clock.now())
        q.add(row)
        subject = f"case:{case_number}" if case_number else f"ticket:{q.ticket_number(rating.ticket_id)}"
        uow.audit.append("follow_up_recorded", actor=actor, subject=subject, evaluation=rating.id, outcome=entry.outcome)
        return row.id


def _check(entry: FollowUpInput, note: str, rectification: str, clock: Clock) -> None:
    if entry.outcome not in OUTCOMES:
        raise FollowUpError("follow_up.outcome_missing")
    if entry.outcome == "no_contact":
        if not rectification:
            raise FollowUpError("follow_up.rectification_missing")
        return
    if entry.contacted_at is None or entry.contacted_by_id is None:
        raise FollowUpError("follow_up.when_who_missing")
    if entry.contacted_at > clock.now():
        raise FollowUpError("follow_up.in_future")
    if entry.outcome in REACHED and not (note or rectification):
        raise FollowUpError("follow_up.note_missing")


def staff_choices(db: Database, hall_id: int) -> list[tuple[int, str]]:
    """(staff id, display name) of the hall's active accounts: who may have made the call."""
    with db.unit_of_work() as uow:
        return [(s.id, s.display_name) for s in uow.staff.all(hall_id) if s.active]
