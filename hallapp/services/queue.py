"""The hall queue: issuing tickets, calling, recalls, no-shows, holds, transfers, done.

Every action is one transaction. On PostgreSQL counters call concurrently (row locks with
SKIP LOCKED); on SQLite the write lock is taken up front, so calls are serialised.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date, datetime

from hallapp.domain.clock import hall_clock
from hallapp.domain.queue import (
    QueueError,
    QueuePolicy,
    TicketState,
    TicketView,
    check_move,
    ticket_number,
)
from hallapp.storage import Database, UnitOfWork
from hallapp.storage.models import Counter, CounterCategory, HallSetting, QueueCategory, Ticket

POLICY_PREFIX = "queue."


@dataclass(frozen=True)
class CounterRef:
    """Who acts: the counter (by number) and the clerk."""

    hall_id: int
    counter_number: int
    staff_id: int | None = None


def _now() -> datetime:
    return hall_clock().now()


def _today() -> date:
    return hall_clock().today()  # the hall's day: numbering restarts at the hall's midnight, whatever the OS zone


# -- configuration ---------------------------------------------------------------------------------

DEFAULT_CATEGORIES = (
    ("A", "社保医保", ("人力资源社会保障部", "国家医保局")),
    ("B", "住房公积金", ("住房城乡建设部",)),
    ("C", "户籍证明", ("公安部",)),
    ("D", "综合业务", ()),
)


def ensure_default_categories(db: Database, hall_id: int) -> None:
    """A new hall's categories: by department, plus 综合 for everything; each counter serves its
    own category first and 综合 after it."""
    with db.unit_of_work(write=True) as uow:
        if uow.queue.categories(hall_id):
            return
        created = []
        for position, (letter, name, _departments) in enumerate(DEFAULT_CATEGORIES):
            category = QueueCategory(hall_id=hall_id, letter=letter, name=name, position=position)
            uow.add(category)
            created.append(category)
        uow.flush()
        for counter in uow.halls.counters(hall_id):
            serve_default_categories(uow, counter, created)
        uow.audit.append("queue_configured", actor="setup", subject=f"hall:{hall_id}", categories=len(created))


def serve_default_categories(uow: UnitOfWork, counter: Counter, categories: list[QueueCategory] | None = None) -> None:
    """A counter's categories as set-up gives them: its own one (in turn) first, the last (综合) after it."""
    categories = categories if categories is not None else uow.queue.categories(counter.hall_id)
    if not categories:
        return
    general = categories[-1]
    own = categories[(counter.number - 1) % (len(categories) - 1)] if len(categories) > 1 else general
    uow.add(CounterCategory(counter_id=counter.id, category_id=own.id, position=0))
    if own is not general:
        uow.add(CounterCategory(counter_id=counter.id, category_id=general.id, position=1))


@dataclass(frozen=True)
class CounterPlan:
    number: int
    name: str
    letters: tuple[str, ...]  # served in this order


def counter_plans(db: Database, hall_id: int) -> list[CounterPlan]:
    with db.unit_of_work() as uow:
        return [CounterPlan(c.number, c.name, tuple(letter for letter, _ in uow.queue.counter_categories(c.id)))
                for c in uow.halls.counters(hall_id)]


def set_counter_categories(db: Database, hall_id: int, actor: str, number: int, letters: list[str]) -> CounterPlan:
    """Which categories a counter calls, in order (the first is called first)."""
    letters = [letter.strip().upper() for letter in letters if letter.strip()]
    if not letters:
        raise QueueError("queue.no_categories")
    if len(set(letters)) != len(letters):
        raise QueueError("queue.duplicate_categories", letters=",".join(letters))
    with db.unit_of_work(write=True) as uow:
        counter = _counter(uow, CounterRef(hall_id, number))
        known = {c.letter: c for c in uow.queue.categories(hall_id)}
        unknown = [letter for letter in letters if letter not in known]
        if unknown:
            raise QueueError("queue.unknown_categories", unknown=",".join(unknown), known=",".join(known))
        for letter, _position in uow.queue.counter_categories(counter.id):  # SQLAlchemy stays in storage
            uow.session.delete(uow.session.get(CounterCategory, (counter.id, known[letter].id)))
        uow.flush()
        for position, letter in enumerate(letters):
            uow.add(CounterCategory(counter_id=counter.id, category_id=known[letter].id, position=position))
        uow.audit.append("counter_categories_changed", actor=actor, subject=f"counter:{number}",
                         categories=",".join(letters))
        return CounterPlan(counter.number, counter.name, tuple(letters))


