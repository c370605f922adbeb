"""`hallapp export visits --from --to --out FILE.csv`: one row per ticket, the daily and monthly
figures recomputable from it alone (columns in hallapp.services.reports.VISIT_COLUMNS)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from hallapp.commands import UserError
from hallapp.commands._output import write_out as write
from hallapp.commands.report import refuse_own_file
from hallapp.domain.clock import hall_clock
from hallapp.services import hall
from hallapp.services.dashboard import Period

if TYPE_CHECKING:
    from hallapp.bootstrap import AppContext

NAME = "export"
NEEDS_APP = True
MAX_DAYS = 366


def add_parser(sub: argparse._SubParsersAction) -> None:
    actions = sub.add_parser(NAME, help="export the hall's records").add_subparsers(dest="action", required=True)
    visits = actions.add_parser("visits", help="one CSV row per ticket: times, counter, clerk, case, receipt, rating")
    visits.add_argument("--from", dest="first", required=True, metavar="YYYY-MM-DD", help="first hall day")
    visits.add_argument("--to", dest="last", required=True, metavar="YYYY-MM-DD", help="last hall day (included)")
    visits.add_argument("--out", required=True, type=Path, metavar="FILE.csv")
    visits.add_argument("--force", action="store_true", help="replace FILE if it already exists")


def run(app: AppContext, args: argparse.Namespace) -> int:
    from hallapp.services import reports  # reportlab and openpyxl load for this command only, not for every other

    refuse_own_file(app, args.out)
    if args.out.suffix.lower() != ".csv":
        raise UserError(f"the visits export is a CSV file: end the file name in .csv, not '{args.out.name}'")
    try:
        first, last = reports.parse_day(args.first, "--from"), reports.parse_day(args.last, "--to")
    except reports.ReportError as exc:
        raise UserError(str(exc)) from exc
    if last < first:
        raise UserError(f"--to ({last}) is before --from ({first}): swap them")
    if (last - first).days >= MAX_DAYS:
        raise UserError(f"at most {MAX_DAYS} days in one export: split the range")
    info = hall.hall_info(app.db)
    if info is None:
        raise UserError("this database has no hall yet: run `hallapp setup ...` first")
    data, count = reports.visits_csv(app.db, info.id, Period(first, last), hall_clock())
    write(app.home, args.out, data, force=args.force)
    print(f"{count} visits from {first} to {last} written to {args.out}")
    return 0
