"""`hallapp import-bundle DIR`: enqueue the cases another machine of this hall exported."""

from __future__ import annotations

from hallapp.commands._bundle_carry import BundleCommand
from hallapp.sync import bundle

COMMAND = BundleCommand("import-bundle", "enqueue cases exported on another hall machine", bundle.import_bundle,
                        "imported {bundles} bundles: {enqueued} cases enqueued, {already} already here")
NAME = COMMAND.name
NEEDS_APP = True
add_parser = COMMAND.add_parser
run = COMMAND.run
