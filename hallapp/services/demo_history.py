"""`hallapp demo seed-history`: past working days of a county hall, believable to its supervisor.

A day is simulated in memory first (a queue model: tickets issued through the opening hours, each
counter calling the next ticket of its categories as it frees up, nobody called after closing),
then written in one transaction per day with bulk inserts (uow.demo_history): tickets, their
events, cases with their applicants and materials, printed receipts and evaluations, the rows the
dashboard, the reports and `hallapp export visits` read; and what the hall did afterwards
(demo_aftercare): the bad ratings' follow-ups, the materials owed after 容缺 brought in. Going
through the counter's services one call at a time costs ≈ 0.1 s a ticket, far too slow for months
of a busy hall. The supplements write no audit events (a bulk insert cannot extend the hash chain
row by row cheaply): the case page shows them received, without the day they came.

History cases and their supplements get no outbox entries: in a real hall they were sent long ago,
so the sync backlog stays what today makes it. One audit event records that the history was generated.
"""

from __future__ import annotations

import heapq
import math
import random
from collections import deque
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from hallapp.bootstrap import AppContext
from hallapp.domain.cases import CaseState, Decision, MaterialStatus, allowed_decisions, state_after
from hallapp.domain.clock import Clock, hall_clock
from hallapp.domain.documents import documents_for
from hallapp.domain.evaluation import BAD_LEVELS, REASON_TEXTS
from hallapp.domain.identity import manual_identity
from hallapp.domain.idnumber import make_id_number
from hallapp.domain.queue import QueuePolicy, ticket_number
from hallapp.domain.regions import default_regions
from hallapp.domain.staff import Role
from hallapp.domain.workdays import HolidayCalendar
from hallapp.services import cases, hall, queue, scanning, staff
from hallapp.services.demo_aftercare import Aftercare, follow_ups, supplied_at
from hallapp.services.hall import HallInfo, ensure_demo_hall
from hallapp.storage import UnitOfWork
from hallapp.storage.ledger import NumberingLedger
from hallapp.storage.material_store import store as store_material

# The hall's opening hours (hall time). No hall setting holds them yet; these are a county hall's
# usual 9:00–12:00 and 13:30–17:00. The kiosk stops issuing KIOSK_CUTOFF minutes before each close.
SESSIONS = ((time(9, 0), time(12, 0)), (time(13, 30), time(17, 0)))
KIOSK_CUTOFF = 30
# Relative arrivals per half hour from each session's opening until the kiosk stops: a mid-morning
# peak, a lunch dip (no tickets 11:30–13:30), a smaller mid-afternoon peak.
ARRIVALS = ((8, 12, 15, 14, 8), (6, 10, 12, 12, 9, 5))
# Each counter calls its own category first and 综合 (D) after it (queue.serve_default_categories).
CATEGORY_WEIGHTS = {"A": 30, "B": 22, "C": 18, "D": 30}
DEPARTMENTS = {letter: set(departments) for letter, _name, departments in queue.DEFAULT_CATEGORIES}
NO_SHOW_RATE, TRANSFER_RATE, CASE_RATE, PRINT_RATE, RATED_RATE = 0.04, 0.04, 0.88, 0.95, 0.85
OUTCOMES, OUTCOME_WEIGHTS = ("complete", "gap", "notice"), (6, 2, 2)
LEVEL_WEIGHTS = (80, 13, 4, 2, 1)  # 非常满意 … 非常不满意: ≈ 3 % bad ratings, each with a reason
BAD_REASONS = tuple(REASON_TEXTS[code] for code in ("long_wait", "unfriendly", "unclear_materials", "long_service"))
TARGET_LOAD = 0.95  # counters opened so that in the busier session they are busy about this share of the time
GAP_DAYS = 5  # working days a 容缺 applicant has to bring what is missing


@dataclass(frozen=True)
class HistorySummary:
    days: tuple[date, ...]
    tickets: int
    cases: int
    skipped: tuple[date, ...] = ()  # working days that already had tickets: left as they were


