"""`hallapp import-bundle DIR`: enqueue the cases another machine of this hall exported."""

from __future__ import annotations

from hallapp.commands._bundle_carry import BundleCommand

NAME = "import-bundle"
COMMAND = BundleCommand(NAME, "enqueue cases exported on another hall machine", "import_bundle",
                        "imported {bundles} bundles: {enqueued} cases enqueued, {already} already here")
NEEDS_APP = True
add_parser = COMMAND.add_parser
run = COMMAND.run
