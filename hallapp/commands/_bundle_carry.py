"""What `export-unsent DIR` and `import-bundle DIR` share: one folder argument, a bundle operation of
hallapp.sync.bundle, the audit anchor written after it, one summary line. The discovery in
hallapp/commands/__init__.py takes one command a module, so each keeps a module naming one of these."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hallapp.services import audit

if TYPE_CHECKING:
    from hallapp.bootstrap import AppContext


@dataclass(frozen=True)
class BundleCommand:
    name: str
    help: str
    operation: str  # hallapp.sync.bundle's export_unsent / import_bundle, imported when the command runs
    summary: str  # filled from the operation's result with str.format

    def add_parser(self, sub: argparse._SubParsersAction) -> None:
        sub.add_parser(self.name, help=self.help).add_argument("dir", metavar="DIR", type=Path)

    def run(self, app: AppContext, args: argparse.Namespace) -> int:
        from hallapp.sync import bundle  # not at start: every other command would load it too

        operation: Callable[[Any, Path], dict[str, Any]] = getattr(bundle, self.operation)
        result = operation(app, Path(args.dir))
        audit.write_anchor(app.db, app.home)  # the bundle moved the audit chain: sign its new head
        print(self.summary.format(**result))
        return 0