@dataclass(frozen=True)
class _Item:
    id: int
    code: str
    department: str
    case_type: str
    promised_days: int
    catalog_version: str | None
    lines: tuple[tuple[int, int, str, str, int, bool, bool], ...]  # id, position, name, form, copies, required, key
    minutes: float  # the median time this item takes at the window


@dataclass
class _Visit:
    """One ticket's day, in minutes after the hall's midnight."""

    seq: int
    category: str
    number: str
    issued: float
    events: list[tuple[float, str, int | None]] = field(default_factory=list)  # at, action, counter
    state: str = "waiting"
    counter: int | None = None
    called: float | None = None
    serving: float | None = None
    finished: float | None = None
    recalls: int = 0
    transferred: bool = False
    target: int | None = None
    case: _CaseDraft | None = None
    rating: tuple[float, int, str] | None = None  # at, level, reason


@dataclass
class _CaseDraft:
    item: _Item
    outcome: str
    saved: float
    printed: float | None


@dataclass(frozen=True)
class _Counter:
    number: int
    id: int
    letters: tuple[str, ...]
    staff_id: int
    username: str


def seed_history(app: AppContext, days: int, tickets_per_day: int, *, seed: int = 2026,
                 clock: Clock | None = None) -> HistorySummary:
    """`days` past working days of the hall calendar (ending yesterday), exactly `tickets_per_day`
    tickets each; the same seed gives the same history."""
    rng = random.Random(seed)
    clock = clock or hall_clock()
    info = ensure_demo_hall(app.db)
    calendar = cases.load_calendar(app.settings.documents.holiday_calendars)
    chosen = _working_days(calendar, clock.today(), days)
    world = _World.load(app, info, rng, clock, calendar, tickets_per_day)
    world.care = Aftercare(clock, calendar, _supervisor(app, info.id), app.settings.evaluation.follow_up_days,
                           GAP_DAYS, seed)
    busy = _days_with_tickets(app, info.id, chosen)
    tickets = made = 0
    for day in chosen:
        visits = _simulate(world, _Day(rng, world), tickets_per_day)  # drawn for every day: the same seed, the same days
        if day in busy:
            continue
        made += world.write(day, visits)
        tickets += len(visits)
    written = tuple(d for d in chosen if d not in busy)
    with app.db.unit_of_work(write=True) as uow:
        uow.audit.append("demo_history_seeded", actor="demo", subject=f"hall:{info.code}", days=len(written),
                         tickets=tickets, cases=made, first=chosen[0].isoformat(), last=chosen[-1].isoformat())
    return HistorySummary(written, tickets, made, tuple(sorted(busy)))


def _days_with_tickets(app: AppContext, hall_id: int, days: list[date]) -> set[date]:
    with app.db.unit_of_work() as uow:
        return uow.demo_history.days_with_tickets(hall_id, days)


def _working_days(calendar: HolidayCalendar, today: date, count: int) -> list[date]:
    day, chosen = today, list[date]()
    while len(chosen) < count:
        day -= timedelta(days=1)
        if calendar.is_working_day(day):
            chosen.append(day)
    return sorted(chosen)


def _counters_needed(tickets_per_day: int, mean_visit: float) -> int:
    """As a supervisor plans the rota: enough counters for the busier session's share of the day."""
    total = sum(map(sum, ARRIVALS))
    return max(math.ceil(tickets_per_day * sum(weights) / total * mean_visit
                         / ((_minute(end) - _minute(start)) * TARGET_LOAD))
               for (start, end), weights in zip(SESSIONS, ARRIVALS, strict=True))


def _minute(wall: time) -> float:
    return wall.hour * 60 + wall.minute


# -- the hall as the simulation needs it ------------------------------------------------------------

