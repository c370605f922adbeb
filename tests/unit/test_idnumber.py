"""ID number (GB 11643) validation, generation and masking."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hallapp.domain.idnumber import (
    PROBLEM_MESSAGES,
    check_character,
    make_id_number,
    mask_id_number,
    validate_id_number,
)

TODAY = date(2024, 6, 1)
AREAS_CSV = Path(__file__).resolve().parents[2] / "resources" / "regions" / "areas.csv"


def _oracle_valid(number: str) -> bool:
    """Independent form of the rule: Σ a_i·2^(17-i) over all 18 characters ≡ 1 (mod 11), X = 10."""
    values = [10 if c == "X" else int(c) for c in number]
    return sum(a * pow(2, 17 - i, 11) for i, a in enumerate(values)) % 11 == 1


def _with_check(first17: str) -> str:
    return first17 + check_character(first17)


def _current_codes() -> list[str]:
    with open(AREAS_CSV, encoding="utf-8-sig", newline="") as handle:
        return [row["code"] for row in csv.DictReader(handle)]


CURRENT_CODES = _current_codes()

digits17 = st.text(alphabet="0123456789", min_size=17, max_size=17)
births = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)
valid_numbers = st.builds(
    make_id_number, st.sampled_from(CURRENT_CODES), births, st.integers(0, 999)
)


KNOWN_VALID = [
    ("11010519491231002X", date(1949, 12, 31), "2", "北京市"),
    ("510104199001010596", date(1990, 1, 1), "1", "四川省"),
    ("440305200002290088", date(2000, 2, 29), "2", "广东省"),
    ("653101200106097771", date(2001, 6, 9), "1", "新疆维吾尔自治区"),
]


@pytest.mark.parametrize(("number", "born", "sex", "province_name"), KNOWN_VALID)
def test_known_valid_numbers(
    number: str, born: date, sex: str, province_name: str
) -> None:
    assert _oracle_valid(number)
    result = validate_id_number(number, today=TODAY)
    assert result.valid, result.problems
    assert result.problems == ()
    assert result.birth_date == born
    assert result.sex_code == sex
    assert result.province_name == province_name
    assert result.region_code == number[:6]
    assert result.county_status == "current"


def test_check_character_classic_example() -> None:
    assert check_character("11010519491231002") == "X"
    assert check_character("51010419900101059") == "6"


@pytest.mark.parametrize(
    "bad", ["1101051949123100", "110105194912310020", "1101051949123100A", ""]
)
def test_check_character_rejects_non_17_digits(bad: str) -> None:
    with pytest.raises(ValueError):
        check_character(bad)


@given(digits17)
def test_check_character_agrees_with_independent_rule(first17: str) -> None:
    assert _oracle_valid(first17 + check_character(first17))


@given(digits17, st.integers(0, 16), st.integers(1, 9))
def test_any_single_digit_change_changes_check_character(
    first17: str, pos: int, delta: int
) -> None:
    changed = first17[:pos] + str((int(first17[pos]) + delta) % 10) + first17[pos + 1 :]
    assert check_character(changed) != check_character(first17)


@settings(deadline=None)
@given(valid_numbers, st.integers(0, 16), st.integers(1, 9))
def test_single_digit_corruption_is_detected(number: str, pos: int, delta: int) -> None:
    corrupted = number[:pos] + str((int(number[pos]) + delta) % 10) + number[pos + 1 :]
    result = validate_id_number(corrupted, today=TODAY)
    assert not result.valid
    assert "checksum" in result.problems


@settings(deadline=None)
@given(valid_numbers, st.sampled_from("0123456789X"))
def test_wrong_check_character_is_detected(number: str, check: str) -> None:
    if check == number[17]:
        return
    result = validate_id_number(number[:17] + check, today=TODAY)
    assert result.problems[:1] == ("checksum",)


def test_every_adjacent_transposition_of_distinct_digits_is_detected() -> None:
    # Adjacent weights (and the check character's implicit weight 1) differ mod 11, and 11 is
    # prime, so swapping two different adjacent characters always breaks the check: exhaustive.
    base = "510104199001010"
    for a in "0123456789":
        for b in "0123456789":
            if a == b:
                continue
            for pos in range(16):
                first17 = (base + a + b)[:17]
                first17 = first17[:pos] + a + b + first17[pos + 2 :]
                number = _with_check(first17)
                swapped = (
                    number[:pos] + number[pos + 1] + number[pos] + number[pos + 2 :]
                )
                assert (
                    "checksum" in validate_id_number(swapped, today=TODAY).problems
                ), (number, pos)


@settings(deadline=None)
@given(valid_numbers, st.integers(0, 16))
def test_adjacent_transposition_is_detected(number: str, pos: int) -> None:
    if number[pos] == number[pos + 1]:
        return
    swapped = number[:pos] + number[pos + 1] + number[pos] + number[pos + 2 :]
    result = validate_id_number(swapped, today=TODAY)
    assert not result.valid
    # Moving an X out of the last place is a format error; anything else fails the checksum.
    assert "checksum" in result.problems or result.problems == ("format",)


@settings(deadline=None)
@given(st.sampled_from(CURRENT_CODES), births, st.integers(0, 999))
def test_generated_numbers_round_trip(region: str, born: date, seq: int) -> None:
    number = make_id_number(region, born, seq)
    assert len(number) == 18
    result = validate_id_number(number, today=TODAY)
    assert result.valid, result.problems
    assert result.number == number
    assert result.birth_date == born
    assert result.sex_code == ("1" if seq % 2 else "2")
    assert result.region_code == region
    assert result.province_code == region[:2]
    assert result.county_status == "current"


def test_lower_case_x_and_surrounding_space_accepted() -> None:
    result = validate_id_number("  11010519491231002x\n", today=TODAY)
    assert result.valid
    assert result.number == "11010519491231002X"


def test_full_width_input_accepted() -> None:
    result = validate_id_number("１１０１０５１９４９１２３１００２ｘ", today=TODAY)
    assert result.valid
    assert result.number == "11010519491231002X"


@pytest.mark.parametrize(
    "birth", ["19900230", "19901301", "19900100", "19900001", "19000229", "20230229"]
)
def test_impossible_birth_dates_flagged(birth: str) -> None:
    number = _with_check("510104" + birth + "123")
    result = validate_id_number(number, today=TODAY)
    assert result.problems == ("birth_date",)
    assert not result.valid
    assert result.birth_date is None


def test_leap_day_accepted() -> None:
    assert validate_id_number(_with_check("51010420000229123"), today=TODAY).valid


def test_future_birth_date_flagged_relative_to_today() -> None:
    number = make_id_number("510104", date(2024, 6, 2), 123)
    assert validate_id_number(number, today=TODAY).problems == ("birth_date",)
    assert validate_id_number(number, today=date(2024, 6, 2)).valid


def test_birth_before_1900_flagged() -> None:
    number = make_id_number("510104", date(1899, 12, 31), 123)
    assert validate_id_number(number, today=TODAY).problems == ("birth_date",)
    assert validate_id_number(
        make_id_number("510104", date(1900, 1, 1), 123), today=TODAY
    ).valid


def test_retired_county_code_is_still_valid() -> None:
    # 510122 (双流县) became 双流区 510116 in 2015; old cards keep the old code.
    assert "510122" not in CURRENT_CODES
    assert "510116" in CURRENT_CODES
    number = make_id_number("510122", date(1980, 5, 17), 31)
    result = validate_id_number(number, today=TODAY)
    assert result.valid
    assert result.county_status == "not_in_current_list"
    assert result.province_code == "51"
    assert result.province_name == "四川省"


def test_unknown_province_flagged() -> None:
    number = make_id_number("990101", date(1980, 5, 17), 31)
    result = validate_id_number(number, today=TODAY)
    assert result.problems == ("province",)
    assert not result.valid
    assert result.province_code is None
    assert result.province_name is None
    assert result.county_status == "invalid_province"


def test_several_problems_reported_together_in_stable_order() -> None:
    first17 = "99010119901301123"
    wrong = "0" if check_character(first17) != "0" else "1"
    result = validate_id_number(first17 + wrong, today=TODAY)
    assert result.problems == ("checksum", "birth_date", "province")
    assert result.messages == ("校验位错误", "出生日期无效", "省份代码无效")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "110105491231002",
        "1101051949123100",
        "1101051949123100211",
        "1101051949X231002X",
        "11010519491231002Y",
        "110105 19491231002X",
    ],
)
def test_malformed_numbers_are_format_errors(text: str) -> None:
    result = validate_id_number(text, today=TODAY)
    assert result.problems == ("format",)
    assert not result.valid
    assert result.birth_date is None
    assert result.messages == ("格式错误：应为18位",)


def test_problem_messages_cover_every_code() -> None:
    assert PROBLEM_MESSAGES == {
        "format": "格式错误：应为18位",
        "checksum": "校验位错误",
        "birth_date": "出生日期无效",
        "province": "省份代码无效",
    }


@pytest.mark.parametrize(
    ("number", "province_code", "province_name"),
    [
        ("810000198507010118", "81", "香港特别行政区"),
        ("820000199912201010", "82", "澳门特别行政区"),
        ("830000197003150220", "71", "台湾省"),
    ],
)
def test_hk_macao_taiwan_permit_numbers(
    number: str, province_code: str, province_name: str
) -> None:
    result = validate_id_number(number, today=TODAY)
    assert result.valid
    assert result.province_code == province_code
    assert result.province_name == province_name
    assert result.county_status == "current"


def test_mask_18_characters() -> None:
    assert mask_id_number("51010419900101059X") == "5101**********059X"
    assert mask_id_number(" 51010419900101059x ") == "5101**********059X"


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("123456789", "1234*6789"),
        ("12345678", "******78"),
        ("123", "*23"),
        ("12", "**"),
        ("", ""),
    ],
)
def test_mask_short_inputs(text: str, masked: str) -> None:
    assert mask_id_number(text) == masked


@given(valid_numbers)
def test_mask_hides_birth_date_and_sequence(number: str) -> None:
    masked = mask_id_number(number)
    assert len(masked) == 18
    assert masked[:4] == number[:4] and masked[-4:] == number[-4:]
    assert set(masked[4:14]) == {"*"}


@pytest.mark.parametrize(
    ("region", "seq"),
    [("51010", 1), ("5101040", 1), ("51010a", 1), ("510104", -1), ("510104", 1000)],
)
def test_make_id_number_rejects_bad_input(region: str, seq: int) -> None:
    with pytest.raises(ValueError):
        make_id_number(region, date(1990, 1, 1), seq)
