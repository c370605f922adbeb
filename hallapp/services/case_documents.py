"""A case's papers from the database: loads a stored case and renders its receipt, one-time notice,
commitment or consent through hallapp.documents (which draws the pages and knows no database).
Documents see masked ID numbers only.

Which document a case can have follows one rule (``hallapp.domain.documents.documents_for``);
asking for another one raises ``DocumentNotApplicableError`` (code ``document.not_applicable``)
before anything is rendered.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, TypeVar, get_args

from hallapp.config import DocumentSettings
from hallapp.documents import (
    CaseDocument,
    DocumentFonts,
    HallHeader,
    MaterialLine,
    PaperSize,
    load_fonts,
    render_commitment,
    render_consent,
    render_notice,
    render_receipt,
    status_url,
)
from hallapp.documents.model import CaseKind, Delivery, MaterialForm, MaterialStatus
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
from hallapp.services.case_view import requirement_of
from hallapp.services.cases import promised_day
from hallapp.services.catalog_update import case_item
from hallapp.services.hall import SetupError
from hallapp.storage import Database

if TYPE_CHECKING:
    from hallapp.services.catalog_update import StartedItem
    from hallapp.storage import UnitOfWork
    from hallapp.storage.models import Case, Hall, Material, ServiceItem

KINDS = tuple(kind.value for kind in DocumentKind)
__all__ = ["KINDS", "DocumentError", "DocumentNotApplicableError", "UnknownDocumentError", "available", "case_document", "render"]

_NOT_ACCEPTED = (CaseState.DRAFT, CaseState.NOTIFIED)

# The stored words (plain strings in the database) as the documents' Literal types.
_L = TypeVar("_L", bound=str)
_FORMS: dict[str, MaterialForm] = {v: v for v in get_args(MaterialForm)}
_STATUSES: dict[str, MaterialStatus] = {v: v for v in get_args(MaterialStatus)}
_CASE_KINDS: dict[str, CaseKind] = {v: v for v in get_args(CaseKind)}
_DELIVERIES: dict[str, Delivery] = {v: v for v in get_args(Delivery)}


def _known(value: str, known: Mapping[str, _L], what: str) -> _L:
    """A stored value as its Literal; another one is refused as the document model would refuse it."""
    if value not in known:
        raise ValueError(f"{what} must be one of {tuple(known)}, got {value!r}")
    return known[value]


@functools.cache
def fonts(paths: tuple[str, ...]) -> DocumentFonts:
    """Found and registered once per process (FontNotFoundError names every path tried)."""
    return load_fonts(list(paths))


def _load(uow: UnitOfWork, number: str) -> Case:
    case = uow.cases.by_number(number.strip())
    if case is None:
        raise CaseError("case.not_found", number=number)
    return case


def _owed(case: Case, item: ServiceItem | StartedItem) -> list[Material]:
    """Required materials an accepted case still lacks: deferred under its commitment (容缺) until supplied."""
    if case.state in _NOT_ACCEPTED or case.gap_due_date is None:
        return []
    return [m for m in case.materials if m.status == "missing" and _counts(item, m)]


def available(db: Database, number: str) -> tuple[DocumentKind, ...]:
    """The documents this case can have now, in the order they are handed over (for a reprint menu)."""
    with db.unit_of_work() as uow:
        case = _load(uow, number)
        return documents_for(case.state, deferred=bool(_owed(case, case_item(uow, case))))


def _hall_header(hall: Hall, settings: DocumentSettings) -> HallHeader:
    """This PC's settings win over the shared hall record; either may be empty."""
    return HallHeader(hall.name, settings.hall_phone or hall.phone or "", settings.hall_address or hall.address or "",
                      settings.supervision_phone)


def _material_lines(case: Case, item: ServiceItem | StartedItem) -> tuple[MaterialLine, ...]:
    owed = {m.position for m in _owed(case, item)}
    return tuple(
        MaterialLine(name=m.name, form=_known(m.form, _FORMS, "material form"), pages=m.page_count,
                     status="gap" if m.position in owed else _known(m.status, _STATUSES, "material status"),
                     how_to_supply=m.how_to_supply, due_date=case.gap_due_date if m.position in owed else None,
                     source=m.source, **_licence_of(m))
        for m in case.materials
        if m.status != "missing" or m.position in owed or (case.state in _NOT_ACCEPTED and _counts(item, m))
    )


def _licence_of(m: Material) -> dict[str, str]:
    """A 电子证照's issuer and number (models/licence.py links it to the material); nothing for a scan."""
    licence = m.licence if m.source == "licence" else None  # type: ignore[attr-defined]  # a backref
    return {"issuer": licence.issuer, "licence_number": licence.licence_number} if licence else {}


def case_document(db: Database, number: str, settings: DocumentSettings, clock: Clock | None = None) -> CaseDocument:
    """The case as its papers show it: times on the hall's clock (the receipt's 受理时间 is hall time)."""
    clock = clock or hall_clock()
    with db.unit_of_work() as uow:
        case = _load(uow, number)
        hall = uow.halls.the_hall()
        if hall is None:  # every paper is headed by the hall
            raise SetupError("setup.not_done")
        item = case_item(uow, case)  # a case in progress keeps the version it started with
        applicant = uow.cases.applicant_of(case)
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
            case_type=_known(item.case_type, _CASE_KINDS, "case type"), promised_date=promised_day(case, clock),
            delivery=_known(case.delivery, _DELIVERIES, "delivery"), delivery_address=case.delivery_address,
            materials=_material_lines(case, item),
        )


def _counts(item: ServiceItem | StartedItem, material: Material) -> bool:
    """Required, so missing it matters: an optional material the applicant did not bring is not 'missing' on paper.

    The checklist line is found as the case view finds it (by id, or by position and name if the catalog
    was replaced since); a line that is gone counts as required.
    """
    line = requirement_of(item, material)
    return line.required if line else True


def _check(db: Database, number: str, kind: str) -> DocumentKind:
    """Refuse an unknown or inapplicable document before any font or PDF work."""
    document_kind(kind)  # an unknown kind is refused before the database is asked
    with db.unit_of_work() as uow:
        case = _load(uow, number)
        deferred = bool(_owed(case, case_item(uow, case)))
        return check_document(kind, case.state, deferred=deferred)


def render(db: Database, number: str, kind: str, settings: DocumentSettings, *, size: PaperSize = "A4",
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
