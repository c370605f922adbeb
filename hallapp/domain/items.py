"""Service items (事项) and their checklists: the shape of catalog data and its rules."""

from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# GB/T 39046 table A.1
ITEM_TYPES = {
    "01": "行政许可",
    "02": "行政处罚",
    "03": "行政强制",
    "04": "行政征收",
    "05": "行政给付",
    "06": "行政检查",
    "07": "行政确认",
    "08": "行政奖励",
    "09": "行政裁决",
    "10": "其他行政权力",
    "20": "公共服务",
}

_BASIC_CODE = re.compile(r"^(?P<prefix>[0-9A-Z]{2})(?P<type>\d{2})(?P<main>[0-9A-Z]{5})(?P<sub>[0-9]{3}|00Y)$")


class CaseType(StrEnum):
    INSTANT = "instant"  # 即办件, GB/T 39046 case type 1
    PROMISED = "promised"  # 承诺件, case type 2


class ProcessingMode(StrEnum):
    ONLINE = "online"  # 全程网办
    REMOTE = "remote"  # 异地代收代办
    JOINT = "joint"  # 多地联办


class MaterialForm(StrEnum):
    ORIGINAL = "original"
    COPY = "copy"
    ELECTRONIC = "electronic"


def item_code_problem(code: str) -> str | None:
    """Why a GB/T 39554.1 code is malformed, or None.

    Accepts a 12-character basic code, a 31-character implementation code (18-character credit
    code + level digit 1–7 + basic code) and a 33-character handling-item code (+ 2 digits). Real
    systems vary, so structure is checked, not one length.
    """
    if len(code) > 36:
        return "longer than 36 characters"
    if len(code) == 12:
        basic = code
    elif len(code) in (31, 33):
        if code[18] not in "1234567":
            return f"level digit '{code[18]}' is not 1–7"
        if len(code) == 33 and not code[31:].isdigit():
            return "handling-item suffix must be 2 digits"
        basic = code[19:31]
    else:
        return f"length {len(code)}: expected 12 (basic), 31 (implementation) or 33 (handling item)"
    match = _BASIC_CODE.match(basic)
    if not match:
        return "basic code must be 2 prefix + 2 type digits + 5 main + 3 sub (000, 00Y or 001–999)"
    if match["type"] not in ITEM_TYPES:
        return f"item type '{match['type']}' is not a GB/T 39046 A.1 code"
    return None


def basic_code(code: str) -> str:
    """The 12-character basic code inside a basic, implementation or handling-item code."""
    return code if len(code) == 12 else code[19:31]


class MaterialSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, max_length=120)
    required: bool
    key: bool
    form: MaterialForm
    copies: int = Field(1, ge=0, le=99)
    note: str = Field("", max_length=200)

    @property
    def may_be_deferred(self) -> bool:
        """A non-key material may be missing at acceptance under a signed commitment (容缺)."""
        return not self.key


class ItemSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str
    name: str = Field(min_length=1, max_length=120)
    aliases: list[str] = Field(default_factory=list, max_length=10)
    department: str = Field(min_length=1, max_length=120)
    item_type: str
    processing_modes: list[ProcessingMode] = Field(min_length=1)
    case_type: CaseType
    promised_days: int = Field(ge=0, le=365)
    # Bounds of the database columns (Numeric(10, 2), a year): a larger number is a typing error.
    fee: Decimal = Field(Decimal(0), ge=0, le=Decimal("99999999.99"), decimal_places=2)
    batch: int | None = Field(None, ge=1949, le=2200)
    sample_checklist: bool = False
    materials: list[MaterialSpec] = Field(min_length=1)

    @field_validator("code")
    @classmethod
    def _code_structure(cls, value: str) -> str:
        problem = item_code_problem(value)
        if problem:
            raise ValueError(problem)
        return value

    @field_validator("item_type")
    @classmethod
    def _item_type(cls, value: str) -> str:
        if value not in ITEM_TYPES:
            raise ValueError(f"must be one of {', '.join(ITEM_TYPES)}")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> ItemSpec:
        if self.case_type is CaseType.PROMISED and self.promised_days == 0:
            raise ValueError("a promised case (承诺件) needs promised_days > 0")
        if self.case_type is CaseType.INSTANT and self.promised_days != 0:
            raise ValueError("an instant case (即办件) has promised_days 0")
        if self.item_type != basic_code(self.code)[2:4]:
            raise ValueError(f"item_type {self.item_type} differs from the code's type digits")
        for material in self.materials:
            if material.key and not material.required:
                raise ValueError(f"material '{material.name}' is key but optional: a key material is required")
        names = [m.name for m in self.materials]
        if len(names) != len(set(names)):
            raise ValueError("a material name appears twice in the checklist")
        return self
