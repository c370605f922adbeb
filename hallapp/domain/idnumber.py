"""Citizen ID numbers (GB 11643): 6-digit region + YYYYMMDD + 3-digit sequence + check character.

The same layout and check rule apply to Hong Kong/Macao/Taiwan residence permits (810000,
820000, 830000 prefixes).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from hallapp.domain import regions
from hallapp.domain.clock import hall_clock

WEIGHTS: tuple[int, ...] = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"

# Stable problem codes, in reporting order.
PROBLEM_FORMAT = "format"
PROBLEM_CHECKSUM = "checksum"
PROBLEM_BIRTH_DATE = "birth_date"
PROBLEM_PROVINCE = "province"

PROBLEM_MESSAGES: dict[str, str] = {
    PROBLEM_FORMAT: "格式错误：应为18位",
    PROBLEM_CHECKSUM: "校验位错误",
    PROBLEM_BIRTH_DATE: "出生日期无效",
    PROBLEM_PROVINCE: "省份代码无效",
}

MIN_BIRTH_YEAR = 1900

_FORMAT_RE = re.compile(r"[0-9]{17}[0-9X]")
_DIGITS17_RE = re.compile(r"[0-9]{17}")


@dataclass(frozen=True)
class IdNumberCheck:
    """Result of validate_id_number; derived fields are None when the format is wrong."""

    number: str
    valid: bool
    problems: tuple[str, ...]
    region_code: str | None = None
    province_code: str | None = None
    province_name: str | None = None
    county_status: regions.CountyStatus | None = None
    birth_date: date | None = None
    sex_code: str | None = None

    @property
    def messages(self) -> tuple[str, ...]:
        """Problems as Chinese messages for display."""
        return tuple(PROBLEM_MESSAGES[p] for p in self.problems)


def normalize_id_number(text: str) -> str:
    """Strip, fold full-width characters (NFKC) and upper-case the x."""
    return unicodedata.normalize("NFKC", text).strip().upper()


def check_character(first17: str) -> str:
    """The 18th character for 17 digits (Σ digit×weight mod 11, indexed into "10X98765432")."""
    if not _DIGITS17_RE.fullmatch(first17):
        raise ValueError(f"expected 17 digits, got {first17!r}")
    total = sum(
        int(digit) * weight for digit, weight in zip(first17, WEIGHTS, strict=True)
    )
    return CHECK_CHARS[total % 11]


def _birth_date(number: str, today: date) -> date | None:
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None
    if born.year < MIN_BIRTH_YEAR or born > today:
        return None
    return born


def validate_id_number(text: str, today: date | None = None) -> IdNumberCheck:
    """Check format, check character, birth date and province prefix of an ID number.

    A county code missing from today's list is not a problem (see ``county_status``).
    """
    number = normalize_id_number(text)
    if not _FORMAT_RE.fullmatch(number):
        return IdNumberCheck(number=number, valid=False, problems=(PROBLEM_FORMAT,))

    problems: list[str] = []
    if check_character(number[:17]) != number[17]:
        problems.append(PROBLEM_CHECKSUM)
    born = _birth_date(number, today or hall_clock().today())
    if born is None:
        problems.append(PROBLEM_BIRTH_DATE)
    table = regions.default_regions()
    province_code = table.home_province(number)
    if province_code is None:
        problems.append(PROBLEM_PROVINCE)

    return IdNumberCheck(
        number=number,
        valid=not problems,
        problems=tuple(problems),
        region_code=number[:6],
        province_code=province_code,
        province_name=table.province(province_code) if province_code else None,
        county_status=table.county_status(number[:6]),
        birth_date=born,
        sex_code="1" if int(number[16]) % 2 else "2",
    )


def mask_id_number(number: str) -> str:
    """Keep the first 4 and last 4 characters (e.g. "5101**********059X").

    Shorter than 9 characters: only the last 2 stay visible (nothing if 2 or fewer).
    """
    text = normalize_id_number(number)
    if len(text) >= 9:
        return text[:4] + "*" * (len(text) - 8) + text[-4:]
    if len(text) <= 2:
        return "*" * len(text)
    return "*" * (len(text) - 2) + text[-2:]


def make_id_number(region6: str, birth: date, seq3: int) -> str:
    """Build a number with a correct check character (odd ``seq3`` = male)."""
    if not re.fullmatch(r"[0-9]{6}", region6):
        raise ValueError(f"region code must be 6 digits: {region6!r}")
    if not 0 <= seq3 <= 999:
        raise ValueError(f"sequence must be 0..999: {seq3}")
    first17 = f"{region6}{birth.year:04d}{birth.month:02d}{birth.day:02d}{seq3:03d}"
    return first17 + check_character(first17)
