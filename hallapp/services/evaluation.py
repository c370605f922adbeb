"""Recording the applicant's evaluation of a visit, linked to ticket, case and clerk. The evaluation
of a visit that opened a case sent to the platform goes into the outbox with it (`case:N:eval`), in
the same transaction; a visit with no answer in time goes as `answered: false`, never as a level."""

from __future__ import annotations

from hallapp.domain.evaluation import LEVELS, EvaluationError, check
from hallapp.storage import Database
from hallapp.storage.models import Case, Evaluation
from hallapp.sync.outbox import enqueue_evaluation


def record(db: Database, ticket_id: int, level: int | None, reason: str = "", channel: str = "hall_tablet") -> int:
    """Store the evaluation of one visit; a second one for the same visit is refused."""
    check(level, reason)
    with db.unit_of_work(write=True) as uow:
        ticket = uow.queue.ticket(ticket_id)
        if ticket is None:
            raise EvaluationError("evaluation.no_ticket")
        if uow.queue.evaluation_of(ticket_id) is not None:
            raise EvaluationError("evaluation.already_given")
        case_id = uow.queue.case_of(ticket_id)
        evaluation = Evaluation(ticket_id=ticket_id, case_id=case_id, staff_id=ticket.staff_id, level=level,
                                reason=reason.strip()[:400], channel=channel)
        uow.add(evaluation)
        uow.flush()
        case = uow.session.get(Case, case_id) if case_id else None
        if case is not None:
            enqueue_evaluation(uow, case, evaluation, LEVELS.get(level or 0, ""))
        uow.audit.append("evaluation", actor="applicant", subject=f"ticket:{ticket.number}",
                         level=level if level is not None else "none")
        return evaluation.id
