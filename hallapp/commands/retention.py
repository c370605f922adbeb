"""`hallapp retention purge [--dry-run]`: remove the scans and personal fields of cases the platform
confirmed more than `retention.days` ago (hallapp/services/retention.py); statistics and the audit
trail stay. `--dry-run` reports what would go and changes nothing."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from hallapp.domain.clock import hall_clock
from hallapp.services import retention

if TYPE_CHECKING:
    from hallapp.bootstrap import AppContext

NAME = "retention"
NEEDS_APP = True
CLI_ACTOR = "cli"  # as hallapp.cli names a command typed at this PC in the audit log


def add_parser(sub: argparse._SubParsersAction) -> None:
    ret = sub.add_parser(NAME, help="the retention policy for scans and personal data").add_subparsers(
        dest="action", required=True)
    purge = ret.add_parser("purge", help="purge scans and personal fields of cases confirmed retention.days ago")
    purge.add_argument("--dry-run", action="store_true", help="report what would be purged, change nothing")


def run(app: AppContext, args: argparse.Namespace) -> int:
    days = app.settings.retention.days
    report = retention.purge(app.db, app.home, days=days, actor=CLI_ACTOR, dry_run=args.dry_run)
    print(_summary(report, days))
    for number in report.cases:
        print(f"  {number}")
    return 0


def _summary(report: retention.PurgeReport, days: int) -> str:
    cutoff = hall_clock().local(report.cutoff).strftime("%Y-%m-%d %H:%M")
    verb = "would purge" if report.dry_run else "purged"
    removed = "would be removed" if report.dry_run else "removed"
    return (f"{verb} {len(report.cases)} case(s) confirmed by the platform before {cutoff} (retention.days {days}): "
            f"{report.scans} scan file(s) {removed} ({report.scan_bytes / 1_048_576:.1f} MB); "
            f"{report.waiting} case(s) not yet confirmed by the platform are kept")