def policy(uow: UnitOfWork, hall_id: int) -> QueuePolicy:
    stored = {k[len(POLICY_PREFIX):]: json.loads(v) for k, v in uow.queue.settings(hall_id).items()
              if k.startswith(POLICY_PREFIX)}
    known = {f.name for f in fields(QueuePolicy)}
    return QueuePolicy(**{k: v for k, v in stored.items() if k in known})


def set_policy(db: Database, hall_id: int, actor: str, **values: int) -> QueuePolicy:
    known = {f.name for f in fields(QueuePolicy)}
    unknown = set(values) - known
    if unknown:
        raise QueueError("queue.unknown_settings", keys=", ".join(sorted(unknown)))
    with db.unit_of_work(write=True) as uow:
        for key, value in values.items():
            uow.session.merge(HallSetting(hall_id=hall_id, key=POLICY_PREFIX + key, value=json.dumps(int(value))))
        uow.audit.append("queue_policy_changed", actor=actor, subject=f"hall:{hall_id}", **values)
    with db.unit_of_work() as uow:
        return policy(uow, hall_id)


@dataclass(frozen=True)
class CategoryInfo:
    letter: str
    name: str
    waiting: int


def categories(db: Database, hall_id: int) -> list[CategoryInfo]:
    with db.unit_of_work() as uow:
        counts = uow.queue.waiting_counts(hall_id, _today())
        return [CategoryInfo(c.letter, c.name, counts.get(c.letter, 0)) for c in uow.queue.categories(hall_id)]


# -- views -------------------------------------------------------------------------------------------

def _view(uow: UnitOfWork, ticket: Ticket, names: dict[str, str] | None = None) -> TicketView:
    if names is None:
        names = {c.letter: c.name for c in uow.queue.categories(ticket.hall_id)}
    counter = uow.queue.counter(ticket.counter_id) if ticket.counter_id else None
    ahead = (uow.queue.people_ahead(ticket, _now(), policy(uow, ticket.hall_id).appointment_priority)
             if ticket.state == TicketState.WAITING else 0)
    return TicketView(
        id=ticket.id, number=ticket.number, category=ticket.category, category_name=names.get(ticket.category, ""),
        state=ticket.state, green_channel=ticket.green_channel, appointment=ticket.appointment_code is not None,
        counter_number=counter.number if counter else None, issued_at=ticket.issued_at, called_at=ticket.called_at,
        recalls=ticket.recalls, people_ahead=ahead,
    )


def _counter(uow: UnitOfWork, ref: CounterRef) -> Counter:
    counter = uow.halls.counter_by_number(ref.hall_id, ref.counter_number)
    if counter is None:
        raise QueueError("queue.no_counter", counter=ref.counter_number)
    return counter


# -- issuing -----------------------------------------------------------------------------------------

def id_number_hash(hall_id: int, id_number: str) -> str:
    """How an appointment remembers its applicant: enough to match a card, not to read a number."""
    return hashlib.sha256(f"hallapp-appointment:{hall_id}:{id_number.upper()}".encode()).hexdigest()


def issue_ticket(db: Database, hall_id: int, letter: str, *, green_channel: bool = False) -> TicketView:
    """A new ticket at the kiosk (or `hallapp ticket issue`)."""
    with db.unit_of_work(write=True) as uow:
        known = {c.letter: c.name for c in uow.queue.categories(hall_id)}
        if letter not in known:
            raise QueueError("queue.unknown_category", letter=letter)
        return _issue(uow, hall_id, letter, known, green_channel=green_channel)


def _issue(uow: UnitOfWork, hall_id: int, letter: str, names: dict[str, str], *, green_channel: bool = False,
           appointment: tuple[str, datetime, datetime] | None = None) -> TicketView:
    rules = policy(uow, hall_id)
    day, now = _today(), _now()
    sequence = uow.queue.next_sequence(hall_id, day, letter)
    ticket = Ticket(
        hall_id=hall_id, service_date=day, category=letter, number=ticket_number(letter, sequence),
        green_channel=green_channel, priority=rules.green_priority if green_channel else 0, issued_at=now,
    )
    if appointment:
        ticket.appointment_code, ticket.appointment_start, ticket.appointment_end = appointment
    uow.add(ticket)
    uow.flush()
    uow.queue.add_event(ticket, "issue", None, None, now)
    return _view(uow, ticket, names)


