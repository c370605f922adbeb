"""Demo and training data: realistic cases with real page images, in the current home."""

from __future__ import annotations

import heapq
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from hallapp.bootstrap import AppContext
from hallapp.domain.cases import CaseError, Decision, MaterialStatus, allowed_decisions
from hallapp.domain.clock import Clock, FixedClock, hall_clock, using
from hallapp.domain.evaluation import REASON_TEXTS
from hallapp.domain.identity import manual_identity
from hallapp.domain.idnumber import make_id_number
from hallapp.domain.regions import default_regions
from hallapp.domain.staff import Role
from hallapp.domain.workdays import HolidayCalendar
from hallapp.services import case_documents, cases, catalog, evaluation, queue, scanning, visit_times
from hallapp.services.hall import HallInfo, ensure_demo_hall

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高欧阳"
GIVEN = ("建国", "秀英", "桂芳", "志强", "晓梅", "海燕", "文博", "子涵", "雨萱", "国华", "丽娟", "明轩")
HOME_COUNTIES = ("110105", "310115", "420106", "440305", "500103", "330782", "410102", "610113", "210102")


PLANS = ("complete", "gap", "notice")


def seed_cases(app: AppContext, count: int, *, seed: int = 2026, plan: str | None = None,
               item_code: str | None = None, clock: Clock | None = None) -> list[str]:
    """N cases across the starter catalog: most accepted, some with a gap, some one-time notices.

    ``plan`` (one of PLANS) and ``item_code`` pin every case to one outcome and one item (training, tests);
    an item whose checklist does not allow the plan gets the decision it does allow.
    """
    if plan is not None and plan not in PLANS:
        raise ValueError(f"plan must be one of {PLANS}, got {plan!r}")
    rng = random.Random(seed)
    clock = clock or hall_clock()
    info = ensure_demo_hall(app.db)
    items = [hit.code for hit in catalog.search(app.db, "0", 200)]
    pdf = scanning.from_images(scanning.sample_pages(app.settings.documents, count=2)).pdf
    calendar = cases.load_calendar(app.settings.documents.holiday_calendars)
    clerks = _clerks(app, info.id)
    numbers = []
    for index in range(count):
        item = _checklist(app, item_code or rng.choice(items))
        counter = 1 + index % max(1, len(info.counters))
        clerk = clerks[(counter - 1) % len(clerks)] if clerks else (None, "demo")
        intake = _intake(rng, index, item, plan, pdf, counter, clerk, calendar, clock)
        numbers.append(cases.submit_intake(app.db, app.home, info.id, intake, calendar=calendar, clock=clock).number)
    return numbers


def _checklist(app: AppContext, code: str) -> catalog.ItemChecklist:
    item = catalog.checklist(app.db, code)
    if item is None:  # an item_code not in the catalog (or withdrawn)
        raise CaseError("case.item_not_in_catalog", item=code)
    return item


def _intake(rng: random.Random, index: int, item: catalog.ItemChecklist, plan: str | None, pdf: bytes, counter: int,
            clerk: tuple[int | None, str], calendar: HolidayCalendar, clock: Clock,
            ticket_id: int | None = None) -> cases.IntakeInput:
    """One applicant's intake for `item` (the random draws in a fixed order: a seed gives the same cases)."""
    county = rng.choice(HOME_COUNTIES)
    birth = date(rng.randint(1950, 2002), rng.randint(1, 12), rng.randint(1, 28))
    name = rng.choice(SURNAMES) + rng.choice(GIVEN)
    region = default_regions().lookup(county)  # HOME_COUNTIES are all in the table (tests/unit)
    applicant = manual_identity(name=name, id_number=make_id_number(county, birth, rng.randint(1, 999)),
                                today=clock.today(), long_term=birth.year < 1975,
                                valid_to=None if birth.year < 1975 else date(2035, 1, 1),
                                address=f"{region.full_name if region else county}示例路{index + 1}号")
    outcome = plan or rng.choices(PLANS, weights=(6, 2, 2))[0]
    materials = _materials(item, outcome, pdf)
    allowed = allowed_decisions([(line.required, line.key, m.status) for line, m in zip(item.lines, materials, strict=True)])
    decision = {"complete": Decision.ACCEPT, "gap": Decision.ACCEPT_WITH_GAP}.get(outcome, Decision.NOTICE)
    decision = decision if decision in allowed else allowed[-1]
    staff_id, username = clerk
    return cases.IntakeInput(
        applicant=applicant, item_code=item.code, handling_region_code=county, materials=materials,
        decision=decision, counter_number=counter, staff_id=staff_id, staff_username=username,
        gap_due_date=calendar.add_working_days(clock.today(), 5) if decision is Decision.ACCEPT_WITH_GAP else None,
        delivery=rng.choice(("window", "mail")), delivery_address=applicant.address, ticket_id=ticket_id,
    )


