"""`hallapp report daily|monthly`: the period's report as PDF, CSV or XLSX (by the file's suffix)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from hallapp.commands import UserError
from hallapp.commands._output import write_out as write
from hallapp.domain.clock import hall_clock
from hallapp.services import hall, output
from hallapp.services.dashboard import Period

if TYPE_CHECKING:
    from hallapp.bootstrap import AppContext

NAME = "report"
NEEDS_APP = True


def add_parser(sub: argparse._SubParsersAction) -> None:
    actions = sub.add_parser(NAME, help="the daily or monthly report (PDF, CSV or XLSX)").add_subparsers(
        dest="action", required=True)
    daily = actions.add_parser("daily", help="one day's report, the one-page summary a supervisor signs")
    daily.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="the hall's day")
    monthly = actions.add_parser("monthly", help="a month's report, per day, counter, clerk and item")
    monthly.add_argument("--month", required=True, metavar="YYYY-MM")
    for parser in (daily, monthly):
        parser.add_argument("--out", required=True, type=Path, metavar="FILE.pdf|.csv|.xlsx",
                            help="where to write it; the suffix picks the format")
        parser.add_argument("--force", action="store_true", help="replace FILE if it already exists")


def run(app: AppContext, args: argparse.Namespace) -> int:
    from hallapp.services import reports  # reportlab and openpyxl load for this command only, not for every other
    from hallapp.services.cases import load_calendar

    refuse_own_file(app, args.out)
    try:
        fmt = reports.fmt_of(args.out.name)
        period = (Period.day(reports.parse_day(args.date, "--date")) if args.action == "daily"
                  else reports.parse_month(args.month))
        info = hall.hall_info(app.db)
        if info is None:
            raise UserError("this database has no hall yet: run `hallapp setup ...` first")
        rule = reports.FollowUpRule(app.settings.evaluation.follow_up_days,
                                    load_calendar(list(app.settings.documents.holiday_calendars)))
        doc = reports.build(app.db, info.id, info.name, period, args.action, hall_clock(), rule)
        data = reports.render(doc, fmt, tuple(app.settings.documents.font_paths))
    except reports.ReportError as exc:
        raise UserError(str(exc)) from exc
    write(app.home, args.out, data, force=args.force)
    print(f"{args.action} report for {doc.period_words} written to {args.out}")
    return 0


def refuse_own_file(app: AppContext, out: Path) -> None:
    """Before any work: never a file of the home, nor the database wherever it lives."""
    try:
        output.refuse_own_file(app.home, out, app.db.sqlite_file)
    except output.OutputError as exc:
        raise UserError(str(exc)) from exc
