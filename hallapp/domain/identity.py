"""An applicant's verified identity, from a card or typed by hand, and what a clerk must notice
about it: expired card, bad check digit, cross-province applicant.

Plain data only: card readers deliver raw fields (drivers/idcard), this module gives them meaning.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from hallapp.domain import codes, regions
from hallapp.domain.idnumber import IdNumberCheck, mask_id_number, validate_id_number

LONG_TERM = "长期"


class CardType(StrEnum):
    RESIDENT = "resident"  # 居民身份证
    FOREIGN_PERMANENT_RESIDENT = "foreign_permanent_resident"  # 外国人永久居留身份证
    HMT_RESIDENCE_PERMIT = "hmt_residence_permit"  # 港澳台居民居住证


class Badge(StrEnum):
    CROSS_PROVINCE = "cross_province"  # 跨省
    EXPIRED = "expired"  # 已过期
    INVALID_CHECK_DIGIT = "invalid_check_digit"  # 校验位错误
    NOT_YET_VALID = "not_yet_valid"
    MANUAL = "manual"  # 手工录入


# GA/T 2000.156 certificate type codes used in platform records.
CERTIFICATE_TYPES = {
    CardType.RESIDENT: "111",
    CardType.FOREIGN_PERMANENT_RESIDENT: "553",
    CardType.HMT_RESIDENCE_PERMIT: "516",
}


def parse_card_date(text: str) -> date | None:
    """YYYYMMDD → date; None for empty, 长期 or anything malformed."""
    text = text.strip()
    if len(text) != 8 or not text.isdigit():
        return None
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None


@dataclass(frozen=True)
class Identity:
    card_type: CardType
    name: str
    sex_code: str
    birth_date: date | None
    issuer: str
    valid_from: date | None
    valid_to: date | None  # None with long_term = 长期
    long_term: bool
    today: date
    source: str = "card"  # card | manual
    nation_code: str = ""
    address: str = ""
    id_number: str = ""
    photo_wlt: bytes = field(default=b"", repr=False)
    permit_number: str = ""
    issue_count: str = ""
    name_en: str = ""
    card_number: str = ""
    nationality: str = ""

    def __repr__(self) -> str:  # never print a full ID number or a name into a log by accident
        return f"Identity({self.card_type.value}, {self.masked_number})"

    @property
    def id_check(self) -> IdNumberCheck | None:
        return validate_id_number(self.id_number, today=self.today) if self.id_number else None

    @property
    def id_number_valid(self) -> bool:
        check = self.id_check
        return bool(check and check.valid)

    @property
    def masked_number(self) -> str:
        return mask_id_number(self.id_number or self.card_number)

    @property
    def sex(self) -> str:
        return codes.sex_label(self.sex_code) or ""

    @property
    def nation(self) -> str:
        return codes.nation_label(self.nation_code) or "" if self.nation_code else ""

    @property
    def expired(self) -> bool:
        return not self.long_term and self.valid_to is not None and self.valid_to < self.today

    @property
    def home_province_code(self) -> str | None:
        return regions.home_province(self.id_number) if self.id_number else None

    @property
    def home_province(self) -> str:
        code = self.home_province_code
        return (regions.province_short_name(code) or "") if code else ""

    @property
    def certificate_type(self) -> str:
        return CERTIFICATE_TYPES[self.card_type]

    def is_cross_province(self, hall_region_code: str) -> bool:
        if self.card_type is not CardType.RESIDENT:
            return True  # permits and foreign cards are never "local" to a mainland province
        code = self.home_province_code
        return code is not None and regions.is_cross_province(code + "0000", hall_region_code)

    def badges(self, hall_region_code: str) -> list[Badge]:
        out = []
        if self.is_cross_province(hall_region_code):
            out.append(Badge.CROSS_PROVINCE)
        if self.expired:
            out.append(Badge.EXPIRED)
        if self.valid_from and self.valid_from > self.today:
            out.append(Badge.NOT_YET_VALID)
        if self.id_number and not self.id_number_valid:
            out.append(Badge.INVALID_CHECK_DIGIT)
        if self.source == "manual":
            out.append(Badge.MANUAL)
        return out

    def photo_sha256(self) -> str:
        return hashlib.sha256(self.photo_wlt).hexdigest() if self.photo_wlt else ""

    def to_json(self) -> dict[str, Any]:
        """The JSON object of `hallapp card read|decode` (keys fixed by the CLI contract)."""
        out: dict[str, Any] = {
            "card_type": self.card_type.value,
            "name": self.name,
            "sex_code": self.sex_code,
            "sex": self.sex,
            "birth_date": self.birth_date.isoformat() if self.birth_date else None,
            "issuer": self.issuer,
            "valid_from": self.valid_from.isoformat() if self.valid_from else None,
            "valid_to": LONG_TERM if self.long_term else (self.valid_to.isoformat() if self.valid_to else None),
            "expired": self.expired,
            "photo_wlt_sha256": self.photo_sha256(),
        }
        if self.card_type is CardType.FOREIGN_PERMANENT_RESIDENT:
            out.update(name_en=self.name_en, card_number=self.card_number, nationality=self.nationality)
            return out
        out.update(address=self.address, id_number=self.id_number, id_number_valid=self.id_number_valid,
                   home_province=self.home_province)
        if self.card_type is CardType.RESIDENT:
            out.update(nation_code=self.nation_code, nation=self.nation)
        else:
            out.update(permit_number=self.permit_number, issue_count=self.issue_count)
        return out


def identity_from_fields(fields: Mapping[str, str], photo_wlt: bytes, today: date, source: str = "card") -> Identity:
    """Build an Identity from raw text fields as a card reader delivers them (YYYYMMDD dates, 长期)."""
    card_type = CardType(fields.get("card_type", "resident"))
    valid_to_text = fields.get("valid_to", "").strip()
    return Identity(
        card_type=card_type,
        name=fields.get("name", "").strip() or fields.get("name_en", "").strip(),
        sex_code=codes.normalize_sex_code(fields.get("sex_code", "")) or fields.get("sex_code", ""),
        birth_date=parse_card_date(fields.get("birth", "")),
        # A foreign permanent residence card names its issuer by an authority code.
        issuer=fields.get("issuer", "").strip() or fields.get("authority_code", "").strip(),
        valid_from=parse_card_date(fields.get("valid_from", "")),
        valid_to=parse_card_date(valid_to_text),
        long_term=valid_to_text == LONG_TERM,
        today=today,
        source=source,
        nation_code=(codes.normalize_nation_code(fields.get("nation_code", "")) or "")
        if card_type is CardType.RESIDENT else "",
        address=fields.get("address", "").strip(),
        id_number=fields.get("id_number", "").strip().upper(),
        photo_wlt=photo_wlt,
        permit_number=fields.get("permit_number", "").strip(),
        issue_count=fields.get("issue_count", "").strip(),
        name_en=fields.get("name_en", "").strip(),
        card_number=fields.get("card_number", "").strip(),
        nationality=fields.get("nationality", "").strip(),
    )


class ManualEntryError(ValueError):
    """Refused manual entry: `problems` maps each field to what is wrong with it (Chinese)."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("；".join(problems.values()))
        self.problems = problems


