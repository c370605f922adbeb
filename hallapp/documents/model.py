"""What the documents render from: plain frozen values, filled in by the caller (no storage here).

Identity numbers arrive already masked (``hallapp.domain.idnumber.mask_id_number``): a document
never sees a full ID number, so no PDF, print spool or temp file can leak one. The model refuses
a value that looks unmasked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

CaseKind = Literal["instant", "promised"]  # 即办件, 承诺件
Delivery = Literal["mail", "window"]
MaterialForm = Literal["original", "copy", "electronic"]
# captured: received; missing: absent (notice); incorrect: needs correcting (notice);
# gap: absent but deferred under a signed commitment (容缺受理).
MaterialStatus = Literal["captured", "missing", "incorrect", "gap"]

_FORMS = ("original", "copy", "electronic")
_STATUSES = ("captured", "missing", "incorrect", "gap")


def _require_masked(value: str, what: str) -> None:
    """Refuse a number that shows more than a masked one would (no '*' and 9+ characters)."""
    if len(value) >= 9 and "*" not in value:
        raise ValueError(f"{what} must be masked before it reaches a document (use mask_id_number)")


@dataclass(frozen=True)
class HallHeader:
    name: str
    phone: str = ""
    address: str = ""
    supervision_phone: str = ""  # 监督电话; empty = documents name the 12345 hotline only


@dataclass(frozen=True)
class MaterialLine:
    name: str
    form: MaterialForm = "original"
    pages: int = 0
    status: MaterialStatus = "captured"
    how_to_supply: str = ""
    due_date: date | None = None
    source: str = "window"  # window (captured at the counter) | licence (电子证照 from the platform)
    issuer: str = ""  # of a licence: the issuing authority, as the platform supplied it
    licence_number: str = ""  # of a licence: its number (the applicant's own document, not an ID number)

    def __post_init__(self) -> None:
        if self.form not in _FORMS:
            raise ValueError(f"material form must be one of {_FORMS}, got {self.form!r}")
        if self.status not in _STATUSES:
            raise ValueError(f"material status must be one of {_STATUSES}, got {self.status!r}")
        if self.pages < 0:
            raise ValueError(f"pages cannot be negative: {self.pages}")
        if self.source not in ("window", "licence"):
            raise ValueError(f"material source must be window or licence, got {self.source!r}")


@dataclass(frozen=True)
class CaseDocument:
    """One case as every document shows it. ID numbers are masked; ``status_url`` is final ("" = none).

    ``promised_date`` is None for a case that was not accepted (一次性告知) and for an instant case;
    only the receipt of a promised case (承诺件) needs it.
    """

    case_number: str
    hall: HallHeader
    counter_number: int
    clerk_name: str
    applicant_name: str
    applicant_id_masked: str
    item_name: str
    handling_place: str
    accepted_at: datetime  # as the hall's clocks showed it (hall-local): printed as is
    status_url: str
    item_code: str = ""
    agent_name: str = ""
    agent_id_masked: str = ""
    case_type: CaseKind = "promised"
    promised_date: date | None = None
    delivery: Delivery = "window"
    delivery_address: str = ""
    materials: tuple[MaterialLine, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        object.__setattr__(self, "materials", tuple(self.materials))
        _require_masked(self.applicant_id_masked, "applicant_id_masked")
        _require_masked(self.agent_id_masked, "agent_id_masked")
        if self.delivery == "mail" and not self.delivery_address.strip():
            raise ValueError("delivery by mail needs delivery_address")

    def materials_with(self, *statuses: MaterialStatus) -> list[MaterialLine]:
        return [m for m in self.materials if m.status in statuses]

