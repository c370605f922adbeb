"""`hallapp import-bundle DIR`: enqueue the cases another machine of this hall exported."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from hallapp.services import audit
from hallapp.sync import bundle

if TYPE_CHECKING:
    from hallapp.bootstrap import AppContext

NAME = "import-bundle"
NEEDS_APP = True


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(NAME, help="enqueue cases exported on another hall machine")
    parser.add_argument("dir", metavar="DIR", type=Path)


def run(app: AppContext, args: argparse.Namespace) -> int:
    result = bundle.import_bundle(app, Path(args.dir))
    audit.write_anchor(app.db, app.home)
    print(f"imported {result['bundles']} bundles: {result['enqueued']} cases enqueued, {result['already']} already here")
    return 0