def check_in(db: Database, hall_id: int, *, code: str | None = None, id_number: str | None = None) -> TicketView:
    """Appointment check-in at the kiosk, by booking code or by the applicant's ID card."""
    with db.unit_of_work(write=True) as uow:
        found = uow.queue.appointment(hall_id, code=code.strip().upper() if code else None, now=_now(),
                                      id_hash=id_number_hash(hall_id, id_number) if id_number else None)
        if found is None:
            raise QueueError("queue.appointment_not_found")
        now = _now()
        early = policy(uow, hall_id).appointment_early_minutes
        if found.slot_end < now:
            raise QueueError("queue.appointment_expired")
        if (found.slot_start - now).total_seconds() > early * 60:
            raise QueueError("queue.appointment_too_early", minutes=early)
        # Checked in before: the same ticket again (the foreign key keeps it; were it gone, a new one beats a crash).
        if found.ticket_id is not None and (ticket := uow.queue.ticket(found.ticket_id)) is not None:
            return _view(uow, ticket)
        names = {c.letter: c.name for c in uow.queue.categories(hall_id)}
        view = _issue(uow, hall_id, found.category, names,
                      appointment=(found.code, found.slot_start, found.slot_end))
        found.ticket_id = view.id
        return view


# -- the counter ---------------------------------------------------------------------------------------

def call_next(db: Database, ref: CounterRef) -> TicketView | None:
    """F1: the next ticket for this counter, or None when nobody waits for it."""
    with db.unit_of_work(write=True) as uow:
        counter = _counter(uow, ref)
        busy = uow.queue.at_counter(counter.id, _today(), (TicketState.CALLED, TicketState.SERVING))
        if busy:
            raise QueueError("queue.finish_before_next", ticket=busy[0].number)
        rules = policy(uow, ref.hall_id)
        ticket = uow.queue.next_for_counter(ref.hall_id, _today(), counter.id, uow.queue.counter_categories(counter.id),
                                            _now(), rules.appointment_priority)
        if ticket is None:
            return None
        now = _now()
        ticket.state, ticket.counter_id, ticket.staff_id = TicketState.CALLED, counter.id, ref.staff_id
        # The first call ends the applicant's wait; later calls (after a transfer) are in ticket_event.
        ticket.called_at = ticket.called_at or now
        ticket.recalls, ticket.target_counter_id = 0, None
        uow.queue.add_event(ticket, "call", counter.id, ref.staff_id, now)
        return _view(uow, ticket)


def _act(db: Database, ref: CounterRef, ticket_id: int, action: str,
         apply: Callable[[UnitOfWork, Ticket, Counter, datetime], str | None]) -> TicketView:
    with db.unit_of_work(write=True) as uow:
        counter = _counter(uow, ref)
        ticket = uow.queue.ticket(ticket_id, for_update=True)
        if ticket is None or ticket.hall_id != ref.hall_id:
            raise QueueError("queue.no_ticket")
        if ticket.counter_id != counter.id and action != "resume":
            raise QueueError("queue.not_at_counter", ticket=ticket.number)
        check_move(action, ticket.state)
        now = _now()
        logged = apply(uow, ticket, counter, now) or action
        uow.queue.add_event(ticket, logged, counter.id, ref.staff_id, now)
        return _view(uow, ticket)


def recall(db: Database, ref: CounterRef, ticket_id: int) -> TicketView:
    """F2: call the same ticket again; past the allowed recalls it becomes a no-show."""
    def apply(uow: UnitOfWork, ticket: Ticket, _counter: Counter, now: datetime) -> str:
        if ticket.recalls >= policy(uow, ticket.hall_id).max_recalls:
            ticket.state, ticket.finished_at = TicketState.NO_SHOW, now
            return "no_show"
        ticket.recalls += 1
        return "recall"
    return _act(db, ref, ticket_id, "recall", apply)


def no_show(db: Database, ref: CounterRef, ticket_id: int) -> TicketView:
    def apply(_uow: UnitOfWork, ticket: Ticket, _counter: Counter, now: datetime) -> None:
        ticket.state, ticket.finished_at = TicketState.NO_SHOW, now
    return _act(db, ref, ticket_id, "no_show", apply)


def start_serving(db: Database, ref: CounterRef, ticket_id: int) -> TicketView:
    """The applicant has arrived (the clerk read a card or opened a case): service time starts."""
    def apply(_uow: UnitOfWork, ticket: Ticket, _counter: Counter, now: datetime) -> None:
        ticket.state, ticket.serving_at = TicketState.SERVING, ticket.serving_at or now
    return _act(db, ref, ticket_id, "start", apply)


