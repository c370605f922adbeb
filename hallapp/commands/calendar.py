"""`hallapp calendar import FILE` / `calendar list`: the holiday calendars promised dates count through.

Each year the State Council publishes the next year's holidays (国务院办公厅关于 YYYY 年部分节假日安排的
通知); an administrator writes them in the format of the shipped calendars and imports the file.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from hallapp.commands import UserError
from hallapp.config import load_settings
from hallapp.domain.workdays import CalendarError, HolidayCalendar
from hallapp.home import current_home

NAME = "calendar"
NEEDS_APP = False  # calendars are files and a setting: no database needed


def add_parser(sub: argparse._SubParsersAction) -> None:
    cal = sub.add_parser(NAME, help="holiday calendars for promised dates").add_subparsers(dest="action",
                                                                                          required=True)
    imp = cal.add_parser("import", help="check a holiday calendar file, copy it into the home and use it")
    imp.add_argument("file", type=Path, metavar="FILE")
    cal.add_parser("list", help="the calendars in use and the years they cover")


def run(app: None, args: argparse.Namespace) -> int:
    return _import(args.file) if args.action == "import" else _list()


def _import(source: Path) -> int:
    from hallapp.services.calendars import import_calendar
    from hallapp.services.cases import load_calendar

    if not source.is_file():
        raise UserError(f"{source} is not a file: give the path of a holiday calendar (.yaml)")
    home = current_home()
    configured = load_settings(home.settings_file).documents.holiday_calendars
    replaced = str(home.root / "calendars" / source.name)  # a corrected file replaces its earlier copy
    try:
        new = HolidayCalendar.load(source)
        _check_new(source, new, load_calendar([entry for entry in configured if entry != replaced]))
        done = import_calendar(home, source, configured)
    except CalendarError as exc:
        raise UserError(f"{' '.join(str(exc).split())}; nothing changed") from exc  # YAML errors span lines
    except FileNotFoundError as exc:
        raise UserError(f"a calendar in documents.holiday_calendars is missing ({exc}): fix the setting with "
                        "`hallapp config set documents.holiday_calendars ...`; nothing changed") from exc
    print(f"imported {done.name or source.name} ({_years(done.years)}) as {done.path}; "
          f"promised dates now count through {_years(done.covered)}")
    return 0


def _check_new(source: Path, new: HolidayCalendar, current: HolidayCalendar) -> None:
    """A file that covers no year would change nothing; one that contradicts a loaded calendar would
    make a day both a holiday and a working day."""
    if not new.years:
        raise CalendarError(f"{source}: lists no day and no `years:`, so it covers no year")
    clash = (new.holidays & current.workdays) | (new.workdays & current.holidays)
    if clash:
        raise CalendarError(f"{source}: {min(clash)} is a holiday in one calendar and a working day in the other "
                            "(correct the file, or remove the old calendar from documents.holiday_calendars)")


def _list() -> int:
    from hallapp.resources import resource_path

    settings = load_settings(current_home().settings_file)
    covered: set[int] = set()
    for entry in settings.documents.holiday_calendars:
        path = Path(entry)
        try:
            calendar = HolidayCalendar.load(path if path.is_absolute() else resource_path(*path.parts))
        except (CalendarError, FileNotFoundError) as exc:
            print(f"{entry}\tcannot be read ({' '.join(str(exc).split())})")
            continue
        covered |= calendar.years
        print(f"{entry}\t{_years(calendar.years)}\t{calendar.name}")
    print(f"years covered: {_years(covered) if covered else 'none'}; a promised date past them skips weekends only")
    return 0


def _years(years: tuple[int, ...] | frozenset[int] | set[int]) -> str:
    return ", ".join(str(year) for year in sorted(years))
