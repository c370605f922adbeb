"""Queries of the day summaries: the stored rows, each day's change mark, and the few per-day reads
the dashboard's own queries (repositories/dashboard.py) do not give as lists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import case, delete, func, select, text, true, union, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import FromClause

from hallapp.storage.models import Case, Evaluation, Ticket, TicketEvent
from hallapp.storage.models.day_summary import DaySummary
from hallapp.storage.models.printing import PrintedDocument
from hallapp.storage.models.sync import SyncState
from hallapp.storage.repositories.dashboard import DashboardQueries

WATERMARK_KEY = "day_summaries.watermark"  # sync_state: where the summaries' watermark is kept
SKEW = timedelta(minutes=10)  # PCs' clocks may lag: a case edit stamped up to this much early is still seen


@dataclass(frozen=True)
class Stored:
    format: int
    mark: str
    payload: str
    computed_at: datetime | None = None  # computed, or last found unchanged (services/day_summaries.py)


class DaySummaries:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.q = DashboardQueries(session)

    # -- the table ---------------------------------------------------------------------------------

    def stored(self, hall_id: int, first: date, last: date, fmt: int) -> dict[date, Stored]:
        """The rows of format `fmt` of the days first..last (older formats are never read)."""
        rows = self.session.execute(
            select(DaySummary.service_day, DaySummary.format, DaySummary.mark, DaySummary.payload,
                   DaySummary.computed_at)
            .where(DaySummary.hall_id == hall_id, DaySummary.service_day >= first, DaySummary.service_day <= last,
                   DaySummary.format == fmt))
        return {d: Stored(f, m, p, at) for d, f, m, p, at in rows}

    def touch(self, hall_id: int, days: list[date], fmt: int, at: datetime) -> None:
        """The days' rows were found unchanged at `at` (their mark still holds)."""
        if days:
            self.session.execute(update(DaySummary).where(
                DaySummary.hall_id == hall_id, DaySummary.service_day.in_(sorted(days)), DaySummary.format == fmt)
                .values(computed_at=at).execution_options(synchronize_session=False))

    def doubt(self, days: set[date] | None, hall_id: int, handled: set[date], epoch: datetime) -> None:
        """Changed since their mark was last compared: the rows of `days` (any hall; None: every
        day) but this hall's `handled` ones get their mark compared when next read (computed_at
        back to `epoch`)."""
        if days is not None and not days:
            return
        mine = (DaySummary.hall_id == hall_id) & DaySummary.service_day.in_(sorted(handled) or [date.min])
        which = ~mine if days is None else DaySummary.service_day.in_(sorted(days)) & ~mine
        self.session.execute(update(DaySummary).where(which).values(computed_at=epoch)
                             .execution_options(synchronize_session=False))

    # -- the watermark: has anything changed anywhere? ---------------------------------------------

    def watermark(self) -> tuple:
        """Max ids of tickets, queue events, cases, prints and evaluations, the latest case change
        and how many cases changed within SKEW of it: each one end of an index (the count a short
        range of it), so a read costs well under a millisecond."""
        one = lambda what: select(what).scalar_subquery()  # noqa: E731
        seen = tuple(self.session.execute(select(
            one(func.max(Ticket.id)), one(func.max(TicketEvent.id)), one(func.max(Case.id)),
            one(func.max(Case.updated_at)), one(func.max(PrintedDocument.id)), one(func.max(Evaluation.id)))).one())
        return (*seen, self._recent(seen[3]))

    def _recent(self, latest: datetime | None) -> int:
        if latest is None:
            return 0
        return self.session.execute(select(func.count()).where(Case.updated_at >= latest - SKEW)).scalar_one()

    def quiet(self) -> bool:
        """No other writer in flight. PostgreSQL hands out ids before commit, so a transaction still
        running may commit a row below the max ids seen now; a watermark is only kept when none runs.
        SQLite has one writer at a time: its ids are in commit order."""
        if self.session.get_bind().dialect.name != "postgresql":
            return True
        return bool(self.session.execute(text(
            "SELECT pg_snapshot_xmin(pg_current_snapshot()) = pg_snapshot_xmax(pg_current_snapshot())")).scalar())

    def changed_days(self, seen: tuple, today: date, before: datetime) -> tuple[set[date], list[datetime]]:
        """What rows newer than watermark `seen` touch before `today` (starting at `before`): the service
        days of new or moved tickets, and the times (cases saved, evaluations given) of new or edited
        cases, prints and evaluations — each an index range past the watermark, so a read costs what
        changed since the last one."""
        t, e, c, p, v, n = (0 if x is None else x for x in (*seen[:3], *seen[4:]))
        u: datetime | None = seen[3]  # the latest case change seen, None before any
        # coalesce(x, x): no index on the time; every statement starts from the rows past the watermark
        # (an index range of what changed since), the time index would read the whole past instead
        saved, given = func.coalesce(Case.created_at, Case.created_at), func.coalesce(
            Evaluation.created_at, Evaluation.created_at)
        days = select(Ticket.service_date).where(Ticket.id > t, Ticket.service_date < today)
        moved = (select(Ticket.service_date).join(TicketEvent, TicketEvent.ticket_id == Ticket.id)
                 .where(TicketEvent.id > e, Ticket.service_date < today))
        cases = [select(Case.created_at).where(Case.id > c, saved < before),
                 select(Case.created_at).join(PrintedDocument, PrintedDocument.case_id == Case.id)
                 .where(PrintedDocument.id > p, saved < before),
                 select(Evaluation.created_at).where(Evaluation.id > v, given < before)]
        if u:  # after the latest change seen; or within SKEW of it when that range has rows it had not
            low = u - SKEW if self._recent(u) != n else u
            cases.append(select(Case.created_at).where(Case.updated_at > low, saved < before))
        dates = set(self.session.scalars(union(days, moved)))
        return dates, list(self.session.scalars(union(*cases)))

    def state(self, *, lock: bool = False) -> str | None:
        query = select(SyncState.value).where(SyncState.key == WATERMARK_KEY)
        return self.session.scalars(query.with_for_update() if lock else query).first()

    def set_state(self, value: str) -> None:
        row = self.session.get(SyncState, WATERMARK_KEY)
        if row is None:
            try:
                with self.session.begin_nested():
                    self.session.add(SyncState(key=WATERMARK_KEY, value=value))
            except IntegrityError:  # another PC's first one: as good
                pass
        else:
            row.value = value

    def put(self, hall_id: int, day: date, fmt: int, mark: str, payload: str, at: datetime) -> bool:
        """Replace the day's row of `fmt` (and any of an older format). False when another PC stored
        the same day at the same moment: its row is as good, ours is dropped."""
        try:
            with self.session.begin_nested():
                self.session.execute(delete(DaySummary).where(
                    DaySummary.hall_id == hall_id, DaySummary.service_day == day, DaySummary.format <= fmt))
                self.session.add(DaySummary(hall_id=hall_id, service_day=day, format=fmt, mark=mark,
                                            payload=payload, computed_at=at))
        except IntegrityError:
            return False
        return True

    # -- the mark ----------------------------------------------------------------------------------

    def mark(self, hall_id: int, day: date, since: datetime, until: datetime) -> tuple:
        """What changes when any row the day's figures come from changes, in one statement of index
        ranges: the day's tickets (count, max id); queue events in the day (a late commit of an
        update); cases saved that day (count, id range, latest change of a case in that range);
        documents printed for a case in that id range, whenever (a receipt printed days later changes
        that day's times); evaluations given that day. A row of another day inside an id range only
        makes the day computed again, never misread."""
        one = lambda what, *where: select(what).where(*where).scalar_subquery()  # noqa: E731
        in_day = (Case.hall_id == hall_id, Case.created_at >= since, Case.created_at < until)
        # + 0: PostgreSQL would walk the primary key from either end looking for the day (4 s a day at
        # 5 M cases); an expression makes it take the day's range of the created_at index (0.35 s)
        low, high = one(func.min(Case.id + 0), *in_day), one(func.max(Case.id + 0), *in_day)
        parts = [  # each a one-row table of (count, max) over one range, scanned once
            (Ticket.id, Ticket.id, (Ticket.hall_id == hall_id, Ticket.service_date == day)),
            (TicketEvent.id, TicketEvent.id, (TicketEvent.at >= since, TicketEvent.at < until)),
            (Case.id, Case.id, in_day),
            # by the key range, not the time index: the table's rows in order, a third of the cost
            (Case.id, Case.updated_at, (Case.id >= low, Case.id <= high)),
            (PrintedDocument.id, PrintedDocument.id, (PrintedDocument.case_id >= low, PrintedDocument.case_id <= high)),
            (Evaluation.id, Evaluation.id, (Evaluation.created_at >= since, Evaluation.created_at < until)),
        ]
        tables = [select(func.count(n).label("n"), func.max(m).label("m")).where(*w).subquery(f"p{i}")
                  for i, (n, m, w) in enumerate(parts)]
        joined: FromClause = tables[0]
        for table in tables[1:]:
            joined = joined.join(table, true())
        columns = [c for t in tables for c in (t.c.n, t.c.m)]
        return tuple(self.session.execute(select(*columns).select_from(joined)).one())

    # -- a day's lists ------------------------------------------------------------------------------

    def ticket_minutes(self, hall_id: int, day: date) -> list[tuple]:
        """(µs issue → call, µs start of service → done, µs call → done) of each ticket of `day`:
        the wait of a called ticket, the two service times of a visit done (else NULL)."""
        q = self.q
        start = func.coalesce(Ticket.serving_at, Ticket.called_at)
        done = (Ticket.state == "done") & Ticket.finished_at.is_not(None)
        query = select(
            q._minutes(Ticket.issued_at, Ticket.called_at),
            case((done & start.is_not(None), q._minutes(start, Ticket.finished_at))),
            case((done & Ticket.called_at.is_not(None), q._minutes(Ticket.called_at, Ticket.finished_at))),
        ).where(Ticket.hall_id == hall_id, Ticket.service_date == day)
        return [tuple(r) for r in self.session.execute(query)]

    def visits(self, hall_id: int, since: datetime, until: datetime) -> list[tuple]:
        """visit_base's rows of the cases saved in [since, until), whatever day their ticket was
        taken: (item, ticket number, case number, issued, µs to call, to case, to receipt, saved,
        case id, ticket's service day, case's staff id, ticket's staff id)."""
        b = (self.q.visit_base(hall_id, date(1, 1, 1), date(9999, 12, 31), since, until)
             .add_columns(Ticket.service_date.label("ticket_day"), Case.staff_id.label("case_staff"),
                          Ticket.staff_id.label("ticket_staff"))).subquery()
        query = select(b.c.item, b.c.ticket, b.c.case_number, b.c.issued, b.c.to_call, b.c.to_case, b.c.to_receipt,
                       b.c.saved, b.c.case_id, b.c.ticket_day, b.c.case_staff, b.c.ticket_staff)
        with self.q.hash_joins():  # PostgreSQL without fresh statistics: see DashboardQueries.hash_joins
            return [tuple(r) for r in self.session.execute(query)]

    def evaluations_by_ticket_day(self, hall_id: int, since: datetime, until: datetime) -> list[tuple]:
        """(level, service day of the ticket, evaluations) given in [since, until) for the hall's tickets:
        the report counts an evaluation when both its ticket and its time fall in the period."""
        query = (select(Evaluation.level, Ticket.service_date, func.count())
                 .join(Ticket, Ticket.id == Evaluation.ticket_id)
                 # + 0: from the evaluations' time index to each ticket by its key; SQLite would
                 # otherwise walk the hall's whole ticket index (a year) looking for them
                 .where(Evaluation.created_at >= since, Evaluation.created_at < until, Ticket.hall_id + 0 == hall_id)
                 .group_by(Evaluation.level, Ticket.service_date))
        return [tuple(r) for r in self.session.execute(query)]