class _World:
    """The hall's counters, clerks and items, and the bulk writer of a simulated day."""

    def __init__(self, app: AppContext, info: HallInfo, rng: random.Random, clock: Clock,
                 calendar: HolidayCalendar) -> None:
        self.app, self.info, self.rng, self.clock, self.calendar = app, info, rng, clock, calendar
        self.counters: list[_Counter] = []
        self.items: list[_Item] = []
        self.pdf_sha = store_material(app.home, scanning.from_images(
            scanning.sample_pages(app.settings.documents, count=1)).pdf)
        self.policy = QueuePolicy()
        self.clerk_names: dict[int, str] = {}
        self.care = Aftercare(clock, calendar, None, 0, GAP_DAYS, 0)  # seed_history sets the hall's

    @classmethod
    def load(cls, app: AppContext, info: HallInfo, rng: random.Random, clock: Clock, calendar: HolidayCalendar,
             tickets_per_day: int) -> _World:
        world = cls(app, info, rng, clock, calendar)
        world.items = _items(app, rng)
        needed = _counters_needed(tickets_per_day, _mean_visit(world.items))
        _staff_hall(app, info, max(needed, len(queue.DEFAULT_CATEGORIES) - 1))
        world.counters = _counters(app, info.id)[:max(needed, len(queue.DEFAULT_CATEGORIES) - 1)]
        with app.db.unit_of_work() as uow:
            world.policy = queue.policy(uow, info.id)
        return world

    def write(self, day: date, visits: list[_Visit]) -> int:
        """The day's rows in one transaction; returns how many cases it saved."""
        with self.app.db.unit_of_work(write=True) as uow:
            return _Writer(self, uow, day).write(visits)


def _mean_visit(items: list[_Item]) -> float:
    """Minutes a counter spends on a ticket on average, as _Queue._serve draws them."""
    at_window = sum(i.minutes for i in items) / len(items) * math.exp(0.35 ** 2 / 2) + 0.75  # + the print
    return CASE_RATE * at_window + (1 - CASE_RATE) * 4 + 0.9 + 0.9 + 0.6  # walk up, goodbye, next call


def _items(app: AppContext, rng: random.Random) -> list[_Item]:
    """The active catalog items, each with its own median service time (a few to ~20 minutes)."""
    with app.db.unit_of_work() as uow:
        rows = uow.demo_history.active_items()
        return [_Item(r.id, r.code, r.department, r.case_type, r.promised_days, r.catalog_version,
                      tuple((m.id, m.position, m.name, m.form, m.copies, m.required, m.key)
                            for m in sorted(r.materials, key=lambda m: m.position)),
                      round(rng.uniform(3, 15), 1)) for r in rows]


def _staff_hall(app: AppContext, info: HallInfo, needed: int) -> None:
    """A busy history needs more counters than the demo hall's three, each with its own clerk."""
    from hallapp.services.demo import GIVEN, SURNAMES

    if len(info.counters) < needed:
        hall.add_counters(app.db, "demo", needed - len(info.counters))
    with app.db.unit_of_work() as uow:
        clerks = sum(1 for s in uow.staff.all(info.id) if s.active and s.role == Role.CLERK)
    if clerks >= needed:
        return
    password = staff.hash_password(hall.DEMO_PASSWORD)
    with app.db.unit_of_work(write=True) as uow:
        taken = {s.username for s in uow.staff.all(info.id)}
        number = 0
        while clerks < needed:
            number += 1
            name = f"clerk{number}"
            if name in taken:
                continue
            shown = SURNAMES[number % len(SURNAMES)] + GIVEN[number % len(GIVEN)]
            staff.add_staff(uow, "demo", info.id, name, shown, Role.CLERK, password)
            clerks += 1


def _supervisor(app: AppContext, hall_id: int) -> int | None:
    """Who follows up the history's bad ratings: the hall's first supervisor (else an admin)."""
    with app.db.unit_of_work() as uow:
        active = [s for s in uow.staff.all(hall_id) if s.active]
    for role in (Role.SUPERVISOR, Role.ADMIN):
        if chosen := sorted(s.id for s in active if s.role == role):
            return chosen[0]
    return None