def hold(db: Database, ref: CounterRef, ticket_id: int) -> TicketView:
    """F6: the applicant steps aside (fetching a paper); the counter may call others meanwhile."""
    def apply(_uow: UnitOfWork, ticket: Ticket, _counter: Counter, _now_: datetime) -> None:
        ticket.state = TicketState.HELD
    return _act(db, ref, ticket_id, "hold", apply)


def resume(db: Database, ref: CounterRef, ticket_id: int) -> TicketView:
    def apply(uow: UnitOfWork, ticket: Ticket, counter: Counter, now: datetime) -> None:
        busy = uow.queue.at_counter(counter.id, _today(), (TicketState.CALLED, TicketState.SERVING))
        if busy:
            raise QueueError("queue.finish_or_hold_first", ticket=busy[0].number)
        ticket.state, ticket.counter_id = TicketState.SERVING, counter.id
        ticket.serving_at = ticket.serving_at or now
    return _act(db, ref, ticket_id, "resume", apply)


def transfer(db: Database, ref: CounterRef, ticket_id: int, *, to_counter: int | None = None,
             to_category: str | None = None, come_back: bool = False) -> TicketView:
    """F5: send the applicant to another counter or category, ahead of its normal queue.

    With `come_back`, finishing there returns the applicant to this counter, again ahead.
    """
    if (to_counter is None) == (to_category is None):
        raise QueueError("queue.transfer_target_missing")

    def apply(uow: UnitOfWork, ticket: Ticket, counter: Counter, now: datetime) -> None:
        rules = policy(uow, ticket.hall_id)
        if to_counter is not None:
            target = uow.halls.counter_by_number(ticket.hall_id, to_counter)
            if target is None or target.id == counter.id:
                raise QueueError("queue.cannot_transfer_to", counter=to_counter)
            ticket.target_counter_id = target.id
        else:
            if to_category not in {c.letter for c in uow.queue.categories(ticket.hall_id)}:
                raise QueueError("queue.unknown_category", letter=to_category)
            ticket.category, ticket.target_counter_id = to_category, None
        ticket.return_counter_id = counter.id if come_back else None
        ticket.state, ticket.counter_id = TicketState.WAITING, None
        ticket.priority = max(ticket.priority, rules.returned_priority)
    return _act(db, ref, ticket_id, "transfer", apply)


def done(db: Database, ref: CounterRef, ticket_id: int) -> TicketView:
    """F8: the visit at this counter is over (a transferred applicant may go back to the first one)."""
    def apply(uow: UnitOfWork, ticket: Ticket, _counter: Counter, now: datetime) -> str:
        if ticket.return_counter_id is not None:
            ticket.state, ticket.counter_id = TicketState.WAITING, None
            ticket.target_counter_id, ticket.return_counter_id = ticket.return_counter_id, None
            ticket.priority = max(ticket.priority, policy(uow, ticket.hall_id).returned_priority)
            return "returned"
        ticket.state, ticket.finished_at = TicketState.DONE, now
        return "done"
    return _act(db, ref, ticket_id, "done", apply)


RELEASABLE = (TicketState.CALLED, TicketState.SERVING, TicketState.HELD)


def release(db: Database, hall_id: int, ticket_id: int, *, actor: str, staff_id: int | None = None,
            to_counter: int | None = None) -> TicketView:
    """A supervisor takes a ticket back from a counter whose PC died (it would stay "called" there on
    the display until that PC returns): back to waiting, ahead of its queue, or straight to counter
    `to_counter` (that counter calls it next). Logged as a transfer so the display lets it go."""
    with db.unit_of_work(write=True) as uow:
        ticket = uow.queue.ticket(ticket_id, for_update=True)
        if ticket is None or ticket.hall_id != hall_id:
            raise QueueError("queue.no_ticket")
        if TicketState(ticket.state) not in RELEASABLE:
            raise QueueError("queue.bad_move", ticket_state=TicketState(ticket.state).value, move="transfer")
        old_counter = ticket.counter_id
        target = uow.halls.counter_by_number(hall_id, to_counter) if to_counter is not None else None
        if to_counter is not None and (target is None or target.id == old_counter):
            raise QueueError("queue.cannot_transfer_to", counter=to_counter)
        ticket.state, ticket.counter_id, ticket.return_counter_id = TicketState.WAITING, None, None
        ticket.target_counter_id = target.id if target is not None else None
        ticket.priority = max(ticket.priority, policy(uow, hall_id).returned_priority)
        uow.queue.add_event(ticket, "transfer", old_counter, staff_id, _now())
        uow.audit.append("ticket_released", actor=actor, subject=f"ticket:{ticket.number}",
                         to_counter=to_counter if to_counter is not None else "")
        return _view(uow, ticket)


