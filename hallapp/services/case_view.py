"""A case as the clerk sees it when looking it up later: who, what, where it stands, each material
with what it was owed (required, optional, deferred under a commitment), and which papers can be
printed again. Reprints and views of the stored scans are audited (case number only)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from hallapp.domain.cases import CaseError, CaseState, MaterialStatus
from hallapp.domain.clock import hall_clock
from hallapp.domain.documents import documents_for
from hallapp.domain.idnumber import mask_id_number
from hallapp.home import Home
from hallapp.services.cases import promised_day
from hallapp.services.catalog_update import case_item
from hallapp.storage import Database, material_store

if TYPE_CHECKING:
    from hallapp.services.catalog_update import StartedItem, StartedLine
    from hallapp.storage import UnitOfWork
    from hallapp.storage.models import Material, MaterialRequirement, ServiceItem

# A deferred material can be brought in while the case is still open at some authority.
SUPPLEMENTABLE_STATES = frozenset({CaseState.ACCEPTED_WITH_GAP, CaseState.SUBMITTED, CaseState.RECEIVED,
                                   CaseState.IN_PROCESS, CaseState.RETURNED})
SUPPLIED_ACTION = "material_supplied"


@dataclass(frozen=True)
class MaterialView:
    position: int
    name: str
    form: str
    required: bool
    key: bool
    status: str  # captured | missing | incorrect
    pages: int
    has_file: bool
    owed: bool  # deferred under the commitment (容缺) and not supplied yet
    supplied_on: date | None  # brought in later (补交)


@dataclass(frozen=True)
class RecordView:
    """One outbox entry of the case: its submission (kind `case`) or a record besides it."""

    kind: str  # case | evaluation | courier | collection | supplement
    client_id: str
    state: str  # the outbox's: queued … confirmed
    last_error: str


@dataclass(frozen=True)
class CaseDetail:
    number: str
    state: str
    item_code: str
    item_name: str
    applicant_name: str  # personal data: for the screen only
    applicant_masked: str
    agent_name: str
    accepted_at: datetime | None  # hall-local
    promised_date: date | None
    gap_due_date: date | None
    delivery: str
    returned_reason: str
    materials: tuple[MaterialView, ...]
    documents: tuple[str, ...]  # kinds for hallapp.services.case_documents.render, in print order
    records: tuple[RecordView, ...] = ()  # what the platform is owed of this case, oldest first

    @property
    def owed(self) -> tuple[MaterialView, ...]:
        return tuple(m for m in self.materials if m.owed)

    @property
    def submission(self) -> RecordView | None:
        """The case's own latest submission (a resubmission after correction is the newest)."""
        return next((r for r in reversed(self.records) if r.kind == "case"), None)

    @property
    def other_records(self) -> tuple[RecordView, ...]:
        return tuple(r for r in self.records if r.kind != "case")

    def material(self, position: int) -> MaterialView | None:
        return next((m for m in self.materials if m.position == position), None)


def requirement_of(item: ServiceItem | StartedItem, material: Material) -> MaterialRequirement | StartedLine | None:
    """The checklist line a material was collected against (required? key?), or None."""
    by_id = {r.id: r for r in item.materials}
    if material.requirement_id in by_id:
        return by_id[material.requirement_id]
    # The catalog was replaced since: the same line by position and name, if it is still there.
    return next((r for r in item.materials if r.position == material.position and r.name == material.name), None)


def _supplied_days(uow: UnitOfWork, number: str) -> dict[int, date]:
    days: dict[int, date] = {}
    for event in uow.audit.for_subject(f"case:{number}", SUPPLIED_ACTION):
        position = json.loads(event.detail or "{}").get("position")
        if isinstance(position, int):
            days[position] = hall_clock().day_of(event.at)
    return days


def detail(db: Database, number: str) -> CaseDetail:
    with db.unit_of_work() as uow:
        case = uow.cases.by_number(number.strip())
        if case is None:
            raise CaseError("case.not_found", number=number)
        item = case_item(uow, case)  # as the catalog version the case started with has it
        applicant = uow.cases.applicant_of(case)
        agent = uow.cases.applicant(case.agent_id)
        supplied = _supplied_days(uow, case.number)
        open_gap = case.gap_due_date is not None and case.state in SUPPLEMENTABLE_STATES
        views = []
        for m in case.materials:
            requirement = requirement_of(item, m)
            required = requirement.required if requirement else True
            views.append(MaterialView(
                position=m.position, name=m.name, form=m.form, required=required,
                key=requirement.key if requirement else False, status=m.status, pages=m.page_count,
                has_file=bool(m.sha256), owed=open_gap and required and m.status != MaterialStatus.CAPTURED,
                supplied_on=supplied.get(m.position)))
        # Owed since the commitment, even once the case is finished (then no notice is offered).
        deferred = case.gap_due_date is not None and case.state not in (CaseState.DRAFT, CaseState.NOTIFIED) and any(
            v.required and v.status != MaterialStatus.CAPTURED for v in views)
        return CaseDetail(
            number=case.number, state=case.state, item_code=item.code, item_name=item.name,
            applicant_name=applicant.name, applicant_masked=mask_id_number(applicant.certificate_number),
            agent_name=agent.name if agent else "",
            accepted_at=hall_clock().local(case.accepted_at) if case.accepted_at else None,
            promised_date=promised_day(case), gap_due_date=case.gap_due_date,
            delivery=case.delivery, returned_reason=case.returned_reason or "", materials=tuple(views),
            documents=tuple(k.value for k in documents_for(case.state, deferred=deferred)),
            records=tuple(RecordView(r.kind, r.client_id, r.state, r.last_error or "")
                          for r in uow.outbox.by_case_number(case.number)))


def record_reprint(db: Database, number: str, kind: str, *, actor: str) -> None:
    """A paper of the case was printed again (the preview opened for the clerk)."""
    with db.unit_of_work(write=True) as uow:
        if uow.cases.by_number(number.strip()) is None:
            raise CaseError("case.not_found", number=number)
        uow.audit.append("document_reprinted", actor=actor, subject=f"case:{number.strip()}", kind=kind)


def open_material(db: Database, home: Home, number: str, position: int, *, actor: str) -> bytes:
    """The stored PDF of one material, decrypted and checked against its hash; the look is audited
    (scans are personal data). Blocking: call it from a worker."""
    with db.unit_of_work() as uow:
        case = uow.cases.by_number(number.strip())
        found = next((m for m in case.materials if m.position == position), None) if case else None
        sha256 = found.sha256 if found else None
    if not sha256:
        raise CaseError("case.no_scan")
    pdf = material_store.load(home, sha256)
    with db.unit_of_work(write=True) as uow:
        uow.audit.append("material_viewed", actor=actor, subject=f"case:{number.strip()}", position=position)
    return pdf