def _counters(app: AppContext, hall_id: int) -> list[_Counter]:
    """The hall's counters in number order, counter n staffed by the n-th clerk (as seed_cases does)."""
    plans = {p.number: p.letters for p in queue.counter_plans(app.db, hall_id)}
    with app.db.unit_of_work() as uow:
        active = [s for s in uow.staff.all(hall_id) if s.active and s.role == Role.CLERK]
        active.sort(key=lambda s: (len(s.username), s.username))
        counters = uow.halls.counters(hall_id)
        return [_Counter(c.number, c.id, plans.get(c.number, ()), active[i % len(active)].id,
                         active[i % len(active)].username) for i, c in enumerate(counters)]


# -- one simulated day ------------------------------------------------------------------------------

class _Day:
    """The random draws of one day, in a fixed order: a seed gives the same day."""

    def __init__(self, rng: random.Random, world: _World) -> None:
        self.rng, self.world = rng, world

    def arrivals(self, count: int) -> list[tuple[float, str]]:
        slots = [(_minute(start) + 30 * i, weight) for (start, _end), weights in zip(SESSIONS, ARRIVALS, strict=True)
                 for i, weight in enumerate(weights)]
        picked = self.rng.choices([s for s, _ in slots], weights=[w for _, w in slots], k=count)
        letters = self.rng.choices(list(CATEGORY_WEIGHTS), weights=list(CATEGORY_WEIGHTS.values()), k=count)
        return sorted((start + self.rng.uniform(0, 30), letter) for start, letter in zip(picked, letters, strict=True))

    def item_for(self, category: str) -> _Item:
        wanted = DEPARTMENTS.get(category) or set()
        pool = [i for i in self.world.items if i.department in wanted] or self.world.items
        return self.rng.choice(pool)


def _session_at(minute: float) -> tuple[float, float] | None:
    """The session open at `minute`, or the next one to open; None after the last one closed."""
    for start, end in SESSIONS:
        if minute < _minute(end):
            return _minute(start), _minute(end)
    return None


def _simulate(world: _World, draws: _Day, count: int) -> list[_Visit]:
    """Tickets called in order per category as counters free up; nobody called after a session closes
    (those waiting at lunch are called first after it, those waiting at the end of the day are not)."""
    sequences: dict[str, int] = {}
    visits = []
    for seq, (at, letter) in enumerate(draws.arrivals(count)):
        sequences[letter] = sequences.get(letter, 0) + 1
        visit = _Visit(seq, letter, ticket_number(letter, sequences[letter]), at)
        visit.events.append((at, "issue", None))
        visits.append(visit)
    model = _Queue(world, draws)
    for visit in visits:
        model.run_until(visit.issued)
        model.arrive(visit)
    model.run_until(float("inf"))
    return visits


