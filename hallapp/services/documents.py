"""Turning a stored case into its printed documents: receipt, one-time notice, commitment,
consent. Documents see masked ID numbers only."""

from __future__ import annotations

import functools
from datetime import UTC, datetime

from hallapp.config import DocumentSettings
from hallapp.documents import (
    CaseDocument,
    DocumentFonts,
    HallHeader,
    MaterialLine,
    load_fonts,
    render_commitment,
    render_consent,
    render_notice,
    render_receipt,
    status_url,
)
from hallapp.domain.cases import CaseError, CaseState
from hallapp.domain.idnumber import mask_id_number
from hallapp.domain.regions import default_regions
from hallapp.storage import Database

KINDS = ("receipt", "notice", "commitment", "consent")


@functools.cache
def fonts(paths: tuple[str, ...]) -> DocumentFonts:
    """Found and registered once per process (FontNotFoundError names every path tried)."""
    return load_fonts(list(paths))


def case_document(db: Database, number: str, settings: DocumentSettings) -> CaseDocument:
    with db.unit_of_work() as uow:
        case = uow.cases.by_number(number.strip())
        if case is None:
            raise CaseError(f"没有办件 {number}")
        hall = uow.halls.the_hall()
        item = uow.cases.item(case.item_id)
        applicant = uow.cases.applicant(case.applicant_id)
        agent = uow.cases.applicant(case.agent_id)
        clerk = uow.staff.get(case.staff_id) if case.staff_id else None
        counter = uow.halls.counter(case.counter_id)
        region = default_regions().lookup(case.handling_region_code or "")
        gap = case.state == CaseState.ACCEPTED_WITH_GAP
        materials = tuple(
            MaterialLine(
                name=m.name, form=m.form, pages=m.page_count,
                status="gap" if gap and m.status == "missing" else m.status,
                how_to_supply=m.how_to_supply, due_date=case.gap_due_date if gap and m.status == "missing" else None,
            )
            for m in case.materials
            if m.status != "missing" or m.requirement_id is None or _required(item, m.requirement_id)
        )
        return CaseDocument(
            case_number=case.number, hall=HallHeader(hall.name, hall.phone, hall.address),
            counter_number=counter.number if counter else 0, clerk_name=clerk.display_name if clerk else "",
            applicant_name=applicant.name, applicant_id_masked=mask_id_number(applicant.certificate_number),
            agent_name=agent.name if agent else "", agent_id_masked=mask_id_number(agent.certificate_number) if agent else "",
            item_name=item.name, item_code=item.code, handling_place=region.full_name if region else "",
            accepted_at=case.accepted_at or case.created_at or datetime.now(UTC),
            # Without a configured address the QR carries the case number, which any counter can look up.
            status_url=status_url(settings.status_url_template, case.number) if settings.status_url_template else case.number,
            case_type=item.case_type, promised_date=case.promised_at.date() if case.promised_at else None,
            delivery=case.delivery, delivery_address=case.delivery_address, materials=materials,
        )


def _required(item, requirement_id: int) -> bool:  # noqa: ANN001
    """An optional material the applicant did not bring is not 'missing' on paper."""
    return any(r.id == requirement_id and r.required for r in item.materials)


def render(db: Database, number: str, kind: str, settings: DocumentSettings, *, size: str = "A4") -> bytes:
    """PDF bytes of one document of a case. Blocking (disk, CPU): call it from a worker."""
    if kind not in KINDS:
        raise CaseError(f"未知的文书类型 {kind}")
    doc = case_document(db, number, settings)
    found = fonts(tuple(settings.font_paths))
    if kind == "receipt":
        return render_receipt(doc, found, size=size)
    if kind == "notice":
        return render_notice(doc, found)
    if kind == "commitment":
        return render_commitment(doc, found)
    return render_consent(doc, found)
