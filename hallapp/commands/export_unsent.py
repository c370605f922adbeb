"""`hallapp export-unsent DIR`: unsent cases onto removable media, signed and encrypted."""

from __future__ import annotations

from hallapp.commands._bundle_carry import BundleCommand

NAME = "export-unsent"
COMMAND = BundleCommand(NAME, "write unsent cases to DIR, signed and encrypted", "export_unsent",
                        "exported {entries} cases, {materials} materials to {path}")
NEEDS_APP = True
add_parser = COMMAND.add_parser
run = COMMAND.run
