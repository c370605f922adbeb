"""补交: a material deferred under the commitment (容缺受理) is brought in later.

The scan is stored like the counter's (encrypted, content-addressed), the material is marked
received, the event is audited (case number and position, never personal data), and when nothing
is owed any more a case still at 容缺受理 becomes 已受理.

The platform hears of it through the outbox, in the same transaction: a supplement record
(`case:N:supplied:P`, docs/platform-api.md "Records besides the case") naming the scan, which goes up
through the materials path like the case's own scans.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from hallapp.domain.cases import CaseError, CaseState, MaterialStatus, check_transition
from hallapp.domain.clock import Clock, hall_clock
from hallapp.home import Home
from hallapp.services.case_view import SUPPLEMENTABLE_STATES, SUPPLIED_ACTION, requirement_of
from hallapp.services.catalog_update import case_item
from hallapp.storage import Database, material_store
from hallapp.storage.repositories.dashboard import DashboardQueries
from hallapp.sync.outbox import enqueue_supplement

if TYPE_CHECKING:
    from hallapp.services.catalog_update import StartedItem
    from hallapp.storage.models import Material, ServiceItem


@dataclass(frozen=True)
class SupplementResult:
    number: str
    position: int
    pages: int
    state: str  # the case's state afterwards
    still_owed: tuple[int, ...]  # positions of the materials still owed

    @property
    def gap_closed(self) -> bool:
        return not self.still_owed


@dataclass(frozen=True)
class OverdueSupplement:
    """A 容缺 case whose promised materials are late: for the supervisor to chase."""

    case_number: str
    item_name: str
    applicant: str  # masked (王**): the list is on a screen others may see
    due: date
    days_overdue: int
    clerk: str
    owed: tuple[str, ...]  # names of the materials still owed


def _owed(item: ServiceItem | StartedItem, material: Material) -> bool:
    requirement = requirement_of(item, material)
    return (requirement.required if requirement else True) and material.status != MaterialStatus.CAPTURED


def mask_name(name: str) -> str:
    """The surname (first character) and a star for each other one."""
    name = name.strip()
    return name[:1] + "*" * (len(name) - 1) if name else ""


def overdue(db: Database, hall_id: int, clock: Clock | None = None) -> list[OverdueSupplement]:
    """Cases with materials still owed after 容缺 whose due date has passed (hall time), most overdue first."""
    today = (clock or hall_clock()).today()
    states = sorted(s.value for s in SUPPLEMENTABLE_STATES)
    out: list[OverdueSupplement] = []
    with db.unit_of_work() as uow:
        q = DashboardQueries(uow.session)
        names = {i: name for i, (_u, name) in q.staff_names(hall_id).items()}
        for case in q.gap_cases_due_before(hall_id, today, states):
            due = case.gap_due_date
            if due is None:  # the query asks for a due date; a row without one is owed nothing
                continue
            item = case_item(uow, case)  # the checklist of the version the case started with
            owed = tuple(m.name for m in case.materials if _owed(item, m))
            if not owed:
                continue
            applicant = uow.cases.applicant_of(case)
            out.append(OverdueSupplement(case.number, item.name, mask_name(applicant.name), due, (today - due).days,
                                         names.get(case.staff_id, "") if case.staff_id else "", owed))
    return out


def record_supplement(db: Database, home: Home, number: str, position: int, pdf: bytes, pages: int, *,
                      actor: str) -> SupplementResult:
    """Record one owed material as supplied. Blocking (disk, database): call it from a worker."""
    if not pdf or pages < 1:
        raise CaseError("case.supplement_empty")
    sha256 = material_store.store(home, pdf)  # before the transaction: at worst an unreferenced file
    with db.unit_of_work(write=True) as uow:
        case = uow.cases.by_number(number.strip(), for_update=True)
        if case is None:
            raise CaseError("case.not_found", number=number)
        if case.gap_due_date is None or case.state not in SUPPLEMENTABLE_STATES:
            raise CaseError("case.nothing_owed")
        item = case_item(uow, case)
        owed = lambda m: _owed(item, m)  # noqa: E731
        material = next((m for m in case.materials if m.position == position), None)
        if material is None or not owed(material):
            raise CaseError("case.material_not_owed")
        material.status, material.sha256, material.page_count = MaterialStatus.CAPTURED.value, sha256, pages
        material.how_to_supply = ""
        enqueue_supplement(uow, case, material, actor=actor)
        uow.audit.append(SUPPLIED_ACTION, actor=actor, subject=f"case:{case.number}", position=position, pages=pages)
        still = tuple(m.position for m in case.materials if owed(m))
        if not still and case.state == CaseState.ACCEPTED_WITH_GAP:
            check_transition(case.state, CaseState.ACCEPTED)
            case.state = CaseState.ACCEPTED.value
            uow.audit.append("case_state", actor=actor, subject=f"case:{case.number}",
                             old=CaseState.ACCEPTED_WITH_GAP.value, new=CaseState.ACCEPTED.value)
        return SupplementResult(case.number, position, pages, case.state, still)
