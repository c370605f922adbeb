"""What a hall does after a seeded history day (`hallapp demo seed-history`): the supervisor follows
up every bad rating (差评回访) and the applicants accepted under 容缺 bring what they owed.

Pure draws, no database: demo_history writes the rows these give in the day's bulk inserts. Each day
draws from its own generator (seed and date), so a day skipped by a second run changes no other day.
Nothing dated after the clock's now is made: the recent ratings are partly still open, a material
whose applicant comes back tomorrow is still owed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from hallapp.domain.clock import Clock
from hallapp.domain.workdays import HolidayCalendar
from hallapp.services.followups import due_on

# Which working day after the rating the supervisor calls (0: the same day, after the visit): most at
# once, nearly all within two days, as a 100 % 实名差评回访率 rule makes a hall do it.
CALL_DAY_WEIGHTS = (80, 14, 3, 1, 1, 1)
CALL_LATE = 0.05  # called after the due day (still called: every named rating is followed up)
FIRST_CALL_MISSED = 0.04  # nobody answered; reached on the next working day
RESOLVED = 0.6  # of those reached, the rest had it explained
LATE_DAYS = 3  # working days past a due day within which a late call or a late material comes
# 容缺: most applicants bring the material within the due days, early ones more often; a few late, fewer never.
SUPPLY_ON_TIME, SUPPLY_LATE = 0.89, 0.10
SUPPLY_DAY_WEIGHTS = (35, 25, 15, 10, 8, 7)
# Minutes after the hall's midnight when a call is made or a material brought in (opening hours).
HOURS = ((9 * 60 + 15, 11 * 60 + 45), (13 * 60 + 45, 16 * 60 + 45))

# What the applicant said and what the hall changed, by the rating's reason (demo texts).
WORDS = {
    "等候时间长": ("申请人反映上午高峰等候较久，已致歉并告知错峰时段。", "高峰时段增开综合窗口，取号单注明错峰建议。"),
    "服务态度不好": ("已向申请人致歉，申请人表示接受。", "对当事窗口人员谈话提醒，科室例会通报服务规范。"),
    "材料要求不清楚": ("已向申请人说明所需材料及补交方式。", "更新事项材料清单说明，窗口张贴材料示例。"),
    "办理时间长": ("已说明该事项需核验外省信息，申请人表示理解。", "梳理该事项办理流程，常用表单提前预填。"),
}
OTHER_WORDS = ("已向申请人致歉并说明情况。", "窗口服务问题纳入周例会整改。")
MISSED_NOTE = "电话无人接听，次日再联系。"

Row = dict[str, Any]


@dataclass(frozen=True)
class Aftercare:
    clock: Clock
    calendar: HolidayCalendar
    supervisor_id: int | None  # who calls; without one nobody follows up
    follow_up_days: int  # evaluation.follow_up_days
    gap_days: int  # working days a 容缺 applicant has
    seed: int

    def rng(self, day: date, what: str) -> random.Random:
        return random.Random(f"{self.seed}:{what}:{day.isoformat()}")  # str seeds hash stably (sha512)

    def _after(self, day: date, count: int) -> list[date]:
        """The `count` working days after `day`."""
        return [self.calendar.add_working_days(day, n) for n in range(1, count + 1)]

    def _in_hours(self, day: date, rng: random.Random) -> datetime:
        start, end = rng.choice(HOURS)
        return self.clock.day_start(day) + timedelta(seconds=round(rng.uniform(start, end) * 60))


def follow_ups(care: Aftercare, day: date, ratings: list[tuple[int, datetime, str, bool]]) -> list[Row]:
    """follow_up rows for the bad ratings given on `day`: (evaluation id, given at, reason, named)."""
    if care.supervisor_id is None:
        return []
    rng, now = care.rng(day, "follow-ups"), care.clock.now()
    due = due_on(day, care.follow_up_days, care.calendar)
    rows: list[Row] = []
    for evaluation_id, given, reason, named in ratings:
        for at, outcome in _calls(care, rng, day, given, due, named):
            recorded = at + timedelta(minutes=rng.randint(2, 15))
            if recorded > now:
                break  # not made yet: the rating stays open
            rows.append(_record(care, rng, evaluation_id, reason, at, recorded, outcome, named))
    return rows


def _calls(care: Aftercare, rng: random.Random, day: date, given: datetime, due: date,
           named: bool) -> list[tuple[datetime, str]]:
    """When the supervisor calls and what comes of each call."""
    late = [d for d in care._after(due, LATE_DAYS) if d < care.clock.today()]
    if late and rng.random() < CALL_LATE:
        return [(care._in_hours(rng.choice(late), rng), _reached(rng, named))]
    days = [day, *care._after(day, care.follow_up_days)]  # the rating's day … the due day
    weights = [CALL_DAY_WEIGHTS[min(i, len(CALL_DAY_WEIGHTS) - 1)] for i in range(len(days))]
    index = rng.choices(range(len(days)), weights=weights)[0]
    first = (given + timedelta(minutes=rng.uniform(15, 60)) if index == 0
             else care._in_hours(days[index], rng))
    if named and index + 1 < len(days) and rng.random() < FIRST_CALL_MISSED:
        return [(first, "unreachable"), (care._in_hours(days[index + 1], rng), _reached(rng, named))]
    return [(first, _reached(rng, named))]


def _reached(rng: random.Random, named: bool) -> str:
    if not named:
        return "no_contact"  # a rating that names no case: nobody to call, the hall rectifies
    return "resolved" if rng.random() < RESOLVED else "explained"


def _record(care: Aftercare, rng: random.Random, evaluation_id: int, reason: str, at: datetime,
            recorded: datetime, outcome: str, named: bool) -> Row:
    note, rectification = WORDS.get(reason, OTHER_WORDS)
    if outcome == "unreachable":
        note, rectification = MISSED_NOTE, ""
    elif not named:
        note = ""
    return {"evaluation_id": evaluation_id, "contacted_at": at if named else None,
            "contacted_by_id": care.supervisor_id if named else None, "outcome": outcome, "note": note,
            "rectification": rectification, "recorded_by_id": care.supervisor_id, "recorded_at": recorded}


def supplied_at(care: Aftercare, rng: random.Random, day: date) -> datetime | None:
    """When the applicant accepted under 容缺 on `day` brought what was owed; None: still owed."""
    roll = rng.random()
    if roll < SUPPLY_ON_TIME:
        days = care._after(day, max(care.gap_days, 1))
        weights = [SUPPLY_DAY_WEIGHTS[min(i, len(SUPPLY_DAY_WEIGHTS) - 1)] for i in range(len(days))]
        when = rng.choices(days, weights=weights)[0]
    elif roll < SUPPLY_ON_TIME + SUPPLY_LATE:
        when = rng.choice(care._after(care.calendar.add_working_days(day, care.gap_days), LATE_DAYS))
    else:
        return None  # never came back
    at = care._in_hours(when, rng)
    return at if at <= care.clock.now() else None
