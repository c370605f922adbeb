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

from hallapp.domain.cases import CaseError, CaseState, MaterialStatus, check_transition
from hallapp.home import Home
from hallapp.services import material_store
from hallapp.services.case_view import SUPPLEMENTABLE_STATES, SUPPLIED_ACTION, requirement_of
from hallapp.storage import Database
from hallapp.sync.outbox import enqueue_supplement


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
        item = uow.cases.item(case.item_id)

        def owed(m) -> bool:  # noqa: ANN001
            requirement = requirement_of(item, m)
            return (requirement.required if requirement else True) and m.status != MaterialStatus.CAPTURED

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
