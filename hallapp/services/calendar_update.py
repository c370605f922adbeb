"""A year's holiday calendar from the platform: fetch it with its version, show which holidays and
make-up working days change, and apply it.

Applying writes `<home>/calendars/platform-YYYY.yaml` (the format of `hallapp calendar import`),
puts it in `documents.holiday_calendars` in place of the entries that cover only that year (the
shipped `calendars/cn-YYYY.yaml`, an earlier import), and records the version (`catalog_version`,
kind `calendar`). Promised dates of new cases count through it from then on; cases already
accepted keep the date their receipt printed.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from hallapp.config import set_value
from hallapp.domain.errors import CodedError, register
from hallapp.domain.workdays import CalendarError, HolidayCalendar
from hallapp.home import Home
from hallapp.resources import resource_path
from hallapp.storage import Database
from hallapp.storage.models import CatalogVersion

log = logging.getLogger(__name__)
KIND = "calendar"


class CalendarUpdateError(CodedError):
    """A platform calendar that cannot be applied; nothing changed."""


register({
    "calendar.not_published": "The platform has no holiday calendar for {year} yet: nothing changed; try again "
                              "once the State Council's notice is out.",
    "calendar.bad": "The platform's holiday calendar {year} ({version}) cannot be used ({why}): nothing changed.",
    "calendar.clash": "{day} would be a holiday in one calendar and a working day in another ({entry}): "
                      "remove that calendar from documents.holiday_calendars, then update again.",
    "calendar.unreadable": "A calendar in documents.holiday_calendars cannot be read ({why}): fix the setting "
                           "first (hallapp config set documents.holiday_calendars ...).",
    "calendar.changed_since": "The calendars changed since the differences were shown: fetch them again.",
})


@dataclass(frozen=True)
class RemoteCalendar:
    year: int
    version: str
    text: str  # the YAML file hallapp writes, already checked by HolidayCalendar.load
    calendar: HolidayCalendar


@dataclass(frozen=True)
class CalendarDiff:
    year: int
    version: str  # the platform's
    current: str | None  # the last applied from the platform for that year; None: files only
    holidays_added: tuple[date, ...]
    holidays_removed: tuple[date, ...]
    workdays_added: tuple[date, ...]
    workdays_removed: tuple[date, ...]
    entries: tuple[str, ...]  # documents.holiday_calendars after the update

    @property
    def empty(self) -> bool:
        return not (self.holidays_added or self.holidays_removed or self.workdays_added or self.workdays_removed)

    def same_changes(self, other: CalendarDiff) -> bool:
        return (self.current, self.holidays_added, self.holidays_removed, self.workdays_added,
                self.workdays_removed, self.entries) == (other.current, other.holidays_added, other.holidays_removed,
                                                         other.workdays_added, other.workdays_removed, other.entries)


def target(home: Home, year: int) -> Path:
    return home.root / "calendars" / f"platform-{year}.yaml"


def _load_text(text: str) -> HolidayCalendar:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "calendar.yaml"
        path.write_text(text, encoding="utf-8")
        return HolidayCalendar.load(path)


def parse_calendar(body: dict[str, Any], year: int) -> RemoteCalendar:
    """The platform's answer as the calendar file hallapp writes; CalendarUpdateError says what is wrong."""
    version = body["version"].strip()
    header = f"# {year} holiday calendar from the national platform, version {version}; replaced by " \
             f"`hallapp calendar update {year}`.\n"
    doc = {"name": str(body.get("name") or f"{year}"), "source": str(body.get("source") or ""),
           "years": [year], "version": version, "days": body["days"]}
    text = header + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    try:
        calendar = _load_text(text)
    except CalendarError as exc:
        why = " ".join(str(exc).split(": ", 1)[-1].split())  # without the temporary file's name
        raise CalendarUpdateError("calendar.bad", year=year, version=version, why=why) from exc
    if not calendar.holidays:
        raise CalendarUpdateError("calendar.bad", year=year, version=version, why="it lists no holiday")
    return RemoteCalendar(year, version, text, calendar)


