"""The hall's clock: now and today in the hall's zone whatever the operating system's zone is,
stored times back to hall time, the setting that names the zone, and the calendar's years."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from datetime import time as wall
from pathlib import Path

import pytest

from hallapp.config import SettingsError, load_settings, set_value
from hallapp.domain import clock as clocks
from hallapp.domain.clock import BEIJING, Clock, ClockError, FixedClock, hall_clock, using
from hallapp.domain.workdays import CalendarError, HolidayCalendar, uncovered_years


@pytest.fixture(params=["UTC", "Asia/Shanghai", "America/New_York"])
def os_zone(request: pytest.FixtureRequest) -> Iterator[str]:
    """The operating system's zone (TZ + tzset), put back afterwards."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = request.param
    time.tzset()
    yield request.param
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.mark.parametrize(("hour", "minute", "day"), [(23, 30, date(2026, 12, 8)), (0, 30, date(2026, 12, 9)),
                                                    (7, 59, date(2026, 12, 9)), (8, 0, date(2026, 12, 9))])
def test_today_is_the_halls_day_whatever_the_os_zone(os_zone: str, hour: int, minute: int, day: date) -> None:
    on_day = 8 if hour == 23 else 9
    fixed = FixedClock.at_local(2026, 12, on_day, hour, minute)
    assert fixed.today() == day
    assert fixed.local_now().strftime("%H:%M") == f"{hour:02d}:{minute:02d}"
    assert fixed.now().tzinfo is UTC


def test_the_system_clock_agrees_with_the_real_time_in_beijing(os_zone: str) -> None:
    real = Clock()
    expected = datetime.now(UTC).astimezone(BEIJING)
    assert abs((real.local_now() - expected).total_seconds()) < 5


def test_a_stored_utc_time_reads_as_hall_time(os_zone: str) -> None:
    stored = datetime(2026, 12, 8, 7, 51, tzinfo=UTC)
    assert Clock().format(stored) == "2026-12-08 15:51"
    assert Clock().day_of(datetime(2026, 12, 8, 16, 30, tzinfo=UTC)) == date(2026, 12, 9)  # 00:30 in Beijing
    assert Clock("UTC").format(stored) == "2026-12-08 07:51"


def test_a_naive_time_is_refused_rather_than_guessed() -> None:
    with pytest.raises(ValueError, match="naive"):
        Clock().local(datetime(2026, 12, 8, 15, 51))
    with pytest.raises(ValueError, match="aware"):
        FixedClock(datetime(2026, 12, 8, 15, 51))


def test_a_hall_day_spans_its_own_midnights_in_utc(os_zone: str) -> None:
    start, end = Clock().day_range(date(2026, 12, 8))
    assert (start, end) == (datetime(2026, 12, 7, 16, 0, tzinfo=UTC), datetime(2026, 12, 8, 16, 0, tzinfo=UTC))
    assert Clock().at(date(2026, 12, 8), wall(17, 0)) == datetime(2026, 12, 8, 9, 0, tzinfo=UTC)


def test_a_fixed_clock_moves_only_when_told() -> None:
    fixed = FixedClock.at_local(2026, 12, 8, 23, 30)
    assert fixed.now() == fixed.now()
    fixed.advance(hours=1)
    assert (fixed.today(), fixed.local_now().hour) == (date(2026, 12, 9), 0)
    fixed.set_local(2026, 12, 8, 15, 51)
    assert fixed.format(fixed.now()) == "2026-12-08 15:51"


def test_the_process_clock_is_installed_and_put_back() -> None:
    before = hall_clock()
    fixed = FixedClock.at_local(2026, 12, 8, 23, 30)
    with using(fixed):
        assert hall_clock() is fixed
    assert hall_clock() is before


def test_log_times_are_hall_time(os_zone: str) -> None:
    stamp = datetime(2026, 12, 8, 7, 51, tzinfo=UTC).timestamp()
    assert time.strftime("%Y-%m-%d %H:%M", Clock().struct_time(stamp)) == "2026-12-08 15:51"


# -- the setting ------------------------------------------------------------------------------------


def test_the_hall_zone_defaults_to_beijing_and_is_validated(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    assert load_settings(path).hall.time_zone == "Asia/Shanghai"
    assert load_settings(path).hall.clock().format(datetime(2026, 12, 8, 7, 51, tzinfo=UTC)) == "2026-12-08 15:51"
    with pytest.raises(SettingsError, match="hall.time_zone.*unknown time zone"):
        set_value(path, "hall.time_zone", "Asia/Beijing")  # not an IANA name: Beijing time is Asia/Shanghai
    assert not path.exists(), "a refused value writes nothing"
    assert set_value(path, "hall.time_zone", "Asia/Urumqi").hall.time_zone == "Asia/Urumqi"
    assert load_settings(path).hall.clock().format(datetime(2026, 12, 8, 7, 51, tzinfo=UTC)) == "2026-12-08 13:51"


def test_unknown_zone_names_are_refused() -> None:
    with pytest.raises(ClockError, match="Mars/Olympus"):
        clocks.zone_of("Mars/Olympus")


def test_voice_max_age_is_a_bounded_setting(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    assert load_settings(path).display.voice_max_age_s == 120
    with pytest.raises(SettingsError, match="display.voice_max_age_s"):
        set_value(path, "display.voice_max_age_s", "5")
    assert set_value(path, "display.voice_max_age_s", "300").display.voice_max_age_s == 300


# -- the holiday calendar's years --------------------------------------------------------------------


def test_the_shipped_calendar_covers_2026_only() -> None:
    from hallapp.services.cases import load_calendar

    calendar = load_calendar(["calendars/cn-2026.yaml"])
    assert calendar.years == frozenset({2026})
    assert uncovered_years(calendar, date(2026, 12, 8), date(2026, 12, 29)) == ()
    assert uncovered_years(calendar, date(2026, 12, 18), date(2027, 1, 12)) == (2027,)


def test_a_calendar_may_name_its_years(tmp_path: Path) -> None:
    path = tmp_path / "cn-2027.yaml"
    path.write_text("name: t\nyears: [2027]\ndays: []\n", encoding="utf-8")
    assert HolidayCalendar.load(path).years == frozenset({2027})
    path.write_text("name: t\nyears: twenty\ndays: []\n", encoding="utf-8")
    with pytest.raises(CalendarError, match="years"):
        HolidayCalendar.load(path)


def test_an_administrator_imports_next_years_calendar(tmp_path: Path) -> None:
    from hallapp.home import Home
    from hallapp.services.calendars import import_calendar
    from hallapp.services.cases import load_calendar

    home = Home(tmp_path / "home").ensure()
    bad = tmp_path / "broken.yaml"
    bad.write_text("days:\n  - {date: 2027-02-30, kind: holiday}\n", encoding="utf-8")
    with pytest.raises(CalendarError, match="broken.yaml"):
        import_calendar(home, bad, load_settings(home.settings_file).documents.holiday_calendars)
    assert not home.settings_file.exists(), "a refused file changes nothing"
    good = tmp_path / "cn-2027.yaml"
    good.write_text("name: 2027\ndays:\n  - {date: 2027-01-01, kind: holiday, name: 元旦}\n", encoding="utf-8")
    done = import_calendar(home, good, load_settings(home.settings_file).documents.holiday_calendars)
    assert (done.years, done.covered) == ((2027,), (2026, 2027))
    configured = load_settings(home.settings_file).documents.holiday_calendars
    assert configured == ["calendars/cn-2026.yaml", str(home.root / "calendars" / "cn-2027.yaml")]
    assert not load_calendar(configured).is_working_day(date(2027, 1, 1))
