"""Case intake and the life of a case: accept, accept with a gap, one-time notice; then the
platform's states, the originals' courier, and the result's delivery. Every move is audited
(with the case number, never personal data)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time

from hallapp.domain.cases import (
    MAX_CASE_NUMBER,
    CaseError,
    CaseState,
    Decision,
    MaterialStatus,
    allowed_decisions,
    check_transition,
    state_after,
)
from hallapp.domain.clock import Clock, hall_clock
from hallapp.domain.identity import Identity
from hallapp.domain.idnumber import mask_id_number
from hallapp.domain.workdays import HolidayCalendar, add_working_days, uncovered_years
from hallapp.home import Home
from hallapp.services.hall import SetupError
from hallapp.storage import Database, UnitOfWork, material_store
from hallapp.storage.ledger import NumberingLedger
from hallapp.storage.models import Applicant, Case, Material
from hallapp.sync.outbox import enqueue_case, enqueue_collection, enqueue_courier

log = logging.getLogger(__name__)

# pullback's actor: a result the platform says it mailed is not told back to it.
PLATFORM_ACTOR = "platform"

# A promised case is due by the end of the hall's working day (17:00 hall time) of its promised date.
PROMISED_BY = time(17, 0)


@dataclass(frozen=True)
class MaterialInput:
    """One line of the item's checklist as the clerk left it."""

    position: int  # the requirement's position in the item's checklist (1-based)
    status: MaterialStatus
    pdf: bytes | None = field(default=None, repr=False)  # the scanned pages as one PDF
    page_count: int = 0
    how_to_supply: str = ""  # for a missing or incorrect material: what the applicant must bring


@dataclass(frozen=True)
class IntakeInput:
    applicant: Identity
    item_code: str
    handling_region_code: str
    materials: list[MaterialInput]
    decision: Decision
    counter_number: int
    staff_id: int | None
    staff_username: str
    agent: Identity | None = None
    phone: str = ""
    gap_due_date: date | None = None
    delivery: str = "window"  # window | mail
    delivery_address: str = ""
    ticket_id: int | None = None


@dataclass(frozen=True)
class CaseSummary:
    number: str
    state: str
    item_code: str
    item_name: str
    applicant_masked: str
    promised_date: date | None
    created_at: datetime
    applicant_name: str = ""  # personal data: for the clerk's screen, never for logs or audit
    # Years the promised date's count crossed that no loaded holiday calendar covers: the date may be
    # wrong (a holiday not skipped). Empty = the calendars covered it.
    uncovered_years: tuple[int, ...] = ()


def _applicant(identity: Identity) -> Applicant:
    return Applicant(
        name=identity.name, certificate_type=identity.certificate_type,
        certificate_number=identity.id_number or identity.card_number, sex_code=identity.sex_code or None,
        nation_code=identity.nation_code or None, birth_date=identity.birth_date, address=identity.address,
        region_code=(identity.id_number[:6] if identity.id_number else None),
    )


def promised_date(accepted_on: date, case_type: str, promised_days: int,
                  calendar: HolidayCalendar | None = None) -> date | None:
    """Working days skip weekends and public holidays but count make-up working days (调休)."""
    if case_type == "instant":
        return accepted_on
    if calendar is None:
        return add_working_days(accepted_on, promised_days, frozenset())
    return calendar.add_working_days(accepted_on, promised_days)


def promised_at(clock: Clock, promised: date, accepted_at: datetime, case_type: str) -> datetime:
    """The stored promised time (aware UTC) for a promised date: 17:00 hall time that day; an
    instant case accepted after 17:00 is done when it is accepted."""
    due = clock.at(promised, PROMISED_BY)
    return max(due, accepted_at) if case_type == "instant" else due


SHARED_INSTALLATION = "shared"  # a database all counters share numbers under one station