def fetch(platform: Any, year: int) -> RemoteCalendar:
    """GET the year's calendar (signed, through the adapter) and check it."""
    from hallapp.sync.catalog_fetch import get_calendar

    body = get_calendar(platform, year)
    if body is None:
        raise CalendarUpdateError("calendar.not_published", year=year)
    return parse_calendar(body, year)


def _load_entry(entry: str) -> HolidayCalendar:
    path = Path(entry)
    try:
        return HolidayCalendar.load(path if path.is_absolute() else resource_path(*path.parts))
    except (CalendarError, FileNotFoundError) as exc:
        raise CalendarUpdateError("calendar.unreadable", why=" ".join(str(exc).split())) from exc


def _plan(home: Home, remote: RemoteCalendar, configured: list[str]) -> tuple[list[str], HolidayCalendar,
                                                                               HolidayCalendar]:
    """(entries after, calendars joined before, joined after): entries covering only that year go."""
    mine = str(target(home, remote.year))
    before, after, entries = HolidayCalendar(), remote.calendar, []
    for entry in configured:
        loaded = _load_entry(entry)
        before = before.union(loaded)
        if entry == mine or loaded.years == frozenset({remote.year}):
            continue
        clash = (loaded.holidays & remote.calendar.workdays) | (loaded.workdays & remote.calendar.holidays)
        if clash:
            raise CalendarUpdateError("calendar.clash", day=min(clash).isoformat(), entry=entry)
        entries.append(entry)
        after = after.union(loaded)
    return [*entries, mine], before, after


def _sorted(days: frozenset[date] | set[date]) -> tuple[date, ...]:
    return tuple(sorted(days))


def diff(db: Database, home: Home, remote: RemoteCalendar, configured: list[str]) -> CalendarDiff:
    """What the update changes in the days promised dates count through (every year the entries cover)."""
    entries, before, after = _plan(home, remote, configured)
    with db.unit_of_work() as uow:
        latest = uow.catalog.latest_version(KIND, remote.year)
    return CalendarDiff(remote.year, remote.version, latest.version if latest else None,
                        _sorted(after.holidays - before.holidays), _sorted(before.holidays - after.holidays),
                        _sorted(after.workdays - before.workdays), _sorted(before.workdays - after.workdays),
                        tuple(entries))


def apply(db: Database, home: Home, remote: RemoteCalendar, configured: list[str], *, actor: str,
          expected: CalendarDiff | None = None) -> CalendarDiff:
    """Write the file, switch the setting and record the version; the database row commits only
    once the file and the setting are in place (a failure before leaves the calendars as they were).

    With `expected` (the diff the administrator saw) calendars that changed meanwhile are refused.
    """
    result = diff(db, home, remote, configured)
    if expected is not None and not result.same_changes(expected):
        raise CalendarUpdateError("calendar.changed_since")
    path = target(home, remote.year)
    path.parent.mkdir(parents=True, exist_ok=True)
    staged = path.with_name(path.name + ".new")
    with db.unit_of_work(write=True) as uow:
        uow.catalog.add_version(CatalogVersion(
            kind=KIND, version=remote.version, year=remote.year, actor=actor,
            added=len(result.holidays_added) + len(result.workdays_added), changed=0,
            withdrawn=len(result.holidays_removed) + len(result.workdays_removed)))
        uow.audit.append("calendar_updated", actor=actor, subject=f"calendar:{remote.year}:{remote.version}",
                         holidays_added=len(result.holidays_added), holidays_removed=len(result.holidays_removed),
                         workdays_added=len(result.workdays_added), workdays_removed=len(result.workdays_removed))
        staged.write_text(remote.text, encoding="utf-8")
        os.replace(staged, path)  # a reader sees the old file or the new one, never half of one
        set_value(home.settings_file, "documents.holiday_calendars", json.dumps(list(result.entries),
                                                                              ensure_ascii=False))
    log.info("holiday calendar %d version %s applied: %d holidays added, %d removed, %d workdays added, %d removed",
             remote.year, remote.version, len(result.holidays_added), len(result.holidays_removed),
             len(result.workdays_added), len(result.workdays_removed))
    return result


def current_version(db: Database, year: int) -> str | None:
    with db.unit_of_work() as uow:
        latest = uow.catalog.latest_version(KIND, year)
        return latest.version if latest else None
