"""Today's hall at a glance for the supervisor: tickets, waiting, times, sync backlog, bad
evaluations to follow up. Figures are computed from the day's tickets (a hall issues hundreds a
day, not millions), so they always agree with the queue itself."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from statistics import mean

from hallapp.domain.clock import Clock, hall_clock
from hallapp.domain.evaluation import BAD_LEVELS
from hallapp.storage import Database


@dataclass(frozen=True)
class Figures:
    issued: int
    done: int
    waiting: int
    no_show: int
    avg_wait_min: float | None  # issue → first call, over called tickets
    avg_service_min: float | None  # call (or start) → done, over finished visits
    backlog: int  # cases not yet confirmed by the platform
    bad_evaluations: int  # 不满意 / 非常不满意 today: to follow up
    evaluations: int
    by_counter: dict[int, int]  # visits done per counter number


def today(db: Database, hall_id: int, day: date | None = None, clock: Clock | None = None) -> Figures:
    """The figures of the hall's `day` (default: today on the hall's clock), from its midnight to the next."""
    clock = clock or hall_clock()
    day = day or clock.today()
    start, end = clock.day_range(day)
    with db.unit_of_work() as uow:
        tickets = uow.queue.tickets_of_day(hall_id, day)
        evaluations = [e for e in uow.queue.evaluations_since(start) if e.created_at < end]
        counters = {c.id: c.number for c in uow.halls.counters(hall_id)}
        backlog, _oldest = uow.outbox.backlog()
    waits = [(t.called_at - t.issued_at).total_seconds() / 60 for t in tickets if t.called_at]
    services = [(t.finished_at - (t.serving_at or t.called_at)).total_seconds() / 60
                for t in tickets if t.state == "done" and t.finished_at and (t.serving_at or t.called_at)]
    by_counter: dict[int, int] = {}
    for t in tickets:
        if t.state == "done" and t.counter_id in counters:
            by_counter[counters[t.counter_id]] = by_counter.get(counters[t.counter_id], 0) + 1
    return Figures(
        issued=len(tickets), done=sum(t.state == "done" for t in tickets),
        waiting=sum(t.state == "waiting" for t in tickets), no_show=sum(t.state == "no_show" for t in tickets),
        avg_wait_min=round(mean(waits), 1) if waits else None,
        avg_service_min=round(mean(services), 1) if services else None,
        backlog=backlog, bad_evaluations=sum(e.level in BAD_LEVELS for e in evaluations if e.level is not None),
        evaluations=len(evaluations), by_counter=dict(sorted(by_counter.items())),
    )
