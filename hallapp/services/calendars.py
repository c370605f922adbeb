"""Holiday calendars an administrator adds: next year's State Council notice, or a local adjustment.

`import_calendar` checks the file, copies it into the home folder (`calendars/`) and adds it to
`documents.holiday_calendars`, so promised dates count through the new year's holidays.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from hallapp.config import set_value
from hallapp.domain.workdays import HolidayCalendar
from hallapp.home import Home
from hallapp.services.cases import load_calendar


@dataclass(frozen=True)
class ImportedCalendar:
    path: Path  # where the copy lives now
    name: str
    years: tuple[int, ...]  # the years this file covers
    covered: tuple[int, ...]  # every year the hall's calendars cover after the import


def import_calendar(home: Home, source: Path, configured: list[str]) -> ImportedCalendar:
    """Validate `source` (CalendarError names the file and entry; nothing changes then), copy it
    into the home and add it to the configured calendars (`configured`: the current list)."""
    calendar = HolidayCalendar.load(source)
    target_dir = home.root / "calendars"
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / source.name
    if source.resolve() != target.resolve():
        shutil.copyfile(source, target)
    entries = list(configured)
    if str(target) not in entries:
        entries.append(str(target))
    joined = load_calendar(entries)  # every entry still loads together before the setting changes
    set_value(home.settings_file, "documents.holiday_calendars", json.dumps(entries, ensure_ascii=False))
    return ImportedCalendar(target, calendar.name, tuple(sorted(calendar.years)), tuple(sorted(joined.years)))
