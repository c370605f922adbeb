"""Queries for the supervisor's follow-ups: bad ratings with their clerk, item, case and ticket; the
follow-up records; returned cases and outbox entries needing attention with the steps taken on them.
Rows come back as plain tuples or dataclasses (no session attached)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from hallapp.domain.outbox import OutboxState
from hallapp.storage.models import Applicant, Case, Evaluation, OutboxEntry, ServiceItem, Staff, Ticket
from hallapp.storage.models.followup import CaseFollowUp, FollowUp
from hallapp.storage.repositories.dashboard import DashboardQueries


@dataclass(frozen=True)
class FollowUpRow:
    id: int
    evaluation_id: int
    contacted_at: datetime | None
    contacted_by: str  # display name
    outcome: str
    note: str
    rectification: str
    recorded_at: datetime


@dataclass(frozen=True)
class StepRow:
    id: int
    case_id: int | None
    outbox_entry_id: int | None
    action: str
    outcome: str
    note: str
    revision: int | None
    staff: str  # display name
    at: datetime


class FollowUpQueries:
    def __init__(self, session: Session) -> None:
        self.session = session

    # -- bad ratings -----------------------------------------------------------------------------
    def bad_ratings(self, levels: frozenset[int], since: datetime | None = None,
                    until: datetime | None = None) -> list[tuple]:
        """(evaluation id, given at, level, reason, clerk, item name, case number, ticket number)."""
        query = (
            select(Evaluation.id, Evaluation.created_at, Evaluation.level, Evaluation.reason, Staff.display_name,
                   ServiceItem.name, Case.number, Ticket.number)
            .outerjoin(Staff, Staff.id == Evaluation.staff_id)
            .outerjoin(Case, Case.id == Evaluation.case_id)
            .outerjoin(ServiceItem, ServiceItem.id == Case.item_id)
            .outerjoin(Ticket, Ticket.id == Evaluation.ticket_id)
            .where(Evaluation.level.in_(sorted(levels)))
            .order_by(Evaluation.created_at, Evaluation.id)
        )
        if since is not None:
            query = query.where(Evaluation.created_at >= since)
        if until is not None:
            query = query.where(Evaluation.created_at < until)
        return [tuple(row) for row in self.session.execute(query)]

    def bad_rating_counts(self, levels: frozenset[int], done: Sequence[str], reached: Sequence[str],
                          since: datetime | None = None,
                          until: datetime | None = None) -> list[tuple[int, bool, bool, bool, int]]:
        """(15-minute UTC slot given, named, done, reached, ratings) of the bad ratings given in [since, until):
        what bad_ratings() gives, counted by the database. `done` and `reached` are the outcomes that make
        a rating so (any one record suffices); named is a rating linked to a case. The caller turns slots
        into the hall's days (due dates), whatever its zone's offset."""
        slot = DashboardQueries(self.session)._slot(Evaluation.created_at)  # the one slot expression of both backends
        named = Evaluation.case_id.is_not(None)
        is_done, is_reached = (exists().where(FollowUp.evaluation_id == Evaluation.id, FollowUp.outcome.in_(list(o)))
                               for o in (done, reached))
        rated = (select(slot.label("slot"), named.label("named"), is_done.label("done"), is_reached.label("reached"))
                 .where(Evaluation.level.in_(sorted(levels))))
        if since is not None:
            rated = rated.where(Evaluation.created_at >= since)
        if until is not None:
            rated = rated.where(Evaluation.created_at < until)
        per = rated.subquery()  # grouped outside: PostgreSQL would not match the sub-selects' parameters in GROUP BY
        keys = (per.c.slot, per.c.named, per.c.done, per.c.reached)
        query = select(*keys, func.count()).group_by(*keys)
        return [(int(s), bool(n), bool(d), bool(r), int(c)) for s, n, d, r, c in self.session.execute(query)]

    def follow_ups(self, evaluation_ids: list[int]) -> list[FollowUpRow]:
        """The records of these ratings, oldest first."""
        out: list[FollowUpRow] = []
        for start in range(0, len(evaluation_ids), 500):  # under every driver's bound-parameter limit
            chunk = evaluation_ids[start:start + 500]
            query = (select(FollowUp, Staff.display_name).outerjoin(Staff, Staff.id == FollowUp.contacted_by_id)
                     .where(FollowUp.evaluation_id.in_(chunk)).order_by(FollowUp.recorded_at, FollowUp.id))
            out += [FollowUpRow(f.id, f.evaluation_id, f.contacted_at, name or "", f.outcome, f.note, f.rectification,
                                f.recorded_at) for f, name in self.session.execute(query)]
        return out

    def evaluation(self, evaluation_id: int) -> Evaluation | None:
        return self.session.get(Evaluation, evaluation_id)

    def case_number(self, case_id: int | None) -> str:
        return (self.session.scalar(select(Case.number).where(Case.id == case_id)) or "") if case_id else ""

    def ticket_number(self, ticket_id: int | None) -> str:
        return (self.session.scalar(select(Ticket.number).where(Ticket.id == ticket_id)) or "") if ticket_id else ""

    def add(self, row: FollowUp | CaseFollowUp) -> None:
        self.session.add(row)
        self.session.flush()

    # -- cases that need a supervisor ------------------------------------------------------------
    def returned_cases(self, hall_id: int) -> list[tuple]:
        """(case id, number, item name, clerk, saved at, returned at, reason, applicant name, phone) of
        cases in state returned. The name and phone are for the supervisor's call, never for logs."""
        agent = aliased(Applicant)
        query = (
            select(Case.id, Case.number, ServiceItem.name, Staff.display_name, Case.created_at, Case.updated_at,
                   Case.returned_reason, Applicant.name, Applicant.phone, agent.phone)
            .join(ServiceItem, ServiceItem.id == Case.item_id)
            .join(Applicant, Applicant.id == Case.applicant_id)
            .outerjoin(agent, agent.id == Case.agent_id)
            .outerjoin(Staff, Staff.id == Case.staff_id)
            .where(Case.hall_id == hall_id, Case.state == "returned")
            .order_by(Case.updated_at, Case.id)
        )
        return [tuple(row) for row in self.session.execute(query)]

    def attention_entries(self) -> list[tuple]:
        """(entry id, case number, kind, last error, attempts, updated at) of entries needing attention."""
        query = (select(OutboxEntry.id, OutboxEntry.case_number, OutboxEntry.kind, OutboxEntry.last_error,
                        OutboxEntry.attempts, OutboxEntry.updated_at)
                 .where(OutboxEntry.state == OutboxState.NEEDS_ATTENTION).order_by(OutboxEntry.updated_at, OutboxEntry.id))
        return [tuple(row) for row in self.session.execute(query)]

    def steps(self, *, case_ids: Sequence[int] = (), entry_ids: Sequence[int] = ()) -> list[StepRow]:
        """The steps taken on these cases or outbox entries, oldest first."""
        conditions = []
        if case_ids:
            conditions.append(CaseFollowUp.case_id.in_(list(case_ids)))
        if entry_ids:
            conditions.append(CaseFollowUp.outbox_entry_id.in_(list(entry_ids)))
        if not conditions:
            return []
        query = (select(CaseFollowUp, Staff.display_name).outerjoin(Staff, Staff.id == CaseFollowUp.staff_id)
                 .where(or_(*conditions)).order_by(CaseFollowUp.at, CaseFollowUp.id))
        return [StepRow(s.id, s.case_id, s.outbox_entry_id, s.action, s.outcome, s.note, s.revision, name or "", s.at)
                for s, name in self.session.execute(query)]

    def entry(self, entry_id: int) -> OutboxEntry | None:
        return self.session.get(OutboxEntry, entry_id)