def current(db: Database, ref: CounterRef) -> TicketView | None:
    """The ticket at this counter now (called or being served)."""
    with db.unit_of_work() as uow:
        tickets = uow.queue.at_counter(_counter(uow, ref).id, _today(), (TicketState.CALLED, TicketState.SERVING))
        return _view(uow, tickets[0]) if tickets else None


def held(db: Database, ref: CounterRef) -> list[TicketView]:
    with db.unit_of_work() as uow:
        return [_view(uow, t) for t in uow.queue.at_counter(_counter(uow, ref).id, _today(), (TicketState.HELD,))]


def waiting_list(db: Database, hall_id: int, letters: list[str] | None = None) -> list[TicketView]:
    with db.unit_of_work() as uow:
        names = {c.letter: c.name for c in uow.queue.categories(hall_id)}
        return [_view(uow, t, names) for t in uow.queue.waiting(hall_id, _today(), letters)]


@dataclass(frozen=True)
class RecentCall:
    number: str
    counter_number: int
    at: datetime


def recent_calls(db: Database, hall_id: int, limit: int = 8) -> list[RecentCall]:
    with db.unit_of_work() as uow:
        return [RecentCall(t.number, n, at) for t, n, at in uow.queue.recent_calls(hall_id, _today(), limit)]


@dataclass(frozen=True)
class QueueEvent:
    id: int
    action: str  # issue, call, recall, no_show, start, hold, resume, transfer, returned, done
    ticket_id: int
    number: str
    counter_number: int | None
    at: datetime


def events_since(db: Database, hall_id: int, after_id: int, actions: tuple[str, ...] | None = None,
                 counter_number: int | None = None) -> list[QueueEvent]:
    """Today's queue events after `after_id`, oldest first: how the hall display and the
    evaluation screen follow the counters through the shared database (they poll this)."""
    with db.unit_of_work() as uow:
        counter_id = None
        if counter_number is not None:
            counter_id = _counter(uow, CounterRef(hall_id, counter_number)).id
        rows = uow.queue.events_since(hall_id, _today(), after_id, actions, counter_id)
        return [QueueEvent(e.id, e.action, t.id, t.number, n, e.at) for e, t, n in rows]


SETTLE_SECONDS = 30  # longer than any queue transaction takes to commit
MAX_PAGES = 40  # pages of events_since a poll reads at most: 20,000 events, more than any hall makes in SETTLE_SECONDS


class EventFollower:
    """Follows today's queue events for a display or an evaluation screen, each event once.

    On PostgreSQL an event's id is drawn before its transaction commits, so id 11 can become
    visible after id 12. The follower's cursor therefore only moves past events seen more than
    SETTLE_SECONDS ago; newer ones are remembered and skipped, and a late one is still delivered.
    A poll reads page after page to the newest event: a burst larger than one page within
    SETTLE_SECONDS is not held back until it settles. Not thread-safe: one poll at a time.
    """

    def __init__(self, db: Database, hall_id: int, *, actions: tuple[str, ...] | None = None,
                 counter_number: int | None = None, after_id: int | None = None) -> None:
        self.db, self.hall_id, self.actions, self.counter_number = db, hall_id, actions, counter_number
        self.after_id = last_event_id(db, hall_id) if after_id is None else after_id
        self.seen: dict[int, datetime] = {}

    def poll(self) -> list[QueueEvent]:
        fresh = [e for e in self._read_to_end() if e.id not in self.seen]
        now = _now()
        for event in fresh:
            self.seen[event.id] = now
        settled = [i for i, seen_at in self.seen.items() if (now - seen_at).total_seconds() > SETTLE_SECONDS]
        if settled:
            self.after_id = max(self.after_id, max(settled))
            for i in settled:
                del self.seen[i]
        return sorted(fresh, key=lambda e: e.id)

    def _read_to_end(self) -> list[QueueEvent]:
        events: list[QueueEvent] = []
        after = self.after_id
        for _ in range(MAX_PAGES):
            page = events_since(self.db, self.hall_id, after, self.actions, self.counter_number)
            if not page:
                break
            events.extend(page)
            after = page[-1].id
        return events


def last_event_id(db: Database, hall_id: int) -> int:
    """Where a newly started display or evaluation screen begins following (nothing old replayed)."""
    with db.unit_of_work() as uow:
        return uow.queue.last_event_id(hall_id)