def manual_identity(*, name: str, id_number: str, today: date, nation_code: str = "01", address: str = "",
                    issuer: str = "", valid_to: date | None = None, long_term: bool = False) -> Identity:
    """An applicant whose card cannot be read, typed by the clerk, with the card's own checks.

    Birth date and sex come from the ID number, so they cannot contradict it.
    """
    problems: dict[str, str] = {}
    name = " ".join(name.split())
    if not name:
        problems["name"] = "请填写姓名"
    elif len(name) > 60:
        problems["name"] = "姓名过长"
    check = validate_id_number(id_number, today=today)
    if not check.valid:
        problems["id_number"] = "证件号码" + "、".join(check.messages)
    if codes.nation_label(nation_code) is None:
        problems["nation_code"] = "民族代码无效"
    if not long_term and valid_to is None:
        problems["valid_to"] = "请填写有效期，或选择长期"
    if problems:
        raise ManualEntryError(problems)
    return Identity(
        card_type=CardType.RESIDENT, name=name, sex_code=check.sex_code or "", birth_date=check.birth_date,
        issuer=issuer.strip(), valid_from=None, valid_to=None if long_term else valid_to, long_term=long_term,
        today=today, source="manual", nation_code=codes.normalize_nation_code(nation_code) or "",
        address=address.strip(), id_number=check.number,
    )
