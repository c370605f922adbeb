"""Electronic licences (电子证照) the platform can supply in place of a paper material.

Which checklist materials can come this way is data: `LICENCE_TYPES` maps a licence type code (the
contract's `licence_type`, docs/platform-api.md "Shared licences") to the material names it stands
for. A checklist line whose name is exactly one of them can be fetched by the applicant's ID number;
a line such as 配偶居民户口簿 (the spouse's booklet, not the applicant's) is deliberately not matched.
"""

from __future__ import annotations

from dataclasses import dataclass

from hallapp.domain.errors import CodedError, register

SOURCE_WINDOW = "window"  # scanned or imported at the counter
SOURCE_LICENCE = "licence"  # 电子证照 fetched from the platform with the applicant's consent


@dataclass(frozen=True)
class LicenceType:
    code: str
    name: str  # the licence's Chinese name, as the platform and the receipt print it
    materials: tuple[str, ...]  # checklist material names it stands for


LICENCE_TYPES: tuple[LicenceType, ...] = (
    LicenceType("hukou", "居民户口簿", ("居民户口簿", "户口簿", "户口本")),
    LicenceType("marriage", "结婚证", ("结婚证",)),
    LicenceType("social_insurance", "社会保险参保缴费证明", ("社保参保证明", "参保缴费凭证", "参保证明",
                                                      "社会保险参保缴费证明")),
    LicenceType("birth", "出生医学证明", ("出生医学证明",)),
    LicenceType("degree", "学历证书", ("毕业证书", "学历证书")),
)
BY_CODE = {t.code: t for t in LICENCE_TYPES}


register({
    "licence.no_consent": "The applicant did not consent: nothing was fetched. Scan the paper instead.",
    "licence.not_for_material": "This material cannot be fetched as an electronic licence: scan it.",
    "licence.no_holder_number": "A licence is fetched by the applicant's ID number: read the card first.",
    "licence.offline": "The platform cannot be reached now: scan the paper instead.",
    "licence.not_set_up": "This PC is not set up to fetch licences from the platform (not registered): scan the "
                          "paper instead, and tell the technician.",
    "licence.untrusted": "The platform's certificate is not trusted by this PC, so nothing was sent: scan the "
                         "paper instead, and tell the technician.",
    "licence.not_found": "The platform holds no such licence for this applicant: scan the paper instead.",
    "licence.refused": "The platform refused the request: scan the paper instead; if this repeats, tell the "
                       "technician.",
    "licence.bad_answer": "The platform's answer was not a usable licence: scan the paper instead.",
})


class LicenceError(CodedError):
    """A refused or failed licence fetch (codes registered above, worded in ui/refusals.py). No params:
    the cause's kind goes to the log, never a person or a number."""


def licence_for(material_name: str) -> LicenceType | None:
    """The licence type that can stand for a checklist material of this name, if any."""
    name = material_name.strip()
    return next((t for t in LICENCE_TYPES if name in t.materials), None)