def _clerks(app: AppContext, hall_id: int) -> list[tuple[int, str]]:
    """(id, username) of the hall's clerks: counter n's cases are accepted by the n-th clerk, as at a real counter.
    A hall with no clerk yet (only its administrator) has its cases accepted by whoever is active: every record
    names the accepting person."""
    with app.db.unit_of_work() as uow:
        active = [s for s in uow.staff.all(hall_id) if s.active]
        clerks = [(s.id, s.username) for s in active if s.role == Role.CLERK]
        return clerks or [(s.id, s.username) for s in active]


def _materials(item: catalog.ItemChecklist, plan: str, pdf: bytes) -> list[cases.MaterialInput]:
    out = []
    for line in item.lines:
        lacking = (plan == "gap" and line.required and not line.key) or (plan == "notice" and line.key)
        if lacking:
            out.append(cases.MaterialInput(line.position, MaterialStatus.MISSING, how_to_supply=f"请补交{line.name}"))
        elif line.required:
            out.append(cases.MaterialInput(line.position, MaterialStatus.CAPTURED, pdf, 2))
        else:
            out.append(cases.MaterialInput(line.position, MaterialStatus.MISSING))
    return out


# -- history: past days of a busy hall, through the same services a counter uses ----------------------

# Relative arrivals per hour of the hall's day: a morning peak, a lunch dip, a smaller afternoon peak.
ARRIVAL_CURVE = {8: 4, 9: 14, 10: 16, 11: 11, 12: 4, 13: 7, 14: 13, 15: 12, 16: 9}
CATEGORY_WEIGHTS = {"A": 45, "B": 20, "C": 15, "D": 20}
NO_SHOW_RATE, TRANSFER_RATE, CASE_RATE, PRINT_RATE, RATED_RATE = 0.06, 0.04, 0.85, 0.92, 0.8
LEVEL_WEIGHTS = (60, 25, 8, 5, 2)  # 非常满意 … 非常不满意
# Reasons the evaluation screen offers (their stored texts), so every window words them.
BAD_REASONS = tuple(REASON_TEXTS[code] for code in ("long_wait", "unfriendly", "unclear_materials", "long_service"))


@dataclass(frozen=True)
class HistorySummary:
    days: tuple[date, ...]
    tickets: int
    cases: int


def seed_history(app: AppContext, days: int, tickets_per_day: int, *, seed: int = 2026,
                 clock: Clock | None = None) -> HistorySummary:
    """`days` past working days (ending yesterday), about `tickets_per_day` tickets each; the same seed
    gives the same history. Each visit goes through the queue, the intake, printing and evaluation."""
    rng = random.Random(seed)
    clock = clock or hall_clock()
    info = ensure_demo_hall(app.db)
    history = _History(app, info, rng, clock)
    day = clock.today()
    chosen: list[date] = []
    while len(chosen) < days:
        day -= timedelta(days=1)
        if day.weekday() < 5:  # the hall is closed at weekends
            chosen.append(day)
    for one in reversed(chosen):
        history.day(one, tickets_per_day)
    return HistorySummary(tuple(reversed(chosen)), history.tickets, history.cases)