def case_number_at(hall_code: str, day: date, station: str, serial: int) -> str:
    """HALLCODE-YYYYMMDD-STN-NNNN (docs/case-numbers.md): the station letters keep two PCs with their
    own databases, or a database started anew, from ever issuing the same number."""
    number = f"{hall_code}-{day:%Y%m%d}-{station}-{serial:04d}"
    if len(number) > MAX_CASE_NUMBER:
        raise CaseError("case.number_too_long", limit=MAX_CASE_NUMBER)
    return number


def issue_number(uow: UnitOfWork, db: Database, home: Home, hall_id: int, hall_code: str, day: date) -> str:
    """The next case number, inside the intake's transaction. A SQLite file numbers under the home's
    own station; a shared database under one station for all. The home's ledger is written before
    the case commits, so a database restored from an older copy never repeats a number."""
    ledger = NumberingLedger(home.numbering_file)
    station = uow.cases.station_for(ledger.installation() if db.is_sqlite else SHARED_INSTALLATION)
    serial = uow.cases.next_serial(hall_id, day, station, above=ledger.high_water(station, day))
    ledger.record(station, day, serial)
    return case_number_at(hall_code, day, station, serial)


def submit_intake(db: Database, home: Home, hall_id: int, intake: IntakeInput, *, today: date | None = None,
                  calendar: HolidayCalendar | None = None, clock: Clock | None = None) -> CaseSummary:
    """Save the case in one transaction: applicant, agent, materials, state, audit.

    Scans are written to the encrypted store first (content-addressed, so a failed transaction
    leaves at most an unreferenced file, never a case without its scan). The case's day (its
    number, its promised date) is the hall's day on `clock` (default: the hall's clock).
    """
    clock = clock or hall_clock()
    now = clock.now()
    day = today or clock.day_of(now)
    hashes = {m.position: material_store.store(home, m.pdf) for m in intake.materials if m.pdf}
    with db.unit_of_work(write=True) as uow:
        item = uow.catalog.by_code(intake.item_code)
        if item is not None and item.withdrawn:  # by the platform; cases already started keep it
            raise CaseError("case.item_withdrawn", item=intake.item_code)
        if item is None or not item.active:
            raise CaseError("case.item_not_in_catalog", item=intake.item_code)
        statuses = {m.position: m for m in intake.materials}
        lines = [(r.required, r.key, statuses[r.position].status if r.position in statuses else MaterialStatus.MISSING)
                 for r in item.materials]
        if intake.decision not in allowed_decisions(lines):
            raise CaseError("case.decision_not_allowed")
        if intake.decision is Decision.ACCEPT_WITH_GAP and intake.gap_due_date is None:
            raise CaseError("case.gap_due_date_missing")
        hall = uow.halls.the_hall()
        if hall is None:
            raise SetupError("setup.not_done")
        counter = uow.halls.counter_by_number(hall_id, intake.counter_number)
        applicant = _applicant(intake.applicant)
        agent = _applicant(intake.agent) if intake.agent else None
        uow.add(applicant)
        if agent:
            uow.add(agent)
        uow.flush()
        number = issue_number(uow, db, home, hall_id, hall.code, day)
        state = state_after(intake.decision)
        promised = promised_date(day, item.case_type, item.promised_days, calendar) if state != CaseState.NOTIFIED else None
        case = Case(
            number=number, hall_id=hall_id, counter_id=counter.id if counter else None, staff_id=intake.staff_id,
            item_id=item.id, applicant_id=applicant.id, agent_id=agent.id if agent else None, ticket_id=intake.ticket_id,
            state=state, handling_region_code=intake.handling_region_code,
            created_at=now, accepted_at=now if state != CaseState.NOTIFIED else None,
            promised_at=promised_at(clock, promised, now, item.case_type) if promised else None,
            gap_due_date=intake.gap_due_date if state == CaseState.ACCEPTED_WITH_GAP else None,  # 容缺 only
            delivery=intake.delivery, delivery_address=intake.delivery_address,
            catalog_version=item.catalog_version,  # the version this case keeps (services/catalog_update.py)
        )
        case.materials = [
            Material(position=r.position, requirement_id=r.id, name=r.name, form=r.form, copies=r.copies,
                     status=statuses[r.position].status if r.position in statuses else MaterialStatus.MISSING,
                     sha256=hashes.get(r.position), page_count=statuses[r.position].page_count if r.position in statuses else 0,
                     how_to_supply=statuses[r.position].how_to_supply if r.position in statuses else "")
            for r in item.materials
        ]
        uow.add(case)
        uow.flush()
        enqueue_case(uow, case)  # the outbox entry commits with the case, or neither does
        uow.audit.append(f"case_{state.value}", actor=intake.staff_username, subject=f"case:{number}",
                         item=item.code, materials=sum(1 for m in case.materials if m.sha256))
        summary, case_type = _summary(uow, case, clock), item.case_type
    return _check_calendar(summary, day, case_type, calendar)


