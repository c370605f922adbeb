"""`hallapp platform register`: create the hall key pair if missing and register it."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from hallapp.sync import registration

if TYPE_CHECKING:
    from hallapp.bootstrap import AppContext

NAME = "platform"
NEEDS_APP = True


def add_parser(sub: argparse._SubParsersAction) -> None:
    actions = sub.add_parser(NAME, help="national platform").add_subparsers(dest="action", required=True)
    actions.add_parser("register", help="create the hall key pair if missing and register it")


def run(app: AppContext, args: argparse.Namespace) -> int:
    answer, created = registration.register(app)
    made = "created and registered" if created else "registered"
    print(f"platform: hall key {answer.key_id} {made} at {app.settings.platform.url}")
    return 0
