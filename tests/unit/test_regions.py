"""Region lookups, the cross-province rule, resource lookup, and sex/nation codes."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hallapp.domain.codes import (
    NATION_CODES,
    nation_code_from_label,
    nation_label,
    sex_label,
)
from hallapp.domain.idnumber import make_id_number
from hallapp.domain.regions import (
    Region,
    RegionTable,
    county_status,
    default_regions,
    home_province,
    is_cross_province,
    lookup,
    prefecture,
    province,
)
from hallapp.resources import resource_path

REGIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "regions"


def _area_rows() -> list[dict[str, str]]:
    with open(REGIONS_DIR / "areas.csv", encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


# --- provinces and lookups -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("11", "北京市"),
        ("51", "四川省"),
        ("65", "新疆维吾尔自治区"),
        ("71", "台湾省"),
        ("81", "香港特别行政区"),
        ("82", "澳门特别行政区"),
    ],
)
def test_province_names(code: str, name: str) -> None:
    assert province(code) == name


@pytest.mark.parametrize("code", ["99", "10", "00", "5", "ab", ""])
def test_unknown_province(code: str) -> None:
    assert province(code) is None


def test_all_34_province_level_codes_known() -> None:
    assert len(default_regions().provinces()) == 34


def test_lookup_county() -> None:
    region = lookup("510104")
    assert region == Region("510104", "锦江区", "成都市", "51", "四川省")
    assert region is not None and region.full_name == "四川省成都市锦江区"


@pytest.mark.parametrize(
    ("code", "full_name"),
    [
        ("510104", "四川省成都市锦江区"),
        ("110105", "北京市朝阳区"),  # prefecture "市辖区" skipped
        ("500229", "重庆市城口县"),  # prefecture "县" skipped
        ("419001", "河南省济源市"),  # "省直辖县级行政区划" skipped
        ("441900", "广东省东莞市"),  # county named like its prefecture: not doubled
        ("810000", "香港特别行政区"),
        ("830000", "台湾省"),
    ],
)
def test_full_names(code: str, full_name: str) -> None:
    region = lookup(code)
    assert region is not None
    assert region.full_name == full_name


@pytest.mark.parametrize("code", ["510122", "519999", "990101", "5101", "51010a", ""])
def test_lookup_misses(code: str) -> None:
    assert lookup(code) is None


def test_every_listed_county_resolves() -> None:
    rows = _area_rows()
    assert len(rows) == len(default_regions()) > 2900
    for row in rows:
        region = lookup(row["code"])
        assert region is not None, row
        assert region.name == row["name"]
        assert region.full_name.startswith(region.province_name)
        assert region.full_name.endswith(region.name)
        assert "市辖区" not in region.full_name or region.name == "市辖区"


def test_prefecture() -> None:
    assert prefecture("5101") == "成都市"
    assert prefecture("510104") == "成都市"
    assert prefecture("1101") == "市辖区"
    assert prefecture("5199") is None


# --- home province, county status, cross-province --------------------------------------------


def test_home_province() -> None:
    assert home_province("510104") == "51"
    assert home_province("11010519491231002X") == "11"
    assert home_province("830000197003150220") == "71"
    assert home_province("810000198507010118") == "81"
    assert home_province("990101") is None
    assert home_province("") is None


def test_county_status() -> None:
    assert county_status("510104") == "current"
    assert county_status("510122") == "not_in_current_list"  # retired 双流县
    assert county_status("519999") == "not_in_current_list"
    assert county_status("990101") == "invalid_province"
    assert county_status("820000") == "current"


@pytest.mark.parametrize("code", ["51010", "5101044", "abcdef", ""])
def test_county_status_rejects_malformed_code(code: str) -> None:
    with pytest.raises(ValueError):
        county_status(code)


@given(
    st.sampled_from(sorted(set(default_regions().provinces()))), st.integers(0, 9999)
)
def test_unknown_county_under_known_province_is_never_invalid(
    prov: str, rest: int
) -> None:
    assert county_status(f"{prov}{rest:04d}") != "invalid_province"


def test_cross_province_flag() -> None:
    assert is_cross_province("110105", "510104") is True
    assert is_cross_province("510107", "510104") is False
    # A retired county code is still in the same province.
    assert is_cross_province("510122", "510104") is False
    assert is_cross_province("500103", "510104") is True  # Chongqing is not Sichuan


def test_cross_province_accepts_id_numbers() -> None:
    applicant = make_id_number("110105", date(1980, 1, 1), 11)
    assert is_cross_province(applicant, "510104")
    assert not is_cross_province(
        make_id_number("510107", date(1980, 1, 1), 11), "510104"
    )


@pytest.mark.parametrize("hall", ["510104", "440305", "110105"])
@pytest.mark.parametrize(
    "permit", ["810000198507010118", "820000199912201010", "830000197003150220"]
)
def test_hk_macao_taiwan_permits_always_cross_province(permit: str, hall: str) -> None:
    assert is_cross_province(permit, hall)
    assert is_cross_province(permit[:6], hall)


def test_cross_province_rejects_garbage() -> None:
    with pytest.raises(ValueError):
        is_cross_province("", "510104")


def test_table_adds_hk_macao_taiwan_when_csv_lacks_them() -> None:
    table = RegionTable({"51": "四川省"}, {"5101": "成都市"}, {"510104": "锦江区"})
    assert table.province("81") == "香港特别行政区"
    assert table.province("71") == "台湾省"
    lookup_810000 = table.lookup("810000")
    assert lookup_810000 is not None and lookup_810000.province_code == "81"
    assert table.county_status("510107") == "not_in_current_list"


# --- resources --------------------------------------------------------------------------------


def test_resource_path_finds_region_files() -> None:
    for name in (
        "provinces.csv",
        "cities.csv",
        "areas.csv",
        "HK-MO-TW.json",
        "README.md",
    ):
        assert resource_path("regions", name).is_file()
    assert "modood/Administrative-divisions-of-China" in resource_path(
        "regions", "README.md"
    ).read_text(encoding="utf-8")


def test_resource_path_override(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "regions").mkdir()
    (tmp_path / "regions" / "areas.csv").write_text("code,name,cityCode,provinceCode\n")
    monkeypatch.setenv("HALLAPP_RESOURCES", str(tmp_path))
    assert resource_path("regions", "areas.csv") == tmp_path / "regions" / "areas.csv"
    # Files the override lacks still come from the shipped folder.
    assert resource_path("regions", "cities.csv") == REGIONS_DIR / "cities.csv"


def test_resource_path_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HALLAPP_RESOURCES", str(tmp_path))
    with pytest.raises(FileNotFoundError, match="no-such-file.txt"):
        resource_path("regions", "no-such-file.txt")
    with pytest.raises(ValueError):
        resource_path("..", "pyproject.toml")


# --- sex and nation codes ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("0", "未知"),
        ("1", "男"),
        ("01", "男"),
        (1, "男"),
        ("2", "女"),
        ("9", "未说明"),
        (" 2 ", "女"),
        ("3", None),
        ("", None),
        ("x", None),
        (None, None),
    ],
)
def test_sex_label(code: str | int | None, label: str | None) -> None:
    assert sex_label(code) == label


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("01", "汉族"),
        ("1", "汉族"),
        (1, "汉族"),
        ("03", "回族"),
        ("15", "土家族"),
        ("30", "土族"),
        ("56", "基诺族"),
        ("97", "其他"),
        ("98", "外国血统中国籍人士"),
        ("00", None),
        ("57", None),
        ("99", None),
        ("abc", None),
        ("", None),
        ("100", None),
    ],
)
def test_nation_label(code: str | int, label: str | None) -> None:
    assert nation_label(code) == label


def test_nation_table_has_56_nations_plus_two() -> None:
    assert len(NATION_CODES) == 58
    assert [c for c in NATION_CODES if int(c) <= 56] == [
        f"{i:02d}" for i in range(1, 57)
    ]


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("汉族", "01"),
        ("汉", "01"),
        ("土族", "30"),
        ("土家族", "15"),
        ("其他", "97"),
        ("外国血统中国籍人士", "98"),
        ("火星族", None),
        ("", None),
    ],
)
def test_nation_code_from_label(label: str, code: str | None) -> None:
    assert nation_code_from_label(label) == code


@given(st.sampled_from(sorted(NATION_CODES)))
def test_nation_label_round_trip(code: str) -> None:
    label = nation_label(code)
    assert label is not None
    assert nation_code_from_label(label) == code
    assert nation_label(str(int(code))) == label
