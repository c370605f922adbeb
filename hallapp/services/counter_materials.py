"""The materials of the case being built at the counter, as plain data: one line per requirement of
the item's checklist, with what the clerk made of it (pending, captured, missing, incorrect), the
captured pages and, for a 电子证照, the licence the platform supplied.

`Materials` belongs to a CounterSession (hallapp/services/counter_session.py): the checklist widget
shows it and changes it only through the session, and the save reads it from there. No Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from hallapp.domain.cases import Decision, MaterialStatus, allowed_decisions
from hallapp.services.cases import MaterialInput

if TYPE_CHECKING:  # the heavy modules (imaging, the sync clients) load only where a material is captured
    from hallapp.services.catalog import ChecklistLine, ItemChecklist
    from hallapp.services.licences import FetchedLicence
    from hallapp.services.scanning import CapturedMaterial


class LineStatus(StrEnum):
    """What the clerk made of one material; pending counts as missing when the case is decided."""

    PENDING = "pending"
    CAPTURED = "captured"
    MISSING = "missing"
    INCORRECT = "incorrect"


LACKING = (LineStatus.MISSING, LineStatus.INCORRECT)


@dataclass(eq=False)  # compared by identity: a line of a checklist that is gone is never "in" the new one
class MaterialLine:
    """One requirement and its state. Read it; change it through CounterSession / Materials."""

    line: ChecklistLine
    status: LineStatus = LineStatus.PENDING
    pdf: bytes | None = field(default=None, repr=False)
    pages: int = 0
    material: CapturedMaterial | None = field(default=None, repr=False)  # the page editor's images
    how_to_supply: str = ""  # for a missing or incorrect material: what the applicant brings
    licence: FetchedLicence | None = field(default=None, repr=False)  # 电子证照, when the platform supplied it

    @property
    def decided_status(self) -> MaterialStatus:
        """The status the decision rules and the saved case see (pending: missing)."""
        return MaterialStatus.MISSING if self.status == LineStatus.PENDING else MaterialStatus(self.status)


class Materials:
    """The checklist lines of the chosen item; `changed(line)` is called after each change."""

    def __init__(self, item: ItemChecklist | None, changed: Callable[[MaterialLine], None]) -> None:
        self.lines: tuple[MaterialLine, ...] = tuple(MaterialLine(line) for line in item.lines) if item else ()
        self._changed = changed

    def __iter__(self) -> Iterator[MaterialLine]:
        return iter(self.lines)

    def __len__(self) -> int:
        return len(self.lines)

    def capture(self, line: MaterialLine, pdf: bytes, pages: int, material: CapturedMaterial | None = None,
                licence: FetchedLicence | None = None) -> bool:
        """`line` was scanned, imported or fetched. False (and nothing changes) when it is not a line
        of this checklist any more (the visit moved on while a worker ran)."""
        if not self._holds(line):
            return False
        line.status, line.pdf, line.pages, line.how_to_supply = LineStatus.CAPTURED, pdf, pages, ""
        line.material, line.licence = material, licence
        self._changed(line)
        return True

    def lack(self, line: MaterialLine, status: LineStatus, how_to_supply: str) -> bool:
        """`line` is missing or incorrect; `how_to_supply` goes on the one-time notice."""
        if status not in LACKING:
            raise ValueError(f"not a lacking status: {status}")
        if not self._holds(line):
            return False
        status = LineStatus(status)
        line.status, line.pdf, line.pages, line.material, line.licence = status, None, 0, None, None
        line.how_to_supply = how_to_supply
        self._changed(line)
        return True

    def _holds(self, line: MaterialLine) -> bool:
        return any(line is mine for mine in self.lines)

    # -- what the case makes of them ---------------------------------------------------------------
    def statuses(self) -> list[tuple[bool, bool, MaterialStatus]]:
        """(required, key, status) per line, for hallapp.domain.cases.allowed_decisions."""
        return [(m.line.required, m.line.key, m.decided_status) for m in self.lines]

    def allowed_decisions(self) -> list[Decision]:
        return allowed_decisions(self.statuses()) if self.lines else []

    def still_missing(self) -> list[str]:
        """Names of the required materials not captured (pending, missing or incorrect)."""
        return [m.line.name for m in self.lines if m.line.required and m.status != LineStatus.CAPTURED]

    def open_required(self) -> list[str]:
        """Names of the required materials nobody has looked at yet."""
        return [m.line.name for m in self.lines if m.line.required and m.status == LineStatus.PENDING]

    def inputs(self) -> list[MaterialInput]:
        """The lines as the case is saved (hallapp.services.cases.submit_intake)."""
        return [MaterialInput(m.line.position, m.decided_status, m.pdf, m.pages, m.how_to_supply) for m in self.lines]
