"""`hallapp export-unsent DIR`: unsent cases onto removable media, signed and encrypted."""

from __future__ import annotations

from hallapp.commands._bundle_carry import BundleCommand
from hallapp.sync import bundle

COMMAND = BundleCommand("export-unsent", "write unsent cases to DIR, signed and encrypted", bundle.export_unsent,
                        "exported {entries} cases, {materials} materials to {path}")
NAME = COMMAND.name
NEEDS_APP = True
add_parser = COMMAND.add_parser
run = COMMAND.run
