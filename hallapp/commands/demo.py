"""`hallapp demo seed-cases N` and `demo seed-history --days N --tickets-per-day M`: demo and
training data, only in a demo hall (fake cases must never reach a real hall's outbox)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from hallapp.commands import UserError

if TYPE_CHECKING:
    from hallapp.bootstrap import AppContext

NAME = "demo"
NEEDS_APP = True
MAX_DAYS, MAX_PER_DAY = 400, 2000


def add_parser(sub: argparse._SubParsersAction) -> None:
    demo = sub.add_parser(NAME, help="demo and training data").add_subparsers(dest="action", required=True)
    seed = demo.add_parser("seed-cases", help="create N realistic cases in the current home; prints their numbers")
    seed.add_argument("count", type=int)
    history = demo.add_parser("seed-history", help="fill the demo hall with past working days of visits "
                              "(arrivals by hour, no-shows, transfers, cases, receipts, evaluations); reproducible")
    history.add_argument("--days", type=int, required=True, metavar="N", help="working days before today")
    history.add_argument("--tickets-per-day", type=int, required=True, metavar="M")
    history.add_argument("--seed", type=int, default=2026, help="the same seed gives the same history")


def run(app: AppContext, args: argparse.Namespace) -> int:
    from hallapp.services import demo

    require_demo_hall(app)
    if args.action == "seed-cases":
        for number in demo.seed_cases(app, args.count):
            print(number)
        return 0
    if not (1 <= args.days <= MAX_DAYS and 1 <= args.tickets_per_day <= MAX_PER_DAY):
        raise UserError(f"--days must be 1–{MAX_DAYS} and --tickets-per-day 1–{MAX_PER_DAY}")
    summary = demo.seed_history(app, args.days, args.tickets_per_day, seed=args.seed)
    if summary.days:
        print(f"{summary.tickets} tickets and {summary.cases} cases on {len(summary.days)} working days "
              f"({summary.days[0]} to {summary.days[-1]})")
    if summary.skipped:
        print(f"{len(summary.skipped)} working days already had tickets and were left as they were "
              f"({summary.skipped[0]} to {summary.skipped[-1]})")
    return 0


def require_demo_hall(app: AppContext) -> None:
    """Demo data only where a demo hall lives: fake cases must never reach a real hall's outbox."""
    from hallapp.services import hall

    if app.demo:
        return
    info = hall.hall_info(app.db)
    if info is not None and info.demo:
        return
    why = "this database holds a real hall" if info is not None else "this database has no demo hall"
    raise UserError(f"demo commands run only in the demo hall and {why}: use `hallapp --demo demo ...`")
