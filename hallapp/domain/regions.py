"""Administrative division codes (GB/T 2260 style) and the cross-province rule.

An ID number's first six digits are the county code at the time of issue. Counties are merged
and renamed, so only the province prefix is checked strictly: an unknown county under a known
province is "not_in_current_list", never invalid. Hong Kong, Macao and Taiwan residence permits
use the prefixes 810000, 820000 and 830000 (830000 belongs to province 71, Taiwan).
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from hallapp.resources import resource_path

CountyStatus = Literal["current", "not_in_current_list", "invalid_province"]

# Provinces missing from the statistical edition (it covers the mainland only).
EXTRA_PROVINCES: dict[str, str] = {
    "71": "台湾省",
    "81": "香港特别行政区",
    "82": "澳门特别行政区",
}

# Residence-permit prefix -> province code.
PERMIT_PREFIXES: dict[str, str] = {"810000": "81", "820000": "82", "830000": "71"}

# Province-code aliases used by ID numbers: "83" only appears in Taiwan permits.
_PROVINCE_ALIASES: dict[str, str] = {"83": "71"}

# Placeholder prefecture names that are left out of full names.
_PLACEHOLDER_CITIES = frozenset(
    {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
)


@dataclass(frozen=True)
class Region:
    """A county-level region (or a residence-permit prefix)."""

    code: str
    name: str
    city_name: str
    province_code: str
    province_name: str

    @property
    def full_name(self) -> str:
        """E.g. "四川省成都市锦江区", "北京市东城区", "广东省东莞市"."""
        parts = [self.province_name]
        if self.city_name and self.city_name not in _PLACEHOLDER_CITIES:
            parts.append(self.city_name)
        parts.append(self.name)
        out: list[str] = []
        for part in parts:
            if part and (not out or out[-1] != part):
                out.append(part)
        return "".join(out)


def _digits(text: str, length: int) -> str | None:
    """The first ``length`` characters if they are ASCII digits, else None."""
    head = text.strip()[:length]
    return head if len(head) == length and head.isascii() and head.isdigit() else None


class RegionTable:
    """Province, prefecture and county names by code."""

    def __init__(
        self,
        provinces: Mapping[str, str],
        cities: Mapping[str, str],
        areas: Mapping[str, str],
    ) -> None:
        self._provinces = dict(provinces)
        for code, name in EXTRA_PROVINCES.items():
            self._provinces.setdefault(code, name)
        self._cities = dict(cities)
        self._areas = dict(areas)

    @classmethod
    def from_directory(cls, directory: Path) -> RegionTable:
        """Load provinces.csv, cities.csv and areas.csv from ``directory``."""

        def read(name: str) -> dict[str, str]:
            with open(directory / name, encoding="utf-8-sig", newline="") as handle:
                return {
                    row["code"].strip(): row["name"].strip()
                    for row in csv.DictReader(handle)
                }

        return cls(read("provinces.csv"), read("cities.csv"), read("areas.csv"))

    def __len__(self) -> int:
        return len(self._areas)

    def provinces(self) -> dict[str, str]:
        """All province codes and names, sorted by code."""
        return dict(sorted(self._provinces.items()))

    def province(self, code2: str) -> str | None:
        """Province name for a code (only the first two digits are used)."""
        code = _digits(code2, 2)
        if code is None:
            return None
        return self._provinces.get(_PROVINCE_ALIASES.get(code, code))

    def prefectures_of(self, code2: str) -> dict[str, str]:
        """Prefecture codes and names of a province, for the handling-place choice."""
        return {c: n for c, n in sorted(self._cities.items()) if c[:2] == code2}

    def counties_of(self, code4: str) -> dict[str, str]:
        """County codes and names of a prefecture."""
        return {c: n for c, n in sorted(self._areas.items()) if c[:4] == code4}

    def prefecture(self, code4: str) -> str | None:
        """Prefecture name as listed (may be a placeholder such as "市辖区"); first four digits used."""
        code = _digits(code4, 4)
        return self._cities.get(code) if code else None

    def lookup(self, code6: str) -> Region | None:
        """The county-level region, or None if the code is not in the current list."""
        code = _digits(code6, 6)
        if code is None:
            return None
        if code in PERMIT_PREFIXES:
            province_code = PERMIT_PREFIXES[code]
            province = self._provinces[province_code]
            return Region(code, province, "", province_code, province)
        name = self._areas.get(code)
        province_name = self._provinces.get(code[:2])
        if name is None or province_name is None:
            return None
        return Region(
            code, name, self._cities.get(code[:4], ""), code[:2], province_name
        )

    def home_province(self, region_or_id_number: str) -> str | None:
        """Two-digit province code of a region code or ID number; None if the province is unknown."""
        code = _digits(region_or_id_number, 2)
        if code is None:
            return None
        code = _PROVINCE_ALIASES.get(code, code)
        return code if code in self._provinces else None

    def county_status(self, code6: str) -> CountyStatus:
        """Whether a 6-digit code is in today's list; unknown counties of known provinces are not invalid."""
        code = _digits(code6, 6)
        if code is None or len(code6.strip()) != 6:
            raise ValueError(f"not a 6-digit region code: {code6!r}")
        if self.home_province(code) is None:
            return "invalid_province"
        return "current" if self.lookup(code) is not None else "not_in_current_list"

    def is_cross_province(
        self, applicant_region_code: str, hall_region_code: str
    ) -> bool:
        """True when the applicant's province differs from the hall's (always for HK/MO/TW permits).

        Both arguments may be region codes or ID numbers.
        """
        if is_permit_number(applicant_region_code):
            return True
        applicant = _digits(applicant_region_code, 2)
        hall = _digits(hall_region_code, 2)
        if applicant is None or hall is None:
            raise ValueError(
                f"region codes must start with two digits: {applicant_region_code!r}, {hall_region_code!r}"
            )
        return _PROVINCE_ALIASES.get(applicant, applicant) != _PROVINCE_ALIASES.get(
            hall, hall
        )


def is_permit_number(region_or_id_number: str) -> bool:
    """True if the code or number starts with a HK/Macao/Taiwan residence-permit prefix."""
    return _digits(region_or_id_number, 6) in PERMIT_PREFIXES


@functools.cache
def default_regions() -> RegionTable:
    """The table shipped in resources/regions (loaded once)."""
    return RegionTable.from_directory(resource_path("regions"))


def province(code2: str) -> str | None:
    """Province name from the default table."""
    return default_regions().province(code2)


def lookup(code6: str) -> Region | None:
    """County-level region from the default table."""
    return default_regions().lookup(code6)


def prefecture(code4: str) -> str | None:
    """Prefecture name from the default table."""
    return default_regions().prefecture(code4)


def home_province(region_or_id_number: str) -> str | None:
    """Two-digit province code (default table); None if the province is unknown."""
    return default_regions().home_province(region_or_id_number)


def county_status(code6: str) -> CountyStatus:
    """County status against the default table."""
    return default_regions().county_status(code6)


def is_cross_province(applicant_region_code: str, hall_region_code: str) -> bool:
    """True when the applicant's province differs from the hall's (always for HK/MO/TW permits)."""
    return default_regions().is_cross_province(applicant_region_code, hall_region_code)


_SHORT_SUFFIXES = ("壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "省", "市")


def province_short_name(code2: str) -> str | None:
    """The everyday short name of a province (四川, 内蒙古, 香港) for badges and JSON."""
    name = province(code2)
    if name is None:
        return None
    for suffix in _SHORT_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name
