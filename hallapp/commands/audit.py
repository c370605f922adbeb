"""`hallapp audit verify` / `audit anchor`: check the keyed audit chain against its anchors, or
write an anchor now (the sync runs and the window's close write them too)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from hallapp.services import audit

if TYPE_CHECKING:
    from hallapp.bootstrap import AppContext

NAME = "audit"
NEEDS_APP = True


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(NAME, help="the tamper-evident audit trail")
    actions = parser.add_subparsers(dest="action", required=True)
    actions.add_parser("verify", help="check every event and the anchors; exit 1 if anything was altered")
    actions.add_parser("anchor", help="sign the chain's head and row count into the home's audit-anchor.jsonl")


def run(app: AppContext, args: argparse.Namespace) -> int:
    audit.attach(app.db, app.home)
    if args.action == "anchor":
        anchor = audit.write_anchor(app.db, app.home)
        print(f"audit anchor: {anchor.count} events, head {anchor.head_hash[:16]}…" if anchor else "no anchor written")
        return 0
    check = audit.verify(app.db, app.home)
    print(check.describe())
    return 0 if check.ok else 1
