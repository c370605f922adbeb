"""Ticket → case → receipt: for every visit that led to a case, the minutes from taking the
ticket to the first call, to the case saved and to the first document printed; summed up per
item and per clerk, and the slowest visits. Prints are recorded by `record_printed`."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from statistics import mean

from hallapp.domain.clock import hall_clock
from hallapp.domain.documents import DocumentKind
from hallapp.services.dashboard import Snapshot, _minutes, _round, percentile
from hallapp.storage import Database
from hallapp.storage.models import Case
from hallapp.storage.models.printing import PrintedDocument


class PrintRecordError(ValueError):
    """The case to record a print for does not exist."""


def record_printed(db: Database, number: str, kind: str, reprint: bool = False) -> None:
    """Note that document `kind` of case `number` was rendered for printing (now, on the hall's clock)."""
    kind = DocumentKind(kind).value
    with db.unit_of_work(write=True) as uow:
        case_id = uow.session.query(Case.id).filter(Case.number == number).scalar()
        if case_id is None:
            raise PrintRecordError(number)
        uow.add(PrintedDocument(case_id=case_id, kind=kind, reprint=reprint, printed_at=hall_clock().now()))


def printed(db: Database, number: str, kind: str, pdf: bytes, reprint: bool = False) -> bytes:
    """Record the print of a document just rendered and hand the PDF on (for a worker's lambda)."""
    record_printed(db, number, kind, reprint)
    return pdf


@dataclass(frozen=True)
class VisitTime:
    ticket: str
    case_number: str
    item_name: str
    clerk: str
    issued_at: object  # datetime; kept loose so the row stays a plain record
    to_call_min: float | None
    to_case_min: float | None
    to_receipt_min: float | None  # None while nothing was printed


def visits(snap: Snapshot) -> list[VisitTime]:
    """One row per case saved for a ticket of the period (a ticket with two items gives two rows)."""
    tickets = {t.id: t for t in snap.tickets}
    out = []
    for case in snap.cases:
        ticket = tickets.get(case.ticket_id) if case.ticket_id else None
        if ticket is None:
            continue  # a case without a ticket (entered without the queue) has no visit to time
        out.append(VisitTime(ticket.number, case.number, case.item_name, case.clerk or ticket.clerk, ticket.issued_at,
                             _round(ticket.wait_min), _round(_minutes(ticket.issued_at, case.saved_at)),
                             _round(_minutes(ticket.issued_at, case.printed_at))))
    return out


@dataclass(frozen=True)
class TimesSummary:
    label: str
    visits: int
    avg_to_call: float | None
    avg_to_case: float | None
    avg_to_receipt: float | None
    p90_to_receipt: float | None
    printed: int


def _summary(label: str, rows: list[VisitTime]) -> TimesSummary:
    def avg(get: Callable[[VisitTime], float | None]) -> float | None:
        values = [v for v in map(get, rows) if v is not None]
        return _round(mean(values)) if values else None
    receipts = [r.to_receipt_min for r in rows if r.to_receipt_min is not None]
    return TimesSummary(label, len(rows), avg(lambda r: r.to_call_min), avg(lambda r: r.to_case_min),
                        avg(lambda r: r.to_receipt_min), _round(percentile(receipts, 90)), len(receipts))


def _grouped(rows: Iterable[VisitTime], key: Callable[[VisitTime], str]) -> list[TimesSummary]:
    groups: dict[str, list[VisitTime]] = defaultdict(list)
    for row in rows:
        groups[key(row)].append(row)
    summaries = [_summary(label, members) for label, members in groups.items()]
    return sorted(summaries, key=lambda s: (-(s.avg_to_receipt or s.avg_to_case or 0), s.label))


def per_item(rows: list[VisitTime]) -> list[TimesSummary]:
    return _grouped(rows, lambda r: r.item_name)


def per_clerk(rows: list[VisitTime]) -> list[TimesSummary]:
    return _grouped(rows, lambda r: r.clerk or "—")


def overall(rows: list[VisitTime]) -> TimesSummary:
    return _summary("", rows)


def slowest(rows: list[VisitTime], limit: int = 10) -> list[VisitTime]:
    """Longest ticket → receipt first; a visit still without a receipt counts by ticket → case."""
    return sorted(rows, key=lambda r: -(r.to_receipt_min if r.to_receipt_min is not None else r.to_case_min or 0))[:limit]
