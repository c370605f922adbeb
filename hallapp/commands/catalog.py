"""`hallapp catalog import FILE [--merge]` / `catalog search TEXT` / `catalog update [--dry-run]`:
the item catalog from a file, searched, or from the platform's channel with its version."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from hallapp.commands import UserError

if TYPE_CHECKING:
    from hallapp.bootstrap import AppContext
    from hallapp.services.catalog_update import CatalogDiff

NAME = "catalog"
NEEDS_APP = True


def add_parser(sub: argparse._SubParsersAction) -> None:
    cat = sub.add_parser(NAME, help="service item catalog").add_subparsers(dest="action", required=True)
    imp = cat.add_parser("import", help="replace (default) or merge the catalog from a YAML file")
    imp.add_argument("file", type=Path)
    imp.add_argument("--merge", action="store_true", help="keep items the file does not list")
    imp.add_argument("--allow-empty", action="store_true", help="accept a file without items (withdraws every item)")
    find = cat.add_parser("search", help="find items by name, code or pinyin initials")
    find.add_argument("text")
    find.add_argument("--limit", type=int, default=20)
    update = cat.add_parser("update", help="fetch the platform's item list, show what changes and apply it")
    update.add_argument("--dry-run", action="store_true", help="show the differences, change nothing")


def run(app: AppContext, args: argparse.Namespace) -> int:
    if args.action == "update":
        return _update(app, args.dry_run)
    from hallapp.services import catalog

    if args.action == "import":
        counts = catalog.import_catalog(app.db, args.file, merge=args.merge, actor="cli",
                                        allow_empty=args.allow_empty)
        print(f"imported {args.file.name}: {counts.added} added, {counts.updated} updated, "
              f"{counts.deactivated} withdrawn")
        return 0
    hits = catalog.search(app.db, args.text, args.limit)
    if not hits:
        print(f"no item matches '{args.text}'", file=sys.stderr)
        return 1
    for hit in hits:
        print(f"{hit.name}\t{hit.code}\t{hit.department}")
    return 0


def _update(app: AppContext, dry_run: bool) -> int:
    from hallapp.services import catalog_update
    from hallapp.sync.options import from_settings
    from hallapp.sync.platform_clients import create_adapter

    platform = create_adapter(app, from_settings(app.settings))
    try:
        try:
            remote = catalog_update.fetch(platform)
        except catalog_update.CatalogUpdateError as exc:
            raise UserError(str(exc)) from exc
        found = catalog_update.diff(app.db, remote)
        if found.empty and found.current == remote.version:
            print(f"catalog version {remote.version} is already applied")
            return 0
        _print(found)
        if dry_run:
            print("dry run: nothing changed")
            return 0
        catalog_update.apply(app.db, remote, actor="cli", expected=found)
        print(f"catalog version {remote.version} applied")
        return 0
    finally:
        getattr(platform, "close", lambda: None)()


def _print(found: CatalogDiff) -> None:
    print(f"platform catalog version {found.version} (applied now: {found.current or 'none, from a file'}): "
          f"{len(found.added)} new, {len(found.changed)} changed, {len(found.withdrawn)} withdrawn")
    for sign, changes in (("+", found.added), ("~", found.changed), ("-", found.withdrawn)):
        for change in changes:
            fields = f" ({', '.join(change.fields)})" if change.fields else ""
            print(f"{sign} {change.code}\t{change.name}{fields}")
