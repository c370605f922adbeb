"""`hallapp export-unsent DIR`: unsent cases onto removable media, signed and encrypted."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from hallapp.services import audit
from hallapp.sync import bundle

if TYPE_CHECKING:
    from hallapp.bootstrap import AppContext

NAME = "export-unsent"
NEEDS_APP = True


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(NAME, help="write unsent cases to DIR, signed and encrypted")
    parser.add_argument("dir", metavar="DIR", type=Path)


def run(app: AppContext, args: argparse.Namespace) -> int:
    result = bundle.export_unsent(app, Path(args.dir))
    audit.write_anchor(app.db, app.home)
    print(f"exported {result['entries']} cases, {result['materials']} materials to {result['path']}")
    return 0
