"""`hallapp calendar import FILE` / `calendar list` / `calendar update YEAR [--dry-run]`: the holiday
calendars promised dates count through.

Each year the State Council publishes the next year's holidays (国务院办公厅关于 YYYY 年部分节假日安排的
通知); an administrator writes them in the format of the shipped calendars and imports the file,
or fetches the year's calendar from the national platform (`update`).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from hallapp.commands import UserError
from hallapp.config import load_settings
from hallapp.domain.workdays import CalendarError, HolidayCalendar
from hallapp.home import current_home

if TYPE_CHECKING:
    from hallapp.bootstrap import AppContext
    from hallapp.services.calendar_update import CalendarDiff

NAME = "calendar"
NEEDS_APP = False  # calendars are files and a setting: no database needed


def add_parser(sub: argparse._SubParsersAction) -> None:
    cal = sub.add_parser(NAME, help="holiday calendars for promised dates").add_subparsers(dest="action",
                                                                                          required=True)
    imp = cal.add_parser("import", help="check a holiday calendar file, copy it into the home and use it")
    imp.add_argument("file", type=Path, metavar="FILE")
    cal.add_parser("list", help="the calendars in use and the years they cover")
    update = cal.add_parser("update", help="fetch the year's calendar from the platform, show what changes, apply it")
    update.add_argument("year", type=int, metavar="YEAR")
    update.add_argument("--dry-run", action="store_true", help="show the differences, change nothing")


def run(app: AppContext | None, args: argparse.Namespace) -> int:
    if args.action == "update":
        return _update_in(app, args) if app is not None else _update_opened(args)
    return _import(args.file) if args.action == "import" else _list()


def _update_opened(args: argparse.Namespace) -> int:
    """`update` needs the database and the platform: open the app for it alone."""
    from hallapp.bootstrap import open_app

    app = open_app(demo=getattr(args, "demo", False))
    try:
        return _update_in(app, args)
    finally:
        app.close()


def _update_in(app: AppContext, args: argparse.Namespace) -> int:
    from hallapp.services import calendar_update
    from hallapp.sync.options import from_settings
    from hallapp.sync.platform_clients import create_adapter

    if not 1949 <= args.year <= 2200:
        raise UserError(f"{args.year} is not a year a holiday calendar can cover (1949-2200)")
    configured = load_settings(app.home.settings_file).documents.holiday_calendars
    platform = create_adapter(app, from_settings(app.settings))
    try:
        try:
            remote = calendar_update.fetch(platform, args.year)
            found = calendar_update.diff(app.db, app.home, remote, configured)
            if found.empty and found.current == remote.version:
                print(f"holiday calendar {args.year} version {remote.version} is already applied")
                return 0
            _print_diff(found)
            if args.dry_run:
                print("dry run: nothing changed")
                return 0
            calendar_update.apply(app.db, app.home, remote, configured, actor="cli", expected=found)
        except calendar_update.CalendarUpdateError as exc:
            raise UserError(str(exc)) from exc
    finally:
        getattr(platform, "close", lambda: None)()
    print(f"holiday calendar {args.year} version {remote.version} applied; promised dates of new cases count "
          f"through {calendar_update.target(app.home, args.year)}")
    return 0


def _print_diff(found: CalendarDiff) -> None:
    print(f"platform holiday calendar {found.year} version {found.version} (applied now: "
          f"{found.current or 'none, from a file'}): {len(found.holidays_added)} holidays added, "
          f"{len(found.holidays_removed)} removed, {len(found.workdays_added)} make-up working days added, "
          f"{len(found.workdays_removed)} removed")
    for sign, kind, days in (("+", "holiday", found.holidays_added), ("-", "holiday", found.holidays_removed),
                             ("+", "workday", found.workdays_added), ("-", "workday", found.workdays_removed)):
        for day in days:
            print(f"{sign} {kind}\t{day.isoformat()}")


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