class _History:
    """A small event simulation of one hall day: counters call when free, as clerks do with F1."""

    def __init__(self, app: AppContext, info: HallInfo, rng: random.Random, clock: Clock) -> None:
        self.app, self.info, self.rng, self.zone = app, info, rng, clock.zone
        self.items = [hit.code for hit in catalog.search(app.db, "0", 200)]
        self.pdf = scanning.from_images(scanning.sample_pages(app.settings.documents, count=1)).pdf
        self.calendar = cases.load_calendar(app.settings.documents.holiday_calendars)
        clerks = _clerks(app, info.id)
        self.refs = {n: (queue.CounterRef(info.id, n, clerks[(n - 1) % len(clerks)][0]), clerks[(n - 1) % len(clerks)])
                     for n in info.counters}
        self.tickets = self.cases = 0

    def day(self, day: date, count: int) -> None:
        fixed = FixedClock(datetime.combine(day, time(8, 0), self.zone), self.zone)
        events: list[tuple[datetime, int, str, object]] = []
        for seq, at in enumerate(self._arrivals(day, count)):
            heapq.heappush(events, (at, seq, "arrive", self._category()))
        seq = count
        idle = set(self.refs)
        with using(fixed):
            while events:
                at, _s, kind, what = heapq.heappop(events)
                fixed.set(at)
                if kind == "arrive":
                    queue.issue_ticket(self.app.db, self.info.id, str(what))
                    self.tickets += 1
                else:
                    idle.add(int(what))  # type: ignore[call-overload]
                for number in sorted(idle):
                    free_at = self._call(number, fixed)
                    if free_at is not None:
                        idle.discard(number)
                        seq += 1
                        heapq.heappush(events, (free_at, seq, "free", number))

    def _category(self) -> str:
        return self.rng.choices(list(CATEGORY_WEIGHTS), weights=list(CATEGORY_WEIGHTS.values()))[0]

    def _arrivals(self, day: date, count: int) -> list[datetime]:
        hours = self.rng.choices(list(ARRIVAL_CURVE), weights=list(ARRIVAL_CURVE.values()), k=count)
        start = datetime.combine(day, time(0, 0), self.zone)
        return sorted(start + timedelta(hours=h, seconds=self.rng.randrange(3600)) for h in hours)

    def _call(self, number: int, fixed: FixedClock) -> datetime | None:
        """Counter `number` calls the next ticket and serves it to the end; when it is free again."""
        ref, clerk = self.refs[number]
        ticket = queue.call_next(self.app.db, ref)
        if ticket is None:
            return None
        step = lambda minutes: fixed.advance(minutes=minutes)  # noqa: E731
        roll = self.rng.random()
        if roll < NO_SHOW_RATE:
            step(2)
            queue.no_show(self.app.db, ref, ticket.id)
            return fixed.now()
        step(self.rng.uniform(0.5, 2))
        queue.start_serving(self.app.db, ref, ticket.id)
        if roll < NO_SHOW_RATE + TRANSFER_RATE and len(self.refs) > 1:
            step(self.rng.uniform(2, 5))
            others = [n for n in self.refs if n != number]
            queue.transfer(self.app.db, ref, ticket.id, to_counter=self.rng.choice(others))
            return fixed.now()
        step(max(3.0, self.rng.lognormvariate(2.5, 0.45)))  # median ≈ 12 minutes at the window
        case_number = self._case(ticket.id, number, clerk, fixed) if self.rng.random() < CASE_RATE else None
        if case_number and self.rng.random() < PRINT_RATE:
            step(self.rng.uniform(0.5, 2))
            visit_times.record_printed(self.app.db, case_number, self._printed_kind(case_number))
        step(self.rng.uniform(0.5, 2))
        queue.done(self.app.db, ref, ticket.id)
        if self.rng.random() < RATED_RATE:
            level = self.rng.choices(range(1, 6), weights=LEVEL_WEIGHTS)[0]
            evaluation.record(self.app.db, ticket.id, level, self.rng.choice(BAD_REASONS) if level >= 4 else "")
        return fixed.now()

    def _case(self, ticket_id: int, counter: int, clerk: tuple[int | None, str], fixed: FixedClock) -> str:
        item = _checklist(self.app, self.rng.choice(self.items))
        intake = _intake(self.rng, self.cases, item, None, self.pdf, counter, clerk, self.calendar, fixed, ticket_id)
        self.cases += 1
        return cases.submit_intake(self.app.db, self.app.home, self.info.id, intake, calendar=self.calendar,
                                   clock=fixed).number

    def _printed_kind(self, number: str) -> str:
        kinds = case_documents.available(self.app.db, number)
        return kinds[0].value if kinds else "receipt"