def _check_calendar(summary: CaseSummary, day: date, case_type: str, calendar: HolidayCalendar | None) -> CaseSummary:
    """Flag (and log) a promised date counted through a year no loaded holiday calendar covers."""
    if calendar is None or summary.promised_date is None or case_type == "instant":
        return summary  # no calendar asked for (weekends only), or nothing counted
    missing = uncovered_years(calendar, day, summary.promised_date)
    if not missing:
        return summary
    log.warning("case %s: promised date %s counted through %s, which no holiday calendar covers; "
                "import the State Council's calendar (hallapp calendar import FILE)",
                summary.number, summary.promised_date.isoformat(), ", ".join(map(str, missing)))
    return replace(summary, uncovered_years=missing)


def load_calendar(paths: list[str]) -> HolidayCalendar:
    """The hall's holiday calendars joined (names are looked up under resources/)."""
    from pathlib import Path

    from hallapp.resources import resource_path

    calendar = HolidayCalendar()
    for entry in paths:
        path = Path(entry)
        calendar = calendar.union(HolidayCalendar.load(path if path.is_absolute() else resource_path(*path.parts)))
    return calendar


def promised_day(case: Case, clock: Clock | None = None) -> date | None:
    """The promised date as the receipt prints it: the hall's day of the stored promised time."""
    return (clock or hall_clock()).day_of(case.promised_at) if case.promised_at else None


def _summary(uow: UnitOfWork, case: Case, clock: Clock | None = None) -> CaseSummary:
    item, applicant = uow.cases.item_of(case), uow.cases.applicant_of(case)
    return CaseSummary(case.number, case.state, item.code, item.name, mask_id_number(applicant.certificate_number),
                       promised_day(case, clock), case.created_at, applicant.name)


def _load(uow: UnitOfWork, number: str) -> Case:
    case = uow.cases.by_number(number.strip(), for_update=True)
    if case is None:
        raise CaseError("case.not_found", number=number)
    return case


def transition(db: Database, number: str, target: CaseState | str, *, actor: str, reason: str = "") -> CaseSummary:
    """Move a case through its state machine; illegal moves are refused."""
    with db.unit_of_work(write=True) as uow:
        case = _load(uow, number)
        transition_in(uow, case, target, actor=actor, reason=reason)
        return _summary(uow, case)


def transition_in(uow: UnitOfWork, case: Case, target: CaseState | str, *, actor: str, reason: str = "") -> None:
    """The state-and-audit rule, inside the caller's transaction (the sync engine's confirmation
    writes it with the outbox entry): an illegal move raises CaseError, a return needs its reason."""
    target = CaseState(target)
    check_transition(case.state, target)
    if target is CaseState.RETURNED:
        if not reason.strip():
            raise CaseError("case.return_reason_missing")
        case.returned_reason = reason.strip()[:400]
    old, case.state = case.state, target.value
    uow.audit.append("case_state", actor=actor, subject=f"case:{case.number}", old=old, new=target.value)