class _Queue:
    def __init__(self, world: _World, draws: _Day) -> None:
        self.world, self.draws, self.rng = world, draws, draws.rng
        self.by_number = {c.number: c for c in world.counters}
        self.waiting: dict[str, deque[_Visit]] = {}
        self.targeted: dict[int, deque[_Visit]] = {c.number: deque() for c in world.counters}
        self.idle: set[int] = set(self.by_number)
        self.frees: list[tuple[float, int]] = []  # (when, counter)

    def arrive(self, visit: _Visit) -> None:
        self.waiting.setdefault(visit.category, deque()).append(visit)
        for number in sorted(self.idle):
            if self._call(number, visit.issued):
                self.idle.discard(number)

    def run_until(self, until: float) -> None:
        while self.frees and self.frees[0][0] <= until:
            at, number = heapq.heappop(self.frees)
            session = _session_at(at)
            if session is None:
                continue  # closed for the day
            at = max(at, session[0])  # freed during lunch: calls again when the afternoon opens
            if at > until:
                heapq.heappush(self.frees, (at, number))
                return
            if not self._call(number, at):
                self.idle.add(number)

    def _next(self, counter: _Counter) -> _Visit | None:
        if self.targeted[counter.number]:
            return self.targeted[counter.number].popleft()
        for letter in counter.letters:  # its own category first, each in the order of issue
            if waiting := self.waiting.get(letter):
                return waiting.popleft()
        return None

    def _call(self, number: int, at: float) -> bool:
        session = _session_at(at)
        if session is None or at < session[0] or at >= session[1]:
            return False
        counter = self.by_number[number]
        visit = self._next(counter)
        if visit is None:
            return False
        free = self._serve(visit, counter, at)
        heapq.heappush(self.frees, (free, number))
        return True

    def _serve(self, visit: _Visit, counter: _Counter, at: float) -> float:
        """Counter `counter` calls `visit` at `at`; returns when the counter is free again."""
        rng, number = self.rng, counter.number
        visit.state, visit.counter, visit.target = "called", number, None
        visit.called = visit.called if visit.called is not None else at
        visit.events.append((at, "call", number))
        roll = rng.random()
        if roll < NO_SHOW_RATE and not visit.transferred:
            visit.recalls = min(self.world.policy.max_recalls, rng.choice((1, 2)))
            for i in range(visit.recalls):
                visit.events.append((at + 1 + i, "recall", number))
            visit.state, visit.finished = "no_show", at + 1 + visit.recalls
            visit.events.append((visit.finished, "no_show", number))
            return visit.finished + rng.uniform(0.1, 0.5)
        start = at + rng.uniform(0.3, 1.5)
        visit.serving = visit.serving if visit.serving is not None else start
        visit.events.append((start, "start", number))
        others = [c for c in self.by_number if c != number]
        if roll < NO_SHOW_RATE + TRANSFER_RATE and not visit.transferred and others:
            moved = start + rng.uniform(2, 5)
            visit.transferred, visit.state, visit.counter = True, "waiting", None
            visit.target = rng.choice(others)
            visit.events.append((moved, "transfer", number))
            self.targeted[visit.target].append(visit)
            if visit.target in self.idle and self._call(visit.target, moved):
                self.idle.discard(visit.target)
            return moved + rng.uniform(0.2, 1)
        return self._finish(visit, number, start)

    def _finish(self, visit: _Visit, number: int, start: float) -> float:
        rng = self.rng
        end = start
        if rng.random() < CASE_RATE:
            item = self.draws.item_for(visit.category)
            end = start + min(45.0, max(2.0, rng.lognormvariate(math.log(item.minutes), 0.35)))
            printed = end + rng.uniform(0.3, 1.2) if rng.random() < PRINT_RATE else None
            visit.case = _CaseDraft(item, rng.choices(OUTCOMES, weights=OUTCOME_WEIGHTS)[0], end, printed)
            end = printed if printed is not None else end
        else:
            end = start + rng.uniform(2, 6)  # a question answered, nothing to accept
        visit.state, visit.finished = "done", end + rng.uniform(0.3, 1.5)
        visit.events.append((visit.finished, "done", number))
        if rng.random() < RATED_RATE:
            level = rng.choices(range(1, 6), weights=LEVEL_WEIGHTS)[0]
            visit.rating = (visit.finished + rng.uniform(0.1, 0.8), level,
                            rng.choice(BAD_REASONS) if level >= 4 else "")
        return visit.finished + rng.uniform(0.2, 1.0)


# -- writing a day ----------------------------------------------------------------------------------

