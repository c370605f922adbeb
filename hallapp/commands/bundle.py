"""`hallapp bundle trust KEYFILE` / `bundle trusted`: which machines' bundles this hall accepts.

`import-bundle` takes a bundle only when it is signed by this home's own hall key or by a key listed
here: another PC of the same hall gives its `keys/hall_sm2.pub.pem`, an administrator lists it.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from hallapp.commands import UserError
from hallapp.sync import bundle

if TYPE_CHECKING:
    from hallapp.bootstrap import AppContext

NAME = "bundle"
NEEDS_APP = True


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(NAME, help="removable-media bundles: the keys whose bundles are accepted")
    actions = parser.add_subparsers(dest="action", required=True)
    trust = actions.add_parser("trust", help="accept bundles signed by this public key (another PC's "
                                             "keys/hall_sm2.pub.pem)")
    trust.add_argument("keyfile", type=Path)
    actions.add_parser("trusted", help="the key ids whose bundles are accepted (this hall's own first)")


def run(app: AppContext, args: argparse.Namespace) -> int:
    if args.action == "trusted":
        for key_id in sorted(bundle.trusted_keys(app.home.keys_dir)):
            print(key_id)
        return 0
    try:
        pem = args.keyfile.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"cannot read {args.keyfile}: give the other PC's keys/hall_sm2.pub.pem") from exc
    try:
        key_id = bundle.trust_key(app.home.keys_dir, pem)
    except ValueError as exc:
        raise UserError(f"{args.keyfile} is not an SM2 public key: give the other PC's keys/hall_sm2.pub.pem "
                        "(never a private key)") from exc
    with app.db.unit_of_work(write=True) as uow:
        uow.audit.append("bundle_key_trusted", actor="cli", key_id=key_id)
    print(f"bundles signed by key {key_id} are now accepted")
    return 0
