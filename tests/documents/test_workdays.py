"""Promised dates in working days: weekends, the 2026 holidays and make-up working days (调休上班)."""

from __future__ import annotations

from datetime import date

import pytest

from hallapp.domain.workdays import CalendarError, HolidayCalendar, add_working_days
from hallapp.resources import resource_path

CALENDAR_2026 = resource_path("calendars", "cn-2026.yaml")


@pytest.fixture(scope="module")
def cn2026() -> HolidayCalendar:
    return HolidayCalendar.load(CALENDAR_2026)


def test_acceptance_day_is_not_counted():
    # Thursday 26 November 2026 + 10 working days: the receipt's 2026年12月10日
    assert add_working_days(date(2026, 11, 26), 10, set()) == date(2026, 12, 10)


def test_friday_plus_one_is_monday():
    assert add_working_days(date(2026, 11, 27), 1, set()) == date(2026, 11, 30)


def test_accepted_on_a_saturday_counts_from_monday():
    assert add_working_days(date(2026, 11, 28), 1, set()) == date(2026, 11, 30)


def test_zero_days_is_the_acceptance_day():
    assert add_working_days(date(2026, 11, 28), 0, set()) == date(2026, 11, 28)


def test_national_day_week_is_skipped(cn2026):
    # Wednesday 30 September; 1–7 October are holidays; Thursday 8 October is the first working day.
    assert cn2026.add_working_days(date(2026, 9, 30), 1) == date(2026, 10, 8)
    assert add_working_days(date(2026, 9, 30), 1, set()) == date(2026, 10, 1)  # without the calendar


def test_make_up_saturday_counts(cn2026):
    # Saturday 10 October 2026 is a working day: 8 Oct (1), 9 Oct (2), 10 Oct (3).
    assert cn2026.add_working_days(date(2026, 9, 30), 3) == date(2026, 10, 10)
    assert cn2026.is_working_day(date(2026, 10, 10)) and not cn2026.is_working_day(date(2026, 10, 11))


def test_spring_festival_with_make_up_days_on_both_sides(cn2026):
    # Friday 13 February → Saturday 14 (make-up, 1) → 15–23 holiday → Tuesday 24 (2).
    assert cn2026.add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 14)
    assert cn2026.add_working_days(date(2026, 2, 13), 2) == date(2026, 2, 24)
    # Friday 27 February → Saturday 28 is a make-up working day.
    assert cn2026.add_working_days(date(2026, 2, 27), 1) == date(2026, 2, 28)


def test_the_2026_calendar_is_the_state_council_arrangement(cn2026):
    assert len(cn2026.holidays) == 33  # 3 + 9 + 3 + 5 + 3 + 3 + 7
    assert cn2026.workdays == {date(2026, 1, 4), date(2026, 2, 14), date(2026, 2, 28), date(2026, 5, 9),
                               date(2026, 9, 20), date(2026, 10, 10)}
    assert "2026" in cn2026.source


def test_negative_days_are_refused():
    with pytest.raises(ValueError):
        add_working_days(date(2026, 1, 5), -1, set())


@pytest.mark.parametrize(
    ("entries", "complaint"),
    [
        ("- {date: 2026-03-04, kind: workday}", "not a Saturday or Sunday"),
        ("- {date: 2026-03-07, kind: workday}\n  - {date: 2026-03-07, kind: holiday}", "both"),
        ("- {date: 2026-03-07, kind: vacation}", "kind must be"),
        ("- {date: 2026-13-40, kind: holiday}", "not a date"),
        ("- {date: 2026-03-09, to: 2026-03-02, kind: holiday}", "before"),
    ],
)
def test_a_bad_calendar_file_names_the_problem(tmp_path, entries, complaint):
    path = tmp_path / "calendar.yaml"
    path.write_text(f"name: test\ndays:\n  {entries}\n", encoding="utf-8")
    with pytest.raises(CalendarError, match=complaint) as raised:
        HolidayCalendar.load(path)
    assert str(path) in str(raised.value)


def test_a_local_calendar_adds_to_the_national_one(tmp_path, cn2026):
    local = tmp_path / "local.yaml"
    local.write_text("name: local\ndays:\n  - {date: 2026-11-30, kind: holiday, name: 县庆}\n", encoding="utf-8")
    both = cn2026.union(HolidayCalendar.load(local))
    assert both.add_working_days(date(2026, 11, 27), 1) == date(2026, 12, 1)
    assert date(2026, 10, 1) in both.holidays