class _Writer:
    def __init__(self, world: _World, uow: UnitOfWork, day: date) -> None:
        self.world, self.uow, self.day = world, uow, day
        self.rows = uow.demo_history
        self.midnight = world.clock.at(day, time(0, 0))
        self.counters = {c.number: c for c in world.counters}

    def at(self, minute: float) -> datetime:
        """On a 6-second grid: every span is then a whole tenth of a minute, as the reports round them,
        so no two visits tie after rounding while their exact times differ (the dashboard ranks by
        exact times, visit_times by rounded ones). Floored: nothing moves past a closing time."""
        return self.midnight + timedelta(seconds=6 * math.floor(minute * 10))

    def write(self, visits: list[_Visit]) -> int:
        ticket_ids = self._tickets(visits)
        self.rows.add_ticket_events([
            {"ticket_id": tid, "at": self.at(at), "action": action,
             "counter_id": self.counters[n].id if n else None, "staff_id": self.counters[n].staff_id if n else None}
            for v, tid in zip(visits, ticket_ids, strict=True) for at, action, n in v.events])
        last: dict[str, int] = {}
        for v in visits:
            last[v.category] = last.get(v.category, 0) + 1
        self.rows.add_ticket_sequences([{"hall_id": self.world.info.id, "service_date": self.day, "category": letter,
                                         "last": n} for letter, n in sorted(last.items())])
        with_case = [(v, tid) for v, tid in zip(visits, ticket_ids, strict=True) if v.case]
        case_ids = self._cases(with_case)
        by_ticket = dict(zip((tid for _v, tid in with_case), case_ids, strict=True))
        rated = [(v.rating, v.counter, tid) for v, tid in zip(visits, ticket_ids, strict=True) if v.rating and v.counter]
        evaluation_ids = self.rows.add_evaluations([
            {"ticket_id": tid, "case_id": by_ticket.get(tid), "staff_id": self.counters[counter].staff_id,
             "level": level, "reason": reason, "channel": "hall_tablet", "created_at": self.at(at)}
            for (at, level, reason), counter, tid in rated])
        self.rows.add_follow_ups(follow_ups(self.world.care, self.day, [
            (eid, self.at(at), reason, tid in by_ticket)
            for eid, ((at, level, reason), _c, tid) in zip(evaluation_ids, rated, strict=True) if level in BAD_LEVELS]))
        return len(case_ids)

    def _tickets(self, visits: list[_Visit]) -> list[int]:
        back = self.world.policy.returned_priority
        return self.rows.add_tickets([{
            "hall_id": self.world.info.id, "service_date": self.day, "category": v.category, "number": v.number,
            "priority": back if v.transferred else 0, "green_channel": False, "state": v.state,
            "counter_id": self.counters[v.counter].id if v.counter else None,
            "staff_id": self.counters[v.counter].staff_id if v.counter else None,
            "target_counter_id": self.counters[v.target].id if v.target else None, "return_counter_id": None,
            "recalls": v.recalls, "issued_at": self.at(v.issued),
            "called_at": self.at(v.called) if v.called is not None else None,
            "serving_at": self.at(v.serving) if v.serving is not None else None,
            "finished_at": self.at(v.finished) if v.finished is not None else None,
        } for v in visits])

    def _cases(self, with_case: list[tuple[_Visit, int]]) -> list[int]:
        if not with_case:
            return []
        serials = self._serials(len(with_case))
        people = [_person(self.world.rng, self.day, serial) for serial in serials]
        applicant_ids = self.rows.add_applicants([dict(p, created_at=self.at(v.case.saved))  # type: ignore[union-attr]
                                                  for p, (v, _t) in zip(people, with_case, strict=True)])
        rows, materials, prints = [], [], []
        brought = self.world.care.rng(self.day, "supplements")
        for (v, tid), person, aid, number in zip(with_case, people, applicant_ids, serials.values(), strict=True):
            draft = v.case
            assert draft is not None and v.counter is not None
            lines, decision = self._materials(draft)
            state = state_after(decision)
            saved = self.at(draft.saved)
            supplied = supplied_at(self.world.care, brought, self.day) if state == CaseState.ACCEPTED_WITH_GAP else None
            if supplied is not None:
                self._supply(lines)
            promised = (None if state == CaseState.NOTIFIED else
                        cases.promised_date(self.day, draft.item.case_type, draft.item.promised_days, self.world.calendar))
            counter = self.counters[v.counter]
            rows.append({
                "number": number, "hall_id": self.world.info.id, "counter_id": counter.id, "staff_id": counter.staff_id,
                "item_id": draft.item.id, "applicant_id": aid, "agent_id": None, "ticket_id": tid,
                "state": (CaseState.ACCEPTED if supplied else state).value,  # all owed brought: 已受理 (supplements.py)
                "handling_region_code": person["region_code"], "created_at": saved, "updated_at": supplied or saved,
                "accepted_at": saved if state != CaseState.NOTIFIED else None,
                "promised_at": (cases.promised_at(self.world.clock, promised, saved, draft.item.case_type)
                                if promised else None),
                "gap_due_date": (self.world.calendar.add_working_days(self.day, GAP_DAYS)
                                 if state == CaseState.ACCEPTED_WITH_GAP else None),
                "delivery": self.world.rng.choice(("window", "mail")), "delivery_address": person["address"],
                "catalog_version": draft.item.catalog_version,
            })
            materials.append(lines)
            if draft.printed is not None:
                prints.append((len(rows) - 1, documents_for(state.value)[0].value, self.at(draft.printed)))
        case_ids = self.rows.add_cases(rows)
        self.rows.add_materials([dict(line, case_id=cid) for cid, lines in zip(case_ids, materials, strict=True)
                                for line in lines])
        self.rows.add_printed_documents([{"case_id": case_ids[i], "kind": kind, "reprint": False, "printed_at": at}
                                         for i, kind, at in prints])
        return case_ids

    def _supply(self, lines: list[dict[str, Any]]) -> None:
        """The owed materials (those with a 补交 note) brought in, as record_supplement stores them."""
        for line in lines:
            if line["how_to_supply"]:
                line.update(status=MaterialStatus.CAPTURED.value, sha256=self.world.pdf_sha, page_count=1,
                            how_to_supply="")

    def _materials(self, draft: _CaseDraft) -> tuple[list[dict[str, Any]], Decision]:
        lines, statuses = [], []
        for rid, position, name, form, copies, required, key in draft.item.lines:
            lacking = (draft.outcome == "gap" and required and not key) or (draft.outcome == "notice" and key)
            captured = required and not lacking
            status = MaterialStatus.CAPTURED if captured else MaterialStatus.MISSING
            statuses.append((required, key, status))
            lines.append({"position": position, "requirement_id": rid, "name": name, "form": form, "copies": copies,
                          "status": status.value, "sha256": self.world.pdf_sha if captured else None,
                          "page_count": 1 if captured else 0, "how_to_supply": f"请补交{name}" if lacking else "",
                          "source": "window"})
        allowed = allowed_decisions(statuses)
        wanted = {"complete": Decision.ACCEPT, "gap": Decision.ACCEPT_WITH_GAP}.get(draft.outcome, Decision.NOTICE)
        return lines, wanted if wanted in allowed else allowed[-1]

    def _serials(self, count: int) -> dict[int, str]:
        """`count` case numbers of the day, reserved at once in the serial table and the home's ledger."""
        world = self.world
        ledger = NumberingLedger(world.app.home.numbering_file)
        station = self.uow.cases.station_for(ledger.installation() if world.app.db.is_sqlite
                                             else cases.SHARED_INSTALLATION)
        first = self.uow.cases.next_serial(world.info.id, self.day, station, above=ledger.high_water(station, self.day))
        last = first + count - 1
        self.rows.set_case_serial(world.info.id, self.day, station, last)
        ledger.record(station, self.day, last)
        return {s: cases.case_number_at(world.info.code, self.day, station, s) for s in range(first, last + 1)}


def _person(rng: random.Random, day: date, serial: int) -> dict[str, Any]:
    """An applicant as the intake stores one (cases._applicant), from a person living in another province."""
    from hallapp.services.demo import GIVEN, HOME_COUNTIES, SURNAMES

    county = rng.choice(HOME_COUNTIES)
    birth = date(rng.randint(1950, 2002), rng.randint(1, 12), rng.randint(1, 28))
    region = default_regions().lookup(county)
    identity = manual_identity(name=rng.choice(SURNAMES) + rng.choice(GIVEN),
                               id_number=make_id_number(county, birth, rng.randint(1, 999)), today=day,
                               long_term=birth.year < 1975, valid_to=None if birth.year < 1975 else date(2035, 1, 1),
                               address=f"{region.full_name if region else county}示例路{serial}号")
    return {"name": identity.name, "certificate_type": identity.certificate_type,
            "certificate_number": identity.id_number, "sex_code": identity.sex_code or None,
            "nation_code": identity.nation_code or None, "birth_date": identity.birth_date,
            "address": identity.address, "phone": "", "region_code": identity.id_number[:6]}
