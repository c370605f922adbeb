"""Working days (工作日) for promised completion dates, and the holiday calendar they skip.

Convention (what a receipt promises): the day of acceptance is day 0 and is never counted, even
when the case is accepted early in the morning. Day 1 is the first working day *after* the
acceptance day; a case promised in N working days is due at the end of the N-th working day.
Accepting on a Friday with 1 working day promised gives the next Monday (or the next make-up
working day, 调休上班, if the Saturday is one). 0 days (即办件) gives the acceptance day itself.

A working day is a Monday–Friday that is not a public holiday, or a Saturday/Sunday that the
State Council lists as a make-up working day. The calendar is data, published yearly by the
State Council (国务院办公厅关于 YYYY 年部分节假日安排的通知) and sometimes adjusted locally:
load it from a file, never hard-code it.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

HOLIDAY = "holiday"
WORKDAY = "workday"  # make-up working day on a weekend (调休上班)
_KINDS = (HOLIDAY, WORKDAY)
_SATURDAY = 5
# A promise longer than this is a data error, not a real time limit; it also bounds the loop.
MAX_DAYS = 3660


class CalendarError(ValueError):
    """A holiday calendar file that cannot be used; the message names the file and the entry."""


def is_working_day(day: date, holidays: AbstractSet[date], extra_workdays: AbstractSet[date] = frozenset()) -> bool:
    """Monday–Friday and not a holiday, or a weekend day listed as a make-up working day."""
    if day in holidays:
        return False
    return day.weekday() < _SATURDAY or day in extra_workdays


def add_working_days(
    start: date, days: int, holidays: AbstractSet[date], extra_workdays: AbstractSet[date] = frozenset()
) -> date:
    """The date ``days`` working days after ``start`` (the acceptance day is not counted).

    ``days == 0`` returns ``start``. Weekends are skipped unless listed in ``extra_workdays``;
    dates in ``holidays`` are always skipped.
    """
    if not 0 <= days <= MAX_DAYS:
        raise ValueError(f"working days must be 0..{MAX_DAYS}, got {days}")
    day = start
    remaining = days
    while remaining:
        day += timedelta(days=1)
        if is_working_day(day, holidays, extra_workdays):
            remaining -= 1
    return day


@dataclass(frozen=True)
class HolidayCalendar:
    """Public holidays and make-up working days, with where they come from."""

    holidays: frozenset[date] = frozenset()
    workdays: frozenset[date] = frozenset()
    name: str = ""
    source: str = ""
    # The years the State Council notices behind this calendar cover (a year without any listed day
    # would still be a year the calendar speaks for): `years:` in the file, else the years of its days.
    years: frozenset[int] = frozenset()

    @classmethod
    def load(cls, path: Path | str) -> HolidayCalendar:
        """Read a YAML calendar: ``days:`` entries ``{date, kind: holiday|workday, to?, name?}``.

        ``to`` (inclusive) makes an entry a range. A workday must fall on a weekend, and no date
        may be both a holiday and a workday.
        """
        path = Path(path)
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise CalendarError(f"{path}: cannot read the holiday calendar ({exc})") from exc
        except ValueError as exc:  # YAML reads 2026-13-40 as a timestamp and fails on it
            raise CalendarError(f"{path}: an entry is not a date ({exc})") from exc
        if not isinstance(raw, dict) or not isinstance(raw.get("days"), list):
            raise CalendarError(f"{path}: expected a mapping with a 'days' list")
        holidays: set[date] = set()
        workdays: set[date] = set()
        for number, entry in enumerate(raw["days"], start=1):
            kind, dates = _parse_entry(entry, f"{path}: days entry {number}")
            (holidays if kind == HOLIDAY else workdays).update(dates)
        both = holidays & workdays
        if both:
            raise CalendarError(f"{path}: {min(both)} is listed both as a holiday and as a workday")
        years = _years(raw.get("years"), f"{path}: years") or frozenset(d.year for d in holidays | workdays)
        return cls(frozenset(holidays), frozenset(workdays), str(raw.get("name", "")), str(raw.get("source", "")),
                   years)

    def union(self, other: HolidayCalendar) -> HolidayCalendar:
        """Both calendars (e.g. two years, or the national one plus a local adjustment)."""
        return HolidayCalendar(
            self.holidays | other.holidays,
            self.workdays | other.workdays,
            " + ".join(n for n in (self.name, other.name) if n),
            " + ".join(s for s in (self.source, other.source) if s),
            self.years | other.years,
        )

    def is_working_day(self, day: date) -> bool:
        return is_working_day(day, self.holidays, self.workdays)

    def add_working_days(self, start: date, days: int) -> date:
        return add_working_days(start, days, self.holidays, self.workdays)


def uncovered_years(calendar: HolidayCalendar, start: date, end: date) -> tuple[int, ...]:
    """The years from `start` to `end` that the calendar does not cover: a date counted through them
    skipped weekends only, and may fall on a holiday."""
    return tuple(year for year in range(start.year, end.year + 1) if year not in calendar.years)


def _years(value: Any, where: str) -> frozenset[int]:
    if value is None:
        return frozenset()
    values = value if isinstance(value, list) else [value]
    if not all(isinstance(v, int) and 1949 <= v <= 2200 for v in values):
        raise CalendarError(f"{where}: expected a year or a list of years, got {value!r}")
    return frozenset(values)


def _as_date(value: Any, where: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise CalendarError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from exc


def _parse_entry(entry: Any, where: str) -> tuple[str, list[date]]:
    if not isinstance(entry, dict) or "date" not in entry:
        raise CalendarError(f"{where}: expected {{date: YYYY-MM-DD, kind: holiday|workday}}")
    kind = entry.get("kind")
    if kind not in _KINDS:
        raise CalendarError(f"{where}: kind must be one of {', '.join(_KINDS)}, got {kind!r}")
    first = _as_date(entry["date"], where)
    last = _as_date(entry.get("to", first), where)
    if last < first:
        raise CalendarError(f"{where}: 'to' {last} is before 'date' {first}")
    dates = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    if kind == WORKDAY:
        weekday = next((d for d in dates if d.weekday() < _SATURDAY), None)
        if weekday is not None:
            raise CalendarError(f"{where}: make-up workday {weekday} is not a Saturday or Sunday")
    return kind, dates
