"""Turning a stored case into its printed documents: receipt, one-time notice, commitment,
consent. Documents see masked ID numbers only.

Which document a case can have follows one rule (``hallapp.domain.documents.documents_for``);
asking for another one raises ``DocumentNotApplicableError`` (code ``document.not_applicable``)
before anything is rendered.
"""

from __future__ import annotations

import functools

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
from hallapp.domain.clock import Clock, hall_clock
from hallapp.domain.documents import (
    DocumentError,
    DocumentKind,
    DocumentNotApplicableError,
    UnknownDocumentError,
    check_document,
    document_kind,
    documents_for,
)
from hallapp.domain.idnumber import mask_id_number
from hallapp.domain.regions import default_regions
from hallapp.services.cases import promised_day
from hallapp.storage import Database

KINDS = tuple(kind.value for kind in DocumentKind)
__all__ = ["KINDS", "DocumentError", "DocumentNotApplicableError", "UnknownDocumentError", "available", "case_document", "render"]

_NOT_ACCEPTED = (CaseState.DRAFT, CaseState.NOTIFIED)


@functools.cache
def fonts(paths: tuple[str, ...]) -> DocumentFonts:
    """Found and registered once per process (FontNotFoundError names every path tried)."""
    return load_fonts(list(paths))


def _load(uow, number: str):  # noqa: ANN001, ANN202
    case = uow.cases.by_number(number.strip())
    if case is None:
        raise CaseError("case.not_found", number=number)
    return case


def _owed(case, item) -> list:  # noqa: ANN001
    """Required materials an accepted case still lacks: deferred under its commitment (容缺) until supplied."""
    if case.state in _NOT_ACCEPTED or case.gap_due_date is None:
        return []
    return [m for m in case.materials if m.status == "missing" and _counts(item, m)]


def available(db: Database, number: str) -> tuple[DocumentKind, ...]:
    """The documents this case can have now, in the order they are handed over (for a reprint menu)."""
    with db.unit_of_work() as uow:
        case = _load(uow, number)
        return documents_for(case.state, deferred=bool(_owed(case, uow.cases.item(case.item_id))))


def _hall_header(hall, settings: DocumentSettings) -> HallHeader:  # noqa: ANN001
    """This PC's settings win over the shared hall record; either may be empty."""
    return HallHeader(hall.name, settings.hall_phone or hall.phone or "", settings.hall_address or hall.address or "",
                      settings.supervision_phone)


def _material_lines(case, item) -> tuple[MaterialLine, ...]:  # noqa: ANN001
    owed = {m.position for m in _owed(case, item)}
    return tuple(
        MaterialLine(name=m.name, form=m.form, pages=m.page_count, status="gap" if m.position in owed else m.status,
                     how_to_supply=m.how_to_supply, due_date=case.gap_due_date if m.position in owed else None)
        for m in case.materials
        if m.status != "missing" or m.position in owed or (case.state in _NOT_ACCEPTED and _counts(item, m))
    )


def case_document(db: Database, number: str, settings: DocumentSettings, clock: Clock | None = None) -> CaseDocument:
    """The case as its papers show it: times on the hall's clock (the receipt's 受理时间 is hall time)."""
    clock = clock or hall_clock()
    with db.unit_of_work() as uow:
        case = _load(uow, number)
        hall = uow.halls.the_hall()
        item = uow.cases.item(case.item_id)
        applicant = uow.cases.applicant(case.applicant_id)
        agent = uow.cases.applicant(case.agent_id)
        clerk = uow.staff.get(case.staff_id) if case.staff_id else None
        counter = uow.halls.counter(case.counter_id)
        region = default_regions().lookup(case.handling_region_code or "")
        template = settings.status_url_template
        return CaseDocument(
            case_number=case.number, hall=_hall_header(hall, settings),
            counter_number=counter.number if counter else 0, clerk_name=clerk.display_name if clerk else "",
            applicant_name=applicant.name, applicant_id_masked=mask_id_number(applicant.certificate_number),
            agent_name=agent.name if agent else "", agent_id_masked=mask_id_number(agent.certificate_number) if agent else "",
            item_name=item.name, item_code=item.code, handling_place=region.full_name if region else "",
            accepted_at=clock.local(case.accepted_at or case.created_at or clock.now()),
            # No template: the receipt's QR carries a short text (case number, hall, phone) instead.
            status_url=status_url(template, case.number) if template else "",
            case_type=item.case_type, promised_date=promised_day(case, clock),
            delivery=case.delivery, delivery_address=case.delivery_address, materials=_material_lines(case, item),
        )


def _counts(item, material) -> bool:  # noqa: ANN001
    """Required, so missing it matters: an optional material the applicant did not bring is not 'missing' on paper.

    The checklist line is found by id, or by position and name if the catalog was replaced since (as the
    case view does); a line that is gone counts as required.
    """
    line = next((r for r in item.materials if r.id == material.requirement_id), None) or next(
        (r for r in item.materials if r.position == material.position and r.name == material.name), None)
    return line.required if line else True


def _check(db: Database, number: str, kind: str) -> DocumentKind:
    """Refuse an unknown or inapplicable document before any font or PDF work."""
    document_kind(kind)  # an unknown kind is refused before the database is asked
    with db.unit_of_work() as uow:
        case = _load(uow, number)
        deferred = bool(_owed(case, uow.cases.item(case.item_id)))
        return check_document(kind, case.state, deferred=deferred)


def render(db: Database, number: str, kind: str, settings: DocumentSettings, *, size: str = "A4",
           clock: Clock | None = None) -> bytes:
    """PDF bytes of one document of a case. Blocking (disk, CPU): call it from a worker.

    Raises UnknownDocumentError / DocumentNotApplicableError (coded), CaseError for an unknown case.
    """
    wanted = _check(db, number, kind)
    doc = case_document(db, number, settings, clock)
    found = fonts(tuple(settings.font_paths))
    if wanted is DocumentKind.RECEIPT:
        return render_receipt(doc, found, size=size)
    if wanted is DocumentKind.NOTICE:
        return render_notice(doc, found)
    if wanted is DocumentKind.COMMITMENT:
        return render_commitment(doc, found)
    return render_consent(doc, found)