def record_originals_dispatch(db: Database, number: str, *, carrier: str, waybill: str, sent_on: date, actor: str) -> None:
    """The paper originals left for the handling authority by courier (for archiving)."""
    if not carrier.strip() or not waybill.strip():
        raise CaseError("case.courier_missing")
    with db.unit_of_work(write=True) as uow:
        case = _load(uow, number)
        case.originals_carrier, case.originals_waybill, case.originals_sent_on = carrier.strip(), waybill.strip(), sent_on
        enqueue_courier(uow, case, leg="originals", carrier=case.originals_carrier, waybill=case.originals_waybill,
                        sent_on=sent_on, receiver=case.handling_region_code or "")  # to the handling authority
        uow.audit.append("originals_dispatched", actor=actor, subject=f"case:{case.number}", carrier=carrier.strip())


def deliver_result(db: Database, number: str, *, actor: str, waybill: str = "", collected_by_id_number: str = "",
                   carrier: str = "") -> CaseSummary:
    """The result reached the applicant: mailed with a waybill, or collected at the window after an
    ID check (the collector's number must be the applicant's or the agent's). The platform gets a
    courier record (mailed by the hall) or a collection record (at the window) in this transaction."""
    with db.unit_of_work(write=True) as uow:
        case = _load(uow, number)
        check_transition(case.state, CaseState.DELIVERED)
        if case.delivery == "mail":
            if not waybill.strip():
                raise CaseError("case.waybill_missing")
            case.result_waybill = waybill.strip()
            if actor != PLATFORM_ACTOR:  # the hall posted it; what the platform mailed it knows already
                enqueue_courier(uow, case, leg="result", carrier=carrier.strip(), waybill=case.result_waybill,
                                sent_on=hall_clock().today(), receiver=case.delivery_address or "")
        else:
            _check_collector(uow, case, collected_by_id_number, actor)
        case.state = CaseState.DELIVERED.value
        uow.audit.append("result_delivered", actor=actor, subject=f"case:{case.number}", how=case.delivery)
        return _summary(uow, case)


def _check_collector(uow: UnitOfWork, case: Case, id_number: str, actor: str) -> None:
    """The collector is the applicant or the agent (by ID number); the record says which, not who."""
    applicant, agent = uow.cases.applicant(case.applicant_id), uow.cases.applicant(case.agent_id)
    given = id_number.strip().upper()
    if applicant and given == applicant.certificate_number:
        enqueue_collection(uow, case, collected_by="applicant", actor=actor)
    elif agent and given == agent.certificate_number:
        enqueue_collection(uow, case, collected_by="agent", actor=actor)
    else:
        raise CaseError("case.collector_mismatch")


def search(db: Database, text: str = "", *, state: str | None = None, on: date | None = None,
           limit: int = 100, clock: Clock | None = None) -> list[CaseSummary]:
    """`on` is a day of the hall's calendar: cases created between its midnights, hall time."""
    since, until = (clock or hall_clock()).day_range(on) if on else (None, None)
    with db.unit_of_work() as uow:
        return [_summary(uow, c) for c in uow.cases.search(text=text, state=state, since=since, until=until, limit=limit)]


def show(db: Database, number: str) -> dict:
    """The case as JSON (`hallapp case show`): state, item code, materials with hashes. The
    applicant appears masked."""
    with db.unit_of_work() as uow:
        case = uow.cases.by_number(number.strip())
        if case is None:
            raise CaseError("case.not_found", number=number)
        summary = _summary(uow, case)
        return {
            "number": case.number, "state": case.state, "item_code": summary.item_code, "item_name": summary.item_name,
            "applicant": summary.applicant_masked, "handling_region_code": case.handling_region_code,
            "accepted_at": hall_clock().local(case.accepted_at).isoformat() if case.accepted_at else None,
            "promised_date": summary.promised_date.isoformat() if summary.promised_date else None,
            "gap_due_date": case.gap_due_date.isoformat() if case.gap_due_date else None,
            "delivery": case.delivery, "returned_reason": case.returned_reason or None,
            "originals": {"carrier": case.originals_carrier, "waybill": case.originals_waybill,
                          "sent_on": case.originals_sent_on.isoformat() if case.originals_sent_on else None}
            if case.originals_waybill else None,
            "materials": [{"position": m.position, "name": m.name, "form": m.form, "status": m.status,
                           "pages": m.page_count, "sha256": m.sha256} for m in case.materials],
        }
