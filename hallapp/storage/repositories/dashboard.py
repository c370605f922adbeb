"""Read queries for the supervisor's dashboard: the rows of a period as plain tuples (no ORM
objects, so a month of a busy hall loads quickly), plus a cheap change mark to follow the hall."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Integer,
    Select,
    String,
    and_,
    case,
    cast,
    exists,
    func,
    literal,
    null,
    or_,
    select,
    text,
    union_all,
)
from sqlalchemy.orm import Session, aliased, selectinload

from hallapp.storage.models import AuditEvent, Case, Counter, Evaluation, OutboxEntry, ServiceItem, Staff, Ticket, TicketEvent
from hallapp.storage.models.followup import CaseFollowUp
from hallapp.storage.models.printing import PrintedDocument


def _plain(rows: Any) -> list[tuple]:
    return [tuple(row) for row in rows]


class DashboardQueries:
    def __init__(self, session: Session) -> None:
        self.session = session

    def tickets(self, hall_id: int, first: date, last: date) -> list[tuple]:
        """(id, number, category, state, counter number, staff id, issued, called, serving, finished)."""
        query = (
            select(Ticket.id, Ticket.number, Ticket.category, Ticket.state, Counter.number, Ticket.staff_id,
                   Ticket.issued_at, Ticket.called_at, Ticket.serving_at, Ticket.finished_at)
            .outerjoin(Counter, Counter.id == Ticket.counter_id)
            .where(Ticket.hall_id == hall_id, Ticket.service_date >= first, Ticket.service_date <= last)
            .order_by(Ticket.issued_at, Ticket.id)
        )
        return _plain(self.session.execute(query))

    def tickets_on(self, hall_id: int, days: list[date]) -> list[tuple]:
        """The same columns as tickets(), for a few chosen days (the same weekday of earlier weeks)."""
        query = (
            select(Ticket.id, Ticket.number, Ticket.category, Ticket.state, Counter.number, Ticket.staff_id,
                   Ticket.issued_at, Ticket.called_at, Ticket.serving_at, Ticket.finished_at)
            .outerjoin(Counter, Counter.id == Ticket.counter_id)
            .where(Ticket.hall_id == hall_id, Ticket.service_date.in_(days))
            .order_by(Ticket.issued_at, Ticket.id)
        )
        return _plain(self.session.execute(query))

    def cases(self, hall_id: int, since: datetime, until: datetime) -> list[tuple]:
        """(id, number, state, counter number, staff id, item code, item name, ticket id, created,
        accepted, gap due date, returned reason) of cases saved in [since, until)."""
        query = (
            select(Case.id, Case.number, Case.state, Counter.number, Case.staff_id, ServiceItem.code, ServiceItem.name,
                   Case.ticket_id, Case.created_at, Case.accepted_at, Case.gap_due_date, Case.returned_reason)
            .join(ServiceItem, ServiceItem.id == Case.item_id)
            .outerjoin(Counter, Counter.id == Case.counter_id)
            .where(Case.hall_id == hall_id, Case.created_at >= since, Case.created_at < until)
            .order_by(Case.created_at, Case.id)
        )
        return _plain(self.session.execute(query))

    def returned_cases(self, hall_id: int) -> list[tuple]:
        """Cases the platform sent back and nobody has resubmitted yet, whatever day they were saved."""
        query = (
            select(Case.id, Case.number, Case.state, Counter.number, Case.staff_id, ServiceItem.code, ServiceItem.name,
                   Case.ticket_id, Case.created_at, Case.accepted_at, Case.gap_due_date, Case.returned_reason)
            .join(ServiceItem, ServiceItem.id == Case.item_id)
            .outerjoin(Counter, Counter.id == Case.counter_id)
            .where(Case.hall_id == hall_id, Case.state == "returned")
            .order_by(Case.updated_at)
        )
        return _plain(self.session.execute(query))

    def returned_waiting(self, hall_id: int) -> int:
        """How many returned cases wait for the supervisor: those of returned_cases() not closed since
        their last return (returned_cases.closed_since_return, steps in (at, id) order), counted by
        the database: the rows of every return in the hall's history are not fetched for a number."""
        closed, again = aliased(CaseFollowUp), aliased(CaseFollowUp)
        resubmitted_later = exists().where(again.case_id == closed.case_id, again.action == "resubmitted",
                                           or_(again.at > closed.at, and_(again.at == closed.at, again.id > closed.id)))
        closed_since = exists().where(closed.case_id == Case.id, closed.action == "closed", ~resubmitted_later)
        query = select(func.count(Case.id)).where(Case.hall_id == hall_id, Case.state == "returned", ~closed_since)
        return int(self.session.execute(query).scalar_one())

    def evaluations(self, since: datetime, until: datetime) -> list[tuple]:
        """(id, ticket id, case id, staff id, level, reason, created) given in [since, until)."""
        query = (
            select(Evaluation.id, Evaluation.ticket_id, Evaluation.case_id, Evaluation.staff_id, Evaluation.level,
                   Evaluation.reason, Evaluation.created_at)
            .where(Evaluation.created_at >= since, Evaluation.created_at < until)
            .order_by(Evaluation.created_at)
        )
        return _plain(self.session.execute(query))

    def first_prints(self, hall_id: int, since: datetime, until: datetime,
                     case_ids: Sequence[int] = ()) -> dict[int, datetime]:
        """The first time any document was printed for each case saved in [since, until), and for
        the few `case_ids` beyond (reprints come later by definition): one grouped query, not
        one per 500 ids."""
        first = func.min(PrintedDocument.printed_at)
        period = (select(PrintedDocument.case_id, first).join(Case, Case.id == PrintedDocument.case_id)
                  .where(Case.hall_id == hall_id, Case.created_at >= since, Case.created_at < until)
                  .group_by(PrintedDocument.case_id))
        out = {case_id: _utc(at) for case_id, at in self.session.execute(period)}
        extra = [i for i in case_ids if i not in out]
        for start in range(0, len(extra), 500):  # stay under every driver's bound-parameter limit
            rows = self.session.execute(select(PrintedDocument.case_id, first)
                                        .where(PrintedDocument.case_id.in_(extra[start:start + 500]))
                                        .group_by(PrintedDocument.case_id))
            out.update({case_id: _utc(at) for case_id, at in rows})
        return out

    # -- aggregates: the figures without a row object per ticket ------------------------------------

    def ticket_groups(self, hall_id: int, first: date, last: date) -> list[tuple]:
        """(state, counter number, staff id, tickets) of the days first..last."""
        query = (select(Ticket.state, Counter.number, Ticket.staff_id, func.count())
                 .outerjoin(Counter, Counter.id == Ticket.counter_id)
                 .where(*_days(hall_id, first, last)).group_by(Ticket.state, Counter.number, Ticket.staff_id))
        return _plain(self.session.execute(query))

    def waiting_issued(self, hall_id: int, since: datetime, until: datetime) -> int:
        """Tickets still waiting that were taken in [since, until)."""
        query = select(func.count()).where(Ticket.hall_id == hall_id, Ticket.state == "waiting",
                                           Ticket.issued_at >= since, Ticket.issued_at < until)
        return self.session.execute(query).scalar_one()

    def ticket_slots(self, hall_id: int, days: list[date], *, finished: bool) -> list[tuple[int, int]]:
        """(15-minute UTC slot, tickets) by the time they were taken, or finished (visits done):
        the caller turns slots into the hall's hours, whatever its zone's offset."""
        at = Ticket.finished_at if finished else Ticket.issued_at
        slot = self._slot(at)
        query = select(slot, func.count()).where(Ticket.hall_id == hall_id, Ticket.service_date.in_(days))
        if finished:
            query = query.where(Ticket.state == "done", Ticket.finished_at.is_not(None))
        return [(int(s), n) for s, n in self.session.execute(query.group_by(slot))]

    def wait_spread(self, hall_id: int, first: date, last: date, edges: tuple[int, ...] = ()) -> Spread:
        """Issue → first call of every called ticket of the days first..last."""
        return self.spread(self._minutes(Ticket.issued_at, Ticket.called_at),
                           (*_days(hall_id, first, last), Ticket.called_at.is_not(None)), edges)

    def service_spread(self, hall_id: int, first: date, last: date, *, from_call: bool) -> Spread:
        """Start of service (or the call; the report's, from the call) → done of every visit done."""
        start = Ticket.called_at if from_call else func.coalesce(Ticket.serving_at, Ticket.called_at)
        return self.spread(self._minutes(start, Ticket.finished_at),
                           (*_days(hall_id, first, last), Ticket.state == "done", start.is_not(None),
                            Ticket.finished_at.is_not(None)))

    def case_groups(self, hall_id: int, since: datetime, until: datetime) -> list[tuple]:
        """(decision, counter number, staff id, item code, item name, cases) saved in [since, until)."""
        decision = case((Case.accepted_at.is_(None), "notified"), (Case.gap_due_date.is_not(None), "accepted_with_gap"),
                        else_="accepted")
        query = (select(decision, Counter.number, Case.staff_id, ServiceItem.code, ServiceItem.name, func.count())
                 .join(ServiceItem, ServiceItem.id == Case.item_id).outerjoin(Counter, Counter.id == Case.counter_id)
                 .where(Case.hall_id == hall_id, Case.created_at >= since, Case.created_at < until)
                 .group_by(decision, Counter.number, Case.staff_id, ServiceItem.code, ServiceItem.name))
        return _plain(self.session.execute(query))

    def evaluation_levels(self, since: datetime, until: datetime) -> dict[int | None, int]:
        query = (select(Evaluation.level, func.count())
                 .where(Evaluation.created_at >= since, Evaluation.created_at < until).group_by(Evaluation.level))
        return dict(_plain(self.session.execute(query)))

    def spread(self, minutes: Any, where: tuple, edges: tuple[int, ...] = ()) -> Spread:
        """Count, exact sum and 90th percentile (nearest rank) of a minute expression over the rows
        `where` selects, and how many fall below each edge (minutes): one statement, no list fetched.
        The minutes are computed once per row (a materialized CTE): on SQLite the expression parses
        two timestamps, and every aggregate would otherwise repeat it."""
        rows = select(minutes.label("m")).where(*where, minutes.is_not(None)).cte("spread_rows").prefix_with("MATERIALIZED")
        ranked = select(rows.c.m, func.row_number().over(order_by=rows.c.m).label("rn")).subquery()
        rank = select((func.count() * 9 + 9) // 10).select_from(rows).scalar_subquery()
        p90 = select(ranked.c.m).where(ranked.c.rn == rank).scalar_subquery()
        below = [func.coalesce(func.sum(case((rows.c.m < edge * 60_000_000, 1), else_=0)), 0) for edge in edges]
        count, total, p90_us, *under = self.session.execute(
            select(func.count(), func.coalesce(func.sum(rows.c.m), 0), p90, *below).select_from(rows)).one()
        return Spread(int(count), int(total), None if p90_us is None else int(p90_us), tuple(int(n) for n in under))

    def visit_base(self, hall_id: int, first: date, last: date, since: datetime, until: datetime) -> Select:
        """One row per case saved in [since, until) for a ticket of first..last: item name, clerk name
        (the case's clerk, else the ticket's), ticket number, case number, issued, and the microseconds
        from the ticket to the call, to the case saved and to the first print (NULL when not printed)."""
        # the first print of each case, by the case_id index (cheaper than grouping the period's prints);
        # GROUP BY keeps PostgreSQL from turning min() into a walk of the printed_at index that filters
        # on case_id (its min/max rewrite: every print scanned per case when statistics are missing)
        printed = (select(func.min(PrintedDocument.printed_at)).where(PrintedDocument.case_id == Case.id)
                   .group_by(PrintedDocument.case_id).correlate(Case).scalar_subquery())
        case_staff, ticket_staff = aliased(Staff), aliased(Staff)
        clerk = func.coalesce(func.nullif(case_staff.display_name, ""), func.nullif(ticket_staff.display_name, ""), "")
        return (select(ServiceItem.name.label("item"), clerk.label("clerk"), Ticket.number.label("ticket"),
                       Case.number.label("case_number"), Ticket.issued_at.label("issued"),
                       self._minutes(Ticket.issued_at, Ticket.called_at).label("to_call"),
                       self._minutes(Ticket.issued_at, Case.created_at).label("to_case"),
                       self._minutes(Ticket.issued_at, printed).label("to_receipt"),
                       Case.created_at.label("saved"), Case.id.label("case_id"), Ticket.id.label("ticket_id"))
                .join(Ticket, Ticket.id == Case.ticket_id).join(ServiceItem, ServiceItem.id == Case.item_id)
                .outerjoin(case_staff, case_staff.id == Case.staff_id)
                .outerjoin(ticket_staff, ticket_staff.id == Ticket.staff_id)
                .where(Case.hall_id == hall_id, Case.created_at >= since, Case.created_at < until,
                       Ticket.hall_id == hall_id, Ticket.service_date >= first, Ticket.service_date <= last))

    def visit_summary(self, hall_id: int, first: date, last: date, since: datetime, until: datetime,
                      slowest: int) -> list[tuple]:
        """Everything the ticket → receipt panel shows, in one statement over visit_base computed once
        (a materialized CTE: the join and its minute expressions are the cost). Rows by `kind`:
          "g" (item, clerk, visits, n and µs-sum to call, to case, to receipt) per item and clerk;
          "i" / "c" / "a" (item or clerk or "", the 90th percentile of ticket → receipt, nearest rank, µs);
          "s" (ticket, case number, item, clerk, issued, µs to call, to case, to receipt) of the slowest
          visits: by ticket → receipt, or ticket → case while nothing was printed."""
        b = self.visit_base(hall_id, first, last, since, until).cte("visit_rows").prefix_with("MATERIALIZED")
        c = b.c
        blank = lambda: [null()] * 3  # noqa: E731 - the columns a kind leaves empty
        sums = [x for m in (c.to_call, c.to_case, c.to_receipt) for x in (func.count(m), func.coalesce(func.sum(m), 0))]
        no_time = cast(null(), Ticket.issued_at.type)  # PostgreSQL types a bare NULL as text in a UNION
        parts = [select(literal("g"), c.item, c.clerk, null(), null(), no_time, func.count(), *sums)
                 .group_by(c.item, c.clerk)]
        for kind, key in (("i", c.item), ("c", c.clerk), ("a", None)):
            group = key if key is not None else None
            ranked = (select((key if key is not None else literal("")).label("k"), c.to_receipt.label("m"),
                             func.row_number().over(partition_by=group, order_by=c.to_receipt).label("rn"),
                             func.count().over(partition_by=group).label("n"))
                      .where(c.to_receipt.is_not(None)).subquery())
            parts.append(select(literal(kind), ranked.c.k, null(), null(), null(), no_time, ranked.c.m, *blank(), *blank())
                         .where(ranked.c.rn == (ranked.c.n * 9 + 9) // 10))
        slow = (select(c.ticket, c.case_number, c.item, c.clerk, c.issued, c.to_call, c.to_case, c.to_receipt)
                .order_by(func.coalesce(c.to_receipt, c.to_case, 0).desc(), c.saved, c.case_id).limit(slowest).subquery())
        parts.append(select(literal("s"), slow.c.item, slow.c.clerk, slow.c.ticket, slow.c.case_number, slow.c.issued,
                            slow.c.to_call, slow.c.to_case, slow.c.to_receipt, *blank(), null()))
        with self.hash_joins():
            return _plain(self.session.execute(union_all(*parts)))

    def ticket_days(self, hall_id: int, first: date, last: date) -> list[tuple]:
        """(service date, state, tickets, called, µs-sum of their waits) per day and state."""
        wait = self._minutes(Ticket.issued_at, Ticket.called_at)
        query = (select(Ticket.service_date, Ticket.state, func.count(), func.count(wait), func.coalesce(func.sum(wait), 0))
                 .where(*_days(hall_id, first, last)).group_by(Ticket.service_date, Ticket.state))
        return [(_date(d), state, int(n), int(k), int(total)) for d, state, n, k, total in self.session.execute(query)]

    def case_slots(self, hall_id: int, since: datetime, until: datetime) -> list[tuple[int, int]]:
        """(15-minute UTC slot, cases saved): the caller turns slots into the hall's days."""
        slot = self._slot(Case.created_at)
        query = (select(slot, func.count()).where(Case.hall_id == hall_id, Case.created_at >= since,
                                                  Case.created_at < until).group_by(slot))
        return [(int(s), n) for s, n in self.session.execute(query)]

    def ticket_evaluation_levels(self, hall_id: int, first: date, last: date, since: datetime,
                                 until: datetime) -> dict[int | None, int]:
        """Evaluations given in [since, until) of the tickets of first..last, by level."""
        query = (select(Evaluation.level, func.count()).join(Ticket, Ticket.id == Evaluation.ticket_id)
                 .where(Evaluation.created_at >= since, Evaluation.created_at < until, *_days(hall_id, first, last))
                 .group_by(Evaluation.level))
        return dict(_plain(self.session.execute(query)))

    # -- live today: the rows changed since the last read, as plain numbers -------------------------

    def live_mark(self, hall_id: int, day: date, since: datetime, until: datetime) -> tuple:
        """(queue events since the day began: count, max id; the day's tickets: count, max id;
        latest change of a case saved that day; evaluations since: count, max id; prints since:
        count, max id). Each reads an index range of the day only, whatever the hall's history."""
        s = self.session
        events = s.execute(select(func.count(TicketEvent.id), func.max(TicketEvent.id))
                           .where(TicketEvent.at >= since)).one()
        tickets = s.execute(select(func.count(Ticket.id), func.max(Ticket.id))
                            .where(Ticket.hall_id == hall_id, Ticket.service_date == day)).one()
        cases = s.execute(select(func.max(Case.updated_at)).where(Case.hall_id == hall_id, Case.created_at >= since,
                                                                  Case.created_at < until)).scalar()
        evaluations = s.execute(select(func.count(Evaluation.id), func.max(Evaluation.id))
                                .where(Evaluation.created_at >= since)).one()
        prints = s.execute(select(func.count(PrintedDocument.id), func.max(PrintedDocument.id))
                           .where(PrintedDocument.printed_at >= since)).one()
        return (*events, *tickets, cases, *evaluations, *prints)

    def live_tickets(self, hall_id: int, day: date, after: tuple[int, int, int, int] | None = None) -> list[tuple]:
        """(id, state, counter number, staff id, issue slot, finish slot of a visit done, µs waited, µs
        served) of the day's tickets; with `after` (event id, ticket id, up to event id, up to ticket id)
        only those with a queue event or taken in that id window."""
        start = func.coalesce(Ticket.serving_at, Ticket.called_at)
        done = (Ticket.state == "done") & Ticket.finished_at.is_not(None)
        query = (select(Ticket.id, Ticket.state, Counter.number, Ticket.staff_id, self._slot(Ticket.issued_at),
                        case((done, self._slot(Ticket.finished_at)), else_=null()),
                        self._minutes(Ticket.issued_at, Ticket.called_at),
                        case((done & start.is_not(None), self._minutes(start, Ticket.finished_at)), else_=null()))
                 .outerjoin(Counter, Counter.id == Ticket.counter_id)
                 .where(Ticket.hall_id == hall_id, Ticket.service_date == day))
        if after is not None:
            event, ticket, event_to, ticket_to = after
            moved = select(TicketEvent.ticket_id).where(TicketEvent.id > event, TicketEvent.id <= event_to)
            query = query.where(Ticket.id.in_(moved) | ((Ticket.id > ticket) & (Ticket.id <= ticket_to)))
        return _plain(self.session.execute(query))

    def events_between(self, since: datetime, after: int, upto: int) -> int:
        """Queue events since `since` with an id in (after, upto]."""
        return self.session.execute(select(func.count(TicketEvent.id)).where(
            TicketEvent.at >= since, TicketEvent.id > after, TicketEvent.id <= upto)).scalar_one()

    def live_cases(self, hall_id: int, since: datetime, until: datetime, changed_since: datetime | None = None
                   ) -> list[tuple]:
        """(id, decision, counter number, staff id, item code, item name, ticket id) of the cases saved in
        [since, until); with `changed_since`, only those changed at or after it."""
        decision = case((Case.accepted_at.is_(None), "notified"), (Case.gap_due_date.is_not(None), "accepted_with_gap"),
                        else_="accepted")
        query = (select(Case.id, decision, Counter.number, Case.staff_id, ServiceItem.code, ServiceItem.name,
                        Case.ticket_id)
                 .join(ServiceItem, ServiceItem.id == Case.item_id).outerjoin(Counter, Counter.id == Case.counter_id)
                 .where(Case.hall_id == hall_id, Case.created_at >= since, Case.created_at < until))
        if changed_since is not None:
            query = query.where(Case.updated_at >= changed_since)
        return _plain(self.session.execute(query))

    def live_visits(self, hall_id: int, day: date, since: datetime, until: datetime,
                    case_ids: list[int] | None = None, ticket_ids: list[int] | None = None) -> list[tuple]:
        """visit_base's rows of the tickets of `day` (the issue and save times as stored: only the
        slowest few are turned into times), all of them or those of the cases / tickets given."""
        base = self.visit_base(hall_id, day, day, since, until)
        if case_ids is not None or ticket_ids is not None:  # inside the join: by the primary keys, not the day
            base = base.where(Case.id.in_(case_ids or []) | Case.ticket_id.in_(ticket_ids or []))
        b = base.subquery()
        raw = (lambda c: c) if self._pg() else (lambda c: cast(c, String))  # SQLite: skip the parse
        query = select(b.c.case_id, b.c.item, b.c.clerk, b.c.ticket, b.c.case_number, b.c.to_call, b.c.to_case,
                       b.c.to_receipt, raw(b.c.issued), raw(b.c.saved), b.c.ticket_id)
        if case_ids is not None or ticket_ids is not None:  # a few rows by their keys: lookups are right
            return _plain(self.session.execute(query))
        with self.hash_joins():
            return _plain(self.session.execute(query))

    def printed_cases(self, after: int, upto: int) -> list[int]:
        """Cases with a document printed with an id in (after, upto]."""
        return list(self.session.scalars(select(PrintedDocument.case_id).distinct()
                                         .where(PrintedDocument.id > after, PrintedDocument.id <= upto)))

    def live_evaluations(self, since: datetime, until: datetime, after: int = 0, upto: int | None = None
                         ) -> list[tuple]:
        """(id, level) of the evaluations given in [since, until) with an id in (after, upto]."""
        query = select(Evaluation.id, Evaluation.level).where(Evaluation.created_at >= since,
                                                              Evaluation.created_at < until, Evaluation.id > after)
        if upto is not None:
            query = query.where(Evaluation.id <= upto)
        return _plain(self.session.execute(query))

    def _pg(self) -> bool:
        return self.session.get_bind().dialect.name == "postgresql"

    @contextmanager
    def hash_joins(self) -> Iterator[None]:
        """PostgreSQL: no nested-loop joins for the statements run inside (any over visit_base: its
        join of a period's cases with their tickets). With statistics missing or stale (a fresh fill;
        today's rows, past every histogram until the next ANALYZE) both sides are estimated at one
        row and the planner scans the period's tickets again for every case: 12 s for a day of 2000
        cases at 40 000 tickets, minutes for a month. Hash joins are linear whatever the estimate.
        set_config(..., true) lasts until the transaction ends, hence the restore; when the statement
        fails, the rollback drops the setting anyway."""
        if not self._pg():
            yield
            return
        before = self.session.execute(text("SELECT current_setting('enable_nestloop'), "
                                           "set_config('enable_nestloop', 'off', true)")).scalar_one()
        yield
        self.session.execute(text("SELECT set_config('enable_nestloop', :before, true)"), {"before": before})

    def _minutes(self, start: Any, end: Any) -> Any:
        """end − start in whole microseconds, computed by the database (exact: julianday() keeps only
        milliseconds); the wrappers divide as timedelta.total_seconds() / 60 does, so the figures
        are the very floats a row-by-row computation gives."""
        if self._pg():
            return cast(func.extract("epoch", end - start) * 1_000_000, BigInteger)
        whole = lambda at: cast(func.strftime("%s", func.substr(at, 1, 19)), Integer)  # noqa: E731 - %s rounds ms
        seconds = whole(end) - whole(start)
        fraction = cast(func.substr(end, 21, 6), Integer) - cast(func.substr(start, 21, 6), Integer)  # "…:SS.ffffff"
        return seconds * 1_000_000 + fraction

    def _slot(self, at: Any) -> Any:
        """The 15-minute slot of UTC time `at`, counted from the epoch (every zone's offset is whole slots)."""
        if self._pg():
            return cast(func.floor(func.extract("epoch", at) / 900), Integer)
        return cast(func.strftime("%s", func.substr(at, 1, 19)), Integer) // 900  # integer division

    def gap_cases_due_before(self, hall_id: int, day: date, states: list[str]) -> list[Case]:
        """Cases accepted under 容缺 whose due date is before `day`, in `states`, most overdue first
        (with their materials: the caller tells which are still owed)."""
        query = (select(Case).options(selectinload(Case.materials))
                 .where(Case.hall_id == hall_id, Case.gap_due_date.is_not(None), Case.gap_due_date < day,
                        Case.state.in_(states), Case.purged_at.is_(None))
                 .order_by(Case.gap_due_date, Case.id))
        return list(self.session.scalars(query))

    def staff_names(self, hall_id: int) -> dict[int, tuple[str, str]]:
        rows = self.session.execute(select(Staff.id, Staff.username, Staff.display_name).where(Staff.hall_id == hall_id))
        return {i: (username, name) for i, username, name in rows}

    def change_mark(self, hall_id: int, day: date, since: datetime) -> tuple:
        """Changes when anything the dashboard shows changes: a queue event, a case saved or moved,
        an evaluation, a print, an outbox entry. Counts catch rows committed out of id order."""
        s = self.session
        events = s.execute(select(func.count(TicketEvent.id), func.max(TicketEvent.id))
                           .join(Ticket, Ticket.id == TicketEvent.ticket_id)
                           .where(Ticket.hall_id == hall_id, Ticket.service_date == day)).one()
        issued = s.execute(select(func.count(Ticket.id)).where(Ticket.hall_id == hall_id, Ticket.service_date == day)).one()
        cases = s.execute(select(func.count(Case.id), func.max(Case.updated_at)).where(Case.hall_id == hall_id)).one()
        evaluations = s.execute(select(func.count(Evaluation.id)).where(Evaluation.created_at >= since)).one()
        prints = s.execute(select(func.count(PrintedDocument.id)).where(PrintedDocument.printed_at >= since)).one()
        outbox = s.execute(select(func.count(OutboxEntry.id), func.max(OutboxEntry.updated_at))).one()
        audit = s.execute(select(func.max(AuditEvent.id))).one()
        return tuple(events) + tuple(issued) + tuple(cases) + tuple(evaluations) + tuple(prints) + tuple(outbox) + tuple(audit)

    def audit(self, *, action: str | None, actor: str | None, since: datetime | None, until: datetime | None,
              limit: int) -> list[AuditEvent]:
        query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
        if action:
            query = query.where(AuditEvent.action == action)
        if actor:
            query = query.where(AuditEvent.actor == actor)
        if since is not None:
            query = query.where(AuditEvent.at >= since)
        if until is not None:
            query = query.where(AuditEvent.at < until)
        return list(self.session.scalars(query))

    def audit_choices(self) -> tuple[list[str], list[str]]:
        actions = list(self.session.scalars(select(AuditEvent.action).distinct().order_by(AuditEvent.action)))
        actors = list(self.session.scalars(select(AuditEvent.actor).distinct().order_by(AuditEvent.actor)))
        return actions, actors


@dataclass(frozen=True)
class Spread:
    """Minutes of a set of rows, kept in whole microseconds (exact sums)."""

    count: int
    total_us: int
    p90_us: int | None
    below: tuple[int, ...]  # rows under each edge asked for


def _p90_rank(count: int) -> int:
    """The 1-based nearest rank of the 90th percentile: ceil(0.9 n), in integers."""
    return (9 * count + 9) // 10


def _date(value: Any) -> date:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _min(microseconds: int) -> float:
    return int(microseconds) / 10**6 / 60


def _days(hall_id: int, first: date, last: date) -> tuple:
    return Ticket.hall_id == hall_id, Ticket.service_date >= first, Ticket.service_date <= last


def _utc(value: datetime) -> datetime:
    """func.min() loses the column type on SQLite: a naive UTC value comes back."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)
